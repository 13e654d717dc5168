"""Real Dovecot servers for the mailbox tests (see tests/servers/dovecot.py and TESTING.md).

One full Dovecot per session; one without IDLE and MOVE and one with TLS are started the first time
a test asks for them. Every test gets its own user (Dovecot rereads the passwd file), so tests never
see each other's mail. Mailboxes made by ``make_mailbox`` are closed after the test.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from mailbot.mailbox.imap import ImapMailbox
from tests.servers.dovecot import DovecotServer, start_dovecot

PASSWORD = "secret"
# Dovecot advertises what it is told to: a server with neither IDLE nor MOVE, as some still are.
PLAIN_CAPABILITIES = "imap_capability = IMAP4rev1 LITERAL+ UIDPLUS\n"

_users = itertools.count(1)


def _server(**kwargs: Any) -> Iterator[DovecotServer]:
    folder = tempfile.mkdtemp(prefix="dv", dir="/tmp")  # short: Dovecot's socket paths must fit
    server = start_dovecot(folder, {}, **kwargs)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    yield from _server()


@pytest.fixture(scope="session")
def dovecot_plain() -> Iterator[DovecotServer]:
    yield from _server(extra_config=PLAIN_CAPABILITIES)


@pytest.fixture(scope="session")
def dovecot_tls() -> Iterator[DovecotServer]:
    yield from _server(tls=True)


@dataclass
class Account:
    """One test's own user on a server."""

    server: DovecotServer
    user: str

    def deliver(self, raw: bytes, folder: str = "INBOX") -> int:
        return self.server.deliver(self.user, raw, folder)


def new_account(server: DovecotServer) -> Account:
    user = f"u{next(_users)}@example.fi"
    server.add_user(user, PASSWORD)
    return Account(server, user)


@pytest.fixture
def account(dovecot: DovecotServer) -> Account:
    return new_account(dovecot)


MailboxFactory = Callable[..., ImapMailbox]


@pytest.fixture
def make_mailbox() -> Iterator[MailboxFactory]:
    """``make_mailbox(account, **ImapMailbox keywords)``: a plain-text mailbox closed after the test."""
    made: list[ImapMailbox] = []

    def make(account: Account, *, cls: type[ImapMailbox] = ImapMailbox, **kwargs: Any) -> ImapMailbox:
        kwargs.setdefault("security", "none")
        kwargs.setdefault("port", account.server.port)
        mailbox = cls(account.server.host, username=account.user, password=PASSWORD, **kwargs)
        made.append(mailbox)
        return mailbox

    yield make
    for mailbox in made:
        mailbox.close()


def message(n: int, body: bytes = b"Hei, haluaisin varata ajan ty\xc3\xb6nohjaukseen ensi viikolla.\r\n") -> bytes:
    """A client's request as it would arrive: CRLF lines, as IMAP keeps them, with a unique Message-ID."""
    return (f"From: Asiakas {n} <asiakas{n}@example.com>\r\n"
            "To: ajanvaraus@example.fi\r\n"
            f"Subject: Ajanvaraus {n}\r\n"
            f"Message-ID: <{uuid.uuid4().hex}@example.com>\r\n"
            "Date: Mon, 24 Nov 2025 09:00:00 +0200\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n"
            "\r\n").encode() + body
