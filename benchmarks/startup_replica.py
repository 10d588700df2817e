"""A plain-PySide6 replica of the app's first screen with a report open, for benchmarks/startup.py.

No project code: the same menus (as many commands, separators and the recent-files submenu), the
window icon and Qt's Simplified Chinese translation, the banner over the read-only sample (the
benchmark opens the bundled sample), the tab bar with the unit tab and six chapter tabs and their
tooltips, the unit-information form (its group of fields, the 落款日期 popup, the 上年报告 row with its
selectable text and two buttons, the opening paragraph editor with its bold heading, hidden draft
mark, help, character count and phrase menu), the check dock as it is before the first check (summary,
an empty tree, the selectable detail, buttons), the status bar and the same Simplified Chinese UI font.
Run as ``python -c`` source by the benchmark, so it is kept as a string.
"""

REPLICA = """
from PySide6.QtCore import QDate, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QFont, QFontDatabase, QIcon, QKeySequence
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDockWidget, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMenu, QPlainTextEdit, QPushButton, QScrollArea, QStackedWidget,
    QTabWidget, QToolButton, QTreeWidget, QVBoxLayout, QWidget)

app = QApplication([])
app.setWindowIcon(QIcon("resources/icons/nianbao.png"))
translator = QTranslator(app)
if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
    app.installTranslator(translator)
QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
font = QFont(app.font())
have = set(QFontDatabase.families())
families = [f for f in ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                        "Source Han Sans SC", "WenQuanYi Micro Hei") if f in have]
if families:
    font.setFamilies([*families, font.family()])
    app.setFont(font)

window = QMainWindow()
# Commands per menu, a separator between groups; "recent" is the submenu; 9 commands have shortcuts.
# The check menu's second entry is the dock's own toggle, added with the dock.
menus = {"文件(&F)": [3, "recent", 2, 5, 2, 1, 1], "编辑(&E)": [2, 2, 2], "检查(&C)": [1], "帮助(&H)": [2]}
shortcuts = 0
made = {}
for title, groups in menus.items():
    menu = made[title] = window.menuBar().addMenu(title)
    for g, group in enumerate(groups):
        if group == "recent":
            menu.addMenu("最近打开的文件")
            continue
        if g and groups[g - 1] != "recent":
            menu.addSeparator()
        for n in range(group):
            action = QAction(f"命令{n}(&{n})…", window)
            if shortcuts < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{shortcuts + 1}"))
                shortcuts += 1
            action.setStatusTip("说明")
            action.setToolTip("说明")
            menu.addAction(action)

view = QWidget()
report_column = QVBoxLayout(view)
report_column.setContentsMargins(0, 0, 0, 0)
banner = QWidget()
banner.setObjectName("readOnlyBanner")
banner.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }")
banner_row = QHBoxLayout(banner)
banner_text = QLabel("这是软件自带的示例报告（虚构的乡镇），只能查看和复制其中的文字，不能修改。"
                     "要编写本单位的年报，请点右边的“新建年报…”（选年度、填单位全称，从空白开始）；"
                     "有上年的年报文件时，点“从上年报告新建…”。不要在示例上改写：容易把示例的单位名称、地址和电话留在正文里。")
banner_text.setWordWrap(True)
banner_row.addWidget(banner_text, 1)
banner_row.addWidget(QPushButton("新建年报…"))
from_last_year = QPushButton("从上年报告新建…")
from_last_year.setToolTip("以上年的年报为底稿：带入上年结转数和文字草稿，再按本年情况改写")
banner_row.addWidget(from_last_year)
report_column.addWidget(banner)
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
previous = QLabel("没有（跨年度检查和与上年文字的比对无法进行）")
previous.setWordWrap(True)
previous.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
previous_row = QHBoxLayout()
previous_row.addWidget(previous, 1)
for action in made["文件(&F)"].actions()[-6:-4]:  # the app's buttons show two of the file menu's commands
    button = QToolButton()
    button.setDefaultAction(action)
    previous_row.addWidget(button)
form.addRow("上年报告：", previous_row)
layout.addWidget(group)
heading = QLabel("开头段落")
bold = heading.font()
bold.setBold(True)
heading.setFont(bold)
draft = QLabel("上年草稿，尚未修改")
draft.setStyleSheet("background: #fff1c2; color: #7a4b00; border: 1px solid #e0b84d; border-radius: 3px; padding: 0 4px")
draft.hide()
top = QHBoxLayout()
top.addWidget(heading)
top.addWidget(draft)
top.addStretch(1)
layout.addLayout(top)
help_label = QLabel("写在“一、总体情况”之前：编制依据，统计期限……")
help_label.setWordWrap(True)
layout.addWidget(help_label)
opening = QPlainTextEdit("根据《中华人民共和国政府信息公开条例》要求，编制本报告。" * 8)
layout.addWidget(opening)
footer = QHBoxLayout()
footer.addWidget(QLabel("字数：300"))
footer.addStretch(1)
phrases = QPushButton("插入常用语句")
phrase_menu = QMenu(phrases)
for n in range(4):
    phrase_menu.addAction(f"常用语句{n}")
phrases.setMenu(phrase_menu)
footer.addWidget(phrases)
layout.addLayout(footer)
layout.addWidget(QLabel("报告格式：格式"))
page.setWidget(body)
tabs.addTab(page, "单位信息")
tabs.setTabToolTip(0, "单位名称、类型和层级，开头段落，落款日期")
for title in ("一、总体情况", "二、主动公开…", "三、收到和处理…", "四、行政复议…", "五、存在的主要…", "六、其他需要…"):
    tabs.setTabToolTip(tabs.addTab(QWidget(), title), "本章写什么")
report_column.addWidget(tabs, 1)
stack = QStackedWidget()  # the app's start page / report view
stack.addWidget(view)
window.setCentralWidget(stack)

dock = QDockWidget("检查结果", window)
panel = QWidget()
column = QVBoxLayout(panel)
summary = QLabel("错误 0 项，警告 0 项，提示 0 项")
summary.setWordWrap(True)
column.addWidget(summary)
tree = QTreeWidget()  # filled by the first check, after the first paint (as in the app)
tree.setHeaderHidden(True)
column.addWidget(tree, 1)
detail = QLabel("双击一条结果可跳转到相关位置。")
detail.setWordWrap(True)
detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
detail.setFrameShape(QFrame.Shape.StyledPanel)
column.addWidget(detail)
buttons = QHBoxLayout()
buttons.addWidget(QPushButton("说明此警告…"))
buttons.addWidget(QPushButton("撤回说明"))
column.addLayout(buttons)
dock.setWidget(panel)
window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
made["检查(&C)"].addAction(dock.toggleViewAction())
window.statusBar().addPermanentWidget(QLabel("错误 0 · 警告 0 · 提示 0"))
window.setWindowTitle("示例报告 — 年报")
em = window.fontMetrics().horizontalAdvance("国")
window.resize(em * 100, em * 60)
watch = _Exposed(window)
app.installEventFilter(watch)
window.show()
app.exec()
"""
