"""A dropped connection is made again, with backoff; a renumbered folder is noticed."""

from __future__ import annotations

import shutil
import socket
import tempfile
from collections.abc import Iterator

import pytest

from mailbot.mailbox import MailboxError
from mailbot.mailbox.imap import ImapMailbox
from mailbot.mailbox.reconnect import Backoff
from tests.mailbox.conftest import PASSWORD, Account, MailboxFactory, message, new_account
from tests.servers.dovecot import DovecotServer, start_dovecot


class FakeClock:
    """Time that passes only when the mailbox sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_a_connection_closed_by_the_server_is_made_again(account: Account, make_mailbox: MailboxFactory) -> None:
    clock = FakeClock()
    mailbox = make_mailbox(account, sleep=clock.sleep, clock=clock)
    assert mailbox.unprocessed() == []
    account.deliver(message(1))

    account.server.kick(account.user)

    assert len(mailbox.unprocessed()) == 1
    assert clock.slept == []  # at once: a dropped connection is usually back on the first try


def test_marking_after_a_drop_is_done_on_the_new_connection(account: Account, make_mailbox: MailboxFactory) -> None:
    account.deliver(message(1))
    mailbox = make_mailbox(account)
    [fetched] = mailbox.unprocessed()
    account.server.kick(account.user)

    mailbox.mark_processed(fetched)

    assert make_mailbox(account).unprocessed() == []


@pytest.fixture
def own_dovecot() -> Iterator[DovecotServer]:
    """A server this test alone may restart and stop."""
    folder = tempfile.mkdtemp(prefix="dv", dir="/tmp")
    server = start_dovecot(folder, {})
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_a_restarted_server_is_reconnected_to(own_dovecot: DovecotServer, make_mailbox: MailboxFactory) -> None:
    account = new_account(own_dovecot)
    mailbox = make_mailbox(account)
    account.deliver(message(1))
    assert len(mailbox.unprocessed()) == 1

    own_dovecot.restart()

    assert len(mailbox.unprocessed()) == 1
    assert mailbox.wait(0.2) is False  # IDLE works on the new connection


class Unreachable(ImapMailbox):
    """A mailbox whose server goes away after the first connection, and comes back when told."""

    def __init__(self, *args: object, clock: FakeClock, back_after_sleeps: int | None, **kwargs: object) -> None:
        super().__init__(*args, sleep=self._sleep_and_maybe_return, clock=clock, **kwargs)  # type: ignore[arg-type]
        self.fake_clock = clock
        self.back_after_sleeps = back_after_sleeps
        self.real_port = self.port

    def go_away(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]  # nothing listens there once the socket is closed

    def _sleep_and_maybe_return(self, seconds: float) -> None:
        self.fake_clock.sleep(seconds)
        if len(self.fake_clock.slept) == self.back_after_sleeps:
            self.port = self.real_port


def unreachable(account: Account, back_after_sleeps: int | None, **kwargs: object) -> Unreachable:
    mailbox = Unreachable("127.0.0.1", account.server.port, "none", account.user, PASSWORD, clock=FakeClock(),
                          back_after_sleeps=back_after_sleeps, **kwargs)
    mailbox.connect()
    mailbox.go_away()
    account.server.kick(account.user)
    return mailbox


def test_reconnection_backs_off_1_2_4_up_to_60_seconds_then_gives_up(account: Account) -> None:
    mailbox = unreachable(account, back_after_sleeps=None)

    with pytest.raises(MailboxError) as raised:
        mailbox.unprocessed()

    assert mailbox.fake_clock.slept == [1, 2, 4, 8, 16, 32, 60, 60, 60]  # one more would end past 300 s
    assert str(raised.value) == (f"IMAP server 127.0.0.1:{mailbox.port} unreachable for 243 s: connection refused "
                                 "(is the host and port right, and the server running?)")


def test_backoff_limits_are_the_mailboxs_to_choose(account: Account) -> None:
    mailbox = unreachable(account, back_after_sleeps=None, backoff=Backoff(first=0.5, most=2, give_up_after=6))

    with pytest.raises(MailboxError, match="unreachable for 6 s"):
        mailbox.unprocessed()

    assert mailbox.fake_clock.slept == [0.5, 1, 2, 2]


def test_the_operation_succeeds_once_the_server_is_back(account: Account) -> None:
    account.deliver(message(1))
    mailbox = unreachable(account, back_after_sleeps=3)
    try:
        assert len(mailbox.unprocessed()) == 1
        assert mailbox.fake_clock.slept == [1, 2, 4]

        account.server.kick(account.user)  # a later drop starts from the beginning again
        assert len(mailbox.unprocessed()) == 1
        assert mailbox.fake_clock.slept == [1, 2, 4]
    finally:
        mailbox.close()


def test_a_password_changed_while_away_is_reported_not_retried(account: Account) -> None:
    mailbox = unreachable(account, back_after_sleeps=1)
    account.server.add_user(account.user, "changed")

    with pytest.raises(MailboxError, match="IMAP login to .* failed: .*Authentication failed"):
        mailbox.unprocessed()
    assert mailbox.fake_clock.slept == [1]


# -- UIDVALIDITY ----------------------------------------------------------------------------------


def test_uidvalidity_changes_when_the_folder_is_made_anew(dovecot: DovecotServer, make_mailbox: MailboxFactory) -> None:
    account = new_account(dovecot)
    with dovecot.client(account.user) as admin:
        admin.create_folder("Ajanvaraukset")
    first_raw = message(1)
    account.deliver(first_raw, folder="Ajanvaraukset")
    mailbox = make_mailbox(account, folder="Ajanvaraukset")
    [before] = mailbox.unprocessed()

    with dovecot.client(account.user) as admin:
        admin.delete_folder("Ajanvaraukset")
        admin.create_folder("Ajanvaraukset")
    account.deliver(first_raw, folder="Ajanvaraukset")  # the same message again, as a restore would bring it
    account.deliver(message(2), folder="Ajanvaraukset")
    after = mailbox.unprocessed()

    assert [f.uid for f in after] == [1, 2] and before.uid == 1
    assert {f.uidvalidity for f in after} != {before.uidvalidity}
    assert after[0].raw == before.raw  # the store recognises it by Message-ID

    mailbox.mark_processed(before)  # UID 1 of the old numbering: not the new UID 1
    assert mailbox.unprocessed() == after
    mailbox.mark_processed(after[0])
    assert mailbox.unprocessed() == after[1:]
