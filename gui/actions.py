"""Every menu command of the main window, created in one place with its Chinese text and shortcut."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from core.records import record

Key = QKeySequence.StandardKey


@record
class WindowActions:
    new: QAction
    new_from_last_year: QAction
    open: QAction
    save: QAction
    save_as: QAction
    export_word: QAction
    export_excel: QAction
    import_excel: QAction
    import_tables: QAction
    link_previous: QAction
    remove_previous: QAction
    import_published: QAction
    aggregate: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    copy: QAction
    paste: QAction
    outline: QAction
    detach_sums: QAction
    check_now: QAction
    guide: QAction
    about: QAction


def _action(parent: QWidget, text: str, shortcut: Key | str | None = None, tip: str = "") -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def create_actions(parent: QWidget) -> WindowActions:
    undo = _action(parent, "撤销(&U)", Key.Undo, "撤销上一步修改")
    redo = _action(parent, "重做(&R)", Key.Redo, "重做刚才撤销的修改")
    # Ctrl+Y is the redo key Windows users know; Qt's standard redo there is Ctrl+Y already, but not on Linux.
    redo.setShortcuts([*QKeySequence.keyBindings(Key.Redo), QKeySequence("Ctrl+Y")])
    return WindowActions(
        new=_action(parent, "新建(&N)…", Key.New, "新建一份年报"),
        new_from_last_year=_action(parent, "从上年报告新建(&Y)…", None,
                                   "沿用上年报告的单位信息，文字作为草稿，上年结转的数字按上年报告的结转数填入"),
        open=_action(parent, "打开(&O)…", Key.Open, "打开年报文件（.nianbao）"),
        save=_action(parent, "保存(&S)", Key.Save, "保存当前年报"),
        save_as=_action(parent, "另存为(&A)…", Key.SaveAs, "把当前年报保存为另一个文件"),
        export_word=_action(parent, "导出 Word(&W)…", None, "按公文格式导出 Word 文档（.docx）"),
        export_excel=_action(parent, "导出 Excel(&E)…", None, "把表格导出为 Excel 工作簿（.xlsx）"),
        import_excel=_action(parent, "导入 Excel 为新报告(&I)…", None, "从 Excel 工作簿读取表格数据，作为新报告打开"),
        import_tables=_action(parent, "导入 Excel 表格到当前报告(&T)…", None,
                              "把 Excel 工作簿中的统计表导入当前报告（文字和单位信息不变，可撤销）"),
        link_previous=_action(parent, "关联上年报告…", None,
                              "选择上年的年报文件或 Excel 工作簿，用于跨年度检查和与上年文字的比对（可撤销）"),
        remove_previous=_action(parent, "移除上年报告", None, "不再与上年报告比对（可撤销）"),
        import_published=_action(parent, "导入已发布的年报为新报告(&P)…", None,
                                 "读取已发布的年度报告（Word 文档、网页，或从 PDF 复制出的文字），核对后作为新报告打开"),
        aggregate=_action(parent, "汇总下级单位的报表(&G)…", None,
                          "读取各单位报送的工作簿或年报文件，逐个审核，并把表格加总为本级的汇总报告"),
        quit=_action(parent, "退出(&X)", Key.Quit if not QKeySequence(Key.Quit).isEmpty() else "Ctrl+Q", "退出程序"),
        undo=undo,
        redo=redo,
        copy=_action(parent, "复制(&C)", None, "把选中的单元格复制为制表符分隔的文本（可粘贴到 Excel/WPS）"),
        paste=_action(parent, "粘贴(&P)", None, "把从 Excel/WPS 复制的数据块从当前单元格开始粘贴"),
        outline=_action(parent, "章节结构与版式(&L)…", None,
                        "修改小标题、章节（格式允许时）、插入表格，以及标题、落款和小标题接排等版式"),
        detach_sums=_action(parent, "解除汇总锁定(&D)…", None,
                            "汇总报告的表格是各单位之和，默认只读；解除后可以直接修改（各单位的明细仍保留）"),
        check_now=_action(parent, "立即检查(&K)", "F5", "重新检查整份报告"),
        guide=_action(parent, "使用说明(&G)", Key.HelpContents if not QKeySequence(Key.HelpContents).isEmpty() else "F1",
                      "第一次使用请看：报告格式、工作顺序、各项检查的含义、打印和报送"),
        about=_action(parent, "关于(&A)", None, "本软件的版本和说明"),
    )
