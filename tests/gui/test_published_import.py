"""导入已发布的年报: through the menu, the confirmation view beside the source, the checks at once."""

from __future__ import annotations

from core.export.docx_writer import write_docx
from core.imports.published.reader import read_blocks
from core.imports.published.text_source import text_blocks
from core.report_file import load_report
from gui.files import dialogs, published_preview
from gui.files.published_preview import PublishedPreview
from tests.conftest import SEED001
from tests.seed_text import seed_text


def _seed_result(text: str):
    return read_blocks(text_blocks(text.encode("utf-8"), "001.txt"), "001.txt")


def test_a_published_report_opens_as_a_new_untitled_report_only_when_confirmed(make_window, monkeypatch, tmp_path):
    window = make_window()
    current = window.document
    path = tmp_path / "利通区2021年报.docx"
    write_docx(load_report(SEED001), path)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: path)
    shown = []
    monkeypatch.setattr(published_preview, "confirm", lambda parent, result, name: shown.append((result, name)) and False)
    assert not window.files.import_published()
    assert window.document is current and shown[0][1] == "利通区2021年报.docx" and shown[0][0].complete
    monkeypatch.setattr(published_preview, "confirm", lambda parent, result, name: True)
    window.actions.import_published.trigger()
    imported = window.document.report
    assert window.document is not current and window.document.path is None and window.isWindowModified()
    assert imported.cells == load_report(SEED001).cells and imported.unit.name == "吴忠市利通区"


def test_an_unreadable_file_is_refused_with_its_reason(make_window, monkeypatch, tmp_path):
    window = make_window()
    path = tmp_path / "空白.txt"
    path.write_bytes(b"")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: path)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append((title, message)))
    assert not window.files.import_published()
    assert errors == [("导入已发布的年报", "“空白.txt”中没有文字，无法导入")]


def test_the_view_shows_each_source_line_beside_where_it_went_and_what_was_not_read(qtbot):
    result = _seed_result(seed_text("001"))
    view = PublishedPreview(result, "001.txt")
    qtbot.addWidget(view)
    rows = {view.table.item(r, 0).text(): [view.table.item(r, c).text() for c in range(4)]
            for r in range(view.table.rowCount())}
    assert rows["第 35 行"][1:] == ["行政许可　10723", "表二「行政许可」", "本年处理决定数量 10723"]
    assert rows["第 3 行"][2] == "标题" and rows["第 9 行"][2] == "一、总体情况"
    assert rows["第 15 行"][2] == "一、总体情况（一）主动公开情况。"
    assert rows["第 51 行"][2:] == ["未能导入", "表三（收到和处理政府信息公开申请情况）「（一）予以公开」：读到 6 个数，"
                                            "应有 7 个，无法确定每个数属于哪一列，这一行未导入"]
    assert rows["第 84 行"][2:] == ["表四", "结果维持 （空白），结果纠正 （空白），其他结果 （空白），尚未审结 （空白），"
                                              "总计 （空白），结果维持 0，结果纠正 0，其他结果 0，尚未审结 0，总计 0，"
                                              "结果维持 0，结果纠正 0，其他结果 0，尚未审结 0，总计 0"]
    assert view.tabs.tabText(1) == "未能导入（4）· 提示（1）" and view.tabs.currentWidget() is view.problems
    assert view.problems.topLevelItem(0).text(0).startswith("未能导入　第 51 行：表三")
    assert view.accept_button.text() == "仍然打开能读取的部分"
    view.table.setCurrentCell(1, 0)
    assert "导入到：开头段落" in view.detail.toPlainText()


def test_the_text_against_table_check_runs_at_once_and_marks_the_lines_it_is_about(qtbot):
    """Seed 001 with its 一（二） saying 5 applications where 表三 has 3: the check finds it before saving."""
    text = seed_text("001", repaired=True).replace("2021 年收到政府信息公开申请 3 件", "2021 年收到政府信息公开申请 5 件")
    view = PublishedPreview(_seed_result(text), "001.txt")
    qtbot.addWidget(view)
    items = [view.findings.topLevelItem(g).child(c) for g in range(view.findings.topLevelItemCount())
             for c in range(view.findings.topLevelItem(g).childCount())]
    c10 = next(i for i in items if "收到政府信息公开申请" in i.text(0) and "5" in i.text(0))
    view.findings.setCurrentItem(c10)
    marked = [view.table.item(r, 2).text() for r in view.marked_rows()]
    assert "一、总体情况（二）依申请公开情况。" in marked, "the paragraph of 一（二） that states the figure"
    assert "表三「一、本年新收政府信息公开申请数量」" in marked
    assert all(m.startswith(("一、总体情况（二）", "表三")) for m in marked)
