"""Text chapters: editors for each text slot and the standard sentences."""
