"""Calendar answers to our invitations, read from real clients' mail after MIME decoding.

The messages in data/imip/ are real client output taken from public test fixtures (SOURCES.md says
from where); they carry no In-Reply-To, so only the calendar tells what they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.mail.reader import read_message

DATA = Path(__file__).parent / "data" / "imip"

# file -> (method, PARTSTAT, UID prefix, attendee, readable), or None: no calendar answer can be read
EXPECTED: dict[str, tuple[str, str, str, str | None, bool] | None] = {
    "apple-ical3-reply-1.eml": ("REPLY", "ACCEPTED", "1E71F9C8-AED", "xyzzy@example.com", True),
    # Outlook on Exchange 2016: multipart/alternative, the calendar base64, no In-Reply-To
    "exchange2016-reply-1.eml": ("REPLY", "ACCEPTED", "0e4a0959-", "laura@client.example", True),
    "exchange2016-reply-2.eml": ("REPLY", "DECLINED", "abcfacd3-", "laura@client.example", True),
    # Exchange Online's "New Time Proposed", its calendar cut by the test author: a counter we cannot read
    "exchange-o365-counter-1.eml": ("COUNTER", "NEEDS-ACTION", "", None, False),
    # Thunderbird in Outlook-compatible mode: the whole message is text/calendar, 8bit
    "thunderbird-lightning-reply-1.eml": ("REPLY", "ACCEPTED", "f1514f44bf", "user1to@linagora.com", True),
    # the calendar text written before the part's headers: nothing to read, and nothing to propose
    "thunderbird-lightning-reply-2.eml": None,
}


def test_every_fixture_has_its_expectation() -> None:
    assert sorted(p.name for p in DATA.glob("*.eml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_calendar_answer_is_recognised(name: str) -> None:
    msg = read_message((DATA / name).read_bytes())
    answer = msg.calendar
    assert "BEGIN:VCALENDAR" not in msg.body_text  # the calendar is never read as the writer's text
    if EXPECTED[name] is None:
        assert answer is None
        return
    method, partstat, uid, attendee, readable = EXPECTED[name]  # type: ignore[misc]
    assert answer is not None
    assert (answer.method, answer.partstat, answer.attendee, answer.readable) == (method, partstat, attendee, readable)
    assert (answer.uid or "").startswith(uid)


def _mail(part_headers: str, payload: str) -> bytes:
    head = ("From: a@client.example\r\nTo: ajanvaraus@example.fi\r\nSubject: Accepted\r\n"
            "Date: Tue, 24 Nov 2026 10:00:00 +0200\r\nMessage-ID: <x@client.example>\r\nMIME-Version: 1.0\r\n")
    return (head + part_headers + "\r\n" + payload).encode()


ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:{m}\r\nBEGIN:VEVENT\r\nUID:u-1@example.fi\r\nSEQUENCE:2\r\n"
       "ATTENDEE;PARTSTAT=ACCEPTED:mailto:A@Client.example\r\nDTSTART:20261203T080000Z\r\n"
       "DTEND:20261203T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


@pytest.mark.parametrize(("shape", "forwarded"), [
    ("single", False),  # Thunderbird's Outlook-compatible mode: the whole message is text/calendar
    ("attachment", False),  # only an .ics attachment, application/ics
    ("qp", False),
    ("forward", True),  # an assistant forwards the client's answer as message/rfc822
])
def test_calendar_answers_in_every_shape(shape: str, forwarded: bool) -> None:
    import quopri

    ics = ICS.format(m="COUNTER")
    if shape == "single":
        raw = _mail("Content-Type: text/calendar; method=COUNTER; charset=utf-8\r\n", ics)
    elif shape == "attachment":
        raw = _mail("Content-Type: multipart/mixed; boundary=m\r\n",
                    "--m\r\nContent-Type: text/plain\r\n\r\nUusi aika?\r\n--m\r\nContent-Type: application/ics; "
                    "name=invite.ics\r\nContent-Disposition: attachment; filename=invite.ics\r\n\r\n" + ics + "--m--\r\n")
    elif shape == "qp":
        body = quopri.encodestring(ics.encode()).decode()
        raw = _mail("Content-Type: text/calendar; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                    body)
    else:
        inner = _mail("Content-Type: text/calendar; method=COUNTER\r\n", ics).decode()
        raw = _mail("Content-Type: multipart/mixed; boundary=f\r\n",
                    "--f\r\nContent-Type: text/plain\r\n\r\nFYI\r\n--f\r\nContent-Type: message/rfc822\r\n\r\n"
                    + inner + "\r\n--f--\r\n")
    answer = read_message(raw).calendar
    assert answer is not None and answer.forwarded is forwarded
    assert (answer.method, answer.uid, answer.sequence, answer.attendee) == ("COUNTER", "u-1@example.fi", 2,
                                                                            "a@client.example")
    assert answer.start is not None and answer.start.isoformat() == "2026-12-03T08:00:00+00:00"


def test_an_invitation_from_someone_else_is_no_answer() -> None:
    raw = _mail("Content-Type: text/calendar; method=REQUEST\r\n", ICS.format(m="REQUEST"))
    assert read_message(raw).calendar is None  # an organizer's REQUEST is ordinary mail to read
