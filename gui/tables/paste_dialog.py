"""The message after a paste that did not go in whole: values refused and totals that disagree."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

SHOWN_AT_MOST = 10


def paste_problem_text(refused: list[str], disagreeing: list[str]) -> tuple[str, list[str]]:
    """The dialog's headline and its lines (refused values first)."""
    parts = []
    if refused:
        parts.append(f"{len(refused)} 个值不是数字，没有粘贴")
    if disagreeing:
        parts.append(f"{len(disagreeing)} 个粘贴的总计与各项之和不一致（总计由软件按各项重新计算）")
    return "粘贴完成，但" + "；".join(parts) + "：", [*refused, *disagreeing]


def show_paste_problems(parent: QWidget | None, refused: list[str], disagreeing: list[str]) -> None:
    """Tests replace this function."""
    headline, lines = paste_problem_text(refused, disagreeing)
    box = QMessageBox(QMessageBox.Icon.Warning, "粘贴", headline, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText("\n".join(lines[:SHOWN_AT_MOST]) + ("\n……" if len(lines) > SHOWN_AT_MOST else ""))
    box.setDetailedText("\n".join(lines))
    box.exec()
