"""The 汇总 window (collect, audit and add up the units' reports) and the lock on an aggregated
report's tables."""
