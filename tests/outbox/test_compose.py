"""Composer: what booking.conversation calls to turn a kind and a context into a queued reply."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest

from mailbot.config import Settings, SmtpSettings
from mailbot.errors import ConfigError
from mailbot.outbox.compose import Composer
from mailbot.outbox.render import BUILTIN_TEMPLATES
from mailbot.store.models import Conversation
from tests.outbox.helpers import HELSINKI, context, utc
from tests.outbox.test_message import appointment

SETTINGS = Settings(smtp=SmtpSettings(host="smtp.example.fi", from_address="ajanvaraus@example.fi",
                                      from_name="Ajanvaraus"))


def conversation(language: str) -> Conversation:
    return Conversation(reference="AV-7KQ3", client_email="anna.korhonen@firma.fi", client_name="Anna Korhonen",
                        language=language)


def compose(kind: str, language: str = "fi", **extra: object) -> tuple[str, EmailMessage]:
    ctx = {k: v for k, v in context(kind).items() if k not in ("name", "reference", "signature")}
    message_id, raw = Composer(SETTINGS, BUILTIN_TEMPLATES, HELSINKI, signature="Ajanvaraus\nEsimerkki Työterveys Oy")(
        kind, conversation=conversation(language), to="anna.korhonen@firma.fi", to_name="Anna Korhonen",
        in_reply_to="<q1@firma.fi>", references=["<q0@firma.fi>", "<q1@firma.fi>"], context=ctx,
        now=utc(2026, 11, 20, 8), **extra)  # type: ignore[arg-type]
    msg = message_from_bytes(raw, policy=default_policy)
    assert isinstance(msg, EmailMessage)
    return message_id, msg


def test_a_proposal_in_the_conversations_language() -> None:
    message_id, msg = compose("proposal", "sv")
    assert msg["Message-ID"] == message_id
    assert msg["Subject"] == "Handledningstid [AV-7KQ3]" and msg["Content-Language"] == "sv"
    assert msg["References"].split() == ["<q0@firma.fi>", "<q1@firma.fi>"]
    assert msg["Reply-To"].addresses[0].addr_spec == "ajanvaraus+av-7kq3@example.fi"
    assert msg["Message-ID"].endswith("@example.fi>")
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert text.startswith("Hej Anna Korhonen,") and "Esimerkki Työterveys Oy" in text


def test_a_confirmation_carries_the_invitation() -> None:
    _, msg = compose("confirmation", appointment=appointment())
    calendar = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    assert calendar.get_param("method") == "REQUEST"


def test_a_reminder_carries_no_invitation() -> None:
    _, msg = compose("reminder", appointment=appointment())
    assert all(p.get_content_type() != "text/calendar" for p in msg.walk())


def test_without_smtp_settings_there_is_no_from_address() -> None:
    with pytest.raises(ConfigError, match=r"\[smtp\] is needed"):
        Composer(Settings(), BUILTIN_TEMPLATES, HELSINKI)
