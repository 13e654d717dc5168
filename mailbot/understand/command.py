"""``mailbot parse``: one file in, the contract's JSON out, one clear line on any bad input."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from pathlib import Path

from mailbot.errors import MailError, UsageError
from mailbot.understand.result import ParseResult, parse_options

log = logging.getLogger(__name__)


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a message file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _parse_now(value: str) -> datetime:
    try:
        now = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--now: {value!r} is not an ISO 8601 date-time (e.g. 2026-11-24T09:00:00+02:00)") from None
    if now.tzinfo is None:
        from mailbot.understand import HELSINKI

        now = now.replace(tzinfo=HELSINKI)
    return now


def run_parse(path: str, *, now: str | None, options: str | None, horizon_days: int) -> str:
    from mailbot.mail import read_message
    from mailbot.understand import understand

    if horizon_days < 1 or horizon_days > 3660:
        raise UsageError("--horizon-days must be between 1 and 3660")
    raw = _read_bytes(path)
    opts = None
    if options:
        try:
            data = json.loads(_read_bytes(options).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UsageError(f"{options}: not valid JSON ({exc})") from None
        opts = parse_options(data, options)
    try:
        msg = read_message(raw)
    except MailError as exc:
        raise MailError(f"{path}: {exc}") from None
    when = _parse_now(now) if now else msg.date
    if when is None:
        raise UsageError(f"{path}: the message has no usable Date header; give --now")
    try:
        result = understand(msg, now=when, options=opts, horizon_days=horizon_days)
    except Exception:  # a bug in a rule must not lose the message: a person reads it instead
        log.exception("understanding %s failed", msg.message_id or path)
        result = ParseResult("request", "fi", needs_review=True, reasons=["the parser failed on this message"])
    return result.to_json()
