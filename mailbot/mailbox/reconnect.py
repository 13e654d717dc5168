"""Which failures mean "the connection is gone, try again", and how long to wait between tries."""

from __future__ import annotations

import imaplib
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass

from imapclient.exceptions import IMAPClientError, LoginError


def is_transient(error: BaseException) -> bool:
    """True for a lost or unreachable connection, which a later attempt may not meet again.

    A refused login, a certificate that is not trusted or a command the server answers NO or BAD
    to would fail the same way again: those are not transient.
    """
    if isinstance(error, ssl.SSLCertVerificationError | LoginError):
        return False
    # imaplib reports a dropped or garbled connection as IMAP4.abort, a subclass of IMAP4.error.
    return isinstance(error, OSError | imaplib.IMAP4.abort)


@dataclass(frozen=True)
class Backoff:
    """Delays before reconnection attempts: 1, 2, 4 … up to ``most`` seconds; stop after ``give_up_after``."""

    first: float = 1
    most: float = 60
    give_up_after: float = 300

    def delays(self) -> Iterator[float]:
        delay = self.first
        while True:
            yield delay
            delay = min(delay * 2, self.most)


def reason(error: BaseException, timeout: float | None) -> str:
    """A short human account of a connection failure, for the end of a MailboxError message."""
    if isinstance(error, ConnectionRefusedError):
        return "connection refused (is the host and port right, and the server running?)"
    if isinstance(error, socket.gaierror):
        return f"unknown host ({error.strerror})"
    if isinstance(error, TimeoutError):
        return f"no answer within {timeout:g} s" if timeout else "timed out"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"the server's certificate is not trusted ({error.verify_message})"
    if isinstance(error, ssl.SSLError):
        return f"TLS failed ({error.reason or error})"
    if isinstance(error, IMAPClientError):
        return server_text(error)
    return str(error) or type(error).__name__


def server_text(error: BaseException) -> str:
    """The server's own words from an imaplib/imapclient error (imaplib leaves them as bytes' repr)."""
    text = str(error.args[0]) if error.args else str(error)
    if isinstance(error.args[0] if error.args else None, bytes):
        text = error.args[0].decode(errors="replace")
    for prefix in ("b'", 'b"'):
        if text.startswith(prefix) and text.endswith(prefix[1]):
            text = text[2:-1]
    return text.strip() or type(error).__name__
