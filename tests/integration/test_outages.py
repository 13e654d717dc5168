"""Outages under the running service (``mailbot run``), against real Dovecot and a real SMTP server:
the SMTP server answers 451 for a while, then takes mail again; SIGTERM comes in the middle of it."""

from __future__ import annotations

import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.integration.crash import mailbot, mailbot_command, mailbot_env, new_mailbox, query, sqlite_url, write_config
from tests.integration.test_service import client_mail, replies_to
from tests.servers.dovecot import DovecotServer
from tests.servers.smtp import SmtpServer, start_smtp

REQUEST = "Hei, haluaisin varata yksilötyönohjausta etänä, mikä tahansa arkipäivä käy."
TRY_LATER = "451 4.3.0 Try again later"


@pytest.fixture
def failing_smtp() -> Iterator[SmtpServer]:
    """A server of this test's own that answers every message with 451 until the test clears it."""
    server = start_smtp()
    server.data_reply = TRY_LATER
    yield server
    server.stop()


def _until(condition: Callable[[], bool], seconds: float, service: subprocess.Popen[str]) -> None:
    """Poll what the servers and the database show, with a deadline (not a guess at how long it takes)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert service.poll() is None, "the service stopped"
        assert time.monotonic() < deadline, f"not within {seconds:g} s"
        time.sleep(0.05)


def _failed_attempts(db: str) -> int:
    from sqlalchemy.exc import OperationalError

    try:
        return len(query(db, "SELECT id FROM outbox WHERE attempts >= 1 AND sent_at IS NULL"))
    except OperationalError:  # the service has not made its tables yet
        return 0


@contextmanager
def _running(config: Path, log: Path) -> Iterator[subprocess.Popen[str]]:
    """``mailbot run`` with its log in ``log``; killed on the way out if a test left it running."""
    with log.open("w") as err:  # the service writes its own copy of the descriptor
        service = subprocess.Popen(mailbot_command(config, "run", "--no-web"), stdout=subprocess.DEVNULL,
                                   stderr=err, text=True, env=mailbot_env())
    try:
        yield service
    finally:
        if service.poll() is None:
            service.kill()
            service.wait()


def _stop(service: subprocess.Popen[str]) -> float:
    stopping = time.monotonic()
    service.send_signal(signal.SIGTERM)
    service.wait(timeout=20)
    return time.monotonic() - stopping


def test_replies_refused_with_451_go_out_once_each_and_in_order_when_the_server_takes_mail_again(
        tmp_path: Path, dovecot: DovecotServer, failing_smtp: SmtpServer) -> None:
    user = new_mailbox(dovecot)
    config, db, log = write_config(tmp_path, dovecot, failing_smtp, user), sqlite_url(tmp_path), tmp_path / "log"
    clients = [f"outage-{n}-{uuid.uuid4().hex[:6]}@client.example" for n in range(3)]
    with _running(config, log) as service:
        for client in clients:
            dovecot.deliver(user, client_mail(client, "Työnohjaus", REQUEST)[0])
        _until(lambda: _failed_attempts(db) == 3, 30, service)  # each refused at least once
        failing_smtp.data_reply = None  # the server is fixed
        # the first retry comes within seconds, and none later than a minute apart
        _until(lambda: all(replies_to(failing_smtp, c) for c in clients), 30, service)
        assert service.poll() is None, "the service kept running through the outage"
        assert _stop(service) < 2.0
    assert service.returncode == 0, log.read_text()
    assert [len(replies_to(failing_smtp, c)) for c in clients] == [1, 1, 1]
    delivered = [next(c for c in clients if c in m.rcpt_tos) for m in failing_smtp.messages]
    assert delivered == clients, "replies go out in the order their messages came"
    text = log.read_text()
    assert "451" in text and "Haluaisin" not in text  # says what it waits for; no message bodies


def test_sigterm_in_the_middle_of_an_outage_stops_at_once_and_a_restart_sends_what_waited(
        tmp_path: Path, dovecot: DovecotServer, failing_smtp: SmtpServer) -> None:
    user = new_mailbox(dovecot)
    config, db, log = write_config(tmp_path, dovecot, failing_smtp, user), sqlite_url(tmp_path), tmp_path / "log"
    client = f"sigterm-{uuid.uuid4().hex[:6]}@client.example"
    with _running(config, log) as service:
        dovecot.deliver(user, client_mail(client, "Työnohjaus", REQUEST)[0])
        _until(lambda: _failed_attempts(db) == 1, 30, service)
        assert _stop(service) < 2.0
    assert service.returncode == 0, log.read_text()
    assert not replies_to(failing_smtp, client)
    failing_smtp.data_reply = None
    again = mailbot(config, "run", "--once")
    assert again.returncode == 0, again.stderr
    assert len(replies_to(failing_smtp, client)) == 1
    assert "fetched 0" in again.stdout, again.stdout  # the message itself was handled before the stop


def test_the_imap_server_restarted_while_the_service_waits_in_idle(tmp_path: Path) -> None:
    """Dovecot restarts under the running service: the IDLE connection drops, the service connects again
    and answers mail that came after the restart; it keeps running and stops cleanly."""
    from tests.integration.crash import IMAP_PASSWORD
    from tests.servers.dovecot import start_dovecot

    dovecot = start_dovecot(users={"box@example.fi": IMAP_PASSWORD})
    smtp = start_smtp()
    config, log = write_config(tmp_path, dovecot, smtp, "box@example.fi"), tmp_path / "log"
    before, after = (f"{w}-{uuid.uuid4().hex[:6]}@client.example" for w in ("before", "after"))
    try:
        with _running(config, log) as service:
            dovecot.deliver("box@example.fi", client_mail(before, "Työnohjaus", REQUEST)[0])
            _until(lambda: bool(replies_to(smtp, before)), 30, service)  # answered: the service is back in IDLE
            dovecot.restart()
            dovecot.deliver("box@example.fi", client_mail(after, "Työnohjaus", REQUEST)[0])
            _until(lambda: bool(replies_to(smtp, after)), 60, service)
            assert _stop(service) < 2.0
    finally:
        smtp.stop()
        dovecot.stop()
    assert service.returncode == 0, log.read_text()
    assert len(replies_to(smtp, before)) == 1 and len(replies_to(smtp, after)) == 1
