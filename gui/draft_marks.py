"""How text still word for word last year's draft is marked: one look for the tab, slot and banner,
and one record of which slots are drafts, kept up to date as the clerk types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from core.document import OPENING
from core.drafts import is_unchanged_draft, unchanged_drafts

if TYPE_CHECKING:
    from gui.document import ReportDocument

DRAFT_STYLE = "background: #fff1c2; color: #7a4b00; border: 1px solid #e0b84d; border-radius: 3px; padding: 0 4px"


class DraftTexts(QObject):
    """The text slots (and OPENING) of a document still last year's draft, in ``keys``.

    A text edit looks at the edited slot only (one comparison per keystroke, however many pages are
    built); linking another last year's report or changing the outline looks at every slot. The
    document makes it before any view listens to it, so its record is current when they hear of an edit.
    """

    changed = Signal(tuple)  # the slots looked at again: the edited one, or every slot

    def __init__(self, document: ReportDocument) -> None:
        super().__init__(document)
        self.document = document
        self.keys: frozenset[str] = frozenset(unchanged_drafts(document.report))
        document.textChanged.connect(self._text_changed)
        document.previousChanged.connect(self.refresh)
        document.structureChanged.connect(self.refresh)

    def refresh(self) -> None:
        report = self.document.report
        self.keys = frozenset(unchanged_drafts(report))
        self.changed.emit((OPENING, *report.text_keys))

    def _text_changed(self, key: str) -> None:
        if is_unchanged_draft(self.document.report, key) != (key in self.keys):
            self.keys = self.keys ^ {key}
        self.changed.emit((key,))
