"""The bar a note editor shows when the note was changed elsewhere while the person typed.

Nothing is overwritten on either side until the person chooses: keep both (their text below
ours, marked), keep mine (replace theirs, knowingly), or take theirs (ours goes to the
clipboard). UI thread only.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from .plain import plain_label

KEEP_BOTH, KEEP_MINE, TAKE_THEIRS = "both", "mine", "theirs"


def _source(who: str | None, when: str | None) -> str:
    """ " by Bo at 2026-12-06 11:19" (local time), or as much of it as is known."""
    if when:
        try:
            when = datetime.fromisoformat(when.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            pass
    return "".join((f" by {who}" if who else "", f" at {when}" if when else ""))


def both_notes(mine: str, theirs: str, who: str | None, when: str | None) -> str:
    """Our note followed by theirs under a rule that says whose it is (Markdown)."""
    heading = f"Changed elsewhere{_source(who, when)}:"
    return f"{mine.rstrip()}\n\n---\n\n{heading}\n\n{theirs.strip()}\n"


class NoteConflictBar(QFrame):
    """Their note beside a choice; emits ``chosen`` with KEEP_BOTH, KEEP_MINE or TAKE_THEIRS."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noteConflict")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = plain_label("", self)
        self.message.setWordWrap(True)
        # Never squeezed by the editor below it: the choice must stay readable.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.theirs = QPlainTextEdit(self)
        self.theirs.setReadOnly(True)
        self.theirs.setAccessibleName("Their note")
        self.theirs.setMaximumHeight(90)
        self.keep_both = QPushButton("Keep &both", self)
        self.keep_both.setToolTip("Your note, then theirs below a line: nothing is lost.")
        self.keep_mine = QPushButton("Keep &mine", self)
        self.keep_mine.setToolTip("Replace their note with yours.")
        self.take_theirs = QPushButton("Take t&heirs", self)
        self.take_theirs.setToolTip("Show their note; your text is copied to the clipboard.")
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_both)
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.take_theirs)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.message)
        layout.addWidget(self.theirs)
        layout.addLayout(buttons)
        self.keep_both.clicked.connect(lambda: self.chosen.emit(KEEP_BOTH))
        self.keep_mine.clicked.connect(lambda: self.chosen.emit(KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self.chosen.emit(TAKE_THEIRS))
        self.hide()

    def show_conflict(self, theirs: str, who: str | None, when: str | None) -> None:
        self.message.setText(
            f"Changed elsewhere{_source(who, when)} while you typed. Nothing was "
            "overwritten: theirs is here, yours below. Choose what to keep."
        )
        self.theirs.setPlainText(theirs)
        self.show()
