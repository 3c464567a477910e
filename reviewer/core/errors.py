"""Errors a user can cause. Each carries a message a person can act on.

The CLI prints ``str(error)`` to stderr and exits with code 2; the UI shows it in a
dialog or the status bar. Anything that is *not* a ReviewerError is a bug.
"""

# Exit codes of the command line and the app: success, and an error the person can fix (a ReviewerError).
EXIT_OK = 0
EXIT_USER_ERROR = 2


class ReviewerError(Exception):
    """Base class for errors caused by input or environment, not by a bug."""


class ImportFailed(ReviewerError):
    """A file could not be imported. The message names the file and what to do."""

    def __init__(self, path: str, problem: str, advice: str = ""):
        self.path = path
        self.problem = problem
        self.advice = advice
        text = f"{path}: {problem}"
        if advice:
            text += f" — {advice}"
        super().__init__(text)


class DuplicateArticle(ReviewerError):
    """The same article (by content hash) is already in the library."""

    def __init__(self, path: str, existing_id: int, title: str):
        self.path = path
        self.existing_id = existing_id
        self.title = title
        super().__init__(f"{path}: already in the library as article {existing_id} ({title!r}); not imported again")


class LibraryError(ReviewerError):
    """The library file cannot be opened or written (corrupt, newer, read-only, full disk)."""


class NotFound(ReviewerError):
    """An article, claim or other record the user named does not exist."""


class ChangedElsewhere(ReviewerError):
    """A record was changed by another window, command or person since this one read it.

    Raised instead of overwriting their change; ``current`` is the record as it is now, so the
    caller can show it beside its own and let the person choose.
    """

    def __init__(self, message: str, current: object = None):
        super().__init__(message)
        self.current = current
