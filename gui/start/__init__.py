"""The start page: what a clerk can begin with when no report is open."""
