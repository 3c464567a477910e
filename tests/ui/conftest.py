"""Fixtures for the review desk tests: articles built straight through the store, a window."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import pytest

from reviewer.ui.qt_compat import protect_none

protect_none()  # PySide6 6.12 on Python 3.11 leaks references to None (see qt_compat)


@dataclass
class Doc:
    """The fields ``Store.add_article`` reads from an imported document."""

    title: str
    text: str
    blocks: tuple = ()
    site: str | None = "The Daily Ledger"
    url: str | None = None
    author: str | None = "Sam Writer"
    published: str | None = "2024-05-02"
    original_format: str = "txt"
    source_path: str | None = None
    language: str | None = "en"
    content_hash: str = field(default="")

    def __post_init__(self):
        if not self.content_hash:
            self.content_hash = hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Draft:
    start: int
    end: int
    score: float = 0.8
    checkworthy: bool = True
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    kind: str = "statistic"
    origin: str = "auto"


SENTENCE = re.compile(r"[^.!?]+[.!?]")


def build_article(
    store,
    title: str,
    blocks: list[tuple[str, str]],
    *,
    language: str = "en",
    checkworthy_every: int = 1,
    speaker: str | None = None,
):
    """Add an article from (kind, text) blocks; every sentence becomes a claim (score 0.8, or 0.2
    for every ``checkworthy_every``-th sentence when > 1). Returns (article, claims)."""
    from reviewer.core.domain import Block

    text_parts, spans, pos = [], [], 0
    for kind, block_text in blocks:
        if text_parts:
            text_parts.append("\n\n")
            pos += 2
        spans.append(Block(pos, pos + len(block_text), kind, 2 if kind == "heading" else 0))
        text_parts.append(block_text)
        pos += len(block_text)
    text = "".join(text_parts)
    drafts = []
    n = 0
    for b in spans:
        if b.kind == "heading":
            continue
        for m in SENTENCE.finditer(text, b.start, b.end):
            start, end = m.start(), m.end()
            while text[start].isspace():
                start += 1
            n += 1
            low = checkworthy_every > 1 and n % checkworthy_every == 0
            d = Draft(start, end, 0.2 if low else 0.8, not low)
            if speaker and speaker in text[start:end]:
                i = text.index(speaker, start)
                d.speaker, d.speaker_start, d.speaker_end = speaker, i, i + len(speaker)
            drafts.append(d)
    article = store.add_article(Doc(title, text, tuple(spans), language=language), drafts)
    return article, store.claims_for_article(article.id)


SAMPLE_BLOCKS = [
    ("heading", "Budget row over hospital beds"),
    ("paragraph", "The minister said the city opened 1,200 new hospital beds last year. Critics dispute the figure."),
    ("quotation", "“Waiting times fell by a third,” said Dr Ana Ruiz, the health director."),
    ("list_item", "Unemployment rose to 7.4 percent in March."),
    ("list_item", "The council spent £3 million on consultants."),
    ("paragraph", "Emoji 🎉 party spending doubled to 40,000 euros. Nobody disputes that the weather was mild."),
]


@pytest.fixture
def sample_article(store):
    return build_article(store, "Hospital beds: what the numbers say", SAMPLE_BLOCKS, speaker="Dr Ana Ruiz")


@pytest.fixture(autouse=True)
def _clear_undo_stacks():
    """Empty every undo stack a test made before the garbage collector meets it.

    A stack freed by the cycle collector may outlive its commands' Python wrappers and then
    delete freed commands (a crash in QUndoStack::clear); the app clears its stack on close.
    """
    yield
    import gc

    from PySide6.QtGui import QUndoStack

    for obj in gc.get_objects():
        if isinstance(obj, QUndoStack):
            try:
                obj.clear()
            except RuntimeError:  # its C++ side is gone already
                pass


@pytest.fixture
def tasks(qtbot):
    """A background helper of a test's own (the window makes its own); cancelled and drained after."""
    from reviewer.ui.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.cancel_all()
    manager.wait(10_000)


@pytest.fixture
def desk(qtbot, store, settings):
    """A factory for main windows on the test library (several may be built for restart tests)."""
    from PySide6.QtGui import QUndoStack

    from reviewer.ui.changes import ChangeHub
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.tasks import TaskManager

    made = []

    def make(restore: bool = True, article_id: int | None = None):
        hub, stack, tasks = ChangeHub(), QUndoStack(), TaskManager()
        window = MainWindow(store, settings, hub, stack, tasks)
        window.import_flow.quiet = True
        qtbot.addWidget(window)
        window._test_keep = (hub, stack, tasks)
        if restore:
            window.restore_session(article_id)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()  # window shortcuts (J, 1–9…) need the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=30_000)
        made.append(window)
        return window

    yield make
    for window in made:  # before the store fixture closes the library
        window.tasks.wait(20000)
        window.close()
