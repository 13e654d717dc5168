"""Calendar answers to our invitations (iMIP, RFC 6047), read after MIME decoding.

Outlook sends its Accept as base64 text/calendar inside multipart/alternative, Gmail adds an
``invite.ics`` (application/ics), Apple Mail puts the calendar only in an ``.ics`` attachment, Thunderbird
may send a single text/calendar part, an assistant may forward the answer; none of them needs to
carry In-Reply-To. What matters is the calendar itself: its METHOD, the event's UID and SEQUENCE, the
attendee's PARTSTAT and, for a counter-proposal, the time proposed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# What an attendee sends back to the organizer (RFC 5546 §3.2). REQUEST, CANCEL, PUBLISH and ADD come
# from an organizer: someone inviting us, which is ordinary mail to read.
ATTENDEE_METHODS = frozenset({"REPLY", "COUNTER", "REFRESH", "DECLINECOUNTER"})
_METHOD = re.compile(rb"(?im)^METHOD:\s*([A-Z-]+)")


@dataclass(frozen=True)
class CalendarReply:
    method: str  # REPLY, COUNTER, REFRESH or DECLINECOUNTER
    uid: str | None  # the event's UID: which booking it answers
    sequence: int  # the version of the invitation answered
    partstat: str  # ACCEPTED, TENTATIVE, DECLINED, DELEGATED, NEEDS-ACTION
    attendee: str | None  # the answering attendee's address, lower-case
    start: datetime | None = None  # COUNTER: the time proposed instead
    end: datetime | None = None
    comment: str = ""
    forwarded: bool = False  # found inside a forwarded message, not in the mail itself
    readable: bool = True  # False: a calendar answer whose content could not be read


def read_reply(data: bytes, *, forwarded: bool = False) -> CalendarReply | None:
    """The attendee's answer in one calendar object, or None when it is no such answer."""
    from icalendar import Calendar  # imported when a calendar part is met, not for every message

    found = _METHOD.search(data)
    try:
        cal = Calendar.from_ical(data)
    except Exception:  # noqa: BLE001 - icalendar raises several kinds on bad input
        if found and found.group(1).decode().upper() in ATTENDEE_METHODS:
            return CalendarReply(found.group(1).decode().upper(), None, 0, "NEEDS-ACTION", None,
                                 forwarded=forwarded, readable=False)
        return None
    method = str(cal.get("METHOD", "")).strip().upper()
    if method not in ATTENDEE_METHODS:
        return None
    events = list(cal.walk("VEVENT"))
    if not events:
        return CalendarReply(method, None, 0, "NEEDS-ACTION", None, forwarded=forwarded, readable=False)
    ev = events[0]
    attendees = ev.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees] if attendees is not None else []
    answering = next((a for a in attendees if str(a.params.get("PARTSTAT", "")).upper() not in ("", "NEEDS-ACTION")),
                     attendees[0] if attendees else None)
    partstat = "NEEDS-ACTION"
    if answering is not None:
        partstat = str(answering.params.get("PARTSTAT", "NEEDS-ACTION")).upper()
    address = re.sub(r"(?i)^mailto:", "", str(answering)).strip().lower() if answering is not None else None
    try:
        sequence = int(str(ev.get("SEQUENCE", 0)))
    except ValueError:
        sequence = 0
    start, end = _when(ev) if method == "COUNTER" else (None, None)
    uid = str(ev.get("UID")).strip() if ev.get("UID") is not None else None
    return CalendarReply(method, uid or None, sequence, partstat, address or None, start, end,
                         str(ev.get("COMMENT", "") or "").strip(), forwarded)


def _when(ev: object) -> tuple[datetime | None, datetime | None]:
    try:
        start = ev.decoded("DTSTART")  # type: ignore[attr-defined]
    except (KeyError, ValueError):
        return None, None
    if not isinstance(start, datetime) or start.tzinfo is None:  # a date, or a floating time: no instant
        return None, None
    try:
        end = ev.decoded("DTEND")  # type: ignore[attr-defined]
    except (KeyError, ValueError):
        try:
            end = start + ev.decoded("DURATION")  # type: ignore[attr-defined]
        except (KeyError, ValueError, TypeError):
            end = start + timedelta(hours=1)
    if isinstance(end, date) and not isinstance(end, datetime):
        return start, start + timedelta(hours=1)
    return start, end
