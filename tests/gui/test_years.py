"""Year after year in the GUI: 从上年报告新建 (draft marks on tabs, slots and a banner until edited),
sentences repeated from last year's report highlighted with last year's sentence on hover, and
上年报告 linked, replaced and removed as undoable steps shown in the unit-information page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from core.checks import FRONT_MATTER, run_checks
from core.export.xlsx_writer import write_xlsx
from core.report_file import load_report, save_report
from gui.files import dialogs, last_year_dialogs
from gui.texts.page import DRAFT_BANNER, PARTLY_DRAFT_BANNER
from resources import SAMPLE_REPORT
from tests.gui.conftest import FIXTURES
from tests.gui.helpers import count_calls, type_chinese

SAMPLE_2020 = FIXTURES / "sample_2020.nianbao"


@pytest.fixture
def answers(monkeypatch):
    """The answers the last-year dialogs give; any question not answered here fails the test."""
    given: dict = {"carried": []}

    def ask_path(parent, folder, title):
        return given.pop("path")

    monkeypatch.setattr(last_year_dialogs, "ask_last_year_path", ask_path)
    monkeypatch.setattr(last_year_dialogs, "ask_last_year_year", lambda parent, title, default: given.pop("year"))
    monkeypatch.setattr(last_year_dialogs, "ask_use_partial", lambda parent, title, problems: given.pop("partial"))
    monkeypatch.setattr(last_year_dialogs, "show_carried", lambda parent, title, lines: given["carried"].extend(lines))
    return given


def _new_from(window, answers, path):
    answers["path"] = path
    action = window.actions.new_from_last_year
    assert action.text().startswith("从上年报告新建")
    action.trigger()
    return window.document


def test_new_from_last_year_opens_an_untitled_report_with_drafts_marked(qtbot, make_window, answers):
    window = make_window()
    document = _new_from(window, answers, SAMPLE_2020)
    last = load_report(SAMPLE_2020)
    report = document.report
    assert document.path is None and document.is_modified and window.windowTitle().startswith("从上年报告新建（未保存）")
    assert (report.year, report.template_id, report.unit.name) == (2021, "2021", last.unit.name)
    assert report.value("t3.carried_over.natural") == last.value("t3.carried_forward.natural")
    assert any("上年结转" in line and "7 个单元格" in line for line in answers["carried"])
    assert any("草稿带入" in line for line in answers["carried"])

    for key in (FRONT_MATTER, "overview", "problems", "other_matters"):
        assert window.pages.draft_mark_of(key) is not None, key
    assert window.pages.draft_mark_of("applications") is None  # a table chapter has no draft text
    assert window.unit_page.opening.draft_mark.isVisibleTo(window.unit_page)
    assert last.title in window.unit_page.previous.text()

    page = window.pages["problems"]
    window.tabs.setCurrentWidget(page)
    assert page.banner.isVisible() and page.banner.text() == DRAFT_BANNER
    editor = page.editors["problems"]
    assert editor.draft_mark.isVisible()
    type_chinese(qtbot, editor.editor, "本年度新发现的问题是答复文书格式不统一。")
    qtbot.waitUntil(lambda: not page.banner.isVisible())
    assert not editor.draft_mark.isVisible() and window.pages.draft_mark_of("problems") is None
    assert window.pages.draft_mark_of("overview") is not None  # the others are still last year's

    document.undo_stack.undo()  # undoing the edit brings last year's text back, and the marks
    qtbot.waitUntil(lambda: page.banner.isVisible())
    assert window.pages.draft_mark_of("problems") is not None


def test_a_chapter_partly_rewritten_names_the_sections_still_last_years(qtbot, make_window, answers):
    window = make_window()
    document = _new_from(window, answers, SAMPLE_2020)
    page = window.pages["overview"]
    window.tabs.setCurrentWidget(page)
    assert page.banner.text() == DRAFT_BANNER
    type_chinese(qtbot, page.editors["overview.proactive"].editor, "本年度主动公开信息120条。")
    qtbot.waitUntil(lambda: page.banner.text().startswith(PARTLY_DRAFT_BANNER))
    assert "（二）依申请公开情况" in page.banner.text() and "（一）主动公开情况" not in page.banner.text()
    assert not page.editors["overview.proactive"].draft_mark.isVisible()
    assert page.editors["overview.requests"].draft_mark.isVisible()
    assert document.report.text("overview.proactive").startswith("本年度主动公开信息120条。全年")


def test_typing_looks_at_the_typed_slot_only_and_checks_find_drafts_once_per_run(qtbot, make_window, answers,
                                                                                  monkeypatch):
    """C12's scan of every slot runs once per check run, not once per page per keystroke."""
    from core import drafts

    window = make_window()
    document = _new_from(window, answers, SAMPLE_2020)
    for key in window.pages:  # every tab built, as after the clerk has looked at each
        window.pages[key]
    page = window.pages["problems"]
    window.tabs.setCurrentWidget(page)
    editor = page.editors["problems"].editor
    scans = count_calls(monkeypatch, drafts.unchanged_drafts)
    runs = []
    window.runner.finished.connect(runs.append)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "abcdefghij" * 3)
    assert document.report.text("problems").endswith("abcdefghij" * 3)
    assert len(scans) == len(runs)  # no scan but the check runs' (none ran while typing here)
    assert not page.banner.isVisible() and window.pages.draft_mark_of("problems") is None
    assert window.pages.draft_mark_of("overview") is not None
    window.runner.run_now()
    assert runs and len(scans) == len(runs)  # one scan per check run
    for _ in range(30):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert document.report.text("problems") == load_report(SAMPLE_2020).text("problems")
    assert page.banner.isVisible() and window.pages.draft_mark_of("problems") is not None  # a draft again
    assert len(scans) == len(runs)


def test_new_from_a_workbook_without_a_year_asks_for_it(qtbot, make_window, answers, tmp_path):
    from tests.annex_workbooks import Layout, annex_workbook

    book = annex_workbook(tmp_path / "book.xlsx", Layout(), title=False)
    window = make_window()
    answers["year"] = 2024
    document = _new_from(window, answers, book)
    assert (document.report.year, document.report.previous.year) == (2025, 2024)
    assert any("单位名称为空" in line for line in answers["carried"])


def test_new_from_a_2019_format_workbook(qtbot, make_window, answers, tmp_path):
    book = tmp_path / "2020.xlsx"
    last = load_report(SAMPLE_2020)
    write_xlsx(last, book, run_checks(last))
    window = make_window()
    report = _new_from(window, answers, book).report
    assert (report.template_id, report.previous.template_id) == ("2021", "2019")
    assert report.value("t3.carried_over.total") == last.value("t3.carried_forward.total")


def test_an_unreadable_last_year_file_is_said_and_nothing_changes(qtbot, make_window, answers, monkeypatch, tmp_path):
    window = make_window()
    before = window.document
    bad = tmp_path / "bad.nianbao"
    bad.write_text("{", encoding="utf-8")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append((title, message)))
    answers["path"] = bad
    assert not window.last_year.new_from_last_year()
    assert window.document is before and shown[0][0] == "从上年报告新建" and "bad.nianbao" in shown[0][1]


def test_repeated_sentences_are_highlighted_with_last_years_sentence_on_hover(qtbot, make_window, sample_report):
    last = load_report(SAMPLE_REPORT)
    last.year -= 1
    sample_report.previous = last
    window = make_window(sample_report)
    page = window.pages["overview"]
    window.tabs.setCurrentWidget(page)
    slot = page.editors["overview.requests"]
    highlight = slot.repeats
    assert highlight.repeats and len(slot.editor.extraSelections()) == len(highlight.repeats)
    first = highlight.repeats[0]
    text = slot.editor.toPlainText()
    assert first.other == text[first.start:first.end].strip()

    slot.editor.resize(800, 400)
    cursor = slot.editor.textCursor()
    cursor.setPosition(first.start + 1)
    point = slot.editor.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, slot.editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(slot.editor.viewport(), event)
    assert QToolTip.isVisible() and first.other in QToolTip.text() and "与上年报告" in QToolTip.text()
    QToolTip.hideText()

    type_chinese(qtbot, slot.editor, "本年度还收到一件关于农村土地承包经营权确权登记资料的申请。")
    assert slot.editor.extraSelections() == []  # stale offsets are dropped at once
    qtbot.waitUntil(lambda: len(slot.editor.extraSelections()) == len(highlight.repeats) > 0, timeout=3000)
    new_text = slot.editor.toPlainText()
    assert all(new_text[r.start:r.end].strip() == r.other for r in highlight.repeats)


def test_one_check_run_measures_the_copied_text_once(qtbot, make_window, sample_report, monkeypatch):
    """C11 and the editors' highlight share one measure of what repeats last year's text."""
    from core.checks import copied_text

    last = load_report(SAMPLE_REPORT)
    last.year -= 1
    sample_report.previous = last
    window = make_window(sample_report)
    page = window.pages["overview"]
    calls = count_calls(monkeypatch, copied_text.chapter_repeats)
    result = window.runner.run_now()
    assert len(calls) == 1
    assert any(f.rule_id == "C11" for f in result.findings)  # the check used it
    assert page.editors["overview.requests"].repeats.repeats  # and so did the highlight
    window.runner.run_now()
    assert len(calls) == 2  # once more for the next run, not twice


def test_a_rewritten_sentence_is_no_longer_highlighted(qtbot, make_window, sample_report):
    last = load_report(SAMPLE_REPORT)
    last.year -= 1
    sample_report.previous = last
    sample_report.set_text("problems", "本年度发现政务新媒体更新不及时、政策解读形式单一两个方面的问题，已制定整改计划逐项落实。")
    window = make_window(sample_report)
    page = window.pages["problems"]
    window.runner.run_now()
    assert page.editors["problems"].repeats.repeats == ()
    assert page.editors["problems"].editor.extraSelections() == []


def test_link_replace_and_remove_last_years_report_are_undoable(qtbot, make_window, answers, sample_report,
                                                                tmp_path, monkeypatch):
    window = make_window(sample_report)
    document = window.document
    link = window.actions.link_previous
    remove = window.actions.remove_previous
    assert link.text().startswith("关联上年报告") and not remove.isEnabled()
    assert window.unit_page.previous.text().startswith("没有")
    assert not window.unit_page.link_button.isHidden() and window.unit_page.link_button.defaultAction() is link
    assert not any(f.rule_id == "C11" for f in window.runner.result.findings)

    last = load_report(SAMPLE_REPORT)
    last.year -= 1
    last.set_value("t3.carried_forward.natural", 4)
    last_path = tmp_path / "2024.nianbao"
    save_report(last, last_path)
    answers["path"] = last_path
    link.trigger()
    assert document.report.previous.year == 2024 and document.report.previous_path == str(last_path.resolve())
    assert link.text().startswith("更换上年报告") and remove.isEnabled()
    assert window.unit_page.previous.text() == f"{last.title}（2024.nianbao）"
    assert str(last_path.resolve()) in window.unit_page.previous.toolTip()
    qtbot.waitUntil(lambda: "R8:natural" in {f.id for f in window.runner.result.findings})
    assert document.is_modified

    remove.trigger()
    assert document.report.previous is None and window.unit_page.previous.text().startswith("没有")
    qtbot.waitUntil(lambda: "R8:natural" not in {f.id for f in window.runner.result.findings})
    document.undo_stack.undo()
    assert document.report.previous.year == 2024 and last.title in window.unit_page.previous.text()
    document.undo_stack.undo()
    assert document.report.previous is None and not remove.isEnabled()

    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    answers["path"] = SAMPLE_REPORT  # the same year: not last year's
    link.trigger()
    assert document.report.previous is None and "不早于本报告的 2025 年度" in shown[0]


def test_a_saved_link_survives_reopening(qtbot, make_window, answers, sample_report, tmp_path):
    window = make_window(sample_report)
    last = load_report(SAMPLE_REPORT)
    last.year -= 1
    last_path, path = tmp_path / "2024.nianbao", tmp_path / "2025.nianbao"
    save_report(last, last_path)
    answers["path"] = last_path
    assert window.last_year.link_previous()
    save_report(window.document.report, path)
    last_path.unlink()
    reopened = make_window(load_report(path), path)
    assert "2024年" in reopened.unit_page.previous.text()
    assert any(f.rule_id == "C11" for f in reopened.runner.result.findings)
    assert isinstance(reopened.pages.draft_mark_of("overview"), QLabel)  # word for word last year's text


def test_a_workbook_with_unreadable_cells_is_used_only_when_the_user_agrees(qtbot, make_window, answers, tmp_path):
    from tests.test_cli_years import _workbook_without_carried_forward

    book = _workbook_without_carried_forward(tmp_path / "2025.xlsx")
    window = make_window()
    before = window.document
    answers.update(path=book, partial=False)
    assert not window.last_year.new_from_last_year()
    assert window.document is before and "partial" not in answers
    answers.update(path=book, partial=True)
    assert window.last_year.new_from_last_year()
    report = window.document.report
    assert report.year == 2026 and report.value("t3.carried_over.natural") is None
    assert any("本年对应的单元格没有填" in line for line in answers["carried"])


def test_linking_another_units_report_links_it_with_a_caution(qtbot, make_window, answers, sample_report):
    window = make_window(sample_report)
    answers["path"] = SAMPLE_2020
    assert window.last_year.link_previous()
    assert window.document.report.previous.unit.name == "清河县市场监督管理局"
    assert "注意：上年报告的单位是“清河县市场监督管理局”" in window.statusBar().currentMessage()


def test_marks_follow_the_pages_rebuilt_after_a_structure_change(qtbot, make_window, answers):
    from core.document import OPENING

    window = make_window()
    document = _new_from(window, answers, SAMPLE_2020)
    window.tabs.setCurrentWidget(window.pages["problems"])
    old_unit_page = window.unit_page
    document.structureChanged.emit()  # what 章节结构与版式 does: every tab is built anew
    qtbot.waitUntil(lambda: window.unit_page is not old_unit_page)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old pages are gone
    assert window.pages.draft_mark_of("problems") is not None and window.pages["problems"].banner.isVisible()
    document.set_text(OPENING, "根据《条例》要求编制本报告。")
    assert not window.unit_page.opening.draft_mark.isVisibleTo(window.unit_page)
    assert window.pages.draft_mark_of(FRONT_MATTER) is None
