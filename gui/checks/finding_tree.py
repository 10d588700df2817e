"""The list of findings, each shown in full: items wrap to the panel's width and grow in height.

QTreeView lays rows out from the delegate's size hint, which by itself knows no width; this
delegate wraps at the width the row really has (column width less the indentation of its level),
and the tree lays its rows out again whenever that width changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QTreeWidget, QWidget

if TYPE_CHECKING:  # their Python types (QStyleOptionViewItem's with eight enums) are made when the
    # first finding is drawn, after the first paint
    from PySide6.QtCore import QModelIndex, QSize
    from PySide6.QtWidgets import QStyleOptionViewItem


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def text_width(self, index: QModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self.tree.indentation() * (depth + (1 if self.tree.rootIsDecorated() else 0))
        return max(self.tree.viewport().width() - indent, self.tree.fontMetrics().horizontalAdvance("国") * 4)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        from PySide6.QtWidgets import QStyleOptionViewItem

        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        from PySide6.QtCore import QRect, QSize
        from PySide6.QtWidgets import QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # The style wraps only within a valid rectangle: give it the row's width and room to grow.
        opt.rect = QRect(0, 0, self.text_width(index), 1 << 20)
        size = super().sizeHint(opt, index)
        return QSize(min(size.width(), opt.rect.width()), size.height())


class FindingTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(WrappingDelegate(self))
        self._laid_out_width = -1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_width:
            self._laid_out_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()  # row heights depend on the width
