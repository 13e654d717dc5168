"""The persistent outbox: replies queued with a fixed Message-ID, sent and retried with backoff.

A sender takes ``due_outbox`` rows, sends each, and records ``mark_sent`` or ``mark_failed`` in the
same transaction. On PostgreSQL the rows are locked FOR UPDATE SKIP LOCKED, so several senders
share the queue without sending one message twice; on SQLite the transaction holds the database's
single write lock instead. Keep the window between the SMTP server's acceptance and ``mark_sent``
short: a crash inside it is the only way one message (same Message-ID) goes out twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.parser import BytesHeaderParser
from email.policy import default as default_policy

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.store.errors import NotFound
from mailbot.store.models import Message, OutboxItem, utcnow

FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
MAX_ATTEMPTS = 12  # about six hours of retries, then the item waits for a person
MAX_ERROR_CHARS = 2000


def queue_outbox(session: Session, *, message_id: str, to_addr: str, raw: bytes,
                 conversation_id: int | None = None, now: datetime | None = None) -> OutboxItem:
    """Queue a message for sending now; queuing the same Message-ID again returns the queued one."""
    existing = session.scalar(select(OutboxItem).where(OutboxItem.message_id == message_id))
    if existing is not None:
        return existing
    now = now or utcnow()
    item = OutboxItem(conversation_id=conversation_id, message_id=message_id, to_addr=to_addr, raw=raw,
                      next_attempt_at=now, created_at=now)
    session.add(item)
    session.flush()
    return item


def due_outbox(session: Session, now: datetime | None = None, limit: int = 20) -> list[OutboxItem]:
    """Unsent items whose next attempt is due, oldest first, locked for this transaction."""
    query = (
        select(OutboxItem)
        .where(OutboxItem.sent_at.is_(None), OutboxItem.next_attempt_at <= (now or utcnow()))
        .order_by(OutboxItem.next_attempt_at, OutboxItem.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return list(session.scalars(query))


def mark_sent(session: Session, item_id: int, at: datetime | None = None) -> OutboxItem:
    """Record that the SMTP server accepted the item, and keep the message among the conversation's."""
    item = _get(session, item_id)
    if item.sent_at is not None:
        return item
    at = at or utcnow()
    item.attempts += 1
    item.sent_at = at
    item.next_attempt_at = None
    headers = BytesHeaderParser(policy=default_policy).parsebytes(item.raw)
    # As a message row its Message-ID finds the conversation when the client's reply cites it.
    session.add(Message(direction="out", message_id=item.message_id, conversation_id=item.conversation_id,
                        raw=item.raw, sender=_header(headers.get("from")), subject=_header(headers.get("subject")),
                        in_reply_to=_header(headers.get("in-reply-to")) or None, received_at=at,
                        processed_at=at, state="sent"))
    session.flush()
    return item


def mark_failed(session: Session, item_id: int, error: str, now: datetime | None = None) -> OutboxItem:
    """Record a failed attempt and when to try again; after MAX_ATTEMPTS ``next_attempt_at`` is None."""
    item = _get(session, item_id)
    now = now or utcnow()
    item.attempts += 1
    item.last_error = error[:MAX_ERROR_CHARS]
    item.next_attempt_at = None if item.attempts >= MAX_ATTEMPTS else now + retry_delay(item.attempts)
    session.flush()
    return item


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after the 1st, 2nd, 3rd … failure, never more than an hour."""
    doublings = min(max(attempts - 1, 0), 16)  # past the cap anyway; keeps the power small
    delay: timedelta = FIRST_RETRY * 2**doublings
    return min(delay, LONGEST_RETRY)


def _get(session: Session, item_id: int) -> OutboxItem:
    item = session.get(OutboxItem, item_id)
    if item is None:
        raise NotFound(f"no outbox item {item_id}")
    return item


def _header(value: object) -> str:
    return str(value) if value is not None else ""
