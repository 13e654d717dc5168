"""Holds and bookings: reserving a supervisor's time so that no two clients get the same hour.

The database is the judge. It refuses a second live hold, or a second confirmed booking, that
overlaps one of the same supervisor ([start, end): back-to-back is fine); these functions turn the
refusal into ``SlotTaken``. Each works inside a savepoint, so after ``SlotTaken`` the caller's
transaction is intact and nothing of the failed call remains.

On PostgreSQL, every change to holds and bookings first takes one transaction-level advisory lock, so
that workers change reservations one at a time. Two transactions inserting overlapping rows at once
would each wait for the other while checking the EXCLUDE constraint, and PostgreSQL would end one of
them as a deadlock; with the lock the second waits for the first to commit and then meets a plain
refusal (``SlotTaken``), which the caller answers by searching again. The lock is held to the end of
the transaction and is cheap to take again in it; SQLite serialises writers anyway.

A hold stops counting when it is released, not when ``expires_at`` passes: a scheduled job calls
``release_expired_holds``. Until then an expired hold still blocks, in the database and in
``live_holds_overlapping`` alike, so the two never disagree.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Protocol, cast

from sqlalchemy import CursorResult, Result, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mailbot.calendars.base import Interval
from mailbot.store.errors import NotFound, SlotTaken
from mailbot.store.models import Booking, Hold, utcnow

EXCLUSION_VIOLATION = "23P01"  # PostgreSQL's SQLSTATE for a row an EXCLUDE constraint refused
RESERVATIONS_LOCK = 0x6D61696C626F74  # the advisory lock's key ("mailbot" in ASCII)


class SlotLike(Protocol):
    """Anything with a supervisor and a time, such as ``mailbot.booking.slots.Slot``."""

    @property
    def supervisor_id(self) -> str: ...
    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...


def add_holds(session: Session, conversation_id: int, options: Sequence[Sequence[SlotLike]],
              expires_at: datetime) -> list[Hold]:
    """Hold every slot of a proposal, option 1 first; all of them or, with ``SlotTaken``, none."""
    serialise(session)
    holds: list[Hold] = []
    numbered = [(number, slot) for number, slots in enumerate(options, start=1) for slot in slots]
    with session.begin_nested():
        # in one order for every process (supervisor, then time): two workers proposing overlapping times wait
        # for each other at the first shared slot instead of each holding one the other needs (a deadlock)
        for number, slot in sorted(numbered, key=lambda ns: (ns[1].supervisor_id, ns[1].start, ns[0])):
            hold = Hold(conversation_id=conversation_id, supervisor_id=slot.supervisor_id,
                        start=slot.start, end=slot.end, expires_at=expires_at, option_number=number)
            # One flush per hold, so that a refusal names the slot it was about.
            _insert(session, hold, f"{slot.supervisor_id} is already held {_span(slot)}")
            holds.append(hold)
    return sorted(holds, key=lambda h: (h.option_number, h.start))


def release_holds(session: Session, hold_ids: Iterable[int], at: datetime | None = None) -> int:
    """Release the given holds that are still live; returns how many were."""
    ids = list(hold_ids)
    if not ids:
        return 0
    serialise(session)
    query = update(Hold).where(Hold.id.in_(ids), Hold.released_at.is_(None)).values(released_at=at or utcnow())
    return _count(session.execute(query))


def release_expired_holds(session: Session, now: datetime | None = None) -> int:
    """Release every live hold whose time to answer has run out; returns how many."""
    serialise(session)
    now = now or utcnow()
    query = update(Hold).where(Hold.released_at.is_(None), Hold.expires_at <= now).values(released_at=now)
    return _count(session.execute(query))


def live_holds_overlapping(session: Session, start: datetime, end: datetime,
                           supervisor_id: str | None = None) -> list[Hold]:
    """Holds not yet released that overlap [start, end), of one supervisor or of all; by start."""
    query = select(Hold).where(Hold.released_at.is_(None), Hold.start < end, Hold.end > start)
    if supervisor_id is not None:
        query = query.where(Hold.supervisor_id == supervisor_id)
    return list(session.scalars(query.order_by(Hold.start, Hold.id)))


def confirm_booking(session: Session, hold_id: int, *, ical_uid: str | None = None,
                    at: datetime | None = None) -> Booking:
    """Turn a hold into a confirmed booking, releasing the hold; ``SlotTaken`` if the time is gone.

    Confirming the same hold again returns its booking unchanged, so a rerun after a crash does not
    book twice. A hold released already (it expired) is still booked if nobody else has the time.
    """
    serialise(session)
    hold = session.get(Hold, hold_id, with_for_update=True)  # two confirmations of one hold queue up
    if hold is None:
        raise NotFound(f"no hold {hold_id}")
    done = session.scalar(select(Booking).where(Booking.hold_id == hold_id))
    if done is not None:
        return done
    at = at or utcnow()
    with session.begin_nested():
        others = [h for h in live_holds_overlapping(session, hold.start, hold.end, hold.supervisor_id)
                  if h.id != hold.id]
        if others:
            raise SlotTaken(f"{hold.supervisor_id} is already held {_span(hold)}", hold.supervisor_id)
        if hold.released_at is None:
            hold.released_at = at
        booking = book(session, hold.conversation_id, hold, ical_uid=ical_uid, at=at, hold_id=hold.id)
    return booking


def book(session: Session, conversation_id: int, slot: SlotLike, *, ical_uid: str | None = None,
         at: datetime | None = None, hold_id: int | None = None) -> Booking:
    """Book a time, without a hold (staff booking by hand) or from one; ``SlotTaken`` if it overlaps."""
    serialise(session)
    booking = Booking(conversation_id=conversation_id, hold_id=hold_id, supervisor_id=slot.supervisor_id,
                      start=slot.start, end=slot.end, ical_uid=ical_uid or new_ical_uid(), created_at=at or utcnow())
    _insert(session, booking, f"{slot.supervisor_id} is already booked {_span(slot)}")
    return booking


def cancel_booking(session: Session, booking_id: int, at: datetime | None = None) -> Booking:
    """Cancel a booking: its time is free again and its SEQUENCE grows for the iCalendar CANCEL.

    Cancelling a cancelled booking changes nothing, so the cancellation goes out once.
    """
    serialise(session)
    booking = session.get(Booking, booking_id, with_for_update=True)
    if booking is None:
        raise NotFound(f"no booking {booking_id}")
    if booking.state != "cancelled":
        booking.state = "cancelled"
        booking.sequence += 1
        booking.cancelled_at = at or utcnow()
        session.flush()
    return booking


def live_holds(session: Session, conversation_id: int) -> list[Hold]:
    """A conversation's holds not yet released, by option and time."""
    query = select(Hold).where(Hold.conversation_id == conversation_id, Hold.released_at.is_(None))
    return list(session.scalars(query.order_by(Hold.option_number, Hold.start)))


def last_offered(session: Session, conversation_id: int) -> list[Hold]:
    """The holds of the conversation's last proposal (they share its expiry), released or not."""
    last = session.scalar(select(Hold.expires_at).where(Hold.conversation_id == conversation_id)
                          .order_by(Hold.id.desc()).limit(1))
    if last is None:
        return []
    query = select(Hold).where(Hold.conversation_id == conversation_id, Hold.expires_at == last)
    return list(session.scalars(query.order_by(Hold.option_number, Hold.start)))


def active_booking(session: Session, conversation_id: int) -> Booking | None:
    """The conversation's first confirmed booking."""
    return session.scalar(select(Booking).where(Booking.conversation_id == conversation_id,
                                                Booking.state == "confirmed").order_by(Booking.start))


def booking_by_uid(session: Session, ical_uid: str) -> Booking | None:
    return session.scalar(select(Booking).where(Booking.ical_uid == ical_uid))


def move_booking(session: Session, booking: Booking, slot: SlotLike) -> Booking:
    """Move a booking to another time, keeping its UID; its SEQUENCE grows. ``SlotTaken`` if the time overlaps
    another booking of the supervisor (and then the booking is as it was)."""
    serialise(session)
    before = (booking.supervisor_id, booking.start, booking.end, booking.sequence)
    try:
        with session.begin_nested():
            booking.supervisor_id, booking.start, booking.end = slot.supervisor_id, slot.start, slot.end
            booking.sequence += 1
            session.flush()
    except IntegrityError as exc:
        booking.supervisor_id, booking.start, booking.end, booking.sequence = before
        if _is_overlap(exc):
            raise SlotTaken(f"{slot.supervisor_id} is already booked {_span(slot)}", slot.supervisor_id) from exc
        raise
    return booking


def bookings_overlapping(session: Session, supervisor_id: str, start: datetime, end: datetime) -> list[Booking]:
    """The supervisor's confirmed bookings that overlap [start, end), by start."""
    query = select(Booking).where(Booking.supervisor_id == supervisor_id, Booking.state == "confirmed",
                                  Booking.start < end, Booking.end > start)
    return list(session.scalars(query.order_by(Booking.start, Booking.id)))


def taken(session: Session, supervisor_id: str, start: datetime, end: datetime) -> list[Interval]:
    """Live holds and confirmed bookings of a supervisor over [start, end): the slot search's ``taken``."""
    # only the two columns: the slot search asks this for every eligible supervisor on every request
    holds = select(Hold.start, Hold.end).where(Hold.supervisor_id == supervisor_id, Hold.released_at.is_(None),
                                               Hold.start < end, Hold.end > start)
    bookings = select(Booking.start, Booking.end).where(Booking.supervisor_id == supervisor_id,
                                                        Booking.state == "confirmed", Booking.start < end,
                                                        Booking.end > start)
    rows = [*session.execute(holds), *session.execute(bookings)]
    return [Interval(a, b) for a, b in sorted((r[0], r[1]) for r in rows)]


def serialise(session: Session) -> None:
    """Take the reservations lock for the rest of the transaction (PostgreSQL; see the module's text)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": RESERVATIONS_LOCK})


def new_ical_uid() -> str:
    return f"{uuid.uuid4()}@mailbot"


def _insert(session: Session, row: Hold | Booking, taken_message: str) -> None:
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError as exc:
        if _is_overlap(exc):
            raise SlotTaken(taken_message, row.supervisor_id) from exc
        raise


def _is_overlap(exc: IntegrityError) -> bool:
    """Whether the database refused the row for overlapping; other integrity errors are bugs."""
    if getattr(exc.orig, "sqlstate", None) == EXCLUSION_VIOLATION:
        return True
    return str(exc.orig) in ("overlapping booking", "overlapping hold")  # the SQLite triggers' words


def _count(result: Result[Any]) -> int:
    return cast(CursorResult[Any], result).rowcount  # an UPDATE's result is always a cursor's


def _span(slot: SlotLike) -> str:
    return f"from {slot.start.isoformat()} to {slot.end.isoformat()}"
