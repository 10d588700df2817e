"""The clerk edits the outline: reworded sub-headings, own chapters where the format allows them,
included and drawn tables — one undoable step, the tabs following."""

from __future__ import annotations

from core.document import Report
from gui.outline import dialog as outline_dialog
from gui.outline.dialog import OutlineDialog


def _tab_titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_rewording_a_sub_heading_is_one_undoable_step(qtbot, make_window, monkeypatch):
    window = make_window()

    def reword(_parent, report):
        dlg = OutlineDialog(report)
        qtbot.addWidget(dlg)
        assert dlg.apply(outline_dialog.rename, "overview.platforms", "（四）平台建设")
        assert not dlg.apply(outline_dialog.add_chapter, "七、附录")  # fixed chapters: refused, shown
        assert "章节是固定的" in dlg.problem.text()
        assert not dlg.buttons["add_chapter"].isEnabled()
        dlg.run_in.setChecked(True)
        return dlg.result_structure()

    monkeypatch.setattr(outline_dialog, "ask_structure", reword)
    window.actions.outline.trigger()
    report = window.document.report
    assert report.chapter("overview").sections[3].title == "（四）平台建设" and report.run_in_headings
    assert window.pages["overview"].chapter.sections[3].title == "（四）平台建设"  # the tab was rebuilt
    window.actions.undo.trigger()
    assert report.outline is None and not report.run_in_headings
    assert window.pages["overview"].chapter.sections[3].title == "（四）政府信息公开平台建设情况"


def test_a_pre_2019_report_gets_its_own_chapter_with_the_old_statistics_table(qtbot, make_window, monkeypatch):
    window = make_window(Report.new(2018, "某乡人民政府"))
    before = _tab_titles(window)

    def own_chapter(_parent, report):
        dlg = OutlineDialog(report)
        qtbot.addWidget(dlg)
        assert dlg.apply(outline_dialog.add_chapter, "统计表", None)
        key = dlg.outline[-1].key
        assert dlg.apply(outline_dialog.include_table, key, "stats")
        assert dlg.add_free_table(key)
        return dlg.result_structure()

    monkeypatch.setattr(outline_dialog, "ask_structure", own_chapter)
    window.actions.outline.trigger()
    titles = _tab_titles(window)
    assert len(titles) == len(before) + 1 and titles[-1].startswith("八、统计表")
    key = window.document.report.chapters[-1].key
    page = window.pages[key]
    assert [b.model.table.key for b in page.blocks] == ["stats"] and len(page.free_tables) == 1
    # the grid in a text chapter edits the report, and findings reach it
    block = page.blocks[0]
    cell = next(k for k in block.model.table.cells if not window.document.report.template.cells[k].computed)
    assert block.model.setData(block.model.index_of_cell(cell), "3")
    assert window.document.report.value(cell) == 3
    window.runner.run_now()
    assert window.pages.blocks()  # the check run marked the included grid without error
    free = next(iter(page.free_tables.values()))
    free.grid.item(0, 0).setText("事项")
    assert next(iter(window.document.report.free_tables.values())).rows[0][0] == "事项"
    window.actions.undo.trigger()  # the cell of the drawn table
    window.actions.undo.trigger()  # the statistics cell
    window.actions.undo.trigger()  # the structure
    assert _tab_titles(window) == before


def test_a_drawn_tables_title_still_being_typed_is_saved(qtbot, make_window, monkeypatch, tmp_path):
    """No Enter after the title, then Ctrl+S: what was typed is in the saved file, and closing would ask."""
    from core.report_file import load_report, save_report

    report = Report.new(2018, "某乡人民政府")
    path = tmp_path / "2018.nianbao"
    save_report(report, path)
    window = make_window(load_report(path))
    window.document.mark_saved(path)

    def with_free_table(_parent, report):
        dlg = OutlineDialog(report)
        qtbot.addWidget(dlg)
        assert dlg.add_free_table(dlg.outline[0].key)
        return dlg.result_structure()

    monkeypatch.setattr(outline_dialog, "ask_structure", with_free_table)
    window.actions.outline.trigger()
    page = window.pages[window.document.report.chapters[0].key]
    window.tabs.setCurrentWidget(window.tabs.widget(1))
    free = next(iter(page.free_tables.values()))
    free.title.setFocus()
    free.title.insert("审批单")  # typed (an input method's commit), no Enter yet
    assert free.title.hasFocus() and not any(t.title for t in window.document.report.free_tables.values())
    assert window.files.save()
    assert [t.title for t in load_report(path).free_tables.values()] == ["审批单"]
