"""``read_message``: raw RFC 5322 bytes to an ``InboundMessage``.

The reader is lenient by design. Whatever can be read from a broken message is returned, and
what was wrong goes to ``defects`` for staff; ``MailError`` is raised only for bytes that are no
e-mail at all (empty input, a PDF or an image given by mistake). The steps:

1. ``mime.walk`` picks the body (plain text preferred, HTML converted) and lists attachments,
   reports and returned originals;
2. ``machine.detect`` decides from headers and structure whether a machine wrote it;
3. ``quotes.split_quotes`` separates the writer's new text from quoted and forwarded text;
4. ``signature.split_signature`` cuts the signature, footers and disclaimers off that text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from email import message_from_bytes
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime

from mailbot.errors import MailError
from mailbot.mail import machine, mime
from mailbot.mail.calendar import CalendarReply, read_reply
from mailbot.mail.message import Address, InboundMessage, MachineKind, QuotedPart
from mailbot.mail.quotes import split_quotes
from mailbot.mail.signature import split_signature
from mailbot.mail.text import decode_header_words, unescape_8bit
from mailbot.regex_cache import compile as rx_compile

# A header field line: a name of printable ASCII without colon or space, then a colon. An mbox
# "From " separator may come first.
_HEADER_LINE = rx_compile(rb"^[!-9;-~]{1,200}[ \t]*:")
_MSG_ID = rx_compile(r"<[^<>\s]+>")
_LEADING_NOISE = b"\xef\xbb\xbf \t\r\n"
_SHOWN_HEADERS = ("from", "date", "subject", "to")


def read_message(raw: bytes) -> InboundMessage:
    """Read one message; raise ``MailError`` only when ``raw`` is not an e-mail message at all."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogateescape")
    raw = bytes(raw).lstrip(_LEADING_NOISE)
    _check_is_message(raw)
    try:
        parsed = message_from_bytes(raw, policy=compat32)
        found = mime.walk(parsed)
    except Exception as exc:  # RecursionError above all: a thousand nested parts exhaust the stack
        return _headers_only(raw, exc)
    return _build(parsed, found)


def _headers_only(raw: bytes, exc: Exception) -> InboundMessage:
    """The message read with its headers parsed and its body taken as raw text."""
    defect = f"the MIME structure could not be parsed ({type(exc).__name__}); the body is read as raw text"
    try:
        parsed = BytesParser(policy=compat32).parsebytes(raw, headersonly=True)
        found = mime.walk(parsed)
    except Exception as second:  # nothing about these bytes is readable as MIME
        return _unparsed(raw, second)
    found.defects.insert(0, defect)
    return _build(parsed, found)


def _check_is_message(raw: bytes) -> None:
    if not raw.strip():
        raise MailError("empty input: not an e-mail message")
    lines = raw[:2048].split(b"\n", 2)
    first = lines[0]
    if first.startswith(b"From ") and len(lines) > 1:
        first = lines[1]  # mbox separator line
    if b"\x00" in first or not _HEADER_LINE.match(first):
        raise MailError("not an e-mail message: it does not begin with header lines")


def _build(parsed: Message, found: mime.Found) -> InboundMessage:
    defects = list(found.defects)
    headers = _headers(parsed)
    subject = headers.get("subject", "").replace("\n", " ")
    sender = _first_address(parsed, "from")
    for name in ("from", "date", "message-id"):
        if name not in headers:
            defects.append(f"no {name.title()} header")
    kind = machine.detect(
        headers,
        sender.addr if sender else "",
        machine.Structure(found.report_type, found.has_delivery_status, found.has_disposition),
    )
    body_text = "\n\n".join(found.texts)
    returned = tuple(_embedded_part(m, "reply") for m in found.returned) + tuple(
        QuotedPart("reply", h, _author_of_headers(h), "") for h in found.returned_headers
    )
    forwarded = tuple(_embedded_part(m, "forward") for m in found.embedded)
    machine_text = ""
    if kind in (MachineKind.BOUNCE, MachineKind.RECEIPT):
        own_text, quoted = split_quotes(found.report_text or body_text, "")
        body_text = found.report_text or body_text
        machine_text = own_text
        signature = ""
        quoted = quoted + returned + forwarded
    else:
        own_text, quoted = split_quotes(body_text, subject)
        own_text, signature = split_signature(own_text, sender.name if sender else "")
        quoted = tuple(_without_signature(q) for q in quoted + returned + forwarded)
    return InboundMessage(
        message_id=_first_id(headers.get("message-id", "")),
        in_reply_to=_first_id(headers.get("in-reply-to", "")),
        references=_all_ids(headers.get("references", "")),
        subject=subject,
        sender=sender,
        reply_to=_first_address(parsed, "reply-to"),
        recipients=_addresses(parsed, "to") + _addresses(parsed, "cc"),
        date=_date(headers.get("date"), defects),
        headers=headers,
        body_text=body_text,
        own_text=own_text,
        signature=signature,
        quoted=quoted,
        attachments=tuple(found.attachments),
        machine=kind,
        machine_text=machine_text,
        defects=tuple(dict.fromkeys(defects)),
        calendar=_calendar_reply(found.calendars, defects),
    )


def _calendar_reply(parts: list[tuple[bytes, bool]], defects: list[str]) -> CalendarReply | None:
    """The attendee's answer the mail carries: its own calendar first, then one it forwards."""
    replies = [r for data, forwarded in parts if (r := read_reply(data, forwarded=forwarded)) is not None]
    replies.sort(key=lambda r: (r.forwarded, not r.readable))
    if replies and not replies[0].readable:
        defects.append("a calendar answer that could not be read")
    return replies[0] if replies else None


def _unparsed(raw: bytes, exc: Exception) -> InboundMessage:
    text = raw.decode("utf-8", "replace")
    return InboundMessage(
        message_id=None, in_reply_to=None, references=(), subject="", sender=None, reply_to=None,
        recipients=(), date=None, headers={}, body_text=text, own_text=text, signature="", quoted=(),
        attachments=(), machine=None, defects=(f"the MIME parser failed: {type(exc).__name__}",),
    )  # fmt: skip


def _headers(parsed: Message) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in parsed.raw_items():
        key = str(name).strip().lower()
        text = decode_header_words(str(value))
        headers[key] = headers[key] + "\n" + text if key in headers else text
    return headers


def _raw_values(parsed: Message, name: str) -> list[str]:
    return [str(v) for k, v in parsed.raw_items() if str(k).strip().lower() == name]


def _addresses(parsed: Message, name: str) -> tuple[Address, ...]:
    values = _raw_values(parsed, name)
    if not values:
        return ()
    flat = [re.sub(r"\r?\n[ \t]*", " ", v) for v in values]
    try:
        pairs = getaddresses(flat)
    except Exception:  # malformed address lists
        pairs = []
    found: list[Address] = []
    for display, addr in pairs:
        display = _printable(decode_header_words(display)).strip().strip("\"'")
        addr = unescape_8bit(addr.strip())  # RFC 2047: no encoded words in an address; one there is no address
        if not _ADDR_SPEC.match(addr) or "=?" in addr:
            display, addr = display or _printable(addr), ""
        if display or addr:
            found.append(Address(display, addr.lower()))
    if not found and any(v.strip() for v in flat):
        found.append(Address(_printable(decode_header_words(" ".join(flat))), ""))  # unreadable, keep as a name
    return tuple(found)


# an address we will ever write to: no spaces, quotes, brackets or control characters, one @, a domain
_ATOMS = r"[^\s@<>()\[\]\\,;:\"\x00-\x1f\x7f]"
_ADDR_SPEC = rx_compile(rf"^{_ATOMS}{{1,64}}@{_ATOMS}{{1,253}}\.[^\W\d_]{{2,63}}$")
_CONTROL = rx_compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def _printable(text: str) -> str:
    """A display name as one line: CR, LF and other control characters hidden in encoded words go."""
    return re.sub(r"\s{2,}", " ", _CONTROL.sub(" ", text)).strip()


def _first_address(parsed: Message, name: str) -> Address | None:
    addresses = _addresses(parsed, name)
    return addresses[0] if addresses else None


def _first_id(value: str) -> str | None:
    match = _MSG_ID.search(value)
    if match:
        return match.group(0)
    value = value.strip()
    return value.split()[0] if value else None


def _all_ids(value: str) -> tuple[str, ...]:
    ids = _MSG_ID.findall(value)
    return tuple(ids) if ids else tuple(value.split())


def _date(value: str | None, defects: list[str]) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append(f"unreadable Date header: {value[:60]!r}")
        return None


def _without_signature(part: QuotedPart) -> QuotedPart:
    """A forward's text counts as the client's request, so its signature is cut as own text's is."""
    if part.kind != "forward":
        return part
    text, signature = split_signature(part.text, part.author.name if part.author else "")
    return replace(part, text=text, signature=signature)


def _embedded_part(inner: Message, kind: str) -> QuotedPart:
    """A message carried whole inside this one: a bounced original or a forward as attachment."""
    headers = _headers(inner)
    header = "\n".join(f"{n.title()}: {headers[n]}" for n in _SHOWN_HEADERS if n in headers)
    text = "\n\n".join(mime.walk(inner).texts)
    return QuotedPart(kind, header, _first_address(inner, "from"), text)


def _author_of_headers(block: str) -> Address | None:
    match = re.search(r"^From:[ \t]*(.+(?:\n[ \t].+)*)", block, re.MULTILINE | re.IGNORECASE)
    if not match:
        return None
    parsed = message_from_bytes(f"From: {match.group(1)}\n\n".encode("utf-8", "replace"), policy=compat32)
    return _first_address(parsed, "from")
