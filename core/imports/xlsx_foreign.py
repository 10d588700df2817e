"""Read a workbook made elsewhere in the official layout, by matching its labels."""

from __future__ import annotations

from collections.abc import Collection

from core.document import Report, UnitInfo
from core.imports import ImportProblem
from core.imports.labels import foreign_labels, table_labels
from core.imports.xlsx_cells import Exact, fill_blank_totals, name_unread_cells, read_located
from core.imports.xlsx_locate import Located, SheetIndex, coordinate, locate_table
from core.imports.xlsx_meta import metadata_problems, read_metadata
from core.imports.xlsx_spec import table_specs
from core.imports.xlsx_workbook import SheetGrid
from core.template import Template, UnknownTemplateError, load_template, template_for_year
from core.template.registry import available_template_ids


def read_by_labels(grids: list[SheetGrid], problems: list[ImportProblem], read: set[str]) -> Report:
    indexes = [SheetIndex.build(grid) for grid in grids]
    meta = read_metadata(indexes)
    problems.extend(ImportProblem(*conflict) for conflict in meta.conflicts)
    template = format_by_labels(indexes)
    if meta.year is not None:
        try:
            template = template_for_year(meta.year)
        except UnknownTemplateError as error:
            sheet, _, cell = meta.year_source.partition("!")
            problems.append(ImportProblem(sheet, cell, f"{error}；已按表格标签判断为{template.name}读取"))
    unit = UnitInfo(**{k: v for k, v in meta.unit.items() if k in UnitInfo.field_names()})
    report = Report(template_id=template.id, year=meta.year or 0, unit=unit, signing_date=meta.signing_date)
    problems.extend(metadata_problems(report.unit, meta, template.name))
    _find_foreign_labels(template, indexes, problems)
    read_tables(report, indexes, problems, read)
    return report


def read_tables(report: Report, indexes: list[SheetIndex], problems: list[ImportProblem], read: set[str],
                exact: Exact | None = None, known: dict[str, Located] | None = None,
                only: Collection[str] | None = None) -> dict[str, Located | None]:
    """Every table of the report's format (or ``only`` these: the tables our own export wrote), located
    by labels (or at ``known`` positions) and read; the final pass names whatever was neither read nor named."""
    specs = {key: spec for key, spec in table_specs(report.template_id).items() if only is None or key in only}
    located: dict[str, Located | None] = {}
    for key, spec in specs.items():
        located[key] = place = known.get(key) if known is not None else locate_table(spec, indexes, problems)
        if place is None:
            first = spec.table.items[0].text or spec.row_items[0].text
            problems.append(ImportProblem("", "", f"没有找到{spec.label}的表格（按官方标签查找，例如“{first}”），"
                                                  "该表数据未导入", keys=tuple(c.key for c in spec.cells)))
            continue
        read_located(report, place, problems, read, exact)
    fill_blank_totals(report, read)
    name_unread_cells(report, specs, located, read, problems)
    return located


def format_by_labels(indexes: list[SheetIndex]) -> Template:
    """The shipped format whose table labels the workbook has most of (the newest on a tie)."""
    found = set().union(*(index.labels.keys() for index in indexes)) if indexes else set()
    ids = sorted(available_template_ids(), key=lambda i: load_template(i).first_year, reverse=True)
    best = max(ids, key=lambda i: len(table_labels(i) & found) - len(foreign_labels(i).keys() & found))
    return load_template(best)


def _find_foreign_labels(template: Template, indexes: list[SheetIndex], problems: list[ImportProblem]) -> None:
    """Labels of another format's tables: named where they are, as not this format's."""
    foreign = foreign_labels(template.id)
    for index in indexes:
        for key, positions in index.labels.items():
            if key not in foreign:
                continue
            label, other = foreign[key]
            problems.append(ImportProblem(index.grid.title, coordinate(*positions[0]),
                                          f"“{label}”是{other}的标签，本报告按{template.name}读取，"
                                          "其表格没有这一项，该处数据未导入"))
