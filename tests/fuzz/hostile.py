"""Hostile and odd mail, generated from a seed: the same seed gives the same messages, byte for byte.

``generate(seed, n)`` returns ``n`` (kind, raw bytes) pairs mixing ordinary requests with broken MIME
trees, wrong and unknown charsets, header injection hidden in encoded words, huge headers, nested
forwards, calendar parts of garbage, bodies of numbers, empty and script-only bodies, shared and
malformed Message-IDs, machine senders and binary garbage. ``MACHINE_KINDS`` are the kinds a machine
wrote: nothing may ever be sent back to them.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable

NOW = "Mon, 07 Dec 2026 09:00:00 +0200"
REQUESTS = [
    "Hei, haluaisin varata yksilötyönohjausta etänä ensi viikolla tiistaina iltapäivällä.",
    "Hej, jag skulle vilja boka handledning på distans nästa vecka, gärna på förmiddagen.",
    "Hi, I would like to book individual work supervision next week, Thursday afternoon works.",
    "moi tarttisin tyonohjausta itelle etana ensviikol ti tai to illalla",
]
MACHINE_KINDS = frozenset({"noreply", "mailer_daemon", "list_mail"})


def _head(rng: random.Random, kind: str, *, sender: str | None = None, extra: str = "",
          message_id: str | None = None) -> str:
    sender = sender if sender is not None else f"Asiakas {rng.randrange(10**6)} <c{rng.randrange(10**9)}@client.example>"
    mid = message_id if message_id is not None else f"<{kind}.{rng.randrange(10**12)}@client.example>"
    lines = [f"From: {sender}" if sender else "", "To: ajanvaraus@example.fi", f"Subject: Työnohjaus {kind}",
             f"Date: {NOW}", f"Message-ID: {mid}" if mid else "", "MIME-Version: 1.0"]
    return "\r\n".join(line for line in lines if line) + "\r\n" + extra


def _plain(rng: random.Random, kind: str, body: str, **kw: object) -> bytes:
    return (_head(rng, kind, **kw) + "Content-Type: text/plain; charset=utf-8\r\n\r\n"  # type: ignore[arg-type]
            + body + "\r\n").encode("utf-8", "surrogateescape")


def ordinary(rng: random.Random) -> bytes:
    return _plain(rng, "ordinary", rng.choice(REQUESTS))


def broken_mime(rng: random.Random) -> bytes:
    shape = rng.randrange(4)
    if shape == 0:  # no closing boundary, a part that is no base64
        body = (f"--b\r\nContent-Type: text/plain\r\n\r\n{rng.choice(REQUESTS)}\r\n--b\r\n"
                "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n!!not base64!!\r\n")
        return (_head(rng, "broken") + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n' + body).encode()
    if shape == 1:  # a boundary that never comes
        return (_head(rng, "broken") + 'Content-Type: multipart/alternative; boundary="zz"\r\n\r\n'
                + rng.choice(REQUESTS) + "\r\n").encode()
    if shape == 2:  # nesting far deeper than any client makes
        depth = rng.randrange(30, 80)
        opens = "".join(f"--d{i}\r\nContent-Type: multipart/mixed; boundary=\"d{i + 1}\"\r\n\r\n" for i in range(depth))
        return (_head(rng, "deep") + 'Content-Type: multipart/mixed; boundary="d0"\r\n\r\n' + opens
                + f"--d{depth}\r\nContent-Type: text/plain\r\n\r\n{rng.choice(REQUESTS)}\r\n").encode()
    garbage = bytes(rng.randrange(256) for _ in range(rng.randrange(50, 400)))
    return (_head(rng, "garbage-headers")).encode() + b"X-Bad: " + garbage + b"\r\n\r\n" + REQUESTS[0].encode()


def bad_charset(rng: random.Random) -> bytes:
    charset = rng.choice(["utf-8\x00", "x-unknown-42", "iso-8859-99", "utf-7", "", "windows-1252; format=flowed"])
    text = rng.choice(REQUESTS).encode("utf-8") + bytes([0xff, 0xfe, 0xc3])
    return (_head(rng, "charset") + f'Content-Type: text/plain; charset="{charset}"\r\n'
            "Content-Transfer-Encoding: 8bit\r\n\r\n").encode() + text + b"\r\n"


def header_injection(rng: random.Random) -> bytes:
    hidden = base64.b64encode(rng.choice(["Evil\r\nBcc: victim@example.fi", "X\nSubject: pwned",
                                          "Name\r\n\r\nbody"]).encode()).decode()
    where = rng.randrange(3)
    sender = f"=?utf-8?b?{hidden}?= <inj{rng.randrange(10**6)}@client.example>" if where == 0 else None
    if where == 1:
        sender = f'"Laura" <=?utf-8?b?{hidden}?=@client.example>'
    subject = f"=?utf-8?b?{hidden}?=" if where == 2 else "Työnohjaus"
    head = _head(rng, "injection", sender=sender).replace("Subject: Työnohjaus injection", f"Subject: {subject}")
    return (head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + rng.choice(REQUESTS) + "\r\n").encode()


def huge_headers(rng: random.Random) -> bytes:
    many = "".join(f"Received: from relay{i}.example by relay{i + 1}.example; {NOW}\r\n"
                   for i in range(rng.randrange(200, 2000)))
    long_subject = "Työnohjaus " + "x" * rng.randrange(10_000, 200_000)
    head = _head(rng, "huge").replace("Subject: Työnohjaus huge", f"Subject: {long_subject}")
    return (many + head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + rng.choice(REQUESTS)).encode()


def nested_forwards(rng: random.Random) -> bytes:
    inner = _plain(rng, "inner", rng.choice(REQUESTS))
    for level in range(rng.randrange(2, 15)):
        inner = (_head(rng, f"fwd{level}") + f'Content-Type: multipart/mixed; boundary="f{level}"\r\n\r\n'
                 f"--f{level}\r\nContent-Type: text/plain\r\n\r\nFYI\r\n--f{level}\r\n"
                 "Content-Type: message/rfc822\r\n\r\n").encode() + inner + f"\r\n--f{level}--\r\n".encode()
    return inner


def calendar_garbage(rng: random.Random) -> bytes:
    ics = rng.choice([
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:\r\nATTENDEE;PARTSTAT=\r\n",
        "BEGIN:VCALENDAR\r\nMETHOD:COUNTER\r\nBEGIN:VEVENT\r\nDTSTART:99999999T999999Z\r\nEND:VEVENT\r\n",
        "".join(chr(rng.randrange(32, 0x2FF)) for _ in range(300)),
        "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\n" + "BEGIN:VEVENT\r\n" * 500,
    ])
    data = base64.encodebytes(ics.encode("utf-8", "replace")).decode()
    return (_head(rng, "calendar") + 'Content-Type: multipart/alternative; boundary="c"\r\n\r\n'
            "--c\r\nContent-Type: text/plain\r\n\r\nAccepted\r\n--c\r\n"
            "Content-Type: text/calendar; method=REPLY\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + data + "--c--\r\n").encode()


def numbers(rng: random.Random) -> bytes:
    rows = [f"{rng.randrange(1, 29)}.{rng.randrange(1, 13)}.2026 {rng.randrange(0, 24)}:{rng.randrange(0, 60):02d} "
            f"{rng.randrange(100, 99999)},{rng.randrange(0, 100):02d} € {rng.randrange(10**6, 10**9)}" for _ in range(40)]
    return _plain(rng, "numbers", "Lasku 2026-1187\r\n" + "\r\n".join(rows))


def empty(rng: random.Random) -> bytes:
    return _plain(rng, "empty", rng.choice(["", " ", "\r\n\r\n", "-- \r\nLaura"]))


def script_only(rng: random.Random) -> bytes:
    html = rng.choice(["<html><script>alert(1)</script></html>", "<style>p{}</style><script>x()</script>",
                       "<html><body><img src=x onerror=alert(1)></body></html>"])
    return (_head(rng, "script") + "Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n").encode()


def shared_message_id(rng: random.Random) -> bytes:
    mid = rng.choice(["<same@client.example>", "<>", "<@>", "not-an-id", "<a b c>"])
    return _plain(rng, "shared-id", rng.choice(REQUESTS), message_id=mid)


def noreply(rng: random.Random) -> bytes:
    local = rng.choice(["noreply", "no-reply", "donotreply", "do-not-reply", "no_reply+x", "notifications"])
    return _plain(rng, "noreply", rng.choice(REQUESTS), sender=f"Palvelu <{local}@service.example>")


def mailer_daemon(rng: random.Random) -> bytes:
    return _plain(rng, "daemon", "Delivery failed for " + rng.choice(REQUESTS),
                  sender="Mail Delivery System <MAILER-DAEMON@mx.example>")


def list_mail(rng: random.Random) -> bytes:
    return _plain(rng, "list", rng.choice(REQUESTS), extra="List-Id: <news.example>\r\nPrecedence: bulk\r\n")


def no_sender(rng: random.Random) -> bytes:
    return _plain(rng, "no-sender", rng.choice(REQUESTS), sender=rng.choice(["", "Laura", "laura at client",
                                                                              "<>", "@client.example"]))


def binary(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))


KINDS: dict[str, Callable[[random.Random], bytes]] = {
    "ordinary": ordinary, "broken_mime": broken_mime, "bad_charset": bad_charset,
    "header_injection": header_injection, "huge_headers": huge_headers, "nested_forwards": nested_forwards,
    "calendar_garbage": calendar_garbage, "numbers": numbers, "empty": empty, "script_only": script_only,
    "shared_message_id": shared_message_id, "noreply": noreply, "mailer_daemon": mailer_daemon,
    "list_mail": list_mail, "no_sender": no_sender, "binary": binary,
}


def generate(seed: int, n: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    names = sorted(KINDS)
    return [(kind, KINDS[kind](rng)) for kind in (rng.choice(names) for _ in range(n))]
