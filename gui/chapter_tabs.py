"""The tabs: unit information, then one page per chapter of the template, each built the first
time it is shown or asked for (start-up builds only the visible tab, and imports the table and
text page modules only when their first page is built)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabBar, QTabWidget, QWidget

from core.checks import FRONT_MATTER
from core.document import OPENING
from core.template.model import Chapter
from gui.document import ReportDocument
from gui.draft_marks import DRAFT_STYLE
from gui.unit_info.form import UnitInfoPage

if TYPE_CHECKING:
    from gui.checks.tab_marks import Counts, ProblemBadge  # loaded with the first check's marks

TAB_TITLE_CHARS = 8
UNIT_TAB_TIP = "单位名称、类型和层级，开头段落，落款日期"
DRAFT_TAB_MARK = "草稿"
DRAFT_TAB_TIP = "本页仍有从上年报告带来、尚未修改的文字"


def tab_title(number: str, title: str) -> str:
    """A short tab label; the full heading is on the page and in the tab's tooltip."""
    short = title if len(title) <= TAB_TITLE_CHARS else title[:TAB_TITLE_CHARS - 1] + "…"
    return f"{number}、{short}"


class ChapterPages(Mapping[str, QWidget]):
    """chapter key → page; a page is built on first access, in place of its tab's placeholder."""

    def __init__(self, tabs: QTabWidget, document: ReportDocument, on_built: Callable[[QWidget], None]) -> None:
        self.tabs = tabs
        self.document = document
        self.on_built = on_built
        self.chapters: dict[str, Chapter] = {c.key: c for c in document.report.chapters}
        self.built: dict[str, QWidget] = {}
        self._index: dict[str, int] = {}
        self.marks: dict[str, Counts] = {}  # chapter key or FRONT_MATTER → open problems
        self.drafts: frozenset[str] = frozenset()  # chapter keys (or FRONT_MATTER) with last year's text unedited
        self._draft_texts: frozenset[str] | None = None  # the text keys ``drafts`` was made from
        blocked = tabs.blockSignals(True)  # the old pages must not react while being replaced
        while tabs.count():
            old = tabs.widget(0)
            tabs.removeTab(0)
            old.deleteLater()
        self.unit_page = UnitInfoPage(document)
        tabs.addTab(self.unit_page, "单位信息")
        tabs.setTabToolTip(0, UNIT_TAB_TIP)
        for chapter in self.chapters.values():
            self._index[chapter.key] = tabs.addTab(QWidget(), tab_title(chapter.number, chapter.title))
            tabs.setTabToolTip(self._index[chapter.key], chapter.help)
        tabs.setCurrentIndex(0)
        tabs.blockSignals(blocked)

    def __getitem__(self, key: str) -> QWidget:
        page = self.built.get(key)
        if page is None:
            page = self._build(self.chapters[key])
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self.chapters)

    def __len__(self) -> int:
        return len(self.chapters)

    def blocks(self) -> list:
        """Every table grid built so far: table chapters' and the tables text chapters include."""
        return [block for page in self.built.values() for block in getattr(page, "blocks", [])]

    def set_marks(self, marks: dict[str, Counts]) -> None:
        """Mark each tab with its open problems (after every check run)."""
        self.marks = dict(marks)
        self._mark(0, FRONT_MATTER, UNIT_TAB_TIP)
        for key, index in self._index.items():
            self._mark(index, key, self.chapters[key].help)

    def mark_of(self, key: str) -> ProblemBadge | None:
        """The badge on the tab of ``key`` (a chapter key or FRONT_MATTER), None without problems."""
        index = 0 if key == FRONT_MATTER else self._index[key]
        from gui.checks.tab_marks import ProblemBadge

        badge = self.tabs.tabBar().tabButton(index, QTabBar.ButtonPosition.RightSide)
        return badge if isinstance(badge, ProblemBadge) else None

    def set_draft_marks(self, text_keys: frozenset[str]) -> None:
        """Mark the tabs whose texts (``text_keys``) are still last year's draft, unmark the others."""
        if text_keys == self._draft_texts:
            return  # typing that leaves every slot as it was (draft or not) touches no tab
        self._draft_texts = text_keys
        report = self.document.report
        drafts = set()
        for key in text_keys:
            chapter = report.chapter_of_text(key) if key != OPENING else None
            drafts.add(FRONT_MATTER if key == OPENING else chapter.key if chapter else None)
        self.drafts = frozenset(d for d in drafts if d)
        self._mark_draft(0, FRONT_MATTER)
        for key, index in self._index.items():
            self._mark_draft(index, key)

    def draft_mark_of(self, key: str) -> QLabel | None:
        """The 草稿 mark on the tab of ``key`` (a chapter key or FRONT_MATTER), None when it has none."""
        index = 0 if key == FRONT_MATTER else self._index[key]
        mark = self.tabs.tabBar().tabButton(index, QTabBar.ButtonPosition.LeftSide)
        return mark if isinstance(mark, QLabel) else None

    def _mark_draft(self, index: int, key: str) -> None:
        bar = self.tabs.tabBar()
        old = bar.tabButton(index, QTabBar.ButtonPosition.LeftSide)
        if (old is not None) == (key in self.drafts):
            return
        mark = None
        if key in self.drafts:
            mark = QLabel(DRAFT_TAB_MARK)
            mark.setObjectName("draftTabMark")
            mark.setStyleSheet(DRAFT_STYLE)
            mark.setToolTip(DRAFT_TAB_TIP)
        bar.setTabButton(index, QTabBar.ButtonPosition.LeftSide, mark)
        if old is not None:
            old.deleteLater()

    def _mark(self, index: int, key: str, tip: str) -> None:
        from gui.checks.tab_marks import ProblemBadge, describe_counts

        counts = self.marks.get(key, (0, 0))
        bar = self.tabs.tabBar()
        old = bar.tabButton(index, QTabBar.ButtonPosition.RightSide)
        if isinstance(old, ProblemBadge) and old.counts == counts:
            return
        badge = ProblemBadge(counts) if any(counts) else None
        bar.setTabButton(index, QTabBar.ButtonPosition.RightSide, badge)
        if old is not None:
            old.deleteLater()
        self.tabs.setTabToolTip(index, f"{tip}\n本页：{describe_counts(counts)}" if any(counts) else tip)

    def build_current(self) -> None:
        index = self.tabs.currentIndex()
        for key, i in self._index.items():
            if i == index:
                self[key]
                return

    def _build(self, chapter: Chapter) -> QWidget:
        page: QWidget
        if chapter.table:
            from gui.tables.page import TableChapterPage
            page = TableChapterPage(self.document, chapter)
        else:
            from gui.texts.page import TextChapterPage
            page = TextChapterPage(self.document, chapter)
        page.setObjectName(f"page_{chapter.key}")
        index = self._index[chapter.key]
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, tab_title(chapter.number, chapter.title))
            self.tabs.setTabToolTip(index, chapter.help)
            self._mark(index, chapter.key, chapter.help)
            self._mark_draft(index, chapter.key)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        self.built[chapter.key] = page
        self.on_built(page)
        return page
