"""The superior office's work: collect units' reports, audit each, and add them up into its own.

Importing this package stays cheap (``core.document`` imports the breakdown a report carries).
"""
