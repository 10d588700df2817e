"""The 汇总 window: choose the units' files, read and audit them with a progress bar and 取消,
include or leave out units, and open the office's report (or a unit's) in the main window."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from core.aggregate.audit import ERRORS, READY, AuditRow
from core.aggregate.collect import Submission
from core.aggregate.run import Aggregation, summarise
from gui.aggregate.audit_table import AuditTable
from gui.aggregate.setup_form import SetupForm
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
        document = self.main_window.document
        self.setup = SetupForm(document.report.unit if document else None,
                               document.report.year if document and document.report.year else None)
        self.setup.sourcesChanged.connect(self._stale)
        self.setup.scopeChanged.connect(self._resummarise)
        layout.addWidget(self.setup)
        # the form's parts the window reads (and tests drive)
        self.year, self.unit, self.groups = self.setup.year, self.setup.unit, self.setup.groups
        self.add_sources, self.add_folder, self.load_roster = (self.setup.add_sources, self.setup.add_folder,
                                                               self.setup.load_roster)

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

    @staticmethod
    def _button(layout, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        layout.addWidget(button)
        return button

    # --- reading -----------------------------------------------------------------------------

    def start(self) -> None:
        if not self.setup.sources:
            self.status.setText("请先添加各单位的文件或文件夹。")
            return
        if not self.unit.text().strip():
            self.status.setText("请填写汇总单位的全称（汇总报告的单位）。")
            self.unit.setFocus()
            return
        self.thread = CollectThread(list(self.setup.sources), self.year.value())
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
        self.aggregation = summarise(self.submissions, self.year.value(), self.setup.office(), self.setup.roster,
                                     excluded=self.excluded, include=self.include, groups=self.setup.chosen_groups())
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

