"""The official report formats as data: load, lint and look up templates."""

from core.template.loader import TemplateError, load_template_file
from core.template.model import Cell, Chapter, Column, GridItem, Row, Rule, Section, Table, Template
from core.template.registry import UnknownTemplateError, load_template, template_for_year

__all__ = [
    "Cell", "Chapter", "Column", "GridItem", "Row", "Rule", "Section", "Table", "Template",
    "TemplateError", "UnknownTemplateError", "load_template", "load_template_file", "template_for_year",
]
