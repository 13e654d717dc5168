"""Supervisors' calendars: one module per kind, chosen by configuration (see ``base.py``).

``open_source`` picks the module from the settings' kind: ``ics_file`` (an .ics file on disk),
``ics_url`` (an .ics address over HTTP) or ``caldav_source`` (a CalDAV calendar, also written to).
The kind modules are imported only when a source of their kind is opened, so that commands which
never read a calendar (``mailbot parse``) do not load pydantic, httpx, caldav or the iCalendar
libraries.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from mailbot.calendars.base import Appointment, CalendarError, CalendarSource, Interval

if TYPE_CHECKING:
    import httpx

    from mailbot.config import CalendarSettings

__all__ = ["Appointment", "CalendarError", "CalendarSource", "Interval", "open_source"]


def open_source(settings: CalendarSettings, *, name: str, base_dir: Path, env: Mapping[str, str], tz: ZoneInfo,
                fetch: httpx.Client | None = None, organizer: tuple[str, str] | None = None) -> CalendarSource:
    """The calendar source the settings describe.

    ``name`` is used in every message ("Aino Virtanen's calendar (calendars/aino.ics)"); a relative
    ``ics`` path is read against ``base_dir`` (the folder of config.toml); passwords are taken from
    ``env`` by the ``password_env`` names, and a missing variable is a CalendarError naming it.
    ``fetch`` is the httpx client for ICS addresses (one with its own timeouts or proxy; default: a
    client of the source's own). ``organizer`` (address, name) is the booking mailbox, written as
    ORGANIZER of the events a CalDAV source stores; without it they are plain appointments.
    Opening reads nothing: the first ``busy()`` or ``check()`` does.
    """
    from mailbot.config import CalDavCalendar, IcsFileCalendar, IcsUrlCalendar

    if isinstance(settings, IcsFileCalendar):
        from mailbot.calendars.ics_file import IcsFileSource

        path = settings.ics if settings.ics.is_absolute() else base_dir / settings.ics
        return IcsFileSource(path, name=name, tz=tz)
    if isinstance(settings, IcsUrlCalendar):
        from mailbot.calendars.ics_url import IcsUrlSource

        password = _secret(settings.password_env, env, name)
        auth = (settings.username or "", password or "") if settings.username or password else None
        return IcsUrlSource(settings.ics_url, name=name, tz=tz, auth=auth,
                            refresh_seconds=settings.refresh_seconds, client=fetch)
    if isinstance(settings, CalDavCalendar):
        from mailbot.calendars.caldav_source import CalDavSource

        return CalDavSource(settings.caldav, name=name, tz=tz, username=settings.username,
                            password=_secret(settings.password_env, env, name), organizer=organizer)
    raise TypeError(f"not calendar settings: {settings!r}")


def _secret(variable: str | None, env: Mapping[str, str], name: str) -> str | None:
    if variable is None:
        return None
    if variable not in env:
        raise CalendarError(f"{name}: the environment variable {variable} (password_env) is not set")
    return env[variable]
