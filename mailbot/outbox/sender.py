"""Sending: one message to the SMTP server (``SmtpSender``), and the outbox drained (``OutboxWorker``).

A failed send is either temporary (no connection, a timeout, a 4xx reply, a login the server
refused) and retried with backoff, or permanent (a 5xx reply to the message itself: the recipient,
the sender address or the content refused) and put before staff. A refused login is temporary on
purpose: it is the configuration that is wrong, not the message, and once it is fixed every
waiting reply should still go out.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from email.utils import getaddresses, parseaddr
from typing import Protocol

import aiosmtplib
from sqlalchemy.orm import Session

from mailbot.config import SmtpSettings
from mailbot.errors import ConfigError, MailbotError
from mailbot.store import Database, repo
from mailbot.store.models import OutboxItem

log = logging.getLogger(__name__)

SEND_TIMEOUT = 60.0  # seconds per SMTP command; a large reply on a slow link still fits
QUIT_TIMEOUT = 5.0  # QUIT comes after the server took the message: waiting long for it only widens the gap
UNDELIVERABLE = "reply could not be delivered"
MAX_REASON_CHARS = 300


class SendError(MailbotError):
    """Raised when the SMTP server did not take a message; ``permanent`` says whether a retry can help."""

    def __init__(self, message: str, *, permanent: bool, code: int | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.code = code


class Sender(Protocol):
    async def send(self, raw: bytes, mail_from: str, rcpt_to: list[str]) -> None: ...


class SmtpSender:
    """Sends through the configured server: ``ssl`` (TLS from the start), ``starttls`` or ``none``."""

    def __init__(self, settings: SmtpSettings, env: Mapping[str, str], *, timeout: float = SEND_TIMEOUT) -> None:
        self.settings = settings
        self.timeout = timeout
        self.where = f"SMTP server {settings.host}:{settings.port}"
        self._password: str | None = None
        self._kept: aiosmtplib.SMTP | None = None  # one connection for a batch of replies
        self.keep = False  # OutboxWorker keeps the connection open for its batch, then calls aclose()
        if settings.username is not None:
            if not settings.password_env:
                raise ConfigError("[smtp] username is set but password_env is not: name the environment "
                                  "variable that holds the password")
            self._password = env.get(settings.password_env) or None
            if self._password is None:
                raise ConfigError(f"[smtp] password_env: environment variable {settings.password_env} is not set")

    async def send(self, raw: bytes, mail_from: str, rcpt_to: list[str]) -> None:
        """Hand ``raw`` to the server; returns once the server has accepted it, raises SendError if not.

        The connection is kept for the next message (``aclose`` ends it): with no QUIT between the
        server's OK and the caller's record of it, the one gap no protocol closes is narrower too.
        """
        for attempt in (1, 2):
            kept = self._kept is not None and self._kept.is_connected
            smtp = self._kept if kept and self._kept is not None else self._client()
            try:
                if not kept:
                    await smtp.connect()
                    self._kept = smtp
                errors, _ = await smtp.sendmail(mail_from, rcpt_to, raw)
            except aiosmtplib.SMTPServerDisconnected as exc:
                self._drop(smtp)
                if kept and attempt == 1:
                    continue  # the kept connection had timed out on the server: open a new one
                raise self._error(exc) from exc
            except aiosmtplib.SMTPException as exc:
                self._drop(smtp)
                raise self._error(exc) from exc
            except OSError as exc:  # refused, unreachable, TLS handshake
                self._drop(smtp)
                raise SendError(f"{self.where}: cannot connect ({exc})", permanent=False) from exc
            for address, response in errors.items():  # only when some recipients were taken and others not
                log.warning("%s refused recipient %s: %s %s", self.where, address, response.code,
                            response.message)
            if not self.keep:
                await self.aclose()
            return

    async def aclose(self) -> None:
        """End the kept connection politely (QUIT)."""
        smtp, self._kept = self._kept, None
        if smtp is not None and smtp.is_connected:
            await self._quit(smtp)

    def _drop(self, smtp: aiosmtplib.SMTP) -> None:
        smtp.close()
        if self._kept is smtp:
            self._kept = None

    def check(self) -> str:
        """Connect, EHLO (and log in); a line for ``mailbot check-config``. Raises SendError."""
        return asyncio.run(self._check())

    async def _check(self) -> str:
        smtp = self._client()
        try:
            await smtp.connect()
            if smtp.is_ehlo_or_helo_needed:
                await smtp.ehlo()
        except aiosmtplib.SMTPException as exc:
            smtp.close()
            raise self._error(exc) from exc
        except OSError as exc:
            smtp.close()
            raise SendError(f"{self.where}: cannot connect ({exc})", permanent=False) from exc
        greeting = (smtp.last_ehlo_response.message.split("\n")[0] if smtp.last_ehlo_response else "").strip()
        await self._quit(smtp)
        security = {"ssl": "TLS", "starttls": "STARTTLS", "none": "no encryption"}[self.settings.security]
        login = f"logged in as {self.settings.username}" if self.settings.username else "no login"
        return f"{self.settings.host}:{self.settings.port} ({security}), {login}; EHLO answered by {greeting}"

    def _client(self) -> aiosmtplib.SMTP:
        security = self.settings.security
        return aiosmtplib.SMTP(
            hostname=self.settings.host, port=self.settings.port, timeout=self.timeout,
            use_tls=security == "ssl",
            # False, not None, for "none": aiosmtplib would otherwise upgrade whenever the server offers it
            start_tls=security == "starttls",
            username=self.settings.username, password=self._password,
        )

    async def _quit(self, smtp: aiosmtplib.SMTP) -> None:
        try:
            await smtp.quit(timeout=QUIT_TIMEOUT)
        except (aiosmtplib.SMTPException, OSError):
            log.debug("%s: QUIT failed; the connection is closed anyway", self.where, exc_info=True)
        finally:
            smtp.close()

    def _error(self, exc: aiosmtplib.SMTPException) -> SendError:
        where = self.where
        if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
            codes = [r.code for r in exc.recipients]
            refused = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
            permanent = bool(codes) and all(500 <= c < 600 for c in codes)
            return SendError(f"{where} refused the recipient ({refused})", permanent=permanent,
                             code=codes[0] if codes else None)
        # Connection-level trouble is never the message's fault, whatever the code: always retried.
        if isinstance(exc, aiosmtplib.SMTPConnectResponseError):
            return SendError(f"{where} refused the connection: {exc.code} {exc.message}", permanent=False,
                             code=exc.code)
        if isinstance(exc, aiosmtplib.SMTPConnectError):
            cause = exc.__cause__
            reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else _describe(exc)
            return SendError(f"{where}: cannot connect ({reason})", permanent=False)
        if isinstance(exc, TimeoutError):
            return SendError(f"{where}: no answer within {self.timeout:g} s", permanent=False)
        if isinstance(exc, ConnectionError):
            return SendError(f"{where}: the connection broke off ({_describe(exc)})", permanent=False)
        if isinstance(exc, aiosmtplib.SMTPAuthenticationError):
            return SendError(f"{where} refused the login of {self.settings.username}: {exc.code} {exc.message}",
                             permanent=False, code=exc.code)
        if isinstance(exc, aiosmtplib.SMTPHeloError):
            return SendError(f"{where} refused EHLO: {exc.code} {exc.message}", permanent=False, code=exc.code)
        if isinstance(exc, aiosmtplib.SMTPResponseException):
            what = "the sender address" if isinstance(exc, aiosmtplib.SMTPSenderRefused) else "the message"
            return SendError(f"{where} refused {what}: {exc.code} {exc.message}",
                             permanent=500 <= exc.code < 600, code=exc.code)
        return SendError(f"{where}: {_describe(exc)}", permanent=False)  # e.g. STARTTLS or AUTH not offered


def _describe(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


# ---------------------------------------------------------------------------------------------------
# The outbox worker


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0  # every failed attempt, the permanent ones included
    permanent: int = 0  # failures that will not be retried: a person has been asked to look


@dataclass(frozen=True)
class _Taken:
    """An outbox row as plain data, so that nothing touches the database while the server talks."""

    id: int
    message_id: str
    to_addr: str
    raw: bytes
    conversation_id: int | None


class OutboxWorker:
    """Sends what is due, one message at a time, with a claim that lives only as long as this process:
    on PostgreSQL the row stays locked (FOR UPDATE SKIP LOCKED) through the SMTP transaction and is
    recorded before the lock goes; on SQLite the row names this process (``repo.claim_next``), and a
    later sender sees at once when that process is gone. A reply whose sender was killed is sent by
    the next run without waiting. A crash between the server's OK and ``mark_sent`` is the only way
    one reply (with one Message-ID) goes out twice, so nothing else happens in between.

    ``mail_from`` is the envelope sender; by default each message's own From address, so that bounces
    come back to the booking mailbox.
    """

    def __init__(self, database: Database, sender: Sender, *, mail_from: str | None = None) -> None:
        self.db = database
        self.sender = sender
        self.mail_from = mail_from
        self.me = repo.process_identity()
        self.locking = database.engine.dialect.name == "postgresql"

    async def send_due(self, now: datetime, *, keep_open: bool = False) -> SendReport:
        """Send every reply due at ``now``, on one connection; ``keep_open`` leaves it for the next call
        (the service's cycle sends after each message it handles), and ``close`` ends it."""
        report = SendReport()
        if hasattr(self.sender, "keep"):
            self.sender.keep = True
        try:
            while await (self._send_locked(now, report) if self.locking else self._send_claimed(now, report)):
                pass  # until nothing is due: a failed reply waits for its retry time, later than ``now``
        finally:
            if not keep_open:
                await self.close()
        return report

    async def close(self) -> None:
        """End the connection a ``send_due(keep_open=True)`` left open."""
        close = getattr(self.sender, "aclose", None)
        if close is not None:
            await close()
        if hasattr(self.sender, "keep"):
            self.sender.keep = False

    async def _send_locked(self, now: datetime, report: SendReport) -> bool:
        """PostgreSQL: the row lock is the claim, held through the send and dropped with the process."""
        with self.db.transaction() as s:
            (row,) = repo.due_outbox(s, now, limit=1) or (None,)
            if row is None:
                return False
            item = _Taken(row.id, row.message_id, row.to_addr, row.raw, row.conversation_id)
            await self._send_one(item, now, report, s)
        return True

    async def _send_claimed(self, now: datetime, report: SendReport) -> bool:
        """SQLite: a short transaction claims the row for this process; the send runs with none open."""
        with self.db.transaction() as s:
            row = repo.claim_next(s, self.me, now)
            if row is None:
                return False
            item = _Taken(row.id, row.message_id, row.to_addr, row.raw, row.conversation_id)
        await self._send_one(item, now, report)
        return True

    async def _send_one(self, item: _Taken, now: datetime, report: SendReport, s: Session | None = None) -> None:
        try:
            await self.sender.send(item.raw, self.mail_from or _from_address(item.raw), _recipients(item.to_addr))
        except SendError as exc:
            self._failed(item, str(exc), exc.permanent, now, report, s)
            return
        except Exception as exc:  # a bug in a sender must not stop the queue or lose the item
            log.exception("sending %s failed unexpectedly", item.message_id)
            self._failed(item, f"{type(exc).__name__}: {exc}", False, now, report, s)
            return
        with self._session(s) as session:
            repo.mark_sent(session, item.id, at=now)
        report.sent += 1
        log.info("sent %s to %s", item.message_id, item.to_addr)

    def _session(self, s: Session | None) -> AbstractContextManager[Session]:
        """The caller's transaction (PostgreSQL, the row still locked) or a short one of its own."""
        return nullcontext(s) if s is not None else self.db.transaction()

    def _failed(self, item: _Taken, error: str, permanent: bool, now: datetime, report: SendReport,
                s: Session | None = None) -> None:
        report.failed += 1
        with self._session(s) as s:
            row: OutboxItem = repo.mark_failed(s, item.id, error, now=now)
            if permanent:
                row.next_attempt_at = None  # a refused address stays refused
            if row.next_attempt_at is None:
                report.permanent += 1
                why = error if permanent else f"{row.attempts} attempts, the last: {error}"
                repo.open_review_item(s, f"{UNDELIVERABLE} ({why})"[:MAX_REASON_CHARS],
                                      conversation_id=item.conversation_id, now=now)
                repo.audit(s, "mailbot", "send_failed", conversation_id=item.conversation_id,
                           detail={"message_id": item.message_id, "to": item.to_addr, "error": error}, at=now)
        log.warning("sending %s to %s failed%s: %s", item.message_id, item.to_addr,
                    "" if row.next_attempt_at else " for good", error)


def _recipients(to_addr: str) -> list[str]:
    return [address for _, address in getaddresses([to_addr]) if address]


def _from_address(raw: bytes) -> str:
    headers = BytesHeaderParser(policy=default_policy).parsebytes(raw)
    return parseaddr(str(headers.get("from", "")))[1]
