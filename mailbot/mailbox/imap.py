"""The booking mailbox over IMAP (imapclient): fetch unprocessed mail, mark it, wait with IDLE.

One connection, with the folder selected, is kept between calls. When it drops (server restart,
idle logout, network) the next operation reconnects: at once, then after 1, 2, 4 … 60 seconds,
for up to ``Backoff.give_up_after`` seconds, and then raises MailboxError. Every operation is
safe to repeat, so the one that met the broken connection simply runs again on the new one.
Logs carry UIDs and counts, never subjects, addresses of senders or bodies.
"""

from __future__ import annotations

import ipaddress
import itertools
import logging
import ssl
import time
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientError, LoginError

from mailbot.mailbox.base import Fetched, Mailbox, MailboxError
from mailbot.mailbox.idle import has_news, idle_for_mail
from mailbot.mailbox.marking import Marker, choose_marker
from mailbot.mailbox.reconnect import Backoff, is_transient, reason, server_text

log = logging.getLogger(__name__)

T = TypeVar("T")
Security = Literal["ssl", "starttls", "none"]
DEFAULT_BACKOFF = Backoff()  # frozen, so one instance serves every mailbox
FETCH_BATCH = 25  # messages per FETCH: bounds one response, not the list unprocessed() returns


class ImapMailbox(Mailbox):
    """A folder on an IMAP server; see ``Mailbox`` for the contract and ``marking`` for "processed".

    ``ssl_context`` defaults to the system's trusted certificates with host name checking;
    ``timeout`` bounds connecting and each read; ``sleep`` and ``clock`` are injectable so that
    tests can follow the backoff without waiting.
    """

    def __init__(self, host: str, port: int, security: Security, username: str, password: str, *,
                 folder: str = "INBOX", processed_folder: str | None = None, poll_seconds: float = 60,
                 timeout: float = 30, ssl_context: ssl.SSLContext | None = None, backoff: Backoff = DEFAULT_BACKOFF,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(poll_seconds=poll_seconds, sleep=sleep)
        self.host, self.port, self.security = host, port, security
        self.username, self.folder, self.processed_folder = username, folder, processed_folder
        self.timeout, self.backoff = timeout, backoff
        self._password = password
        self._ssl_context = ssl_context
        self._clock = clock
        self._client: IMAPClient | None = None
        self._marker: Marker | None = None
        self._uidvalidity: int | None = None  # of the folder as last selected
        self._uidnext: int | None = None  # every UID below it was there for the last unprocessed()
        self._warned_plain = False
        self._connected_once = False  # a first connection that fails is reported, not retried

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    # -- the contract --------------------------------------------------------------------------

    def connect(self) -> None:
        if self._client is not None:
            return
        try:
            self._client = self._open()
        except MailboxError:
            raise
        except Exception as error:
            raise self._failure(error) from error

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # already gone, or stuck in IDLE: nothing to say goodbye to
            try:
                client.shutdown()
            except Exception as error:
                log.debug("closing the IMAP connection to %s: %s", self.address, error)

    def unprocessed(self, limit: int | None = None) -> list[Fetched]:
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be None or at least 0, not {limit}")
        return self._with_reconnect(lambda client: self._unprocessed(client, limit))

    def mark_processed(self, fetched: Fetched) -> None:
        self._with_reconnect(lambda client: self._mark(client, fetched))

    def wait(self, timeout: float) -> bool:
        # After a reconnect nobody knows what arrived meanwhile: say "maybe" and let the caller look.
        return self._with_reconnect(lambda client: self._wait(client, timeout), after_reconnect=lambda _: True)

    def check(self) -> str:
        self.connect()
        assert self._client is not None and self._marker is not None
        try:
            exists = self._select(self._client)[b"EXISTS"]
            idle = self._client.has_capability("IDLE")
        except Exception as error:
            self.close()
            raise self._failure(error) from error
        waiting = "IDLE" if idle else f"no IDLE, polling every {self.poll_seconds:g} s"
        count = f"{exists} message{'' if exists == 1 else 's'}"
        return (f"{self.username} on {self.address} ({self.security}), {self.folder}: {count}, {waiting}, "
                f"{self._marker.describe()}")

    # -- one attempt of each operation on a live connection -------------------------------------

    def _unprocessed(self, client: IMAPClient, limit: int | None) -> list[Fetched]:
        assert self._marker is not None
        # SELECT each time: it reports a UIDVALIDITY changed since (the folder was recreated), which
        # a session that stays selected may not notice.
        info = self._select(client)
        uidvalidity = self._uidvalidity
        assert uidvalidity is not None
        uids = sorted(client.search(self._marker.criteria))[:limit]
        found: list[Fetched] = []
        for start in range(0, len(uids), FETCH_BATCH):
            batch = uids[start:start + FETCH_BATCH]
            # BODY.PEEK[]: the whole message as stored, without setting \Seen as RFC822 would.
            response = client.fetch(batch, ["BODY.PEEK[]"])
            for uid in batch:
                raw = response.get(uid, {}).get(b"BODY[]")
                if raw is not None:  # expunged between SEARCH and FETCH
                    found.append(Fetched(uidvalidity, uid, bytes(raw)))
        self._uidnext = info.get(b"UIDNEXT")
        if found:
            log.info("%d unprocessed in %s (UIDVALIDITY %d, UIDs %d..%d)", len(found), self.folder, uidvalidity,
                     found[0].uid, found[-1].uid)
        return found

    def _mark(self, client: IMAPClient, fetched: Fetched) -> None:
        assert self._marker is not None
        if fetched.uidvalidity != self._uidvalidity:
            log.warning("not marking UID %d: fetched under UIDVALIDITY %d, the folder now has %s",
                        fetched.uid, fetched.uidvalidity, self._uidvalidity)
            return
        self._marker.mark(client, fetched.uid)
        log.info("UID %d marked processed", fetched.uid)

    def _wait(self, client: IMAPClient, timeout: float) -> bool:
        if not client.has_capability("IDLE"):
            return Mailbox.wait(self, timeout)
        # Mail that came after the last unprocessed() looked, but before IDLE began, is not announced
        # during IDLE if it was announced in an earlier response (which imaplib kept to itself).
        # NOOP brings the session up to date (announcing what is new), then SEARCH finds the rest.
        _text, responses = client.noop()
        if has_news(responses):
            return True
        if self._uidnext is not None and any(uid >= self._uidnext for uid in client.search(
                ["UID", f"{self._uidnext}:*"])):  # "n:*" also matches the last UID, hence the filter
            return True
        return idle_for_mail(client, timeout, clock=self._clock)

    # -- connecting -----------------------------------------------------------------------------

    def _open(self) -> IMAPClient:
        """One attempt: connect, log in, select the folder, choose the marker. Raises what it meets."""
        client = self._new_client()
        try:
            if self.security == "starttls":
                try:
                    client.starttls(self._ssl_context or ssl.create_default_context())
                except CapabilityError:
                    raise MailboxError(f"IMAP server {self.address} does not offer STARTTLS "
                                       '(security = "starttls"); use "ssl" or another port') from None
            elif self.security == "none":
                self._warn_plain_text()
            client.login(self.username, self._password)
            info = self._select(client)
            flags = info.get(b"PERMANENTFLAGS", info.get(b"FLAGS", ()))
            self._marker = self._choose_marker(flags)
            if self.processed_folder is not None and not client.folder_exists(self.processed_folder):
                self._create_folder(client, self.processed_folder)
        except BaseException:
            try:
                client.shutdown()
            except Exception as error:
                log.debug("closing a failed IMAP connection to %s: %s", self.address, error)
            raise
        log.info("connected to %s as %s, %s selected", self.address, self.username, self.folder)
        self._connected_once = True
        return client

    def _new_client(self) -> IMAPClient:
        """The seam tests may override (imapclient's own TestableIMAPClient idea)."""
        if self.security == "ssl":
            return IMAPClient(self.host, self.port, ssl=True, ssl_context=self._ssl_context, timeout=self.timeout)
        return IMAPClient(self.host, self.port, ssl=False, timeout=self.timeout)

    def _choose_marker(self, permanent_flags: tuple[bytes, ...]) -> Marker:
        return choose_marker(permanent_flags, self.processed_folder)

    def _select(self, client: IMAPClient) -> dict[bytes, Any]:
        try:
            info: dict[bytes, Any] = client.select_folder(self.folder)
        except IMAPClientError as error:
            if is_transient(error):
                raise
            raise MailboxError(f"IMAP folder {self.folder!r} on {self.address} cannot be opened: "
                               f"{server_text(error)}") from error
        uidvalidity = info.get(b"UIDVALIDITY")
        if not isinstance(uidvalidity, int):
            raise MailboxError(f"IMAP server {self.address} reports no UIDVALIDITY for {self.folder!r}")
        if self._uidvalidity not in (None, uidvalidity):
            log.warning("UIDVALIDITY of %s changed from %s to %d: its messages are numbered anew",
                        self.folder, self._uidvalidity, uidvalidity)
            self._uidnext = None
        self._uidvalidity = uidvalidity
        return info

    def _create_folder(self, client: IMAPClient, folder: str) -> None:
        try:
            client.create_folder(folder)
            log.info("created the folder %s for processed mail", folder)
        except IMAPClientError:
            if not client.folder_exists(folder):  # else another process created it meanwhile
                raise

    def _warn_plain_text(self) -> None:
        if self._warned_plain or _is_loopback(self.host):
            return
        self._warned_plain = True
        log.warning('the IMAP password for %s goes to %s unencrypted (security = "none")', self.username,
                    self.address)

    # -- errors and reconnection ------------------------------------------------------------------

    def _with_reconnect(self, operation: Callable[[IMAPClient], T],
                        after_reconnect: Callable[[IMAPClient], T] | None = None) -> T:
        """Runs ``operation`` on the connection; on a lost one, reconnects with backoff and runs again."""
        try:
            if self._client is None:
                self._client = self._open()
            return operation(self._client)
        except MailboxError:
            raise
        except Exception as error:
            if not is_transient(error) or not self._connected_once:
                self.close()
                raise self._failure(error) from error
            log.warning("IMAP connection to %s lost (%s); reconnecting", self.address, reason(error, self.timeout))
            self.close()
            last = error
        started = self._clock()
        for delay in itertools.chain([0.0], self.backoff.delays()):
            if self._clock() + delay - started > self.backoff.give_up_after:
                break
            if delay:
                self._sleep(delay)
            try:
                self._client = self._open()
                return (after_reconnect or operation)(self._client)
            except MailboxError:
                raise
            except Exception as error:
                self.close()
                if not is_transient(error):
                    raise self._failure(error) from error
                log.info("reconnecting to %s failed (%s)", self.address, reason(error, self.timeout))
                last = error
        raise MailboxError(f"IMAP server {self.address} unreachable for {self._clock() - started:.0f} s: "
                           f"{reason(last, self.timeout)}") from last

    def _failure(self, error: BaseException) -> MailboxError:
        if isinstance(error, LoginError):
            return MailboxError(f"IMAP login to {self.address} as {self.username} failed: {server_text(error)}")
        if is_transient(error) or isinstance(error, ssl.SSLError):
            return MailboxError(f"cannot connect to IMAP server {self.address}: {reason(error, self.timeout)}")
        return MailboxError(f"IMAP server {self.address}: {reason(error, self.timeout)}")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
