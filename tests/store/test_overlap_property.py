"""Property: whatever bookings and cancellations arrive, the database keeps exactly the ones a
first-come-first-served model keeps, and never two overlapping ones of one supervisor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from mailbot.booking.slots import Slot
from mailbot.store import Booking, Conversation, Database, SlotTaken, repo

BASE = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
QUARTER = 15 * 60 * 1_000_000  # microseconds

# Times on a quarter-hour grid make edges meet exactly; a microsecond either way makes them overlap
# or leave a gap.
jitter = st.sampled_from([0, 0, 0, -1, 1])
offsets = st.builds(lambda q, j: max(q * QUARTER + j, 0), st.integers(0, 8), jitter)
lengths = st.builds(lambda q, j: q * QUARTER + j, st.integers(1, 4), jitter)
book_op = st.tuples(st.just("book"), st.sampled_from(["aino", "eero"]), offsets, lengths)
cancel_op = st.tuples(st.just("cancel"), st.integers(0, 20))
operations = st.lists(st.one_of(book_op, book_op, cancel_op), max_size=25)


def overlaps(a: Slot, b: Slot) -> bool:
    return a.supervisor_id == b.supervisor_id and a.start < b.end and b.start < a.end


def test_the_database_keeps_exactly_the_bookings_that_do_not_overlap(
    db: Database, conversation: Conversation
) -> None:
    # The database outlives the examples, so each example's transaction is rolled back at its end.
    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(operations)
    def check(ops: list[tuple]) -> None:
        with db.sessions() as session:  # closing it rolls the example back
            session.execute(delete(Booking))
            model: list[tuple[Slot, int]] = []  # live bookings: slot and id
            accepted: list[int] = []
            for op in ops:
                if op[0] == "book":
                    _, supervisor, offset, length = op
                    start = BASE + timedelta(microseconds=offset)
                    wanted = Slot(supervisor, start, start + timedelta(microseconds=length))
                    free = not any(overlaps(wanted, s) for s, _ in model)
                    try:
                        booking = repo.book(session, conversation.id, wanted)
                    except SlotTaken:
                        assert not free, f"refused {wanted} though nothing overlaps it"
                        continue
                    assert free, f"accepted {wanted} over {model}"
                    model.append((wanted, booking.id))
                    accepted.append(booking.id)
                elif accepted:
                    victim = accepted[op[1] % len(accepted)]
                    repo.cancel_booking(session, victim)
                    model = [(s, i) for s, i in model if i != victim]
            live = list(session.scalars(select(Booking).where(Booking.state == "confirmed")))
            assert sorted(b.id for b in live) == sorted(i for _, i in model)
            for a in live:
                for b in live:
                    if a.id != b.id:
                        assert not overlaps(Slot(a.supervisor_id, a.start, a.end), Slot(b.supervisor_id, b.start, b.end))

    check()
