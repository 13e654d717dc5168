"""Invitations and cancellations as iMIP mail (RFC 5545, RFC 5546 iTIP, RFC 6047 iMIP).

``build_invitation`` makes the VCALENDAR for one appointment (METHOD:REQUEST, or METHOD:CANCEL when
the appointment is cancelled); ``attach_invitation`` puts it into an outgoing EmailMessage;
``stored_event`` is the same event as it is written into a supervisor's CalDAV calendar.

What mail clients trip over, as reported in public issue trackers, and what is done here:
- METHOD missing from the VCALENDAR or from the Content-Type, or the two differing: Outlook shows
  "not supported calendar message.ics" or rejects "Inbound Mime method and ICAL method mismatch"
  (ical4j#529, ical-generator#534, swiftmailer#901, vibetype#2368; RFC 6047 2.4 requires both).
  Both are written from one value by ``invitation_parts``, upper case (a lower-case method=request
  was not recognised by tutanota#2960), and the tests parse them back and compare. Python's email
  package writes the parameter quoted (method="REQUEST"); RFC 2045 makes that the same value as
  the bare token that Outlook and Google write.
- No VTIMEZONE for a TZID: some clients place the event at the wrong hour (nextcloud/spreed#18039,
  OpenMeet#257). ``add_missing_timezones`` adds one for every TZID, over the years the appointment
  touches only, so that the block stays short.
- A cancellation that is not recognised: it must have the same UID, METHOD:CANCEL with
  STATUS:CANCELLED (cyrus-imapd#2843, ical-generator#86) and a SEQUENCE not lower than the last
  request. The UID comes from the booking and never changes; ``cancellation()`` raises SEQUENCE.
  Outlook may ignore STATUS in a calendar view (Squire#215), so the summary also says "Peruttu" etc.
- The organizer listed as an attendee, or a recipient who is the organizer: clients then show no
  accept/decline buttons or hide the organizer (nextcloud/calendar#6809, tutanota#3465). The
  organizer is the booking mailbox; an attendee with the organizer's address is left out.
- ORGANIZER written as "mailto:Name <address>" (AI-Shipping-Labs#1088): addresses are reduced to
  the bare address before "mailto:". The message's From should be the same booking mailbox (the
  outbox's job): clients compare the two, and mail sent "as" another domain fails SPF/DMARC.
- The calendar part sent only as an attachment: Gmail and Outlook show a plain file with no
  buttons (simple-java-mail#138, SwiftMail#176). The part is a text/calendar alternative beside
  text/plain and text/html, with no Content-Disposition, as Outlook and Google send it; a separate
  invite.ics (application/ics) attachment serves clients that only offer "open attachment".
- Lines and line ends: icalendar folds lines at 75 octets and ends them with CRLF; both parts are
  base64, so that no mail hop rewraps or re-ends the lines (bulwarkmail#200).
- A CalDAV server that schedules on its own sends a second, duplicate invitation when an event with
  attendees is written (cal.com#9485, calrs#141): the stored copy carries SCHEDULE-AGENT=CLIENT on
  ORGANIZER and ATTENDEE (RFC 6638 7.1) and no METHOD (RFC 4791 4.1).
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress

from mailbot.calendars.base import Appointment

PRODID = "-//mailbot//work supervision booking//EN"
ATTACHMENT_NAME = "invite.ics"

TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        "individual": "Yksilötyönohjaus", "group": "Ryhmätyönohjaus", "leader": "Esihenkilötyönohjaus",
        "remote": "Etäyhteys (Teams)", "onsite": "Lähitapaaminen",
        "supervisor": "Työnohjaaja", "client": "Asiakas", "place": "Paikka", "reference": "Viite",
        "cancelled": "Peruttu", "cancelled_note": "Tämä aika on peruttu.",
        "reply_note": "Jos haluat siirtää tai perua ajan, vastaa varausviestiin ja mainitse viite {ref}.",
    },
    "sv": {
        "individual": "Individuell arbetshandledning", "group": "Arbetshandledning i grupp",
        "leader": "Ledarhandledning", "remote": "Distansmöte (Teams)", "onsite": "Fysiskt möte",
        "supervisor": "Arbetshandledare", "client": "Klient", "place": "Plats", "reference": "Referens",
        "cancelled": "Inställt", "cancelled_note": "Den här tiden är inställd.",
        "reply_note": "Om du vill flytta eller avboka tiden, svara på bokningsmeddelandet och nämn referensen {ref}.",
    },
    "en": {
        "individual": "Individual work supervision", "group": "Group work supervision",
        "leader": "Leadership supervision", "remote": "Remote meeting (Teams)", "onsite": "In person",
        "supervisor": "Supervisor", "client": "Client", "place": "Place", "reference": "Reference",
        "cancelled": "Cancelled", "cancelled_note": "This appointment has been cancelled.",
        "reply_note": "To move or cancel the appointment, reply to the booking message and mention {ref}.",
    },
}


def cancellation(appointment: Appointment) -> Appointment:
    """The same appointment, cancelled, with the SEQUENCE that a CANCEL message needs."""
    return replace(appointment, cancelled=True, sequence=appointment.sequence + 1)


def build_invitation(appointment: Appointment, organizer_email: str, organizer_name: str, tz: ZoneInfo,
                     *, now: datetime | None = None) -> Calendar:
    """METHOD:REQUEST (or CANCEL) VCALENDAR with one VEVENT; ``now`` fixes DTSTAMP (default: now)."""
    a = appointment
    t = TEXTS.get(a.language, TEXTS["fi"])
    service = t.get(a.service, t["individual"])
    place = _place(a, t)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if a.cancelled else "REQUEST")

    event = Event()
    event.add("uid", a.uid)
    event.add("sequence", a.sequence)
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", a.start.astimezone(tz))
    event.add("dtend", a.end.astimezone(tz))
    summary = f"{service} – {a.supervisor_name}"
    event.add("summary", f"{t['cancelled']}: {summary}" if a.cancelled else summary)
    event.add("location", place)
    event.add("description", _description(a, t, service, place))
    event.add("status", "CANCELLED" if a.cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    organizer = _bare(organizer_email)
    event.add("organizer", _address(organizer, organizer_name))
    for name, email in ((a.client_name, a.client_email), (a.supervisor_name, a.supervisor_email)):
        if not _bare(email) or _bare(email) == organizer:
            continue  # nobody to invite; or the organizer, who would then get no accept/decline buttons
        attendee = _address(_bare(email), name)
        attendee.params.update({"CUTYPE": "INDIVIDUAL", "ROLE": "REQ-PARTICIPANT",
                                "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"})
        event.add("attendee", attendee)
    cal.add_component(event)
    # the transitions of the years the appointment touches: a full 1970–2038 table is long
    cal.add_missing_timezones(first_date=date(a.start.astimezone(tz).year, 1, 1),
                              last_date=date(a.end.astimezone(tz).year + 2, 1, 1))
    return cal


def stored_event(appointment: Appointment, organizer_email: str | None, organizer_name: str | None,
                 tz: ZoneInfo, *, now: datetime | None = None) -> Calendar:
    """The invitation's event as a calendar object for a supervisor's own CalDAV calendar.

    No METHOD (RFC 4791 4.1 forbids it in stored objects) and SCHEDULE-AGENT=CLIENT on ORGANIZER
    and ATTENDEE, so that a scheduling server sends no invitations of its own. Without an organizer
    the event is a plain appointment, with no ORGANIZER or ATTENDEE at all.
    """
    cal = build_invitation(appointment, organizer_email or "", organizer_name or "", tz, now=now)
    del cal["METHOD"]
    event = cal.events[0]
    if not organizer_email:
        event.pop("ORGANIZER", None)
        event.pop("ATTENDEE", None)
        return cal
    people = event.get("ATTENDEE", [])
    for address in [event["ORGANIZER"], *(people if isinstance(people, list) else [people])]:
        address.params["SCHEDULE-AGENT"] = "CLIENT"
    return cal


def invitation_parts(calendar: Calendar) -> tuple[str, bytes]:
    """(METHOD, the iCalendar bytes with CRLF line ends) of a calendar from ``build_invitation``."""
    method = str(calendar.get("METHOD", "")).strip().upper()
    if not method:
        raise ValueError("the calendar has no METHOD: an iMIP message needs one (build_invitation sets it)")
    return method, calendar.to_ical()


def attach_invitation(msg: EmailMessage, calendar: Calendar) -> None:
    """Make ``msg`` an iMIP message, keeping its text and attachments.

    multipart/mixed
      multipart/alternative
        text/plain                                  (the message's text)
        text/html                                   (its HTML, or the text as HTML)
        text/calendar; method=REQUEST; charset=UTF-8
      application/ics; invite.ics                   (attachment)
      … the message's other attachments

    Called again with another calendar, the earlier invitation parts are replaced.
    """
    method, ics = invitation_parts(calendar)
    plain, rich = _body(msg, "plain"), _body(msg, "html")
    kept = [p for p in msg.iter_attachments() if not _is_invitation(p)] if msg.is_multipart() else []
    if plain is None:
        plain = ""  # an HTML-only message: its HTML part still carries the text
    if rich is None:
        rich = _as_html(plain)
    msg.clear_content()
    msg.set_content(plain)
    msg.add_alternative(rich, subtype="html")
    # no Content-Disposition: clients offer accept/decline for the inline alternative
    msg.add_alternative(ics, maintype="text", subtype="calendar", cte="base64",
                        params={"method": method, "charset": "UTF-8"})
    msg.add_attachment(ics, maintype="application", subtype="ics", filename=ATTACHMENT_NAME)
    for other in kept:
        msg.attach(other)


def _place(a: Appointment, t: dict[str, str]) -> str:
    if a.mode == "remote":
        return a.remote_link or t["remote"]
    return a.location or t["onsite"]


def _description(a: Appointment, t: dict[str, str], service: str, place: str) -> str:
    lines = [t["cancelled_note"], ""] if a.cancelled else []
    lines += [
        service,
        f"{t['supervisor']}: {a.supervisor_name}",
        f"{t['client']}: {a.client_name}",
        f"{t['place']}: {place}",
        f"{t['reference']}: {a.reference}",
    ]
    if not a.cancelled:
        lines += ["", t["reply_note"].format(ref=a.reference)]
    return "\n".join(lines)


def _bare(address: str) -> str:
    """'Ajanvaraus <ajanvaraus@example.fi>' → 'ajanvaraus@example.fi'."""
    return (parseaddr(address)[1] or address).strip().lower()


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        # a double quote cannot stand in a parameter, and a backslash ending one breaks readers
        address.params["CN"] = name.replace('"', "'").replace("\\", "/")
    return address


def _body(msg: EmailMessage, subtype: str) -> str | None:
    part = msg.get_body(preferencelist=(subtype,))
    return part.get_content() if part is not None else None


def _is_invitation(part: EmailMessage) -> bool:
    return part.get_content_type() in ("text/calendar", "application/ics") or \
        part.get_filename() == ATTACHMENT_NAME


def _as_html(text: str) -> str:
    paragraphs = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'
