"""Rendering plus building: one reply of a conversation, ready to queue (``booking.conversation.Composer``).

``Composer(settings, templates_dir, tz)(kind, conversation=…, …)`` renders the kind's template in
the conversation's language, builds the message (with the calendar invitation or cancellation when
an appointment is confirmed or cancelled) and returns its fixed Message-ID and its bytes.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mailbot.calendars.base import Appointment
from mailbot.config import Settings
from mailbot.errors import ConfigError
from mailbot.outbox.message import build_reply, message_bytes
from mailbot.outbox.render import Renderer
from mailbot.store.models import Conversation

INVITING_KINDS = frozenset({"confirmation", "cancellation"})  # the kinds whose appointment goes into calendars


class Composer:
    """``signature`` closes every message (default: the From name, e.g. "Ajanvaraus")."""

    def __init__(self, settings: Settings, templates_dir: Path, tz: ZoneInfo, *, signature: str | None = None) -> None:
        if settings.smtp is None:
            raise ConfigError(f"{settings.source or 'config.toml'}: [smtp] is needed to write replies "
                              "(from_address, from_name)")
        self.smtp = settings.smtp
        self.tz = tz
        self.renderer = Renderer(templates_dir, tz, defaults={"signature": signature or settings.smtp.from_name})

    def __call__(self, kind: str, *, conversation: Conversation, to: str, to_name: str | None,
                 in_reply_to: str | None, references: list[str], context: dict[str, Any],
                 appointment: Appointment | None = None, now: datetime | None = None) -> tuple[str, bytes]:
        rendered = self.renderer.render(kind, conversation.language, name=to_name,
                                        reference=conversation.reference, **context)
        invitation = None
        if appointment is not None and kind in INVITING_KINDS:
            from mailbot.calendars.invite import build_invitation

            invitation = build_invitation(appointment, self.smtp.from_address, self.smtp.from_name, self.tz, now=now)
        msg = build_reply(rendered=rendered, to=to, to_name=to_name, from_address=self.smtp.from_address,
                          from_name=self.smtp.from_name, reference=conversation.reference, in_reply_to=in_reply_to,
                          references=references, domain=self.smtp.from_address.rpartition("@")[2],
                          invitation=invitation, now=now)
        return str(msg["Message-ID"]), message_bytes(msg)
