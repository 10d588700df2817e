"""The confirmation view of a published report's import: each part of the file beside the chapter, section
or cells it went to, what could not be read, and the checks run at once on what was read (the figures in
the text against the tables among them). Selecting a finding marks the parts of the file it is about."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.checks import CheckResult, group_by_chapter, run_checks
from core.document import OPENING, Report
from core.imports import ImportResult, Origin
from core.outline import FREE_TABLE_PREFIX
from core.values import format_value
from gui.dialog_buttons import ok_button, ok_cancel

_SHOWN = 90  # characters of a paragraph shown in its row; the whole text is below the table
_FRONT = {"title": "标题", OPENING: "开头段落", "unit.name": "落款：单位名称", "signing_date": "落款：成文日期"}
_MARK = QColor(255, 236, 179)
_PROBLEM = QColor(198, 40, 40)


def destination(report: Report, origin: Origin) -> tuple[str, str]:
    """Where a part of the file went, and what it holds there, in words: ("表三「（七）总计」", "自然人 3，…")."""
    template = report.template
    if not origin.targets:
        return "未能导入", ""
    first = origin.targets[0]
    if first in _FRONT:
        value = {"title": report.title, OPENING: "", "unit.name": report.unit.name,
                 "signing_date": str(report.signing_date or "")}[first]
        return _FRONT[first], value
    if first.startswith(FREE_TABLE_PREFIX):
        table = report.free_tables.get(first)
        return f"自制表格“{table.title if table and table.title else first}”", ""
    if first in template.cells:
        cell = template.cells[first]
        values = "，".join(f"{template.cells[k].column.label} {format_value(report.value(k)) or '（空白）'}"
                          for k in origin.targets)
        if template.outline.chapters == "free":  # the unit's own chapters: name the one printing the table
            table = f"第{report.chapter_of_cell(first).number}章表格"
        else:
            table = f"表{template.chapter(template.table(cell.table).chapter).number}"
        rows = {template.cells[k].row.key for k in origin.targets}
        return (f"{table}「{cell.row.label}」" if len(rows) == 1 else table), values
    chapter = report.chapter_of_text(first)
    if chapter is not None and chapter.key == first:
        return chapter.heading, ""
    heading = report.text_heading(first)
    return heading or first, ""


class PublishedPreview(QDialog):
    def __init__(self, result: ImportResult, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.report = result.report
        self.checks: CheckResult = run_checks(self.report)
        self.setWindowTitle("导入已发布的年报：核对读取的内容")
        layout = QVBoxLayout(self)
        summary = QLabel(self._summary(name))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QSplitter(Qt.Orientation.Vertical)
        self.table = self._origin_table()
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText("选中一行，这里显示原文全文和导入后的内容")
        left.addWidget(self.table)
        left.addWidget(self.detail)
        left.setSizes([500, 140])
        self.tabs = QTabWidget()
        self.findings = self._findings_tree()
        self.problems = self._problems_list()
        self.tabs.addTab(self.findings, f"检查结果（{len(self.checks.findings)}）")
        self.tabs.addTab(self.problems, f"未能导入（{len(result.defects)}）· 提示（{len(result.notices)}）")
        if result.defects:
            self.tabs.setCurrentWidget(self.problems)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        buttons = ok_cancel(self, "打开读取的内容" if result.complete else "仍然打开能读取的部分")
        self.accept_button = ok_button(buttons)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.findings.currentItemChanged.connect(lambda item, _: self._mark_finding(item))

    # --- parts ---------------------------------------------------------------------------------

    def _summary(self, name: str) -> str:
        report, result = self.report, self.result
        year = f"{report.year} 年度" if report.year else "年度未写明"
        texts = sum(1 for o in result.origins if not set(o.targets) & set(report.template.cells))
        state = "全部读取" if result.complete else f"{len(result.defects)} 处未能导入（见右侧）"
        return (f"“{name}”：{report.template.name} · {year} · {report.unit.name or '单位未写明'}。"
                f"读取 {len(result.read)} 个单元格、{texts} 段文字和标题，{state}；检查：{self.checks.summary()}。"
                "\n请逐行核对左侧原文与导入的位置；确认后作为新的未命名报告打开，当前报告不会被改动。")

    def _origin_table(self) -> QTableWidget:
        origins = self.result.origins
        table = QTableWidget(len(origins), 4)
        table.setHorizontalHeaderLabels(["位置", "原文", "导入到", "导入的内容"])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        reasons = {p.where: p.message for p in self.result.defects}
        for row, origin in enumerate(origins):
            where, value = destination(self.report, origin)
            if not origin.targets:
                value = reasons.get(origin.where, "")
            elif not value and any(origin.text in self.report.text(k) for k in origin.targets
                                   if k == OPENING or k in self.report.texts):
                value = "文字如原文"
            text = origin.text.replace("\t", "　")
            shown = text if len(text) <= _SHOWN else text[:_SHOWN] + "……"
            for col, content in enumerate((origin.where, shown, where, value)):
                item = QTableWidgetItem(content)
                item.setToolTip(text if col == 1 else content)
                if not origin.targets:
                    item.setForeground(QBrush(_PROBLEM))
                table.setItem(row, col, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(2, 220)
        table.setColumnWidth(3, 180)
        return table

    def _findings_tree(self) -> QTreeWidget:
        from gui.checks.finding_tree import FindingTree

        tree = FindingTree()
        for heading, findings in group_by_chapter(self.report, self.checks.findings):
            group = QTreeWidgetItem([heading])
            for finding in findings:
                item = QTreeWidgetItem([f"{finding.severity_label}：{finding.message}"])
                item.setToolTip(0, finding.message)
                item.setData(0, Qt.ItemDataRole.UserRole, tuple(finding.targets))
                group.addChild(item)
            tree.addTopLevelItem(group)
        if not self.checks.findings:
            tree.addTopLevelItem(QTreeWidgetItem(["没有发现问题"]))
        tree.expandAll()
        return tree

    def _problems_list(self) -> QTreeWidget:
        from gui.checks.finding_tree import FindingTree

        tree = FindingTree()
        for problem in self.result.defects + self.result.notices:  # what was not read first
            where = f"{problem.where}：" if problem.where else ""
            item = QTreeWidgetItem([f"{'提示' if problem.notice else '未能导入'}　{where}{problem.message}"])
            if not problem.notice:
                item.setForeground(0, QBrush(_PROBLEM))
            tree.addTopLevelItem(item)
        if not self.result.problems:
            tree.addTopLevelItem(QTreeWidgetItem(["每个单元格和每段文字都已读取"]))
        return tree

    # --- interaction ---------------------------------------------------------------------------

    def _show_detail(self, row: int) -> None:
        if not 0 <= row < len(self.result.origins):
            return
        origin = self.result.origins[row]
        where, value = destination(self.report, origin)
        imported = value or "\n".join(self.report.text(k) for k in origin.targets
                                      if k == OPENING or k in self.report.texts)
        self.detail.setPlainText(f"{origin.where} 原文：\n{origin.text.replace(chr(9), '　')}\n\n导入到：{where}\n{imported}")

    def _mark_finding(self, item: QTreeWidgetItem | None) -> None:
        """The rows of the file the selected finding is about, marked; the first one scrolled to."""
        targets = set(item.data(0, Qt.ItemDataRole.UserRole) or ()) if item else set()
        first = None
        for row, origin in enumerate(self.result.origins):
            hit = bool(targets & set(origin.targets))
            for col in range(self.table.columnCount()):
                cell = self.table.item(row, col)
                cell.setBackground(QBrush(_MARK) if hit else QBrush())
            if hit and first is None:
                first = row
        if first is not None:
            self.table.scrollToItem(self.table.item(first, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def marked_rows(self) -> list[int]:
        return [r for r in range(self.table.rowCount()) if self.table.item(r, 0).background().color() == _MARK]


def confirm(parent: QWidget | None, result: ImportResult, name: str) -> bool:
    """Show what was read; True when the user opens it."""
    dialog = PublishedPreview(result, name, parent)
    dialog.resize(1280, 700)
    return dialog.exec() == QDialog.DialogCode.Accepted
