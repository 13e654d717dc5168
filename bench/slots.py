"""Benchmark of the free-slot search (issue 4): 50 supervisors, a 90-day horizon, 5,000 busy events.

    python bench/slots.py [--requests 200]

Each supervisor gets 100 events: 80 single meetings and 20 weekly recurring ones (expanded over the
horizon, as a loaded calendar serves them). Prints the time per request after the calendars are
loaded (goal < 50 ms): median and p95 over a mix of requests (no windows, windows, onsite, series).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mailbot.booking.slots import SlotFinder, SlotRequest  # noqa: E402
from mailbot.calendars.base import CalendarSource, Interval  # noqa: E402
from mailbot.config import Settings  # noqa: E402

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)


class LoadedCalendar(CalendarSource):
    """Busy intervals already expanded, as a calendar serves them once loaded."""

    def __init__(self, busy: list[Interval]) -> None:
        self._busy = sorted(busy)
        self._starts = [b.start for b in self._busy]

    def busy(self, start: datetime, end: datetime) -> list[Interval]:
        import bisect

        i = bisect.bisect_left(self._starts, start - timedelta(days=1))
        out = []
        for b in self._busy[i:]:
            if b.start >= end:
                break
            if b.end > start:
                out.append(b)
        return out


def build(rng: random.Random) -> tuple[Settings, dict[str, CalendarSource], int]:
    sups, cals, events = [], {}, 0
    cities = ["Helsinki", "Tampere", "Turku", "Oulu", "Espoo"]
    for i in range(50):
        sid = f"s{i:02d}"
        sups.append({"id": sid, "name": f"Ohjaaja {i}", "email": f"{sid}@example.fi",
                     "services": rng.sample(["individual", "group", "leader"], k=rng.randint(1, 3)),
                     "languages": ["fi"] + rng.sample(["sv", "en"], k=rng.randint(0, 2)),
                     "modes": ["remote", "onsite"], "locations": [rng.choice(cities)],
                     "working_hours": {d: "08:00-16:00" for d in ("mon", "tue", "wed", "thu", "fri")}})
        busy = []
        for _ in range(80):
            day = NOW.date() + timedelta(days=rng.randint(0, 95))
            s = datetime(day.year, day.month, day.day, rng.randint(8, 15), rng.choice([0, 30]), tzinfo=TZ)
            busy.append(Interval(s, s + timedelta(minutes=rng.choice([30, 60, 90, 120]))))
        for _ in range(20):  # weekly recurring
            day = NOW.date() + timedelta(days=rng.randint(0, 6))
            hour = rng.randint(8, 15)
            for k in range(14):
                d = day + timedelta(days=7 * k)
                s = datetime(d.year, d.month, d.day, hour, 0, tzinfo=TZ)
                busy.append(Interval(s, s + timedelta(minutes=60)))
        events += 100
        cals[sid] = LoadedCalendar(busy)
    settings = Settings.model_validate({
        "booking": {"horizon_days": 90, "min_notice_hours": 24, "options_per_proposal": 3, "buffer_minutes": 15},
        "services": {"individual": {"duration_minutes": 60}, "group": {"duration_minutes": 90},
                     "leader": {"duration_minutes": 60}},
        "supervisors": sups,
    })
    return settings, cals, events


def requests(rng: random.Random, n: int) -> list[SlotRequest]:
    out = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            out.append(SlotRequest(language="fi"))
        elif kind == 1:
            d = NOW + timedelta(days=rng.randint(7, 60))
            out.append(SlotRequest(language="fi", windows=[(d.replace(hour=12), d.replace(hour=16))]))
        elif kind == 2:
            out.append(SlotRequest(service="group", language="fi", mode="onsite", location="Tampere"))
        else:
            out.append(SlotRequest(language="fi", sessions=5, cadence="biweekly",
                                   windows=[(NOW + timedelta(days=30 + k * 7, hours=3),
                                             NOW + timedelta(days=30 + k * 7, hours=7)) for k in range(8)]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=200)
    a = ap.parse_args()
    rng = random.Random(7)
    settings, cals, events = build(rng)
    finder = SlotFinder(settings, cals)
    reqs = requests(rng, a.requests)
    finder.find(reqs[0], NOW)  # warm-up: holiday table
    times, found = [], 0
    for r in reqs:
        t0 = time.perf_counter()
        found += len(finder.find(r, NOW).proposals)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"supervisors: {len(settings.supervisors)}, busy events: {events}, horizon: 90 days, requests: {len(reqs)}")
    p95 = times[int(len(times) * 0.95)]
    print(f"slot search: median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms,"
          f" max {times[-1] * 1000:.1f} ms per request (goal < 50 ms); {found} proposals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
