"""What an operator sees when the mailbox cannot be used: one line naming the server, no retrying."""

from __future__ import annotations

import socket
import ssl

import pytest

from mailbot.config import MailboxSettings
from mailbot.mailbox import MailboxError, open_mailbox
from mailbot.mailbox.imap import ImapMailbox
from tests.mailbox.conftest import PASSWORD, Account, MailboxFactory, message, new_account
from tests.servers.dovecot import DovecotServer


def nothing_listening() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again: nothing listens there


def no_sleep(seconds: float) -> None:
    raise AssertionError(f"slept {seconds} s: a failure of the first connection is not retried")


def test_a_wrong_password_is_one_clear_line(account: Account) -> None:
    mailbox = ImapMailbox("127.0.0.1", account.server.port, "none", account.user, "wrong", sleep=no_sleep)

    with pytest.raises(MailboxError) as raised:
        mailbox.connect()

    assert str(raised.value) == (f"IMAP login to 127.0.0.1:{account.server.port} as {account.user} failed: "
                                 "[AUTHENTICATIONFAILED] Authentication failed.")


def test_a_wrong_password_fails_the_operations_too(account: Account) -> None:
    with pytest.raises(MailboxError, match="IMAP login to .* failed"):
        ImapMailbox("127.0.0.1", account.server.port, "none", account.user, "wrong", sleep=no_sleep).unprocessed()


def test_a_port_with_nothing_listening_names_host_and_port() -> None:
    port = nothing_listening()
    mailbox = ImapMailbox("127.0.0.1", port, "none", "x@example.fi", "x", sleep=no_sleep)

    with pytest.raises(MailboxError) as raised:
        mailbox.unprocessed()

    assert str(raised.value).startswith(f"cannot connect to IMAP server 127.0.0.1:{port}: connection refused")


def test_an_unknown_host_is_named() -> None:
    mailbox = ImapMailbox("imap.invalid", 993, "ssl", "x@example.fi", "x", sleep=no_sleep)

    with pytest.raises(MailboxError, match=r"^cannot connect to IMAP server imap\.invalid:993: unknown host"):
        mailbox.check()


def test_a_server_that_does_not_answer_times_out() -> None:
    with socket.socket() as silent:  # accepts connections (the kernel does) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        mailbox = ImapMailbox("127.0.0.1", port, "none", "x@example.fi", "x", timeout=0.3, sleep=no_sleep)

        with pytest.raises(MailboxError, match=rf"^cannot connect to IMAP server 127\.0\.0\.1:{port}: no answer within 0\.3 s"):
            mailbox.connect()


def test_a_missing_folder_is_named(account: Account, make_mailbox: MailboxFactory) -> None:
    with pytest.raises(MailboxError, match=r"^IMAP folder 'Ajanvaraukset' on 127\.0\.0\.1:\d+ cannot be opened: "):
        make_mailbox(account, folder="Ajanvaraukset").connect()


def test_the_password_comes_from_the_named_environment_variable(account: Account) -> None:
    settings = MailboxSettings(host="127.0.0.1", port=account.server.port, security="none", username=account.user,
                               password_env="TEST_IMAP_PASSWORD", poll_seconds=5)
    account.deliver(message(1))

    with open_mailbox(settings, {"TEST_IMAP_PASSWORD": PASSWORD}) as mailbox:
        assert len(mailbox.unprocessed()) == 1
        assert mailbox.check().startswith(f"{account.user} on 127.0.0.1:{account.server.port} (none), INBOX: 1 message,")

    with pytest.raises(MailboxError) as raised:
        open_mailbox(settings, {})
    assert "TEST_IMAP_PASSWORD" in str(raised.value) and "\n" not in str(raised.value)


# -- TLS: implicit (port 993 style) and STARTTLS, against Dovecot with a self-signed certificate ----


def trusting(server: DovecotServer) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(server.cafile))


def test_ssl_connects_with_a_trusted_certificate(dovecot_tls: DovecotServer) -> None:
    account = new_account(dovecot_tls)
    account.deliver(message(1))
    assert dovecot_tls.tls_port is not None
    mailbox = ImapMailbox("127.0.0.1", dovecot_tls.tls_port, "ssl", account.user, PASSWORD,
                          ssl_context=trusting(dovecot_tls))
    with mailbox:
        assert len(mailbox.unprocessed()) == 1
        assert f"on 127.0.0.1:{dovecot_tls.tls_port} (ssl), INBOX: 1 message, IDLE" in mailbox.check()


def test_starttls_upgrades_the_plain_port(dovecot_tls: DovecotServer) -> None:
    account = new_account(dovecot_tls)
    account.deliver(message(1))
    mailbox = ImapMailbox("127.0.0.1", dovecot_tls.port, "starttls", account.user, PASSWORD,
                          ssl_context=trusting(dovecot_tls))
    with mailbox:
        assert len(mailbox.unprocessed()) == 1
        assert mailbox._client is not None and mailbox._client._starttls_done


def test_an_untrusted_certificate_is_refused_at_once(dovecot_tls: DovecotServer) -> None:
    assert dovecot_tls.tls_port is not None
    mailbox = ImapMailbox("127.0.0.1", dovecot_tls.tls_port, "ssl", "x@example.fi", "x", sleep=no_sleep)

    with pytest.raises(MailboxError, match=r"^cannot connect to IMAP server 127\.0\.0\.1:\d+: the server's "
                                           r"certificate is not trusted \(self.signed certificate\)"):
        mailbox.connect()


def test_starttls_on_a_server_without_it_is_named(account: Account) -> None:
    mailbox = ImapMailbox("127.0.0.1", account.server.port, "starttls", account.user, PASSWORD, sleep=no_sleep)

    with pytest.raises(MailboxError, match=r'does not offer STARTTLS \(security = "starttls"\)'):
        mailbox.connect()


def test_ssl_to_a_plain_text_port_fails_clearly(account: Account) -> None:
    mailbox = ImapMailbox("127.0.0.1", account.server.port, "ssl", account.user, PASSWORD, timeout=5,
                          sleep=no_sleep)

    with pytest.raises(MailboxError, match=r"^cannot connect to IMAP server 127\.0\.0\.1:\d+: TLS failed"):
        mailbox.connect()


def test_a_plain_text_login_over_the_network_is_warned_about_once(caplog: pytest.LogCaptureFixture) -> None:
    remote = ImapMailbox("imap.example.fi", 143, "none", "ajanvaraus@example.fi", "x")
    local = ImapMailbox("127.0.0.1", 143, "none", "ajanvaraus@example.fi", "x")

    for mailbox in (remote, remote, local):
        mailbox._warn_plain_text()  # what every plain-text connection does before LOGIN

    assert [r.getMessage() for r in caplog.records] == [
        'the IMAP password for ajanvaraus@example.fi goes to imap.example.fi:143 unencrypted (security = "none")']


def test_a_negative_limit_is_a_mistake(account: Account, make_mailbox: MailboxFactory) -> None:
    with pytest.raises(ValueError, match="limit"):
        make_mailbox(account).unprocessed(limit=-1)
