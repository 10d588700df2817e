"""Our own exports after a user edited them in Excel or WPS: rows and columns deleted, inserted, moved,
duplicated and swapped, values and labels edited, sheets renamed and reordered. The oracle follows
every original cell through the mutations; each imported value must equal what the mutations left
at that cell's place, or the cell must be named in a problem. No silent wrong value, ever."""

from __future__ import annotations

import json
import os
import random
from decimal import Decimal

import openpyxl
import pytest

from core.checks import run_checks
from core.export.xlsx_layout import HIDDEN_SHEET, MAP_ROW
from core.export.xlsx_writer import xlsx_bytes
from core.imports.xlsx_reader import read_xlsx
from core.imports.xlsx_values import convert
from core.values import CellInputError
from tests.xlsx_minimal import workbook_bytes

TRIALS = int(os.environ.get("NIANBAO_FUZZ_TRIALS", "300"))  # more by hand: NIANBAO_FUZZ_TRIALS=5000
FIRST_SEED = int(os.environ.get("NIANBAO_FUZZ_SEED", "0"))
TABLE_SHEETS = ("表二", "表三", "表四")
Cell = tuple[object, tuple[str, int, int] | None]  # value, origin (sheet, row, col) or None if inserted


class SheetModel:
    """A sheet as a dense grid of (value, origin); row and column operations move origins along."""

    def __init__(self, title: str, state: str, cells: dict[tuple[int, int], object]) -> None:
        self.title, self.state = title, state
        rows = max((r for r, _ in cells), default=0) + 2
        cols = max((c for _, c in cells), default=0) + 2
        self.grid: list[list[Cell]] = [[(cells.get((r, c)), (title, r, c)) for c in range(1, cols + 1)]
                                       for r in range(1, rows + 1)]

    def cells(self) -> dict[tuple[int, int], object]:
        return {(r + 1, c + 1): v for r, row in enumerate(self.grid) for c, (v, _) in enumerate(row) if v is not None}

    def where(self) -> dict[tuple[str, int, int], list[tuple[int, int]]]:
        found: dict = {}
        for r, row in enumerate(self.grid):
            for c, (_, origin) in enumerate(row):
                if origin is not None:
                    found.setdefault(origin, []).append((r + 1, c + 1))
        return found

    def _is_data(self, cell: Cell, data: set[tuple[int, int]]) -> bool:
        return cell[1] is not None and cell[1][0] == self.title and (cell[1][1], cell[1][2]) in data

    def mutate(self, rng: random.Random, data: set[tuple[int, int]], labels: set[tuple[int, int]]) -> str:
        rows, cols = len(self.grid), len(self.grid[0])
        i, j = rng.randrange(rows), rng.randrange(rows)
        a, b = rng.randrange(cols), rng.randrange(cols)
        kind = rng.choice(["delete_row", "insert_row", "move_row", "duplicate_row", "swap_rows",
                           "delete_col", "insert_col", "move_col", "duplicate_col", "swap_cols",
                           "edit_value", "edit_value", "edit_label"])
        if kind == "delete_row" and rows > 2:
            del self.grid[i]
        elif kind == "insert_row":
            self.grid.insert(i, [(None, None)] * cols)
        elif kind == "move_row":
            self.grid.insert(j, self.grid.pop(i))
        elif kind == "duplicate_row":
            self.grid.insert(i + 1, list(self.grid[i]))
        elif kind == "swap_rows":
            self.grid[i], self.grid[j] = self.grid[j], self.grid[i]
        elif kind == "delete_col" and cols > 2:
            for row in self.grid:
                del row[a]
        elif kind == "insert_col":
            for row in self.grid:
                row.insert(a, (None, None))
        elif kind == "move_col":
            for row in self.grid:
                row.insert(b, row.pop(a))
        elif kind == "duplicate_col":
            for row in self.grid:
                row.insert(a + 1, row[a])
        elif kind == "swap_cols":
            same_labels = all(x[0] == y[0] or (self._is_data(x, data) and self._is_data(y, data))
                              for x, y in ((row[a], row[b]) for row in self.grid))
            for row in self.grid:
                if same_labels:  # columns labelled alike ("尚未审结" under two headers): a swap of values
                    row[a], row[b] = (row[b][0], row[a][1]), (row[a][0], row[b][1])
                else:
                    row[a], row[b] = row[b], row[a]
        elif kind in ("edit_value", "edit_label"):
            wanted = data if kind == "edit_value" else labels
            spots = [(r, c) for r, row in enumerate(self.grid) for c, (_, o) in enumerate(row)
                     if o is not None and (o[1], o[2]) in wanted and o[0] == self.title]
            if spots:
                r, c = rng.choice(spots)
                new = rng.choice([rng.randint(0, 999), rng.randint(0, 999), round(rng.uniform(0, 99), 4), None,
                                  "/", "无", "12件", "１２"]) if kind == "edit_value" else "改过的标签"
                self.grid[r][c] = (new, self.grid[r][c][1])
        return kind


def distinct_report(sample_report):
    for n, (key, cell) in enumerate(sample_report.template.cells.items()):
        if not cell.computed:
            sample_report.cells[key] = Decimal("3056.81805") if cell.type == "money" else 7 * n + 1
    sample_report.recompute()
    return sample_report


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    from core.report_file import load_report
    from resources import SAMPLE_REPORT

    report = distinct_report(load_report(SAMPLE_REPORT))
    path = tmp_path_factory.mktemp("fuzz") / "base.xlsx"
    path.write_bytes(xlsx_bytes(report, run_checks(report)))
    wb = openpyxl.load_workbook(path)
    sheets = [(ws.title, ws.sheet_state, {(c.row, c.column): c.value for row in ws.iter_rows() for c in row
                                          if c.value is not None}) for ws in wb.worksheets]
    hidden = wb[HIDDEN_SHEET]
    chunks = [c.value for c in hidden[MAP_ROW][1:] if isinstance(c.value, str)]
    mapped = {key: (sheet, openpyxl.utils.cell.coordinate_to_tuple(where))
              for key, sheet, where, _ in json.loads("".join(chunks))}
    assert len(mapped) > 100
    return report, sheets, mapped


def test_no_mutated_export_imports_a_wrong_value(tmp_path, export):
    report, sheets, mapped = export
    template = report.template
    data = {name: {pos for s, pos in mapped.values() if s == name} for name in TABLE_SHEETS}
    labels = {name: {p for p, v in cells.items() if isinstance(v, str)} - data[name] for name, _, cells in sheets
              if name in TABLE_SHEETS}
    totals = {"trials": 0, "read": 0, "named": 0, "wrong": 0}
    failures = []
    kinds: dict[str, int] = {}
    for trial in range(FIRST_SEED, FIRST_SEED + TRIALS):
        rng = random.Random(trial)
        models = [SheetModel(*sheet) for sheet in sheets]
        tables = [m for m in models if m.title in TABLE_SHEETS]
        for _ in range(rng.choice([1, 1, 2, 3])):
            model = rng.choice(tables)
            kind = model.mutate(rng, data[model.title], labels[model.title])
            kinds[kind] = kinds.get(kind, 0) + 1
        if rng.random() < 0.15:
            rng.choice(tables).title += "（改）"
        if rng.random() < 0.15:
            rng.shuffle(models)
        path = tmp_path / f"m{trial}.xlsx"
        path.write_bytes(workbook_bytes([(m.title, m.state, m.cells()) for m in models]))
        result = read_xlsx(path)
        assert result.source == "nianbao"
        named = {k for p in result.problems if not p.notice for k in p.cell_keys}
        places = {}
        for model in models:
            for origin, found in model.where().items():
                places[origin] = (model, found)
        for key, (sheet, (row, col)) in mapped.items():
            cell = template.cells[key]
            model, found = places.get((sheet, row, col), (None, []))
            if key in named:
                totals["named"] += 1
                continue
            assert key in result.read, f"trial {trial}: {key} neither read nor named"
            totals["read"] += 1
            if not found:
                failures.append((trial, key, "read although its cell was deleted", result.report.value(key)))
                continue
            # A duplicated row or column may be read by its labels only if every copy holds the same.
            raws = {repr(model.grid[r - 1][c - 1][0]) for r, c in found}
            raw = model.grid[found[0][0] - 1][found[0][1] - 1][0]
            if len(raws) > 1:
                failures.append((trial, key, f"read although its copies differ: {raws}", result.report.value(key)))
                continue
            if raw is None and cell.computed:
                continue  # a total left blank is computed from cells checked themselves
            try:
                expected = report.value(key) if raw == report.value(key) else convert(raw, None, cell.type)
            except CellInputError:
                failures.append((trial, key, f"imported although {raw!r} is not a number", result.report.value(key)))
                continue
            if result.report.value(key) != expected:
                failures.append((trial, key, f"expected {expected!r} from {raw!r}", result.report.value(key)))
        totals["trials"] += 1
    totals["wrong"] = len(failures)
    print(f"\nfuzz: {totals}; mutations: {kinds}")
    assert failures == [], sorted({(t, k, m) for t, k, m, _ in failures})[:40]
    assert totals["read"] > 0.8 * (totals["read"] + totals["named"])  # naming everything would be no answer
