"""Wiring: builds the components from settings, and the cycle of the service.

One cycle (``App.cycle``): fetch every unprocessed message → store its raw bytes (committed before
anything acts on it) → handle it in its own transaction, the message row locked, so that two
workers never both answer it → flag it processed on the server → send what is due in the outbox →
run the jobs that are due (hold expiry, reminders, retention). ``mailbot run`` repeats cycles,
waiting in IMAP IDLE between them; ``mailbot run --once`` runs one.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import signal
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.exc import OperationalError

from mailbot.booking.conversation import Conversations
from mailbot.calendars.base import CalendarSource
from mailbot.config import Settings
from mailbot.errors import ConfigError, MailbotError, MailError
from mailbot.mail import InboundMessage, read_message
from mailbot.store import Database, open_database, repo
from mailbot.store.models import Message

log = logging.getLogger("mailbot")
STOP_CHECK_SECONDS = 2.0


@dataclass
class CycleReport:
    fetched: int = 0
    handled: int = 0
    skipped: int = 0  # already handled (by another worker or before a restart)
    failed: int = 0
    sent: int = 0
    send_failed: int = 0
    waiting: int = 0  # replies not yet accepted by the SMTP server after this cycle
    waiting_since: datetime | None = None  # when the oldest of them was queued
    actions: dict[str, int] = field(default_factory=dict)


class App:
    def __init__(self, settings: Settings, env: Mapping[str, str] | None = None, *,
                 database: Database | None = None, mailbox: Any = None, sender: Any = None,
                 calendars: Mapping[str, CalendarSource] | None = None) -> None:
        self.settings = settings
        self.env = os.environ if env is None else env
        self.tz = ZoneInfo(settings.booking.timezone)
        self.db = database or open_database(settings.database.url)
        self.calendars = dict(calendars) if calendars is not None else self._open_calendars()
        self.mailbox = mailbox if mailbox is not None else self._open_mailbox()
        self.sender = sender if sender is not None else self._open_sender()
        self.composer = self._composer()
        own = {a for a in (settings.smtp.from_address if settings.smtp else None,
                           settings.mailbox.username if settings.mailbox else None) if a}
        self.conversations = Conversations(settings, self.calendars, self.composer, own_addresses=own,
                                           max_replies_per_day=settings.booking.max_replies_per_day)
        self._stop = threading.Event()
        self._waiting = False  # in the mailbox's wait (IDLE): a signal interrupts it

    # --- building ----------------------------------------------------------------------------
    def _open_calendars(self) -> dict[str, CalendarSource]:
        from mailbot.calendars import open_source

        base = self.settings.source.parent if self.settings.source else Path.cwd()
        out = {}
        for sup in self.settings.supervisors:
            if sup.calendar is None:
                continue
            try:
                out[sup.id] = open_source(sup.calendar, name=f"{sup.name}'s calendar", base_dir=base, env=self.env,
                                          tz=self.tz, organizer=self._organizer())
            except MailbotError as exc:  # one broken calendar must not stop the others
                log.error("calendar of %s unavailable: %s", sup.id, exc)
        return out

    def _organizer(self) -> tuple[str, str] | None:
        smtp = self.settings.smtp
        return (smtp.from_address, smtp.from_name) if smtp else None

    def _open_mailbox(self) -> Any:
        if self.settings.mailbox is None:
            raise ConfigError(f"{self.settings.source or 'config.toml'}: [mailbox] is needed to run the service")
        from mailbot.mailbox import open_mailbox

        return open_mailbox(self.settings.mailbox, self.env, processed_folder=self.settings.mailbox.processed_folder)

    def _open_sender(self) -> Any:
        if self.settings.smtp is None:
            raise ConfigError(f"{self.settings.source or 'config.toml'}: [smtp] is needed to run the service")
        from mailbot.outbox.sender import SmtpSender

        return SmtpSender(self.settings.smtp, self.env)

    def _composer(self) -> Any:
        from mailbot.outbox.compose import Composer
        from mailbot.outbox.render import BUILTIN_TEMPLATES

        templates = self.settings.booking.templates
        base = self.settings.source.parent if self.settings.source else Path.cwd()
        folder = (base / templates) if templates else BUILTIN_TEMPLATES
        smtp = self.settings.smtp
        signature = f"{smtp.from_name}\n{self.settings.booking.organization}" if smtp else None
        return Composer(self.settings, folder, self.tz, signature=signature)

    # --- one cycle ---------------------------------------------------------------------------
    def cycle(self, now: datetime | None = None, *, jobs: bool = True) -> CycleReport:
        from mailbot.outbox.sender import OutboxWorker

        report = CycleReport()
        # one event loop and one SMTP connection for the cycle: each reply goes out as soon as its message is
        # handled, so the last of a burst of mail does not wait for the whole batch before anything is sent
        outbox = OutboxWorker(self.db, self.sender)
        sending = True  # until the server refuses: then the replies wait for their retry time, the mail does not
        with asyncio.Runner() as runner:
            try:
                for fetched in self.mailbox.unprocessed():
                    report.fetched += 1
                    row_id, parsed = self._store(fetched, now)
                    if self._handle(row_id, report, now, parsed):
                        self.mailbox.mark_processed(fetched)  # only once the database says it is done
                    sending = sending and self._send(runner, outbox, report)
                self._recover(report, now)
                if sending:
                    self._send(runner, outbox, report)
            finally:
                runner.run(outbox.close())
        with self.db.transaction() as s:
            report.waiting, report.waiting_since = repo.waiting(s)
        if jobs:
            self.run_jobs(now or datetime.now(UTC))
        return report

    def _store(self, fetched: Any, now: datetime | None) -> tuple[int, InboundMessage | None]:
        """The raw message in the database, committed before anything acts on it."""
        try:
            msg = read_message(fetched.raw)
            message_id, sender, subject = msg.message_id, msg.sender.addr if msg.sender else None, msg.subject
            in_reply_to = msg.in_reply_to
        except MailError:
            msg, message_id, sender, subject, in_reply_to = None, None, None, "", None
        with self.db.transaction() as s:
            row, _created = repo.store_inbound(s, fetched.raw, uidvalidity=fetched.uidvalidity, uid=fetched.uid,
                                               message_id=message_id, in_reply_to=in_reply_to, sender=sender,
                                               subject=subject, received_at=now or datetime.now(UTC))
            return row.id, msg

    def _recover(self, report: CycleReport, now: datetime | None) -> None:
        """Messages stored by a run that stopped before handling them (a crash, a kill)."""
        with self.db.transaction() as s:
            pending = [m.id for m in repo.unprocessed_inbound(s)]
        for row_id in pending:
            self._handle(row_id, report, now)

    def _handle(self, row_id: int, report: CycleReport, now: datetime | None,
                parsed: InboundMessage | None = None) -> bool:
        """Handle one stored message; True when it is done (by this worker or before)."""
        for attempt in range(1, TRANSIENT_ATTEMPTS + 1):
            try:
                return self._handle_once(row_id, report, now, parsed)
            except OperationalError as exc:  # two workers' holds deadlocked: PostgreSQL rolled one back
                if not _transient(exc) or attempt == TRANSIENT_ATTEMPTS:
                    return self._failed(row_id, report, None)
                log.info("message row %s: %s; trying again", row_id, type(exc.orig).__name__ if exc.orig else exc)
                time.sleep(random.uniform(0, 0.05 * attempt))  # apart, so that the two do not meet again at once
        return False  # not reached

    def _handle_once(self, row_id: int, report: CycleReport, now: datetime | None,
                     parsed: InboundMessage | None) -> bool:
        when = now or datetime.now(UTC)
        message_id: str | None = None
        try:
            with self.db.transaction() as s:
                # another worker holding the row is handling it (PostgreSQL: SKIP LOCKED); SQLite serialises
                row = repo.claim_message(s, row_id)
                if row is None:
                    report.skipped += 1
                    return False
                if row.processed_at is not None:
                    report.skipped += 1
                    return True
                message_id = row.message_id
                try:
                    msg = parsed or read_message(row.raw or b"")  # read once when it was just stored
                except MailError:
                    msg = None
                if msg is None:
                    repo.open_review_item(s, "message could not be read as e-mail", message_id=row.id)
                    repo.mark_processed(s, row.id, state="unreadable")
                    outcome_action = "unreadable"
                else:
                    outcome_action = self.conversations.handle(s, row, msg, when).action
            report.handled += 1
            key = outcome_action.split(":")[0]
            report.actions[key] = report.actions.get(key, 0) + 1
            return True
        except OperationalError as exc:
            if _transient(exc):
                raise  # tried again from the start, in a new transaction
            return self._failed(row_id, report, message_id)
        except Exception:  # a bug must not lose the message or loop on it: a person looks at it
            return self._failed(row_id, report, message_id)

    def _failed(self, row_id: int, report: CycleReport, message_id: str | None) -> bool:
        log.exception("handling message %s (row %s) failed", message_id, row_id)
        report.failed += 1
        with self.db.transaction() as s:
            row = s.get(Message, row_id)
            if row is not None and row.processed_at is None:
                repo.open_review_item(s, "processing failed", message_id=row_id)
                repo.mark_processed(s, row_id, state="failed")
        return True

    @staticmethod
    def _send(runner: asyncio.Runner, outbox: Any, report: CycleReport) -> bool:
        """Send what is due now (the outbox runs on the wall clock, whatever ``now`` reads mail at); False when
        nothing got through, so that a server that is down (or times out) is not tried again for every message
        of the cycle while the mail waits to be handled."""
        result = runner.run(outbox.send_due(datetime.now(UTC), keep_open=True))
        report.sent += result.sent
        report.send_failed += result.failed
        return not (result.failed and not result.sent)

    # --- jobs --------------------------------------------------------------------------------
    def run_jobs(self, now: datetime) -> dict[str, int]:
        """Idempotent jobs: running them twice, or in two workers, changes nothing more."""
        from mailbot.booking.reminders import queue_reminders

        done = {"holds_released": 0, "bodies_purged": 0, "reminders": 0}
        with self.db.transaction() as s:
            done["holds_released"] = repo.release_expired_holds(s, now=now)
        with self.db.transaction() as s:
            done["reminders"] = queue_reminders(s, self.conversations, now, self.settings.booking.reminder_hours)
        with self.db.transaction() as s:
            done["bodies_purged"] = repo.purge_bodies(s, now - timedelta(days=self.settings.booking.retention_days))
        return done

    def retry_waiting(self) -> int:
        """A service that starts sends every waiting reply at once, whatever retry time an earlier
        process saved: the operator who fixed the SMTP server and restarts expects the mail to flow."""
        with self.db.transaction() as s:
            moved = repo.retry_now(s, datetime.now(UTC))
            count, since = repo.waiting(s)
        if count:
            log.info("%d replies waiting to be sent, the oldest since %s; trying them now", count,
                     since.isoformat(timespec="seconds") if since else "-")
        return moved

    # --- the service -------------------------------------------------------------------------
    def run_forever(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._on_signal)
        poll = self.settings.mailbox.poll_seconds if self.settings.mailbox else 60
        scheduler = self._scheduler()
        scheduler.start()
        log.info("mailbot running; %d calendars", len(self.calendars))
        self.retry_waiting()
        while not self._stop.is_set():
            try:
                report = self.cycle(jobs=False)
                if report.fetched or report.sent:
                    log.info("cycle: fetched %d, handled %d, sent %d", report.fetched, report.handled, report.sent)
                # IDLE in short rounds; a signal ends a round at once
                self._idle(min(poll, STOP_CHECK_SECONDS))
            except MailbotError as exc:  # a server away for a while: keep trying, quietly
                log.warning("%s", exc)
                self._stop.wait(min(poll, 10))
            except OperationalError as exc:
                # the database locked by another process past the busy timeout, or PostgreSQL restarting: the
                # mail stays unprocessed on the server and the replies in the outbox; both are taken up again
                log.warning("database not available (%s); trying again in %g s",
                            str(exc.orig or exc).splitlines()[0], min(poll, 10))
                self._stop.wait(min(poll, 10))
            except _Interrupted:  # the signal came just as the wait ended
                break
        scheduler.shutdown(wait=True)
        self.close()

    def _scheduler(self) -> Any:
        """Hold expiry, reminders and retention on APScheduler; each job is idempotent (see run_jobs)."""
        from apscheduler.schedulers.background import BackgroundScheduler

        scheduler = BackgroundScheduler(timezone=str(self.tz), job_defaults={"coalesce": True, "max_instances": 1})
        scheduler.add_job(self._jobs_now, "interval", minutes=5, id="jobs", next_run_time=datetime.now(self.tz))
        return scheduler

    def _jobs_now(self) -> None:
        try:
            done = self.run_jobs(datetime.now(UTC))
            if any(done.values()):
                log.info("jobs: %s", done)
        except Exception:  # a failing job is logged and tried again at the next interval
            log.exception("scheduled jobs failed")

    def _on_signal(self, *_: object) -> None:
        """SIGTERM or SIGINT: stop; a wait in IDLE is cut short at once (the mailbox leaves IDLE cleanly)."""
        self._stop.set()
        if self._waiting:
            raise _Interrupted

    def _idle(self, seconds: float) -> None:
        self._waiting = True
        try:
            if not self._stop.is_set():
                self.mailbox.wait(seconds)
        except _Interrupted:
            log.info("stopping")
        finally:
            self._waiting = False

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        for closing in (getattr(self.mailbox, "close", None), getattr(self.db, "close", None)):
            if closing:
                try:
                    closing()
                except Exception:  # noqa: BLE001 - closing on the way out
                    log.debug("close failed", exc_info=True)


class _Interrupted(BaseException):  # noqa: N818 - not an error: a signal arrived while waiting for mail
    """Raised by the signal handler inside the mailbox's wait, so that IDLE ends at once."""


TRANSIENT_ATTEMPTS = 6


def _transient(exc: OperationalError) -> bool:
    """A deadlock or serialization failure (PostgreSQL), or a database locked a moment (SQLite): the
    same work succeeds when it is done again."""
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code in ("40P01", "40001") or "database is locked" in str(exc.orig)
