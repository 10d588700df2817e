"""Find and cache the shipped templates by id or by report year."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from core.template.cache import load_cached
from core.template.model import Template
from resources import TEMPLATES_DIR


class UnknownTemplateError(LookupError):
    """No shipped template fits; the message is Chinese and says which format would apply."""


_installed: dict[str, Template] = {}


@contextmanager
def template_installed(template: Template) -> Iterator[Template]:
    """Make an in-memory template loadable by its id for a while (tests use small inline templates)."""
    previous = _installed.get(template.id)
    _installed[template.id] = template
    try:
        yield template
    finally:
        if previous is None:
            _installed.pop(template.id, None)
        else:
            _installed[template.id] = previous


def load_template(template_id: str) -> Template:
    """A shipped template by its id. The id is data from a report file, never a path: anything
    but a shipped id is refused, so a file cannot make the app load (and run) a template of its own."""
    installed = _installed.get(template_id) if isinstance(template_id, str) else None
    if installed is not None:
        return installed
    if not isinstance(template_id, str) or template_id not in available_template_ids():
        shown = template_id if isinstance(template_id, str) and len(template_id) <= 40 else f"{str(template_id)[:40]}……"
        raise UnknownTemplateError(f"找不到报告格式“{shown}”：本软件目前收录的格式有 {', '.join(available_template_ids())}")
    return _load_shipped(template_id)


@cache
def _load_shipped(template_id: str) -> Template:
    return load_cached(TEMPLATES_DIR / f"{template_id}.json", _build)


def _build(path: Path) -> Template:
    from core.template.loader import load_template_file

    return load_template_file(path)


@cache
def available_template_ids() -> tuple[str, ...]:
    # os.listdir, not Path.glob: glob compiles its pattern into a regular expression (a millisecond)
    names = os.listdir(TEMPLATES_DIR)
    return tuple(sorted(name.removesuffix(".json") for name in names if name.endswith(".json")))


def template_for_year(year: int) -> Template:
    """The official format a report for ``year`` must use."""
    for template_id in available_template_ids():
        template = load_template(template_id)
        if template.covers_year(year):
            return template
    first = min(load_template(t).first_year for t in available_template_ids())
    raise UnknownTemplateError(f"没有适用于 {year} 年度的报告格式：本软件收录的格式适用于 {first} 年度及以后的报告")
