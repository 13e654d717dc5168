"""A calendar published as an .ics address (``calendar = { ics_url = "https://…/aino.ics" }``).

The body is fetched with httpx (HTTP basic auth when a username is configured) and kept with its
ETag and Last-Modified. Once ``refresh_seconds`` have passed, the next query asks again with
If-None-Match / If-Modified-Since: 304 keeps the parsed copy, 200 replaces it. When the server
cannot be reached or answers with an error, a copy fetched less than ``max_stale_seconds`` ago is
still served (with a warning in the log) so that one outage does not stop all booking; without such
a copy the query raises CalendarError naming the address and the status. ``check()`` always asks
the server and never falls back to the copy. Read-only.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import httpx

from mailbot.calendars.base import CalendarError, CalendarSource, Interval
from mailbot.calendars.busy import BusyIndex, parse_calendar

logger = logging.getLogger(__name__)

USER_AGENT = "mailbot (calendar reader)"


class IcsUrlSource(CalendarSource):
    def __init__(self, url: str, *, name: str, tz: ZoneInfo, auth: tuple[str, str] | None = None,
                 refresh_seconds: float = 300, client: httpx.Client | None = None,
                 clock: Callable[[], float] = time.monotonic, max_stale_seconds: float = 24 * 3600,
                 timeout: float = 15.0) -> None:
        self.url = url
        self.name = name
        self.tz = tz
        self.refresh_seconds = refresh_seconds
        self.max_stale_seconds = max_stale_seconds
        self._auth = auth
        self._own_client = client is None
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=True,
                                              headers={"User-Agent": USER_AGENT})
        self._clock = clock
        self._index: BusyIndex | None = None
        self._etag: str | None = None
        self._last_modified: str | None = None
        self._fetched_at = 0.0  # when the server last confirmed the copy (200 or 304)
        self._next_try = 0.0
        self._lock = threading.Lock()

    def busy(self, start: datetime, end: datetime) -> list[Interval]:
        with self._lock:
            if self._index is None or self._clock() >= self._next_try:
                self._refresh(strict=False)
            index = self._index
        assert index is not None  # _refresh either sets it or raises
        return index.busy(start, end)

    def check(self) -> None:
        with self._lock:
            self._refresh(strict=True)

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def _refresh(self, *, strict: bool) -> None:
        headers: dict[str, str] = {}
        if self._index is not None:
            if self._etag:
                headers["If-None-Match"] = self._etag
            if self._last_modified:
                headers["If-Modified-Since"] = self._last_modified
        where = _without_password(self.url)
        try:
            response = self._client.get(self.url, headers=headers, auth=self._auth)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return self._failed(f"GET {where} failed: {exc or type(exc).__name__}", strict)
        if response.status_code == 304 and self._index is not None:
            return self._confirmed()
        if response.status_code == 401:
            return self._failed(f"GET {where}: 401 Unauthorized: check username and password_env", strict)
        if response.status_code != 200:
            return self._failed(f"GET {where}: {response.status_code} {response.reason_phrase}", strict)
        try:
            cal = parse_calendar(response.content, f"GET {where}")
        except CalendarError as exc:
            return self._failed(str(exc), strict)
        self._index = BusyIndex(cal, tz=self.tz, name=self.name)
        self._etag = response.headers.get("ETag")
        self._last_modified = response.headers.get("Last-Modified")
        self._confirmed()

    def _confirmed(self) -> None:
        self._fetched_at = self._clock()
        self._next_try = self._fetched_at + self.refresh_seconds

    def _failed(self, problem: str, strict: bool) -> None:
        age = self._clock() - self._fetched_at
        if strict or self._index is None or age > self.max_stale_seconds:
            raise CalendarError(f"{self.name}: {problem}")
        logger.warning("%s: %s; using the copy fetched %.0f s ago", self.name, problem, age)
        # ask again after the usual interval, not on every query while the server is down
        self._next_try = self._clock() + self.refresh_seconds


def _without_password(url: str) -> str:
    """The address as messages may show it: user names and passwords in it are left out."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
