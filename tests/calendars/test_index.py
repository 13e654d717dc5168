"""The weekly cache of ``BusyIndex``: the same answer as a plain expansion, for any window, fast."""

from __future__ import annotations

import time
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.calendars.busy import BusyIndex, busy_intervals, parse_calendar
from tests.calendars.bigcal import make_calendar
from tests.calendars.helpers import TZ, at

SMALL = parse_calendar(make_calendar(300, days=120), "small")
INDEX = BusyIndex(SMALL, tz=TZ, name="small", max_chunks=6)  # few chunks: eviction is exercised too
FIRST = at(2026, 1, 1)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 130 * 24 * 4), st.integers(0, 40 * 24 * 4))
def test_cached_weeks_give_the_plain_expansion(offset, length):
    start = FIRST + timedelta(minutes=15 * offset)
    end = start + timedelta(minutes=15 * length)
    assert INDEX.busy(start, end) == busy_intervals(SMALL, start, end, tz=TZ, name="small")


def test_busy_over_5000_events_is_fast_once_parsed():
    index = BusyIndex(parse_calendar(make_calendar(5000), "big"), tz=TZ, name="big")
    start = at(2026, 11, 24, 9)
    t0 = time.perf_counter()
    first = index.busy(start, start + timedelta(days=90))
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for hour in range(100):  # the slot finder's windows move with "now"
        index.busy(start + timedelta(hours=hour), start + timedelta(days=42, hours=hour))
    warm = (time.perf_counter() - t0) / 100
    assert first and all(a.end < b.start for a, b in zip(first, first[1:], strict=False))
    # generous bounds, for slow CI machines: typically about 0.7 s cold and 0.1 ms warm
    assert cold < 10
    assert warm < 0.01
