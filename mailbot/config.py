"""config.toml → typed, validated settings (CONTRACT.md §3).

The models below are the schema: every key, its type and default. ``load_settings(path)`` reads the
file, resolves relative paths against the file's folder and turns every validation problem into a
``ConfigError`` whose message names the file, the key path and what is wrong.
"""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MailboxSettings(_Strict):
    host: str
    port: int = Field(993, ge=1, le=65535)
    security: Literal["ssl", "starttls", "none"] = "ssl"
    username: str
    password_env: str
    folder: str = "INBOX"
    poll_seconds: int = Field(60, ge=1)


class SmtpSettings(_Strict):
    host: str
    port: int = Field(587, ge=1, le=65535)
    security: Literal["ssl", "starttls", "none"] = "starttls"
    username: str | None = None
    password_env: str | None = None
    from_address: str
    from_name: str = "Ajanvaraus"


class DatabaseSettings(_Strict):
    url: str = "sqlite:///mailbot.db"


class WebSettings(_Strict):
    host: str = "127.0.0.1"
    port: int = Field(8025, ge=1, le=65535)
    base_url: str = "http://127.0.0.1:8025"
    session_secret_env: str = "MAILBOT_SESSION_SECRET"


class BookingSettings(_Strict):
    timezone: str = "Europe/Helsinki"
    horizon_days: int = Field(42, ge=1, le=730)
    min_notice_hours: int = Field(24, ge=0)
    options_per_proposal: int = Field(3, ge=1, le=10)
    hold_hours: int = Field(48, ge=1)
    holidays: str | None = "FI"  # a country code of the `holidays` package, or none
    buffer_minutes: int = Field(0, ge=0, le=240)  # free time kept between two appointments
    slot_step_minutes: int = Field(30, ge=5, le=240)  # appointments start on this grid

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r} (e.g. 'Europe/Helsinki')") from None
        return v


class ServiceSettings(_Strict):
    duration_minutes: int = Field(ge=15, le=480)


class IcsFileCalendar(_Strict):
    ics: Path


class IcsUrlCalendar(_Strict):
    ics_url: str
    username: str | None = None
    password_env: str | None = None
    refresh_seconds: int = Field(300, ge=0)


class CalDavCalendar(_Strict):
    caldav: str
    username: str | None = None
    password_env: str | None = None


CalendarSettings = IcsFileCalendar | IcsUrlCalendar | CalDavCalendar

WorkingHours = dict[str, tuple[time, time]]


class SupervisorSettings(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    name: str
    email: str
    services: list[Literal["individual", "group", "leader"]]
    languages: list[Literal["fi", "sv", "en"]] = ["fi"]
    modes: list[Literal["remote", "onsite"]] = ["remote", "onsite"]
    locations: list[str] = []
    working_hours: dict[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], str]
    calendar: CalendarSettings | None = None

    @field_validator("working_hours")
    @classmethod
    def _hours(cls, v: dict[str, str]) -> dict[str, str]:
        for day, span in v.items():
            m = _HOURS.match(span)
            if not m:
                raise ValueError(f"{day} = {span!r}: write hours as \"08:00-16:00\"")
            h1, m1, h2, m2 = map(int, m.groups())
            if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h1, m1) >= (h2, m2):
                raise ValueError(f"{day} = {span!r}: the end must come after the start, within one day")
        return v

    def hours(self) -> WorkingHours:
        """Working hours as times per weekday key ("mon" → (08:00, 16:00))."""
        out: WorkingHours = {}
        for day, span in self.working_hours.items():
            h1, m1, h2, m2 = map(int, _HOURS.match(span).groups())  # type: ignore[union-attr]
            out[day] = (time(h1, m1), time(23, 59, 59) if h2 == 24 else time(h2, m2))
        return out


class Settings(_Strict):
    mailbox: MailboxSettings | None = None
    smtp: SmtpSettings | None = None
    database: DatabaseSettings = DatabaseSettings()
    web: WebSettings = WebSettings()
    booking: BookingSettings = BookingSettings()
    services: dict[Literal["individual", "group", "leader"], ServiceSettings] = {}
    supervisors: list[SupervisorSettings] = []
    source: Path | None = Field(None, exclude=True)  # the file these settings came from
