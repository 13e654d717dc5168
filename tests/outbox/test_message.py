"""build_reply: a fresh Message-ID, the thread, loop protection, both text parts, and the iMIP layout."""

from __future__ import annotations

import re
from dataclasses import replace
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import parsedate_to_datetime

import pytest
from icalendar import Calendar

from mailbot.calendars.base import Appointment
from mailbot.outbox.message import (
    MAX_REFERENCES,
    build_reply,
    message_bytes,
    plus_address,
    thread_references,
)
from mailbot.outbox.render import Renderer
from tests.outbox.helpers import HELSINKI, context, local, utc

CLIENT_ID = "<CAF=abc123@mail.gmail.com>"
EARLIER = ["<first@client.example>", "<our-proposal@example.fi>"]


def reply(renderer: Renderer, kind: str = "proposal", language: str = "fi", **overrides: object) -> EmailMessage:
    args: dict[str, object] = {
        "rendered": renderer.render(kind, language, **context(kind)), "to": "anna.korhonen@firma.fi",
        "to_name": "Anna Korhonen", "from_address": "ajanvaraus@example.fi", "from_name": "Ajanvaraus",
        "reference": "AV-7KQ3", "in_reply_to": CLIENT_ID, "references": EARLIER, "domain": "example.fi",
        "now": utc(2026, 11, 20, 8, 30),
    }
    args.update(overrides)
    return build_reply(**args)  # type: ignore[arg-type]


def parsed(msg: EmailMessage) -> EmailMessage:
    back = message_from_bytes(message_bytes(msg), policy=default_policy)
    assert isinstance(back, EmailMessage)
    return back


def test_headers(renderer: Renderer) -> None:
    msg = parsed(reply(renderer))
    assert re.fullmatch(r"<[^<>@\s]+@example\.fi>", msg["Message-ID"])
    assert msg["In-Reply-To"] == CLIENT_ID
    assert msg["References"].split() == [*EARLIER, CLIENT_ID]
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["Reply-To"].addresses[0].addr_spec == "ajanvaraus+av-7kq3@example.fi"
    assert msg["Reply-To"].addresses[0].display_name == "Ajanvaraus"
    assert msg["From"].addresses[0].addr_spec == "ajanvaraus@example.fi"
    assert str(msg["To"]) == "Anna Korhonen <anna.korhonen@firma.fi>"
    assert msg["Subject"] == "Työnohjausaika [AV-7KQ3]"
    assert msg["Content-Language"] == "fi"
    assert parsedate_to_datetime(msg["Date"]) == utc(2026, 11, 20, 8, 30)
    assert "DR" not in msg["X-Auto-Response-Suppress"]  # bounces must still come back


def test_the_message_id_is_fresh_and_is_the_one_sent(renderer: Renderer) -> None:
    first, second = reply(renderer), reply(renderer)
    assert first["Message-ID"] != second["Message-ID"]
    assert parsed(first)["Message-ID"] == first["Message-ID"]


def test_both_parts_decode_to_the_text(renderer: Renderer) -> None:
    rendered = renderer.render("proposal", "sv", **context("proposal"))
    msg = parsed(reply(renderer, language="sv", rendered=rendered))
    assert msg.get_content_type() == "multipart/alternative"
    plain, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert plain is not None and html is not None
    assert plain.get_content().replace("\r\n", "\n") == rendered.text
    assert html.get_content().replace("\r\n", "\n") == rendered.html
    assert plain.get_content_charset() == "utf-8"
    assert msg["Content-Language"] == "sv"


def test_wire_form_is_7bit_with_crlf(renderer: Renderer) -> None:
    raw = message_bytes(reply(renderer))
    raw.decode("ascii")  # non-ASCII only inside encoded words and quoted-printable
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


def test_first_message_of_a_thread(renderer: Renderer) -> None:
    msg = parsed(reply(renderer, in_reply_to=None, references=[], to_name=None))
    assert msg["In-Reply-To"] is None and msg["References"] is None
    assert str(msg["To"]) == "anna.korhonen@firma.fi"


def test_thread_references() -> None:
    assert thread_references("abc@x", ["<abc@x>", "first@x"]) == ["<abc@x>", "<first@x>"]
    assert thread_references(None, []) == []
    long = [f"<{i}@x>" for i in range(40)]
    kept = thread_references("<40@x>", long)
    assert len(kept) == MAX_REFERENCES and kept[0] == "<0@x>" and kept[-1] == "<40@x>"


@pytest.mark.parametrize(("address", "expected"), [
    ("ajanvaraus@example.fi", "ajanvaraus+av-7kq3@example.fi"),
    ("ajanvaraus+bot@example.fi", "ajanvaraus+av-7kq3@example.fi"),
])
def test_plus_address(address: str, expected: str) -> None:
    assert plus_address(address, " AV-7KQ3 ") == expected


# --- invitations -------------------------------------------------------------------------------

def appointment() -> Appointment:
    return Appointment(uid="b7e1c2d4@example.fi", sequence=0, start=local(2026, 12, 1, 14), end=local(2026, 12, 1, 15),
                       reference="AV-7KQ3", service="individual", mode="remote", language="fi",
                       supervisor_id="aino", supervisor_name="Aino Virtanen", supervisor_email="aino.virtanen@example.fi",
                       client_name="Anna Korhonen", client_email="anna.korhonen@firma.fi")


def invitation(cancelled: bool = False) -> Calendar:
    from mailbot.calendars.invite import build_invitation

    a = replace(appointment(), cancelled=True, sequence=1) if cancelled else appointment()
    return build_invitation(a, "ajanvaraus@example.fi", "Ajanvaraus", HELSINKI, now=utc(2026, 11, 20, 8))


@pytest.mark.parametrize(("cancelled", "method"), [(False, "REQUEST"), (True, "CANCEL")])
def test_invitation_sits_inside_the_alternative(renderer: Renderer, cancelled: bool, method: str) -> None:
    kind = "cancellation" if cancelled else "confirmation"
    rendered = renderer.render(kind, "fi", **context(kind))
    msg = parsed(reply(renderer, rendered=rendered, invitation=invitation(cancelled)))
    assert msg.get_content_type() == "multipart/mixed"
    alternative, attachment = msg.get_payload()  # type: ignore[misc]
    assert alternative.get_content_type() == "multipart/alternative"
    kinds = [p.get_content_type() for p in alternative.get_payload()]
    assert kinds == ["text/plain", "text/html", "text/calendar"]
    calendar_part = alternative.get_payload()[2]
    assert calendar_part.get_param("method") == method
    body = calendar_part.get_content()
    body = body.decode() if isinstance(body, bytes) else body
    assert f"METHOD:{method}" in body
    assert Calendar.from_ical(body)["METHOD"] == method
    assert attachment.get_filename() == "invite.ics"
    assert msg.get_body(("plain",)).get_content().replace("\r\n", "\n") == rendered.text  # type: ignore[union-attr]
    # the thread and loop headers survive the re-layout
    assert msg["Auto-Submitted"] == "auto-replied" and msg["In-Reply-To"] == CLIENT_ID
