"""Reading one inbound RFC 5322 message into plain data (``InboundMessage``)."""

from mailbot.mail.message import Address, Attachment, InboundMessage, MachineKind, QuotedPart
from mailbot.mail.reader import read_message

__all__ = ["Address", "Attachment", "InboundMessage", "MachineKind", "QuotedPart", "read_message"]
