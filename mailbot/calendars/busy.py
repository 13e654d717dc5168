"""Busy time from iCalendar data, shared by every calendar kind.

``parse_calendar`` turns bytes into an ``icalendar.Calendar`` (or a CalendarError naming the
calendar); ``busy_intervals`` expands one calendar over one window; ``BusyIndex`` keeps a parsed
calendar and answers many windows quickly by caching the expanded busy time per week.

Recurrence is always expanded by ``recurring_ical_events`` (RRULE, RDATE, EXDATE and moved
occurrences with RECURRENCE-ID); this module only turns occurrences into intervals:
- DATE values are busy for whole local days in ``tz``; floating times are read in ``tz``; times
  with a TZID (or UTC) are converted to ``tz``;
- TRANSP:TRANSPARENT, STATUS:CANCELLED and Outlook's X-MICROSOFT-CDO-BUSYSTATUS:FREE are not busy;
- without DTEND the library applies DURATION, else one day for a date, else zero length (RFC 5545
  3.6.1), and a zero-length event blocks nothing.
A single broken event is left out with a warning that names its UID (never its summary, which may
be private); the rest of the calendar is kept.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import recurring_ical_events
import x_wr_timezone
from icalendar import Calendar, Component

from mailbot.calendars.base import CalendarError, Interval

logger = logging.getLogger(__name__)

# Floating and all-day times only become instants in ``tz``; the library compares them with the
# window in its own way, so it is asked for a day more on each side and the result is clipped here.
PAD = timedelta(days=1)
CHUNK = timedelta(days=7)
_EPOCH = datetime(2000, 1, 3, tzinfo=UTC)  # a Monday: chunks are fixed instants, shared by all queries
_TIME_PROPERTIES = frozenset({"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"})


def parse_calendar(data: bytes | str, name: str) -> Calendar:
    """The VCALENDAR in ``data``; several VCALENDARs in one feed are read as one."""
    try:
        parsed = Calendar.from_ical(data, multiple=True)
    except Exception as exc:  # the parser raises several types; any of them means "not iCalendar"
        # only the first clause of the message: the rest quotes the data, which may be private
        reason = str(exc).split(":", 1)[0].strip()[:80] or type(exc).__name__
        raise CalendarError(f"{name}: not valid iCalendar data ({reason})") from None
    calendars = [c for c in parsed if c.name == "VCALENDAR"]
    if not calendars:
        raise CalendarError(f"{name}: not valid iCalendar data (no complete VCALENDAR)")
    cal = calendars[0]
    for other in calendars[1:]:
        for sub in other.subcomponents:
            cal.add_component(sub)
    if "X-WR-TIMEZONE" in cal:
        # Google writes recurring events in UTC and means them in X-WR-TIMEZONE: without this a
        # weekly 09:00 meeting would move by an hour at every DST change
        cal = x_wr_timezone.to_standard(cal)
    return cal


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, with overlapping and touching intervals joined."""
    out: list[Interval] = []
    for iv in sorted(intervals):
        if out and iv.start <= out[-1].end:
            if iv.end > out[-1].end:
                out[-1] = Interval(out[-1].start, iv.end)
        else:
            out.append(iv)
    return out


def busy_intervals(cal: Calendar, start: datetime, end: datetime, *, tz: ZoneInfo, name: str) -> list[Interval]:
    """Busy time of ``cal`` in [start, end): merged, sorted, clipped; no caching."""
    if end <= start:
        return []
    found = _Expander(cal, tz=tz, name=name).expand(start, end)
    return merge(Interval(max(iv.start, start), min(iv.end, end)) for iv in found)


class BusyIndex:
    """A parsed calendar that answers ``busy(start, end)`` for many windows.

    The calendar is expanded per week (one library call for each run of weeks not yet seen) and the
    merged intervals of each week are kept, so repeated queries over the booking horizon cost a few
    list operations. ``max_chunks`` bounds the memory; the least recently used weeks are dropped.
    """

    def __init__(self, cal: Calendar, *, tz: ZoneInfo, name: str, max_chunks: int = 1024) -> None:
        self._expander = _Expander(cal, tz=tz, name=name)
        self._tz = tz
        self._chunks: OrderedDict[int, list[Interval]] = OrderedDict()
        self._max_chunks = max_chunks
        self._lock = threading.Lock()

    @property
    def calendar(self) -> Calendar:
        return self._expander.cal

    def busy(self, start: datetime, end: datetime) -> list[Interval]:
        if end <= start:
            return []
        first, last = _chunk_of(start), _chunk_of(end - timedelta(microseconds=1))
        with self._lock:
            missing = [k for k in range(first, last + 1) if k not in self._chunks]
            for run_first, run_last in _runs(missing):
                self._fill(run_first, run_last)
            pieces: list[Interval] = []
            for k in range(first, last + 1):
                self._chunks.move_to_end(k)
                pieces += self._chunks[k]
            while len(self._chunks) > self._max_chunks:
                self._chunks.popitem(last=False)
        clipped = (Interval(max(iv.start, start), min(iv.end, end)) for iv in pieces
                   if iv.end > start and iv.start < end)
        return merge(clipped)

    def _fill(self, first: int, last: int) -> None:
        edges = [self._edge(k) for k in range(first, last + 2)]
        buckets: dict[int, list[Interval]] = {k: [] for k in range(first, last + 1)}
        for iv in self._expander.expand(edges[0], edges[-1]):
            lo = max(first, _chunk_of(iv.start))
            hi = min(last, _chunk_of(iv.end - timedelta(microseconds=1)))
            for k in range(lo, hi + 1):
                a, b = edges[k - first], edges[k - first + 1]
                buckets[k].append(Interval(max(iv.start, a), min(iv.end, b)))
        for k, found in buckets.items():
            self._chunks[k] = merge(found)

    def _edge(self, k: int) -> datetime:
        return (_EPOCH + k * CHUNK).astimezone(self._tz)


class _Expander:
    """Occurrences → intervals, leaving out (and reporting once) the events that cannot be read."""

    def __init__(self, cal: Calendar, *, tz: ZoneInfo, name: str) -> None:
        self.cal = cal
        self.tz = tz
        self.name = name
        self._warned: set[str] = set()
        self._query: Any = None
        for event in [c for c in cal.subcomponents if c.name == "VEVENT"]:
            broken = sorted({prop for prop, _msg in event.errors if prop in _TIME_PROPERTIES})
            if "DTSTART" not in event:
                broken.append("no DTSTART")
            if broken or (broken := _unsafe_rules(event)):
                self._drop([event], ", ".join(broken))

    def expand(self, start: datetime, end: datetime) -> list[Interval]:
        """Unmerged busy intervals that overlap [start, end)."""
        out: list[Interval] = []
        for occurrence in self._occurrences(start - PAD, end + PAD):
            try:
                iv = _interval(occurrence, self.tz)
            except Exception as exc:  # a value the library passed through but that is not a time
                self._warn(str(occurrence.get("UID", "?")), type(exc).__name__)
                continue
            if iv is not None and iv.end > start and iv.start < end:
                out.append(iv)
        return out

    def _occurrences(self, start: datetime, end: datetime) -> list[Component]:
        try:
            return self._of().between(start, end)
        except Exception:  # some series cannot be expanded: find them, leave them out, try again
            self._drop_bad_series(start, end)
        try:
            return self._of().between(start, end)
        except Exception as exc:  # not one series alone: the calendar as a whole cannot be read
            raise CalendarError(f"{self.name}: recurring events cannot be expanded ({type(exc).__name__})") from None

    def _of(self) -> Any:
        if self._query is None:
            self._query = recurring_ical_events.of(self.cal)
        return self._query

    def _drop_bad_series(self, start: datetime, end: datetime) -> None:
        zones = [c for c in self.cal.subcomponents if c.name == "VTIMEZONE"]
        series: dict[str, list[Component]] = {}
        for event in self.cal.subcomponents:
            if event.name == "VEVENT":
                series.setdefault(str(event.get("UID", "")), []).append(event)
        for events in series.values():
            alone = Calendar()
            for sub in [*zones, *events]:
                alone.add_component(sub)
            try:
                recurring_ical_events.of(alone).between(start, end)
            except Exception as exc:
                self._drop(events, type(exc).__name__)

    def _drop(self, events: list[Component], why: str) -> None:
        for event in events:
            self.cal.subcomponents.remove(event)
        self._query = None
        self._warn(str(events[0].get("UID", "?")), why)

    def _warn(self, uid: str, why: str) -> None:
        if uid not in self._warned:
            self._warned.add(uid)
            logger.warning("%s: event UID %s left out, it cannot be read (%s)", self.name, uid, why)


def _unsafe_rules(event: Component) -> list[str]:
    """Rules that would stall the expansion: dateutil loops forever on INTERVAL=0, and a rule
    repeating every second or minute makes millions of occurrences in a booking horizon."""
    rules = event.get("RRULE", [])
    problems = []
    for rule in rules if isinstance(rules, list) else [rules]:
        if any(not isinstance(n, int) or n < 1 for n in rule.get("INTERVAL", [1])):
            problems.append("RRULE INTERVAL below 1")
        if any(str(f).upper() in ("SECONDLY", "MINUTELY") for f in rule.get("FREQ", [])):
            problems.append("RRULE more often than hourly")
    return problems


def _interval(event: Component, tz: ZoneInfo) -> Interval | None:
    if str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
        return None
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
    if str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper() == "FREE":
        return None
    start = event["DTSTART"].dt
    # the library writes DTEND on every occurrence it returns (from DURATION or the RFC default)
    end = event["DTEND"].dt if "DTEND" in event else start
    a, b = _local(start, tz), _local(end, tz)
    return Interval(a, b) if b > a else None


def _local(value: date | datetime, tz: ZoneInfo) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), tz)
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value.astimezone(tz)


def _chunk_of(t: datetime) -> int:
    return (t - _EPOCH) // CHUNK


def _runs(keys: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] → [(1, 3), (7, 8)]."""
    runs: list[tuple[int, int]] = []
    for k in keys:
        if runs and runs[-1][1] == k - 1:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    return runs
