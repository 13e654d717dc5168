"""OutboxWorker with a real SQLite store and the real SMTP server: once, retried, given up, never twice."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import datetime, timedelta
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from sqlalchemy import select

from mailbot.config import SmtpSettings
from mailbot.outbox.message import build_reply, message_bytes
from mailbot.outbox.render import Renderer
from mailbot.outbox.sender import UNDELIVERABLE, OutboxWorker, SendError, SendReport, SmtpSender
from mailbot.store import Database, Message, OutboxItem, open_database, repo
from mailbot.store.outbox import GIVE_UP_AFTER
from tests.outbox.helpers import context, utc
from tests.servers.smtp import SmtpServer, free_port, start_smtp

NOW = utc(2026, 11, 20, 8, 0)
CLIENT = "anna.korhonen@firma.fi"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database("sqlite:///" + str(tmp_path / "mailbot.db"))
    yield database
    database.close()


def sender_for(port: int) -> SmtpSender:
    return SmtpSender(SmtpSettings(host="127.0.0.1", port=port, security="none",
                                   from_address="ajanvaraus@example.fi"), {})


def queue(db: Database, renderer: Renderer, *, at: datetime = NOW, to: str = CLIENT) -> tuple[int, str, bytes]:
    """A proposal queued as the booking code queues it: Message-ID fixed first, then stored."""
    with db.transaction() as s:
        conv = repo.create_conversation(s, client_email=to, client_name="Anna Korhonen", now=at)
        msg = build_reply(rendered=renderer.render("proposal", "fi", **context("proposal")), to=to,
                          to_name="Anna Korhonen", from_address="ajanvaraus@example.fi", from_name="Ajanvaraus",
                          reference=conv.reference, in_reply_to="<q1@firma.fi>", references=[], domain="example.fi")
        message_id, raw = str(msg["Message-ID"]), message_bytes(msg)
        item = repo.queue_outbox(s, message_id=message_id, to_addr=to, raw=raw, conversation_id=conv.id, now=at)
        return item.id, message_id, raw


def item(db: Database, item_id: int) -> OutboxItem:
    with db.transaction() as s:
        found = s.get(OutboxItem, item_id)
        assert found is not None
        return found


def run(worker: OutboxWorker, now: datetime) -> SendReport:
    return asyncio.run(worker.send_due(now))


def test_queued_is_sent_once_and_recorded(db: Database, smtp: SmtpServer, renderer: Renderer) -> None:
    item_id, message_id, raw = queue(db, renderer)
    worker = OutboxWorker(db, sender_for(smtp.port))
    assert run(worker, NOW) == SendReport(sent=1, failed=0, permanent=0)
    assert [m.raw for m in smtp.messages] == [raw]
    delivered = message_from_bytes(smtp.messages[0].raw, policy=default_policy)
    assert delivered["Message-ID"] == message_id
    assert smtp.messages[0].mail_from == "ajanvaraus@example.fi"  # the From of the message: bounces come home
    assert smtp.messages[0].rcpt_tos == [CLIENT]
    sent = item(db, item_id)
    assert (sent.sent_at, sent.attempts, sent.next_attempt_at, sent.last_error) == (NOW, 1, None, None)
    with db.transaction() as s:
        stored = s.scalars(select(Message).where(Message.direction == "out")).all()
        assert [(m.message_id, m.state) for m in stored] == [(message_id, "sent")]
    # the second run finds nothing to do
    assert run(worker, NOW + timedelta(minutes=5)) == SendReport()
    assert len(smtp.messages) == 1


def test_not_yet_due_is_left_alone(db: Database, smtp: SmtpServer, renderer: Renderer) -> None:
    queue(db, renderer, at=NOW + timedelta(minutes=10))
    assert run(OutboxWorker(db, sender_for(smtp.port)), NOW).sent == 0
    assert smtp.messages == []


def test_server_down_then_up(db: Database, renderer: Renderer) -> None:
    port = free_port()
    item_id, message_id, raw = queue(db, renderer)
    worker = OutboxWorker(db, sender_for(port))
    assert run(worker, NOW) == SendReport(sent=0, failed=1, permanent=0)
    failed = item(db, item_id)
    assert failed.attempts == 1 and failed.sent_at is None
    assert failed.next_attempt_at == NOW + timedelta(seconds=5)  # the first retry within seconds
    assert "cannot connect" in (failed.last_error or "")
    # before the retry is due nothing happens, even with the server back
    server = start_smtp(port=port)
    try:
        assert run(worker, NOW + timedelta(seconds=2)) == SendReport()
        assert run(worker, NOW + timedelta(seconds=6)) == SendReport(sent=1)
        assert [m.raw for m in server.messages] == [raw]
    finally:
        server.stop()
    sent = item(db, item_id)
    assert sent.attempts == 2 and sent.sent_at == NOW + timedelta(seconds=6) and sent.message_id == message_id
    with db.transaction() as s:
        assert repo.open_review_items(s) == []


def test_a_permanent_refusal_is_not_retried_and_goes_to_staff(db: Database, smtp: SmtpServer,
                                                              renderer: Renderer) -> None:
    item_id, _, _ = queue(db, renderer, to="nobody@firma.fi")
    smtp.rcpt_reply = "550 5.1.1 No such user"
    worker = OutboxWorker(db, sender_for(smtp.port))
    assert run(worker, NOW) == SendReport(sent=0, failed=1, permanent=1)
    smtp.rcpt_reply = None
    assert run(worker, NOW + timedelta(days=1)) == SendReport()
    assert smtp.messages == []
    given_up = item(db, item_id)
    assert given_up.next_attempt_at is None and given_up.sent_at is None and given_up.attempts == 1
    with db.transaction() as s:
        reviews = repo.open_review_items(s)
        assert len(reviews) == 1
        assert reviews[0].reason.startswith(UNDELIVERABLE + " (") and "550" in reviews[0].reason
        assert reviews[0].conversation_id == given_up.conversation_id


def test_a_reply_that_has_failed_for_a_day_goes_to_staff(db: Database, renderer: Renderer) -> None:
    item_id, _, _ = queue(db, renderer)
    with db.transaction() as s:
        row = s.get(OutboxItem, item_id)
        assert row is not None
        row.attempts = 41
        row.created_at = NOW - GIVE_UP_AFTER
    report = run(OutboxWorker(db, sender_for(free_port())), NOW)
    assert report == SendReport(sent=0, failed=1, permanent=1)
    assert item(db, item_id).next_attempt_at is None
    with db.transaction() as s:
        (review,) = repo.open_review_items(s)
        assert review.reason.startswith(f"{UNDELIVERABLE} (42 attempts, the last: ")


class _Flaky:
    """A sender that fails for the listed addresses and records the rest."""

    def __init__(self, failing: dict[str, Exception]) -> None:
        self.failing = failing
        self.sent: list[str] = []

    async def send(self, raw: bytes, mail_from: str, rcpt_to: list[str]) -> None:
        if rcpt_to[0] in self.failing:
            raise self.failing[rcpt_to[0]]
        self.sent.append(rcpt_to[0])


def test_one_failure_does_not_stop_the_queue(db: Database, renderer: Renderer) -> None:
    """A temporary error, a permanent one and a bug in the sender: the others still go, each once."""
    for to in ("a@firma.fi", "b@firma.fi", "c@firma.fi", "d@firma.fi"):
        queue(db, renderer, to=to)
    sender = _Flaky({"b@firma.fi": SendError("busy", permanent=False),
                     "c@firma.fi": SendError("no such user", permanent=True),
                     "d@firma.fi": RuntimeError("bug")})
    report = run(OutboxWorker(db, sender), NOW)  # one at a time until nothing is due
    assert report == SendReport(sent=1, failed=3, permanent=1)
    assert sender.sent == ["a@firma.fi"]
    with db.transaction() as s:
        errors = {i.to_addr: i.last_error for i in s.scalars(select(OutboxItem))}
    assert errors == {"a@firma.fi": None, "b@firma.fi": "busy", "c@firma.fi": "no such user",
                      "d@firma.fi": "RuntimeError: bug"}


def test_a_claimed_item_is_left_alone_while_its_sender_lives_and_taken_at_once_when_it_died(
    db: Database, renderer: Renderer,
) -> None:
    import subprocess
    import sys

    item_id, _, _ = queue(db, renderer)
    with db.transaction() as s:
        s.get_one(OutboxItem, item_id).claimed_by = repo.process_identity()  # another sender, still running
    second = _Flaky({})
    assert run(OutboxWorker(db, second), NOW) == SendReport() and second.sent == []
    dead = subprocess.run([sys.executable, "-c", "from mailbot.store.outbox import process_identity as p; print(p())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    with db.transaction() as s:
        s.get_one(OutboxItem, item_id).claimed_by = dead  # that sender was killed mid-send
    assert run(OutboxWorker(db, second), NOW).sent == 1  # at once: no claim time to wait out
    assert item(db, item_id).claimed_by is None


def test_a_batch_goes_over_one_connection_which_is_then_closed(db: Database, renderer: Renderer) -> None:
    server = start_smtp(auth={"ajanvaraus": "pw"})
    try:
        sender = SmtpSender(SmtpSettings(host="127.0.0.1", port=server.port, security="none", username="ajanvaraus",
                                         password_env="SMTP_PW", from_address="ajanvaraus@example.fi"),
                            {"SMTP_PW": "pw"})
        ids = [queue(db, renderer, to=f"client{n}@firma.fi")[1] for n in range(3)]
        report = run(OutboxWorker(db, sender), NOW)
        assert report.sent == 3 and len(server.messages) == 3
        assert server.logins == ["ajanvaraus"]  # one login: one connection for the whole batch
        assert sender._kept is None and not sender.keep  # closed again, and a lone send() closes its own
        assert {message_from_bytes(m.raw, policy=default_policy)["Message-ID"] for m in server.messages} == set(ids)
    finally:
        server.stop()
