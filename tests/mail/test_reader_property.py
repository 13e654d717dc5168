"""Whatever bytes arrive, read_message returns a message or raises MailError, and nothing else."""

from __future__ import annotations

import base64
import quopri

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.errors import MailError
from mailbot.mail import InboundMessage, read_message

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CHARSETS = st.sampled_from(
    ["utf-8", "iso-8859-1", "windows-1252", "us-ascii", "utf-16", "x-unknown", "", "utf-8\x00", "base64", "idna",
     "rot13", "unknown-8bit", "gb2312", "'utf-8'"]
)
ENCODINGS = st.sampled_from(["7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode", "bogus", ""])
TYPES = st.sampled_from(
    ["text/plain", "text/html", "multipart/alternative", "multipart/mixed", "multipart/report", "message/rfc822",
     "application/pdf", "text/rfc822-headers", "message/delivery-status", "image/png", "text", "/", ""]
)
HEADER_NAMES = st.sampled_from(
    ["From", "To", "Cc", "Subject", "Date", "Message-ID", "References", "In-Reply-To", "Reply-To", "Auto-Submitted",
     "Precedence", "List-Id", "Return-Path", "Content-Disposition", "X-Junk"]
) | st.text(st.characters(min_codepoint=33, max_codepoint=126, exclude_characters=":"), min_size=1, max_size=12)
TEXT = st.text(max_size=200)
BYTES = st.binary(max_size=300)


def _encode(data: bytes, encoding: str) -> bytes:
    if encoding == "base64":
        return base64.encodebytes(data)
    if encoding == "quoted-printable":
        return quopri.encodestring(data)
    return data


def _check(raw: bytes) -> None:
    try:
        msg = read_message(raw)
    except MailError:
        return
    assert isinstance(msg, InboundMessage)
    assert isinstance(msg.own_text, str) and isinstance(msg.body_text, str)
    # the fallbacks are for the stdlib parser's limits; our own walk must never need them
    assert not any("parser failed" in d or "could not be parsed" in d for d in msg.defects), msg.defects


@SETTINGS
@given(BYTES)
def test_arbitrary_bytes(raw: bytes) -> None:
    _check(raw)


@SETTINGS
@given(st.lists(st.tuples(HEADER_NAMES, TEXT), max_size=8), BYTES)
def test_random_headers(headers: list[tuple[str, str]], body: bytes) -> None:
    head = "".join(f"{name}: {value}\n" for name, value in headers)
    _check(b"From: a@example.com\n" + head.encode("utf-8", "surrogatepass") + b"\n" + body)


@st.composite
def mime_parts(draw: st.DrawFn, depth: int = 0) -> bytes:
    ctype = draw(TYPES)
    charset = draw(CHARSETS)
    encoding = draw(ENCODINGS)
    head = f"Content-Type: {ctype}; charset=\"{charset}\""
    if draw(st.booleans()):
        head += "; format=flowed; delsp=yes"
    head += f"\nContent-Transfer-Encoding: {encoding}\n"
    if draw(st.booleans()):
        head += f'Content-Disposition: {draw(st.sampled_from(["attachment", "inline", "x"]))}; filename="{draw(TEXT)}"\n'
    if ctype.startswith("multipart/") and depth < 3:
        boundary = draw(st.sampled_from(["b1", "b2", "", "--", "x y", "=?="]))
        children = draw(st.lists(mime_parts(depth + 1), max_size=3))
        body = b"".join(f"--{boundary}\n".encode() + child + b"\n" for child in children)
        if draw(st.booleans()):
            body += f"--{boundary}--\n".encode()
        head = head.replace(f'charset="{charset}"', f'boundary="{boundary}"; report-type="{draw(TEXT)}"')
    else:
        text = draw(TEXT).encode("utf-8", "surrogatepass") if draw(st.booleans()) else draw(BYTES)
        body = _encode(text, encoding)
    if draw(st.booleans()):  # truncate somewhere
        body = body[: draw(st.integers(0, len(body)))]
    return head.encode("utf-8", "surrogatepass") + b"\n" + body


@SETTINGS
@given(mime_parts(), st.sampled_from([b"", b"Subject: =?utf-8?q?x?= \n", b"Date: nonsense\nMessage-ID: <\n"]))
def test_broken_mime_structures(part: bytes, extra: bytes) -> None:
    _check(b"From: a@example.com\nMIME-Version: 1.0\n" + extra + part)


@SETTINGS
@given(st.lists(st.sampled_from([
    "Hei,\n", "> lainaus\n", "Lähettäjä: A <a@b.fi>\n", "Lähetetty: 1.12.2026\n", "Aihe: x\n",
    "ke 25.11.2026 klo 8.31 A <a@b.fi> kirjoitti:\n", "-----Alkuperäinen viesti-----\n", "________\n",
    "Terveisin\n", "-- \n", "Kiitos!\n", "Lähetetty iPhonesta\n", "\n", "On Mon, 1 Dec 2026 A wrote:\n",
    "---------- Forwarded message ---------\n", "From: A <a@b.fi>\n", "Begin forwarded message:\n",
]), max_size=25), st.sampled_from(["Re: x", "VL: x", "Fwd: x", ""]))
def test_quote_and_signature_shapes(lines: list[str], subject: str) -> None:
    body = "".join(lines).encode()
    raw = f"From: Maija <m@example.com>\nSubject: {subject}\nContent-Type: text/plain; charset=utf-8\n\n".encode()
    msg = read_message(raw + body)
    for part in msg.quoted:
        assert part.kind in {"reply", "forward"}
