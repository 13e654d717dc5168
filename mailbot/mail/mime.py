"""Walking a parsed MIME tree: which parts are the body, which are attachments or reports.

The tree comes from the stdlib parser with the ``compat32`` policy: it never raises on access
(the ``default`` policy's header objects do on broken addresses and dates), keeps 8-bit bytes
as they came, and is the faster of the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import Message

from mailbot.mail.message import Attachment
from mailbot.mail.text import decode_bytes, decode_header_words, html_to_text, normalize, unflow

_MAX_DEPTH = 40  # deeper nesting is an attack or a loop; the parts below it are not read
_BODY_TYPES = frozenset({"text/plain", "text/html"})
_RETURNED_TYPES = frozenset({"message/rfc822", "message/global", "text/rfc822-headers"})
_CALENDAR_TYPES = frozenset({"text/calendar", "application/ics", "text/x-vcalendar", "application/ical"})
_MAX_CALENDAR = 1_000_000  # bytes of one calendar part that are read; a bigger one is no answer to us


@dataclass
class Found:
    """What one walk over the tree collected."""

    texts: list[str] = field(default_factory=list)  # body texts in display order
    attachments: list[Attachment] = field(default_factory=list)
    embedded: list[Message] = field(default_factory=list)  # message/rfc822 parts outside reports
    returned: list[Message] = field(default_factory=list)  # originals returned in a report
    returned_headers: list[str] = field(default_factory=list)  # text/rfc822-headers of a report
    report_text: str | None = None  # the human-readable part of a multipart/report
    report_type: str = ""
    has_delivery_status: bool = False
    has_disposition: bool = False
    defects: list[str] = field(default_factory=list)
    calendars: list[tuple[bytes, bool]] = field(default_factory=list)  # decoded calendar parts, forwarded?


def walk(message: Message) -> Found:
    found = Found()
    _visit(message, found, 0, in_report=False)
    return found


def _visit(part: Message, found: Found, depth: int, in_report: bool) -> None:
    if depth > _MAX_DEPTH:
        found.defects.append(f"MIME nesting deeper than {_MAX_DEPTH} levels; the rest was not read")
        return
    ctype = part.get_content_type()
    if ctype == "message/delivery-status":
        found.has_delivery_status = True
    elif ctype == "message/disposition-notification":
        found.has_disposition = True
    elif ctype in _RETURNED_TYPES and (in_report or ctype == "text/rfc822-headers"):
        _returned(part, found)
    elif ctype in ("message/rfc822", "message/global"):
        inner = _inner_message(part)
        if inner is not None:
            found.embedded.append(inner)
            _forwarded_calendars(inner, found, depth + 1)
        found.attachments.append(_attachment(part, ctype))
    elif ctype.startswith("message/"):
        found.attachments.append(_attachment(part, ctype))
    elif ctype.startswith("multipart/") and not part.is_multipart():
        found.defects.append(f"{ctype} without parts (missing or wrong boundary); read as text")
        _leaf(part, "text/plain", found, in_report, top=depth == 0)
    elif ctype == "multipart/report":
        found.report_type = (_param(part, "report-type") or "").lower()
        for child in _children(part):
            _visit(child, found, depth + 1, in_report=True)
    elif ctype == "multipart/alternative":
        _alternative(part, found, depth, in_report)
    elif part.is_multipart():
        for child in _children(part):
            _visit(child, found, depth + 1, in_report)
    else:
        _leaf(part, ctype, found, in_report, top=depth == 0)
    # Read after the part: decoding its payload is what finds a broken transfer encoding.
    found.defects.extend(_describe(defect) for defect in getattr(part, "defects", ()))


def _describe(defect: object) -> str:
    """A parser defect as one line: its class name, and its message when that says more."""
    name = type(defect).__name__
    detail = str(defect).strip()
    return f"{name}: {detail}" if detail and detail != name else name


def _alternative(part: Message, found: Found, depth: int, in_report: bool) -> None:
    """Prefer the plain-text version; the HTML one only when plain is missing or empty. A calendar
    version (Outlook's and Gmail's answers to an invitation) is kept beside the text."""
    children = _children(part)
    for child in children:
        _calendars_below(child, found, depth + 1, forwarded=False)
    for wanted in ("text/plain", "text/html"):
        for child in children:
            if child.get_content_type() == wanted and not _is_attachment(child, wanted):
                text = part_text(child, found.defects)
                found.defects.extend(_describe(defect) for defect in getattr(child, "defects", ()))
                if text.strip():
                    _add_text(text, found, in_report)
                    return
    for child in children:  # multipart/related around the HTML, or something stranger
        if child.is_multipart():
            _visit(child, found, depth + 1, in_report)
            return


def _leaf(part: Message, ctype: str, found: Found, in_report: bool, top: bool) -> None:
    if _is_calendar(part, ctype):  # never read as text, even as a single-part message
        _calendar(part, found, forwarded=False)
        if ctype != "text/calendar" or _is_attachment(part, ctype):
            found.attachments.append(_attachment(part, ctype))
        return
    # A single-part message's text is its body even when a mailer put a file name on it.
    if _is_attachment(part, ctype) and not (top and ctype in _BODY_TYPES and _disposition(part) != "attachment"):
        found.attachments.append(_attachment(part, ctype))
        return
    text = part_text(part, found.defects)
    if text.strip():
        _add_text(text, found, in_report)


def _is_calendar(part: Message, ctype: str) -> bool:
    if ctype in _CALENDAR_TYPES:
        return True
    name = (_filename(part) or "").lower()
    return name.endswith((".ics", ".vcs")) and not part.is_multipart()


def _calendar(part: Message, found: Found, *, forwarded: bool) -> None:
    data = _payload_bytes(part, found.defects)
    if data and len(data) <= _MAX_CALENDAR and (data, forwarded) not in found.calendars:
        found.calendars.append((data, forwarded))


def _forwarded_calendars(message: Message, found: Found, depth: int) -> None:
    """Calendar parts of a forwarded message (an assistant passing on the client's answer)."""
    _calendars_below(message, found, depth, forwarded=True)


def _calendars_below(message: Message, found: Found, depth: int, *, forwarded: bool) -> None:
    """Every calendar part in a subtree, without reading its texts (Apple Mail nests the .ics in
    multipart/mixed inside multipart/alternative)."""
    stack = [(message, depth)]
    while stack:
        part, level = stack.pop()
        if level > _MAX_DEPTH:
            return
        if part.is_multipart():
            stack.extend((child, level + 1) for child in reversed(_children(part)))
        elif part.get_content_type() in ("message/rfc822", "message/global"):
            inner = _inner_message(part)
            if inner is not None:
                stack.append((inner, level + 1))
        elif _is_calendar(part, part.get_content_type()):
            _calendar(part, found, forwarded=forwarded)


def _add_text(text: str, found: Found, in_report: bool) -> None:
    if in_report:
        if found.report_text is None:  # the first text part is the machine's own words
            found.report_text = text
        return
    found.texts.append(text)


def _returned(part: Message, found: Found) -> None:
    if part.get_content_type() == "text/rfc822-headers":
        payload = _payload_bytes(part, found.defects)
        found.returned_headers.append(normalize(decode_bytes(payload, "utf-8")[0]))
        return
    inner = _inner_message(part)
    if inner is not None:
        found.returned.append(inner)


def part_text(part: Message, defects: list[str]) -> str:
    """The decoded, normalised text of one text/plain or text/html leaf."""
    payload = _payload_bytes(part, defects)
    try:
        charset = part.get_content_charset()
    except Exception:  # RFC 2231 parameters can be malformed beyond what the parser forgives
        charset = None
    text, defect = decode_bytes(payload, charset)
    if defect:
        defects.append(defect)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    elif (_param(part, "format") or "").lower() == "flowed":
        text = unflow(text, delsp=(_param(part, "delsp") or "").lower() == "yes")
    return normalize(text)


def _payload_bytes(part: Message, defects: list[str]) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception as exc:  # a transfer encoding broken in a way the decoder does not forgive
        defects.append(f"undecodable {part.get_content_type()} part ({type(exc).__name__})")
        raw = _raw_payload(part)
        return raw.encode("ascii", "surrogateescape") if isinstance(raw, str) else b""
    if isinstance(payload, bytes):
        return payload
    return b""


def _raw_payload(part: Message) -> str | list[Message] | None:
    """The payload as the parser stored it: text still transfer-encoded, or the sub-parts.

    ``get_payload()`` decodes 8-bit text with the declared charset on the way and raises on
    labels such as "utf-8\\x00"; the encoded bytes are all the size estimate and the walk need.
    """
    try:
        payload = part.get_payload()
    except Exception:
        try:
            data = part.get_payload(decode=True)
        except Exception:
            return None
        return data.decode("ascii", "surrogateescape") if isinstance(data, bytes) else None
    return payload if isinstance(payload, str | list) else None


def _children(part: Message) -> list[Message]:
    payload = _raw_payload(part)
    if isinstance(payload, list):
        return [p for p in payload if isinstance(p, Message)]
    return []


def _inner_message(part: Message) -> Message | None:
    children = _children(part)
    return children[0] if children else None


def _param(part: Message, name: str) -> str | None:
    try:
        value = part.get_param(name)
    except Exception:
        return None
    if isinstance(value, tuple):  # RFC 2231: (charset, language, value)
        value = value[2]
    return value if isinstance(value, str) else None


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:
        return None
    return decode_header_words(str(name)) if name else None


def _disposition(part: Message) -> str | None:
    try:
        return part.get_content_disposition()
    except Exception:
        return None


def _is_attachment(part: Message, ctype: str) -> bool:
    disposition = _disposition(part)
    if disposition == "attachment" or ctype not in _BODY_TYPES:
        return True
    return _filename(part) is not None and disposition != "inline"


def _attachment(part: Message, ctype: str) -> Attachment:
    return Attachment(_filename(part), ctype, _size(part))


def _size(part: Message) -> int:
    """Decoded size, computed without decoding base64: attachments are never read."""
    payload = _raw_payload(part)
    if isinstance(payload, list):
        return sum(len(str(_raw_payload(p) or "")) for p in payload if isinstance(p, Message))
    if not isinstance(payload, str):
        return 0
    encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    if encoding == "base64":
        data = len(payload) - sum(payload.count(c) for c in "\r\n\t ")
        padding = len(payload.rstrip()) - len(payload.rstrip().rstrip("="))
        return max(0, data * 3 // 4 - padding)
    if encoding == "quoted-printable":
        return len(_payload_bytes(part, []))
    return len(payload.encode("utf-8", "surrogateescape"))
