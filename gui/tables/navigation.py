"""Where a keyboard move goes in a printed grid: to the next input cell, across merged cells.

A move walks grid positions from the edge of the current cell; a position inside a merge belongs to
the cell that covers it, so moving down from any of 表二's three columns lands on the next block's
cell that spans all three, and moving up from that cell goes back to the column it starts in.
"""

from __future__ import annotations

from core.template.model import GridItem, Table


class GridNavigator:
    def __init__(self, table: Table, is_input) -> None:
        """``is_input(item)`` says whether the user types into that grid item."""
        self._rows, self._cols = table.grid_rows, table.grid_columns
        self._cover: dict[tuple[int, int], GridItem] = {}
        for item in table.items:
            for r in range(item.row, item.row + item.rowspan):
                for c in range(item.col, item.col + item.colspan):
                    self._cover[(r, c)] = item
        self._is_input = is_input

    def covering(self, row: int, col: int) -> GridItem | None:
        return self._cover.get((row, col))

    def next_input(self, row: int, col: int, step: tuple[int, int], wrap: bool = False) -> GridItem | None:
        """The first input cell from the cell at (row, col) in direction ``step``; None at the edge.

        ``wrap`` continues a horizontal move on the next (or previous) row, as Tab does.
        """
        start = self.covering(row, col)
        if start is None:
            return None
        down, right = step
        # Leave from the edge of the current cell the move goes out of.
        row = start.row + start.rowspan - 1 if down > 0 else start.row
        col = start.col + start.colspan - 1 if right > 0 else start.col
        for _ in range(self._rows * self._cols):
            row, col = row + down, col + right
            if wrap and col >= self._cols:
                row, col = row + 1, 0
            elif wrap and col < 0:
                row, col = row - 1, self._cols - 1
            if not (0 <= row < self._rows and 0 <= col < self._cols):
                return None
            item = self.covering(row, col)
            if item is not None and item is not start and self._is_input(item):
                return item
        return None
