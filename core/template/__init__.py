"""The official report formats as data: load, lint and look up templates.

The builder (``loader`` and the modules it lints with) loads when a template is first built: a
shipped template read from the cache (``cache``) needs only the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.template.model import Cell, Chapter, Column, GridItem, Phrase, Row, Rule, Section, Table, Template
from core.template.registry import UnknownTemplateError, load_template, template_for_year

if TYPE_CHECKING:
    from core.template.lint import TemplateError
    from core.template.loader import load_template_file, load_template_text

__all__ = [
    "Cell", "Chapter", "Column", "GridItem", "Phrase", "Row", "Rule", "Section", "Table", "Template",
    "TemplateError", "UnknownTemplateError", "load_template", "load_template_file", "load_template_text",
    "template_for_year",
]

_BUILDER = {"TemplateError": "lint", "load_template_file": "loader", "load_template_text": "loader"}


def __getattr__(name: str):
    module = _BUILDER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"core.template.{module}"), name)
