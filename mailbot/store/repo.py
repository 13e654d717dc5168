"""The repository functions the rest of mailbot uses; each takes the caller's Session.

Nothing here commits: the caller decides what one unit of work is (``Database.transaction()``).
This module holds conversations, messages, review items and the audit log; holds and bookings are
in ``reservations``, the outbox in ``outbox``, and all of them are importable from here and from
``mailbot.store``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mailbot.store.errors import NotFound, StoreError
from mailbot.store.models import AuditEntry, Booking, Conversation, Message, OutboxItem, ReviewItem, utcnow
from mailbot.store.outbox import (
    claim_next,
    due_outbox,
    mark_failed,
    mark_sent,
    process_identity,
    queue_outbox,
    release_claims,
    retry_delay,
    retry_now,
    waiting,
)
from mailbot.store.reservations import (
    SlotLike,
    active_booking,
    add_holds,
    book,
    booking_by_uid,
    bookings_overlapping,
    cancel_booking,
    confirm_booking,
    last_offered,
    live_holds,
    live_holds_overlapping,
    move_booking,
    new_ical_uid,
    release_expired_holds,
    release_holds,
    taken,
)

# No 0/O, 1/I/L or U: a reference is read off a screen or a phone call and typed back.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "AV-"
REFERENCE_TRIES = 20  # 30**4 = 810,000 references; a run of 20 collisions means something is broken


def new_reference() -> str:
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4))


def create_conversation(session: Session, *, client_email: str, client_name: str | None = None,
                        language: str = "fi", state: str = "new", parsed: dict[str, Any] | None = None,
                        now: datetime | None = None,
                        make_reference: Callable[[], str] = new_reference) -> Conversation:
    """A new conversation with a reference no other has; another process may draw the same one at once,
    so the database's unique index decides and a collision draws again."""
    now = now or utcnow()
    for _ in range(REFERENCE_TRIES):
        reference = make_reference()
        if conversation_by_reference(session, reference) is not None:
            continue
        conversation = Conversation(reference=reference, client_email=client_email, client_name=client_name,
                                    language=language, state=state, parsed=parsed, created_at=now, updated_at=now)
        try:
            with session.begin_nested():
                session.add(conversation)
        except IntegrityError:
            continue
        return conversation
    raise StoreError(f"no free conversation reference after {REFERENCE_TRIES} tries")


def conversation_by_reference(session: Session, reference: str) -> Conversation | None:
    """The conversation with this reference, however the client cased or spaced it."""
    wanted = reference.strip().upper()
    return session.scalar(select(Conversation).where(Conversation.reference == wanted))


def conversation_by_message_id(session: Session, message_id: str) -> Conversation | None:
    """The conversation a message in or out belongs to, found by its Message-ID (brackets included).

    Outbox items count too, so a reply to a message whose sending was not yet recorded still finds
    its thread.
    """
    for table in (Message, OutboxItem):
        query = (
            select(Conversation)
            .join(table, table.conversation_id == Conversation.id)
            .where(table.message_id == message_id)
            .order_by(table.id)
            .limit(1)
        )
        found = session.scalar(query)
        if found is not None:
            return found
    return None


def store_inbound(session: Session, raw: bytes, *, uidvalidity: int | None, uid: int | None,
                  message_id: str | None, in_reply_to: str | None = None, sender: str | None = None,
                  subject: str = "", received_at: datetime | None = None,
                  conversation_id: int | None = None) -> tuple[Message, bool]:
    """Store an inbound message before acting on it; returns it and whether it is new.

    A message seen before, by the same mailbox UID or the same Message-ID and content (a second copy, or
    one re-fetched after the UIDVALIDITY changed), is returned as stored, so processing stays
    idempotent; another message that only shares the Message-ID is a message of its own.
    """
    existing = _inbound(session, uidvalidity, uid, message_id, raw, sender)
    if existing is not None:
        return existing, False
    message = Message(direction="in", uidvalidity=uidvalidity, uid=uid, message_id=message_id,
                      in_reply_to=in_reply_to, conversation_id=conversation_id, raw=raw, sender=sender,
                      subject=subject, received_at=received_at or utcnow())
    try:
        with session.begin_nested():
            session.add(message)
    except IntegrityError:
        # Another process stored the same UID between our look and our insert.
        existing = _inbound(session, uidvalidity, uid, message_id, raw, sender)
        if existing is None:
            raise
        return existing, False
    return message, True


def mark_processed(session: Session, message_id: int, state: str = "processed",
                   at: datetime | None = None) -> Message:
    """Record that a stored message has been acted on (``state`` says how)."""
    message = session.get(Message, message_id)
    if message is None:
        raise NotFound(f"no message {message_id}")
    message.processed_at = at or utcnow()
    message.state = state
    session.flush()
    return message


def unprocessed_inbound(session: Session) -> list[Message]:
    """Inbound messages stored but not yet acted on, oldest first: the work a crash left behind."""
    query = select(Message).where(Message.direction == "in", Message.processed_at.is_(None))
    return list(session.scalars(query.order_by(Message.id)))


def claim_message(session: Session, message_id: int) -> Message | None:
    """The stored message, locked for this transaction; None while another worker holds it (PostgreSQL's
    SKIP LOCKED; SQLite serialises writers anyway)."""
    return session.scalar(select(Message).where(Message.id == message_id).with_for_update(skip_locked=True))


def purge_bodies(session: Session, cutoff: datetime) -> int:
    """Forget the raw text of messages of conversations untouched since ``cutoff`` (and of machine mail and
    unreadable mail received before it), and of our replies sent before it; how many bodies went."""
    stale = select(Conversation.id).where(Conversation.updated_at < cutoff)
    kept_too_long = Message.conversation_id.in_(stale) | (
        Message.conversation_id.is_(None) & (Message.received_at < cutoff))
    purged = session.execute(update(Message).where(kept_too_long, Message.raw.is_not(None)).values(raw=None))
    # our own replies quote the client's times and name: sent ones go the same way
    sent = session.execute(update(OutboxItem).where(OutboxItem.sent_at.is_not(None), OutboxItem.sent_at < cutoff,
                                                    OutboxItem.raw != b"").values(raw=b""))
    return (purged.rowcount or 0) + (sent.rowcount or 0)  # type: ignore[attr-defined]


def due_reminders(session: Session, now: datetime, until: datetime) -> list[Booking]:
    """Confirmed bookings starting after ``now`` and by ``until``, locked (another worker skips them)."""
    return list(session.scalars(select(Booking).where(Booking.state == "confirmed", Booking.start > now,
                                                      Booking.start <= until)
                                .order_by(Booking.start).with_for_update(skip_locked=True)))


def audited(session: Session, action: str, conversation_id: int) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action,
                                                         AuditEntry.conversation_id == conversation_id)))


# the states of a message that got an automatic answer (a series' several invitations are one answer)
ANSWERED_STATES = ("proposed", "booked", "cancelled", "review")


def answered_since(session: Session, sender: str, since: datetime) -> int:
    """Messages from ``sender`` received since ``since`` that were answered automatically (the loop guard's
    count; the index ``ix_messages_sender_received_at`` serves it)."""
    return session.scalar(select(func.count(Message.id)).where(
        Message.sender == sender, Message.received_at >= since, Message.direction == "in",
        Message.state.in_(ANSWERED_STATES))) or 0


def open_review_item(session: Session, reason: str, *, conversation_id: int | None = None,
                     message_id: int | None = None, now: datetime | None = None) -> ReviewItem:
    """Put something before staff; the same message with the same reason is queued once."""
    if message_id is not None:
        existing = session.scalar(select(ReviewItem).where(
            ReviewItem.message_id == message_id, ReviewItem.reason == reason, ReviewItem.state == "open"))
        if existing is not None:
            return existing
    item = ReviewItem(conversation_id=conversation_id, message_id=message_id, reason=reason,
                      created_at=now or utcnow())
    session.add(item)
    session.flush()
    return item


def open_review_items(session: Session) -> list[ReviewItem]:
    """Items waiting for staff, oldest first."""
    query = select(ReviewItem).where(ReviewItem.state == "open")
    return list(session.scalars(query.order_by(ReviewItem.created_at, ReviewItem.id)))


def resolve_review_item(session: Session, item_id: int, by: str, at: datetime | None = None) -> ReviewItem:
    item = session.get(ReviewItem, item_id)
    if item is None:
        raise NotFound(f"no review item {item_id}")
    if item.state == "open":
        item.state, item.resolved_by, item.resolved_at = "done", by, at or utcnow()
        session.flush()
    return item


def audit(session: Session, actor: str, action: str, *, conversation_id: int | None = None,
          detail: dict[str, Any] | None = None, at: datetime | None = None) -> AuditEntry:
    """Append to the audit log: ``actor`` is ``mailbot`` or a staff user's name."""
    entry = AuditEntry(at=at or utcnow(), actor=actor, action=action, conversation_id=conversation_id,
                       detail=detail)
    session.add(entry)
    session.flush()
    return entry


def _inbound(session: Session, uidvalidity: int | None, uid: int | None, message_id: str | None,
             raw: bytes | None = None, sender: str | None = None) -> Message | None:
    """The stored copy of this message: the same mailbox UID, or the same Message-ID *and* the same
    content (a Message-ID alone is no identity: two senders, or broken ids, can share one)."""
    if uidvalidity is not None and uid is not None:
        found = session.scalar(select(Message).where(
            Message.direction == "in", Message.uidvalidity == uidvalidity, Message.uid == uid))
        if found is not None:
            return found
    if not message_id:
        return None
    for candidate in session.scalars(select(Message).where(
            Message.direction == "in", Message.message_id == message_id).order_by(Message.id)):
        if raw is None:
            return candidate
        if candidate.raw is not None:
            if candidate.raw == raw:
                return candidate
        elif candidate.sender == sender:  # its body purged after the retention time: the sender decides
            return candidate
    return None


__all__ = [
    "ANSWERED_STATES", "SlotLike", "active_booking", "add_holds", "answered_since", "audit", "audited", "book",
    "booking_by_uid", "bookings_overlapping", "cancel_booking", "claim_message", "claim_next", "confirm_booking",
    "conversation_by_message_id", "conversation_by_reference", "create_conversation", "due_outbox", "due_reminders",
    "last_offered", "live_holds", "live_holds_overlapping", "mark_failed", "mark_processed", "mark_sent",
    "move_booking", "new_ical_uid", "new_reference", "purge_bodies",
    "open_review_item", "open_review_items", "process_identity", "queue_outbox", "release_claims",
    "release_expired_holds", "release_holds", "resolve_review_item", "retry_delay", "retry_now", "store_inbound",
    "taken", "unprocessed_inbound", "waiting",
]
