"""Bad input through the whole service: stored, then answered or put before staff with a reason.

Broken MIME, an unknown charset, a 20 MB attachment, hostile HTML, no From, no Message-ID, an empty
body and binary garbage are delivered to a mailbox of their own on the real Dovecot, next to one
ordinary request, and one cycle of the service runs over all of them at once: nothing raises,
nothing is logged as a traceback, every message has its row in the database and is processed and
flagged on the server, and each was either answered exactly once or is listed by ``mailbot queue
--json`` with a reason. A second cycle fetches and sends nothing.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import random
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

import pytest

from mailbot.app import App, CycleReport
from mailbot.config import load_settings
from tests.integration.crash import (
    PASSWORD_ENV,
    mailbot,
    new_mailbox,
    query,
    sqlite_url,
    unprocessed_on_server,
    write_config,
)
from tests.integration.test_service import NOW, replies_to
from tests.servers.dovecot import DovecotServer
from tests.servers.smtp import SmtpServer

REQUEST = "Hei, haluaisin varata yksilötyönohjausta etänä mahdollisimman pian."
ATTACHMENT_BYTES = 20 * 1024 * 1024


def headers(case: str, sender: str | None, *, message_id: bool = True, extra: str = "") -> bytes:
    lines = [f"From: Asiakas <{sender}>" if sender else None, "To: ajanvaraus@example.fi",
             f"Subject: =?utf-8?q?Ty=C3=B6nohjaus?= {case}", f"Date: {format_datetime(NOW)}",
             f"Message-ID: {make_msgid(domain='client.example')}" if message_id else None, "MIME-Version: 1.0"]
    return ("\r\n".join(line for line in lines if line) + "\r\n").encode() + extra.encode("latin-1")


def broken_mime(sender: str) -> bytes:
    """multipart with no closing boundary, a part that is not base64, and header lines that are garbage."""
    head = headers("broken", sender, extra='Content-Type: multipart/mixed; boundary="b0und"\r\n')
    garbage = b"X-Garbage: \x01\x02\xff\xfe\x00\r\nContent-Transfer-Encoding: quoted-printable???\r\n" \
              b"this line is no header at all\r\n"
    body = (b"\r\n--b0und\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + REQUEST.encode() +
            b"\r\n--b0und\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
            b"\r\nJVBERi0xLjQK%%%% not base64 at all ====\r\n--b0und\r\nContent-Type: text/plain; charset=\r\n")
    return head + garbage + body


def unknown_charset(sender: str) -> bytes:
    head = headers("charset", sender, extra='Content-Type: text/plain; charset="x-unknown"\r\n'
                   "Content-Transfer-Encoding: 8bit\r\n")
    return head + b"\r\n" + REQUEST.encode("latin-1") + b"\r\n"


def big_attachment(sender: str) -> bytes:
    head = headers("attachment", sender, extra='Content-Type: multipart/mixed; boundary="big"\r\n')
    data = base64.encodebytes(os.urandom(ATTACHMENT_BYTES)).replace(b"\n", b"\r\n")
    return (head + b"\r\n--big\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + REQUEST.encode() +
            b"\r\n--big\r\nContent-Type: application/octet-stream; name=\"liite.bin\"\r\n"
            b"Content-Disposition: attachment; filename=\"liite.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            data + b"--big--\r\n")


def hostile_html(sender: str) -> bytes:
    depth = 50_000
    html = ("<html><head><style>body{display:none} p:after{content:'haluaisin varata heti'}</style>"
            "<script>alert(1); document.write('<p>varaan huomenna kello 3</p>')</script></head><body>"
            "<iframe src='http://evil.example/' srcdoc='<script>alert(2)</script>'></iframe>"
            + "<div>" * depth + f"<p>{REQUEST}</p>" + "</div>" * depth
            + "<table>" + "<tr>" + "<td>x</td>" * 20 + "</tr>" * 1 + ("<tr>" + "<td>solu</td>" * 20 + "</tr>") * 3000
            + "</table><img src=x onerror=alert(3)></body></html>")
    head = headers("html", sender, extra="Content-Type: text/html; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: 8bit\r\n")
    return head + b"\r\n" + html.encode()


def no_from(_sender: str) -> bytes:
    return headers("nofrom", None, extra="Content-Type: text/plain; charset=utf-8\r\n") + b"\r\n" + REQUEST.encode()


def no_message_id(sender: str) -> bytes:
    return headers("nomid", sender, message_id=False, extra="Content-Type: text/plain; charset=utf-8\r\n") + \
        b"\r\n" + REQUEST.encode() + b"\r\n"


def empty_body(sender: str) -> bytes:
    return headers("empty", sender, extra="Content-Type: text/plain; charset=utf-8\r\n") + b"\r\n"


def binary_garbage(sender: str) -> bytes:
    noise = random.Random(20261124).randbytes(4096)  # the same garbage each run: the outcome is reproducible
    return headers("binary", sender) + b"\r\n" + bytes(range(256)) * 64 + noise + b"\x00" * 100


def ordinary(sender: str) -> bytes:
    return headers("ordinary", sender, extra="Content-Type: text/plain; charset=utf-8\r\n") + \
        b"\r\n" + REQUEST.encode() + b"\r\n"


CASES = {f.__name__: f for f in (broken_mime, unknown_charset, big_attachment, hostile_html, no_from, no_message_id,
                                 empty_body, binary_garbage, ordinary)}


@dataclass
class Delivered:
    sender: str | None
    uid: int


@dataclass
class Run:
    user: str
    db_url: str
    config: Path
    delivered: dict[str, Delivered]
    first: CycleReport
    second: CycleReport
    seconds: float
    tracebacks: list[str] = field(default_factory=list)
    queue: list[dict[str, Any]] = field(default_factory=list)


class _Tracebacks(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR:
            self.found.append(self.format(record))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, dovecot: DovecotServer, smtp: SmtpServer) -> Iterator[Run]:
    tmp_path = tmp_path_factory.mktemp("bad-input")
    user = new_mailbox(dovecot)
    config = write_config(tmp_path, dovecot, smtp, user)
    delivered = {}
    for name, make in CASES.items():
        sender = None if name == "no_from" else f"{name.replace('_', '-')}-{uuid.uuid4().hex[:6]}@client.example"
        delivered[name] = Delivered(sender, dovecot.deliver(user, make(sender or "")))
    handler = _Tracebacks()
    logging.getLogger().addHandler(handler)
    app = App(load_settings(config, env=PASSWORD_ENV), env=PASSWORD_ENV)
    try:
        started = time.monotonic()
        first = app.cycle()
        seconds = time.monotonic() - started
        second = app.cycle()
    finally:
        app.close()
        logging.getLogger().removeHandler(handler)
    listed = mailbot(config, "queue", "--json")
    assert listed.returncode == 0, listed.stderr
    yield Run(user, sqlite_url(tmp_path), config, delivered, first, second, seconds, handler.found,
              json.loads(listed.stdout))


def test_one_cycle_over_all_of_it_raises_nothing_and_logs_no_traceback(run: Run) -> None:
    print(f"\nfirst cycle: {run.first} in {run.seconds:.1f} s; second: {run.second}")
    assert run.tracebacks == []
    assert run.first.fetched == len(CASES) and run.first.failed == 0
    assert run.second.fetched == 0 and run.second.sent == 0 and run.second.handled == 0


def test_every_message_is_stored_processed_and_flagged(run: Run, dovecot: DovecotServer) -> None:
    rows = query(run.db_url, "SELECT uid, processed_at, state, length(raw) FROM messages WHERE direction = 'in'")
    by_uid = {uid: (processed, state, size) for uid, processed, state, size in rows}
    assert sorted(by_uid) == sorted(d.uid for d in run.delivered.values())
    for name, d in run.delivered.items():
        processed, state, size = by_uid[d.uid]
        assert processed is not None, f"{name}: not processed ({state})"
        assert size, f"{name}: the raw message is not kept"
    assert by_uid[run.delivered["big_attachment"].uid][2] > ATTACHMENT_BYTES
    assert unprocessed_on_server(dovecot, run.user) == []


def outcome(run: Run, smtp: SmtpServer, name: str) -> tuple[int, list[str], str]:
    """(replies to its sender, open review reasons of the message, its state)."""
    d = run.delivered[name]
    replies = len(replies_to(smtp, d.sender)) if d.sender else 0
    reasons = [r for (r,) in query(
        run.db_url, "SELECT r.reason FROM review_items r JOIN messages m ON m.id = r.message_id "
        "WHERE m.uid = :uid AND r.state = 'open'", uid=d.uid)]
    (state,) = query(run.db_url, "SELECT state FROM messages WHERE direction = 'in' AND uid = :uid", uid=d.uid)[0]
    print(f"\n{name}: {replies} replies, review {reasons}, state {state}")
    return replies, reasons, state


@pytest.mark.parametrize("name", [n for n in CASES if n != "no_from"])
def test_each_is_answered_once_or_put_before_staff_with_a_reason(run: Run, smtp: SmtpServer, name: str) -> None:
    replies, reasons, _state = outcome(run, smtp, name)
    assert replies <= 1, f"{name}: {replies} replies"
    assert replies == 1 or reasons, f"{name}: neither answered nor put before staff"
    assert "processing failed" not in reasons
    assert all(r.strip() for r in reasons)
    if reasons:  # what staff see: the same reasons in `mailbot queue`
        listed = {item["reason"] for item in run.queue if item["client"] == run.delivered[name].sender}
        assert set(reasons) <= listed


@pytest.mark.parametrize("name", ["ordinary", "no_message_id", "big_attachment", "unknown_charset"])
def test_a_request_next_to_the_bad_input_gets_its_proposal(run: Run, smtp: SmtpServer, name: str) -> None:
    """The request text is readable in these; only the form around it is odd."""
    sender = run.delivered[name].sender
    assert sender is not None
    (reply,) = replies_to(smtp, sender)
    assert "Työnohjausaika" in reply["Subject"], reply["Subject"]


def test_nothing_of_the_hostile_html_comes_back_in_the_reply(run: Run, smtp: SmtpServer) -> None:
    sender = run.delivered["hostile_html"].sender
    assert sender is not None
    (reply,) = replies_to(smtp, sender)
    raw = reply.as_bytes().lower()
    for hostile in (b"<script", b"alert(", b"evil.example", b"onerror", b"<iframe", b"display:none"):
        assert hostile not in raw
    (parsed,) = query(run.db_url, "SELECT c.parsed FROM conversations c JOIN messages m ON m.conversation_id = c.id "
                      "WHERE m.uid = :uid", uid=run.delivered["hostile_html"].uid)[0]
    assert "huomenna" not in str(parsed)  # the script's and the style's text are not read as the client's


def test_a_message_with_no_from_gets_no_reply_but_a_review_item(run: Run, smtp: SmtpServer) -> None:
    replies, reasons, _state = outcome(run, smtp, "no_from")
    assert replies == 0
    assert query(run.db_url, "SELECT count(*) FROM outbox WHERE to_addr = ''")[0][0] == 0
    assert reasons and "processing failed" not in reasons
    assert any(item["reason"] in reasons for item in run.queue)
