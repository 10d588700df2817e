"""The start page shown when no report is open: 新建年报 (blank, or from last year's report when the
window offers that), 打开, 最近打开, 导入 Excel, 查看示例 (read-only) and the way to 使用说明."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

PathRole = Qt.ItemDataRole.UserRole + 1

INTRO = ("按官方格式填写政府信息公开工作年度报告：自动合计、检查勾稽关系和文字，导出 Word（打印、发布）"
         "和 Excel（报送上级）。全部在本机完成，不需要联网。")
FIRST_TIME = ("第一次使用：点“新建空白年报”，选报告年度（决定适用的格式）并填单位全称；然后依次填写单位信息和开头段落、"
              "各章文字和统计表；右侧“检查结果”列出要改的地方；最后导出 Word 打印、导出 Excel 报送。"
              "详见“帮助 → 使用说明”。")


class StartPage(QScrollArea):
    """Buttons emit what the clerk chose; the main window does it (tests click them). 从上年报告新建 is
    the window's own command, given as ``from_last_year`` (the button is hidden without one)."""

    newBlank = Signal()
    openFile = Signal()
    openRecent = Signal(Path)
    importExcel = Signal()
    importPublished = Signal()
    aggregateUnits = Signal()
    viewSample = Signal()
    showGuide = Signal()

    def __init__(self, parent: QWidget | None = None, from_last_year: QAction | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._from_last_year: QAction | None = None
        body = QWidget()
        outer = QHBoxLayout(body)
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().horizontalAdvance("国") * 56)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(column)

        title = QLabel("政府信息公开工作年度报告编制")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(self.fontMetrics().height())

        self.buttons = buttons = QGridLayout()
        self.new_blank = self._button("新建空白年报…", "选择报告年度、填写单位全称，从空白开始编写", self.newBlank)
        self.new_from_last_year = QPushButton("从上年报告新建…")
        self.new_from_last_year.setToolTip("以上年的年报为底稿：带入上年结转数和文字草稿，再按本年情况改写")
        self.new_from_last_year.clicked.connect(self._trigger_from_last_year)
        self.open = self._button("打开年报…", "打开保存过的年报文件（.nianbao）", self.openFile)
        self.import_excel = self._button("导入 Excel…", "从 Excel 工作簿读取统计表，作为新报告打开", self.importExcel)
        self.import_published = self._button(
            "导入已发布的年报…", "第一年使用本软件：读取上年已发布的年报（Word、网页或从 PDF 复制的文字），核对后作为新报告打开",
            self.importPublished)
        self.aggregate = self._button("汇总下级单位的报表…", "上级政务公开办：读取各单位报送的报表，逐个审核并汇总为本级报告",
                                      self.aggregateUnits)
        self.sample = self._button("查看示例报告（只读）", "软件自带的示例（虚构的乡镇），只能查看，不能在上面改写", self.viewSample)
        self.guide = self._button("使用说明", "第一次使用请先看：格式、工作顺序、各项检查、打印和报送", self.showGuide)
        for n, button in enumerate((self.new_blank, self.new_from_last_year, self.open, self.import_excel,
                                    self.import_published, self.aggregate, self.sample, self.guide)):
            button.setMinimumHeight(self.fontMetrics().height() * 2)
            buttons.addWidget(button, n // 2, n % 2)
        layout.addLayout(buttons)
        first = QLabel(FIRST_TIME)
        first.setWordWrap(True)
        first.setObjectName("firstTimeNote")
        layout.addWidget(first)
        layout.addSpacing(self.fontMetrics().height() // 2)

        layout.addWidget(QLabel("最近打开："))
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setToolTip("双击或按回车打开")
        self.recent.itemActivated.connect(self._recent_activated)
        layout.addWidget(self.recent, 1)
        self.no_recent = QLabel("（还没有打开过的年报）")
        layout.addWidget(self.no_recent)
        layout.addStretch(1)
        self.setWidget(body)
        self.set_from_last_year(from_last_year)

    def _button(self, text: str, tip: str, signal) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(signal.emit)
        return button

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}　—　{path.parent}")
            item.setData(PathRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
        if paths:
            rows = min(len(paths), 8)
            self.recent.setMinimumHeight(self.recent.sizeHintForRow(0) * rows + 2 * self.recent.frameWidth())

    def set_from_last_year(self, action: QAction | None) -> None:
        """Offer 从上年报告新建 only when the window has that command."""
        self._from_last_year = action
        self.new_from_last_year.setVisible(action is not None)
        self.buttons.addWidget(self.new_blank, 0, 0, 1, 1 if action is not None else 2)

    def _trigger_from_last_year(self) -> None:
        if self._from_last_year is not None:
            self._from_last_year.trigger()

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.openRecent.emit(Path(item.data(PathRole)))
