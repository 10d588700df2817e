"""A plain-PySide6 replica of the app's first screen with a report open, for benchmarks/startup.py.

No project code: the same menus (and as many commands), the tab bar with the unit tab and six chapter
tabs, the unit-information form (its group of fields, the 落款日期 popup, the opening paragraph editor),
the check dock (summary, tree, detail, buttons), the status bar and the same Simplified Chinese UI font.
Run as ``python -c`` source by the benchmark, so it is kept as a string.
"""

REPLICA = """
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDockWidget, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QMainWindow, QPlainTextEdit, QPushButton, QScrollArea, QTabWidget,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

app = QApplication([])
font = QFont(app.font())
have = set(QFontDatabase.families())
families = [f for f in ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                        "Source Han Sans SC", "WenQuanYi Micro Hei") if f in have]
if families:
    font.setFamilies([*families, font.family()])
    app.setFont(font)

window = QMainWindow()
menus = {"文件(&F)": 12, "编辑(&E)": 5, "检查(&C)": 2, "帮助(&H)": 2}
for title, count in menus.items():
    menu = window.menuBar().addMenu(title)
    for n in range(count):
        action = QAction(f"命令{n}", window)
        action.setShortcut(QKeySequence(f"Ctrl+{n % 10}"))
        action.setStatusTip("说明")
        menu.addAction(action)

tabs = QTabWidget()
tabs.setDocumentMode(True)
tabs.setUsesScrollButtons(True)
page = QScrollArea()
page.setWidgetResizable(True)
body = QWidget()
layout = QVBoxLayout(body)
group = QGroupBox("单位信息")
form = QFormLayout(group)
for n, label in enumerate(["单位全称", "单位类型", "行政层级", "所在地区", "地址", "邮编", "电话", "传真",
                           "电子邮箱", "网站", "填报人", "联系电话"]):
    if n in (1, 2):
        field = QComboBox()
        field.addItems(["甲", "乙", "丙", "丁"])
    else:
        field = QLineEdit("清河县柳溪镇人民政府" if n == 0 else "")
        field.setPlaceholderText("例如")
    form.addRow(label + "：", field)
year = QLineEdit("2025 年度")
year.setReadOnly(True)
form.addRow("报告年度：", year)
date = QDateEdit()
date.setCalendarPopup(True)
date.setDisplayFormat("yyyy年M月d日")
date.setDate(QDate(2026, 1, 20))
row = QHBoxLayout()
row.addWidget(date, 1)
row.addWidget(QPushButton("清空日期"))
form.addRow("落款日期：", row)
layout.addWidget(group)
layout.addWidget(QLabel("开头段落"))
help_label = QLabel("写在“一、总体情况”之前：编制依据，统计期限……")
help_label.setWordWrap(True)
layout.addWidget(help_label)
opening = QPlainTextEdit("根据《中华人民共和国政府信息公开条例》要求，编制本报告。" * 8)
layout.addWidget(opening)
footer = QHBoxLayout()
footer.addWidget(QLabel("字数：300"))
footer.addStretch(1)
footer.addWidget(QPushButton("插入常用语句"))
layout.addLayout(footer)
layout.addWidget(QLabel("报告格式：格式"))
page.setWidget(body)
tabs.addTab(page, "单位信息")
for title in ("一、总体情况", "二、主动公开…", "三、收到和处理…", "四、行政复议…", "五、存在的主要…", "六、其他需要…"):
    tabs.addTab(QWidget(), title)
window.setCentralWidget(tabs)

dock = QDockWidget("检查结果", window)
panel = QWidget()
column = QVBoxLayout(panel)
summary = QLabel("错误 0 项，警告 0 项，提示 0 项")
summary.setWordWrap(True)
column.addWidget(summary)
tree = QTreeWidget()
tree.setHeaderHidden(True)
tree.addTopLevelItem(QTreeWidgetItem(["没有发现问题。"]))
column.addWidget(tree, 1)
detail = QLabel("双击一条结果可跳转到相关位置。")
detail.setWordWrap(True)
detail.setFrameShape(QFrame.Shape.StyledPanel)
column.addWidget(detail)
buttons = QHBoxLayout()
buttons.addWidget(QPushButton("说明此警告…"))
buttons.addWidget(QPushButton("撤回说明"))
column.addLayout(buttons)
dock.setWidget(panel)
window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
window.statusBar().addPermanentWidget(QLabel("错误 0 · 警告 0 · 提示 0"))
window.setWindowTitle("示例报告 — 年报")
em = window.fontMetrics().horizontalAdvance("国")
window.resize(em * 100, em * 60)
watch = _Exposed(window)
app.installEventFilter(watch)
window.show()
app.exec()
"""
