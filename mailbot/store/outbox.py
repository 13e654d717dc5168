"""The persistent outbox: replies queued with a fixed Message-ID, sent and retried with backoff.

A sender takes one item at a time. On PostgreSQL it locks the row FOR UPDATE SKIP LOCKED and holds
the lock through the SMTP transaction, recording ``mark_sent`` or ``mark_failed`` before it commits:
other senders skip the row, and if the process dies the database drops the lock and the next sender
takes the row at once. On SQLite, which has no row locks, ``claim_next`` writes the sender's identity
(host, pid, process start) on the row; a claim whose process is gone is no claim, so a reply whose
sender was killed is sent by the next run at once, with no claim time to wait out. Keep the window
between the SMTP server's acceptance and ``mark_sent`` short: a crash inside it is the only way one
message (same Message-ID) goes out twice.
"""

from __future__ import annotations

import os
import socket
import time
from datetime import datetime, timedelta
from email.parser import BytesHeaderParser
from email.policy import default as default_policy

from sqlalchemy import select
from sqlalchemy.orm import Session

from mailbot.store.errors import NotFound
from mailbot.store.models import Message, OutboxItem, utcnow

FIRST_RETRY = timedelta(seconds=5)  # an SMTP server that said 451 is asked again within seconds …
LONGEST_RETRY = timedelta(minutes=1)  # … and never more than a minute apart while the outage lasts
GIVE_UP_AFTER = timedelta(hours=24)  # then a person looks (a temporary failure that lasts a day is none)
MAX_ERROR_CHARS = 2000
FOREIGN_CLAIM = timedelta(minutes=15)  # a claim by another host, whose processes we cannot see


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


def process_identity() -> str:
    """This process, as a claim names it: host, pid, the process's start, and when the claim was made."""
    return f"{socket.gethostname()}:{os.getpid()}:{_start_of(os.getpid())}:{int(time.time())}"


def claim_is_live(claimed_by: str | None, now: datetime | None = None) -> bool:
    """Whether the process that wrote this claim still runs (pid reuse is told by the start time)."""
    if not claimed_by:
        return False
    try:
        host, pid_text, start, made = claimed_by.rsplit(":", 3)
        pid = int(pid_text)
    except ValueError:
        return False
    if host != socket.gethostname():  # another machine's process: trust its claim for a while
        made_at = datetime.fromtimestamp(int(made), tz=(now or utcnow()).tzinfo) if made.isdigit() else None
        return made_at is not None and (now or utcnow()) - made_at < FOREIGN_CLAIM
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        pass
    return _start_of(pid) == start


def _start_of(pid: int) -> str:
    """When the process started, in clock ticks since boot (Linux); "" where /proc is not there."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return ""
    return stat.rsplit(b")", 1)[-1].split()[19].decode()


def claim_next(session: Session, me: str, now: datetime | None = None) -> OutboxItem | None:
    """The oldest due item no live process holds, claimed for ``me`` (SQLite: the caller's transaction
    holds the write lock while the claim is made, so two senders never claim one item)."""
    now = now or utcnow()
    query = (
        select(OutboxItem)
        .where(OutboxItem.sent_at.is_(None), OutboxItem.next_attempt_at <= now)
        .order_by(OutboxItem.next_attempt_at, OutboxItem.id)
        .limit(50)
    )
    for item in session.scalars(query):
        if item.claimed_by is None or not claim_is_live(item.claimed_by, now):
            item.claimed_by = me
            session.flush()
            return item
    return None


def release_claims(session: Session, me: str) -> int:
    """Claims this process still holds (it is stopping): the items are free for the next sender."""
    items = list(session.scalars(select(OutboxItem).where(OutboxItem.claimed_by == me)))
    for item in items:
        item.claimed_by = None
    session.flush()
    return len(items)


def waiting(session: Session) -> tuple[int, datetime | None]:
    """How many replies wait to be sent, and since when the oldest waits."""
    rows = list(session.execute(select(OutboxItem.created_at).where(
        OutboxItem.sent_at.is_(None), OutboxItem.next_attempt_at.is_not(None))))
    return len(rows), min((r[0] for r in rows), default=None)


def retry_now(session: Session, now: datetime | None = None) -> int:
    """A service that starts tries every waiting reply at once, whatever retry time was saved before
    (the operator who fixed the SMTP server and restarts expects the mail to flow)."""
    now = now or utcnow()
    items = list(session.scalars(select(OutboxItem).where(
        OutboxItem.sent_at.is_(None), OutboxItem.next_attempt_at > now)))
    for item in items:
        item.next_attempt_at = now
    session.flush()
    return len(items)


def mark_sent(session: Session, item_id: int, at: datetime | None = None) -> OutboxItem:
    """Record that the SMTP server accepted the item, and keep the message among the conversation's."""
    item = _get(session, item_id)
    if item.sent_at is not None:
        return item
    at = at or utcnow()
    item.attempts += 1
    item.sent_at = at
    item.next_attempt_at = None
    item.claimed_by = None
    headers = BytesHeaderParser(policy=default_policy).parsebytes(item.raw)
    # As a message row its Message-ID finds the conversation when the client's reply cites it.
    session.add(Message(direction="out", message_id=item.message_id, conversation_id=item.conversation_id,
                        raw=item.raw, sender=_header(headers.get("from")), subject=_header(headers.get("subject")),
                        in_reply_to=_header(headers.get("in-reply-to")) or None, received_at=at,
                        processed_at=at, state="sent"))
    session.flush()
    return item


def mark_failed(session: Session, item_id: int, error: str, now: datetime | None = None) -> OutboxItem:
    """Record a failed attempt and when to try again; after GIVE_UP_AFTER of failures ``next_attempt_at``
    is None and a person looks."""
    item = _get(session, item_id)
    now = now or utcnow()
    item.attempts += 1
    item.last_error = error[:MAX_ERROR_CHARS]
    item.claimed_by = None
    created = item.created_at if item.created_at.tzinfo else item.created_at.replace(tzinfo=now.tzinfo)
    item.next_attempt_at = None if now - created >= GIVE_UP_AFTER else now + retry_delay(item.attempts)
    session.flush()
    return item


def retry_delay(attempts: int) -> timedelta:
    """5, 10, 20, 40 seconds after the 1st, 2nd, 3rd, 4th failure, then every minute."""
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
