"""The whole path for generated hostile mail: store → understand → conversation → outbox → a real SMTP server.

``run_through(messages, folder, smtp)`` delivers the messages to a mailbox held in memory (the mailbox
backend is the one part not under test here; a sample goes through Dovecot in the integration tests),
runs the service's cycle on a real SQLite store until nothing is left, and returns what happened to
each message and every problem found: a traceback, a message not stored or not processed, a reply to
a machine, a header built from unchecked input, a proposal to a message with nothing to read.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.policy import strict
from pathlib import Path

from sqlalchemy import select

from mailbot.app import App
from mailbot.config import load_settings
from mailbot.mailbox.base import Fetched, Mailbox
from mailbot.store.models import Message, OutboxItem, ReviewItem
from tests.fuzz.hostile import MACHINE_KINDS
from tests.integration.conftest import service_config
from tests.integration.crash import PASSWORD_ENV
from tests.servers.smtp import SmtpServer

NOTHING_TO_READ = frozenset({"empty", "script_only", "numbers", "binary"})
UIDVALIDITY = 1


class ListMailbox(Mailbox):
    """A folder held in memory: what ``unprocessed`` returns until ``mark_processed``."""

    def __init__(self, messages: list[bytes]) -> None:
        self.waiting = {uid: raw for uid, raw in enumerate(messages, 1)}

    def connect(self) -> None:
        return None

    def unprocessed(self, limit: int | None = None) -> list[Fetched]:
        return [Fetched(UIDVALIDITY, uid, raw) for uid, raw in sorted(self.waiting.items())][:limit]

    def mark_processed(self, fetched: Fetched) -> None:
        self.waiting.pop(fetched.uid, None)

    def wait(self, timeout: float) -> bool:
        return False

    def close(self) -> None:
        return None


class _Tracebacks(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()}" + (" (traceback)" if record.exc_info else ""))


@dataclass
class Results:
    messages: int = 0
    seconds: float = 0.0
    states: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    replies: int = 0
    reviewed: int = 0
    problems: list[str] = field(default_factory=list)


def run_through(messages: list[tuple[str, bytes]], folder: Path, smtp: SmtpServer) -> Results:
    config = service_config(folder, 1, smtp.port)  # the IMAP port is never used: the mailbox is in memory
    app = App(load_settings(config, env=PASSWORD_ENV), env=PASSWORD_ENV,
              mailbox=ListMailbox([raw for _, raw in messages]))
    catcher = _Tracebacks()
    logging.getLogger().addHandler(catcher)
    out = Results(messages=len(messages))
    started = time.monotonic()
    try:
        for _ in range(3):  # until nothing is fetched (a second cycle must find nothing)
            report = app.cycle()
            if not report.fetched:
                break
    finally:
        logging.getLogger().removeHandler(catcher)
        out.seconds = time.monotonic() - started
    try:
        _check(app, messages, smtp, catcher, out)
    finally:
        app.close()
    return out


def _check(app: App, messages: list[tuple[str, bytes]], smtp: SmtpServer, catcher: _Tracebacks, out: Results) -> None:
    problems = out.problems
    problems += [f"logged error: {r}" for r in catcher.records]
    with app.db.transaction() as s:
        rows = {m.uid: m for m in s.scalars(select(Message).where(Message.direction == "in"))}
        outbox = list(s.scalars(select(OutboxItem)))
        reviews = list(s.scalars(select(ReviewItem)))
        reviewed_messages = {r.message_id for r in reviews}
        reviewed_conversations = {r.conversation_id for r in reviews}
        replied_conversations = {o.conversation_id for o in outbox}
        for uid, (kind, _raw) in enumerate(messages, 1):
            row = rows.get(uid)
            if row is None:
                problems.append(f"#{uid} {kind}: not stored")
                continue
            state = row.state or "-"
            out.states[state] = out.states.get(state, 0) + 1
            kind_states = out.by_kind.setdefault(kind, {})
            kind_states[state] = kind_states.get(state, 0) + 1
            if row.processed_at is None:
                problems.append(f"#{uid} {kind}: stored but not processed")
            if state == "failed":
                problems.append(f"#{uid} {kind}: processing failed")
            answered = row.conversation_id is not None and row.conversation_id in replied_conversations
            reviewed = row.id in reviewed_messages or (row.conversation_id in reviewed_conversations)
            out.reviewed += reviewed
            if kind in MACHINE_KINDS and answered:
                problems.append(f"#{uid} {kind}: a reply to a machine")
            if kind in NOTHING_TO_READ and state == "proposed":
                problems.append(f"#{uid} {kind}: a proposal to a message with nothing to read")
            if kind not in MACHINE_KINDS and not (answered or reviewed or state.startswith("ignored")
                                                  or state in ("processed", "noted")):
                problems.append(f"#{uid} {kind}: neither answered nor reviewed ({state})")
    out.replies = len(smtp.messages)
    for captured in smtp.messages:
        try:
            parsed = message_from_bytes(captured.raw, policy=strict)
            to = str(parsed["To"])
            subject, sender = str(parsed["Subject"]), str(parsed["From"])
        except Exception as exc:  # noqa: BLE001 - any header the strict parser refuses is a finding
            problems.append(f"reply with a header the strict parser refuses: {type(exc).__name__}: {exc}")
            continue
        if parsed["Bcc"] is not None or any(c in subject + sender + to for c in "\r\n"):
            problems.append(f"reply with an injected header: {to!r} {subject!r}")
        if len(captured.rcpt_tos) != 1 or captured.rcpt_tos[0].lower() not in to.lower():
            problems.append(f"envelope {captured.rcpt_tos} does not match To {to!r}")
        local = captured.rcpt_tos[0].split("@")[0].lower() if captured.rcpt_tos else ""
        if local.startswith(("noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "mailer-daemon",
                             "notifications")):
            problems.append(f"reply to a machine address {captured.rcpt_tos}")
