"""The check panel: findings, jumping to them, confirming warnings with an explanation."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.report_file import load_report
from gui.checks import explain_dialog
from gui.checks.panel import FindingRole
from gui.files import dialogs
from tests.gui.helpers import table_page


def _finding_item(window, rule_id: str):
    for item in window.check_panel.finding_items():
        if item.data(0, FindingRole).rule_id == rule_id:
            return item
    raise AssertionError(f"no finding {rule_id}")


def test_panel_lists_findings_grouped_by_chapter_with_counts(make_window):
    window = make_window()
    tree = window.check_panel.tree
    headings = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert headings[0].startswith("单位信息与开头段落")
    assert any(h.startswith("三、收到和处理政府信息公开申请情况") for h in headings)
    result = window.check_panel.result
    assert window.counts.text() == f"错误 {result.errors} · 警告 {result.warnings} · 提示 {result.infos}"
    assert _finding_item(window, "C8").text(0).startswith("［警告］")


def test_sample_report_has_no_findings(make_window, sample_report):
    window = make_window(sample_report)
    assert window.counts.text() == "错误 0 · 警告 0 · 提示 0"


def test_double_click_jumps_to_the_cell(qtbot, make_window, sample_report):
    sample_report.set_value("t3.new.commercial", 9)  # breaks R1 for that column
    window = make_window(sample_report)
    item = next(i for i in window.check_panel.finding_items() if "t3.new.commercial" in i.data(0, FindingRole).targets)
    finding = item.data(0, FindingRole)
    window.check_panel.tree.itemDoubleClicked.emit(item, 0)
    page = table_page(window, "applications")
    assert window.tabs.currentWidget() is page
    assert page.model.cell_key(page.view.currentIndex()) == finding.targets[0]
    assert page.view.selectionModel().isSelected(page.view.currentIndex())


def test_jump_to_a_text_and_a_unit_field(make_window):
    window = make_window()
    window.jump_to(_finding_item(window, "C2").data(0, FindingRole))  # 一、总体情况：尚未填写
    assert window.tabs.currentWidget() is window.pages["overview"]
    assert QApplication.focusWidget() is window.pages["overview"].editors["overview"].editor
    window.jump_to(_finding_item(window, "C8").data(0, FindingRole))
    assert window.tabs.currentWidget() is window.unit_page
    assert QApplication.focusWidget() is window.unit_page.signing


def test_confirm_a_warning_and_find_it_again_after_save_and_reopen(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    panel = window.check_panel
    window.check_panel.tree.setCurrentItem(_finding_item(window, "C8"))
    assert panel.explain_button.isEnabled() and not panel.withdraw_button.isEnabled()
    monkeypatch.setattr(explain_dialog, "ask_explanation", lambda parent, finding, current: "落款日期待主要负责人签批后填写")
    panel.explain_current()
    assert window.document.report.explanations == {"C8:missing": "落款日期待主要负责人签批后填写"}
    qtbot.waitUntil(lambda: _finding_item(window, "C8").text(0).startswith("［已说明］"))
    assert "落款日期待主要负责人签批后填写" in _finding_item(window, "C8").text(0)
    assert panel.withdraw_button.isEnabled()

    path = tmp_path / "report.nianbao"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: path)
    assert window.files.save()
    assert load_report(path).explanations == {"C8:missing": "落款日期待主要负责人签批后填写"}
    assert window.files.open_file(path)
    qtbot.waitUntil(lambda: _finding_item(window, "C8").text(0).startswith("［已说明］"))

    window.check_panel.tree.setCurrentItem(_finding_item(window, "C8"))
    panel.withdraw_current()
    assert window.document.report.explanations == {}
    qtbot.waitUntil(lambda: _finding_item(window, "C8").text(0).startswith("［警告］"))


def test_errors_cannot_be_confirmed(make_window):
    window = make_window()
    window.check_panel.tree.setCurrentItem(_finding_item(window, "C2"))
    assert not window.check_panel.explain_button.isEnabled()


def test_an_empty_explanation_is_refused_and_the_dialog_stays_open(qtbot, make_window):
    window = make_window()
    finding = _finding_item(window, "C8").data(0, FindingRole)
    dialog = explain_dialog.ExplainDialog(finding, "", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert dialog.hint.isVisible() and dialog.hint.text().startswith("请填写说明")
    dialog.editor.setPlainText("   \n ")
    dialog.accept()  # Enter or a programmatic accept must not take whitespace either
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert not dialog.ok_button.isEnabled()
    dialog.editor.setPlainText("落款日期待签批")
    assert dialog.ok_button.isEnabled() and not dialog.hint.isVisible()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.explanation() == "落款日期待签批"


def test_an_existing_explanation_cleared_in_the_dialog_is_not_dropped(qtbot, make_window, monkeypatch):
    window = make_window()
    window.document.set_explanation("C8:missing", "原说明")
    qtbot.waitUntil(lambda: _finding_item(window, "C8").text(0).startswith("［已说明］"))
    window.check_panel.tree.setCurrentItem(_finding_item(window, "C8"))
    seen = []

    def clear_and_try(parent, finding, current):
        dialog = explain_dialog.ExplainDialog(finding, current, parent)
        dialog.editor.clear()
        dialog.accept()
        seen.append((dialog.isVisible() or dialog.result() != dialog.DialogCode.Accepted, dialog.ok_button.isEnabled()))
        return None  # the user then cancels

    monkeypatch.setattr(explain_dialog, "ask_explanation", clear_and_try)
    window.check_panel.explain_current()
    assert seen == [(True, False)]
    assert window.document.report.explanations == {"C8:missing": "原说明"}


def test_findings_are_shown_in_full_wrapped_to_the_panel_width(qtbot, make_window, sample_report):
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QStyle

    sample_report.set_value("t3.new.commercial", 9)  # two long R1 messages and a C10 warning
    window = make_window(sample_report)
    window.resize(1366, 768)
    tree = window.check_panel.tree
    qtbot.waitUntil(lambda: tree.viewport().width() > 100)
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone
    metrics = tree.fontMetrics()
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    icon = tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, tree)

    def check_all_fit() -> list[int]:
        QApplication.processEvents()
        tree.doItemsLayout()
        heights = []
        for item in window.check_panel.finding_items():
            rect = tree.visualItemRect(item)
            text_width = rect.width() - icon - 4 * margin
            needed = metrics.boundingRect(QRect(0, 0, text_width, 100000), int(Qt.TextFlag.TextWordWrap),
                                          item.text(0)).height()
            assert rect.right() <= tree.viewport().width() and needed <= rect.height(), item.text(0)
            heights.append(rect.height())
        return heights

    wide = check_all_fit()
    assert max(wide) >= 3 * metrics.lineSpacing()  # the R1 messages take several lines
    window.resizeDocks([window.check_panel], [tree.fontMetrics().horizontalAdvance("国") * 14], Qt.Orientation.Horizontal)
    narrow = check_all_fit()
    assert sum(narrow) > sum(wide)
