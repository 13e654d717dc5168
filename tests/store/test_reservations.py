"""Holds and bookings: the database itself refuses overlapping live ones of one supervisor."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from mailbot.booking.slots import Slot
from mailbot.calendars.base import Interval
from mailbot.store import Booking, Conversation, Database, Hold, NotFound, SlotTaken, repo
from mailbot.store.types import to_sqlite_text


def t(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def slot(hour: int, minutes: int = 60, supervisor: str = "aino", start_minute: int = 0) -> Slot:
    start = t(hour, start_minute)
    return Slot(supervisor, start, start + timedelta(minutes=minutes))


def book(db: Database, conversation: Conversation, s: Slot) -> Booking:
    with db.transaction() as session:
        return repo.book(session, conversation.id, s)


def hold(db: Database, conversation: Conversation, *slots: Slot) -> list[Hold]:
    with db.transaction() as session:
        return repo.add_holds(session, conversation.id, [list(slots)], expires_at=t(8))


def raw_booking(db: Database, conversation_id: int, start: datetime, end: datetime, uid: str) -> None:
    """Insert a booking with hand-written SQL and literal time text, past every line of mailbot's Python."""
    with db.engine.begin() as connection:
        connection.execute(
            text('INSERT INTO bookings (conversation_id, supervisor_id, start, "end", ical_uid, created_at)'
                 " VALUES (:c, 'aino', :s, :e, :u, :s)"),
            {"c": conversation_id, "s": to_sqlite_text(start), "e": to_sqlite_text(end), "u": uid},
        )


# bookings


def test_an_overlapping_booking_is_refused(db: Database, conversation: Conversation) -> None:
    book(db, conversation, slot(9))
    with pytest.raises(SlotTaken, match="aino is already booked"):
        book(db, conversation, slot(9, start_minute=30))
    with pytest.raises(SlotTaken):
        book(db, conversation, slot(8, minutes=180))  # around it
    with db.transaction() as session:
        assert len(repo.bookings_overlapping(session, "aino", t(0), t(23))) == 1


def test_the_database_refuses_an_overlap_written_in_raw_sql(db: Database, conversation: Conversation) -> None:
    raw_booking(db, conversation.id, t(9), t(10), "a@test")
    with pytest.raises(IntegrityError, match="overlapping booking|bookings_no_overlap"):
        raw_booking(db, conversation.id, t(9, 59), t(11), "b@test")
    raw_booking(db, conversation.id, t(10), t(11), "c@test")  # back to back is fine
    with db.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM bookings")) == 2


def test_raw_sql_cannot_move_a_booking_onto_another(db: Database, conversation: Conversation) -> None:
    raw_booking(db, conversation.id, t(9), t(10), "a@test")
    raw_booking(db, conversation.id, t(11), t(12), "b@test")
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(text("UPDATE bookings SET start = :s WHERE ical_uid = 'b@test'"),
                           {"s": to_sqlite_text(t(9, 30))})


def test_back_to_back_bookings_and_other_supervisors_are_allowed(db: Database, conversation: Conversation) -> None:
    book(db, conversation, slot(9))
    book(db, conversation, slot(10))
    book(db, conversation, slot(8))
    book(db, conversation, slot(9, supervisor="eero"))
    with db.transaction() as session:
        assert [b.start.hour for b in repo.bookings_overlapping(session, "aino", t(0), t(23))] == [8, 9, 10]


def test_a_cancelled_booking_frees_its_time(db: Database, conversation: Conversation) -> None:
    first = book(db, conversation, slot(9))
    with db.transaction() as session:
        cancelled = repo.cancel_booking(session, first.id, at=t(7))
        assert (cancelled.state, cancelled.sequence, cancelled.cancelled_at) == ("cancelled", 1, t(7))
    again = book(db, conversation, slot(9))
    with db.transaction() as session:
        assert [b.id for b in repo.bookings_overlapping(session, "aino", t(9), t(10))] == [again.id]


def test_cancelling_twice_raises_the_sequence_once(db: Database, conversation: Conversation) -> None:
    booking = book(db, conversation, slot(9))
    with db.transaction() as session:
        repo.cancel_booking(session, booking.id)
        assert repo.cancel_booking(session, booking.id).sequence == 1


def test_a_cancelled_booking_cannot_be_revived_onto_a_taken_time(db: Database, conversation: Conversation) -> None:
    first = book(db, conversation, slot(9))
    with db.transaction() as session:
        repo.cancel_booking(session, first.id)
    book(db, conversation, slot(9))
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.get_one(Booking, first.id).state = "confirmed"


# holds


def test_an_overlapping_live_hold_is_refused_and_a_released_one_frees_the_time(
    db: Database, conversation: Conversation
) -> None:
    [first] = hold(db, conversation, slot(9))
    with pytest.raises(SlotTaken, match="aino is already held"):
        hold(db, conversation, slot(9, start_minute=45))
    with db.transaction() as session:
        assert repo.release_holds(session, [first.id], at=t(7)) == 1
        assert repo.release_holds(session, [first.id], at=t(7)) == 0
    hold(db, conversation, slot(9, start_minute=45))


def test_holds_are_all_or_nothing(db: Database, conversation: Conversation) -> None:
    hold(db, conversation, slot(14))
    with pytest.raises(SlotTaken) as caught:
        hold(db, conversation, slot(9), slot(11), slot(14, start_minute=30))
    assert caught.value.supervisor_id == "aino"
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Hold)) == 1


def test_slot_taken_leaves_the_callers_transaction_usable(db: Database, conversation: Conversation) -> None:
    hold(db, conversation, slot(9))
    with db.transaction() as session:
        with pytest.raises(SlotTaken):
            repo.add_holds(session, conversation.id, [[slot(11)], [slot(9)]], expires_at=t(8))
        repo.add_holds(session, conversation.id, [[slot(11)]], expires_at=t(8))
    with db.transaction() as session:
        assert [h.start.hour for h in repo.live_holds_overlapping(session, t(0), t(23))] == [9, 11]


def test_options_are_numbered_in_order(db: Database, conversation: Conversation) -> None:
    with db.transaction() as session:
        holds = repo.add_holds(session, conversation.id, [[slot(9), slot(9, supervisor="eero")], [slot(13)]],
                               expires_at=t(8))
    assert [(h.option_number, h.supervisor_id, h.start.hour) for h in holds] == [
        (1, "aino", 9), (1, "eero", 9), (2, "aino", 13)]


def test_expired_holds_block_until_released(db: Database, conversation: Conversation) -> None:
    with db.transaction() as session:
        repo.add_holds(session, conversation.id, [[slot(9)]], expires_at=t(8))
        repo.add_holds(session, conversation.id, [[slot(11)]], expires_at=t(12))
    with pytest.raises(SlotTaken):
        hold(db, conversation, slot(9))
    with db.transaction() as session:
        assert repo.release_expired_holds(session, now=t(8, 30)) == 1
        assert [h.start.hour for h in repo.live_holds_overlapping(session, t(0), t(23), "aino")] == [11]
    hold(db, conversation, slot(9))


def test_a_released_hold_cannot_be_revived_onto_a_held_time(db: Database, conversation: Conversation) -> None:
    [first] = hold(db, conversation, slot(9))
    with db.transaction() as session:
        repo.release_holds(session, [first.id])
    hold(db, conversation, slot(9))
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.get_one(Hold, first.id).released_at = None


# from hold to booking


def test_confirming_a_hold_releases_it_and_books_its_time(db: Database, conversation: Conversation) -> None:
    [option] = hold(db, conversation, slot(9))
    with db.transaction() as session:
        booking = repo.confirm_booking(session, option.id, ical_uid="x@mailbot", at=t(7))
    assert (booking.supervisor_id, booking.start, booking.end, booking.ical_uid) == ("aino", t(9), t(10), "x@mailbot")
    assert (booking.state, booking.sequence, booking.hold_id) == ("confirmed", 0, option.id)
    with db.transaction() as session:
        assert session.get_one(Hold, option.id).released_at == t(7)
        assert repo.live_holds_overlapping(session, t(0), t(23)) == []


def test_confirming_the_same_hold_again_gives_the_same_booking(db: Database, conversation: Conversation) -> None:
    [option] = hold(db, conversation, slot(9))
    with db.transaction() as session:
        first = repo.confirm_booking(session, option.id)
    with db.transaction() as session:
        assert repo.confirm_booking(session, option.id).id == first.id
        assert len(repo.bookings_overlapping(session, "aino", t(0), t(23))) == 1


def test_confirming_onto_a_booked_time_is_slot_taken_and_keeps_the_hold(
    db: Database, conversation: Conversation
) -> None:
    [option] = hold(db, conversation, slot(9))
    book(db, conversation, slot(9, start_minute=30))  # staff booked by hand over the offered time
    with db.transaction() as session:
        with pytest.raises(SlotTaken, match="already booked"):
            repo.confirm_booking(session, option.id)
        assert session.get_one(Hold, option.id).released_at is None


def test_a_late_answer_books_the_time_if_nobody_took_it(db: Database, conversation: Conversation) -> None:
    [late, other] = hold(db, conversation, slot(9), slot(14))
    with db.transaction() as session:
        repo.release_holds(session, [late.id, other.id], at=t(8))
    hold(db, conversation, slot(14, start_minute=30))
    with db.transaction() as session:
        assert repo.confirm_booking(session, late.id).start == t(9)
        with pytest.raises(SlotTaken, match="already held"):
            repo.confirm_booking(session, other.id)


def test_unknown_ids_are_not_found(db: Database) -> None:
    with db.transaction() as session:
        with pytest.raises(NotFound):
            repo.confirm_booking(session, 999)
        with pytest.raises(NotFound):
            repo.cancel_booking(session, 999)


def test_taken_lists_holds_and_bookings_for_the_slot_search(db: Database, conversation: Conversation) -> None:
    hold(db, conversation, slot(13))
    book(db, conversation, slot(9))
    cancelled = book(db, conversation, slot(11))
    with db.transaction() as session:
        repo.cancel_booking(session, cancelled.id)
        assert repo.taken(session, "aino", t(0), t(23)) == [Interval(t(9), t(10)), Interval(t(13), t(14))]
        assert repo.taken(session, "eero", t(0), t(23)) == []


def test_an_empty_or_backwards_range_is_refused(db: Database, conversation: Conversation) -> None:
    with pytest.raises(IntegrityError), db.transaction() as session:
        repo.book(session, conversation.id, Slot("aino", t(10), t(9)))


def test_a_time_written_in_another_form_cannot_slip_past_the_rule(db: Database, conversation: Conversation) -> None:
    # SQLite compares the stored text, so it admits only the one form; PostgreSQL reads any form.
    raw_booking(db, conversation.id, t(9), t(10), "a@test")
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(
            text('INSERT INTO bookings (conversation_id, supervisor_id, start, "end", ical_uid, created_at)'
                 " VALUES (:c, 'aino', '2026-11-23T09:30:00Z', '2026-11-23T10:30:00Z', 'b@test', :n)"),
            {"c": conversation.id, "n": to_sqlite_text(t(8))},
        )


def test_two_clients_booking_one_time_at_once_on_postgresql_get_it_once(pg_db: Database) -> None:
    with pg_db.transaction() as session:
        conversation_id = repo.create_conversation(session, client_email="a@example.fi").id
    both_looked = threading.Barrier(2, timeout=10)
    outcomes: list[str] = []

    def client() -> None:
        try:
            with pg_db.transaction() as session:
                free = not repo.bookings_overlapping(session, "aino", t(9), t(10))
                both_looked.wait()  # each saw the time free before either booked it
                assert free
                repo.book(session, conversation_id, slot(9))
            outcomes.append("booked")
        except SlotTaken:
            outcomes.append("taken")

    threads = [threading.Thread(target=client) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["booked", "taken"]


def test_moving_a_booking_keeps_its_uid_raises_its_sequence_and_refuses_a_taken_time(
        db: Database, conversation: Conversation) -> None:
    first, other = book(db, conversation, slot(9)), book(db, conversation, slot(13))
    with db.transaction() as session:
        moved = repo.move_booking(session, session.get(Booking, first.id), slot(11))
        assert (moved.ical_uid, moved.sequence, moved.start) == (first.ical_uid, 1, t(11))
    with db.transaction() as session:
        booking = session.get(Booking, first.id)
        with pytest.raises(SlotTaken):
            repo.move_booking(session, booking, slot(13, start_minute=30))  # onto the other booking
        assert (booking.sequence, booking.start) == (1, t(11))  # as it was; the transaction goes on
    with db.transaction() as session:
        assert session.get(Booking, first.id).start == t(11) and session.get(Booking, other.id).start == t(13)
