"""config.toml → typed, validated settings (CONTRACT.md §3).

The models below are the schema: every key, its type, default and meaning (``description``, which
``scripts/gen_config_docs.py`` turns into docs/configuration.md). ``load_settings(path)`` reads the
file, resolves relative paths against the file's folder and turns every problem into one line of a
``ConfigError`` that names the file, the key path as the user wrote it and what is wrong.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
import types
from collections.abc import Iterator, Mapping
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from mailbot.errors import ConfigError

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ServiceName = Literal["individual", "group", "leader"]
WEEKDAY_KEYS: tuple[str, ...] = get_args(Weekday)
_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _email(v: str) -> str:
    if not _EMAIL.match(v):
        raise ValueError(f"expected an e-mail address like name@example.fi (got {v!r})")
    return v


def _web_url(v: str) -> str:
    if not v.startswith(("https://", "http://")):
        raise ValueError(f"expected an address starting with https:// (got {v!r})")
    return v


def _relative_to_config(v: Path, info: ValidationInfo) -> Path:
    """A relative path means "next to config.toml", not "wherever mailbot was started"."""
    base = (info.context or {}).get("base_dir")
    v = v.expanduser()
    return v if base is None or v.is_absolute() else Path(base) / v


def _sqlite_relative_to_config(url: str, info: ValidationInfo) -> str:
    # SQLAlchemy's form: sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (in memory)
    base = (info.context or {}).get("base_dir")
    m = re.match(r"^(sqlite(?:\+\w+)?:///)([^/?][^?]*)(\?.*)?$", url)
    if base is None or not m or m.group(2) == ":memory:":
        return url
    return f"{m.group(1)}{Path(base) / Path(m.group(2)).expanduser()}{m.group(3) or ''}"


Email = Annotated[str, AfterValidator(_email)]
WebUrl = Annotated[str, AfterValidator(_web_url)]
EnvName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
Security = Literal["ssl", "starttls", "none"]


class MailboxSettings(_Strict):
    """The booking mailbox, read over IMAP. Leave the section out to run without one."""

    host: str = Field(description="IMAP server name")
    port: int = Field(993, ge=1, le=65535, description="IMAP port: 993 for ssl, 143 for starttls or none")
    security: Security = Field("ssl", description="how the connection is encrypted")
    username: str = Field(description="login name, usually the mailbox's address")
    password_env: EnvName = Field(description="environment variable that holds the password")
    folder: str = Field("INBOX", description="the folder new requests arrive in")
    poll_seconds: int = Field(60, ge=1, description="how often to look for new mail when the server has no IDLE")
    processed_folder: str | None = Field(None, description="move handled mail to this folder; leave out to flag "
                                         "it ($MailbotProcessed) and keep it where it is")


class SmtpSettings(_Strict):
    """The server replies go out through. Leave the section out to run without one."""

    host: str = Field(description="SMTP server name")
    port: int = Field(587, ge=1, le=65535, description="SMTP port: 465 for ssl, 587 for starttls, 25 for none")
    security: Security = Field("starttls", description="how the connection is encrypted")
    username: str | None = Field(None, description="login name; leave out when the server needs no login")
    password_env: EnvName | None = Field(None, description="environment variable that holds the password")
    from_address: Email = Field(description="the From address of every reply")
    from_name: str = Field("Ajanvaraus", description="the name shown with the From address")


class DatabaseSettings(_Strict):
    """Where conversations, holds and bookings are kept."""

    url: Annotated[str, AfterValidator(_sqlite_relative_to_config)] = Field(
        "sqlite:///mailbot.db", validate_default=True,
        description="sqlite:///FILE (relative to the configuration file's folder) "
        "or postgresql+psycopg://USER@HOST/DB")


class WebSettings(_Strict):
    """The staff UI, served by `mailbot run` unless --no-web."""

    host: str = Field("127.0.0.1", description="address to listen on")
    port: int = Field(8025, ge=1, le=65535, description="port to listen on")
    base_url: WebUrl = Field("http://127.0.0.1:8025",
                             description="the address staff open; with https:// the session cookie is Secure")
    session_secret_env: EnvName = Field("MAILBOT_SESSION_SECRET",
                                        description="environment variable that holds the key signing staff sessions")


class BookingSettings(_Strict):
    """Which times are offered, and how."""

    timezone: str = Field("Europe/Helsinki", description="the IANA time zone all times are read and written in")
    horizon_days: int = Field(42, ge=1, le=730, description="how far ahead slots are offered")
    min_notice_hours: int = Field(24, ge=0, description="no slot starts sooner than this after the request")
    options_per_proposal: int = Field(3, ge=1, le=10, description="how many times one reply offers")
    hold_hours: int = Field(48, ge=1, description="how long proposed slots stay reserved for the client")
    holidays: str | None = Field("FI", description='no slots on this country\'s public holidays (a code of the '
                                     '`holidays` package); "" for none')
    buffer_minutes: int = Field(0, ge=0, le=240, description="free time kept between two appointments")
    slot_step_minutes: int = Field(30, ge=5, le=240, description="appointments start on this grid of minutes")
    max_replies_per_day: int = Field(5, ge=1, le=1000, description="loop guard: at most this many automatic "
                                     "replies go to one address in 24 hours; more go to staff")
    retention_days: int = Field(180, ge=1, description="message bodies are deleted this many days after the "
                                "conversation's last message")
    reminder_hours: int = Field(24, ge=0, le=168, description="a reminder goes out this long before an "
                                "appointment; 0 for none")
    organization: str = Field("Esimerkki Työterveys Oy", description="the name signed under every reply")
    templates: str | None = Field(None, description="folder of Jinja2 templates to use instead of the built-in "
                                  "ones (email/{fi,sv,en}/…), relative to the configuration file")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r}{_did_you_mean(v, sorted(available_timezones()))}") from None
        return v

    @field_validator("holidays")
    @classmethod
    def _known_country(cls, v: str | None) -> str | None:
        try:
            import holidays
        except ImportError:  # the slot finder reports it when it needs the table
            return v
        countries = sorted(holidays.list_supported_countries())
        if v and v.upper() not in countries:
            raise ValueError(f"no public holidays known for {v!r}{_did_you_mean(v.upper(), countries)}")
        return v.upper() if v else v


class ServiceSettings(_Strict):
    """One kind of supervision and the length of its sessions."""

    duration_minutes: int = Field(ge=15, le=480, description="length of one session")


class IcsFileCalendar(_Strict):
    """An iCalendar file on disk, read only: `calendar = { ics = "calendars/aino.ics" }`."""

    ics: Annotated[Path, AfterValidator(_relative_to_config)] = Field(
        description="path of the .ics file, relative to the configuration file's folder")


class IcsUrlCalendar(_Strict):
    """A published iCalendar address, read only (Outlook, Google): `calendar = { ics_url = "https://…" }`."""

    ics_url: WebUrl = Field(description="the calendar's .ics address")
    username: str | None = Field(None, description="login name, when the address needs one")
    password_env: EnvName | None = Field(None, description="environment variable that holds the password")
    refresh_seconds: int = Field(300, ge=0, description="how long a downloaded copy is used before fetching again")


class CalDavCalendar(_Strict):
    """A CalDAV calendar, read and written: `calendar = { caldav = "https://dav.example.fi/aino/work/" }`."""

    caldav: WebUrl = Field(description="the calendar collection's address")
    username: str | None = Field(None, description="login name")
    password_env: EnvName | None = Field(None, description="environment variable that holds the password")


CalendarSettings = IcsFileCalendar | IcsUrlCalendar | CalDavCalendar
CALENDAR_KINDS: dict[str, type[BaseModel]] = {"ics": IcsFileCalendar, "ics_url": IcsUrlCalendar,
                                              "caldav": CalDavCalendar}


def _calendar_kind(v: Any) -> str | None:
    """The kind is the one key naming where the calendar is; more than one is a mistake, not a choice."""
    if isinstance(v, BaseModel):
        return next((k for k, cls in CALENDAR_KINDS.items() if isinstance(v, cls)), None)
    kinds = [k for k in CALENDAR_KINDS if isinstance(v, dict) and k in v]
    return kinds[0] if len(kinds) == 1 else None


_TaggedCalendar = Annotated[
    Union[  # noqa: UP007 -- typing.Union keeps the Tag annotations that `|` would need hashable
        Annotated[IcsFileCalendar, Tag("ics")], Annotated[IcsUrlCalendar, Tag("ics_url")],
        Annotated[CalDavCalendar, Tag("caldav")],
    ],
    Discriminator(_calendar_kind, custom_error_type="calendar_kind", custom_error_message=(
        'write exactly one of { ics = "FILE.ics" }, { ics_url = "https://…" } or { caldav = "https://…" }')),
]


def _working_span(v: str) -> str:
    m = _HOURS.match(v)
    if not m:
        raise ValueError(f'write hours as "08:00-16:00" (got {v!r})')
    h1, m1, h2, m2 = map(int, m.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2 > 0):
        raise ValueError(f"hours run from 00:00 to 24:00 (got {v!r})")
    if (h1, m1) >= (h2, m2):
        raise ValueError(f"the end must come after the start (got {v!r})")
    return v


WorkingHours = dict[str, tuple[time, time]]


class SupervisorSettings(_Strict):
    """One supervisor: who they are, what they offer, when they work and where their busy time is."""

    id: str = Field(description="short name used in the database and in logs; never change it once in use")
    name: str = Field(description="the name clients see and write")
    email: Email = Field(description="where the supervisor's copies of bookings go")
    services: list[ServiceName] = Field(min_length=1, description="the kinds of supervision offered; "
                                        "each needs its [services.NAME] section")
    languages: list[Literal["fi", "sv", "en"]] = Field(["fi"], min_length=1, description="languages supervised in")
    modes: list[Literal["remote", "onsite"]] = Field(["remote", "onsite"], min_length=1,
                                                     description="remote sessions, in-person sessions or both")
    locations: list[str] = Field([], description="towns where in-person sessions are held")
    working_hours: dict[Weekday, Annotated[str, AfterValidator(_working_span)]] = Field(
        description='hours offered per weekday, e.g. { mon = "08:00-16:00", fri = "08:00-14:00" }; '
        "days left out are not worked")
    calendar: Optional[_TaggedCalendar] = Field(  # noqa: UP045 -- see _TaggedCalendar
        None, description="where the supervisor's busy time is read; left out, all working hours count as free")

    @field_validator("id")
    @classmethod
    def _plain_id(cls, v: str) -> str:
        if not re.match(r"^[a-z0-9][a-z0-9_-]*$", v):
            raise ValueError(f"write an id in lowercase letters, digits, '-' and '_' (got {v!r})")
        return v

    def hours(self) -> WorkingHours:
        """Working hours as times per weekday key ("mon" → (08:00, 16:00))."""
        out: WorkingHours = {}
        for day, span in self.working_hours.items():
            h1, m1, h2, m2 = map(int, _HOURS.match(span).groups())  # type: ignore[union-attr]
            out[day] = (time(h1, m1), time(23, 59, 59) if h2 == 24 else time(h2, m2))
        return out


class Settings(_Strict):
    """The whole configuration file."""

    mailbox: MailboxSettings | None = None
    smtp: SmtpSettings | None = None
    # a table rather than an instance as default, so that the default sqlite path is resolved too
    database: DatabaseSettings = Field({}, validate_default=True)  # type: ignore[assignment]
    web: WebSettings = WebSettings()
    booking: BookingSettings = BookingSettings()
    services: dict[ServiceName, ServiceSettings] = {}
    supervisors: list[SupervisorSettings] = []
    _source: Path | None = PrivateAttr(None)

    @property
    def source(self) -> Path | None:
        """The file these settings came from (None when built in code)."""
        return self._source


# ---------------------------------------------------------------------------------------------------
# Loading: every problem becomes one line "FILE: KEY.PATH: what is wrong".

Loc = tuple[str | int, ...]


def load_settings(path: Path, env: Mapping[str, str] | None = None) -> Settings:
    """Read and validate ``path``; raise ConfigError listing every problem, sorted by key path."""
    env = os.environ if env is None else env
    data = _read_toml(path)
    problems: dict[Loc, str] = {}
    settings: Settings | None = None
    try:
        # absolute, so that the service may change its working folder later
        settings = Settings.model_validate(data, context={"base_dir": path.absolute().parent})
    except ValidationError as exc:
        for err in exc.errors():
            loc, model = _user_loc(err["loc"])
            problems.setdefault(loc, _explain(err, model))
    for loc, message in [*_consistency_problems(data), *_missing_env(data, env)]:
        problems.setdefault(loc, message)
    if problems:
        lines = [f"{path}: {_key_path(loc)}: {problems[loc]}" for loc in sorted(problems, key=_order)]
        raise ConfigError("\n".join(lines))
    assert settings is not None
    settings._source = path.absolute()
    return settings


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file (copy the example config.toml from mailbot's source folder "
                          "and edit it, or name another file with --config PATH)") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text; save the file as UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_toml_syntax(path, text, str(exc))) from None


def _toml_syntax(path: Path, text: str, message: str) -> str:
    # tomllib puts the position at the end of its message: "(at line 3, column 5)" or "(at end of document)"
    m = re.match(r"^(.*) \(at (?:line (\d+), column (\d+)|end of document)\)$", message, re.DOTALL)
    if not m:
        return f"{path}: {message}"
    what = m.group(1)[:1].lower() + m.group(1)[1:]
    line = m.group(2) or str(text.count("\n") + (0 if text.endswith("\n") else 1))
    return f"{path}:{line}: {what}" + (f" (column {m.group(3)})" if m.group(3) else " (at the end of the file)")


def _key_path(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + part
    return out


def _order(loc: Loc) -> tuple[tuple[int, str | int], ...]:
    return tuple((1, p) if isinstance(p, int) else (0, p) for p in loc)


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _got(value: Any) -> str:
    text = repr(value)
    return f" (got {text if len(text) <= 60 else text[:57] + '...'})"


_PLAIN_MESSAGES = {
    "int_type": "expected a whole number", "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false", "bool_parsing": "expected true or false",
    "string_type": "expected text in quotes",
    "list_type": 'expected a list in square brackets, e.g. ["a", "b"]',
    "dict_type": "expected a table: { key = value } or a [section]",
    "model_type": "expected a table: { key = value } or a [section]",
    "model_attributes_type": "expected a table: { key = value } or a [section]",
    "too_short": "must not be empty",
    "string_pattern_mismatch": "expected a name of letters, digits and '_'",
}


def _explain(err: Any, model: type[BaseModel] | None) -> str:
    """One pydantic error → the words an operator needs, without pydantic's vocabulary.

    ``model`` is the table the key sits in, for suggesting the key that was meant.
    """
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        in_calendar = model in CALENDAR_KINDS.values()
        elsewhere = [k for k, cls in CALENDAR_KINDS.items() if in_calendar and key in cls.model_fields]
        if elsewhere:  # e.g. refresh_seconds written for an ics file: it only means something for ics_url
            return f"unknown key for this kind of calendar (it goes with {elsewhere[0]} = …)"
        return "unknown key" + _did_you_mean(key, list(model.model_fields) if model else [])
    if kind == "literal_error" and err["loc"][-1] == "[key]":
        return "unknown key" + (_did_you_mean(str(value), choices) or f" (expected {ctx['expected']})")
    if kind == "literal_error":
        return f"expected {ctx['expected']}" + (_did_you_mean(str(value), choices) or _got(value))
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))  # our validators write the whole message
    if kind == "missing":
        return "required key is missing"
    if kind == "calendar_kind":
        return str(err["msg"]) + _got(value)
    bounds = {"greater_than_equal": "must be at least {ge}", "greater_than": "must be more than {gt}",
              "less_than_equal": "must be at most {le}", "less_than": "must be less than {lt}"}
    if kind in bounds:
        return bounds[kind].format(**ctx) + _got(value)
    return _PLAIN_MESSAGES.get(kind, err["msg"][:1].lower() + err["msg"][1:]) + _got(value)


def _user_loc(loc: Loc) -> tuple[Loc, type[BaseModel] | None]:
    """Pydantic's location → the keys as written, and the model of the table holding the last one.

    Pydantic puts the calendar kind ("ics") and "[key]" in its locations; the user wrote neither.
    """
    out: list[str | int] = []
    tp: Any = Settings
    parent: type[BaseModel] | None = None
    for part in loc:
        members = _union_members(tp)
        if part == "[key]":
            continue
        if len(members) > 1 and part in CALENDAR_KINDS:
            tp = CALENDAR_KINDS[str(part)]
            continue
        tp = members[0]
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            parent = tp
            field = tp.model_fields.get(str(part))
            tp = field.annotation if field else None
        else:
            parent = None
            args = get_args(tp)
            tp = args[-1] if args else None  # list[X] → X, dict[K, V] → V
        out.append(part)
    return tuple(out), parent


def _union_members(tp: Any) -> list[Any]:
    """The types an annotation allows, with Annotated[...] and None taken off."""
    while hasattr(tp, "__metadata__"):  # Annotated[X, ...] → X
        tp = tp.__origin__
    if get_origin(tp) in (Union, types.UnionType):
        return [m for a in get_args(tp) if a is not type(None) for m in _union_members(a)]
    return [tp]


def _consistency_problems(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """What no single key can show: services offered without a section, ids used twice.

    Read from the raw table, so that these come together with the other problems of the file.
    """
    services = data.get("services")
    declared = set(services) if isinstance(services, dict) else set()
    supervisors = data.get("supervisors")
    first_with_id: dict[str, int] = {}
    for i, sup in enumerate(supervisors if isinstance(supervisors, list) else []):
        if not isinstance(sup, dict):
            continue
        offered = sup.get("services")
        missing = [n for n in (offered if isinstance(offered, list) else []) if n in get_args(ServiceName)
                   and n not in declared]
        if missing:
            sections = " or ".join(f"[services.{n}]" for n in missing)
            yield ("supervisors", i, "services"), \
                f"{' and '.join(map(repr, missing))} {'is' if len(missing) == 1 else 'are'} offered but there is no " \
                f"{sections} section"
        sid = sup.get("id")
        if isinstance(sid, str) and sid in first_with_id:
            yield ("supervisors", i, "id"), f"{sid!r} is already the id of supervisors[{first_with_id[sid]}]"
        elif isinstance(sid, str):
            first_with_id[sid] = i


def _missing_env(data: Any, env: Mapping[str, str], loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every ``*_env`` key written in the file must name a variable that is set (and not empty).

    Only keys the user wrote are checked: a section left out, or a default variable name, needs
    nothing until the part that uses it runs.
    """
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        here = (*loc, key)
        if isinstance(key, str) and key.endswith("_env") and isinstance(value, str):
            if value and not env.get(value):
                yield here, f"environment variable {value} is not set"
        else:
            yield from _missing_env(value, env, here)
