"""The report's outline: its chapters, sections and included tables, and its print options."""
