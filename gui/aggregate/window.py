"""The 汇总 window: choose the units' files, read and audit them with a progress bar and 取消,
include or leave out units, and open the office's report (or a unit's) in the main window."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
)

from core.aggregate.audit import ERRORS, READY, AuditRow
from core.aggregate.collect import Submission
from core.aggregate.roster import Roster, RosterError, read_roster
from core.aggregate.run import Aggregation, summarise
from core.units import UNIT_LEVELS, UnitInfo
from gui.aggregate.audit_table import AuditTable
from gui.aggregate.worker import CollectThread
from gui.document import ReportDocument
from gui.files import dialogs

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class AggregateWindow(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("aggregateWindow")
        self.setWindowTitle("汇总下级单位的报表")
        self.main_window = window
        self.sources: list[Path] = []
        self.roster: Roster | None = None
        self.submissions: list[Submission] | None = None
        self.aggregation: Aggregation | None = None
        self.excluded: set[str] = set()
        self.include: set[str] = set()
        self.thread: CollectThread | None = None
        self._build()
        em = self.fontMetrics().horizontalAdvance("国")
        self.resize(em * 90, em * 56)

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top)
        sources = QVBoxLayout()
        top.addLayout(sources, 3)
        sources.addWidget(QLabel("各单位报送的文件（Excel 工作簿、年报文件，或存放它们的文件夹）："))
        self.source_list = QListWidget()
        self.source_list.setObjectName("sourceList")
        self.source_list.setMaximumHeight(self.fontMetrics().height() * 7)
        sources.addWidget(self.source_list)
        buttons = QHBoxLayout()
        sources.addLayout(buttons)
        self.add_folder_button = self._button(buttons, "添加文件夹…", self.add_folder)
        self.add_files_button = self._button(buttons, "添加文件…", self.add_files)
        self._button(buttons, "移除", self.remove_source)
        buttons.addStretch()

        form = QFormLayout()
        top.addLayout(form, 2)
        self.year = QSpinBox()
        self.year.setRange(2008, 2100)
        self.year.setValue(self._default_year())
        form.addRow("报告年度", self.year)
        self.unit = QLineEdit(self.main_window.document.report.unit.name if self.main_window.document else "")
        self.unit.setPlaceholderText("汇总报告的单位全称，例如 某某县人民政府")
        form.addRow("汇总单位", self.unit)
        self.level = QComboBox()
        for key, label in UNIT_LEVELS.items():
            self.level.addItem(label, key)
        current = self.main_window.document.report.unit if self.main_window.document else None
        level = current.level if current is not None and current.level != "township" else "county"
        self.level.setCurrentIndex(list(UNIT_LEVELS).index(level))
        self.level.currentIndexChanged.connect(lambda _i: self._resummarise())
        form.addRow("汇总单位的层级", self.level)
        roster_row = QHBoxLayout()
        self.roster_label = QLabel("（未选择：不核对谁未报送）")
        self.roster_label.setWordWrap(True)
        roster_row.addWidget(self.roster_label, 1)
        self._button(roster_row, "选择…", self.choose_roster)
        self._button(roster_row, "清除", self.clear_roster)
        form.addRow("应报送单位名单", roster_row)
        self.groups = QListWidget()
        self.groups.setObjectName("groupList")
        self.groups.setMaximumHeight(self.fontMetrics().height() * 6)
        self.groups.itemChanged.connect(lambda _item: self._resummarise())
        self.groups.setToolTip("勾选的分组计入汇总：全部勾选为本行政区域，只勾选本级部门为本级")
        form.addRow("汇总范围（分组）", self.groups)

        run_row = QHBoxLayout()
        layout.addLayout(run_row)
        self.run_button = self._button(run_row, "开始汇总", self.start)
        self.run_button.setDefault(True)
        self.cancel_button = self._button(run_row, "取消", self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("aggregateProgress")
        self.progress.setFormat("%v / %m")
        self.progress.setValue(0)
        run_row.addWidget(self.progress, 1)
        self.status = QLabel("请添加各单位的文件，然后点“开始汇总”。")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter, 1)
        splitter.setChildrenCollapsible(False)
        self.table = AuditTable()
        self.table.inclusionChanged.connect(self._inclusion_changed)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_unit())
        splitter.addWidget(self.table)
        self.details = QPlainTextEdit()
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText("选中一个单位，这里列出它的全部问题；双击或点“打开此单位的报告”可在主窗口中查看和检查。")
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        bottom = QHBoxLayout()
        layout.addLayout(bottom)
        self.open_unit_button = self._button(bottom, "打开此单位的报告", self.open_unit)
        bottom.addStretch()
        self.export_button = self._button(bottom, "导出汇总工作簿…", self.export_workbook)
        self.open_button = self._button(bottom, "打开汇总报告", self.open_result)
        self._button(bottom, "关闭", self.close)
        self._update_buttons()

    def _button(self, layout, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        layout.addWidget(button)
        return button

    def _default_year(self) -> int:
        document = self.main_window.document
        return document.report.year if document and document.report.year else dt.date.today().year - 1

    # --- sources and roster ------------------------------------------------------------------

    def add_sources(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.sources:
                self.sources.append(path)
                self.source_list.addItem(str(path))
        self._stale()

    def add_folder(self) -> None:
        folder = dialogs.ask_folder(self, "选择存放各单位报表的文件夹")
        if folder is not None:
            self.add_sources([folder])

    def add_files(self) -> None:
        self.add_sources(dialogs.ask_open_paths(self, "选择各单位报送的文件"))

    def remove_source(self) -> None:
        row = self.source_list.currentRow()
        if row >= 0:
            self.source_list.takeItem(row)
            del self.sources[row]
            self._stale()

    def choose_roster(self) -> None:
        path = dialogs.ask_open_path(self, "", dialogs.ROSTER_FILTER, "选择应报送单位名单")
        if path is not None:
            self.load_roster(path)

    def load_roster(self, path: Path) -> bool:
        try:
            roster = read_roster(path)
        except RosterError as error:
            dialogs.show_error(self, "读取单位名单", str(error))
            return False
        self.roster = roster
        self.roster_label.setText(f"{path.name}：{len(roster.entries)} 个单位" + (
            f"（{len(roster.problems)} 处问题：{roster.problems[0]}……）" if roster.problems else ""))
        self.groups.blockSignals(True)
        self.groups.clear()
        for group in roster.groups:
            item = QListWidgetItem(group)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.groups.addItem(item)
        self.groups.blockSignals(False)
        self._resummarise()
        return True

    def clear_roster(self) -> None:
        self.roster = None
        self.roster_label.setText("（未选择：不核对谁未报送）")
        self.groups.clear()
        self._resummarise()

    def chosen_groups(self) -> list[str]:
        items = [self.groups.item(i) for i in range(self.groups.count())]
        checked = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
        return [] if len(checked) == len(items) else checked or ["（未选择任何分组）"]

    # --- reading -----------------------------------------------------------------------------

    def start(self) -> None:
        if not self.sources:
            self.status.setText("请先添加各单位的文件或文件夹。")
            return
        if not self.unit.text().strip():
            self.status.setText("请填写汇总单位的全称（汇总报告的单位）。")
            self.unit.setFocus()
            return
        self.thread = CollectThread(list(self.sources), self.year.value())
        self.thread.progressed.connect(self._progressed)
        self.thread.finished.connect(self._collected)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setMaximum(0)  # busy until the first file is read
        self.status.setText("正在查找和读取文件……")
        self.thread.start()

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.requestInterruption()
            self.status.setText("正在取消……")

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.status.setText(f"已读取 {done} / {total} 个文件" + (f"：{name}" if name else ""))

    def _collected(self) -> None:
        thread, self.thread = self.thread, None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if thread is None:
            return
        thread.wait()
        if thread.cancelled:
            self.progress.setMaximum(1)
            self.progress.setValue(0)
            self.status.setText("已取消，没有汇总任何单位。")
        elif thread.error is not None:
            self.status.setText(f"读取时出错：{thread.error}")
        else:
            self.submissions = thread.result
            self._resummarise()
        thread.deleteLater()
        self._update_buttons()

    def _stale(self) -> None:
        if self.submissions is not None:
            self.status.setText("文件有变动，请重新点“开始汇总”。")
        self.submissions = None
        self.aggregation = None
        self.table.show_rows([])
        self._update_buttons()

    # --- the audit ---------------------------------------------------------------------------

    def _resummarise(self) -> None:
        if self.submissions is None:
            return
        unit = UnitInfo(name=" ".join(self.unit.text().split()), kind="government", level=self.level.currentData())
        current = self.main_window.document.report.unit if self.main_window.document else None
        if current is not None and current.name == unit.name:  # the office's own contacts, when it is open
            unit = copy.deepcopy(current)
            unit.level = self.level.currentData()
        self.aggregation = summarise(self.submissions, self.year.value(), unit, self.roster,
                                     excluded=self.excluded, include=self.include, groups=self.chosen_groups())
        self.table.show_rows(self.aggregation.rows)
        self.status.setText(self._summary_text())
        self._update_buttons()

    def _summary_text(self) -> str:
        aggregation = self.aggregation
        assert aggregation is not None
        counts: dict[str, int] = {}
        for row in aggregation.rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        text = "，".join(f"{s} {n} 个" for s, n in counts.items()) + f"；汇总 {len(aggregation.included)} 个单位。"
        if aggregation.notes:
            text += "\n注意：" + "\n注意：".join(aggregation.notes[:3])
            if len(aggregation.notes) > 3:
                text += f"\n……另有 {len(aggregation.notes) - 3} 条（见导出工作簿的“审核”表）"
        return text

    def _inclusion_changed(self, row: AuditRow, wanted: bool) -> None:
        if row.status == READY:
            (self.excluded.discard if wanted else self.excluded.add)(row.unit)
        elif row.status == ERRORS:
            (self.include.add if wanted else self.include.discard)(row.unit)
        self._resummarise()

    def _show_details(self) -> None:
        row = self.table.current_row()
        if row is None:
            self.details.clear()
        else:
            head = f"{row.unit} · {row.status} · {'计入汇总' if row.included else '不计入汇总'}"
            self.details.setPlainText("\n".join([head, *row.problem_lines()]))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        self.open_unit_button.setEnabled(row is not None and row.submission is not None and row.submission.readable)
        ready = self.aggregation is not None and self.aggregation.report is not None
        self.open_button.setEnabled(ready)
        self.export_button.setEnabled(ready)

    # --- opening and exporting ---------------------------------------------------------------

    def open_unit(self) -> None:
        """The selected unit's report in the main window, where its problems are listed and marked."""
        row = self.table.current_row()
        if row is None or row.submission is None or row.submission.report is None:
            return
        files = self.main_window.files
        if row.submission.source == "nianbao":
            files.open_file(row.submission.path)
            return
        if not files.maybe_save():
            return
        document = ReportDocument(copy.deepcopy(row.submission.report), None,
                                  untitled_name=f"{row.submission.path.name}（汇总时读取，未保存）")
        document.mark_modified()
        self.main_window.set_document(document)

    def open_result(self) -> None:
        if self.aggregation is None or self.aggregation.report is None or not self.main_window.files.maybe_save():
            return
        document = ReportDocument(copy.deepcopy(self.aggregation.report), None, untitled_name="汇总报告（未保存）")
        document.mark_modified()
        self.main_window.set_document(document)
        self.main_window.show_message(f"已打开汇总报告：{len(self.aggregation.included)} 个单位之和，表格只读，悬停可查看各单位的数字")

    def export_workbook(self) -> None:
        from core.export import ExportError
        from core.export.xlsx_office import write_office_xlsx

        if self.aggregation is None or self.aggregation.report is None:
            return
        suggested = f"{self.aggregation.report.title}（汇总）.xlsx"
        path = dialogs.ask_save_path(self, suggested, dialogs.EXCEL_FILTER, "导出汇总工作簿")
        if path is None:
            return
        try:
            write_office_xlsx(self.aggregation, path)
        except ExportError as error:
            dialogs.show_error(self, "导出汇总工作簿", str(error))
            return
        self.status.setText(f"已导出汇总工作簿：{path}")

    def closeEvent(self, event) -> None:
        if self.thread is not None:
            self.thread.requestInterruption()
            self.thread.wait()
        super().closeEvent(event)


def show_aggregate_window(window: MainWindow) -> AggregateWindow:
    existing = window.findChild(AggregateWindow)
    dialog = existing or AggregateWindow(window)
    dialog.show()
    dialog.raise_()
    return dialog

