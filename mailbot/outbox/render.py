"""Replies from the operators' Jinja2 templates: subject, plain text and HTML in the client's language.

Templates live in ``templates/email/{fi,sv,en}/``; ``templates/email/README.md`` lists each kind's
context. A template ``KIND.txt.j2`` renders an e-mail-like text: its first line is
``Subject: …``, then a blank line, then the plain-text body. The HTML version is ``KIND.html.j2``
when the operator wrote one (autoescaped), and otherwise the text itself as minimal HTML, one
``<p>`` per paragraph, so that one file per kind and language is all an operator has to edit.

Dates and times are written with babel in the configured zone (Europe/Helsinki), with the patterns
of ``PATTERNS``; templates use them as the filters ``slot``, ``date``, ``time`` and ``datetime``.
Undefined variables raise (StrictUndefined): a typo in a template fails the tests rather than
sending a reply with a hole in it.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from babel.dates import format_date, format_datetime

from mailbot.errors import MailbotError

log = logging.getLogger(__name__)

def _builtin_templates() -> Path:
    """The templates that come with mailbot: the checkout's top-level ``templates/`` folder, or the copy an
    installed package carries as ``mailbot.templates`` (pyproject.toml maps one onto the other)."""
    checkout = Path(__file__).resolve().parents[2] / "templates"
    if (checkout / "email" / "fi" / "proposal.txt.j2").is_file():
        return checkout
    from importlib.resources import files

    return Path(str(files("mailbot") / "templates"))  # an installed package lives on the file system


BUILTIN_TEMPLATES = _builtin_templates()
KINDS = ("proposal", "confirmation", "cancellation", "reschedule", "hold_expired", "acknowledgement", "reminder")
LANGUAGES = ("fi", "sv", "en")
FALLBACK_LANGUAGE = "fi"
_SUBJECT = re.compile(r"^Subject:[ \t]*(.*)$")


@dataclass(frozen=True)
class Patterns:
    """babel (CLDR) patterns of one language; ``datetime`` is a slot's start, ``time`` its end."""

    date: str
    time: str
    datetime: str


# ti 1.12.2026 klo 14.00–15.00 / tis 1.12.2026 kl. 14.00–15.00 / Tue 1 Dec 2026, 14:00–15:00
PATTERNS: dict[str, Patterns] = {
    "fi": Patterns(date="EEE d.M.yyyy", time="H.mm", datetime="EEE d.M.yyyy 'klo' H.mm"),
    "sv": Patterns(date="EEE d.M.yyyy", time="H.mm", datetime="EEE d.M.yyyy 'kl.' H.mm"),
    "en": Patterns(date="EEE d MMM yyyy", time="HH:mm", datetime="EEE d MMM yyyy, HH:mm"),
}


class RenderError(MailbotError):
    """Raised when a template is missing, does not parse, or uses a name its context lacks."""


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    language: str  # the language actually written: the one asked for, or Finnish as fallback


class Renderer:
    """Renders ``KIND`` in a language: ``render("proposal", "sv", name=…, reference=…, …)``.

    ``templates_dir`` is the templates folder (its ``email/`` subfolder is used) or the email folder
    itself. ``defaults`` are context values every template gets unless the call gives its own
    (the signature, typically).
    """

    def __init__(self, templates_dir: Path, tz: ZoneInfo, *, defaults: Mapping[str, Any] | None = None) -> None:
        folder = templates_dir / "email" if (templates_dir / "email").is_dir() else templates_dir
        self.folder = folder
        self.tz = tz
        self.defaults = dict(defaults or {})
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder),
            undefined=jinja2.StrictUndefined,
            # only the operators' own .html.j2 files are HTML; text must not gain &amp; entities
            autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False,
                                                default=False),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(slot=self._slot, date=self._date, time=self._time, datetime=self._datetime)
        self._warned: set[tuple[str, str]] = set()

    def render(self, kind: str, language: str, **context: Any) -> Rendered:
        template, lang = self._template(kind, language)
        values = {**self.defaults, **context, "language": lang}
        subject, text = _split_subject(template.name or kind, self._run(template, values))
        html_template = self._optional(f"{lang}/{kind}.html.j2")
        if html_template is not None:
            body = self._run(html_template, {**values, "subject": subject, "text": text})
        else:
            body = text_to_html(text, subject=subject, language=lang)
        return Rendered(subject=subject, text=text, html=body, language=lang)

    # --- finding templates ----------------------------------------------------------------------
    def _template(self, kind: str, language: str) -> tuple[jinja2.Template, str]:
        for lang in dict.fromkeys((language, FALLBACK_LANGUAGE)):
            template = self._optional(f"{lang}/{kind}.txt.j2")
            if template is not None:
                if lang != language and (kind, language) not in self._warned:
                    self._warned.add((kind, language))
                    log.warning("no %s template for language %r in %s; writing it in Finnish", kind, language,
                                self.folder)
                return template, lang
        raise RenderError(f"no e-mail template {FALLBACK_LANGUAGE}/{kind}.txt.j2 in {self.folder}")

    def _optional(self, name: str) -> jinja2.Template | None:
        try:
            return self.env.get_template(name)
        except jinja2.TemplateNotFound as exc:
            if exc.name != name:  # the template exists but imports one that does not
                raise RenderError(f"e-mail template {self.folder / name}: {exc.message}") from exc
            return None
        except jinja2.TemplateSyntaxError as exc:
            raise RenderError(f"e-mail template {exc.filename or name}, line {exc.lineno}: {exc.message}") from exc

    def _run(self, template: jinja2.Template, values: dict[str, Any]) -> str:
        try:
            return template.render(values)
        except (jinja2.TemplateError, ValueError, TypeError) as exc:  # the last two: from our filters
            raise RenderError(f"e-mail template {template.filename or template.name}: {exc}") from exc

    # --- filters ----------------------------------------------------------------------------------
    # pass_context: the language is the template's, so that an imported macro formats alike
    @jinja2.pass_context
    def _slot(self, ctx: jinja2.runtime.Context, value: Any, end: datetime | None = None) -> str:
        """``{{ option|slot }}`` (anything with start and end) or ``{{ start|slot(end) }}``."""
        start = value if end is not None else _field(value, "start")
        end = end if end is not None else _field(value, "end")
        p = _patterns(ctx)
        first, last = self._local(start), self._local(end)
        until = p.time if last.date() == first.date() else p.datetime  # past midnight: say which day
        return f"{self._fmt(first, p.datetime, ctx)}–{self._fmt(last, until, ctx)}"

    @jinja2.pass_context
    def _date(self, ctx: jinja2.runtime.Context, value: date | datetime) -> str:
        if isinstance(value, datetime):
            return self._fmt(self._local(value), _patterns(ctx).date, ctx)
        return format_date(value, _patterns(ctx).date, locale=_lang(ctx))

    @jinja2.pass_context
    def _time(self, ctx: jinja2.runtime.Context, value: datetime) -> str:
        return self._fmt(self._local(value), _patterns(ctx).time, ctx)

    @jinja2.pass_context
    def _datetime(self, ctx: jinja2.runtime.Context, value: datetime) -> str:
        return self._fmt(self._local(value), _patterns(ctx).datetime, ctx)

    def _local(self, value: Any) -> datetime:
        if not isinstance(value, datetime):
            raise TypeError(f"expected a date and time, got {value!r}")
        if value.tzinfo is None:  # a naive time is a bug upstream: guessing its zone could move it an hour
            raise ValueError(f"a time without a zone reached a template: {value.isoformat()}")
        return value.astimezone(self.tz)

    def _fmt(self, value: datetime, pattern: str, ctx: jinja2.runtime.Context) -> str:
        return format_datetime(value, pattern, tzinfo=self.tz, locale=_lang(ctx))


def text_to_html(text: str, *, subject: str = "", language: str = FALLBACK_LANGUAGE) -> str:
    """The plain text as minimal HTML: a paragraph per blank-line block, a <br> per line, indents kept."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    blocks = []
    for paragraph in paragraphs:
        lines = [_indent(line) + html.escape(line.lstrip(" ")) for line in paragraph.split("\n")]
        blocks.append("<p>" + "<br>\n".join(lines) + "</p>")
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head><meta charset="utf-8">'
            f"<title>{html.escape(subject)}</title></head>\n<body>\n" + "\n".join(blocks) + "\n</body>\n</html>\n")


def _indent(line: str) -> str:
    return "&nbsp;" * (len(line) - len(line.lstrip(" ")))


def _split_subject(name: str, output: str) -> tuple[str, str]:
    lines = _tidy(output).split("\n")
    match = _SUBJECT.match(lines[0])
    if not match or not match.group(1).strip():
        raise RenderError(f"e-mail template {name}: its first line must be 'Subject: …' (got {lines[0][:60]!r})")
    subject = " ".join(match.group(1).split())
    return subject, _tidy("\n".join(lines[1:]))


def _tidy(text: str) -> str:
    """Forgive a template's blank-line habits: no trailing spaces, never two blank lines in a row."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _field(value: Any, key: str) -> Any:
    if isinstance(value, Mapping):
        return value[key]
    return getattr(value, key)


def _lang(ctx: jinja2.runtime.Context) -> str:
    lang = ctx.get("language", FALLBACK_LANGUAGE)
    return lang if lang in PATTERNS else FALLBACK_LANGUAGE


def _patterns(ctx: jinja2.runtime.Context) -> Patterns:
    return PATTERNS[_lang(ctx)]
