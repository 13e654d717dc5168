"""Free slots: who can see the client when (issue 4 item 3).

Given what the client wants and the settings, ``SlotFinder.find`` returns up to
``options_per_proposal`` proposals. Each proposal is a first session plus, for a series, the
following sessions at the cadence with the same supervisor, each checked free. All day and hour
arithmetic is in the configured zone, so a 09:00 appointment after a DST change is at 09:00 local.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from mailbot.calendars.base import CalendarError, CalendarSource, Interval
from mailbot.calendars.busy import merge
from mailbot.config import WEEKDAY_KEYS, Settings, SupervisorSettings
from mailbot.understand.result import ParseResult

CADENCE_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 28}  # monthly keeps the weekday: every 4th week
DEFAULT_SERVICE = "individual"


@dataclass(frozen=True)
class SlotRequest:
    """What the parser understood, reduced to what slot finding needs."""

    service: str | None = None
    language: str = "fi"
    mode: str | None = None
    location: str | None = None
    supervisor: str | None = None  # a name as the client wrote it
    windows: Sequence[tuple[datetime, datetime]] = ()
    sessions: int | None = None
    cadence: str | None = None


def request_from_parse(parsed: ParseResult) -> SlotRequest:
    """What slot finding needs of the parser's reading (CONTRACT §2)."""
    return SlotRequest(service=parsed.service, language=parsed.language, mode=parsed.mode,
                       location=parsed.location, supervisor=parsed.supervisor, windows=tuple(parsed.windows),
                       sessions=parsed.sessions, cadence=parsed.cadence)


@dataclass(frozen=True)
class Slot:
    supervisor_id: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Proposal:
    first: Slot
    following: tuple[Slot, ...] = ()

    @property
    def slots(self) -> tuple[Slot, ...]:
        return (self.first, *self.following)


@dataclass
class SearchReport:
    proposals: list[Proposal]
    unavailable: dict[str, str] = field(default_factory=dict)  # supervisor id → why its calendar failed
    eligible: list[str] = field(default_factory=list)


Taken = Callable[[str, datetime, datetime], Iterable[Interval]]  # holds and bookings from the store


def _no_taken(_sid: str, _a: datetime, _b: datetime) -> list[Interval]:
    return []


class SlotFinder:
    def __init__(
        self,
        settings: Settings,
        calendars: Mapping[str, CalendarSource],
        taken: Taken = _no_taken,
    ) -> None:
        self.settings = settings
        self.booking = settings.booking
        self.tz = ZoneInfo(self.booking.timezone)
        self.calendars = calendars
        self.taken = taken
        self._holidays: dict[int, set[date]] = {}
        self._hours = {s.id: s.hours() for s in settings.supervisors}

    # --- who -----------------------------------------------------------------------------------
    def eligible(self, req: SlotRequest) -> list[SupervisorSettings]:
        service = req.service or DEFAULT_SERVICE
        out = []
        for s in self.settings.supervisors:
            if req.supervisor and not _same_person(req.supervisor, s.name):
                continue
            if service not in s.services or req.language not in s.languages:
                continue
            if req.mode and req.mode not in s.modes:
                continue
            if req.mode == "onsite" and req.location and req.location.lower() not in {x.lower() for x in s.locations}:
                continue
            out.append(s)
        return out

    # --- when ----------------------------------------------------------------------------------
    def find(self, req: SlotRequest, now: datetime) -> SearchReport:
        service = req.service or DEFAULT_SERVICE
        duration = timedelta(minutes=self.settings.services[service].duration_minutes) \
            if service in self.settings.services else timedelta(minutes=60)
        earliest = now + timedelta(hours=self.booking.min_notice_hours)
        latest = now + timedelta(days=self.booking.horizon_days)
        windows = sorted((max(a, earliest), min(b, latest)) for a, b in req.windows if b > earliest and a < latest)
        if req.windows and not windows:
            return SearchReport([], eligible=[s.id for s in self.eligible(req)])
        step = CADENCE_DAYS.get(req.cadence or "", 0)
        series = max(1, req.sessions or 1) if step else 1
        reach = latest + timedelta(days=step * (series - 1)) + duration
        report = SearchReport([])
        streams = []
        free_by_sid: dict[str, list[Interval]] = {}
        for sup in self.eligible(req):
            report.eligible.append(sup.id)
            try:
                free = self.free_intervals(sup, earliest, reach)
            except CalendarError as exc:
                report.unavailable[sup.id] = str(exc)
                continue
            free_by_sid[sup.id] = free
            streams.append(self._starts(sup.id, free, duration, earliest, latest, windows))
        # every supervisor's starts come in time order: merge them lazily, stop at enough options
        candidates = heapq.merge(*streams, key=lambda s: (s.start, s.supervisor_id))
        with_time = {sid for sid, free in free_by_sid.items() if free}
        proposals: list[Proposal] = []
        chosen: list[Slot] = []  # every session of every option: the options are held together
        for first in self._spread(candidates, len(with_time)):
            following = self._series(first, free_by_sid[first.supervisor_id], duration, step, series)
            if following is None:
                continue
            if any(o.supervisor_id == s.supervisor_id and o.start < s.end and s.start < o.end
                   for s in (first, *following) for o in chosen):
                continue
            chosen += [first, *following]
            proposals.append(Proposal(first, following))
            if len(proposals) == self.booking.options_per_proposal:
                break
        report.proposals = proposals
        return report

    def free_intervals(self, sup: SupervisorSettings, start: datetime, end: datetime) -> list[Interval]:
        """Working hours minus busy time (with the buffer), holds, bookings and holidays."""
        buffer = timedelta(minutes=self.booking.buffer_minutes)
        blocked: list[Interval] = []
        cal = self.calendars.get(sup.id)
        if cal is not None:
            blocked += cal.busy(start - buffer, end + buffer)
        blocked += self.taken(sup.id, start - buffer, end + buffer)
        blocked = merge([Interval(b.start - buffer, b.end + buffer) for b in blocked])
        ends = [b.end for b in blocked]
        hours = self._hours[sup.id]
        free: list[Interval] = []
        day = start.astimezone(self.tz).date()
        while day <= end.astimezone(self.tz).date():
            span = hours.get(WEEKDAY_KEYS[day.weekday()])
            if span and not self.is_holiday(day):
                a = datetime.combine(day, span[0], self.tz)
                b = datetime.combine(day, span[1], self.tz) if span[1] != time(23, 59, 59) else \
                    datetime.combine(day + timedelta(days=1), time(0), self.tz)
                free += _subtract(Interval(max(a, start), min(b, end)), blocked, ends)
            day += timedelta(days=1)
        return free

    def is_holiday(self, day: date) -> bool:
        if not self.booking.holidays:
            return False
        if day.year not in self._holidays:
            import holidays  # the table of Finnish public holidays, kept by its maintainers

            self._holidays[day.year] = set(holidays.country_holidays(self.booking.holidays, years=day.year))
        return day in self._holidays[day.year]

    def _starts(self, sid: str, free: list[Interval], duration: timedelta, earliest: datetime,
                latest: datetime, windows: list[tuple[datetime, datetime]]) -> Iterator[Slot]:
        step = timedelta(minutes=self.booking.slot_step_minutes)
        for iv in free:
            parts = [iv] if not windows else [Interval(max(iv.start, a), min(iv.end, b))
                                               for a, b in windows if a < iv.end and iv.start < b]
            for p in parts:
                s = _ceil_to_grid(max(p.start, earliest), step, self.tz)
                while s + duration <= p.end and s < latest:
                    yield Slot(sid, s, s + duration)
                    s += step

    def _spread(self, candidates: Iterable[Slot], supervisors: int) -> Iterator[Slot]:
        """Soonest first, but each option on another day and, when possible, with another supervisor."""
        used_days: set[date] = set()
        used_sups: set[str] = set()
        rest: list[Slot] = []
        same_day: list[Slot] = []  # a client who names one afternoon still gets a choice within it
        for c in candidates:
            day = c.start.astimezone(self.tz).date()
            if day in used_days:
                if len(same_day) < 500:
                    same_day.append(c)
                continue
            if c.supervisor_id in used_sups and len(used_sups) < supervisors:
                rest.append(c)
                continue
            used_days.add(day)
            used_sups.add(c.supervisor_id)
            yield c
        for c in rest:  # second round: same supervisor, still another day
            day = c.start.astimezone(self.tz).date()
            if day not in used_days:
                used_days.add(day)
                yield c
        # third round: the same day, other supervisors first, then later hours
        yield from sorted(same_day + rest, key=lambda c: (c.supervisor_id in used_sups, c.start))

    def _series(self, first: Slot, free: list[Interval], duration: timedelta, step: int,
                count: int) -> tuple[Slot, ...] | None:
        out = []
        local = first.start.astimezone(self.tz)
        starts = [iv.start for iv in free]
        for k in range(1, count):
            day = local.date() + timedelta(days=step * k)
            s = datetime.combine(day, local.time(), self.tz)  # same local time across DST
            e = s + duration
            i = bisect.bisect_right(starts, s) - 1
            if i < 0 or free[i].end < e:
                return None
            out.append(Slot(first.supervisor_id, s, e))
        return tuple(out)


def _same_person(asked: str, name: str) -> bool:
    a = {w.lower() for w in asked.split()}
    return bool(a & {w.lower() for w in name.split()}) and (len(a) == 1 or asked.lower() == name.lower()
                                                            or a <= {w.lower() for w in name.split()})


def _ceil_to_grid(t: datetime, step: timedelta, tz: ZoneInfo) -> datetime:
    local = t.astimezone(tz)
    midnight = datetime.combine(local.date(), time(0), tz)
    minutes = (local - midnight).total_seconds() / 60
    n = -(-minutes // (step.total_seconds() / 60))
    return (midnight + timedelta(minutes=n * step.total_seconds() / 60)).astimezone(tz)


def _subtract(span: Interval, blocked: list[Interval], ends: list[datetime]) -> list[Interval]:
    if span.end <= span.start:
        return []
    out = []
    cur = span.start
    i = bisect.bisect_left(ends, span.start)
    for b in blocked[i:]:
        if b.start >= span.end:
            break
        if b.start > cur:
            out.append(Interval(cur, min(b.start, span.end)))
        cur = max(cur, b.end)
    if cur < span.end:
        out.append(Interval(cur, span.end))
    return out
