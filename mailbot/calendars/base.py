"""The contract every calendar backend keeps, and the plain data that crosses it.

A backend is one module in this package (``ics_file``, ``ics_url``, ``caldav``) with a subclass of
``CalendarSource``; ``mailbot.calendars.open_source`` picks it from the configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mailbot.errors import MailbotError


class CalendarError(MailbotError):
    """Raised when a calendar cannot be read or written; the message names the calendar."""


@dataclass(frozen=True, order=True)
class Interval:
    start: datetime  # aware
    end: datetime  # aware, after start


@dataclass(frozen=True)
class Appointment:
    """One booked session as calendars and invitations see it."""

    uid: str  # never changes for one booking
    sequence: int  # grows with each update or cancellation
    start: datetime  # aware
    end: datetime  # aware
    reference: str  # the conversation's public reference, e.g. "AV-7KQ3"
    service: str  # "individual" | "group" | "leader"
    mode: str  # "remote" | "onsite"
    language: str  # "fi" | "sv" | "en": SUMMARY, DESCRIPTION and LOCATION are written in it
    supervisor_id: str  # as in config.toml: whose calendar the appointment goes in
    supervisor_name: str
    supervisor_email: str
    client_name: str
    client_email: str
    location: str | None = None  # street address for onsite
    remote_link: str | None = None  # link or instructions for remote
    cancelled: bool = False


class CalendarSource:
    """A supervisor's calendar.

    ``name`` is shown in every error ("Aino Virtanen's calendar calendars/aino.ics: …").
    ``busy(start, end)`` returns the busy intervals that overlap [start, end), sorted, clipped to it:
    recurring events expanded, all-day events busy for the whole local day, TRANSP:TRANSPARENT and
    STATUS:CANCELLED events not busy. It raises CalendarError when the calendar cannot be read.
    ``add(appointment)`` / ``remove(appointment)`` write a confirmed booking into the calendar and
    take it out again; read-only kinds (ICS file, ICS URL) do nothing and return False.
    ``check()`` reads the calendar once and raises CalendarError with a human message if it cannot.
    """

    name: str = "calendar"

    def busy(self, start: datetime, end: datetime) -> list[Interval]:
        raise NotImplementedError

    def add(self, appointment: Appointment) -> bool:
        return False

    def remove(self, appointment: Appointment) -> bool:
        return False

    def check(self) -> None:
        self.busy(datetime.now().astimezone(), datetime.now().astimezone())
