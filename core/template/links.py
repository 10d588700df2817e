"""Which cell of another format means the same as a cell of this one.

Keys shared by two formats mean the same by construction (a format gives a cell a new key when its
meaning changed); a template's ``links`` add the keys that were renamed. Either template may state
the link: 2019's "links" to 2021 also serve a 2021 report that reads a 2019 one.
"""

from __future__ import annotations

from core.template.model import Template


def key_map(ours: Template, theirs: Template) -> dict[str, str]:
    """our cell key → their cell key, for every cell of ours that has a counterpart in theirs."""
    if ours.id == theirs.id:
        return {key: key for key in ours.cells}
    mapping = {key: key for key in ours.cells if key in theirs.cells}
    for their_key, our_key in theirs.links.get(ours.id, {}).items():
        if our_key in ours.cells and their_key in theirs.cells:
            mapping[our_key] = their_key
    for our_key, their_key in ours.links.get(theirs.id, {}).items():
        if our_key in ours.cells and their_key in theirs.cells:
            mapping[our_key] = their_key
    return mapping
