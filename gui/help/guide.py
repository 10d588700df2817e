"""帮助 → 使用说明: the guide in resources/help/guide.html, with the formats and the checks filled in
from the templates (their names, years, chapters and tables; each rule's title and help)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from core.template.model import Template
from core.template.registry import available_template_ids, load_template
from resources import RESOURCES_DIR

GUIDE_FILE = RESOURCES_DIR / "help" / "guide.html"
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def _years(template: Template) -> str:
    if template.last_year is None:
        return f"{template.first_year} 年度起"
    return f"{template.first_year}—{template.last_year} 年度"


def formats_html(templates: list[Template]) -> str:
    items = []
    for template in sorted(templates, key=lambda t: -t.first_year):
        chapters = "、".join(escape(c.heading) for c in template.chapters)
        tables = "、".join(escape(t.title) for t in template.tables)
        items.append(f"<li><b>{escape(template.name)}</b>（{_years(template)}）：{chapters}。"
                     + (f"统计表：{tables}。" if tables else "") + "</li>")
    return "<ul>" + "".join(items) + "</ul>"


def checks_html(template: Template) -> str:
    rows = []
    for rule in template.rules:
        rows.append(f"<li><b>{escape(rule.title)}</b>（{SEVERITY_NAMES.get(rule.severity, rule.severity)}）："
                    f"{escape(rule.help)}</li>")
    return (f"<p>以下是{escape(template.name)}的检查（其他格式的检查大同小异）：</p><ul>" + "".join(rows) + "</ul>")


def guide_html(current: Template | None = None) -> str:
    templates = [load_template(t) for t in available_template_ids()]
    template = current or max(templates, key=lambda t: t.first_year)
    text = GUIDE_FILE.read_text(encoding="utf-8")
    return text.replace("{formats}", formats_html(templates)).replace("{checks}", checks_html(template))


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: Template | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle("使用说明")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(guide_html(current))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("国")
        self.resize(em * 48, em * 36)


def show_guide(window) -> None:
    """Non-modal, so the clerk can read it while working; one dialog per window."""
    dialog = window.findChild(GuideDialog)
    if dialog is None:
        document = getattr(window, "document", None)
        dialog = GuideDialog(window, document.report.template if document is not None else None)
    from gui.window_geometry import available_geometry, fit_into, frame_allowance

    dialog.setGeometry(fit_into(dialog.geometry(), available_geometry(window), frame_allowance(window)))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
