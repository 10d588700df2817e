"""Exports know the checks (open errors and unexplained warnings are shown first and can stop it),
offer 打开文件 / 打开所在文件夹 afterwards, and the file dialogs are Chinese and start where they should."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from core.checks import run_checks
from core.report_file import load_report
from gui.files import desktop, dialogs, file_dialog
from tests.conftest import ERRORS


def _no_font_or_path(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the export went on after 返回修改")

    monkeypatch.setattr(dialogs, "ask_font_set", refuse)
    monkeypatch.setattr(dialogs, "ask_save_path", refuse)


def test_export_with_errors_shows_them_and_can_be_cancelled(make_window, monkeypatch, tmp_path):
    report = load_report(ERRORS)
    window = make_window(report)
    asked = []
    monkeypatch.setattr(dialogs, "ask_export_despite_problems",
                        lambda parent, title, errors, warnings: asked.append((title, errors, warnings)) or False)
    _no_font_or_path(monkeypatch)
    window.actions.export_word.trigger()
    window.actions.export_excel.trigger()
    result = run_checks(report)
    assert [a[0] for a in asked] == ["导出 Word", "导出 Excel"]
    title, errors, warnings = asked[0]
    assert len(errors) == result.errors and all(line.startswith("错误　") for line in errors)
    assert len(warnings) == result.warnings and all(line.startswith("警告　") for line in warnings)
    first_error = next(f for f in result.findings if f.severity == "error")
    assert f"错误　{first_error.message}" in errors
    assert list(tmp_path.iterdir()) == []


def test_export_anyway_writes_the_file(make_window, monkeypatch, tmp_path):
    window = make_window(load_report(ERRORS))
    path = tmp_path / "有错误.xlsx"
    monkeypatch.setattr(dialogs, "ask_export_despite_problems", lambda *a: True)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: path)
    monkeypatch.setattr(dialogs, "ask_after_export", lambda *a: None)
    window.actions.export_excel.trigger()
    assert path.is_file()


def test_explained_warnings_are_not_asked_about_again(make_window, monkeypatch, tmp_path, sample_report):
    sample_report.unit.name = "清河县桃园镇人民政府"  # the sample's opening still names 柳溪镇: C14 warnings
    findings = [f for f in run_checks(sample_report).findings if f.rule_id == "C14"]
    assert len(findings) == 3
    for finding in findings[:2]:
        sample_report.explanations[finding.id] = "本镇与柳溪镇合署办公"
    window = make_window(sample_report)
    asked = []
    monkeypatch.setattr(dialogs, "ask_export_despite_problems",
                        lambda parent, title, errors, warnings: asked.append(warnings) or False)
    _no_font_or_path(monkeypatch)
    window.actions.export_word.trigger()
    assert asked == [[f"警告　{findings[2].message}"]]


def test_a_clean_report_exports_without_a_question(make_window, monkeypatch, tmp_path, sample_report):
    window = make_window(sample_report)  # ask_export_despite_problems raises if called (conftest)
    suggested = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, name, *a: suggested.append(name) or None)
    window.actions.export_excel.trigger()
    assert suggested == [f"{sample_report.title}统计表.xlsx"]  # untitled: a bare name for the last folder


def test_excel_name_next_to_the_report_file(make_window, monkeypatch, tmp_path, sample_report):
    window = make_window(sample_report, tmp_path / "柳溪镇.nianbao")
    suggested = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, name, *a: suggested.append(name) or None)
    window.actions.export_excel.trigger()
    assert suggested == [str(tmp_path / f"{sample_report.title}统计表.xlsx")]


def _export_and_choose(window, monkeypatch, path: Path, choice: str | None):
    opened = []
    monkeypatch.setattr(desktop.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: path)
    monkeypatch.setattr(dialogs, "ask_after_export", lambda parent, title, message: choice)
    window.actions.export_excel.trigger()
    return opened


def test_after_export_open_the_file(make_window, monkeypatch, tmp_path, sample_report):
    window = make_window(sample_report)
    path = tmp_path / "统计表.xlsx"
    assert _export_and_choose(window, monkeypatch, path, "file") == [QUrl.fromLocalFile(str(path))]
    assert path.is_file()


def test_after_export_open_its_folder(make_window, monkeypatch, tmp_path, sample_report):
    window = make_window(sample_report)
    path = tmp_path / "统计表.xlsx"
    assert _export_and_choose(window, monkeypatch, path, "folder") == [QUrl.fromLocalFile(str(tmp_path))]


def test_after_export_close_opens_nothing(make_window, monkeypatch, tmp_path, sample_report):
    window = make_window(sample_report)
    assert _export_and_choose(window, monkeypatch, tmp_path / "统计表.xlsx", None) == []


def test_no_program_for_the_file_is_said_in_chinese(monkeypatch, tmp_path):
    monkeypatch.setattr(desktop.QDesktopServices, "openUrl", lambda url: False)
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    assert not desktop.show_file(None, tmp_path / "年报.docx")
    assert "没有找到可以打开 .docx 文件的程序" in shown[0] and str(tmp_path / "年报.docx") in shown[0]


# --- the file dialogs ----------------------------------------------------------------------------

def test_file_dialog_labels_are_chinese_and_it_starts_in_the_folder_given(qapp, tmp_path):
    dialog = file_dialog.build_file_dialog(None, "打开年报", str(tmp_path), dialogs.REPORT_FILTER, save=False)
    labels = {label: dialog.labelText(label) for label in QFileDialog.DialogLabel}
    assert labels[QFileDialog.DialogLabel.LookIn] == "查找范围："
    assert labels[QFileDialog.DialogLabel.FileType] == "文件类型："
    assert labels[QFileDialog.DialogLabel.FileName] == "文件名："
    assert labels[QFileDialog.DialogLabel.Accept] == "打开" and labels[QFileDialog.DialogLabel.Reject] == "取消"
    assert Path(dialog.directory().absolutePath()) == tmp_path
    save = file_dialog.build_file_dialog(None, "导出 Excel", str(tmp_path / "甲统计表.xlsx"), dialogs.EXCEL_FILTER,
                                         save=True)
    assert save.labelText(QFileDialog.DialogLabel.Accept) == "保存"
    assert Path(save.directory().absolutePath()) == tmp_path
    assert [Path(p).name for p in save.selectedFiles()] == ["甲统计表.xlsx"]


def test_sidebar_has_desktop_and_documents(qapp, monkeypatch, tmp_path):
    places = {QStandardPaths.StandardLocation.DesktopLocation: tmp_path / "桌面",
              QStandardPaths.StandardLocation.DocumentsLocation: tmp_path / "文档",
              QStandardPaths.StandardLocation.HomeLocation: tmp_path}
    for folder in places.values():
        folder.mkdir(exist_ok=True)
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda place: str(places.get(place, "")))
    urls = [u.toLocalFile() for u in file_dialog.sidebar_urls()]
    assert urls[:3] == [str(tmp_path / "桌面"), str(tmp_path / "文档"), str(tmp_path)]
    assert file_dialog.documents_folder() == str(tmp_path / "文档")


def test_last_folder_used_else_documents(qapp, monkeypatch, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(file_dialog, "documents_folder", lambda: str(tmp_path / "文档"))
    assert file_dialog.last_folder(settings) == str(tmp_path / "文档")
    (tmp_path / "年报").mkdir()
    file_dialog.remember_folder(tmp_path / "年报" / "a.nianbao", settings)
    assert file_dialog.last_folder(settings) == str(tmp_path / "年报")
    (tmp_path / "年报").rmdir()  # a folder since removed is not offered
    assert file_dialog.last_folder(settings) == str(tmp_path / "文档")


def test_file_list_shows_types_and_dates_in_chinese(qapp, qtbot, tmp_path):
    (tmp_path / "子文件夹").mkdir()
    (tmp_path / "年报.nianbao").write_text("{}", encoding="utf-8")
    source = QFileSystemModel()
    root = source.setRootPath(str(tmp_path))
    proxy = file_dialog.ChineseFileModel()
    proxy.setSourceModel(source)
    qtbot.waitUntil(lambda: source.rowCount(root) == 2)
    proxy_root = proxy.mapFromSource(root)
    rows = {proxy.index(r, 0, proxy_root).data(): r for r in range(2)}
    assert proxy.index(rows["子文件夹"], 2, proxy_root).data() == "文件夹"
    assert proxy.index(rows["年报.nianbao"], 2, proxy_root).data() == "NIANBAO 文件"
    assert proxy.index(rows["年报.nianbao"], 1, proxy_root).data() == "2 字节"
    assert proxy.index(rows["子文件夹"], 1, proxy_root).data() == ""
    assert [file_dialog.file_size(n) for n in (1023, 1024, 1536 * 1024, 300 * 1024 * 1024)] == \
        ["1023 字节", "1.0 KB", "1.5 MB", "300 MB"]
    modified = source.fileInfo(source.index(str(tmp_path / "年报.nianbao"))).lastModified()
    date = proxy.index(rows["年报.nianbao"], 3, proxy_root).data()
    assert date == f"{modified.date().year()}/{modified.date().month()}/{modified.date().day()} " \
                   f"{modified.time().toString('HH:mm')}"
    assert [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] \
        == ["名称", "大小", "类型", "修改日期"]
