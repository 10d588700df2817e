"""导出 Word: which fonts the document asks for, whether this computer has them, and what Word or
WPS does when it does not (they substitute the face the document names as the fallback)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QButtonGroup, QDialog, QLabel, QRadioButton, QVBoxLayout, QWidget

from gui.dialog_buttons import ok_cancel
from gui.fonts import missing_fonts

CHOICES = {
    "official": ("公文字体", "标题方正小标宋简体，正文仿宋_GB2312，一级标题黑体，二级标题楷体_GB2312（党政机关公文格式）"),
    "windows": ("Windows 自带字体", "标题宋体（加粗），正文仿宋，一级标题黑体，二级标题楷体：每台中文 Windows 电脑都有"),
}


def font_names(font_set: str) -> list[str]:
    """The Chinese faces a font set uses, as the Word export names them."""
    from core.export.docx_styles import FONT_SETS

    fonts = FONT_SETS[font_set]
    return [fonts["title"], fonts["body"], fonts["heading1"], fonts["heading2"], fonts["table"]]


def fallback(name: str) -> str | None:
    from core.export.docx_fonts import FONT_FACES

    face = FONT_FACES.get(name)
    return face.alt_name if face else None


def status_text(font_set: str, installed: list[str] | None = None) -> str:
    names = list(dict.fromkeys(font_names(font_set)))
    missing = missing_fonts(names, installed)
    if not missing:
        return "本机已安装全部字体：" + "、".join(names)
    present = [n for n in names if n not in missing]
    stand_ins = "；".join(f"{n} → {fallback(n)}" if fallback(n) else n for n in missing)
    text = f"本机未安装：{'、'.join(missing)}。"
    if present:
        text += f"已安装：{'、'.join(present)}。"
    return text + (f"在未安装的电脑上，WPS/Word 会用相近的字体代替显示和打印（{stand_ins}），字形和字距会略有不同；"
                   "文件中仍写原字体名，在装有这些字体的电脑上打开、打印即为原字体。")


class FontSetDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, installed: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fontSetDialog")
        self.setWindowTitle("导出 Word：选择字体")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Word 文档使用哪一套字体？"))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.status: dict[str, QLabel] = {}
        indent = self.fontMetrics().horizontalAdvance("国") * 2
        for key, (title, description) in CHOICES.items():
            button = QRadioButton(title)
            self.buttons[key] = button
            self.group.addButton(button)
            layout.addWidget(button)
            about = QLabel(description)
            about.setWordWrap(True)
            about.setContentsMargins(indent, 0, 0, 0)
            layout.addWidget(about)
            status = QLabel(status_text(key, installed))
            status.setWordWrap(True)
            status.setContentsMargins(indent, 0, 0, 0)  # (setIndent makes word wrap cut the last line)
            missing = bool(missing_fonts(font_names(key), installed))
            palette = status.palette()  # a palette, not a style sheet: that would break the wrapped height
            palette.setColor(QPalette.ColorRole.WindowText, QColor("#8a5a00" if missing else "#2e7d32"))
            status.setPalette(palette)
            self.status[key] = status
            layout.addWidget(status)
        official_ready = not missing_fonts(font_names("official"), installed)
        self.buttons["official" if official_ready else "windows"].setChecked(True)
        layout.addWidget(ok_cancel(self, "下一步：选择保存位置"))
        # A fixed width lets the wrapped labels ask for the height they need; under fractional scaling
        # (150 %) Qt measures the wrapped text a little short, so each gets one line to spare.
        width = self.fontMetrics().horizontalAdvance("国") * 42
        self.setFixedWidth(width)
        for label in self.findChildren(QLabel):
            if label.wordWrap():
                inner = width - 2 * layout.contentsMargins().left() - label.contentsMargins().left()
                label.setMinimumHeight(label.heightForWidth(inner) + label.fontMetrics().lineSpacing())
        self.adjustSize()

    def chosen(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())


def ask_font_set(parent: QWidget | None) -> str | None:
    dialog = FontSetDialog(parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
