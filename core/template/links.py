"""Which cells of another format mean the same as a cell of this one, and what carries into next year.

Keys shared by two formats mean the same by construction (a format gives a cell a new key when its
meaning changed); a template's ``links`` add renamed keys and sums. Either template may state the
link: 2019's links to 2021 also serve a 2021 report that reads a 2019 one (where a link names a
single cell, so that it can be read backwards).
"""

from __future__ import annotations

from core.template.model import Template


def key_map(ours: Template, theirs: Template) -> dict[str, tuple[str, ...]]:
    """our cell key → their cell keys (summed), for every cell of ours with a counterpart in theirs."""
    if ours.id == theirs.id:
        return {key: (key,) for key in ours.cells}
    mapping = {key: (key,) for key in ours.cells if key in theirs.cells}
    backward = theirs.links.get(ours.id)
    if backward is not None:
        for their_key, our_keys in backward.same.items():
            if len(our_keys) == 1 and our_keys[0] in ours.cells:
                mapping[our_keys[0]] = (their_key,)
    forward = ours.links.get(theirs.id)
    if forward is not None:
        mapping.update({key: targets for key, targets in forward.same.items()
                        if all(t in theirs.cells for t in targets)})
    return mapping


def carried_into_next_year(last: Template, this: Template) -> dict[str, tuple[str, ...]]:
    """this year's cell → last year's cells (summed) it starts from (结转下年度 → 上年结转)."""
    link = last.links.get(this.id)
    if link is None:
        return {}
    carried: dict[str, list[str]] = {}
    for last_key, this_keys in link.next_year.items():
        for this_key in this_keys:
            if this_key in this.cells and last_key in last.cells:
                carried.setdefault(this_key, []).append(last_key)
    return {key: tuple(sources) for key, sources in carried.items()}
