"""The contract every mailbox backend keeps, and the plain data that crosses it.

A backend is one module in this package (``imap``) with a subclass of ``Mailbox``;
``mailbot.mailbox.open_mailbox`` picks it from the configuration.

How the application uses a mailbox (and why UIDVALIDITY travels with every message)::

    for fetched in mailbox.unprocessed(limit=50):
        message, new = repo.store_inbound(session, fetched.raw, uidvalidity=fetched.uidvalidity,
                                          uid=fetched.uid, message_id=...)
        ...act on it if new (idempotently), commit...
        mailbox.mark_processed(fetched)
    mailbox.wait(timeout)

A message is named by (uidvalidity, uid). The server may renumber a folder (it was deleted and
created again, or restored from a backup): it then reports a new UIDVALIDITY and every message
comes back as unprocessed under new UIDs. The store keeps (uidvalidity, uid) unique and also knows
each message by its Message-ID, so ``store_inbound`` returns the copies it has already seen with
``new=False``, and the application only marks them processed again. ``mark_processed`` of a
message fetched under an older UIDVALIDITY does nothing, because its UID may now name another
message. Marking comes last: a crash before it only makes the next run fetch the message again,
which the store recognises.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

from mailbot.errors import MailbotError


class MailboxError(MailbotError):
    """Raised when the mailbox cannot be reached, logged in to or read; the message names the server."""


@dataclass(frozen=True)
class Fetched:
    """One message as it lies in the mailbox folder: its bytes exactly as the server keeps them."""

    uidvalidity: int  # the folder's UIDVALIDITY when the message was fetched
    uid: int  # unique within the folder while uidvalidity stays the same
    raw: bytes  # the whole RFC 5322 message, unchanged (broken MIME included)

    def __repr__(self) -> str:  # never the bytes: they go to logs with the rest of the repr
        return f"Fetched(uidvalidity={self.uidvalidity}, uid={self.uid}, {len(self.raw)} bytes)"


class Mailbox:
    """The booking mailbox: one folder new requests arrive in.

    ``connect()`` logs in and selects the folder, once, and raises MailboxError with a one-line
    message naming the server when it cannot ("IMAP login to imap.example.fi:993 as … failed: …").
    The other operations connect when needed. A backend that talks to a server reconnects by
    itself when the connection drops between or during operations (they are all safe to repeat)
    and raises MailboxError only when the server stays unreachable or refuses the login.

    ``unprocessed(limit)`` returns every message in the folder that is not yet marked processed
    (at most ``limit``), oldest first (ascending UID), each with the folder's UIDVALIDITY. Reading
    does not mark a message read (\\Seen) or processed. Messages flagged \\Deleted are skipped.

    ``mark_processed(fetched)`` records on the server that the message has been dealt with, so that
    no later ``unprocessed()`` — in this process or another — returns it. It is idempotent: marking
    twice, or marking a message that is gone (deleted, moved, or from an older UIDVALIDITY), is
    harmless and does nothing.

    ``wait(timeout)`` blocks until new mail may have arrived (True) or ``timeout`` seconds pass
    with none (False). True may be spurious; the caller then finds nothing new. This base class
    polls: it sleeps ``min(timeout, poll_seconds)`` and returns True; backends with push (IMAP
    IDLE) override it.

    ``check()`` connects, logs in and selects the folder, and returns one line describing what it
    found, e.g. ``ajanvaraus@example.fi on imap.example.fi:993 (ssl), INBOX: 12 messages, IDLE``;
    it raises MailboxError otherwise. ``close()`` logs out; it never raises, and the mailbox may be
    used again afterwards (it reconnects). A mailbox is also a context manager that closes itself.

    One mailbox is used by one thread at a time.
    """

    def __init__(self, *, poll_seconds: float = 60, sleep: Callable[[float], None] = time.sleep) -> None:
        self.poll_seconds = poll_seconds
        self._sleep = sleep

    def connect(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def unprocessed(self, limit: int | None = None) -> list[Fetched]:
        raise NotImplementedError

    def mark_processed(self, fetched: Fetched) -> None:
        raise NotImplementedError

    def wait(self, timeout: float) -> bool:
        self._sleep(max(0.0, min(timeout, self.poll_seconds)))
        return True

    def check(self) -> str:
        raise NotImplementedError

    def __enter__(self) -> Mailbox:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
