"""One inbound message as plain data: what the rest of mailbot reads instead of MIME."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from mailbot.mail.calendar import CalendarReply


class MachineKind(str, Enum):
    """Why a message was written by a machine rather than a person."""

    AUTO_REPLY = "auto_reply"  # out-of-office, vacation notice, other RFC 3834 auto replies
    BOUNCE = "bounce"  # delivery status notification (multipart/report; delivery-status)
    RECEIPT = "receipt"  # read receipt (multipart/report; disposition-notification)
    BULK = "bulk"  # mailing lists, newsletters, bulk mail (List-Id, Precedence: bulk, ...)


@dataclass(frozen=True)
class Address:
    name: str
    addr: str  # lower-cased, "" when the header had no usable address


@dataclass(frozen=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int  # bytes of the decoded payload


@dataclass(frozen=True)
class QuotedPart:
    """Text the writer did not write now: a quoted reply history or a forwarded message."""

    kind: str  # "reply" or "forward"
    header: str  # the attribution line or header block that opened it ("... kirjoitti:", "From: ...")
    author: Address | None  # who wrote the quoted text, when the header says so
    text: str  # the quoted text itself, '>' prefixes and the header block removed
    # For a forward, its writer's signature cut off ``text`` (opening hours and phone times there
    # are no availability); replies keep their text whole and this empty.
    signature: str = ""


@dataclass(frozen=True)
class InboundMessage:
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    sender: Address | None
    reply_to: Address | None
    recipients: tuple[Address, ...]  # To and Cc
    date: datetime | None
    headers: dict[str, str]  # lower-cased header name -> decoded value (repeated headers joined by "\n")
    body_text: str  # the whole readable body as text (HTML converted), before anything is stripped
    own_text: str  # the writer's own new words: no quotes, no signature, no phone footer
    signature: str  # what was cut from the end of own text as a signature
    quoted: tuple[QuotedPart, ...]  # in order of appearance
    attachments: tuple[Attachment, ...]
    machine: MachineKind | None  # set when headers or MIME structure show a machine wrote it
    machine_text: str = ""  # for bounces and receipts: the human-readable part the machine wrote
    defects: tuple[str, ...] = field(default_factory=tuple)  # what was wrong with the MIME, for staff
    calendar: CalendarReply | None = None  # an answer to one of our invitations (iMIP), read from its calendar

    @property
    def is_forward(self) -> bool:
        return any(q.kind == "forward" for q in self.quoted)
