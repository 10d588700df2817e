"""The top of the 汇总 window: which files, which year and office, the roster and the scope."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.aggregate.roster import Roster, RosterError, read_roster
from core.units import UNIT_LEVELS, UnitInfo
from gui.files import dialogs

NO_ROSTER = "（未选择：不核对谁未报送）"
NO_GROUP = "（未选择任何分组）"


class SetupForm(QWidget):
    sourcesChanged = Signal()  # the files must be read again
    scopeChanged = Signal()  # the roster, groups or office changed: the sums are made again

    def __init__(self, current: UnitInfo | None, year: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = current  # the unit of the report open in the main window
        self.sources: list[Path] = []
        self.roster: Roster | None = None
        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        sources = QVBoxLayout()
        top.addLayout(sources, 3)
        sources.addWidget(QLabel("各单位报送的文件（Excel 工作簿、年报文件，或存放它们的文件夹）："))
        self.source_list = QListWidget()
        self.source_list.setObjectName("sourceList")
        self.source_list.setMaximumHeight(self.fontMetrics().height() * 7)
        sources.addWidget(self.source_list)
        buttons = QHBoxLayout()
        sources.addLayout(buttons)
        _button(buttons, "添加文件夹…", self.add_folder)
        _button(buttons, "添加文件…", self.add_files)
        _button(buttons, "移除", self.remove_source)
        buttons.addStretch()

        form = QFormLayout()
        top.addLayout(form, 2)
        self.year = QSpinBox()
        self.year.setRange(2008, 2100)
        self.year.setValue(year or dt.date.today().year - 1)
        self.year.valueChanged.connect(lambda _v: self.sourcesChanged.emit())
        form.addRow("报告年度", self.year)
        self.unit = QLineEdit(current.name if current else "")
        self.unit.setPlaceholderText("汇总报告的单位全称，例如 某某县人民政府")
        self.unit.editingFinished.connect(self.scopeChanged.emit)
        form.addRow("汇总单位", self.unit)
        self.level = QComboBox()
        for key, label in UNIT_LEVELS.items():
            self.level.addItem(label, key)
        level = current.level if current is not None and current.level != "township" else "county"
        self.level.setCurrentIndex(list(UNIT_LEVELS).index(level))
        self.level.currentIndexChanged.connect(lambda _i: self.scopeChanged.emit())
        form.addRow("汇总单位的层级", self.level)
        roster_row = QHBoxLayout()
        self.roster_label = QLabel(NO_ROSTER)
        self.roster_label.setWordWrap(True)
        roster_row.addWidget(self.roster_label, 1)
        _button(roster_row, "选择…", self.choose_roster)
        _button(roster_row, "清除", self.clear_roster)
        form.addRow("应报送单位名单", roster_row)
        self.groups = QListWidget()
        self.groups.setObjectName("groupList")
        self.groups.setMaximumHeight(self.fontMetrics().height() * 6)
        self.groups.itemChanged.connect(lambda _item: self.scopeChanged.emit())
        self.groups.setToolTip("勾选的分组计入汇总：全部勾选为本行政区域，只勾选本级部门为本级")
        form.addRow("汇总范围（分组）", self.groups)

    # --- sources -----------------------------------------------------------------------------

    def add_sources(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.sources:
                self.sources.append(path)
                self.source_list.addItem(str(path))
        self.sourcesChanged.emit()

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
            self.sourcesChanged.emit()

    # --- roster and scope --------------------------------------------------------------------

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
        self.scopeChanged.emit()
        return True

    def clear_roster(self) -> None:
        self.roster = None
        self.roster_label.setText(NO_ROSTER)
        self.groups.clear()
        self.scopeChanged.emit()

    def chosen_groups(self) -> list[str]:
        """The groups to sum; empty when all are (本行政区域)."""
        items = [self.groups.item(i) for i in range(self.groups.count())]
        checked = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
        return [] if len(checked) == len(items) else checked or [NO_GROUP]

    def office(self) -> UnitInfo:
        """The office's unit: its name and level as given (its contacts when its report is open)."""
        name = " ".join(self.unit.text().split())
        if self.current is not None and self.current.name == name:
            unit = copy.deepcopy(self.current)
        else:
            unit = UnitInfo(name=name, kind="government")
        unit.level = self.level.currentData()
        return unit


def _button(layout, text: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(lambda: slot())
    layout.addWidget(button)
    return button
