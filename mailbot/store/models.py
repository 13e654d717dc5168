"""The tables, as typed SQLAlchemy models.

These models are what the code reads and writes; the schema itself is made by the Alembic revisions
in ``migrations/``, which also add what the models cannot express portably: the rules that no
supervisor has two overlapping confirmed bookings or two overlapping live holds (an exclusion
constraint on PostgreSQL, triggers on SQLite). ``tests/store/test_schema.py`` checks that the two
agree.

Every time is UTC (``UTCDateTime``). Message-IDs are kept as they appear in headers, angle brackets
included.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from mailbot.store.types import UTCDateTime

# Fixed constraint names, so that later migrations can name what they alter on both databases.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSONType}


class Conversation(Base):
    """One client thread, known to the client by its public reference (``AV-7KQ3``)."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    client_email: Mapped[str] = mapped_column(String(320))
    client_name: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8), default="fi", server_default="fi")
    state: Mapped[str] = mapped_column(String(32), default="new", server_default="new")
    # What was understood of the client's words. Assign a new dict to change it: edits in place go unseen.
    parsed: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    messages: Mapped[list[Message]] = relationship(order_by="Message.id", viewonly=True)
    holds: Mapped[list[Hold]] = relationship(order_by="Hold.id", viewonly=True)
    bookings: Mapped[list[Booking]] = relationship(order_by="Booking.id", viewonly=True)


class Message(Base):
    """Every message in or out, stored before it is acted on; ``raw`` is emptied by retention."""

    __tablename__ = "messages"
    __table_args__ = (
        # One mailbox UID is one message; NULLs (outbound) never collide.
        UniqueConstraint("uidvalidity", "uid"),
        CheckConstraint("direction IN ('in', 'out')", name="direction"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)  # IMAP values are unsigned 32-bit
    uid: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"), index=True)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    sender: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(Text, default="", server_default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None]
    state: Mapped[str] = mapped_column(String(32), default="new", server_default="new")


class Hold(Base):
    """A slot offered in a proposal, reserved until released.

    A hold stops reserving only when ``released_at`` is set: ``expires_at`` is when the scheduled job
    (``release_expired_holds``) should release it, and until it has, the database still counts it.
    """

    __tablename__ = "holds"
    __table_args__ = (
        CheckConstraint('start < "end"', name="start_before_end"),
        Index(None, "supervisor_id", "start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    supervisor_id: Mapped[str] = mapped_column(String(64))
    start: Mapped[datetime]
    end: Mapped[datetime]
    expires_at: Mapped[datetime]
    released_at: Mapped[datetime | None]
    option_number: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 … as numbered in the proposal


class Booking(Base):
    """A confirmed appointment; a cancellation keeps the row and raises the iCalendar SEQUENCE."""

    __tablename__ = "bookings"
    __table_args__ = (
        CheckConstraint('start < "end"', name="start_before_end"),
        CheckConstraint("state IN ('confirmed', 'cancelled')", name="state"),
        Index(None, "supervisor_id", "start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    # The hold it was confirmed from: confirming one hold twice gives back the same booking.
    hold_id: Mapped[int | None] = mapped_column(ForeignKey("holds.id"), unique=True)
    supervisor_id: Mapped[str] = mapped_column(String(64))
    start: Mapped[datetime]
    end: Mapped[datetime]
    ical_uid: Mapped[str] = mapped_column(String(255), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    state: Mapped[str] = mapped_column(String(16), default="confirmed", server_default="confirmed")
    # The client's PARTSTAT as last reported by an iTIP reply.
    attendee_status: Mapped[str] = mapped_column(String(32), default="NEEDS-ACTION", server_default="NEEDS-ACTION")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]


class OutboxItem(Base):
    """A reply waiting to be sent; its Message-ID is fixed when queued so a retry is the same message."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"), index=True)
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    to_addr: Mapped[str] = mapped_column(Text)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    # NULL once sent or given up on, so that the due query never sees it again.
    next_attempt_at: Mapped[datetime | None] = mapped_column(index=True)
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The process sending it now ("host:pid:start"); a claim whose process is gone is no claim (0003).
    claimed_by: Mapped[str | None] = mapped_column(String(200))


# the loop guard counts the messages one address sent in the last day, for every message (migration 0004)
Index("ix_messages_sender_received_at", Message.sender, Message.received_at)


class ReviewItem(Base):
    """Something a person has to look at: a message the service could not handle on its own."""

    __tablename__ = "review_items"
    __table_args__ = (CheckConstraint("state IN ('open', 'done')", name="state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(8), default="open", server_default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[datetime | None]


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class AuditEntry(Base):
    """Who did what, when: the service itself (actor ``mailbot``) or a staff user by name."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"), index=True)
    detail: Mapped[dict[str, Any] | None]
