"""Names check results share, importable without the results' types (the first screen needs only
these: the tabs and the check panel are built before the first check runs)."""

FRONT_MATTER = "front"  # chapter key for findings about unit information and the opening paragraph
FRONT_MATTER_TITLE = "单位信息与开头段落"
