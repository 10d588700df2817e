"""What the user types or pastes into a text field, cleaned of characters no file can hold, and said
so on the status bar (the cleaning itself is core.text_clean.clean_text)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.text_clean import clean_text, forbidden_count


def clean_input(widget: QWidget, text: str, single_line: bool = False) -> str:
    """``text`` cleaned; when something was removed, the window's status bar says how much."""
    cleaned = clean_text(text, single_line=single_line)
    if cleaned != text and (count := forbidden_count(text)):
        window = widget.window()
        show = getattr(window, "show_message", None)
        if callable(show):
            show(f"已删除 {count} 个无法保存或导出的字符（控制字符等，常见于从网页或 PDF 复制的文字）")
    return cleaned


def cleaned_position(text: str, position: int, single_line: bool = False) -> int:
    """Where a cursor at ``position`` in ``text`` lands once the text is cleaned."""
    return len(clean_text(text[:position], single_line=single_line))
