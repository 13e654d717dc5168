"""Invitations (iMIP): the VCALENDAR, the mail parts, cancellations, and a round trip."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from email import policy
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from mailbot.calendars.base import Appointment
from mailbot.calendars.invite import (
    attach_invitation,
    build_invitation,
    cancellation,
    invitation_parts,
    stored_event,
)
from tests.calendars.helpers import TZ, at

NOW = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
MAILBOX = "ajanvaraus@example.fi"


def appointment(**changes) -> Appointment:
    base = Appointment(
        uid="20261124T083000Z-av7kq3@mailbot", sequence=0, start=at(2027, 3, 29, 9), end=at(2027, 3, 29, 10),
        reference="AV-7KQ3", service="individual", mode="remote", language="fi",
        supervisor_id="aino", supervisor_name="Aino Virtanen", supervisor_email="aino.virtanen@example.fi",
        client_name="Matti Meikäläinen", client_email="matti.meikalainen@example.com")
    return replace(base, **changes)


def roundtrip(cal: Calendar) -> Calendar:
    return Calendar.from_ical(cal.to_ical())


def invite(a: Appointment | None = None) -> Calendar:
    return build_invitation(a or appointment(), MAILBOX, "Ajanvaraus", TZ, now=NOW)


def test_request_has_the_imip_properties():
    cal = roundtrip(invite())
    assert (str(cal["METHOD"]), str(cal["VERSION"]), str(cal["CALSCALE"])) == ("REQUEST", "2.0", "GREGORIAN")
    assert str(cal["PRODID"]).startswith("-//mailbot//")
    [event] = cal.events
    assert str(event["UID"]) == "20261124T083000Z-av7kq3@mailbot"
    assert event["SEQUENCE"] == 0
    assert event["DTSTAMP"].dt == NOW
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    assert cal.get_missing_tzids() == set()
    organizer = event["ORGANIZER"]
    assert (str(organizer), organizer.params["CN"]) == ("mailto:ajanvaraus@example.fi", "Ajanvaraus")
    attendees = {str(a): dict(a.params) for a in event["ATTENDEE"]}
    common = {"ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE", "CUTYPE": "INDIVIDUAL"}
    assert attendees == {
        "mailto:matti.meikalainen@example.com": {**common, "CN": "Matti Meikäläinen"},
        "mailto:aino.virtanen@example.fi": {**common, "CN": "Aino Virtanen"},
    }


@pytest.mark.parametrize(("day", "offset"), [(date(2026, 10, 26), 2), (date(2027, 3, 29), 3)],
                         ids=["after-october-change", "after-march-change"])
def test_09_local_in_the_week_after_a_dst_change(day, offset):
    a = appointment(start=datetime.combine(day, time(9), TZ), end=datetime.combine(day, time(10), TZ))
    ics = invite(a).to_ical()
    assert f"DTSTART;TZID=Europe/Helsinki:{day:%Y%m%d}T090000".encode() in ics
    start = Calendar.from_ical(ics).events[0]["DTSTART"].dt
    assert (start.hour, start.utcoffset()) == (9, timedelta(hours=offset))
    # read with the VTIMEZONE we sent rather than the reader's own zone table: the same instant
    renamed = Calendar.from_ical(ics.replace(b"Europe/Helsinki", b"Mailbot Helsinki"))
    assert renamed.events[0]["DTSTART"].dt == a.start


@pytest.mark.parametrize(("language", "summary", "location"), [
    ("fi", "Yksilötyönohjaus – Aino Virtanen", "Etäyhteys (Teams)"),
    ("sv", "Individuell arbetshandledning – Aino Virtanen", "Distansmöte (Teams)"),
    ("en", "Individual work supervision – Aino Virtanen", "Remote meeting (Teams)"),
])
def test_texts_are_in_the_appointments_language(language, summary, location):
    event = roundtrip(invite(appointment(language=language))).events[0]
    assert str(event["SUMMARY"]) == summary
    assert str(event["LOCATION"]) == location
    assert "AV-7KQ3" in str(event["DESCRIPTION"]) and "Matti Meikäläinen" in str(event["DESCRIPTION"])


def test_location_is_the_address_onsite_and_the_link_remote():
    onsite = invite(appointment(mode="onsite", location="Mannerheimintie 10 A, 00100 Helsinki", service="group"))
    assert str(onsite.events[0]["LOCATION"]) == "Mannerheimintie 10 A, 00100 Helsinki"
    assert str(onsite.events[0]["SUMMARY"]) == "Ryhmätyönohjaus – Aino Virtanen"
    remote = invite(appointment(remote_link="https://teams.example.com/l/meetup/123"))
    assert str(remote.events[0]["LOCATION"]) == "https://teams.example.com/l/meetup/123"


def test_cancel_keeps_the_uid_and_raises_the_sequence():
    request = roundtrip(invite(appointment(sequence=2)))
    cancel = roundtrip(invite(cancellation(appointment(sequence=2))))
    assert str(cancel["METHOD"]) == "CANCEL"
    r, c = request.events[0], cancel.events[0]
    assert str(c["UID"]) == str(r["UID"])
    assert c["SEQUENCE"] > r["SEQUENCE"]
    assert str(c["STATUS"]) == "CANCELLED"
    assert str(c["SUMMARY"]).startswith("Peruttu: ")
    assert c["DTSTART"].dt == r["DTSTART"].dt
    assert len(c["ATTENDEE"]) == 2


def test_the_organizer_is_a_bare_address_and_never_an_attendee():
    cal = build_invitation(appointment(supervisor_email="Ajanvaraus <AJANVARAUS@example.fi>"),
                           "Ajanvaraus <ajanvaraus@example.fi>", "Ajanvaraus", TZ, now=NOW)
    event = roundtrip(cal).events[0]
    assert str(event["ORGANIZER"]) == "mailto:ajanvaraus@example.fi"
    assert [str(a) for a in (event["ATTENDEE"] if isinstance(event["ATTENDEE"], list) else [event["ATTENDEE"]])] == [
        "mailto:matti.meikalainen@example.com"]


def test_stored_event_has_no_method_and_asks_the_server_not_to_schedule():
    cal = roundtrip(stored_event(appointment(), MAILBOX, "Ajanvaraus", TZ, now=NOW))
    assert "METHOD" not in cal
    event = cal.events[0]
    assert event["ORGANIZER"].params["SCHEDULE-AGENT"] == "CLIENT"
    assert {a.params["SCHEDULE-AGENT"] for a in event["ATTENDEE"]} == {"CLIENT"}
    plain = roundtrip(stored_event(appointment(), None, None, TZ, now=NOW)).events[0]
    assert "ORGANIZER" not in plain and "ATTENDEE" not in plain


def test_invitation_parts_needs_a_method():
    cal = invite()
    method, ics = invitation_parts(cal)
    assert method == "REQUEST" and ics.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\nMETHOD:REQUEST\r\n" in ics
    del cal["METHOD"]
    with pytest.raises(ValueError, match="no METHOD"):
        invitation_parts(cal)


def message(text: str = "Hei Matti,\n\naika on varattu: ma 29.3. klo 9.\n\nTervetuloa!\n") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Ajanvaraus <{MAILBOX}>"
    msg["To"] = "Matti Meikäläinen <matti.meikalainen@example.com>"
    msg["Subject"] = "Vahvistus: yksilötyönohjaus [AV-7KQ3]"
    msg.set_content(text)
    return msg


def sent(msg: EmailMessage) -> EmailMessage:
    """As the recipient reads it: serialized the way SMTP sends it, then parsed."""
    wire = msg.as_bytes(policy=policy.SMTP).replace(b"\r\n", b"\n")  # as a mail store keeps it
    return email.message_from_bytes(wire, policy=policy.default)  # type: ignore[return-value]


@pytest.mark.parametrize("cancelled", [False, True], ids=["request", "cancel"])
def test_mail_parts_and_method_agree(cancelled):
    a = cancellation(appointment()) if cancelled else appointment()
    msg = message()
    attach_invitation(msg, invite(a))
    got = sent(msg)
    assert [p.get_content_type() for p in got.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar", "application/ics"]
    calendar_part = next(p for p in got.walk() if p.get_content_type() == "text/calendar")
    attachment = next(p for p in got.walk() if p.get_content_type() == "application/ics")
    method = "CANCEL" if cancelled else "REQUEST"
    assert (calendar_part.get_param("method"), calendar_part.get_param("charset")) == (method, "UTF-8")
    assert calendar_part.get_content_disposition() is None
    assert (attachment.get_content_disposition(), attachment.get_filename()) == ("attachment", "invite.ics")
    body = calendar_part.get_payload(decode=True)
    assert body == attachment.get_payload(decode=True)
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")  # CRLF line ends kept
    parsed = Calendar.from_ical(body)
    assert str(parsed["METHOD"]) == calendar_part.get_param("method") == method
    assert str(parsed.events[0]["UID"]) == a.uid
    assert got.get_body(("plain",)).get_content() == "Hei Matti,\n\naika on varattu: ma 29.3. klo 9.\n\nTervetuloa!\n"
    assert "<p>Hei Matti,</p>" in got.get_body(("html",)).get_content()
    assert got["Subject"] == "Vahvistus: yksilötyönohjaus [AV-7KQ3]"


def test_existing_html_and_attachments_are_kept_and_a_second_call_replaces_the_invitation():
    msg = message("Plain text")
    msg.add_alternative("<p>Rich <b>text</b></p>", subtype="html")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="ohje.pdf")
    attach_invitation(msg, invite())
    attach_invitation(msg, invite(cancellation(appointment())))
    got = sent(msg)
    types = [p.get_content_type() for p in got.walk()]
    assert types.count("text/calendar") == 1 and types.count("application/ics") == 1
    assert "application/pdf" in types
    assert got.get_body(("html",)).get_content().strip() == "<p>Rich <b>text</b></p>"
    assert got.get_body(("plain",)).get_content().strip() == "Plain text"
    calendar_part = next(p for p in got.walk() if p.get_content_type() == "text/calendar")
    assert calendar_part.get_param("method") == "CANCEL"


NAMES = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(day=st.dates(date(2026, 1, 1), date(2030, 12, 31)), minute=st.integers(7 * 12, 19 * 12),
       length=st.integers(3, 96), sequence=st.integers(0, 10_000), language=st.sampled_from(["fi", "sv", "en"]),
       uid=st.from_regex(r"[A-Za-z0-9@._-]{1,60}", fullmatch=True), client=NAMES, supervisor=NAMES)
def test_round_trip(day, minute, length, sequence, language, uid, client, supervisor):
    # local times of the working day: an appointment never sits in the hour a DST change repeats
    start = datetime.combine(day, time(minute // 12, minute % 12 * 5), TZ)
    a = appointment(uid=uid, sequence=sequence, start=start, end=start + timedelta(minutes=5 * length),
                    language=language, client_name=client, supervisor_name=supervisor)
    event = roundtrip(invite(a)).events[0]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (a.start, a.end)
    assert event["DTSTART"].dt.hour == start.hour
    assert (str(event["UID"]), event["SEQUENCE"]) == (uid, sequence)
    names = {p.params["CN"] for p in event["ATTENDEE"]} if isinstance(event["ATTENDEE"], list) else set()
    def shown(name: str) -> str:
        return name.replace('"', "'").replace("\\", "/")

    assert names == {shown(client), shown(supervisor)}


def test_an_attendee_without_an_address_is_left_out():
    event = roundtrip(invite(appointment(supervisor_email=""))).events[0]
    assert str(event["ATTENDEE"]) == "mailto:matti.meikalainen@example.com"
