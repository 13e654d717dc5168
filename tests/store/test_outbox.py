"""The outbox: queued once, due in order, retried with backoff, and shared by senders on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mailbot.store import Conversation, Database, OutboxItem, repo
from mailbot.store.outbox import MAX_ATTEMPTS

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


def test_a_failure_waits_longer_each_time_then_gives_up(db: Database) -> None:
    [item] = queue(db, 1)
    waits = []
    with db.transaction() as session:
        for _ in range(MAX_ATTEMPTS):
            failed = repo.mark_failed(session, item.id, "421 try later", now=T)
            waits.append(failed.next_attempt_at)
        assert failed.attempts == MAX_ATTEMPTS
        assert failed.last_error == "421 try later"
        assert repo.due_outbox(session, now=T + timedelta(days=365)) == []
    assert waits[:3] == [T + timedelta(minutes=1), T + timedelta(minutes=2), T + timedelta(minutes=4)]
    assert waits[-2] == T + timedelta(hours=1)
    assert waits[-1] is None


def test_a_failed_item_is_due_again_after_its_backoff(db: Database) -> None:
    [item] = queue(db, 1)
    with db.transaction() as session:
        repo.mark_failed(session, item.id, "timeout", now=T)
        assert repo.due_outbox(session, now=T + timedelta(seconds=59)) == []
        assert [i.id for i in repo.due_outbox(session, now=T + timedelta(minutes=1))] == [item.id]


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
