"""The official report formats as data: load, lint and look up templates."""

from core.template.lint import TemplateError
from core.template.loader import load_template_file, load_template_text
from core.template.model import Cell, Chapter, Column, GridItem, Phrase, Row, Rule, Section, Table, Template
from core.template.registry import UnknownTemplateError, load_template, template_for_year

__all__ = [
    "Cell", "Chapter", "Column", "GridItem", "Phrase", "Row", "Rule", "Section", "Table", "Template",
    "TemplateError", "UnknownTemplateError", "load_template", "load_template_file", "load_template_text",
    "template_for_year",
]
