"""Benchmark: parse and expand a 5,000-event calendar (issue 4).

    python bench/ics.py [--events 5000]

Prints the time to parse the ICS text, the first busy() over a 90-day window (expansion of
recurring events included), and repeated queries once the busy index is warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailbot.calendars.busy import BusyIndex, parse_calendar  # noqa: E402
from tests.calendars.bigcal import make_calendar  # noqa: E402

TZ = ZoneInfo("Europe/Helsinki")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=5000)
    a = ap.parse_args()
    data = make_calendar(a.events)
    t0 = time.perf_counter()
    cal = parse_calendar(data, "bench")
    parse_s = time.perf_counter() - t0
    index = BusyIndex(cal, tz=TZ, name="bench")
    start = datetime(2026, 11, 23, tzinfo=TZ)
    t0 = time.perf_counter()
    first = index.busy(start, start + timedelta(days=90))
    expand_s = time.perf_counter() - t0
    warm = []
    for k in range(300):
        s = start + timedelta(minutes=7 * k)
        t0 = time.perf_counter()
        index.busy(s, s + timedelta(days=42))
        warm.append(time.perf_counter() - t0)
    print(f"calendar: {a.events} events, {len(data) / 1e6:.1f} MB of ICS")
    print(f"parse: {parse_s * 1000:.0f} ms; first 90-day busy() with expansion: {expand_s * 1000:.0f} ms "
          f"({len(first)} busy intervals)")
    print(f"warm 42-day busy(): median {statistics.median(warm) * 1000:.3f} ms over {len(warm)} queries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
