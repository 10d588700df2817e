"""章节结构与版式: edit the report's chapters and sections, the tables they include, its own title and
the print options — on a working copy, applied as one undoable step when the clerk confirms."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.document import FreeTable, Report
from core.editing import Structure
from core.outline import FREE_TABLE_PREFIX, OutlineError, chapters_of
from core.outline_ops import (
    add_chapter,
    add_section,
    current_outline,
    exclude_table,
    include_table,
    move,
    new_free_table_key,
    remove,
    rename,
)
from gui.dialog_buttons import ok_cancel

KeyRole = Qt.ItemDataRole.UserRole + 20
TableRole = Qt.ItemDataRole.UserRole + 21
ERROR_COLOUR = QColor("#b3261e")


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text, or None when cancelled (tests replace this function)."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


def allowed_text(report: Report) -> str:
    """What this report's format lets the unit change, in words."""
    rules = report.template.outline
    parts = ["章节可以增加、改名、调整顺序和删除" if rules.chapters == "free" else "章节是格式规定的，不能改动"]
    parts.append("小标题可以按本单位的写法修改、增加、删除或调整顺序，也可以不分小标题"
                 if rules.sections == "free" else "小标题是固定的")
    if rules.optional_tables or rules.free_tables:
        parts.append("可以在章节或小节的文字后插入表格")
    return f"{report.template.name}：" + "；".join(parts) + "。"


class OutlineDialog(QDialog):
    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("章节结构与版式")
        self.report = report
        self.structure = Structure.of(report)
        self.outline = current_outline(report)
        self.free_tables = dict(self.structure.free_tables)
        layout = QVBoxLayout(self)
        note = QLabel(allowed_text(report))
        note.setWordWrap(True)
        layout.addWidget(note)
        body = QHBoxLayout()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        body.addWidget(self.tree, 1)
        buttons = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text in (("add_chapter", "添加章节…"), ("add_section", "添加小节…"), ("rename", "改名…"),
                           ("up", "上移"), ("down", "下移"), ("remove", "删除"), ("table", "插入表格"),
                           ("untable", "移除表格")):
            button = QPushButton(text)
            self.buttons[name] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        body.addLayout(buttons)
        layout.addLayout(body, 1)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR.name()}")
        layout.addWidget(self.problem)
        self.run_in = QCheckBox("Word 中小标题与正文接排（如“（一）小标题。正文……”）")
        self.run_in.setChecked(self.structure.run_in_headings)
        layout.addWidget(self.run_in)
        signature = report.template.front_matter.signature
        self.signature = QCheckBox("在正文后打印落款（单位名称和日期）")
        self.signature.setChecked(report.signature_printed)
        self.signature.setEnabled(signature.optional)
        layout.addWidget(self.signature)
        self.title: QPlainTextEdit | None = None
        if report.template.front_matter.title_free:
            layout.addWidget(QLabel("报告标题（按本单位的写法，一行一段；留空则用默认标题）："))
            self.title = QPlainTextEdit("\n".join(self.structure.own_title))
            self.title.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
            layout.addWidget(self.title)
        layout.addWidget(ok_cancel(self))
        self._connect()
        self._fill()
        self.resize(self.fontMetrics().horizontalAdvance("国") * 44, self.fontMetrics().lineSpacing() * 30)

    # --- what the dialog gives back ------------------------------------------------------------

    def result_structure(self) -> Structure:
        title = tuple(line.strip() for line in self.title.toPlainText().splitlines() if line.strip()) if self.title else \
            self.structure.own_title
        signature = self.signature.isChecked()
        default = self.report.template.front_matter.signature.printed
        return dataclasses.replace(
            self.structure, outline=self.outline, free_tables=self._used_free_tables(), own_title=title,
            run_in_headings=self.run_in.isChecked(), print_signature=None if signature == default else signature)

    def _used_free_tables(self) -> dict[str, FreeTable]:
        used = {t for c in self.outline for t in (*c.tables, *(t for s in c.sections for t in s.tables))}
        return {k: v for k, v in self.free_tables.items() if k in used}

    # --- operations (the buttons call these; tests call them directly) ---------------------------

    def apply(self, operation, *args) -> bool:
        """Run an outline operation on the working copy; a refusal is shown, nothing changes."""
        try:
            result = operation(self.report, self.outline, *args)
        except OutlineError as error:
            self.problem.setText(str(error))
            return False
        if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], str):
            result = result[0]  # (outline, the key of what was added)
        self.outline = result
        self.problem.setText("")
        self._fill()
        return True

    def add_free_table(self, key: str) -> bool:
        table_key = new_free_table_key(self.report, self.outline)
        self.free_tables[table_key] = FreeTable("", [["", ""], ["", ""]])
        return self.apply(include_table, key, table_key)

    # --- the tree and buttons ----------------------------------------------------------------

    def _fill(self) -> None:
        selected = self.current_key()
        self.tree.clear()
        chapters = chapters_of(self.report.template, self.outline)
        restore = None
        for chapter in chapters:
            item = QTreeWidgetItem([chapter.heading + ("（表格章）" if chapter.table else "")])
            item.setData(0, KeyRole, chapter.key)
            self.tree.addTopLevelItem(item)
            restore = item if chapter.key == selected else restore
            self._table_items(item, chapter.tables)
            for section in chapter.sections:
                child = QTreeWidgetItem([section.title])
                child.setData(0, KeyRole, section.key)
                item.addChild(child)
                restore = child if section.key == selected else restore
                self._table_items(child, section.tables)
            item.setExpanded(True)
        if restore is not None:
            self.tree.setCurrentItem(restore)
        self._update_buttons()

    def _table_items(self, parent: QTreeWidgetItem, tables: tuple[str, ...]) -> None:
        for table in tables:
            if table.startswith(FREE_TABLE_PREFIX):
                name = self.free_tables.get(table, FreeTable()).title or "自制表格"
            else:
                name = self.report.template.table(table).title
            item = QTreeWidgetItem([f"［表格］{name}"])
            item.setData(0, TableRole, table)
            item.setForeground(0, QBrush(QColor("#1f5fa8")))
            parent.addChild(item)

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item.data(0, KeyRole) or (item.parent().data(0, KeyRole) if item.parent() else None)

    def current_table(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, TableRole) if item is not None else None

    def _update_buttons(self) -> None:
        rules = self.report.template.outline
        key = self.current_key()
        is_section = key is not None and "." in key
        free_chapters = rules.chapters == "free"
        free_sections = rules.sections == "free"
        chapter = next((c for c in chapters_of(self.report.template, self.outline) if key and c.key == key.partition(".")[0]), None)
        text_chapter = chapter is not None and chapter.table is None
        self.buttons["add_chapter"].setEnabled(free_chapters)
        self.buttons["add_section"].setEnabled(free_sections and text_chapter)
        self.buttons["rename"].setEnabled(key is not None and (free_sections if is_section else free_chapters))
        for name in ("up", "down", "remove"):
            self.buttons[name].setEnabled(key is not None and (free_sections if is_section else free_chapters))
        self.buttons["table"].setEnabled(text_chapter and bool(rules.optional_tables or rules.free_tables))
        self.buttons["untable"].setEnabled(self.current_table() is not None)

    def _connect(self) -> None:
        b = self.buttons
        b["add_chapter"].clicked.connect(self._ask_chapter)
        b["add_section"].clicked.connect(self._ask_section)
        b["rename"].clicked.connect(self._ask_rename)
        b["up"].clicked.connect(lambda: self.current_key() and self.apply(move, self.current_key(), -1))
        b["down"].clicked.connect(lambda: self.current_key() and self.apply(move, self.current_key(), 1))
        b["remove"].clicked.connect(lambda: self.current_key() and self.apply(remove, self.current_key()))
        b["untable"].clicked.connect(lambda: self.current_table() and self.apply(exclude_table, self.current_table()))
        menu = QMenu(b["table"])
        for table in self.report.template.outline.optional_tables:
            menu.addAction(self.report.template.table(table).title,
                           lambda t=table: self.current_key() and self.apply(include_table, self.current_key(), t))
        if self.report.template.outline.free_tables:
            menu.addAction("自制表格（填写文字的表格）", lambda: self.current_key() and self.add_free_table(self.current_key()))
        b["table"].setMenu(menu)

    def _ask_chapter(self) -> None:
        title = ask_text(self, "添加章节", "章节标题（序号“一、二、……”由软件按顺序编排）：")
        if title:
            self.apply(add_chapter, title, self.current_key() and self.current_key().partition(".")[0])

    def _ask_section(self) -> None:
        key = self.current_key()
        if not key:
            return
        title = ask_text(self, "添加小节", "小节标题（如“（六）重点领域信息公开”）：")
        if title:
            chapter = key.partition(".")[0]
            self.apply(add_section, chapter, title, key if "." in key else None)

    def _ask_rename(self) -> None:
        key = self.current_key()
        item = self.tree.currentItem()
        if not key or item is None:
            return
        current = item.text(0).partition("、")[2] if "." not in key else item.text(0)
        title = ask_text(self, "改名", "新的标题：", current)
        if title:
            self.apply(rename, key, title)


def ask_structure(parent: QWidget | None, report: Report) -> Structure | None:
    """The structure the clerk confirmed, or None when cancelled (tests replace this function)."""
    dialog = OutlineDialog(report, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_structure()
