"""SmtpSender against a real aiosmtpd server on 127.0.0.1: bytes, AUTH, refusals, nothing listening."""

from __future__ import annotations

import asyncio

import pytest

from mailbot.config import SmtpSettings
from mailbot.errors import ConfigError
from mailbot.outbox.message import build_reply, message_bytes
from mailbot.outbox.render import Renderer
from mailbot.outbox.sender import SendError, SmtpSender
from tests.outbox.helpers import SMTP_PASSWORD, SMTP_USER, context
from tests.servers.smtp import SmtpServer, free_port

ENV = {"MAILBOT_SMTP_PASSWORD": SMTP_PASSWORD}
CLIENT = "anna.korhonen@firma.fi"


def settings(port: int, **changes: object) -> SmtpSettings:
    values: dict[str, object] = {"host": "127.0.0.1", "port": port, "security": "none",
                                 "from_address": "ajanvaraus@example.fi", "from_name": "Ajanvaraus"}
    values.update(changes)
    return SmtpSettings.model_validate(values)


def with_login(port: int, password_env: str = "MAILBOT_SMTP_PASSWORD") -> SmtpSettings:
    return settings(port, username=SMTP_USER, password_env=password_env)


def raw_reply(renderer: Renderer) -> bytes:
    msg = build_reply(rendered=renderer.render("proposal", "fi", **context("proposal")), to=CLIENT,
                      to_name="Anna Korhonen", from_address="ajanvaraus@example.fi", from_name="Ajanvaraus",
                      reference="AV-7KQ3", in_reply_to="<x@firma.fi>", references=[], domain="example.fi")
    return message_bytes(msg)


def send(sender: SmtpSender, raw: bytes, to: str = CLIENT) -> None:
    asyncio.run(sender.send(raw, "ajanvaraus@example.fi", [to]))


def test_delivered_bytes_are_the_bytes_sent(smtp: SmtpServer, renderer: Renderer) -> None:
    raw = raw_reply(renderer)
    send(SmtpSender(settings(smtp.port), {}), raw)
    assert len(smtp.messages) == 1
    got = smtp.messages[0]
    assert got.raw == raw
    assert (got.mail_from, got.rcpt_tos) == ("ajanvaraus@example.fi", [CLIENT])


def test_login_with_the_password_from_the_environment(smtp_auth: SmtpServer, renderer: Renderer) -> None:
    send(SmtpSender(with_login(smtp_auth.port), ENV), raw_reply(renderer))
    assert smtp_auth.logins == [SMTP_USER]
    assert len(smtp_auth.messages) == 1


def test_a_server_that_wants_a_login_refuses_mail_without_one(smtp_auth: SmtpServer, renderer: Renderer) -> None:
    with pytest.raises(SendError, match="530") as caught:
        send(SmtpSender(settings(smtp_auth.port), {}), raw_reply(renderer))
    assert caught.value.permanent is True  # a 5xx to MAIL FROM: every retry would get the same
    assert smtp_auth.messages == []


def test_a_wrong_password_is_temporary(smtp_auth: SmtpServer, renderer: Renderer) -> None:
    """The configuration is wrong, not the message: once fixed, the queued replies must still go."""
    sender = SmtpSender(with_login(smtp_auth.port), {"MAILBOT_SMTP_PASSWORD": "wrong"})
    with pytest.raises(SendError, match=f"refused the login of {SMTP_USER}: 535") as caught:
        send(sender, raw_reply(renderer))
    assert caught.value.permanent is False and caught.value.code == 535
    assert smtp_auth.messages == []


def test_a_missing_password_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="environment variable MAILBOT_SMTP_PASSWORD is not set"):
        SmtpSender(with_login(25), {})
    with pytest.raises(ConfigError, match="password_env is not"):
        SmtpSender(settings(25, username=SMTP_USER), {})


def test_550_for_the_recipient_is_permanent(smtp: SmtpServer, renderer: Renderer) -> None:
    smtp.rcpt_reply = "550 5.1.1 No such user here"
    with pytest.raises(SendError) as caught:
        send(SmtpSender(settings(smtp.port), {}), raw_reply(renderer))
    assert caught.value.permanent is True and caught.value.code == 550
    assert "No such user here" in str(caught.value) and CLIENT in str(caught.value)


def test_4xx_for_the_recipient_is_temporary(smtp: SmtpServer, renderer: Renderer) -> None:
    smtp.rcpt_reply = "450 4.2.1 Mailbox busy, try later"
    with pytest.raises(SendError) as caught:
        send(SmtpSender(settings(smtp.port), {}), raw_reply(renderer))
    assert caught.value.permanent is False and caught.value.code == 450


@pytest.mark.parametrize(("reply", "permanent"), [("554 5.7.1 Message rejected as spam", True),
                                                  ("451 4.3.0 Local error, try again", False)])
def test_a_refused_message(smtp: SmtpServer, renderer: Renderer, reply: str, permanent: bool) -> None:
    smtp.data_reply = reply
    with pytest.raises(SendError, match="refused the message") as caught:
        send(SmtpSender(settings(smtp.port), {}), raw_reply(renderer))
    assert caught.value.permanent is permanent
    assert caught.value.code == int(reply[:3])


def test_nothing_listening_is_temporary(renderer: Renderer) -> None:
    with pytest.raises(SendError, match="cannot connect") as caught:
        send(SmtpSender(settings(free_port()), {}), raw_reply(renderer))
    assert caught.value.permanent is False


def test_check_says_what_answered(smtp: SmtpServer, smtp_auth: SmtpServer) -> None:
    line = SmtpSender(settings(smtp.port), {}).check()
    assert line.startswith(f"127.0.0.1:{smtp.port} (no encryption), no login; EHLO answered by ")
    line = SmtpSender(with_login(smtp_auth.port), ENV).check()
    assert f"logged in as {SMTP_USER}" in line
    assert smtp_auth.logins == [SMTP_USER]


def test_check_fails_with_a_human_message(smtp_auth: SmtpServer) -> None:
    with pytest.raises(SendError, match=f"SMTP server 127.0.0.1:{smtp_auth.port} refused the login"):
        SmtpSender(with_login(smtp_auth.port), {"MAILBOT_SMTP_PASSWORD": "wrong"}).check()
    with pytest.raises(SendError, match="cannot connect"):
        SmtpSender(settings(free_port()), {}).check()
