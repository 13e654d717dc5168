"""The CalDAV kind against a real Radicale: busy time, writing and removing bookings, errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import caldav
import pytest
from icalendar import Calendar

from mailbot.calendars import open_source
from mailbot.calendars.base import Appointment, CalendarError
from mailbot.calendars.busy import merge
from mailbot.calendars.caldav_source import CalDavSource
from mailbot.calendars.ics_file import IcsFileSource
from mailbot.calendars.invite import cancellation
from mailbot.config import CalDavCalendar
from tests.calendars.conftest import DAV_PASSWORD, DAV_USER, free_port, make_dav_calendar
from tests.calendars.helpers import DATA, TZ, at, local

ORGANIZER = ("ajanvaraus@example.fi", "Ajanvaraus")


def booking(**changes) -> Appointment:
    base = Appointment(
        uid="20261124T083000Z-av7kq3@mailbot", sequence=0, start=at(2027, 3, 29, 9), end=at(2027, 3, 29, 10),
        reference="AV-7KQ3", service="individual", mode="onsite", language="fi",
        supervisor_id="aino", supervisor_name="Aino Virtanen", supervisor_email="aino.virtanen@example.fi",
        client_name="Matti Meikäläinen", client_email="matti.meikalainen@example.com", location="Kamppi, Helsinki")
    return replace(base, **changes)


@pytest.fixture
def source(dav_calendar, tmp_path):
    opened = open_source(CalDavCalendar(caldav=dav_calendar, username=DAV_USER, password_env="AINO_DAV_PASSWORD"),
                         name="Aino Virtanen's calendar", base_dir=tmp_path, env={"AINO_DAV_PASSWORD": DAV_PASSWORD},
                         tz=TZ, organizer=ORGANIZER)
    assert isinstance(opened, CalDavSource)
    yield opened
    opened.close()


def stored(url: str, uid: str) -> Calendar:
    with caldav.DAVClient(url, username=DAV_USER, password=DAV_PASSWORD) as client:
        return Calendar.from_ical(client.calendar(url=url).get_event_by_uid(uid).data)


def test_add_then_busy_then_remove(source):
    week = (at(2027, 3, 29), at(2027, 4, 5))
    assert source.busy(*week) == []
    assert source.add(booking()) is True
    assert local(source.busy(*week)) == ["2027-03-29 09:00–10:00"]
    assert source.remove(booking()) is True
    assert source.busy(*week) == []
    assert source.remove(booking()) is False  # nothing left to remove


def test_the_stored_invitation_reads_back(source):
    source.add(booking(sequence=3))
    cal = stored(source.url, booking().uid)
    assert "METHOD" not in cal  # a stored object carries none (RFC 4791)
    event = cal.events[0]
    assert event["SEQUENCE"] == 3  # the booking's, not raised by the library
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert (event["DTSTART"].dt.hour, event["DTSTART"].dt.utcoffset()) == (9, timedelta(hours=3))
    assert str(event["ORGANIZER"]) == "mailto:ajanvaraus@example.fi"
    assert event["ORGANIZER"].params["SCHEDULE-AGENT"] == "CLIENT"
    assert str(event["LOCATION"]) == "Kamppi, Helsinki"
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Helsinki"]


def test_a_moved_booking_replaces_the_event_and_a_cancelled_one_removes_it(source):
    source.add(booking())
    moved = booking(sequence=1, start=at(2027, 3, 30, 13), end=at(2027, 3, 30, 14))
    source.add(moved)
    assert local(source.busy(at(2027, 3, 29), at(2027, 4, 5))) == ["2027-03-30 13:00–14:00"]
    assert source.add(cancellation(moved)) is True
    assert source.busy(at(2027, 3, 29), at(2027, 4, 5)) == []


def objects(name: str) -> list[str]:
    """The events of a fixture file as CalDAV objects: one UID each (RFC 4791), with the zones."""
    cal = Calendar.from_ical((DATA / name).read_bytes())
    zones = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    by_uid: dict[str, list] = {}
    for event in cal.events:
        by_uid.setdefault(str(event["UID"]), []).append(event)
    out = []
    for events in by_uid.values():
        one = Calendar()
        one.add("prodid", "-//mailbot tests//EN")
        one.add("version", "2.0")
        for sub in [*zones, *events]:
            one.add_component(sub)
        out.append(one.to_ical().decode())
    return out


def test_recurring_events_on_the_server_are_expanded_like_a_file(source):
    files = ("weekly.ics", "dst_mondays.ics", "allday.ics", "not_busy.ics")
    with caldav.DAVClient(source.url, username=DAV_USER, password=DAV_PASSWORD) as client:
        for name in files:
            for ics in objects(name):
                client.calendar(url=source.url).add_event(ics, increase_seqno=False)
    window = (at(2026, 10, 19), at(2026, 12, 15))
    expected = [iv for name in files for iv in IcsFileSource(DATA / name, name="t", tz=TZ).busy(*window)]
    assert source.busy(*window) == merge(expected)
    found = local(source.busy(*window))
    assert "2026-11-24 14:00–15:30" in found  # the moved occurrence
    assert "2026-12-08 08:30–08:45" not in found  # the cancelled one
    source.check()


def test_401_names_the_calendar_and_what_to_check(radicale_htpasswd):
    url = make_dav_calendar(radicale_htpasswd)
    wrong = CalDavSource(url, name="Aino Virtanen's calendar", tz=TZ, username=DAV_USER, password="wrong")
    with pytest.raises(CalendarError) as caught:
        wrong.busy(at(2026, 12, 1), at(2026, 12, 2))
    assert str(caught.value) == f"Aino Virtanen's calendar: {url}: 401 Unauthorized: check username and password_env"
    with pytest.raises(CalendarError, match="401 Unauthorized"):
        wrong.add(booking())
    wrong.close()
    right = CalDavSource(url, name="Aino Virtanen's calendar", tz=TZ, username=DAV_USER, password=DAV_PASSWORD)
    right.check()
    right.close()


def test_server_down_names_the_address():
    url = f"http://127.0.0.1:{free_port()}/aino/work/"
    down = CalDavSource(url, name="Aino Virtanen's calendar", tz=TZ, username=DAV_USER, password="x")
    with pytest.raises(CalendarError, match=rf"^Aino Virtanen's calendar: cannot reach {url}: "):
        down.check()
    with pytest.raises(CalendarError, match="cannot reach"):
        down.add(booking())
    down.close()


def test_a_calendar_that_does_not_exist(radicale):
    url = f"{radicale}{DAV_USER}/no-such-calendar/"
    missing = CalDavSource(url, name="Aino Virtanen's calendar", tz=TZ, username=DAV_USER, password="x")
    with pytest.raises(CalendarError, match=rf"^Aino Virtanen's calendar: no calendar at {url} \(404 Not Found\)$"):
        missing.busy(at(2026, 12, 1), at(2026, 12, 2))
    missing.close()
