"""The questions an Excel import asks: the year and unit a workbook leaves out, and, when importing
into the open report, what will change (old → new per cell) and every problem with its location.
Small functions, so tests replace them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.dialog_buttons import ok_button, ok_cancel

Change = tuple[str, str, str]  # cell name, old value as shown, new value as shown


def ask_year_and_unit(parent: QWidget | None, year: int | None, unit: str | None,
                      title: str = "导入 Excel", source: str = "工作簿") -> tuple[int, str] | None:
    """The report year and unit name for a workbook that does not say them; ``None`` for a field
    the workbook did say (it is not asked). Returns None when cancelled."""
    import datetime as dt

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    form.addRow(QLabel(f"{source}中没有写明以下内容，请填写（不会猜测）："))
    spin = QSpinBox()
    spin.setRange(1990, 2100)
    spin.setValue(year or dt.date.today().year - 1)
    spin.setSuffix(" 年度")
    name = QLineEdit(unit or "")
    name.setPlaceholderText("例如：某某县某某镇人民政府")
    if year is None:
        form.addRow("报告年度：", spin)
    if unit is None:
        form.addRow("单位全称：", name)
    form.addRow(ok_cancel(dialog))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return spin.value(), name.text().strip()


def ask_apply_tables(parent: QWidget | None, changes: list[Change], problems: list[str]) -> bool:
    """Show what importing the tables into the open report changes, and every problem; True to apply."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("导入 Excel 表格到当前报告")
    layout = QVBoxLayout(dialog)
    head = f"将修改 {len(changes)} 个单元格（可用“撤销”一步恢复）：" if changes else "表格中的数据与当前报告相同，没有要修改的单元格。"
    layout.addWidget(QLabel(head))
    table = QTableWidget(len(changes), 3)
    table.setHorizontalHeaderLabels(["单元格", "原值", "新值"])
    for row, change in enumerate(changes):
        for col, text in enumerate(change):
            table.setItem(row, col, QTableWidgetItem(text or "（空白）"))
    table.resizeColumnsToContents()
    layout.addWidget(table)
    if problems:
        layout.addWidget(QLabel(f"有 {len(problems)} 条问题或提示（这些单元格保持原值不变）："))
        text = QPlainTextEdit("\n".join(problems))
        text.setReadOnly(True)
        layout.addWidget(text)
    buttons = ok_cancel(dialog, "导入这些数据")
    ok_button(buttons).setEnabled(bool(changes))
    layout.addWidget(buttons)
    dialog.resize(760, 520)
    return dialog.exec() == QDialog.DialogCode.Accepted
