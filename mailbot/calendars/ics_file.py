"""A calendar kept as an .ics file on disk (``calendar = { ics = "calendars/aino.ics" }``).

The file is parsed once and parsed again only when its modification time or size changes; busy
time is expanded per query from the parsed calendar (``BusyIndex`` caches it per week). Read-only.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mailbot.calendars.base import CalendarError, CalendarSource, Interval
from mailbot.calendars.busy import BusyIndex, parse_calendar


class IcsFileSource(CalendarSource):
    def __init__(self, path: Path, *, name: str, tz: ZoneInfo) -> None:
        self.path = path
        self.name = name
        self.tz = tz
        self._stamp: tuple[int, int] | None = None
        self._index: BusyIndex | None = None
        self._lock = threading.Lock()

    def busy(self, start: datetime, end: datetime) -> list[Interval]:
        return self._current().busy(start, end)

    def check(self) -> None:
        self._current()

    def _current(self) -> BusyIndex:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            raise CalendarError(f"{self.name}: file not found: {self.path}") from None
        except OSError as exc:
            raise CalendarError(f"{self.name}: cannot read {self.path}: {exc.strerror}") from None
        # size as well as mtime: two writes within the clock's resolution keep the same mtime
        stamp = (st.st_mtime_ns, st.st_size)
        with self._lock:
            if self._index is None or stamp != self._stamp:
                try:
                    data = self.path.read_bytes()
                except OSError as exc:
                    raise CalendarError(f"{self.name}: cannot read {self.path}: {exc.strerror}") from None
                self._index = BusyIndex(parse_calendar(data, self.name), tz=self.tz, name=self.name)
                self._stamp = stamp
            return self._index
