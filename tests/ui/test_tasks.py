"""The background helper: results come back on the UI thread, and none after shutdown."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication

from reviewer.ui.tasks import TaskManager


def test_result_arrives_on_the_ui_thread(qtbot):
    tasks = TaskManager()
    seen = {}

    def job(ctx):
        ctx.progress(1, 2, "half")
        return threading.current_thread() is not threading.main_thread()

    with qtbot.waitSignal(tasks.job_started):
        tasks.run(
            "probe",
            job,
            on_done=lambda r: seen.update(result=r, main=threading.current_thread() is threading.main_thread()),
        )
    qtbot.waitUntil(lambda: "result" in seen, timeout=30_000)
    assert seen == {"result": True, "main": True}


def test_no_result_reaches_a_closed_window_after_shutdown(qtbot):
    tasks = TaskManager()
    release = threading.Event()
    delivered = []

    def job(ctx):
        release.wait(5)
        return "late"

    tasks.run("slow", job, on_done=delivered.append, on_error=lambda e, tb: delivered.append(e))
    release.set()
    assert tasks.shutdown(30_000)
    qtbot.wait(200)  # let the queued result signal be delivered, if it were going to be
    assert delivered == []


def test_a_discarded_job_reports_nothing_and_idle_follows(qtbot):
    tasks = TaskManager()
    release = threading.Event()
    seen = []

    def job(ctx):
        release.wait(5)
        ctx.progress(1, 1, "late")
        return "late"

    running = tasks.run("slow", job, on_done=seen.append, on_error=lambda e, tb: seen.append(e), delay_ms=0)
    running.progress.connect(lambda *args: seen.append(args))
    running.show_progress.connect(lambda: seen.append("shown"))
    running.discard()
    with qtbot.waitSignal(tasks.idle, timeout=30_000):
        release.set()
    assert seen == [] and tasks.jobs == []


def test_a_manager_let_go_while_its_ended_job_awaits_deletion(qtbot):
    # What the app does on a library switch: it drops the old window's manager. Deleting the
    # ended job must not then delete the manager from inside the job's own destructor (a crash).
    seen = []

    def start_and_let_go():
        tasks = TaskManager()
        tasks.run("quick", lambda ctx: "done", on_done=seen.append)
        deadline = time.monotonic() + 30  # a safety net, not a limit: it ends in milliseconds
        while tasks.jobs and time.monotonic() < deadline:  # as the main loop would, no nested loop
            QCoreApplication.processEvents()
            time.sleep(0.005)

    start_and_let_go()
    qtbot.wait(100)  # the job's deferred deletion runs here
    assert seen == ["done"]
