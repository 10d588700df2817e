"""Each tab carries a mark with the count of its open errors and warnings, updated after every check."""

from __future__ import annotations

from core.checks import FRONT_MATTER
from gui.checks.tab_marks import ProblemBadge


def _marks(window) -> dict[str, str]:
    pages = window.pages
    keys = [FRONT_MATTER, *pages.chapters]
    return {key: (badge.text() if (badge := pages.mark_of(key)) else "") for key in keys}


def test_tabs_of_a_new_report_show_their_errors_and_warnings(make_window):
    window = make_window()
    result = window.check_panel.result
    marks = _marks(window)
    # The unit-information tab counts the front matter: no signing date, no opening paragraph (warnings).
    front = [f for f in result.findings if f.chapter == FRONT_MATTER]
    assert marks[FRONT_MATTER] == f"警告 {sum(f.severity == 'warning' for f in front)}"
    assert marks["overview"].startswith("错误 ")
    assert marks["applications"] == "错误 1"  # the blank table
    badge = window.pages.mark_of("applications")
    assert isinstance(badge, ProblemBadge) and badge.isVisible()
    index = list(window.pages.chapters).index("applications") + 1
    assert window.tabs.tabBar().tabButton(index, window.tabs.tabBar().ButtonPosition.RightSide) is badge
    assert window.tabs.tabToolTip(index).endswith("本页：错误 1 项")


def test_marks_follow_every_check_run_and_leave_explained_warnings_out(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    assert set(_marks(window).values()) == {""}  # the sample has no problems: no marks at all
    window.document.set_cells({"t3.new.commercial": 9})  # two R1 errors in 三, a C10 warning in 一
    window.runner.run_now()
    marks = _marks(window)
    assert marks["applications"] == "错误 2" and marks["overview"] == "警告 1"
    # Marks survive a page being built after the check (the tabs are built on first show).
    assert "applications" not in window.pages.built
    window.tabs.setCurrentWidget(window.pages["applications"])
    assert _marks(window)["applications"] == "错误 2"
    c10 = next(f for f in window.check_panel.result.findings if f.rule_id == "C10")
    window.document.set_explanation(c10.id, "正文另计电话申请")
    window.runner.run_now()
    assert _marks(window)["overview"] == ""
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    window.runner.run_now()
    assert set(_marks(window).values()) == {""}
