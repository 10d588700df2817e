"""A published table's rows into report cells, by their labels (the workbook import's label matching).

A source row is matched to the template row whose row label it carries (exactly, or as the end of
its labels: a group label, then the row's own), in the template's order, so that a label the table
prints twice (under two headings) goes to the next such row. A label cut over two lines by a page
break is joined with the line after it. The numbers after the label are the row's cells left to right;
their count must be the row's, or the row is named and nothing of it is read: a number is never put in
a cell it may not belong to. Header labels before the first row of numbers must come in the official
order, or the columns could be taken one for another and the table is not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from core.document import Report
from core.imports import ImportProblem, Origin
from core.imports.labels import canonical
from core.imports.published.blocks import Block, is_value
from core.imports.xlsx_spec import table_specs
from core.template import Table, load_template
from core.values import CellInputError, parse_cell_input, same_value


@dataclass(frozen=True)
class TemplateRow:
    label_key: str | None  # the row label's canonical key; None for a row of numbers under the header (表四)
    label: str
    cells: tuple[str, ...]  # cell keys left to right
    extras: frozenset[str]  # other labels printed in the row (the old 统计表's 单位)


@dataclass(frozen=True)
class TableShape:
    rows: tuple[TemplateRow, ...]
    headers: tuple[tuple[str, ...], ...]  # each header row's canonical keys, left to right
    known: frozenset[str]  # every label of the table
    row_keys: frozenset[str]
    name: str  # the table's label for messages (Table.label)
    extras: frozenset[str] = frozenset()  # labels printed beside row labels (the old 统计表's 单位)


@cache
def table_shape(template_id: str, table_key: str) -> TableShape:
    table = load_template(template_id).table(table_key)
    by_row: dict[int, list] = {}
    for item in table.items:
        by_row.setdefault(item.row, []).append(item)
    rows = []
    for r in sorted(by_row):
        items = sorted(by_row[r], key=lambda i: i.col)
        cells = tuple(i.cell for i in items if i.cell)
        if not cells:
            continue
        label = next((i for i in items if i.role == "row_label"), None)
        extras = frozenset(canonical(i.text) for i in items if i.role == "label" and i.rowspan == 1 and i.text)
        rows.append(TemplateRow(canonical(label.text) if label else None, label.text if label else "", cells, extras))
    headers = tuple(tuple(canonical(i.text) for i in sorted(by_row[r], key=lambda i: i.col) if i.role == "header")
                    for r in sorted(by_row) if any(i.role == "header" for i in by_row[r]))
    known = frozenset(canonical(i.text) for i in table.items if i.text)
    return TableShape(tuple(rows), headers, known, frozenset(r.label_key for r in rows if r.label_key),
                      table_specs(template_id)[table_key].label, frozenset().union(*(r.extras for r in rows)))


def label_score(template_id: str, table_key: str, blocks: list[Block]) -> int:
    """How many distinct row labels of the table the rows carry (to tell which table a run of rows is)."""
    shape = table_shape(template_id, table_key)
    found = set()
    for block in blocks:
        keys = [canonical(f) for f in block.fields if f and not is_value(f)]
        joined = canonical("".join(f for f in block.fields if f and not is_value(f)))
        found |= {k for k in shape.row_keys if k in keys or (len(k) >= 4 and joined.endswith(k))}
        found |= {k for k in keys if any(k in row for row in shape.headers)}
    return len(found)


@dataclass
class TableRead:
    """What reading one table found: its read cells go into ``read``, the rest are named in ``problems``."""

    report: Report
    table: Table
    problems: list[ImportProblem]
    read: set[str]
    shape: TableShape = field(init=False)
    origins: list[Origin] = field(default_factory=list)
    title: str = ""  # the table's name in messages where the format's numbering does not apply (the unit's outline)
    matched: dict[int, tuple[str, ...]] = field(default_factory=dict)  # template row → values read there
    named: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.shape = table_shape(self.report.template_id, self.table.key)
        if self.title:
            self.shape = replace(self.shape, name=self.title)

    def run(self, blocks: list[Block]) -> None:
        self._read_rows(blocks)
        self._check_namesakes()

    def _read_rows(self, blocks: list[Block]) -> None:
        headers: list[list[str]] = []  # the header lines before the first row of numbers
        data_seen, cursor, i = False, 0, 0
        while i < len(blocks):
            block = blocks[i]
            labels = [(j, f) for j, f in enumerate(block.fields) if f and not is_value(f)]
            if not labels:
                if any(block.fields):
                    if not data_seen and not self._headers_in_order(headers, block):
                        return
                    data_seen = True
                    cursor = self._numbers_row(block, cursor)
                i += 1
                continue
            found = self._match(labels, cursor)
            if found is None and i + 1 < len(blocks) and self._continues(labels, blocks[i + 1]):
                continued = [*labels, *((labels[-1][0], f) for f in blocks[i + 1].fields if f)]
                found = self._match(continued, cursor, ends_only=True)
                if found is not None:
                    i += 1
            if found is None:
                if any(f and is_value(f) for f in block.fields):
                    self._unmatched(block, labels)
                elif not data_seen:
                    headers.append([canonical(f) for _, f in labels])
                    if not any(canonical(f) in self.shape.known for _, f in labels):
                        self._problem(block, f"{self.shape.name}前的文字“{block.text[:30]}”不是表格的内容，未导入",
                                      notice=True)
                elif all(canonical(f) in self.shape.known for _, f in labels):
                    # the header of the table's next block: checked like the first before its numbers
                    headers, data_seen = [[canonical(f) for _, f in labels]], False
                else:
                    self._problem(block, f"表格中的“{block.text[:30]}”不是{self.shape.name}的标签，未读取", notice=True)
                i += 1
                continue
            if not data_seen and not self._headers_in_order(headers, block):
                return
            data_seen = True
            index, start = found
            cursor = index + 1
            self._assign(index, block, list(block.fields[start:]), labelled=True)
            i += 1

    def _check_namesakes(self) -> None:
        """Rows the official table itself labels alike (the same sub-item under two headings) are told
        apart by order alone; that holds only when every one of them was found. When some are missing,
        a found one may stand for any of them: none is taken, all are named (as the workbook import does)."""
        rows = self.shape.rows
        alike: dict[str, list[int]] = {}
        for index, row in enumerate(rows):
            if row.label_key:
                alike.setdefault(row.label_key, []).append(index)
        for indices in alike.values():
            found = [i for i in indices if self.matched.get(i)]
            if len(indices) < 2 or not found or len(found) == len(indices):
                continue
            cells = tuple(k for i in indices for k in rows[i].cells)
            places = [o.where for o in self.origins if o.targets in {rows[i].cells for i in found}]
            for key in cells:
                self.report.cells.pop(key, None)
                self.read.discard(key)
            self.origins[:] = [Origin(o.where, o.text, ()) if o.targets in {rows[i].cells for i in found} else o
                               for o in self.origins]
            self.problems.append(ImportProblem(
                places[0] if places else "", "",
                f"{self.shape.name}有 {len(indices)} 行都叫「{rows[indices[0]].label}」，文中只找到 {len(found)} 行，"
                "无法确定各是哪一行，这些行的数字未导入", keys=cells))

    # --- matching ---------------------------------------------------------------------------

    def _match(self, labels: list[tuple[int, str]], cursor: int, ends_only: bool = False) -> tuple[int, int] | None:
        rows = self.shape.rows
        order = [*range(cursor, len(rows)), *range(cursor)]
        if not ends_only:
            for j, text in reversed(labels):
                key = canonical(text)
                for index in order:
                    if rows[index].label_key == key and index not in self.matched:
                        return index, j + 1
        joined = canonical("".join(text for _, text in labels if canonical(text) not in self.shape.extras))
        best = None
        for index in order:
            key = rows[index].label_key
            if key and len(key) >= 4 and joined.endswith(key) and index not in self.matched:
                if best is None or len(key) > len(rows[best].label_key or ""):
                    best = index
        return (best, labels[-1][0] + 1) if best is not None else None

    def _continues(self, labels: list[tuple[int, str]], following: Block) -> bool:
        """The next line holds the rest of this row's label (cut by a page break): this row's labels are
        no row's label, and the next line has labels only, none of them a row's label."""
        if not _labels_only(following):
            return False
        keys = self.shape.row_keys
        return not any(canonical(text) in keys for _, text in labels) and \
            not any(canonical(f) in keys for f in following.fields if f)

    def _unmatched(self, block: Block, labels: list[tuple[int, str]]) -> None:
        """A row with numbers whose label is no row of the table left to read: a row printed twice (the
        same numbers: nothing to do; other numbers: neither is taken) or a row this table does not have."""
        keys = {canonical(text) for _, text in labels}
        twice = next((i for i in self.matched if self.shape.rows[i].label_key in keys), None)
        if twice is None:
            label = next((t for _, t in reversed(labels) if canonical(t) not in self.shape.extras), labels[-1][1])
            self._problem(block, f"{self.shape.name}中没有“{label[:30]}”这一行，这一行的数字未导入")
            return
        self._twice(twice, block, [v for v in block.fields[labels[-1][0] + 1:] if v])

    def _twice(self, twice: int, block: Block, values: list[str]) -> None:
        row = self.shape.rows[twice]
        if tuple(v for v in self.matched[twice] if v) == tuple(values):
            self._problem(block, f"{self.shape.name}{'「' + row.label + '」' if row.label else '的数字行'}又印了一次，数字相同，已忽略",
                          notice=True)
            return
        for key in row.cells:
            self.report.cells.pop(key, None)
            self.read.discard(key)
        self.origins[:] = [o for o in self.origins if o.targets != row.cells]
        label = f"「{row.label}」" if row.label else "的数字行"
        self._problem(block, f"{self.shape.name}{label}印了两次，数字不同，无法确定哪一次是对的，这一行未导入",
                      keys=row.cells)

    def _headers_in_order(self, lines: list[list[str]], block: Block) -> bool:
        """Each header line's labels in the order of one of the official header rows (some may be
        missing; none swapped)."""
        known = {k for row in self.shape.headers for k in row}
        for line in lines:
            keys = [k for k in line if k in known]
            if keys and not any(_in_order(keys, row) for row in self.shape.headers):
                cells = self._all_cells()
                for key in cells:  # numbers of an earlier block of this table are not kept either
                    self.report.cells.pop(key, None)
                    self.read.discard(key)
                self.origins[:] = [Origin(o.where, o.text, ()) if set(o.targets) & set(cells) else o for o in self.origins]
                self._problem(block, f"{self.shape.name}的表头与官方格式的列顺序不同（{'、'.join(keys[:6])}），"
                                     "按位置读取会把数字填错列，整张表未导入", keys=cells)
                return False
        return True

    def _numbers_row(self, block: Block, cursor: int) -> int:
        rows = self.shape.rows
        index = next((k for k in [*range(cursor, len(rows)), *range(cursor)]
                      if rows[k].label_key is None and k not in self.matched), None)
        if index is None:
            twice = next((k for k in self.matched if rows[k].label_key is None), None)
            if twice is not None:
                self._twice(twice, block, [v for v in block.fields if v])
            else:
                self._problem(block, f"{self.shape.name}中这一行数字（{block.text[:40]}）没有行标签，不知属于哪一行，未导入")
            return cursor
        self._assign(index, block, list(block.fields), labelled=False)
        return index + 1

    # --- values -------------------------------------------------------------------------------

    def _assign(self, index: int, block: Block, values: list[str], labelled: bool) -> None:
        row = self.shape.rows[index]
        values = [v for v in values if not v or canonical(v) not in row.extras]
        expected = len(row.cells)
        if block.positional:
            while len(values) > expected and not values[-1]:
                values.pop()
        else:  # copied text: blank fields at the ends are what the extraction left between cells
            while values and not values[-1]:
                values.pop()
            while labelled and values and not values[0]:
                values.pop(0)
        name = f"「{row.label}」" if row.label else "的数字行"
        if len(values) != expected:
            count = sum(1 for v in values if v)
            self.named.add(index)
            self.matched[index] = ()
            self.origins.append(Origin(block.where, block.text.rstrip("\t"), ()))  # shown as not imported
            self._problem(block, f"{self.shape.name}{name}：读到 {count} 个数，应有 {expected} 个，"
                                 "无法确定每个数属于哪一列，这一行未导入", keys=row.cells)
            return
        if index in self.matched:
            return
        self.matched[index] = tuple(values)
        template = self.report.template
        self.origins.append(Origin(block.where, block.text.rstrip("\t"), row.cells))
        for key, text in zip(row.cells, values, strict=True):
            cell = template.cells[key]
            try:
                value = parse_cell_input(text, cell.type, strict=False)
            except CellInputError as error:
                self._problem(block, f"{cell.name}：{error}", keys=(key,))
                continue
            if value is not None and not same_value(self.report.cells.get(key), value):
                self.report.cells[key] = value
            self.read.add(key)

    def finish(self, where: str) -> None:
        """Name every cell of the table neither read nor named (rows not found in the file)."""
        named = {k for p in self.problems for k in p.cell_keys}
        missing = [r for r in self.shape.rows if not all(k in self.read or k in named for k in r.cells)]
        if not missing:
            return
        keys = tuple(k for r in missing for k in r.cells if k not in self.read and k not in named)
        if len(missing) == len(self.shape.rows):
            message = f"没有找到{self.shape.name}，其 {len(keys)} 个单元格未导入"
        else:
            rows = "、".join(f"「{r.label or '数字行'}」" for r in missing[:5]) + ("等" if len(missing) > 5 else "")
            message = f"{self.shape.name}中没有找到 {rows} {len(missing)} 行，其 {len(keys)} 个单元格未导入"
        self.problems.append(ImportProblem(where, "", message, keys=keys))

    def _all_cells(self) -> tuple[str, ...]:
        return tuple(k for r in self.shape.rows for k in r.cells)

    def _problem(self, block: Block, message: str, keys: tuple[str, ...] = (), notice: bool = False) -> None:
        self.problems.append(ImportProblem(block.where, "", message, keys=keys, notice=notice))


def _labels_only(block: Block) -> bool:
    return any(block.fields) and not any(f and is_value(f) for f in block.fields)


def _in_order(keys: list[str], row: tuple[str, ...]) -> bool:
    position = 0
    for key in keys:
        try:
            position = row.index(key, position) + 1
        except ValueError:
            return False
    return True
