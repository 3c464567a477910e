"""The background helper: results come back on the UI thread, and none after shutdown."""

from __future__ import annotations

import threading

from reviewer.ui.tasks import TaskManager


def test_result_arrives_on_the_ui_thread(qtbot):
    tasks = TaskManager()
    seen = {}

    def job(ctx):
        ctx.progress(1, 2, "half")
        return threading.current_thread() is not threading.main_thread()

    with qtbot.waitSignal(tasks.job_started):
        tasks.run("probe", job, on_done=lambda r: seen.update(result=r,
                                                              main=threading.current_thread() is threading.main_thread()))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
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
    assert tasks.shutdown(5000)
    qtbot.wait(200)  # let the queued result signal be delivered, if it were going to be
    assert delivered == []
