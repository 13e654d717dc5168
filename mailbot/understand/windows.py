"""From mentions to windows: the calendar arithmetic of CONTRACT.md §2.1.

Mentions are grouped into frames (what one stretch of text says about days and hours); frames
that include time are united, frames that exclude time are subtracted. All day arithmetic is in
the configured zone, so a window on the Monday after a DST change is still 08:00–20:00 local.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from mailbot.understand.mentions import DAY_END, DAY_START, Mention

Interval = tuple[datetime, datetime]


@dataclass
class Context:
    now: datetime
    horizon_days: int
    tz: ZoneInfo
    problems: list[str] = field(default_factory=list)
    last_week_monday: date | None = None  # for "saman viikon" / "the same week"
    last_date: date | None = None  # the booked day named before: "the following Tuesday" is after it

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def last_day(self) -> date:
        return (self.now + timedelta(days=self.horizon_days)).date()

    def horizon(self) -> list[date]:
        return [self.today + timedelta(days=i) for i in range((self.last_day - self.today).days + 1)]

    def clip(self, days: set[date] | list[date]) -> set[date]:
        return {d for d in days if self.today <= d <= self.last_day}

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)


@dataclass
class Frame:
    dates: set[date] = field(default_factory=set)
    spans: list[set[date]] = field(default_factory=list)
    weekdays: set[int] = field(default_factory=set)
    habitual: bool = False
    times: list[tuple[int, int]] = field(default_factory=list)
    any_time: bool = False
    named: bool = False  # it named days, even if none of them is left (past, outside the horizon)
    alternative: bool = False  # came after a day with its hours: "huomenna aamulla tai ylihuomenna"
    either: bool = False  # "iltaisin, tai sit viikolla 12": hours or days, either one, each whole on its own
    every_other: bool = False  # its weekdays every other week, from the first
    not_before: date | None = None  # "Sen jälkeen torstai-iltapäivät": only days after what was said before

    @property
    def has_days(self) -> bool:
        return bool(self.dates or self.spans or self.weekdays or self.named)

    def merge(self, other: Frame) -> None:
        self.dates |= other.dates
        self.spans += other.spans
        self.weekdays |= other.weekdays
        self.habitual = self.habitual or other.habitual
        self.times = combine_times(self.times + other.times)
        self.any_time = self.any_time or other.any_time
        self.named = self.named or other.named
        self.every_other = self.every_other or other.every_other
        self.not_before = self.not_before or other.not_before


def combine_times(times: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Nested ranges narrow each other ("aamuisin ennen klo 10" → 08–10), and so does an open bound
    that overlaps a part of the day ("iltapäivällä kahden jälkeen" → 14–16); others are alternatives."""
    out: list[tuple[int, int]] = []
    for a, b in times:
        for i, (c, d) in enumerate(out):
            overlap = a < d and c < b
            bound = b == DAY_END or d == DAY_END or a == DAY_START or c == DAY_START
            if (c <= a and b <= d) or (a <= c and d <= b) or (overlap and bound):
                out[i] = (max(a, c), min(b, d))
                break
            # "kahdelta päivällä": an hour that starts at the part's end is that hour, not the part as well
            if b - a <= 60 < d - c and a == d:
                out[i] = (a, b)
                break
            if d - c <= 60 < b - a and c == b:
                break
        else:
            out.append((a, b))
    return out


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def week_days(mon: date) -> set[date]:
    return {mon + timedelta(days=i) for i in range(5)}


def _next_date(ctx: Context, day: int, month: int, year: int | None) -> date | None:
    years = [year] if year else [ctx.today.year, ctx.today.year + 1]
    for y in years:
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if year or d >= ctx.today:
            return d
    return None


def _next_day_of_month(ctx: Context, day: int) -> date | None:
    d = ctx.today
    for _ in range(3):
        candidate = _safe_date(d.year, d.month, day)
        if candidate and candidate >= ctx.today:
            return candidate
        d = (d.replace(day=1) + timedelta(days=32)).replace(day=1)
    return None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth such weekday of a month (nth -1: the last), or None when the month has no such."""
    first = date(year, month, 1)
    if nth > 0:
        d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return d if d.month == month else None
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _month_starts(ctx: Context, count: int) -> list[date]:
    first = ctx.today.replace(day=1)
    out = [first]
    for _ in range(count - 1):
        out.append((out[-1] + timedelta(days=32)).replace(day=1))
    return out


def _nth_days(m: Mention, ctx: Context) -> set[date]:
    """'kuun ensimmäinen tiistai', 'första fredagen i april', 'the last Thursday of every month'."""
    assert m.nth is not None
    w = min(m.weekdays)
    months = _month_starts(ctx, 16)
    if m.month is not None:
        months = [d for d in months if d.month == m.month]
    elif m.rel_month == "this":
        months = months[:1]
    elif m.rel_month == "next":
        months = months[1:2]
    days = [d for d in (_nth_weekday(s.year, s.month, w, m.nth) for s in months) if d is not None and d > ctx.today]
    if m.habitual:
        return set(days)
    return set(days[:1])


def _date_days(m: Mention, ctx: Context) -> set[date]:
    if m.nth is not None:
        return _nth_days(m, ctx)
    assert m.day is not None
    if m.month is None and m.rel_month == "next":  # "the 2nd of next month"
        first = (ctx.today.replace(day=1) + timedelta(days=32)).replace(day=1)
        d = _safe_date(first.year, first.month, m.day)
        if d is None:
            ctx.problem("impossible date")
        return {d} if d else set()
    if m.month is None:  # "on the 12th"
        d = _next_day_of_month(ctx, m.day)
        return {d} if d else set()
    readings = [(m.day, m.month), *m.alternatives]
    out: set[date] = set()
    for day, month in readings:
        d = _next_date(ctx, day, month, m.year)
        if d is None:
            ctx.problem("impossible date")
            continue
        if m.year is None:
            this_year = _safe_date(ctx.today.year, month, day)
            if this_year and this_year < ctx.today and (ctx.today - this_year).days <= 60:
                ctx.problem("requested date is in the past")
                continue
        elif d < ctx.today:
            ctx.problem("requested date is in the past")
            continue
        out.add(d)
        if m.weekdays and d.weekday() not in m.weekdays:
            ctx.problem("weekday and date disagree")
            for w in m.weekdays:
                out.add(monday(d) + timedelta(days=w))
        if m.offset is not None and ctx.today + timedelta(days=m.offset) != d:
            ctx.problem("relative day and date disagree")
            out.add(ctx.today + timedelta(days=m.offset))
    if m.alternatives:
        ctx.problem("ambiguous date")
    return out


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_days(m: Mention, ctx: Context) -> set[date]:
    if m.rel_month == "next_year":  # "ens vuoden puolella": 1 January onwards
        start = date(ctx.today.year + 1, 1, 1)
        return {start + timedelta(days=i) for i in range(366) if (start + timedelta(days=i)).year == start.year}
    if m.rel_month is not None:
        first = ctx.today.replace(day=1)
        if m.rel_month == "next":
            first = (first + timedelta(days=32)).replace(day=1)
        month, year = first.month, first.year
    else:
        assert m.month is not None
        month = m.month
        year = ctx.today.year if month >= ctx.today.month else ctx.today.year + 1
    start = date(year, month, 1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if m.part == "early":
        end = start.replace(day=10)
    elif m.part == "mid":
        start, end = start.replace(day=11), start.replace(day=20)
    elif m.part == "late":
        start = start.replace(day=21)
    elif m.part == "first_weeks":  # "the first two weeks of April"
        end = start.replace(day=14)
    elif m.part == "last_week":  # the week of the month's last day, or the week before when it ends early
        monday_of_last = end - timedelta(days=end.weekday())
        if end.weekday() < 3:
            monday_of_last -= timedelta(days=7)
        start, end = monday_of_last, min(end, monday_of_last + timedelta(days=6))
    elif m.part and m.part.startswith("week"):  # "the second week of March": counted from the first week,
        first_monday = start - timedelta(days=start.weekday())  # the week of the 1st, or the next one
        if start.weekday() >= 3:  # when the month starts on Thursday or later (as "last_week", mirrored)
            first_monday += timedelta(days=7)
        mon = first_monday + timedelta(days=7 * (int(m.part[4:]) - 1))
        start, end = max(start, mon), min(end, mon + timedelta(days=4))  # Monday–Friday, as a week is
    return {start + timedelta(days=i) for i in range((end - start).days + 1)}


def _week_days(m: Mention, ctx: Context) -> set[date]:
    if m.more_weeks:  # several weeks by number: each of them
        out: set[date] = set()
        for n in (m.week, *m.more_weeks):
            out |= _week_days(Mention("week", m.start, m.end, week=n), ctx)
        return out
    this_monday = monday(ctx.today)
    if m.in_weeks is not None:
        mon = monday(ctx.today + timedelta(days=7 * m.in_weeks))
    elif m.week == "this":
        mon = this_monday
    elif m.week == "next":
        mon = this_monday + timedelta(days=7)
    elif m.week == "after_next":
        mon = this_monday + timedelta(days=14)
    elif m.week == "following":  # the week after the one named before, else next week
        mon = (ctx.last_week_monday or this_monday) + timedelta(days=7)
    elif m.week == "of":
        d = _next_date(ctx, m.day, m.month, None) if m.day and m.month else None
        mon = monday(d) if d else this_monday
    elif m.week == "part":  # "loppuviikosta": the week in context, else this one
        mon = ctx.last_week_monday or this_monday
        part = _WEEK_PARTS[m.part or "rest"]
        if mon == this_monday and all(mon + timedelta(days=i) < ctx.today for i in part):
            mon += timedelta(days=7)  # "alkuviikosta" written on a Friday: early next week
        return {mon + timedelta(days=i) for i in part if mon + timedelta(days=i) >= ctx.today}
    elif m.week == "same":
        mon = ctx.last_week_monday or this_monday + timedelta(days=7)
    else:
        assert isinstance(m.week, int)
        mon = _iso_monday(ctx.today.year, m.week) or this_monday
        if mon < this_monday:
            mon = _iso_monday(ctx.today.year + 1, m.week) or this_monday
    ctx.last_week_monday = mon
    days = week_days(mon)
    if m.part == "early":
        days = {mon + timedelta(days=i) for i in range(3)}
    elif m.part == "late":
        days = {mon + timedelta(days=i) for i in (3, 4)}
    return {d for d in days if d >= ctx.today} if m.week == "this" else days


_WEEK_PARTS = {"early": (0, 1, 2), "late": (3, 4), "rest": (0, 1, 2, 3, 4)}


def _iso_monday(year: int, week: int) -> date | None:
    try:
        return date.fromisocalendar(year, week, 1)
    except ValueError:  # week 53 in a year that has 52
        return None


def _range_days(m: Mention, ctx: Context) -> set[date]:
    assert m.day and m.month and m.day2 is not None and m.month2
    if m.day2 == -1:  # "7.9. alkaen": from the date to the end of the horizon
        a = _next_date(ctx, m.day, m.month, m.year)
        return set() if a is None else {a + timedelta(days=i) for i in range((ctx.last_day - a).days + 1)}
    if m.day2 == 0:  # whole months: "januari–mars"
        year = ctx.today.year if m.month >= ctx.today.month else ctx.today.year + 1
        a = date(year, m.month, 1)
        end_year = year if m.month2 >= m.month else year + 1
        b = (date(end_year, m.month2, 1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return {a + timedelta(days=i) for i in range((b - a).days + 1)}
    a = _next_date(ctx, m.day, m.month, m.year)
    if a is None:
        return set()
    b = _safe_date(m.year2 or a.year, m.month2, m.day2)
    if b is not None and b < a:
        b = _safe_date(a.year + 1, m.month2, m.day2)
    if b is None:
        return set()
    return {a + timedelta(days=i) for i in range((b - a).days + 1)}


def mention_frame(m: Mention, ctx: Context) -> Frame:
    """What one mention says, as a frame of its own."""
    f = Frame(times=list(m.times), named=m.is_day, every_other=m.every_other)
    if m.kind == "date":
        f.dates = _date_days(m, ctx)
    elif m.kind == "relday":
        assert m.offset is not None
        f.dates = {ctx.today + timedelta(days=m.offset)}
    elif m.kind == "weekday" and m.following and ctx.last_date is not None and not m.habitual:
        f.dates = {_next_weekday(ctx.last_date, w) for w in m.weekdays}  # "the following Tuesday"
    elif m.kind == "weekday" and m.offset:  # "Monday after next": the next such day, a week on
        f.dates = {_next_weekday(ctx.today, w) + timedelta(days=m.offset) for w in m.weekdays}
    elif m.kind == "weekday":
        f.weekdays = set(m.weekdays)
        f.habitual = m.habitual
    elif m.kind == "week":
        f.spans = [_week_days(m, ctx)]
    elif m.kind == "month":
        f.spans = [_month_days(m, ctx)]
    elif m.kind == "range":
        f.spans = [_range_days(m, ctx)]
    elif m.kind == "flag" and m.flag in ("any", "asap") or m.kind == "time" and m.problems:
        f.any_time = True
    return f


def frame_days(f: Frame, ctx: Context, habitual: bool = False) -> set[date] | None:
    """The days a frame names, or None when it names none (only hours)."""
    span_days: set[date] | None = set().union(*f.spans) if f.spans else None
    if f.weekdays:
        if span_days is not None:
            span_days = {d for d in span_days if d.weekday() in f.weekdays}
        elif f.habitual or habitual:
            span_days = {d for d in ctx.horizon() if d.weekday() in f.weekdays}
        else:
            span_days = {_next_weekday(ctx.today, w) for w in f.weekdays}
    if f.dates and span_days and f.dates <= span_days:
        span_days = None  # "next week … Tuesday 17/8 or Thursday 19/8": the dates name the days of the week meant
    if f.every_other and f.weekdays and span_days:
        first = min(d for d in span_days if d >= ctx.today) if any(d >= ctx.today for d in span_days) else None
        span_days = {d for d in span_days if first is None or ((d - first).days // 7) % 2 == 0}
    if not f.dates and span_days is None:
        return set() if f.named else None
    days = ctx.clip(f.dates | (span_days or set()))
    return {d for d in days if d >= f.not_before} if f.not_before else days


def _next_weekday(today: date, weekday: int) -> date:
    ahead = (weekday - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


def frame_intervals(f: Frame, ctx: Context, *, exclusion: bool = False) -> list[Interval]:
    days = frame_days(f, ctx, habitual=exclusion)
    if days is None:
        days = set(ctx.horizon())
    default = [(0, 24 * 60)] if exclusion else [(DAY_START, DAY_END)]
    out: list[Interval] = []
    for d in sorted(days):
        for a, b in f.times or default:
            out.append((_at(d, a, ctx.tz), _at(d, b, ctx.tz)))
    return out


def _at(d: date, minutes: int, tz: ZoneInfo) -> datetime:
    if minutes >= 24 * 60:
        return datetime.combine(d + timedelta(days=1), time(0), tz)
    return datetime.combine(d, time(minutes // 60, minutes % 60), tz)


def subtract(windows: list[Interval], holes: list[Interval]) -> list[Interval]:
    out = windows
    for hs, he in holes:
        nxt: list[Interval] = []
        for ws, we in out:
            if he <= ws or we <= hs:
                nxt.append((ws, we))
                continue
            if ws < hs:
                nxt.append((ws, hs))
            if he < we:
                nxt.append((he, we))
        out = nxt
    return out


def union(windows: list[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for s, e in sorted(windows):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# below this share of the offered time left after the message's own exclusions, the reading is doubted
MOSTLY_RULED_OUT = 0.15


def _within(windows: list[Interval], ctx: Context, end: datetime) -> bool:
    return any(e > ctx.now and s < end for s, e in windows)


def every_day(f: Frame) -> Frame:
    """A frame that names no day holds on every day ("iltaisin", "efter kl. 16 vilken dag som helst")."""
    if not f.has_days:
        f.weekdays, f.habitual = set(range(7)), True
    return f


def build_windows(includes: list[Frame], excludes: list[Frame], ctx: Context) -> list[Interval]:
    """CONTRACT §2.1: includes united (partial frames merged into one), minus exclusions."""
    for f in includes:
        if f.any_time and f.has_days and not f.times:  # "torstai 11.2. koko päivän"
            f.times = [(DAY_START, DAY_END)]
        if f.alternative and f.has_days and not f.times:  # "…aamupäivällä tai ylihuomenna": a whole day
            f.times = [(DAY_START, DAY_END)]
        if f.either and f.times:  # "iltaisin, tai …": evenings on any day
            every_day(f)
        if f.either and f.has_days and not f.times:  # "viikolla 12 ihan minä päivänä, tai …": whole days
            f.times = [(DAY_START, DAY_END)]
    # a frame whose days are all gone (past, beyond the horizon) lends its hours to nobody
    real = [f for f in includes if (f.has_days or f.times) and frame_days(f, ctx) != set()]
    spans = [s for f in real if not f.either for s in f.spans]  # an either-or frame lends its weeks to nobody
    full = [f for f in real if f.has_days and f.times]
    partial = [f for f in real if not (f.has_days and f.times)]
    windows: list[Interval] = []
    each: list[list[Interval]] = []  # the windows of each frame that names both days and hours
    if len(full) <= 1:
        if real:
            merged = Frame()
            for f in real:
                merged.merge(f)
            windows = frame_intervals(merged, ctx)
    else:
        rest = Frame()
        for f in partial:
            rest.merge(f)
        for f in full:
            g = Frame(set(f.dates), list(f.spans) or (spans if f.weekdays and not f.either else []), set(f.weekdays),
                      f.habitual,
                      list(f.times), named=True)
            each.append(frame_intervals(g, ctx))
            windows += each[-1]
        if rest.dates or (rest.has_days and not rest.spans):
            windows += frame_intervals(rest, ctx)
    if not real and excludes:
        windows = frame_intervals(Frame(), ctx)
    holes = [iv for f in excludes for iv in frame_intervals(f, ctx, exclusion=True)]
    wished = union(windows)
    if real and not wished:  # "torstai-iltapäivät …, alkuviikosta": days that exclude each other
        ctx.problem("the days and times asked for do not fit together")
    windows = subtract(wished, holes)
    end = ctx.now + timedelta(days=ctx.horizon_days)
    kept = [(max(s, ctx.now), min(e, end)) for s, e in windows if e > ctx.now and s < end]
    if wished and not kept:  # "lomalla 21.12.–6.1. … mikä tahansa keskiviikko": read wrong, or nothing left
        ctx.problem("every time asked for is ruled out by the message itself")
    elif holes and any(_within(own, ctx, end) and not _within(subtract(union(own), holes), ctx, end) for own in each):
        # "torstaiaamupäivät tai perjantai-iltapäivät" and "iltapäivisin on asiakaspalavereita": one wish named
        # in full is wholly ruled out by another sentence: which of them holds is for a person to judge
        ctx.problem("a time asked for is ruled out by the message itself")
    elif real and holes and kept:
        # "any morning but Monday … the only exception is week 6" leaving one morning: people rule out a part
        # of what they offer, not nearly all of it; a reading that does so has most likely misread something
        offered = sum(((min(e, end) - max(s, ctx.now)) for s, e in wished if e > ctx.now and s < end), timedelta())
        left = sum((e - s for s, e in kept), timedelta())
        if offered and left < offered * MOSTLY_RULED_OUT:
            ctx.problem("the message rules out nearly all of the times it offers")
    return kept
