"""Shared by the calendar tests: the zone, local times, the fixture folder, intervals as text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mailbot.calendars.base import Interval

TZ = ZoneInfo("Europe/Helsinki")
DATA = Path(__file__).parent / "data"


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


def local(intervals: list[Interval]) -> list[str]:
    """Intervals as local wall-clock text, e.g. '2026-12-02 09:00–10:00', easy to read in a failure."""
    out = []
    for iv in intervals:
        a, b = iv.start.astimezone(TZ), iv.end.astimezone(TZ)
        end = b.strftime("%H:%M") if a.date() == b.date() else b.strftime("%Y-%m-%d %H:%M")
        out.append(f"{a:%Y-%m-%d %H:%M}–{end}")
    return out
