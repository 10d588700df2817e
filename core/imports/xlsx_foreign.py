"""Read a workbook made elsewhere in the official layout, by matching its labels."""

from __future__ import annotations

from core.document import UNIT_KINDS, UNIT_LEVELS, Report, UnitInfo
from core.expressions import evaluate_partial
from core.imports import ImportProblem
from core.imports.xlsx_labels import labels_2019
from core.imports.xlsx_locate import SheetIndex, coordinate, locate_table
from core.imports.xlsx_meta import read_metadata
from core.imports.xlsx_spec import table_specs
from core.imports.xlsx_values import convert
from core.imports.xlsx_workbook import SheetGrid
from core.template import UnknownTemplateError, load_template, template_for_year
from core.values import CellInputError

DEFAULT_TEMPLATE = "2021"


def read_by_labels(grids: list[SheetGrid], problems: list[ImportProblem]) -> Report:
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
    _metadata_problems(meta.unit, meta.year, problems)
    _find_2019_labels(indexes, problems)

    for spec in table_specs(template.id).values():
        located = locate_table(spec, indexes, problems)
        if located is None:
            problems.append(ImportProblem("", "", f"没有找到{spec.label}的表格（按官方标签查找，例如"
                                                  f"“{spec.table.items[0].text or spec.row_items[0].text}”），该表数据未导入"))
            continue
        grid = located.index.grid
        for key, (row, col) in located.positions.items():
            cell = template.cells[key]
            where = coordinate(row, col)
            if (row, col) in grid.uncached_formulas:
                problems.append(ImportProblem(grid.title, where, f"{cell.name}：单元格是公式，但文件里没有保存计算结果；"
                                              "请在 Excel 或 WPS 中打开并保存后再导入", key))
                continue
            try:
                value = convert(grid.get(row, col), grid.formats.get((row, col)), cell.type)
            except CellInputError as error:
                problems.append(ImportProblem(grid.title, where, f"{cell.name}：{error}", key))
                continue
            if value is not None:
                report.cells[key] = value
    fill_blank_totals(report)
    return report


def fill_blank_totals(report: Report) -> list[str]:
    """Compute the totals the file left blank; totals it typed stay as typed (the checks verify them)."""
    numbers = report.numbers()
    filled = []
    for computation in report.template.computations:
        if computation.cell in report.cells:
            continue
        result = evaluate_partial(computation.expression, numbers)
        if result is None:
            continue
        is_count = report.template.cells[computation.cell].type == "count"
        report.cells[computation.cell] = int(result) if is_count and result == result.to_integral_value() else result
        numbers[computation.cell] = result
        filled.append(computation.cell)
    return filled


def _metadata_problems(unit: dict[str, str], year: int | None, problems: list[ImportProblem]) -> None:
    if year is None:
        problems.append(ImportProblem("", "", "文件中没有找到报告年度（标题行中如“XX镇人民政府2025年政府信息公开工作年度报告”），"
                                              "年度暂空，请导入后填写"))
    if not unit.get("name"):
        problems.append(ImportProblem("", "", "文件中没有找到单位名称，单位名称暂空，请导入后填写"))
        return
    if unit.get("kind") not in UNIT_KINDS:
        problems.append(ImportProblem("", "", f"无法从单位名称“{unit['name']}”判断单位类型（人民政府或部门），请导入后确认"))
    elif unit.get("level") not in UNIT_LEVELS and unit.get("kind") == "government":
        problems.append(ImportProblem("", "", f"无法从单位名称“{unit['name']}”判断行政层级，请导入后在单位信息中选择"))
    elif unit.get("level") not in UNIT_LEVELS:
        problems.append(ImportProblem("", "", f"文件中没有“{unit['name']}”的行政层级，请导入后在单位信息中选择"))


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

