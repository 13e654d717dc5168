"""The ICS address kind against a real HTTP server: caching with ETag/Last-Modified, errors, auth."""

from __future__ import annotations

import logging

import httpx
import pytest

from mailbot.calendars import open_source
from mailbot.calendars.base import CalendarError
from mailbot.calendars.ics_url import IcsUrlSource
from mailbot.config import IcsUrlCalendar
from tests.calendars.conftest import IcsServer, free_port
from tests.calendars.helpers import DATA, TZ, at, local

NOVEMBER = (at(2026, 11, 1), at(2026, 12, 1))
WEEKLY = (DATA / "weekly.ics").read_bytes()
ALLDAY = (DATA / "allday.ics").read_bytes()


class Clock:
    """Monotonic seconds that a test moves by hand: no sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def source(server: IcsServer, clock: Clock, **kw) -> IcsUrlSource:
    return IcsUrlSource(server.url, name="Aino Virtanen's calendar", tz=TZ, refresh_seconds=300, clock=clock, **kw)


def test_fetched_once_then_revalidated_with_etag_and_last_modified(ics_server, clock):
    ics_server.body = WEEKLY
    cal = source(ics_server, clock)
    first = cal.busy(*NOVEMBER)
    assert len(first) == 5 and len(ics_server.requests) == 1
    assert "If-None-Match" not in ics_server.requests[0]

    clock.now += 299
    assert cal.busy(*NOVEMBER) == first
    assert len(ics_server.requests) == 1  # within refresh_seconds: the copy, no request

    clock.now += 2
    assert cal.busy(*NOVEMBER) == first
    assert len(ics_server.requests) == 2
    asked = ics_server.requests[1]
    assert asked["If-None-Match"] == ics_server.etag
    assert asked["If-Modified-Since"] == ics_server.last_modified
    assert ics_server.statuses == [200, 304]

    ics_server.body, ics_server.etag = ALLDAY, '"v2"'
    clock.now += 301
    assert local(cal.busy(at(2026, 12, 1), at(2026, 12, 31))) == [
        "2026-12-01 00:00–2026-12-03 00:00", "2026-12-10 00:00–2026-12-11 00:00"]
    assert ics_server.statuses == [200, 304, 200]
    cal.close()


def test_last_modified_alone_is_enough_for_a_304(ics_server, clock):
    ics_server.body, ics_server.etag = WEEKLY, None
    cal = source(ics_server, clock)
    cal.busy(*NOVEMBER)
    clock.now += 301
    assert len(cal.busy(*NOVEMBER)) == 5
    assert "If-None-Match" not in ics_server.requests[1]
    assert ics_server.requests[1]["If-Modified-Since"] == ics_server.last_modified
    assert ics_server.statuses == [200, 304]
    cal.close()


def test_401_names_the_address_and_what_to_check(ics_server, clock):
    ics_server.body, ics_server.credentials = WEEKLY, ("aino", "s3cret")
    cal = source(ics_server, clock)
    with pytest.raises(CalendarError) as caught:
        cal.busy(*NOVEMBER)
    assert str(caught.value) == (f"Aino Virtanen's calendar: GET {ics_server.url}: "
                                 "401 Unauthorized: check username and password_env")
    cal.close()


def test_basic_auth_from_the_environment_through_open_source(ics_server, tmp_path):
    ics_server.body, ics_server.credentials = WEEKLY, ("aino", "s3cret")
    settings = IcsUrlCalendar(ics_url=ics_server.url, username="aino", password_env="AINO_ICS_PASSWORD")
    opened = open_source(settings, name="Aino", base_dir=tmp_path, env={"AINO_ICS_PASSWORD": "s3cret"}, tz=TZ)
    opened.check()
    assert ics_server.requests[-1]["Authorization"].startswith("Basic ")
    wrong = open_source(settings, name="Aino", base_dir=tmp_path, env={"AINO_ICS_PASSWORD": "nope"}, tz=TZ)
    with pytest.raises(CalendarError, match="401 Unauthorized: check username and password_env$"):
        wrong.check()
    with pytest.raises(CalendarError, match="^Aino: the environment variable AINO_ICS_PASSWORD"):
        open_source(settings, name="Aino", base_dir=tmp_path, env={}, tz=TZ)


@pytest.mark.parametrize(("status", "text"), [(404, "404 Not Found"), (500, "500 Internal Server Error")])
def test_other_statuses_are_named(ics_server, clock, status, text):
    ics_server.status = status
    cal = source(ics_server, clock)
    with pytest.raises(CalendarError, match=f"^Aino Virtanen's calendar: GET {ics_server.url}: {text}$"):
        cal.busy(*NOVEMBER)
    cal.close()


def test_a_page_that_is_not_a_calendar(ics_server, clock):
    ics_server.body = b"<html><body>Please log in</body></html>"
    cal = source(ics_server, clock)
    with pytest.raises(CalendarError, match=f"GET {ics_server.url}: not valid iCalendar data"):
        cal.busy(*NOVEMBER)
    cal.close()


def test_server_down_without_a_copy_is_an_error_naming_the_address(clock):
    url = f"http://127.0.0.1:{free_port()}/aino.ics"  # nothing listens there
    cal = IcsUrlSource(url, name="Aino Virtanen's calendar", tz=TZ, clock=clock)
    with pytest.raises(CalendarError, match=rf"^Aino Virtanen's calendar: GET {url} failed: .*[Cc]onnect"):
        cal.busy(*NOVEMBER)
    cal.close()


def test_a_stale_copy_is_served_with_a_warning_while_the_server_fails(ics_server, clock, caplog):
    ics_server.body = WEEKLY
    cal = source(ics_server, clock, max_stale_seconds=3600)
    first = cal.busy(*NOVEMBER)
    ics_server.status = 503
    clock.now += 301
    with caplog.at_level(logging.WARNING, logger="mailbot.calendars"):
        assert cal.busy(*NOVEMBER) == first
    assert "503 Service Unavailable; using the copy fetched 301 s ago" in caplog.text
    assert len(ics_server.requests) == 2
    assert cal.busy(*NOVEMBER) == first and len(ics_server.requests) == 2  # not asked again at once
    with pytest.raises(CalendarError, match="503"):
        cal.check()  # check-config must see the failure
    clock.now += 3600
    with pytest.raises(CalendarError, match="503 Service Unavailable"):
        cal.busy(*NOVEMBER)  # too old to trust
    cal.close()


def test_a_password_in_the_address_is_not_shown(ics_server, clock):
    ics_server.status = 500
    url = ics_server.url.replace("http://", "http://aino:hunter2@")
    cal = IcsUrlSource(url, name="Aino", tz=TZ, clock=clock)
    with pytest.raises(CalendarError) as caught:
        cal.busy(*NOVEMBER)
    assert "hunter2" not in str(caught.value) and "aino:" not in str(caught.value)
    cal.close()


def test_a_shared_client_is_used_and_left_open(ics_server, clock):
    ics_server.body = WEEKLY
    with httpx.Client(headers={"User-Agent": "shared"}) as client:
        cal = source(ics_server, clock, client=client)
        cal.busy(*NOVEMBER)
        cal.close()
        assert not client.is_closed
    assert ics_server.requests[0]["User-Agent"] == "shared"
