"""A supervisor's CalDAV calendar (``calendar = { caldav = "https://dav.example.fi/aino/work/", … }``).

Busy time is read live on every query: a time-range REPORT (``search(expand=False)``) returns the
events of the window, recurring ones as their master with any moved occurrences, and ``busy.py``
expands them exactly as it does an .ics file. ``add`` writes a confirmed booking into the calendar
under the appointment's UID (the invitation's event, see ``invite.stored_event``) and ``remove``
deletes it again. Server down, 401 or a missing calendar raise CalendarError naming the supervisor's
calendar and the address.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import caldav
from caldav.lib import error as dav_error
from icalendar import Calendar

from mailbot.calendars.base import Appointment, CalendarError, CalendarSource, Interval
from mailbot.calendars.busy import PAD, busy_intervals, parse_calendar
from mailbot.calendars.invite import stored_event

logger = logging.getLogger(__name__)

T = TypeVar("T")


class CalDavSource(CalendarSource):
    def __init__(self, url: str, *, name: str, tz: ZoneInfo, username: str | None = None,
                 password: str | None = None, organizer: tuple[str, str] | None = None,
                 timeout: float = 15.0) -> None:
        """``organizer`` (address, name) is the booking mailbox written as ORGANIZER of stored events."""
        self.url = url
        self.name = name
        self.tz = tz
        self.organizer = organizer
        self._client = caldav.DAVClient(url, username=username, password=password, timeout=timeout)
        self._calendar: Any = None

    def busy(self, start: datetime, end: datetime) -> list[Interval]:
        if end <= start:
            return []
        found = self._call(lambda: self._cal().search(start=start - PAD, end=end + PAD, event=True, expand=False))
        return busy_intervals(self._combine(found), start, end, tz=self.tz, name=self.name)

    def add(self, appointment: Appointment) -> bool:
        """Write (or overwrite) the booking's event; a cancelled appointment is removed instead."""
        if appointment.cancelled:
            return self.remove(appointment)
        email, display = self.organizer or (None, None)
        ics = stored_event(appointment, email, display, self.tz).to_ical().decode("utf-8")
        # the appointment's SEQUENCE is the booking's, so the library must not raise it
        self._call(lambda: self._cal().add_event(ics, increase_seqno=False))
        return True

    def remove(self, appointment: Appointment) -> bool:
        """Delete the booking's event; False when the calendar has no event with its UID."""
        def delete() -> bool:
            try:
                event = self._cal().get_event_by_uid(appointment.uid)
            except dav_error.NotFoundError:
                return False
            event.delete()
            return True

        return self._call(delete)

    def check(self) -> None:
        now = datetime.now(self.tz)
        self.busy(now, now + timedelta(days=1))

    def close(self) -> None:
        self._client.close()

    def _cal(self) -> Any:
        if self._calendar is None:
            self._calendar = self._client.calendar(url=self.url)
        return self._calendar

    def _call(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except dav_error.AuthorizationError:
            raise CalendarError(f"{self.name}: {self.url}: 401 Unauthorized: check username and password_env") from None
        except dav_error.NotFoundError:
            raise CalendarError(f"{self.name}: no calendar at {self.url} (404 Not Found)") from None
        except dav_error.DAVError as exc:
            raise CalendarError(f"{self.name}: {self.url}: the server refused: {_first_line(exc)}") from None
        except OSError as exc:  # connection refused, DNS, timeouts: niquests' errors are OSErrors
            raise CalendarError(f"{self.name}: cannot reach {self.url}: {type(exc).__name__}") from None

    def _combine(self, objects: list[Any]) -> Calendar:
        """The events of every object found, with their time zones, as one calendar."""
        combined = Calendar()
        zones: set[str] = set()
        for obj in objects:
            try:
                cal = parse_calendar(obj.data or "", f"{self.name} {obj.url}")
            except CalendarError as exc:
                logger.warning("%s; it is left out", exc)
                continue
            for sub in cal.subcomponents:
                if sub.name == "VTIMEZONE":
                    if str(sub.get("TZID")) in zones:
                        continue
                    zones.add(str(sub.get("TZID")))
                combined.add_component(sub)
        return combined


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
