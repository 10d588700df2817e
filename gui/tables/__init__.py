"""Table chapters: a Qt model over the report cells, its view, delegate and clipboard."""
