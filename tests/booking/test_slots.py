"""Free-slot search: working hours, busy time, buffers, holidays, notice, horizon, windows, series."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.booking.slots import SlotFinder, SlotRequest
from mailbot.calendars.base import CalendarError, CalendarSource, Interval
from mailbot.config import Settings

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)  # Monday


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


class FixedCalendar(CalendarSource):
    """A test-only backend: a list of busy intervals, or an error."""

    def __init__(self, busy: list[Interval] | None = None, error: str | None = None) -> None:
        self._busy = busy or []
        self.error = error
        self.name = "fixed"

    def busy(self, start: datetime, end: datetime) -> list[Interval]:
        if self.error:
            raise CalendarError(self.error)
        return [b for b in self._busy if b.start < end and start < b.end]


def make_settings(**booking: object) -> Settings:
    hours = {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00",
             "fri": "08:00-14:00"}
    return Settings.model_validate({
        "booking": {"min_notice_hours": 24, "horizon_days": 42, "options_per_proposal": 3, **booking},
        "services": {"individual": {"duration_minutes": 60}, "group": {"duration_minutes": 90},
                     "leader": {"duration_minutes": 60}},
        "supervisors": [
            {"id": "aino", "name": "Aino Virtanen", "email": "aino@example.fi", "services": ["individual", "leader"],
             "languages": ["fi", "en"], "modes": ["remote", "onsite"], "locations": ["Helsinki"],
             "working_hours": hours},
            {"id": "mikko", "name": "Mikko Laine", "email": "mikko@example.fi", "services": ["individual", "group"],
             "languages": ["fi", "sv"], "modes": ["remote", "onsite"], "locations": ["Tampere"],
             "working_hours": {"tue": "10:00-18:00", "thu": "10:00-18:00"}},
        ],
    })


def finder(cals: dict[str, CalendarSource] | None = None, **booking: object) -> SlotFinder:
    return SlotFinder(make_settings(**booking), cals or {})


def test_soonest_options_respect_notice_and_spread_over_days_and_supervisors() -> None:
    report = finder().find(SlotRequest(language="fi"), NOW)
    firsts = [p.first for p in report.proposals]
    assert len(firsts) == 3
    assert firsts[0].start == at(24, 9)  # 24 h notice from Monday 09:00
    assert len({f.start.date() for f in firsts}) == 3
    assert {f.supervisor_id for f in firsts} == {"aino", "mikko"}
    assert all(f.end - f.start == timedelta(minutes=60) for f in firsts)


def test_busy_time_and_buffer_are_not_offered() -> None:
    cals = {"aino": FixedCalendar([Interval(at(24, 9), at(24, 12))])}
    f = finder(cals, buffer_minutes=15)
    slots = [p.first for p in f.find(SlotRequest(language="en"), NOW).proposals]
    assert slots[0].start == at(24, 12, 30)  # 12:00 busy end + 15 min buffer, on the 30-minute grid


def test_client_windows_limit_the_search() -> None:
    req = SlotRequest(language="fi", windows=[(at(26, 12), at(26, 16)), (at(1, 8, month=12), at(1, 10, month=12))])
    slots = [p.first for p in finder().find(req, NOW).proposals]
    assert [s.start for s in slots][:2] == [at(26, 12), at(1, 8, month=12)]  # one per day first
    assert all(a <= s.start and s.end <= b for s in slots for a, b in [next(w for w in req.windows
                                                                            if w[0] <= s.start < w[1])])


def test_eligibility_by_service_language_mode_and_city() -> None:
    f = finder()
    assert [s.id for s in f.eligible(SlotRequest(service="group", language="fi"))] == ["mikko"]
    assert [s.id for s in f.eligible(SlotRequest(language="sv"))] == ["mikko"]
    assert [s.id for s in f.eligible(SlotRequest(language="fi", mode="onsite", location="Helsinki"))] == ["aino"]
    assert f.eligible(SlotRequest(language="fi", mode="onsite", location="Oulu")) == []
    assert [s.id for s in f.eligible(SlotRequest(language="fi", supervisor="Mikko Laine"))] == ["mikko"]


def test_public_holidays_are_skipped() -> None:
    now = at(21, 9, month=12)  # Monday 21.12.2026; 24–26.12. are holidays in Finland
    slots = finder().find(SlotRequest(language="fi", supervisor="Aino", windows=[(at(24, 8, month=12),
                                                                                    at(29, 16, month=12))]), now)
    days = {p.first.start.date().isoformat() for p in slots.proposals}
    assert days and all(d >= "2026-12-28" for d in days)


def test_horizon_is_respected() -> None:
    report = finder(horizon_days=3).find(SlotRequest(language="fi", windows=[(at(30, 8), at(30, 16))]), NOW)
    assert report.proposals == []


def test_series_follows_the_cadence_with_the_same_supervisor_and_local_time_across_dst() -> None:
    now = datetime(2026, 10, 12, 9, 0, tzinfo=TZ)  # DST ends on Sunday 25 October 2026
    req = SlotRequest(language="fi", supervisor="Aino", sessions=3, cadence="weekly",
                      windows=[(datetime(2026, 10, 19, 9, 0, tzinfo=TZ), datetime(2026, 10, 19, 10, 0, tzinfo=TZ))])
    (prop,) = finder().find(req, now).proposals
    assert [s.start.isoformat() for s in prop.slots] == [
        "2026-10-19T09:00:00+03:00", "2026-10-26T09:00:00+02:00", "2026-11-02T09:00:00+02:00"]
    assert {s.supervisor_id for s in prop.slots} == {"aino"}


def test_series_is_not_offered_over_a_holiday() -> None:
    now = datetime(2027, 3, 15, 9, 0, tzinfo=TZ)  # Monday 29 March 2027 is Easter Monday
    req = SlotRequest(language="fi", supervisor="Aino", sessions=2, cadence="weekly",
                      windows=[(datetime(2027, 3, 22, 9, 0, tzinfo=TZ), datetime(2027, 3, 22, 10, 0, tzinfo=TZ))])
    assert finder().find(req, now).proposals == []


def test_series_start_is_dropped_when_a_following_session_is_busy() -> None:
    cals = {"aino": FixedCalendar([Interval(at(8, 8, month=12), at(8, 16, month=12))])}
    req = SlotRequest(language="fi", supervisor="Aino", sessions=2, cadence="weekly",
                      windows=[(at(1, 9, month=12), at(1, 10, month=12)), (at(2, 9, month=12), at(2, 10, month=12))])
    props = finder(cals).find(req, NOW).proposals
    assert [p.first.start for p in props] == [at(2, 9, month=12)]
    assert props[0].following[0].start == at(9, 9, month=12)


def test_a_broken_calendar_is_reported_and_the_others_still_served() -> None:
    cals = {"aino": FixedCalendar(error="Aino Virtanen's calendar: cannot read")}
    report = finder(cals).find(SlotRequest(language="fi"), NOW)
    assert "aino" in report.unavailable and "cannot read" in report.unavailable["aino"]
    assert report.proposals and {p.first.supervisor_id for p in report.proposals} == {"mikko"}


def test_holds_and_bookings_from_the_store_are_taken() -> None:
    def taken(sid: str, a: datetime, b: datetime) -> list[Interval]:
        return [Interval(at(24, 8), at(24, 16))] if sid == "aino" else []

    f = SlotFinder(make_settings(), {}, taken)
    slots = [p.first for p in f.find(SlotRequest(language="en"), NOW).proposals]
    assert all(s.start.date() != at(24, 8).date() for s in slots)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 24 * 20), st.integers(1, 10)), max_size=40),
       st.integers(0, 60))
def test_no_offered_slot_overlaps_busy_time_or_leaves_working_hours(busy: list[tuple[int, int]], buffer: int) -> None:
    base = at(24, 0)
    intervals = [Interval(base + timedelta(hours=h), base + timedelta(hours=h + d)) for h, d in busy]
    f = finder({"aino": FixedCalendar(intervals), "mikko": FixedCalendar(intervals)}, buffer_minutes=buffer,
               options_per_proposal=10)
    for p in f.find(SlotRequest(language="fi"), NOW).proposals:
        s = p.first
        assert not any(b.start - timedelta(minutes=buffer) < s.end and s.start < b.end + timedelta(minutes=buffer)
                       for b in intervals)
        hours = make_settings().supervisors[0 if s.supervisor_id == "aino" else 1].hours()
        span = hours[("mon", "tue", "wed", "thu", "fri", "sat", "sun")[s.start.weekday()]]
        assert span[0] <= s.start.timetz().replace(tzinfo=None) and s.end.timetz().replace(tzinfo=None) <= span[1]


def test_a_parsed_request_finds_slots_inside_its_windows() -> None:
    from mailbot.booking.slots import request_from_parse
    from mailbot.understand.result import ParseResult

    parsed = ParseResult("request", "fi", service="individual", mode="remote",
                         windows=[(at(1, 12, month=12), at(1, 16, month=12))])
    props = finder().find(request_from_parse(parsed), NOW).proposals
    assert props[0].first.start == at(1, 12, month=12)
    assert all(at(1, 12, month=12) <= p.first.start and p.first.end <= at(1, 16, month=12) for p in props)


def test_options_of_one_proposal_never_overlap_so_they_can_all_be_held() -> None:
    tuesdays = [(at(24, 9) + timedelta(days=7 * k), at(24, 10) + timedelta(days=7 * k)) for k in range(5)]
    req = SlotRequest(language="fi", supervisor="Aino", sessions=2, cadence="weekly", windows=tuesdays)
    report = finder(options_per_proposal=3).find(req, NOW)
    sessions = [s for p in report.proposals for s in p.slots]
    assert [p.first.start for p in report.proposals] == [at(24, 9), at(8, 9, month=12), at(22, 9, month=12)]
    assert not any(a is not b and a.start < b.end and b.start < a.end for a in sessions for b in sessions)


def test_one_named_afternoon_still_gets_several_options() -> None:
    req = SlotRequest(language="fi", windows=[(at(1, 12, month=12), at(1, 16, month=12))])
    firsts = [p.first for p in finder().find(req, NOW).proposals]
    assert len(firsts) == 3 and {f.start.date() for f in firsts} == {at(1, 12, month=12).date()}
    assert not any(a is not b and a.start < b.end and b.start < a.end and a.supervisor_id == b.supervisor_id
                   for a in firsts for b in firsts)
