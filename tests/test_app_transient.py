"""A deadlock between two workers' holds (PostgreSQL rolls one back) is tried again, not "processing failed"."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import OperationalError

from mailbot.app import App, CycleReport, _transient


class _Deadlock(Exception):
    sqlstate = "40P01"


def _error(orig: Exception) -> OperationalError:
    return OperationalError("INSERT INTO holds …", {}, orig)


def test_deadlocks_and_locked_databases_are_transient_other_errors_are_not() -> None:
    assert _transient(_error(_Deadlock("deadlock detected")))
    assert _transient(_error(Exception("database is locked")))
    assert not _transient(_error(Exception("no such table: holds")))


def test_a_transient_error_is_tried_again_in_a_new_transaction() -> None:
    app = App.__new__(App)
    calls: list[int] = []

    def once(row_id: int, report: CycleReport, now: Any, parsed: Any) -> bool:
        calls.append(row_id)
        if len(calls) == 1:
            raise _error(_Deadlock("deadlock detected"))
        report.handled += 1
        return True

    app._handle_once = once  # type: ignore[method-assign]
    report = CycleReport()
    assert app._handle(7, report, None) is True
    assert calls == [7, 7] and report.handled == 1 and report.failed == 0


def test_a_signal_ends_a_wait_for_mail_at_once() -> None:
    """SIGTERM while the service waits in IDLE: the wait ends at once, not at the end of its round."""
    import os
    import signal
    import threading
    import time

    app = App.__new__(App)
    app._stop = threading.Event()
    app._waiting = False
    entered = threading.Event()

    class Waiting:
        def wait(self, timeout: float) -> bool:
            entered.set()
            time.sleep(timeout)  # a blocking wait, as IDLE's socket read is
            return False

    app.mailbox = Waiting()
    previous = signal.signal(signal.SIGTERM, app._on_signal)
    timer = threading.Thread(target=lambda: entered.wait(5) and os.kill(os.getpid(), signal.SIGTERM))
    try:
        timer.start()
        started = time.monotonic()
        app._idle(30)
        assert time.monotonic() - started < 5 and app._stop.is_set()
    finally:
        timer.join()
        signal.signal(signal.SIGTERM, previous)


def test_a_database_locked_past_its_busy_timeout_is_waited_out_not_a_crash(caplog: Any) -> None:
    """Another process holds the SQLite database (or PostgreSQL restarts): the service logs what it waits for
    and tries again; the mail stays unprocessed on the server until a cycle gets through."""
    import logging
    import threading
    from types import SimpleNamespace

    app = App.__new__(App)
    app._stop = threading.Event()
    app._waiting = False
    app.settings = SimpleNamespace(mailbox=SimpleNamespace(poll_seconds=0.01))  # type: ignore[assignment]
    app.calendars = {}
    app._scheduler = lambda: SimpleNamespace(start=lambda: None, shutdown=lambda wait: None)  # type: ignore[method-assign]
    app.retry_waiting = lambda: 0  # type: ignore[method-assign]
    app.close = lambda: None  # type: ignore[method-assign]
    cycles: list[int] = []

    def cycle(jobs: bool = True) -> CycleReport:
        cycles.append(1)
        if len(cycles) < 3:
            raise _error(Exception("database is locked"))
        app._stop.set()
        return CycleReport()

    app.cycle = cycle  # type: ignore[method-assign, assignment]
    import signal

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        with caplog.at_level(logging.WARNING, logger="mailbot.app"):
            app.run_forever()
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert len(cycles) == 3
    assert sum("database not available (database is locked)" in r.getMessage() for r in caplog.records) == 2
