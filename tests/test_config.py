"""config.toml → Settings: every mistake an operator makes is one exact line naming file, key and fix."""

from __future__ import annotations

import importlib.util
import re
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from mailbot.config import CalDavCalendar, IcsFileCalendar, Settings, load_settings
from mailbot.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent

BASE = """\
[booking]
timezone = "Europe/Helsinki"
horizon_days = 42

[services.individual]
duration_minutes = 60
[services.group]
duration_minutes = 90

[[supervisors]]
id = "aino"
name = "Aino Virtanen"
email = "aino@example.fi"
services = ["individual"]
working_hours = { mon = "08:00-16:00", fri = "08:00-14:00" }

[[supervisors]]
id = "mikko"
name = "Mikko Laine"
email = "mikko@example.fi"
services = ["individual", "group"]
working_hours = { mon = "08:00-16:00", tue = "10:00-18:00" }
"""


def write(folder: Path, text: str, name: str = "config.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def problems(path: Path, env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={} if env is None else env)
    return str(caught.value).splitlines()


def test_the_base_config_loads(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, BASE), env={})
    assert [s.id for s in settings.supervisors] == ["aino", "mikko"]
    assert settings.source == tmp_path / "config.toml"


BROKEN = [
    pytest.param('timezone = "Europe/Helsinki"', 'timzone = "Europe/Helsinki"',
                 "booking.timzone: unknown key (did you mean 'timezone'?)", id="unknown-key"),
    pytest.param("[booking]", "[booking]\nbufer_minutes = 10",
                 "booking.bufer_minutes: unknown key (did you mean 'buffer_minutes'?)", id="unknown-key-2"),
    pytest.param("[booking]", "[bookings]\n[booking]",
                 "bookings: unknown key (did you mean 'booking'?)", id="unknown-section"),
    pytest.param("[services.group]", "[services.grop]",
                 ["services.grop: unknown key (did you mean 'group'?)",
                  "supervisors[1].services: 'group' is offered but there is no [services.group] section"],
                 id="unknown-service"),
    pytest.param('fri = "08:00-14:00"', 'friday = "08:00-14:00"',
                 "supervisors[0].working_hours.friday: unknown key (did you mean 'fri'?)", id="unknown-day"),
    pytest.param("duration_minutes = 90", 'duration_minutes = "ninety"',
                 "services.group.duration_minutes: expected a whole number (got 'ninety')", id="wrong-type"),
    pytest.param('services = ["individual"]', 'services = "individual"',
                 "supervisors[0].services: expected a list in square brackets, e.g. [\"a\", \"b\"] (got 'individual')",
                 id="wrong-type-list"),
    pytest.param('name = "Aino Virtanen"', "name = 7", "supervisors[0].name: expected text in quotes (got 7)",
                 id="wrong-type-text"),
    pytest.param("horizon_days = 42", "horizon_days = 0", "booking.horizon_days: must be at least 1 (got 0)",
                 id="too-small"),
    pytest.param('mon = "08:00-16:00", tue', 'mon = "8-16", tue',
                 "supervisors[1].working_hours.mon: write hours as \"08:00-16:00\" (got '8-16')", id="hours-8-16"),
    pytest.param('tue = "10:00-18:00"', 'tue = "18:00-10:00"',
                 "supervisors[1].working_hours.tue: the end must come after the start (got '18:00-10:00')",
                 id="end-before-start"),
    pytest.param('tue = "10:00-18:00"', 'tue = "10:00-25:00"',
                 "supervisors[1].working_hours.tue: hours run from 00:00 to 24:00 (got '10:00-25:00')",
                 id="hour-25"),
    pytest.param('timezone = "Europe/Helsinki"', 'timezone = "Europe/Helsingfors"',
                 "booking.timezone: unknown time zone 'Europe/Helsingfors' (did you mean 'Europe/Helsinki'?)",
                 id="unknown-zone"),
    pytest.param('timezone = "Europe/Helsinki"', 'timezone = "Mars/Olympus"',
                 "booking.timezone: unknown time zone 'Mars/Olympus'", id="unknown-zone-no-guess"),
    pytest.param("[booking]", '[booking]\nholidays = "XX"', "booking.holidays: no public holidays known for 'XX'",
                 id="unknown-country"),
    pytest.param('services = ["individual"]', 'services = ["individual", "leader"]',
                 "supervisors[0].services: 'leader' is offered but there is no [services.leader] section",
                 id="service-without-section"),
    pytest.param("[services.individual]\nduration_minutes = 60\n[services.group]\nduration_minutes = 90\n", "",
                 ["supervisors[0].services: 'individual' is offered but there is no [services.individual] section",
                  "supervisors[1].services: 'individual' and 'group' are offered but there is no "
                  "[services.individual] or [services.group] section"], id="services-without-sections"),
    pytest.param('services = ["individual"]', 'services = ["individual", "grup"]',
                 "supervisors[0].services[1]: expected 'individual', 'group' or 'leader' (did you mean 'group'?)",
                 id="unknown-service-name"),
    pytest.param('services = ["individual"]', 'services = []', "supervisors[0].services: must not be empty (got [])",
                 id="no-services"),
    pytest.param('services = ["individual"]', 'services = ["individual"]\nlanguages = ["fi", "se"]',
                 "supervisors[0].languages[1]: expected 'fi', 'sv' or 'en' (got 'se')", id="unknown-language"),
    pytest.param('id = "mikko"', 'id = "aino"', "supervisors[1].id: 'aino' is already the id of supervisors[0]",
                 id="duplicate-id"),
    pytest.param('id = "mikko"', 'id = "Mikko L"',
                 "supervisors[1].id: write an id in lowercase letters, digits, '-' and '_' (got 'Mikko L')",
                 id="bad-id"),
    pytest.param('email = "aino@example.fi"\n', "",
                 "supervisors[0].email: required key is missing", id="missing-key"),
    pytest.param('email = "aino@example.fi"', 'email = "aino"',
                 "supervisors[0].email: expected an e-mail address like name@example.fi (got 'aino')", id="bad-email"),
    pytest.param('fri = "08:00-14:00" }', 'fri = "08:00-14:00" }\ncalendar = "aino.ics"',
                 "supervisors[0].calendar: write exactly one of { ics = \"FILE.ics\" }, { ics_url = \"https://…\" } "
                 "or { caldav = \"https://…\" } (got 'aino.ics')", id="calendar-not-a-table"),
    pytest.param('fri = "08:00-14:00" }', 'fri = "08:00-14:00" }\ncalendar = { ics = "a.ics", refresh_seconds = 5 }',
                 "supervisors[0].calendar.refresh_seconds: unknown key for this kind of calendar (it goes with ics_url = …)",
                 id="calendar-key-of-another-kind"),
    pytest.param('fri = "08:00-14:00" }', 'fri = "08:00-14:00" }\ncalendar = { caldav = "dav.example.fi" }',
                 "supervisors[0].calendar.caldav: expected an address starting with https:// (got 'dav.example.fi')",
                 id="calendar-url"),
]


@pytest.mark.parametrize(("old", "new", "lines"), BROKEN)
def test_a_broken_config_is_one_exact_line(tmp_path: Path, old: str, new: str, lines: str | list[str]) -> None:
    path = write(tmp_path, edited(old, new))
    assert problems(path) == [f"{path}: {line}" for line in ([lines] if isinstance(lines, str) else lines)]


MAILBOX = """
[mailbox]
host = "imap.example.fi"
username = "ajanvaraus@example.fi"
password_env = "MAILBOT_TEST_IMAP_PASSWORD"
"""
SMTP = """
[smtp]
host = "smtp.example.fi"
from_address = "ajanvaraus@example.fi"
username = "ajanvaraus@example.fi"
password_env = "MAILBOT_TEST_SMTP_PASSWORD"
"""
DAV = 'fri = "08:00-14:00" }\ncalendar = { caldav = "https://dav.example.fi/aino/", password_env = "AINO_DAV" }'


def test_missing_environment_variables_name_the_key_and_the_variable(tmp_path: Path) -> None:
    path = write(tmp_path, edited('fri = "08:00-14:00" }', DAV) + MAILBOX + SMTP)
    assert problems(path, env={"MAILBOT_TEST_SMTP_PASSWORD": ""}) == [
        f"{path}: mailbox.password_env: environment variable MAILBOT_TEST_IMAP_PASSWORD is not set",
        f"{path}: smtp.password_env: environment variable MAILBOT_TEST_SMTP_PASSWORD is not set",
        f"{path}: supervisors[0].calendar.password_env: environment variable AINO_DAV is not set",
    ]
    env = {"MAILBOT_TEST_IMAP_PASSWORD": "a", "MAILBOT_TEST_SMTP_PASSWORD": "b", "AINO_DAV": "c"}
    settings = load_settings(path, env=env)
    assert settings.mailbox is not None and settings.mailbox.password_env == "MAILBOT_TEST_IMAP_PASSWORD"
    assert isinstance(settings.supervisors[0].calendar, CalDavCalendar)


def test_sections_left_out_need_no_variables(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, BASE), env={})
    assert settings.mailbox is None and settings.smtp is None
    assert settings.web.session_secret_env == "MAILBOT_SESSION_SECRET"  # a default name is not checked


def test_the_environment_defaults_to_the_process_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, BASE + MAILBOX)
    monkeypatch.delenv("MAILBOT_TEST_IMAP_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="MAILBOT_TEST_IMAP_PASSWORD is not set"):
        load_settings(path)
    monkeypatch.setenv("MAILBOT_TEST_IMAP_PASSWORD", "secret")
    assert load_settings(path).mailbox is not None


def test_every_problem_at_once_sorted_by_key(tmp_path: Path) -> None:
    text = edited('id = "mikko"', 'id = "aino"').replace('tue = "10:00-18:00"', 'tue = "10-18"')
    text = text.replace('timezone = "Europe/Helsinki"', 'timzone = "Europe/Helsinki"') + MAILBOX
    path = write(tmp_path, text)
    assert problems(path) == [
        f"{path}: booking.timzone: unknown key (did you mean 'timezone'?)",
        f"{path}: mailbox.password_env: environment variable MAILBOT_TEST_IMAP_PASSWORD is not set",
        f"{path}: supervisors[1].id: 'aino' is already the id of supervisors[0]",
        f"{path}: supervisors[1].working_hours.tue: write hours as \"08:00-16:00\" (got '10-18')",
    ]


def test_supervisors_are_ordered_by_number_not_by_text(tmp_path: Path) -> None:
    block = BASE[BASE.index("[[supervisors]]\nid = \"mikko\""):]
    text = BASE + "".join("\n" + block.replace('"mikko"', f'"s{i}"') for i in range(10))
    text = text.replace('id = "s1"', 'id = "S1"').replace('id = "s9"', 'id = "S9"')
    lines = problems(write(tmp_path, text))
    assert [re.search(r"supervisors\[(\d+)\]", line).group(1) for line in lines] == ["3", "11"]  # type: ignore[union-attr]


def test_a_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, edited('name = "Aino Virtanen"', "name = Aino Virtanen"))
    line = BASE.splitlines().index('name = "Aino Virtanen"') + 1
    assert problems(path) == [f"{path}:{line}: invalid value (column 8)"]


def test_a_toml_error_at_the_end_of_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, BASE + 'note = "unfinished')
    assert problems(path) == [f"{path}:{BASE.count(chr(10)) + 1}: unterminated string (at the end of the file)"]


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert problems(path) == [f"{path}: no such file (copy the example config.toml from mailbot's source folder "
                              "and edit it, or name another file with --config PATH)"]


def test_a_folder_and_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    assert problems(tmp_path) == [f"{tmp_path}: is a folder, not a configuration file"]
    path = tmp_path / "config.toml"
    path.write_bytes(BASE.encode() + b'note = "k\xe4ytt\xe4j\xe4"\n')
    assert problems(path) == [f"{path}:{BASE.count(chr(10)) + 1}: not UTF-8 text; save the file as UTF-8"]


def test_relative_paths_are_relative_to_the_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "etc"
    folder.mkdir()
    text = edited('fri = "08:00-14:00" }', 'fri = "08:00-14:00" }\ncalendar = { ics = "calendars/aino.ics" }')
    text = text.replace('id = "mikko"', 'id = "mikko"\ncalendar = { ics = "/srv/cal/mikko.ics" }')
    write(folder, text + '\n[database]\nurl = "sqlite:///data/mailbot.db?timeout=5"\n')
    monkeypatch.chdir(tmp_path)
    settings = load_settings(Path("etc/config.toml"), env={})
    aino, mikko = (s.calendar for s in settings.supervisors)
    assert isinstance(aino, IcsFileCalendar) and aino.ics == folder / "calendars" / "aino.ics"
    assert isinstance(mikko, IcsFileCalendar) and mikko.ics == Path("/srv/cal/mikko.ics")
    assert settings.database.url == f"sqlite:///{folder}/data/mailbot.db?timeout=5"
    assert settings.source == folder / "config.toml"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (None, "sqlite:///{folder}/mailbot.db"),  # the default is next to the file too
        ("sqlite:////var/lib/mailbot.db", "sqlite:////var/lib/mailbot.db"),
        ("sqlite:///:memory:", "sqlite:///:memory:"),
        ("sqlite://", "sqlite://"),
        ("sqlite+pysqlite:///m.db", "sqlite+pysqlite:///{folder}/m.db"),
        ("postgresql+psycopg://mailbot@db.example.fi/mailbot", "postgresql+psycopg://mailbot@db.example.fi/mailbot"),
    ],
)
def test_database_urls(tmp_path: Path, url: str | None, expected: str) -> None:
    text = BASE if url is None else BASE + f'\n[database]\nurl = "{url}"\n'
    assert load_settings(write(tmp_path, text), env={}).database.url == expected.format(folder=tmp_path)


def test_settings_built_in_code_keep_their_paths() -> None:
    settings = Settings()
    assert settings.database.url == "sqlite:///mailbot.db" and settings.source is None


def test_the_repository_example_loads() -> None:
    settings = load_settings(ROOT / "config.toml", env={})
    assert settings.mailbox is None and settings.smtp is None  # commented out: no password needed
    assert [s.name for s in settings.supervisors] == ["Aino Virtanen", "Mikko Laine", "Sanna Berg"]
    assert set(settings.services) == {"individual", "group", "leader"}
    assert settings.booking.timezone == "Europe/Helsinki" and settings.booking.holidays == "FI"
    assert settings.database.url == f"sqlite:///{ROOT}/mailbot.db"
    for sup in settings.supervisors:
        assert isinstance(sup.calendar, IcsFileCalendar) and sup.calendar.ics == ROOT / "calendars" / f"{sup.id}.ics"
        assert sup.calendar.ics.is_file()


def test_the_example_contains_every_section_of_the_contract() -> None:
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    for section in ["[mailbox]", "[smtp]", "[database]", "[web]", "[booking]", "[services.individual]",
                    "[services.group]", "[services.leader]", "[[supervisors]]"]:
        assert section in text


@pytest.mark.parametrize("name", ["aino", "mikko", "sanna"])
def test_the_example_calendars_are_valid_icalendar(name: str) -> None:
    raw = (ROOT / "calendars" / f"{name}.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF line ends (RFC 5545 3.1)
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets
    cal = icalendar.Calendar.from_ical(raw)
    assert cal["VERSION"] == "2.0" and "PRODID" in cal
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    events = cal.walk("VEVENT")
    assert all("UID" in e and "DTSTAMP" in e and "DTSTART" in e for e in events)
    assert len({e["UID"] for e in events}) == len(events)
    weekly = [e for e in events if "RRULE" in e]
    assert len(weekly) == 1 and weekly[0]["RRULE"]["FREQ"] == ["WEEKLY"] and "EXDATE" in weekly[0]
    assert any(type(e.decoded("DTSTART")) is date for e in events)  # an all-day event
    assert any(e.get("TRANSP") == "TRANSPARENT" for e in events)
    assert any(e.get("STATUS") == "CANCELLED" for e in events)
    occurrences = recurring_ical_events.of(cal).between(date(2026, 11, 1), date(2027, 4, 1))
    assert len(occurrences) > len(events)  # the weekly meeting expands
    starts = [o.decoded("DTSTART") for o in occurrences]
    assert all(date(2026, 11, 1) <= (s.date() if isinstance(s, datetime) else s) <= date(2027, 3, 31) for s in starts)
    exdate = weekly[0]["EXDATE"].dts[0].dt
    assert exdate not in starts


def load_docs_generator():  # noqa: ANN201 -- a module loaded by path
    spec = importlib.util.spec_from_file_location("gen_config_docs", ROOT / "scripts" / "gen_config_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_configuration_reference_is_generated_from_the_schema() -> None:
    generated = load_docs_generator().render()
    committed = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert committed == generated, "docs/configuration.md is out of date: run python scripts/gen_config_docs.py"


def test_every_key_has_a_meaning() -> None:
    models = [Settings]
    seen: set[type] = set()
    while models:
        model = models.pop()
        if model in seen:
            continue
        seen.add(model)
        for key, field in model.model_fields.items():
            nested = [t for t in _model_types(field.annotation)]
            models += nested
            if model is not Settings:
                assert field.description, f"{model.__name__}.{key} has no description"
        assert model.__doc__, model.__name__
    assert len(seen) >= 10  # every section and calendar kind was reached


def _model_types(tp: object) -> list[type]:
    from pydantic import BaseModel

    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in getattr(tp, "__args__", ()) for m in _model_types(arg)] + \
        (_model_types(tp.__origin__) if hasattr(tp, "__metadata__") else [])  # type: ignore[attr-defined]
