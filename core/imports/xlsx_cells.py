"""Values of located cells into the report, the totals a file left blank, and the importer's rule:
after an import every template cell is either read or named in a located problem."""

from __future__ import annotations

from collections.abc import Callable

from core.cell_types import kind_of
from core.document import Report
from core.expressions import evaluate
from core.imports import ImportProblem
from core.imports.xlsx_locate import Located, coordinate
from core.imports.xlsx_spec import TableSpec
from core.imports.xlsx_values import convert
from core.values import CellInputError, CellValue

# key, raw value at its position → the exact value it stands for, or None to convert the raw value
Exact = Callable[[str, object], CellValue | None]


def read_located(report: Report, located: Located, problems: list[ImportProblem], read: set[str],
                 exact: Exact | None = None) -> None:
    """Every verified position's value into ``report`` (blank cells are read as blank)."""
    grid = located.index.grid
    cells = report.template.cells
    known = located.values
    report.cells.update((key, value) for key, value in known.items() if value is not None)
    read.update(known)
    for key, (row, col) in located.positions.items():
        if key in known:
            continue
        cell = cells[key]
        if (row, col) in grid.uncached_formulas:
            problems.append(ImportProblem(grid.title, coordinate(row, col), f"{cell.name}：单元格是公式，但文件里没有保存计算结果；"
                                          "请在 Excel 或 WPS 中打开并保存后再导入", key))
            continue
        raw = grid.get(row, col)
        try:
            value = exact(key, raw) if exact else None
            if value is None:
                money_format = grid.number_format(row, col) if kind_of(cell.type).money and isinstance(raw, float) else None
                value = convert(raw, money_format, cell.type)
        except CellInputError as error:
            problems.append(ImportProblem(grid.title, coordinate(row, col), f"{cell.name}：{error}", key))
            continue
        if value is not None:
            report.cells[key] = value
        read.add(key)


def fill_blank_totals(report: Report, read: set[str]) -> list[str]:
    """Compute the totals the file left blank, when every cell they add up was read and filled;
    totals it typed stay as typed (the checks verify them)."""
    blank = [c for c in report.template.computations if c.cell not in report.cells and c.cell in read]
    if not blank:
        return []
    numbers = report.numbers()
    filled = []
    for computation in blank:
        result = evaluate(computation.expression, numbers)
        if result is None:
            continue
        report.cells[computation.cell] = kind_of(report.template.cells[computation.cell].type).total(result)
        numbers[computation.cell] = result
        filled.append(computation.cell)
    return filled


def name_unread_cells(report: Report, specs: dict[str, TableSpec], located: dict[str, Located | None],
                      read: set[str], problems: list[ImportProblem]) -> None:
    """The final pass: a template cell neither read nor named in a problem is named here, per table,
    so no path through the importer can leave a cell silently absent."""
    named = {key for p in problems for key in p.cell_keys}
    for table_key, spec in specs.items():
        unread = [c.key for c in spec.cells if c.key not in read and c.key not in named]
        if not unread:
            continue
        place = located.get(table_key)
        sheet, where = (place.index.grid.title, coordinate(*place.where)) if place else ("", "")
        names = "、".join(report.template.cells[k].name for k in unread[:5])
        more = f"等 {len(unread)} 个单元格" if len(unread) > 5 else ""
        problems.append(ImportProblem(sheet, where, f"{spec.label}：{names}{more}没有读取到（找不到它们在表格中的位置），"
                                                    "这些单元格未导入", keys=tuple(unread)))
