"""Waiting for new mail: IMAP IDLE where the server has it, polling where it has not."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from imapclient import IMAPClient

from mailbot.mailbox.idle import idle_for_mail
from mailbot.mailbox.imap import ImapMailbox
from tests.mailbox.conftest import Account, MailboxFactory, message, new_account
from tests.servers.dovecot import DovecotServer


class Waiter:
    """Runs ``mailbox.wait(timeout)`` in a thread and records what it returned and when."""

    def __init__(self, mailbox: ImapMailbox, timeout: float) -> None:
        self.result: bool | None = None
        self.error: BaseException | None = None
        self.returned_at = 0.0
        self._thread = threading.Thread(target=self._run, args=(mailbox, timeout))

    def _run(self, mailbox: ImapMailbox, timeout: float) -> None:
        try:
            self.result = mailbox.wait(timeout)
        except BaseException as error:  # handed to the test thread by join()
            self.error = error
        self.returned_at = time.monotonic()

    def start(self) -> None:
        self._thread.start()

    def join(self) -> bool:
        self._thread.join(timeout=30)
        assert not self._thread.is_alive(), "wait() did not return"
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


class SignallingClient(IMAPClient):
    """Sets ``idling`` once the server has answered IDLE with its continuation: it is listening."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.idling = threading.Event()

    def idle(self) -> None:
        super().idle()
        self.idling.set()


class SignallingMailbox(ImapMailbox):
    def _new_client(self) -> IMAPClient:
        return SignallingClient(self.host, self.port, ssl=False, timeout=self.timeout)

    def wait_until_idling(self) -> None:
        deadline = time.monotonic() + 10
        while not (isinstance(self._client, SignallingClient) and self._client.idling.wait(0.01)):
            assert time.monotonic() < deadline, "the mailbox never entered IDLE"


def test_a_waiting_mailbox_wakes_promptly_when_mail_arrives(account: Account, make_mailbox: MailboxFactory) -> None:
    mailbox = make_mailbox(account, cls=SignallingMailbox)
    assert mailbox.unprocessed() == []
    waiter = Waiter(mailbox, 10)
    waiter.start()
    mailbox.wait_until_idling()

    delivered_at = time.monotonic()
    account.deliver(message(1))

    assert waiter.join() is True
    assert waiter.returned_at - delivered_at < 2  # of a 10 s timeout
    assert len(mailbox.unprocessed()) == 1


def test_wait_returns_false_when_the_time_passes_without_mail(account: Account, make_mailbox: MailboxFactory) -> None:
    mailbox = make_mailbox(account)
    mailbox.unprocessed()

    started = time.monotonic()
    assert mailbox.wait(0.5) is False
    assert 0.5 <= time.monotonic() - started < 3


def test_mail_that_arrived_before_wait_is_not_waited_for(account: Account, make_mailbox: MailboxFactory) -> None:
    mailbox = make_mailbox(account)
    assert mailbox.unprocessed() == []
    account.deliver(message(1))  # after the look, before the wait: IDLE would not announce it

    started = time.monotonic()
    assert mailbox.wait(10) is True
    assert time.monotonic() - started < 2


def test_mail_announced_during_another_command_is_not_waited_for(account: Account,
                                                                 make_mailbox: MailboxFactory) -> None:
    account.deliver(message(1))
    mailbox = make_mailbox(account)
    [first] = mailbox.unprocessed()
    account.deliver(message(2))
    mailbox.mark_processed(first)  # the server announces message 2 in this STORE's answer

    started = time.monotonic()
    assert mailbox.wait(10) is True
    assert time.monotonic() - started < 2
    assert len(mailbox.unprocessed()) == 1


def test_a_connection_dropped_during_idle_reconnects_and_says_maybe(account: Account,
                                                                    make_mailbox: MailboxFactory) -> None:
    slept: list[float] = []
    mailbox = make_mailbox(account, cls=SignallingMailbox, sleep=slept.append)
    mailbox.unprocessed()
    waiter = Waiter(mailbox, 10)
    waiter.start()
    mailbox.wait_until_idling()

    kicked_at = time.monotonic()
    account.server.kick(account.user)

    assert waiter.join() is True
    assert waiter.returned_at - kicked_at < 3
    assert slept == []  # the first reconnection is immediate
    account.deliver(message(1))
    assert len(mailbox.unprocessed()) == 1


class CountingClient(IMAPClient):
    idles = 0

    def idle(self) -> None:
        CountingClient.idles += 1
        super().idle()


def test_idle_is_renewed_before_the_server_may_drop_it(account: Account) -> None:
    with CountingClient(account.server.host, account.server.port, ssl=False, timeout=10) as client:
        client.login(account.user, "secret")
        client.select_folder("INBOX")
        started = time.monotonic()

        assert idle_for_mail(client, 1.0, clock=time.monotonic, reissue_seconds=0.3) is False
        assert 1.0 <= time.monotonic() - started < 3
        assert CountingClient.idles >= 3

        account.deliver(message(1))
        assert idle_for_mail(client, 5, clock=time.monotonic, reissue_seconds=0.3) is True


def test_without_idle_wait_sleeps_for_the_poll_interval(dovecot_plain: DovecotServer,
                                                        make_mailbox: MailboxFactory) -> None:
    account = new_account(dovecot_plain)
    slept: list[float] = []
    mailbox = make_mailbox(account, poll_seconds=7, sleep=slept.append)
    mailbox.unprocessed()

    assert mailbox.wait(30) is True
    assert mailbox.wait(2) is True
    assert slept == [7, 2]
    assert mailbox.check().endswith("INBOX: 0 messages, no IDLE, polling every 7 s, "
                                    "processed mail marked $MailbotProcessed")


class InterruptedClient(IMAPClient):
    def idle_check(self, timeout: float | None = None) -> list[Any]:
        raise KeyboardInterrupt


def test_an_interrupted_idle_leaves_the_connection_usable(account: Account) -> None:
    with InterruptedClient(account.server.host, account.server.port, ssl=False, timeout=10) as client:
        client.login(account.user, "secret")
        client.select_folder("INBOX")

        with pytest.raises(KeyboardInterrupt):
            idle_for_mail(client, 5, clock=time.monotonic)

        assert client.noop()[0].startswith(b"NOOP completed")  # IDLE was ended with DONE
