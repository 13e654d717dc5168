"""Benchmark of ``mailbot run --once`` over a full mailbox: messages per second (goal ≥ 50/s).

    python bench/service_throughput.py [--messages 1000] [--postgres] [--profile]

Starts Dovecot and aiosmtpd on 127.0.0.1 (tests/servers), appends N client requests (Finnish,
Swedish and English in turn, each from its own address) to a fresh mailbox over one IMAP
connection, then times ONE ``mailbot run --once`` subprocess on a fresh SQLite database: wall time
from the process start to its exit, start-up, migration and calendar loading included. Prints
messages per second, how the time splits (until the first reply reached the SMTP server: start-up
plus fetching and handling every message; then sending), and checks that every client got exactly
one reply.

``--postgres`` starts a temporary PostgreSQL 15 (initdb + pg_ctl, as the postgres user when run as
root, as tests/store/conftest.py does) and runs the same with ONE worker, then with TWO
``run --once`` workers started together on a fresh mailbox and database, printing messages per
second for each and checking that no client got two replies.

``--profile`` also runs App.cycle in this process twice, each on a fresh mailbox and SQLite
database: once with its parts timed by wrappers (IMAP, store, handle, understand, slot search,
compose, SMTP; real times, no profiler) and once under cProfile, printing the top functions by own
time and by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import itertools
import os
import pstats
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.service_latency import (  # noqa: E402
    MAILBOX_PASSWORD,
    PASSWORD_ENV,
    TimedSmtp,
    mailbot_command,
    message_states,
    request_mail,
    servers,
    service_env,
    write_config,
)
from tests.servers.dovecot import DovecotServer  # noqa: E402

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"  # as the store tests run it
_runs = itertools.count(1)


# --- a temporary PostgreSQL 15 (the recipe of tests/store/conftest.py) ------------------------------

@dataclass
class Postgres:
    port: int
    dir: Path
    data: Path

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]  # names made here
        return self.url(name)

    def stop(self) -> None:
        try:
            _pg(PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def _pg(*args: str | Path) -> subprocess.CompletedProcess[str]:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # initdb refuses root
    return subprocess.run([*prefix, *map(str, args)], check=True, capture_output=True, text=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres() -> Iterator[Postgres]:
    if not (PG_BIN / "initdb").exists():
        raise SystemExit(f"--postgres: PostgreSQL 15 is not installed (no {PG_BIN / 'initdb'})")
    workdir = Path(tempfile.mkdtemp(prefix="mbpg-"))  # short: the Unix socket's path has ~108 bytes
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres")
    data, log = workdir / "data", workdir / "log"
    server: Postgres | None = None
    try:
        _pg(PG_BIN / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync")
        for _attempt in range(3):  # another process may take the free port before the server does
            port = _free_port()
            try:
                _pg(PG_BIN / "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "start",
                    "-o", f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 {PG_OPTIONS}")
                server = Postgres(port, workdir, data)
                break
            except subprocess.CalledProcessError:
                continue
        if server is None:
            raise RuntimeError(f"PostgreSQL did not start:\n{log.read_text() if log.exists() else '(no log)'}")
        yield server
    finally:
        if server is not None:
            server.stop()
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# --- one measured run -------------------------------------------------------------------------------

@dataclass
class Run:
    label: str
    messages: int
    workers: int
    seconds: float  # from starting the worker(s) to the last one's exit
    first_reply: float | None  # seconds from the start until the first reply reached the SMTP server
    last_reply: float | None
    replied: int  # clients with at least one reply
    duplicates: int  # clients with more than one reply
    outbox_rows: int  # replies recorded in the database (one per client expected)
    statuses: list[int | None]
    reports: list[str]
    states: str = ""

    @property
    def rate(self) -> float:
        return self.messages / self.seconds

    def ok(self) -> bool:
        return (self.replied == self.messages and not self.duplicates and self.outbox_rows == self.messages
                and all(s == 0 for s in self.statuses))


def fill_mailbox(dovecot: DovecotServer, user: str, n: int, tag: str) -> tuple[list[str], float]:
    """N requests appended over one IMAP connection; (client addresses, seconds it took)."""
    clients = []
    t0 = time.monotonic()
    imap = dovecot.client(user)
    try:
        for i in range(n):
            raw, _mid, client = request_mail(i, tag)
            imap.append("INBOX", raw)
            clients.append(client)
    finally:
        try:
            imap.logout()
        except Exception:  # noqa: BLE001
            imap.shutdown()
    return clients, time.monotonic() - t0


def new_mailbox(dovecot: DovecotServer) -> str:
    user = f"box{next(_runs)}@example.fi"
    dovecot.add_user(user, MAILBOX_PASSWORD)
    return user


def outbox_rows(db_url: str, clients: list[str]) -> int:
    from sqlalchemy import create_engine, text

    wanted = set(clients)
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT to_addr FROM outbox")).all()
    finally:
        engine.dispose()
    return sum(1 for (to,) in rows if to in wanted)


def measure(label: str, dovecot: DovecotServer, smtp: TimedSmtp, folder: Path, n: int, workers: int,
            db_url: str | None, timeout: float) -> Run:
    user = new_mailbox(dovecot)
    tag = f"t{os.getpid()}r{next(_runs)}"
    clients, appended = fill_mailbox(dovecot, user, n, tag)
    print(f"[{label}] {n} requests appended over one IMAP connection in {appended:.1f} s", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    config = write_config(folder, dovecot.port, smtp.port, user=user, db_url=db_url)
    url = db_url or f"sqlite:///{folder / 'mailbot.db'}"
    outs = [folder / f"worker{k}.out" for k in range(workers)]
    procs: list[subprocess.Popen[bytes]] = []
    killed: set[int] = set()
    t0 = time.monotonic()
    try:
        for out in outs:
            with out.open("wb") as f:
                procs.append(subprocess.Popen(mailbot_command(config, "--once"), cwd=folder, env=service_env(),
                                              stdout=f, stderr=subprocess.STDOUT))
        deadline = t0 + timeout
        for p in procs:
            with suppress(subprocess.TimeoutExpired):  # the deadline bounds all the workers together
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
        seconds = time.monotonic() - t0
    finally:
        for k, p in enumerate(procs):
            if p.poll() is None:
                killed.add(k)
                p.kill()
                p.wait(timeout=30)
    statuses: list[int | None] = [None if k in killed else p.returncode for k, p in enumerate(procs)]
    if killed:
        print(f"[{label}] a worker was still running after {timeout:g} s and was killed")
    reports = []
    for out in outs:
        text = out.read_text(errors="replace")
        found = re.search(r"^fetched .*$", text, re.MULTILINE)
        reports.append(found.group() if found else f"(no report) {text[-1500:]}")
    # run --once sends its outbox before it exits: every reply it will send has arrived by now
    got = smtp.by_recipient()
    arrivals = [a.at for c in clients for a in got.get(c, [])]
    return Run(label, n, workers, seconds,
               min(arrivals) - t0 if arrivals else None, max(arrivals) - t0 if arrivals else None,
               sum(1 for c in clients if got.get(c)), sum(1 for c in clients if len(got.get(c, [])) > 1),
               outbox_rows(url, clients), statuses, reports, message_states(url))


def startup(dovecot: DovecotServer, smtp: TimedSmtp, folder: Path, timeout: float) -> float:
    """Seconds one `run --once` takes on an empty mailbox and a new SQLite database: the fixed cost."""
    user = new_mailbox(dovecot)
    folder.mkdir(parents=True, exist_ok=True)
    config = write_config(folder, dovecot.port, smtp.port, user=user)
    t0 = time.monotonic()
    done = subprocess.run(mailbot_command(config, "--once"), cwd=folder, env=service_env(), capture_output=True,
                          timeout=timeout)
    took = time.monotonic() - t0
    if done.returncode != 0:
        print(f"[start-up] run --once on an empty mailbox exited {done.returncode}: {done.stdout[-1500:]!r}")
    return took


def print_run(run: Run) -> None:
    goal = "met" if run.rate >= 50 else "MISSED"
    print(f"[{run.label}] {run.workers} × `mailbot run --once` (subprocess; wall time incl. start-up): "
          f"{run.messages} messages in {run.seconds:.1f} s = {run.rate:.1f} messages/s (goal ≥ 50/s: {goal})")
    if run.first_reply is not None and run.last_reply is not None:
        print(f"[{run.label}]   first reply reached SMTP after {run.first_reply:.1f} s (start-up, fetch, "
              f"handling), last after {run.last_reply:.1f} s (sending {run.last_reply - run.first_reply:.1f} s)")
    for k, report in enumerate(run.reports):
        print(f"[{run.label}]   worker {k + 1} (exit {run.statuses[k]}): {report}")
    print(f"[{run.label}]   replies: {run.replied}/{run.messages} clients answered, {run.duplicates} with more "
          f"than one reply, {run.outbox_rows} outbox rows -> {'OK' if run.ok() else 'NOT OK'}")
    print(f"[{run.label}]   requests by outcome (review = acknowledged, left to staff): {run.states}", flush=True)


# --- the profile ------------------------------------------------------------------------------------

class Phases:
    """Time spent in wrapped callables, by name (no profiler: the figures are the real ones)."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.each: dict[str, list[float]] = defaultdict(list)

    def _add(self, key: str, took: float) -> None:
        self.total[key] += took
        self.calls[key] += 1
        self.each[key].append(took)

    def wrap(self, key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self._add(key, time.perf_counter() - t0)
        return timed

    def wrap_async(self, key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        async def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return await fn(*args, **kwargs)
            finally:
                self._add(key, time.perf_counter() - t0)
        return timed


@contextmanager
def patched(target: Any, name: str, value: Any) -> Iterator[None]:
    """``target.name = value`` for the block (this process only; mailbot's files are not touched)."""
    old = getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, old)


def fresh_app(dovecot: DovecotServer, smtp: TimedSmtp, folder: Path, n: int, tag: str) -> Any:
    from mailbot.app import App
    from mailbot.config import load_settings

    user = new_mailbox(dovecot)
    fill_mailbox(dovecot, user, n, tag)
    folder.mkdir(parents=True, exist_ok=True)
    config = write_config(folder, dovecot.port, smtp.port, user=user)
    env = {**os.environ, PASSWORD_ENV: MAILBOX_PASSWORD}
    return App(load_settings(config, env=env), env=env)


def phase_times(dovecot: DovecotServer, smtp: TimedSmtp, folder: Path, n: int) -> None:
    """One in-process App.cycle, its parts timed by wrappers: where the wall time goes, unprofiled."""
    import mailbot.app
    import mailbot.booking.slots
    import mailbot.store.repo

    app = fresh_app(dovecot, smtp, folder, n, f"ph{os.getpid()}")
    ph = Phases()
    app.mailbox.unprocessed = ph.wrap("IMAP fetch: SELECT, SEARCH, FETCH of every message", app.mailbox.unprocessed)
    app.mailbox.mark_processed = ph.wrap("IMAP mark processed: one STORE per message", app.mailbox.mark_processed)
    app._store = ph.wrap("_store: read + INSERT raw message + COMMIT", app._store)
    app._handle = ph.wrap("_handle: one transaction per message", app._handle)
    app._recover = ph.wrap("_recover: look for stored, unhandled messages", app._recover)
    app._send = ph.wrap("_send: the outbox, after each message", app._send)
    app.run_jobs = ph.wrap("run_jobs", app.run_jobs)
    app.sender.send = ph.wrap_async("  SMTP session per reply (connect, EHLO, MAIL, RCPT, DATA, QUIT)",
                                    app.sender.send)
    app.conversations.parse = ph.wrap("  understand (in _handle)", app.conversations.parse)
    app.conversations.compose = ph.wrap("  compose reply: render + build MIME (in _handle)", app.conversations.compose)
    try:
        with patched(mailbot.app, "read_message", ph.wrap("  read_message (in _store and again in _handle)",
                                                          mailbot.app.read_message)), \
                patched(mailbot.booking.slots.SlotFinder, "find", ph.wrap("  slot search (in _handle)",
                                                                          mailbot.booking.slots.SlotFinder.find)), \
                patched(mailbot.store.repo, "taken", ph.wrap("  holds and bookings query (in the slot search)",
                                                             mailbot.store.repo.taken)):
            t0 = time.perf_counter()
            report = app.cycle()
            took = time.perf_counter() - t0
    finally:
        app.close()
    print(f"[phases] in-process App.cycle, no profiler: {report.fetched} fetched, {report.handled} handled, "
          f"{report.sent} sent in {took:.1f} s = {n / took:.1f} messages/s")
    for key in ph.total:
        calls = ph.calls[key]
        print(f"[phases]   {key:<72} {ph.total[key]:6.2f} s {100 * ph.total[key] / took:5.1f} %  "
              f"{calls:5d} calls, {1000 * ph.total[key] / max(calls, 1):6.2f} ms each")
    handle = ph.each.get("_handle: one transaction per message", [])
    if len(handle) >= 10:
        tenth = len(handle) // 10
        parts = [sum(handle[k * tenth:(k + 1) * tenth]) / tenth * 1000 for k in range(10)]
        print("[phases]   _handle ms per message by tenth of the run: " + " ".join(f"{x:.1f}" for x in parts))


def profile(dovecot: DovecotServer, smtp: TimedSmtp, folder: Path, n: int, top: int) -> None:
    """App.cycle in this process under cProfile, on a fresh mailbox and SQLite database."""
    app = fresh_app(dovecot, smtp, folder, n, f"p{os.getpid()}")
    profiler = cProfile.Profile()
    try:
        t0 = time.perf_counter()
        profiler.enable()
        report = app.cycle()
        profiler.disable()
        took = time.perf_counter() - t0
    finally:
        app.close()
    print(f"[profile] in-process App.cycle under cProfile: {report.fetched} fetched, {report.handled} handled, "
          f"{report.sent} sent in {took:.1f} s (cProfile slows Python code down: read the shares, not the rate)")
    for order, only, what in (("tottime", "", "all functions by own time"),
                              ("cumulative", "", "all functions by cumulative time"),
                              ("cumulative", "/mailbot/", "mailbot's functions by cumulative time")):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(order)
        stats.print_stats(*([only] if only else []), top)
        text = out.getvalue()
        start = text.find("   ncalls")
        print(f"[profile] top {top}, {what}:")
        print(text[start:].rstrip())


# --- main -------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=1000)
    ap.add_argument("--postgres", action="store_true", help="also one and two workers on PostgreSQL 15")
    ap.add_argument("--profile", action="store_true", help="also profile an in-process App.cycle (SQLite)")
    ap.add_argument("--top", type=int, default=30, help="functions listed by --profile (default 30)")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds a run may take before it is killed")
    a = ap.parse_args()

    runs: list[Run] = []
    with servers() as (dovecot, smtp), tempfile.TemporaryDirectory(prefix="mb-tp-") as tmp:
        folder = Path(tmp)
        fixed = startup(dovecot, smtp, folder / "startup", a.timeout)
        print(f"[start-up] `mailbot run --once` on an empty mailbox and a new SQLite database: {fixed:.2f} s "
              "(interpreter, imports, migrations, calendars, IMAP login)", flush=True)
        runs.append(measure("sqlite", dovecot, smtp, folder / "sqlite", a.messages, 1, None, a.timeout))
        print_run(runs[-1])
        print(f"[sqlite]   without the fixed start-up: {a.messages / max(runs[-1].seconds - fixed, 1e-9):.1f} "
              "messages/s", flush=True)
        if a.postgres:
            with postgres() as pg:
                for workers in (1, 2):
                    url = pg.create_database(f"mailbot_bench_{workers}w")
                    label = f"postgres {workers}w"
                    runs.append(measure(label, dovecot, smtp, folder / f"pg{workers}", a.messages, workers,
                                        url, a.timeout))
                    print_run(runs[-1])
        if a.profile:
            phase_times(dovecot, smtp, folder / "phases", a.messages)
            profile(dovecot, smtp, folder / "profile", a.messages, a.top)

    print("summary: " + "; ".join(f"{r.label}: {r.rate:.1f} messages/s, {r.replied}/{r.messages} answered, "
                                  f"{r.duplicates} duplicated" for r in runs))
    return 0 if all(r.ok() for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
