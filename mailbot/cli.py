"""The ``mailbot`` command: argument parsing, and the report of ``check-config``.

Imports of the heavier parts happen inside each command so that ``mailbot parse`` starts fast.
Errors a user can cause arrive here as MailbotError and leave as lines on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mailbot import __version__
from mailbot.errors import ConfigError, MailbotError

if TYPE_CHECKING:
    from mailbot.config import Settings, SupervisorSettings


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one line, as the contract asks for bad usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"mailbot: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mailbot", description="The booking mailbox's assistant for work supervision.")
    parser.add_argument("--version", action="version", version=f"mailbot {__version__}")
    parser.add_argument("--config", default="config.toml", metavar="PATH",
                        help="configuration file (default: ./config.toml)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    parse = commands.add_parser(
        "parse",
        help="parse one e-mail message and print what the writer wants as JSON",
        description="Parse one RFC 5322 message without touching any server or database and print "
        "the JSON of CONTRACT.md section 2 on stdout.",
    )
    parse.add_argument("message", metavar="MESSAGE.eml", help="the raw message file ('-' for stdin)")
    parse.add_argument("--now", help="ISO 8601 date-time the message is read at (default: its Date header)")
    parse.add_argument("--options", metavar="FILE", help="JSON list of the options proposed to this client")
    parse.add_argument("--horizon-days", type=int, default=90, help="how far ahead windows reach (default 90)")
    parse.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parse.set_defaults(func=_cmd_parse)

    check = commands.add_parser(
        "check-config",
        help="validate the configuration and try every calendar and server it names",
        description="Load and validate the configuration file, then try each supervisor's calendar, the mailbox "
        "(IMAP login and folder) and the SMTP server (EHLO and login), one line per check. Exit status 0 when "
        "all pass, 1 when a check fails, 2 when the file itself is wrong.",
    )
    _config_option(check)
    check.set_defaults(func=_cmd_check_config)

    run = commands.add_parser(
        "run",
        help="the service: read the mailbox, answer, send, run the jobs",
        description="Poll the booking mailbox (IMAP IDLE when the server has it, else every poll_seconds), "
        "handle each new message once, send the outbox and run the scheduled jobs, until SIGTERM or "
        "SIGINT. No staff web page is served; --no-web is accepted and changes nothing.",
    )
    _config_option(run)
    run.add_argument("--once", action="store_true", help="one full cycle, then exit")
    run.add_argument("--no-web", action="store_true", help="do not serve the staff UI (none is served)")
    run.add_argument("-v", "--verbose", action="store_true", help="log each message's id and what was done")
    run.set_defaults(func=_cmd_run)

    queue = commands.add_parser("queue", help="list the requests waiting for staff review",
                                description="List the open review items, oldest first.")
    _config_option(queue)
    queue.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    queue.set_defaults(func=_cmd_queue)
    return parser


def _cmd_run(args: argparse.Namespace) -> int:
    import logging

    from mailbot.app import App
    from mailbot.config import load_settings

    logging.basicConfig(level=logging.INFO if args.verbose or not args.once else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("imapclient").setLevel(logging.WARNING)  # at DEBUG it logs whole messages
    app = App(load_settings(Path(args.config)))
    if args.once:
        try:
            app.retry_waiting()
            report = app.cycle()
        finally:
            app.close()
        waiting = f", waiting {report.waiting}"
        if report.waiting and report.waiting_since is not None:
            waiting += f" (the oldest queued {report.waiting_since.isoformat(timespec='seconds')})"
        print(f"fetched {report.fetched}, handled {report.handled}, already handled {report.skipped}, "
              f"failed {report.failed}, sent {report.sent}, not sent {report.send_failed}{waiting}")
        return 1 if report.failed else 0
    app.run_forever()
    return 0


def _cmd_queue(args: argparse.Namespace) -> int:
    import json

    from mailbot.config import load_settings
    from mailbot.store import open_database, repo
    from mailbot.store.models import Conversation

    settings = load_settings(Path(args.config))
    db = open_database(settings.database.url)
    rows = []
    with db.transaction() as s:
        for item in repo.open_review_items(s):
            conv = s.get(Conversation, item.conversation_id) if item.conversation_id else None
            rows.append({"id": item.id, "created_at": item.created_at.isoformat(), "reason": item.reason,
                         "reference": conv.reference if conv else None, "client": conv.client_email if conv else None})
    db.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print("no requests waiting for review")
    else:
        for r in rows:
            print(f"{r['id']:>5}  {r['created_at'][:16]}  {r['reference'] or '-':8}  "
                  f"{r['client'] or '-':30}  {r['reason']}")
    return 0


def _config_option(command: argparse.ArgumentParser) -> None:
    """``--config`` after the command too; SUPPRESS keeps a value given before the command."""
    command.add_argument("--config", default=argparse.SUPPRESS, metavar="PATH",
                         help="configuration file (default: ./config.toml)")


def _cmd_parse(args: argparse.Namespace) -> int:
    from mailbot.understand.command import run_parse

    sys.stdout.write(run_parse(args.message, now=args.now, options=args.options, horizon_days=args.horizon_days))
    sys.stdout.write("\n")
    return 0


def _cmd_check_config(args: argparse.Namespace) -> int:
    from mailbot.config import load_settings

    settings = load_settings(Path(args.config))
    failed = False
    for status, what, detail in _checks(settings):
        print(f"{status:<5}{what}: {detail}", flush=True)
        failed = failed or status == "FAIL"
    return 1 if failed else 0


def _checks(settings: Settings) -> Iterator[tuple[str, str, str]]:
    """(status, what, detail) per check, each run as it is reached so that a slow server shows where."""
    count = len(settings.supervisors)
    yield "ok", "config", f"{_shown(settings, settings.source)}, {count} supervisor{'' if count == 1 else 's'}; " \
        f"services {', '.join(settings.services) or 'none'}"
    for sup in settings.supervisors:
        yield _check_calendar(settings, sup)
    if settings.mailbox is not None:
        yield _check_server("mailbox", lambda: _mailbox_line(settings))
    if settings.smtp is not None:
        yield _check_server("smtp", lambda: _smtp_line(settings))


def _check_server(what: str, check: Callable[[], str]) -> tuple[str, str, str]:
    try:
        return "ok", what, check()
    except MailbotError as exc:
        return "FAIL", what, str(exc)
    except Exception as exc:  # noqa: BLE001 -- one broken server must not hide the other checks' lines
        return "FAIL", what, f"unexpected {type(exc).__name__}: {exc}"


def _mailbox_line(settings: Settings) -> str:
    import os

    from mailbot.mailbox import open_mailbox

    assert settings.mailbox is not None
    mailbox = open_mailbox(settings.mailbox, os.environ)
    try:
        return mailbox.check()
    finally:
        with contextlib.suppress(Exception):
            mailbox.close()


def _smtp_line(settings: Settings) -> str:
    import os

    from mailbot.outbox.sender import SmtpSender

    assert settings.smtp is not None
    return SmtpSender(settings.smtp, os.environ).check()


def _check_calendar(settings: Settings, sup: SupervisorSettings) -> tuple[str, str, str]:
    import os
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    what, cal = f"calendar {sup.id}", sup.calendar
    if cal is None:
        return "skip", what, f"{sup.name} has no calendar: all working hours count as free"
    where = _shown(settings, getattr(cal, "ics", None)) or getattr(cal, "ics_url", None) or getattr(cal, "caldav", "")
    where = re.sub(r"//[^/@]*@", "//", where)  # a password written into an address is not printed
    label = f"{sup.name}'s calendar ({where})"
    source = None
    try:
        from mailbot.calendars import open_source

        assert settings.source is not None
        tz = ZoneInfo(settings.booking.timezone)
        source = open_source(cal, name=label, base_dir=settings.source.parent, env=os.environ, tz=tz)
        source.check()
        # the busy times slots would be found around: shows that recurring events were expanded
        now, days = datetime.now(tz), settings.booking.horizon_days
        return "ok", what, f"{label}, {len(source.busy(now, now + timedelta(days=days)))} busy times " \
            f"in the next {days} days"
    except (MailbotError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return "FAIL", what, reason if reason.startswith(label) else f"{label}: {reason}"
    except Exception as exc:  # noqa: BLE001 -- one broken backend must not hide the other checks' lines
        return "FAIL", what, f"{label}: unexpected {type(exc).__name__}: {exc}"
    finally:
        close = getattr(source, "close", None)  # sources that hold a connection have one
        if callable(close):
            with contextlib.suppress(Exception):  # the check's answer is already known
                close()


def _shown(settings: Settings, path: Path | None) -> str:
    """A path as the user wrote it: relative to the configuration file's folder when inside it."""
    if path is None:
        return ""
    if settings.source is not None and path.is_relative_to(settings.source.parent):
        return str(path.relative_to(settings.source.parent))
    return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:  # each line names the file and the key already
        print(exc, file=sys.stderr)
        return exc.exit_status
    except MailbotError as exc:
        print(f"mailbot: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
