"""Busy time from .ics data: recurrence, zones, all-day, floating, not-busy events, broken data."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest
from icalendar import Event

from mailbot.calendars.base import CalendarError, Interval
from mailbot.calendars.busy import BusyIndex, busy_intervals, merge, parse_calendar
from mailbot.calendars.ics_file import IcsFileSource
from tests.calendars.helpers import DATA, TZ, at, local


def busy(name: str, start: datetime, end: datetime) -> list[str]:
    """Through the ICS file kind (with its weekly cache), checked against a plain expansion."""
    source = IcsFileSource(DATA / name, name=f"test calendar ({name})", tz=TZ)
    found = source.busy(start, end)
    plain = busy_intervals(parse_calendar((DATA / name).read_bytes(), name), start, end, tz=TZ, name=name)
    assert found == plain
    return local(found)


def test_weekly_series_with_exdate_rdate_and_a_moved_occurrence():
    assert busy("weekly.ics", at(2026, 11, 1), at(2026, 12, 31)) == [
        "2026-11-02 10:00–11:00",
        "2026-11-09 10:00–11:00",
        # 16.11. is excluded (EXDATE); 19.11. is added (RDATE)
        "2026-11-19 10:00–11:00",
        # 23.11. is moved to Tuesday 24.11. 14:00–15:30 (RECURRENCE-ID)
        "2026-11-24 14:00–15:30",
        "2026-11-30 10:00–11:00",
        "2026-12-07 10:00–11:00",
    ]


def test_all_day_events_block_whole_local_days():
    assert busy("allday.ics", at(2026, 11, 30), at(2027, 4, 30)) == [
        "2026-12-01 00:00–2026-12-03 00:00",  # DTEND is exclusive
        "2026-12-10 00:00–2026-12-11 00:00",  # a DATE with no DTEND is one day
        "2027-03-29 00:00–2027-03-31 00:00",  # DURATION:P2D, just after the spring DST change
    ]
    whole_day = IcsFileSource(DATA / "allday.ics", name="t", tz=TZ).busy(at(2026, 12, 10), at(2026, 12, 11))
    assert whole_day[0].start.utcoffset() == timedelta(hours=2)  # local midnight, not UTC midnight


def test_events_in_other_zones_are_converted():
    assert busy("other_zones.ics", at(2026, 12, 1), at(2027, 3, 31)) == [
        "2026-12-02 17:00–18:00",  # 10:00 in New York, both on standard time: +7 h
        "2026-12-03 10:00–11:00",  # 08:00Z
        "2026-12-04 09:00–10:00",  # Outlook's "FLE Standard Time" with its own VTIMEZONE
        "2027-03-22 16:00–17:00",  # US summer time has begun, Finland's not yet: +6 h
    ]


def test_floating_times_are_read_in_the_configured_zone():
    assert busy("floating.ics", at(2026, 12, 1), at(2027, 4, 30)) == [
        "2026-12-02 09:00–10:00",
        "2027-03-22 12:00–13:00",
        "2027-03-29 12:00–13:00",  # still 12:00 after the clocks moved forward
    ]


def test_transparent_cancelled_and_free_events_are_not_busy():
    assert busy("not_busy.ics", at(2026, 12, 1), at(2026, 12, 31)) == [
        "2026-12-02 15:00–16:00",  # tentative still takes the time
        "2026-12-07 08:30–08:45",
        # 8.12. occurrence cancelled by its override
        "2026-12-09 08:30–08:45",
    ]


def test_duration_replaces_dtend_and_an_event_without_either_takes_no_time():
    assert busy("durations.ics", at(2026, 12, 1), at(2026, 12, 31)) == [
        "2026-12-02 09:00–10:30",
        "2026-12-03 14:00–14:45",
        "2026-12-10 14:00–14:45",
    ]


@pytest.mark.parametrize("first_monday", [at(2026, 10, 19), at(2027, 3, 22)], ids=["october", "march"])
def test_weekly_0900_stays_at_0900_local_across_the_dst_change(first_monday):
    found = busy("dst_mondays.ics", first_monday, first_monday + timedelta(days=14))
    assert found == [f"{first_monday + timedelta(days=d):%Y-%m-%d} 09:00–10:00" for d in (0, 7)]
    ivs = IcsFileSource(DATA / "dst_mondays.ics", name="t", tz=TZ).busy(first_monday, first_monday + timedelta(days=14))
    assert ivs[0].start.utcoffset() != ivs[1].start.utcoffset()  # the UTC hour moved, the local did not


def test_google_x_wr_timezone_keeps_utc_series_at_their_local_hour():
    # written 06:00Z in October (09:00 EEST); after 25.10. the meeting is still at 09:00 local
    assert busy("google_x_wr_timezone.ics", at(2026, 10, 1), at(2026, 11, 30)) == [
        "2026-10-19 09:00–10:00", "2026-10-26 09:00–10:00", "2026-11-02 09:00–10:00"]


def test_result_is_clipped_to_the_window_and_merged():
    assert busy("weekly.ics", at(2026, 11, 24, 14, 30), at(2026, 11, 24, 15)) == ["2026-11-24 14:30–15:00"]
    assert busy("allday.ics", at(2026, 12, 2, 12), at(2026, 12, 5)) == ["2026-12-02 12:00–2026-12-03 00:00"]
    assert busy("weekly.ics", at(2026, 11, 3), at(2026, 11, 3)) == []
    a, b, c = (at(2026, 12, 1, h) for h in (9, 10, 11))
    assert merge([Interval(b, c), Interval(a, b), Interval(a, b)]) == [Interval(a, c)]


@pytest.mark.parametrize("name", ["broken_text.ics", "broken_unclosed.ics"])
def test_a_calendar_that_does_not_parse_is_an_error_naming_it(name):
    source = IcsFileSource(DATA / name, name=f"Aino Virtanen's calendar (calendars/{name})", tz=TZ)
    with pytest.raises(CalendarError, match=rf"^Aino Virtanen's calendar \(calendars/{name}\): not valid iCalendar"):
        source.busy(at(2026, 12, 1), at(2026, 12, 31))
    with pytest.raises(CalendarError):
        source.check()


def test_a_lone_event_is_not_a_calendar():
    with pytest.raises(CalendarError, match=r"^x: not valid iCalendar data \(no complete VCALENDAR\)$"):
        parse_calendar(b"BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261202T090000Z\r\nEND:VEVENT\r\n", "x")


def test_broken_events_are_left_out_with_a_warning_naming_the_uid_only(caplog):
    caplog.set_level(logging.WARNING, logger="mailbot.calendars")
    source = IcsFileSource(DATA / "broken_events.ics", name="Aino's calendar", tz=TZ)
    assert local(source.busy(at(2026, 12, 1), at(2026, 12, 31))) == [
        "2026-12-02 09:00–10:00", "2026-12-03 09:00–10:00"]
    text = caplog.text
    for uid in ("bad-rrule@tests", "bad-dtstart@tests", "no-dtstart@tests", "bad-duration@tests", "bad-exdate@tests"):
        assert uid in text
    assert "good-" not in text
    assert "SECRET" not in text
    assert all(r.getMessage().startswith("Aino's calendar: event UID ") for r in caplog.records)
    caplog.clear()
    source.busy(at(2027, 1, 1), at(2027, 2, 1))
    assert caplog.records == []  # each broken event is reported once, not on every query


def test_a_series_only_the_expansion_rejects_is_left_out_alone(caplog):
    # built in code, so the parser never saw the rule and recorded no error for it
    cal = parse_calendar((DATA / "weekly.ics").read_bytes(), "t")
    odd = Event()
    odd.add("uid", "odd@tests")
    odd.add("dtstart", at(2026, 12, 1, 12))
    odd.add("dtend", at(2026, 12, 1, 13))
    odd.add("rrule", {"freq": "sometimes"})
    cal.add_component(odd)
    with caplog.at_level(logging.WARNING, logger="mailbot.calendars"):
        found = local(BusyIndex(cal, tz=TZ, name="t").busy(at(2026, 11, 30), at(2026, 12, 8)))
    assert found == ["2026-11-30 10:00–11:00", "2026-12-07 10:00–11:00"]
    assert "odd@tests" in caplog.text


@pytest.mark.parametrize("rule", ["FREQ=DAILY;INTERVAL=0", "FREQ=MINUTELY", "FREQ=SECONDLY;COUNT=5"])
def test_rules_that_would_stall_the_expansion_are_left_out(rule, caplog):
    data = (DATA / "weekly.ics").read_text().replace("END:VCALENDAR", (
        "BEGIN:VEVENT\nUID:stall@tests\nDTSTART:20261201T100000Z\nDTEND:20261201T110000Z\n"
        f"RRULE:{rule}\nEND:VEVENT\nEND:VCALENDAR"))
    with caplog.at_level(logging.WARNING, logger="mailbot.calendars"):
        found = busy_intervals(parse_calendar(data, "t"), at(2026, 11, 30), at(2026, 12, 8), tz=TZ, name="t")
    assert local(found) == ["2026-11-30 10:00–11:00", "2026-12-07 10:00–11:00"]
    assert "stall@tests" in caplog.text


def test_check_reads_the_file():
    IcsFileSource(DATA / "weekly.ics", name="t", tz=TZ).check()
