"""Building small raw messages for the mail reader's tests."""

from __future__ import annotations

import base64
import quopri

HEAD = (
    "From: Maija Salonen <maija.salonen@example.com>\n"
    "To: Ajanvaraus <ajanvaraus@example.fi>\n"
    "Date: Tue, 24 Nov 2026 10:15:00 +0200\n"
    "Message-ID: <m1@example.com>\n"
)


def eml(
    body: str | bytes,
    *,
    subject: str = "Työnohjaus",
    content_type: str = 'text/plain; charset="utf-8"',
    encoding: str = "8bit",
    charset: str = "utf-8",
    extra: str = "",
    head: str = HEAD,
) -> bytes:
    """A single-part message; ``body`` is encoded with ``charset`` and ``encoding``."""
    data = body if isinstance(body, bytes) else body.encode(charset)
    if encoding == "base64":
        data = base64.encodebytes(data)
    elif encoding == "quoted-printable":
        data = quopri.encodestring(data)
    header = (
        f"{head}Subject: {subject}\n{extra}MIME-Version: 1.0\n"
        f"Content-Type: {content_type}\nContent-Transfer-Encoding: {encoding}\n\n"
    )
    return header.encode("utf-8") + data


def multipart(parts: list[tuple[str, str | bytes]], *, subtype: str = "alternative", subject: str = "Työnohjaus",
              extra: str = "", params: str = "", head: str = HEAD) -> bytes:
    """A multipart message; each part is (its header lines, its body)."""
    boundary = "==b0undary=="
    out = (
        f"{head}Subject: {subject}\n{extra}MIME-Version: 1.0\n"
        f'Content-Type: multipart/{subtype}; boundary="{boundary}"{params}\n\n'
    ).encode()
    for headers, body in parts:
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        out += f"--{boundary}\n{headers.strip()}\n\n".encode() + data + b"\n"
    return out + f"--{boundary}--\n".encode()
