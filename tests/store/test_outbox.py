"""The outbox: queued once, due in order, retried with backoff, and shared by senders on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from mailbot.store import Conversation, Database, OutboxItem, repo
from mailbot.store.outbox import GIVE_UP_AFTER, claim_is_live

T = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
RAW = (b"From: Ajanvaraus <ajanvaraus@example.fi>\r\nTo: anna@example.fi\r\n"
       b"Subject: =?utf-8?q?Ehdotus_ty=C3=B6nohjausajoista?= [AV-7KQ3]\r\n"
       b"In-Reply-To: <a1@example.fi>\r\nMessage-ID: <r1@mailbot>\r\n\r\nHei!\r\n")


def queue(db: Database, n: int, at: datetime = T) -> list[OutboxItem]:
    with db.transaction() as session:
        return [repo.queue_outbox(session, message_id=f"<r{i}@mailbot>", to_addr="anna@example.fi", raw=RAW,
                                  now=at + timedelta(seconds=i)) for i in range(n)]


def test_queuing_one_message_id_twice_keeps_one_item(db: Database) -> None:
    [first] = queue(db, 1)
    [again] = queue(db, 1)
    assert again.id == first.id


def test_due_items_come_oldest_first_and_not_before_their_time(db: Database) -> None:
    items = queue(db, 3)
    with db.transaction() as session:
        assert repo.due_outbox(session, now=T - timedelta(seconds=1)) == []
        assert [i.id for i in repo.due_outbox(session, now=T + timedelta(seconds=5))] == [i.id for i in items]
        assert [i.id for i in repo.due_outbox(session, now=T + timedelta(seconds=5), limit=2)] == [
            items[0].id, items[1].id]


def test_a_failure_is_retried_within_seconds_never_more_than_a_minute_apart_then_goes_to_a_person(
    db: Database,
) -> None:
    [item] = queue(db, 1)
    waits = []
    with db.transaction() as session:
        for n in range(8):
            failed = repo.mark_failed(session, item.id, "451 try later", now=T + timedelta(minutes=n))
            waits.append(failed.next_attempt_at - (T + timedelta(minutes=n)))
        assert failed.attempts == 8 and failed.last_error == "451 try later"
        gave_up = repo.mark_failed(session, item.id, "451 try later", now=T + GIVE_UP_AFTER)
        assert gave_up.next_attempt_at is None
        assert repo.due_outbox(session, now=T + timedelta(days=365)) == []
    assert [w.total_seconds() for w in waits] == [5, 10, 20, 40, 60, 60, 60, 60]


def test_a_failed_item_is_due_again_after_its_backoff(db: Database) -> None:
    [item] = queue(db, 1)
    with db.transaction() as session:
        repo.mark_failed(session, item.id, "timeout", now=T)
        assert repo.due_outbox(session, now=T + timedelta(seconds=4)) == []
        assert [i.id for i in repo.due_outbox(session, now=T + timedelta(seconds=5))] == [item.id]


def test_a_start_tries_every_waiting_reply_at_once_and_says_since_when(db: Database) -> None:
    items = queue(db, 2)
    with db.transaction() as session:
        repo.mark_failed(session, items[0].id, "451", now=T + timedelta(minutes=5))  # due in 5 s
        session.get_one(OutboxItem, items[0].id).next_attempt_at = T + timedelta(hours=1)  # an older policy's wait
        assert repo.retry_now(session, now=T + timedelta(minutes=6)) == 1
        assert {i.id for i in repo.due_outbox(session, now=T + timedelta(minutes=6))} == {i.id for i in items}
        assert repo.waiting(session) == (2, T)


def test_a_claim_lives_as_long_as_its_process(db: Database) -> None:
    import os
    import subprocess
    import sys

    items = queue(db, 2)
    me = repo.process_identity()
    assert claim_is_live(me)
    dead = subprocess.run([sys.executable, "-c", "from mailbot.store.outbox import process_identity as p; "
                           "print(p())"], capture_output=True, text=True, check=True).stdout.strip()
    assert not claim_is_live(dead)  # its process has ended
    host, pid, _start, made = me.rsplit(":", 3)
    assert not claim_is_live(f"{host}:{pid}:1:{made}")  # the pid reused by another process
    assert not claim_is_live(f"{host}:{os.getpid()}x:{_start}:{made}") and not claim_is_live(None)
    with db.transaction() as session:
        session.get_one(OutboxItem, items[0].id).claimed_by = dead  # a sender killed while sending
        session.get_one(OutboxItem, items[1].id).claimed_by = me
        taken = repo.claim_next(session, me, now=T + timedelta(minutes=1))
        assert taken is not None and taken.id == items[0].id  # at once, no claim time to wait out
        assert repo.claim_next(session, me, now=T + timedelta(minutes=1)) is None  # both live now, both mine
        assert repo.release_claims(session, me) == 2
        assert {i.claimed_by for i in session.scalars(select(OutboxItem))} == {None}


def test_a_sent_item_leaves_the_queue_and_joins_its_conversations_messages(
    db: Database, conversation: Conversation
) -> None:
    with db.transaction() as session:
        item = repo.queue_outbox(session, message_id="<r1@mailbot>", to_addr="anna@example.fi", raw=RAW,
                                 conversation_id=conversation.id, now=T)
        sent = repo.mark_sent(session, item.id, at=T + timedelta(seconds=3))
        assert repo.mark_sent(session, item.id).sent_at == sent.sent_at  # recorded once
        assert repo.due_outbox(session, now=T + timedelta(days=1)) == []
    with db.transaction() as session:
        [message] = session.get_one(Conversation, conversation.id).messages
    assert (message.direction, message.message_id, message.in_reply_to) == ("out", "<r1@mailbot>", "<a1@example.fi>")
    assert message.subject == "Ehdotus työnohjausajoista [AV-7KQ3]"
    assert message.sender == "Ajanvaraus <ajanvaraus@example.fi>"
    assert message.raw == RAW
    assert (sent.attempts, sent.sent_at, sent.next_attempt_at) == (1, T + timedelta(seconds=3), None)


def test_two_senders_on_postgresql_get_different_rows(pg_db: Database) -> None:
    items = queue(pg_db, 3)
    first, second = pg_db.sessions(), pg_db.sessions()
    try:
        mine = repo.due_outbox(first, now=T + timedelta(minutes=1), limit=1)
        theirs = repo.due_outbox(second, now=T + timedelta(minutes=1), limit=5)
        assert [i.id for i in mine] == [items[0].id]
        assert [i.id for i in theirs] == [items[1].id, items[2].id]  # the locked row is skipped, not waited for
        repo.mark_sent(first, mine[0].id)
        first.commit()
        second.rollback()
        again = repo.due_outbox(second, now=T + timedelta(minutes=1))
        assert [i.id for i in again] == [items[1].id, items[2].id]
    finally:
        first.close()
        second.close()
    with pg_db.transaction() as session:
        assert session.get_one(OutboxItem, items[0].id).sent_at is not None
