"""A rendered reply as an RFC 5322 message, with the headers that keep the thread and stop mail loops.

The Message-ID is fixed here, when the reply is built: the caller queues the message under it
before anything is sent, so a retry, or a rerun after a crash, sends the very same message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING

from mailbot.outbox.render import Rendered

if TYPE_CHECKING:
    from icalendar import Calendar

# CRLF line ends, as SMTP wants them. 7bit makes the text parts quoted-printable rather than raw
# 8-bit UTF-8, which a server without 8BITMIME (or a relay on the way) may mangle.
POLICY = policy.SMTP.clone(cte_type="7bit")
MAX_REFERENCES = 20  # a long thread keeps its first message and the latest ones (RFC 5322 3.6.4 allows it)
# Outlook/Exchange: no out-of-office or other automatic answers to an automatic reply. Delivery
# reports (DR, NDR) are deliberately not suppressed: a bounce is how an undeliverable reply is seen.
AUTO_RESPONSE_SUPPRESS = "OOF, AutoReply"


def build_reply(*, rendered: Rendered, to: str, to_name: str | None, from_address: str, from_name: str,
                reference: str, in_reply_to: str | None, references: Sequence[str], domain: str,
                invitation: Calendar | None = None, now: datetime | None = None) -> EmailMessage:
    """The reply as a message; its fresh Message-ID is ``msg["Message-ID"]``.

    ``references`` are the client's message's own References; the client's Message-ID
    (``in_reply_to``) is added after them. With ``invitation`` (an iCalendar from
    ``calendars.invite.build_invitation``) the message becomes an iMIP invitation: a text/calendar
    alternative with the calendar's METHOD, and an invite.ics attachment.
    """
    msg = EmailMessage(policy=POLICY)
    msg["From"] = Address(display_name=from_name, addr_spec=from_address)
    msg["To"] = Address(display_name=to_name or "", addr_spec=to)
    # Answers go to the conversation's own address, so a reply that drops our headers still finds its thread.
    msg["Reply-To"] = Address(display_name=from_name, addr_spec=plus_address(from_address, reference))
    msg["Subject"] = rendered.subject
    msg["Date"] = format_datetime((now or datetime.now(UTC)).astimezone(UTC))
    msg["Message-ID"] = make_msgid(domain=domain)
    thread = thread_references(in_reply_to, references)
    if in_reply_to:
        msg["In-Reply-To"] = _bracketed(in_reply_to)
    if thread:
        msg["References"] = " ".join(thread)
    msg["Auto-Submitted"] = "auto-replied"  # RFC 3834: other robots must not answer this
    msg["X-Auto-Response-Suppress"] = AUTO_RESPONSE_SUPPRESS
    msg.set_content(rendered.text, cte="quoted-printable")
    msg.add_alternative(rendered.html, subtype="html", cte="quoted-printable")
    if invitation is not None:
        from mailbot.calendars.invite import attach_invitation

        attach_invitation(msg, invitation)
    # last: setting or re-laying the content drops every Content-* header written before it
    msg["Content-Language"] = rendered.language
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    """The message as it goes on the wire (CRLF line ends)."""
    return msg.as_bytes(policy=POLICY)


def plus_address(address: str, reference: str) -> str:
    """'ajanvaraus@example.fi', 'AV-7KQ3' → 'ajanvaraus+av-7kq3@example.fi'."""
    local, _, domain = address.rpartition("@")
    base = local.split("+", 1)[0]  # a From that is itself a plus address gets the reference instead
    return f"{base}+{reference.strip().lower()}@{domain}"


def thread_references(in_reply_to: str | None, references: Sequence[str]) -> list[str]:
    """The References of a reply: the parent's References, then the parent itself, each once."""
    ids = [_bracketed(r) for r in [*references, *([in_reply_to] if in_reply_to else [])] if r and r.strip()]
    unique = list(dict.fromkeys(ids))
    if len(unique) > MAX_REFERENCES:
        unique = [unique[0], *unique[-(MAX_REFERENCES - 1):]]
    return unique


def _bracketed(message_id: str) -> str:
    bare = message_id.strip().strip("<>")
    return f"<{bare}>"
