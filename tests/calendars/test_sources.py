"""open_source: one module per kind, paths against the configuration's folder, passwords from env;
the ICS file kind re-reads its file only when the file changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mailbot.calendars import open_source
from mailbot.calendars.base import CalendarError
from mailbot.calendars.caldav_source import CalDavSource
from mailbot.calendars.ics_file import IcsFileSource
from mailbot.calendars.ics_url import IcsUrlSource
from mailbot.config import CalDavCalendar, IcsFileCalendar, IcsUrlCalendar
from tests.calendars.helpers import DATA, TZ, at, local

DECEMBER = (at(2026, 12, 1), at(2027, 1, 1))


def test_each_kind_opens_its_module(tmp_path):
    env = {"PW": "x"}
    ics = open_source(IcsFileCalendar(ics=Path("aino.ics")), name="a", base_dir=tmp_path, env=env, tz=TZ)
    url = open_source(IcsUrlCalendar(ics_url="https://example.fi/a.ics"), name="a", base_dir=tmp_path, env=env, tz=TZ)
    dav = open_source(CalDavCalendar(caldav="https://dav.example.fi/a/", username="a", password_env="PW"),
                      name="a", base_dir=tmp_path, env=env, tz=TZ)
    assert (type(ics), type(url), type(dav)) == (IcsFileSource, IcsUrlSource, CalDavSource)
    url.close()
    dav.close()


def test_a_relative_ics_path_is_read_from_the_configuration_folder(tmp_path):
    (tmp_path / "calendars").mkdir()
    shutil.copy(DATA / "allday.ics", tmp_path / "calendars" / "aino.ics")
    source = open_source(IcsFileCalendar(ics=Path("calendars/aino.ics")), name="Aino Virtanen's calendar",
                         base_dir=tmp_path, env={}, tz=TZ)
    assert source.path == tmp_path / "calendars" / "aino.ics"
    assert len(source.busy(*DECEMBER)) == 2
    absolute = open_source(IcsFileCalendar(ics=DATA / "allday.ics"), name="a", base_dir=Path("/nowhere"), env={}, tz=TZ)
    assert absolute.path == DATA / "allday.ics"


def test_a_missing_password_variable_is_named(tmp_path):
    settings = CalDavCalendar(caldav="https://dav.example.fi/aino/work/", username="aino", password_env="AINO_DAV_PASSWORD")
    with pytest.raises(CalendarError) as caught:
        open_source(settings, name="Aino Virtanen's calendar", base_dir=tmp_path, env={}, tz=TZ)
    assert str(caught.value) == ("Aino Virtanen's calendar: the environment variable AINO_DAV_PASSWORD "
                                 "(password_env) is not set")


def test_a_missing_file_is_named(tmp_path):
    source = IcsFileSource(tmp_path / "aino.ics", name="Aino Virtanen's calendar (calendars/aino.ics)", tz=TZ)
    with pytest.raises(CalendarError, match=r"^Aino Virtanen's calendar \(calendars/aino.ics\): file not found: "):
        source.check()


def test_the_file_is_parsed_once_and_again_when_it_changes(tmp_path):
    path = tmp_path / "aino.ics"
    path.write_bytes((DATA / "allday.ics").read_bytes())
    source = IcsFileSource(path, name="a", tz=TZ)
    before = source.busy(*DECEMBER)
    stamp = path.stat().st_mtime_ns

    # same size, same mtime: taken for the same file, so the parsed copy is used (no re-read)
    path.write_bytes(path.read_bytes().replace(b"20261210", b"20261211"))
    os.utime(path, ns=(stamp, stamp))
    assert source.busy(*DECEMBER) == before

    os.utime(path, ns=(stamp + 1_000_000_000, stamp + 1_000_000_000))
    assert local(source.busy(*DECEMBER)) == ["2026-12-01 00:00–2026-12-03 00:00", "2026-12-11 00:00–2026-12-12 00:00"]

    path.write_text("garbage")
    with pytest.raises(CalendarError, match="not valid iCalendar data"):
        source.busy(*DECEMBER)
    path.unlink()
    with pytest.raises(CalendarError, match="file not found"):
        source.busy(*DECEMBER)


def test_importing_the_package_loads_no_calendar_library():
    import subprocess
    import sys

    code = ("import sys, mailbot.calendars; "
            "print(sorted(m for m in ('httpx', 'caldav', 'icalendar', 'pydantic') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
