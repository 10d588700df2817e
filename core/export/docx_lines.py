"""A unit's name broken into balanced lines at a sensible point, for the title and the signature.

"宁夏回族自治区吴忠市利通区金积镇人民政府办公室" is broken after a level of the administrative
division (省, 自治区, 市, 县, 区, 镇, 乡, 街道 …) or before the organ (人民政府, 办公室 …), choosing the
place that gives lines of the most similar length; only a name without such a place is broken
between any two characters, still into lines of similar length.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable

# A line may end after these (the longest match is used, so 自治区 wins over 区) …
AFTER = ("自治区", "自治州", "自治县", "自治旗", "特别行政区", "地区", "街道", "省", "市", "州", "盟", "县", "区",
         "旗", "镇", "乡")
# … unless they begin a word: 市场监督管理局, 区域, 县域, 市政, 市民, 乡村振兴 …
NOT_BEFORE = ("场", "域", "政", "民", "村", "直", "属", "委")
# A line may begin with these.
BEFORE = ("人民政府", "人民代表大会", "办公室", "办公厅", "委员会")


def break_points(name: str) -> set[int]:
    """Indexes i (0 < i < len) where a line may end before name[i]: a title line may also break
    before its year ("…管理局 / 2017年政府信息公开工作年度报告")."""
    points = set()
    for i in range(1, len(name)):
        if name.startswith(BEFORE, i) or _YEAR.match(name, i) and not name[i - 1].isdigit():
            points.add(i)
        elif any(name.endswith(suffix, 0, i) for suffix in AFTER) and name[i] not in NOT_BEFORE:
            points.add(i)
    return points


_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
MAX_SEARCH = 4  # lines tried at sensible points; longer names are split evenly
MAX_CHOICES = 5000  # ways to choose the breaks tried at most (a name of 市市市… has a point everywhere)


def balanced_lines(name: str, capacity: float, width: Callable[[str], float]) -> list[str]:
    """``name`` as the fewest lines no wider than ``capacity`` (by ``width``), of similar length,
    broken at break_points where possible. A name that fits stays one line."""
    if not name or width(name) <= capacity:
        return [name] if name else []
    cuts = _sensible_cuts(name, capacity, width, sorted(break_points(name))) or _even_cuts(name, capacity, width)
    edges = [0, *cuts, len(name)]
    return [name[a:b] for a, b in zip(edges, edges[1:], strict=False)]


def _sensible_cuts(name: str, capacity: float, width: Callable[[str], float], points: list[int]) -> list[int]:
    """The cuts among ``points`` giving the fewest lines within capacity, then the narrowest widest
    line; [] if no choice of them fits."""
    least = max(2, math.ceil(width(name) / capacity))
    for lines in range(least, min(MAX_SEARCH, len(points) + 1) + 1):
        if math.comb(len(points), lines - 1) > MAX_CHOICES:
            return []
        best: tuple[float, tuple[int, ...]] | None = None
        for cuts in itertools.combinations(points, lines - 1):
            edges = [0, *cuts, len(name)]
            widest = max(width(name[a:b]) for a, b in zip(edges, edges[1:], strict=False))
            if widest <= capacity and (best is None or widest < best[0]):
                best = (widest, cuts)
        if best is not None:
            return list(best[1])
    return []


def _even_cuts(name: str, capacity: float, width: Callable[[str], float]) -> list[int]:
    """Cuts between any characters into the fewest lines that fit, each about the same width."""
    total = width(name)
    for lines in range(max(2, math.ceil(total / capacity)), len(name) + 1):
        cuts, used, target = [], 0.0, total / lines
        for i, ch in enumerate(name):
            if i and used >= target * (len(cuts) + 1) - width(ch) / 2 and len(cuts) < lines - 1:
                cuts.append(i)
            used += width(ch)
        edges = [0, *cuts, len(name)]
        if all(width(name[a:b]) <= capacity for a, b in zip(edges, edges[1:], strict=False)):
            return cuts
    return list(range(1, len(name)))  # each character wider than a line: one a line
