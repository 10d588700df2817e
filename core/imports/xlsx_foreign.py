"""Read a workbook made elsewhere in the official layout, by matching its labels."""

from __future__ import annotations

from core.document import Report, UnitInfo
from core.imports import ImportProblem
from core.imports.xlsx_cells import Exact, fill_blank_totals, name_unread_cells, read_located
from core.imports.xlsx_labels import labels_2019
from core.imports.xlsx_locate import Located, SheetIndex, coordinate, locate_table
from core.imports.xlsx_meta import metadata_problems, read_metadata
from core.imports.xlsx_spec import table_specs
from core.imports.xlsx_workbook import SheetGrid
from core.template import UnknownTemplateError, load_template, template_for_year

DEFAULT_TEMPLATE = "2021"


def read_by_labels(grids: list[SheetGrid], problems: list[ImportProblem], read: set[str]) -> Report:
    indexes = [SheetIndex.build(grid) for grid in grids]
    meta = read_metadata(indexes)
    problems.extend(ImportProblem(*conflict) for conflict in meta.conflicts)
    template = load_template(DEFAULT_TEMPLATE)
    if meta.year is not None:
        try:
            template = template_for_year(meta.year)
        except UnknownTemplateError as error:
            sheet, _, cell = meta.year_source.partition("!")
            problems.append(ImportProblem(sheet, cell, f"{error}；已按{template.name}读取"))
    unit = UnitInfo(**{k: v for k, v in meta.unit.items() if k in UnitInfo.field_names()})
    report = Report(template_id=template.id, year=meta.year or 0, unit=unit, signing_date=meta.signing_date)
    problems.extend(metadata_problems(report.unit, meta))
    _find_2019_labels(indexes, problems)
    read_tables(report, indexes, problems, read)
    return report


def read_tables(report: Report, indexes: list[SheetIndex], problems: list[ImportProblem], read: set[str],
                exact: Exact | None = None) -> dict[str, Located | None]:
    """Every table of the report's template, located by labels and read; the final pass names
    whatever was neither read nor named."""
    specs = table_specs(report.template_id)
    located: dict[str, Located | None] = {}
    for key, spec in specs.items():
        located[key] = place = locate_table(spec, indexes, problems)
        if place is None:
            first = spec.table.items[0].text or spec.row_items[0].text
            problems.append(ImportProblem("", "", f"没有找到{spec.label}的表格（按官方标签查找，例如“{first}”），"
                                                  "该表数据未导入", keys=tuple(c.key for c in spec.cells)))
            continue
        read_located(report, place, problems, read, exact)
    fill_blank_totals(report, read)
    name_unread_cells(report, specs, located, read, problems)
    return located


def _find_2019_labels(indexes: list[SheetIndex], problems: list[ImportProblem]) -> None:
    old_labels = labels_2019()
    for index in indexes:
        for key, positions in index.labels.items():
            if key not in old_labels:
                continue
            old, new = old_labels[key]
            instead = f"2021 年版对应的是“{new}”" if new else "2021 年版格式没有这一项"
            problems.append(ImportProblem(index.grid.title, coordinate(*positions[0]),
                                          f"“{old}”是 2019 年版格式（国办公开办函〔2019〕60号）的标签，{instead}。"
                                          "2021 年及以后的年报应使用 2021 年版格式（国办公开办函〔2021〕30号）的表格"))

