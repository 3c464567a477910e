"""One background helper: run jobs off the UI thread with progress and cancel.

A job is a plain function ``job(ctx) -> result`` that gets no widgets: it reports through
``ctx.progress(done, total, text)`` and checks ``ctx.cancelled()``. Results and errors come
back on the UI thread. Progress shows only after a short delay, so quick jobs never flash a
bar. A job that needs the library opens its own Store (a connection belongs to one thread).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

PROGRESS_DELAY_MS = 300


class JobContext:
    def __init__(self, signals: _JobSignals):
        self._signals = signals
        self._cancelled = False

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        self._cancelled = True


class _JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)  # exception, traceback text


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobContext], Any], ctx: JobContext, signals: _JobSignals):
        super().__init__()
        self.fn, self.ctx, self.signals = fn, ctx, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.ctx)
        except BaseException as exc:  # reported on the UI thread, never lost
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class Job(QObject):
    """A running job, owned by the TaskManager until it ends. Connect to its signals."""

    progress = Signal(int, int, str)
    show_progress = Signal()  # the delay passed and the job still runs
    finished = Signal(object)  # result
    failed = Signal(object, str)
    ended = Signal()

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.running = True
        self._signals = _JobSignals()
        self.context = JobContext(self._signals)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._maybe_show)

    discarded = False  # the window or library its results were for is gone: they are dropped

    def cancel(self) -> None:
        self.context.cancel()

    def discard(self) -> None:
        """Cancel the job and drop whatever it still reports (progress, result, error); ``ended``
        still comes. For jobs whose window closes or whose library is being replaced."""
        self.discarded = True
        self.cancel()

    def _maybe_show(self) -> None:
        if self.running and not self.discarded:
            self.show_progress.emit()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.discarded:
            self.progress.emit(done, total, text)

    def _on_finished(self, result: Any) -> None:
        self.running = False
        if not self.discarded:
            self.finished.emit(result)
        self._end()

    def _on_failed(self, exc: BaseException, tb: str) -> None:
        self.running = False
        if not self.discarded:
            self.failed.emit(exc, tb)
        self._end()

    def _end(self) -> None:
        self.ended.emit()
        # Through the Qt parent, not a lambda holding the manager: deleting this job must not drop
        # the last reference to a manager its owner let go, which would delete this job twice.
        manager = self.parent()
        if isinstance(manager, TaskManager):
            manager._forget(self)


class TaskManager(QObject):
    """Starts jobs on a thread pool; owned by the main window."""

    job_started = Signal(object)
    idle = Signal()  # the last running job ended

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.jobs: list[Job] = []

    def run(
        self,
        name: str,
        fn: Callable[[JobContext], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        delay_ms: int = PROGRESS_DELAY_MS,
    ) -> Job:
        job = Job(name, self)
        if on_done is not None:
            job.finished.connect(on_done)
        if on_error is not None:
            job.failed.connect(on_error)
        self.jobs.append(job)
        job._delay.start(delay_ms)
        self.pool.start(_Runnable(fn, job.context, job._signals))
        self.job_started.emit(job)
        return job

    def _forget(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
            if not self.jobs:
                self.idle.emit()
        job.deleteLater()

    def cancel_all(self) -> None:
        for job in list(self.jobs):
            job.cancel()

    def discard_all(self) -> None:
        """Cancel every job and drop its results without waiting (``idle`` comes when they ended)."""
        for job in list(self.jobs):
            job.discard()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel every job, wait for them, and drop their results: the window and library they
        were started for are closing, so a late result must not reach them."""
        self.discard_all()
        return self.wait(timeout_ms)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until all jobs ended (used at shutdown and in tests)."""
        return self.pool.waitForDone(timeout_ms)
