"""Exactly once, proven: mailbot killed with SIGKILL at each step of a cycle, then run again.

Every test has an IMAP account and a database of its own, real Dovecot and aiosmtpd, and runs
``mailbot run --once`` as separate processes; ``tests.integration.crash`` is the same command with
one step ending in SIGKILL. After each crash and rerun: the client has exactly one reply (or, when
the kill fell between the SMTP server's OK and the outbox's record of it, the same reply twice,
with one Message-ID), the message is processed in the database and flagged on the server, and
nothing went to staff as "processing failed".

Two ``mailbot run --once`` started together on one mailbox and one database (SQLite, and PostgreSQL
when it is installed) answer each of ten clients once. The log of ``run --once -v`` names
Message-IDs and never a word of a body.
"""

from __future__ import annotations

import email.message
import json
import os
import re
import signal
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.crash import ROOT as REPO_ROOT
from tests.integration.crash import (
    STEPS,
    mailbot,
    mailbot_command,
    mailbot_env,
    new_mailbox,
    query,
    sqlite_url,
    unprocessed_on_server,
    write_config,
)
from tests.integration.test_service import client_mail, replies_to
from tests.servers.dovecot import DovecotServer
from tests.servers.postgres import PostgresServer, postgres_available, start_postgres
from tests.servers.smtp import SmtpServer

REQUEST = "Hei, haluaisin varata yksilötyönohjausta etänä mahdollisimman pian."
SEND_STEPS = ("during_send", "after_data", "after_send")  # the outbox item was claimed when killed
IN_THE_GAP = ("after_data", "after_send")  # the server said OK, the outbox did not record it
REPETITIONS = {"after_data": 3, "after_send": 5}


@dataclass
class Setup:
    user: str
    config: Path
    db_url: str


@pytest.fixture
def box(tmp_path: Path, dovecot: DovecotServer, smtp: SmtpServer) -> Setup:
    user = new_mailbox(dovecot)
    return Setup(user, write_config(tmp_path, dovecot, smtp, user), sqlite_url(tmp_path))


def run_once(box: Setup, *, crash_at: str | None = None) -> subprocess.CompletedProcess[str]:
    return mailbot(box.config, "run", "--once", crash_at=crash_at)


def counts(result: subprocess.CompletedProcess[str]) -> dict[str, int]:
    """``fetched 1, handled 1, …`` as printed by ``run --once``."""
    found = {what: int(n) for what, n in re.findall(r"([a-z]+(?: [a-z]+)?) (\d+)", result.stdout)}
    assert found, f"no report in {result.stdout!r} (stderr {result.stderr!r})"
    return found


def assert_done(box: Setup, dovecot: DovecotServer, message_id: str, client: str) -> str:
    """Processed, flagged, its one reply recorded as sent, nothing failed; returns the reply's Message-ID."""
    (row,) = query(box.db_url, "SELECT processed_at, state FROM messages WHERE direction = 'in' "
                   "AND message_id = :mid", mid=message_id)
    assert row[0] is not None, f"{message_id} is stored but not processed ({row[1]})"
    outbox = query(box.db_url, "SELECT message_id, sent_at FROM outbox WHERE to_addr = :to", to=client)
    assert len(outbox) == 1 and outbox[0][1] is not None, outbox
    failed = query(box.db_url, "SELECT id FROM review_items WHERE reason = 'processing failed'")
    assert failed == []
    assert unprocessed_on_server(dovecot, box.user) == []
    return str(outbox[0][0])


def one_reply(replies: list[email.message.EmailMessage], request_id: str) -> str:
    """The Message-ID of the one reply ``replies`` are copies of; asserts it is a proposal to the request."""
    ids = {r["Message-ID"] for r in replies}
    assert len(ids) == 1, f"{len(ids)} different replies: {sorted(ids)}"
    for reply in replies:
        assert reply["In-Reply-To"] == request_id
        assert "[AV-" in reply["Subject"] and "Työnohjausaika" in reply["Subject"], reply["Subject"]
    return ids.pop()


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_each_step_a_rerun_answers_once(step: str, box: Setup, dovecot: DovecotServer,
                                                   smtp: SmtpServer) -> None:
    repetitions = REPETITIONS.get(step, 1)
    twice = 0
    for _ in range(repetitions):
        client = f"kill-{uuid.uuid4().hex[:8]}@client.example"
        raw, request_id = client_mail(client, "Työnohjaus", REQUEST)
        dovecot.deliver(box.user, raw)

        crashed = run_once(box, crash_at=step)
        assert crashed.returncode == -signal.SIGKILL, (crashed.returncode, crashed.stdout, crashed.stderr)
        delivered_before_rerun = len(replies_to(smtp, client))
        assert delivered_before_rerun == (1 if step in IN_THE_GAP else 0)

        if step in SEND_STEPS:
            # The killed sender had claimed the reply; its claim died with it (no claim time to wait out)
            assert query(box.db_url, "SELECT claimed_by FROM outbox WHERE to_addr = :to", to=client)[0][0]

        rerun = run_once(box)  # restarted at once, it sends the reply at once
        assert rerun.returncode == 0, rerun.stderr
        assert counts(rerun)["sent"] == 1, rerun.stdout
        again = run_once(box)
        assert again.returncode == 0, again.stderr
        assert counts(again)["fetched"] == 0 and counts(again)["sent"] == 0, again.stdout

        replies = replies_to(smtp, client)
        reply_id = one_reply(replies, request_id)
        if step in IN_THE_GAP:
            assert len(replies) in (1, 2)
            twice += len(replies) == 2
        else:
            assert len(replies) == 1
        assert assert_done(box, dovecot, request_id, client) == reply_id  # fixed when it was queued
    print(f"\n{step}: {repetitions} repetitions, {twice} clients got the same reply twice")


def test_the_window_between_the_servers_ok_and_the_record_is_narrow(box: Setup, dovecot: DovecotServer,
                                                                    smtp: SmtpServer) -> None:
    """How long each reply spends where a kill would send it twice: DATA's OK → mark_sent committed."""
    clients = [f"gap-{uuid.uuid4().hex[:8]}@client.example" for _ in range(5)]
    for client in clients:
        dovecot.deliver(box.user, client_mail(client, "Työnohjaus", REQUEST)[0])
    result = run_once(box, crash_at="measure")
    assert result.returncode == 0, result.stderr
    gaps = [float(g) for g in re.findall(r"gap_ms=([\d.]+)", result.stderr)]
    assert len(gaps) == len(clients)
    print(f"\nDATA OK -> mark_sent committed: max {max(gaps):.1f} ms, mean {sum(gaps) / len(gaps):.1f} ms")
    assert max(gaps) < 1000  # QUIT (up to QUIT_TIMEOUT, 5 s) and one short commit; locally a few ms
    assert all(len(replies_to(smtp, c)) == 1 for c in clients)


# ---------------------------------------------------------------------------------------------------
# Two workers at once


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    reason = postgres_available()
    if reason:
        pytest.skip(reason)
    server = start_postgres()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_setup(request: pytest.FixtureRequest, tmp_path: Path, dovecot: DovecotServer,
                 smtp: SmtpServer) -> Iterator[Setup]:
    yield from _shared_setup(request, request.param, tmp_path, dovecot, smtp)


@pytest.fixture
def pg_setup(request: pytest.FixtureRequest, tmp_path: Path, dovecot: DovecotServer,
             smtp: SmtpServer) -> Iterator[Setup]:
    yield from _shared_setup(request, "postgresql", tmp_path, dovecot, smtp)


def _shared_setup(request: pytest.FixtureRequest, kind: str, tmp_path: Path, dovecot: DovecotServer,
                  smtp: SmtpServer) -> Iterator[Setup]:
    user = new_mailbox(dovecot)
    if kind == "sqlite":
        yield Setup(user, write_config(tmp_path, dovecot, smtp, user), sqlite_url(tmp_path))
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.new_database()
    url = server.url(name)
    yield Setup(user, write_config(tmp_path, dovecot, smtp, user, db_url=url), url)
    server.drop_database(name)


def two_workers(box: Setup, dovecot: DovecotServer, clients: list[str], tmp_path: Path) -> list[dict[str, int]]:
    """A request from each client, then two ``run --once`` whose cycles begin together (``crash`` step
    ``together``); returns their reports. On SQLite the database is made first (see
    ``test_a_process_starting_on_a_new_sqlite_database_waits_for_another_holding_it``); PostgreSQL's
    is new, and the two migrate it together."""
    if box.db_url.startswith("sqlite"):
        made = mailbot(box.config, "queue", "--json")
        assert made.returncode == 0 and json.loads(made.stdout) == [], made.stderr
    for client in clients:
        dovecot.deliver(box.user, client_mail(client, "Työnohjaus", REQUEST)[0])
    command = mailbot_command(box.config, "run", "--once", crash_at=f"together:{tmp_path / 'barrier'}:2")
    workers = [subprocess.Popen(command, cwd=REPO_ROOT, env=mailbot_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        deadline = time.monotonic() + 120
        # One that fails leaves the other waiting for it at the start: stop both then.
        while any(w.poll() is None for w in workers) and not any(w.poll() for w in workers):
            assert time.monotonic() < deadline, "the workers did not finish within 120 s"
            time.sleep(0.02)  # between two looks at the processes; the deadline bounds the wait
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
    outputs = [w.communicate() for w in workers]
    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, (worker.returncode, out, err)
    return [counts(subprocess.CompletedProcess([], 0, out, err)) for out, err in outputs]


def test_a_process_starting_on_a_new_sqlite_database_waits_for_another_holding_it(box: Setup) -> None:
    path = Path(box.db_url.removeprefix("sqlite:///"))
    holder = sqlite3.connect(path, isolation_level=None)  # a new database, as the first process has it
    try:
        holder.execute("BEGIN IMMEDIATE")
        process = subprocess.Popen(mailbot_command(box.config, "queue", "--json"), cwd=REPO_ROOT,
                                   env=mailbot_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while not _has_open(process.pid, path) and process.poll() is None:  # it connected
                assert time.monotonic() < deadline
                time.sleep(0.005)
            waited = time.monotonic() + 1  # a second, for it to give up if it will
            while process.poll() is None and time.monotonic() < waited:
                time.sleep(0.005)
        finally:
            holder.execute("COMMIT")
        out, err = process.communicate(timeout=60)
    finally:
        holder.close()
    assert process.returncode == 0, err
    assert json.loads(out) == []


def _has_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # it ended, or a descriptor closed while we looked
        return False


def test_two_workers_started_together_answer_each_client_once(shared_setup: Setup, dovecot: DovecotServer,
                                                              smtp: SmtpServer, tmp_path: Path) -> None:
    box = shared_setup
    clients = [f"two-{n}-{uuid.uuid4().hex[:6]}@client.example" for n in range(10)]
    reports = two_workers(box, dovecot, clients, tmp_path)

    for client in clients:
        replies = replies_to(smtp, client)
        assert len(replies) == 1, f"{client}: {len(replies)} replies"
    assert sum(r["handled"] for r in reports) == 10 and sum(r["sent"] for r in reports) == 10, reports
    assert sum(r["failed"] for r in reports) == 0
    (processed,) = query(box.db_url, "SELECT count(*) FROM messages WHERE direction = 'in' "
                         "AND processed_at IS NOT NULL")
    assert processed[0] == 10
    assert unprocessed_on_server(dovecot, box.user) == []
    proposals = sum("Työnohjausaika" in replies_to(smtp, c)[0]["Subject"] for c in clients)
    print(f"\nworkers' reports: {reports}; {proposals} of 10 replies are proposals")

    again = mailbot(box.config, "run", "--once")
    assert again.returncode == 0 and counts(again)["fetched"] == 0 and counts(again)["sent"] == 0, again.stdout


def test_two_workers_on_postgresql_propose_to_every_client(pg_setup: Setup, dovecot: DovecotServer,
                                                           smtp: SmtpServer, tmp_path: Path) -> None:
    clients = [f"pg-{n}-{uuid.uuid4().hex[:6]}@client.example" for n in range(10)]
    reports = two_workers(pg_setup, dovecot, clients, tmp_path)
    assert min(r["handled"] for r in reports) > 0, f"the workers did not share the load: {reports}"
    taken = query(pg_setup.db_url, "SELECT count(*) FROM review_items WHERE reason LIKE 'proposed times were taken%'")
    subjects = [replies_to(smtp, c)[0]["Subject"] for c in clients]
    assert taken[0][0] == 0 and all("Työnohjausaika" in s for s in subjects), subjects


# ---------------------------------------------------------------------------------------------------
# Logs


def test_the_log_names_message_ids_and_no_words_of_a_body(box: Setup, dovecot: DovecotServer,
                                                          smtp: SmtpServer) -> None:
    marker = f"Kissankello{uuid.uuid4().hex[:8]}"
    client = f"log-{uuid.uuid4().hex[:8]}@client.example"
    raw, request_id = client_mail(client, "Työnohjaus", f"{REQUEST}\n\nTerveisin {marker}-tiimi")
    dovecot.deliver(box.user, raw)
    started = time.monotonic()
    result = mailbot(box.config, "run", "--once", "-v")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 60
    (reply,) = replies_to(smtp, client)
    log = result.stdout + result.stderr
    assert marker not in log
    assert request_id in result.stderr
    assert reply["Message-ID"] in result.stderr  # "sent <id> to …"


def test_after_an_outage_a_restart_sends_every_waiting_reply_at_once(box: Setup, dovecot: DovecotServer,
                                                                     smtp: SmtpServer) -> None:
    """SMTP down: the replies wait and the report says so; the operator fixes it and runs again at once:
    every reply goes out then, whatever retry time the earlier run saved."""
    from tests.servers.smtp import free_port

    down = box.config.with_name("down.toml")
    text = box.config.read_text(encoding="utf-8")
    down.write_text(re.sub(rf"(?m)^port = {smtp.port}$", f"port = {free_port()}", text), encoding="utf-8")
    clients = [f"outage-{n}-{uuid.uuid4().hex[:6]}@client.example" for n in range(3)]
    for client in clients:
        dovecot.deliver(box.user, client_mail(client, "Työnohjaus", REQUEST)[0])
    during = mailbot(down, "run", "--once")
    assert during.returncode == 0, during.stderr
    assert counts(during)["sent"] == 0 and counts(during)["waiting"] == 3, during.stdout
    assert "the oldest queued" in during.stdout
    after = run_once(box)  # at once: the saved retry times (seconds ahead) are not waited for
    assert counts(after)["sent"] == 3 and counts(after)["waiting"] == 0, after.stdout
    for client in clients:
        assert len(replies_to(smtp, client)) == 1
