"""The rows of a located table with row labels: labels cut over two rows, rows whose label is not an
official one, rows with data but no label, 2019-format rows, and official rows that are missing."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from core.imports.labels import canonical, foreign_labels
from core.imports.xlsx_spec import TableSpec

if TYPE_CHECKING:
    from core.imports.xlsx_locate import SheetIndex

MAX_CONTINUATION_ROWS = 2


def split_labels(spec: TableSpec, index: SheetIndex) -> dict[int, tuple[tuple[int, int], list[int]]]:
    """Row labels cut over two or three rows of one column ("2.其他法律行政" / "法规禁止公开", as text
    pasted from a PDF comes out): grid row → (where its first part is, the sheet rows that continue it).
    A continuation row holds nothing but the rest of the label."""
    wanted = {canonical(i.text): i.row for i in spec.row_items if canonical(i.text) not in index.labels}
    found: dict[int, tuple[tuple[int, int], list[int]]] = {}
    if not wanted:
        return found
    for key, places in index.labels.items():
        if len(key) < 2 or key in spec.known:
            continue
        for target, grid_row in wanted.items():
            if not target.startswith(key) or grid_row in found:
                continue
            for row, col in places:
                text, rest = key, []
                for below in range(row + 1, row + 1 + MAX_CONTINUATION_ROWS):
                    cells = index.rows.get(below, [])
                    if len(cells) != 1 or cells[0][0] != col or not isinstance(cells[0][1], str):
                        break
                    text += canonical(cells[0][1])
                    rest.append(below)
                    if text == target:
                        found[grid_row] = ((row, col), rest)
                        break
                    if not target.startswith(text):
                        break
    return found


def check_rows(spec: TableSpec, index: SheetIndex, rows: dict[int, tuple[int, int]], repeated: set[int],
               continued: set[int], positions: dict[str, tuple[int, int]], headers: set[tuple[int, int]],
               problem) -> None:
    """Name what lies inside the table's rows but is not an official row, and every missing row."""
    missing = {i.row: i for i in spec.row_items if i.row not in rows and i.row not in repeated}
    foreign = foreign_labels(spec.template_id)
    if not rows:
        anchor = min((p for key in spec.known for p in index.labels.get(key, [])), default=(1, 1))
        for item in missing.values():
            problem(*anchor, f"缺少“{item.text}”这一行，该行数据未导入", _row_keys(spec, item.row))
        return
    data_cols = sorted({col for _, col in positions.values()})
    first_data_col = data_cols[0] if data_cols else min(c for _, c in rows.values()) + 3
    header_bottom = max((r for r, _ in headers), default=0)
    order = [i.row for i in spec.row_items]
    found_at = {pos[0] for pos in rows.values()}
    first, last = order.index(min(rows)), order.index(max(rows))
    start = max(header_bottom + 1, min(found_at) - first)
    end = max(found_at) + (len(order) - 1 - last)
    for row in range(start, end + 1):
        if row in found_at or row in continued:
            continue
        cells = index.rows.get(row, [])
        if any(canonical(v) in foreign for _, v in cells if isinstance(v, str)):
            continue  # a row of another format: reported as such
        unknown = [(c, v) for c, v in cells if c < first_data_col and isinstance(v, str) and canonical(v) not in spec.known]
        data = [c for c, _ in cells if c in data_cols]
        if unknown:
            col, text = unknown[0]
            message = f"第 {row} 行的标签“{text}”不是本表的官方行标签，该行数据未导入"
            guess = _closest(str(text), missing)
            keys: tuple[str, ...] = ()
            if guess is not None:
                message += f"；它可能是“{guess.text}”（官方标签被改动或输错了），请核对后改为官方标签"
                keys = _row_keys(spec, guess.row)
                missing.pop(guess.row)
            problem(row, col, message, keys)
        elif data:
            message, keys = _unlabelled_row(spec, row, cells, missing)
            problem(row, data[0], message, keys)
    for item in missing.values():
        near = _neighbour(rows, item.row, order)
        problem(*near, f"缺少“{item.text}”这一行，该行数据未导入", _row_keys(spec, item.row))


def _row_keys(spec: TableSpec, grid_row: int) -> tuple[str, ...]:
    return tuple(c.key for c in spec.cells if c.grid_row == grid_row)


def _unlabelled_row(spec: TableSpec, row: int, cells: list, missing: dict) -> tuple[str, tuple[str, ...]]:
    """A row with data but no row label; a group label alone on it, where another format has a row
    of that name (an older format's single row for what this one splits), names that format."""
    groups = {canonical(g.text): g for g in spec.groups}
    group = next((groups[k] for _, v in cells if isinstance(v, str) and (k := canonical(v)) in groups), None)
    covered = [i for i in spec.row_items if group and group.row <= i.row < group.row + group.rowspan]
    if group is None or not covered or any(i.row not in missing for i in covered):
        return f"第 {row} 行有数据，但没有可识别的行标签，该行数据未导入", ()
    keys: tuple[str, ...] = ()
    for item in covered:
        missing.pop(item.row)
        keys += _row_keys(spec, item.row)
    parts = "”“".join(i.text for i in covered)
    other = _format_with_row(spec, group.text)
    where = f"这是{other}的写法；" if other else ""
    return (f"“{group.text}”只有一行数据，{where}{spec.format_name}把它分为"
            f"“{parts}”{len(covered)} 行，该行数据未导入"), keys


def _format_with_row(spec: TableSpec, text: str) -> str:
    """The name of another shipped format whose table has a row labelled ``text``, or ""."""
    from core.template.registry import available_template_ids, load_template

    key = canonical(text)
    for template_id in available_template_ids():
        template = load_template(template_id)
        if template_id == spec.template_id:
            continue
        if any(i.role == "row_label" and canonical(i.text) == key for t in template.tables for i in t.items):
            return template.name
    return ""


def _closest(text: str, missing: dict):
    keys = {canonical(i.text): i for i in missing.values()}
    match = difflib.get_close_matches(canonical(text), list(keys), n=1, cutoff=0.5)
    return keys[match[0]] if match else None


def _neighbour(rows: dict[int, tuple[int, int]], grid_row: int, order: list[int]) -> tuple[int, int]:
    before = [r for r in order if r < grid_row and r in rows]
    if before:
        row, col = rows[before[-1]]
        return row + grid_row - before[-1], col
    after = [r for r in order if r > grid_row and r in rows]
    row, col = rows[after[0]]
    return row - (after[0] - grid_row), col
