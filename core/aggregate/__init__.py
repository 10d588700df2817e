"""The superior office's work: collect units' reports, audit each, and add them up into its own.

What an aggregated report keeps of its members is a report part: core/member_breakdown.py.
"""
