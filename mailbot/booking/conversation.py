"""The conversation with one client: request → proposal → confirmation → booking, and the rest.

``Conversations.handle`` acts on one stored inbound message inside the caller's transaction: it
reads it, decides, and records everything it decides (holds, bookings, replies queued in the
outbox, review items) in that same transaction. Nothing is sent from here, so a crash before the
commit leaves nothing done, and a rerun does it once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from mailbot.booking.slots import Proposal, SlotFinder, request_from_parse
from mailbot.calendars.base import Appointment, CalendarError, CalendarSource
from mailbot.config import Settings
from mailbot.mail.calendar import CalendarReply
from mailbot.mail.message import InboundMessage, MachineKind
from mailbot.store import repo
from mailbot.store.errors import SlotTaken
from mailbot.store.models import Booking, Conversation, Hold, Message
from mailbot.understand import understand
from mailbot.understand.result import Option, ParseResult

log = logging.getLogger(__name__)
HOLD_ATTEMPTS = 5  # searches when parallel workers keep taking the same free times
REFERENCE_RX = re.compile(r"\bAV-[2-9A-HJ-NP-Z]{4}\b", re.IGNORECASE)
MESSAGE_ID_RX = re.compile(rb"^message-id:\s*(<[^>\s]+>)", re.IGNORECASE | re.MULTILINE)


class Composer(Protocol):
    """Renders a reply and returns its fixed Message-ID and bytes (``outbox`` implements it)."""

    def __call__(self, kind: str, *, conversation: Conversation, to: str, to_name: str | None,
                 in_reply_to: str | None, references: list[str], context: dict[str, Any],
                 appointment: Appointment | None = None) -> tuple[str, bytes]: ...


@dataclass
class Outcome:
    action: str
    conversation_id: int | None = None
    queued: list[str] = field(default_factory=list)  # Message-IDs of replies queued
    review: list[str] = field(default_factory=list)


class Conversations:
    def __init__(self, settings: Settings, calendars: Mapping[str, CalendarSource], compose: Composer, *,
                 own_addresses: set[str], max_replies_per_day: int = 5,
                 parse: Callable[..., ParseResult] = understand) -> None:
        self.settings = settings
        self.calendars = calendars
        self.compose = compose
        self.own = {a.lower() for a in own_addresses}
        self.max_replies_per_day = max_replies_per_day
        self.parse = parse
        self.tz = ZoneInfo(settings.booking.timezone)
        self.supervisors = {s.id: s for s in settings.supervisors}

    # --- the entry point ----------------------------------------------------------------------
    def handle(self, s: Session, row: Message, msg: InboundMessage, now: datetime) -> Outcome:
        sender = msg.sender.addr if msg.sender else ""
        if msg.machine is MachineKind.BOUNCE:
            return self._bounce(s, row, now)
        if msg.calendar is not None:
            return self._calendar_answer(s, row, msg, msg.calendar, now)
        if not sender:  # no one to answer, but a person should see what came
            repo.open_review_item(s, "message has no sender address", message_id=row.id)
            return self._done(s, row, "review: no sender", review=["message has no sender address"])
        if _plain(sender) in self.own:
            return self._done(s, row, "ignored: our own address")
        if msg.machine is not None or msg.headers.get("list-id") or msg.headers.get("list-unsubscribe"):
            return self._done(s, row, "ignored: machine mail")
        conv = self._conversation(s, msg, sender)
        row.conversation_id = conv.id
        holds = repo.live_holds(s, conv.id)
        # the times last offered, also when their holds ran out: "kakkonen sopii" three days later still names one
        offered = holds or (repo.last_offered(s, conv.id) if conv.state in ("proposed", "rescheduling") else [])
        options = [Option(h.option_number, h.start, h.end, h.supervisor_id) for h in offered] or None
        parsed = self.parse(msg, now=now, options=options)
        conv.language, conv.parsed, conv.updated_at = parsed.language, parsed.to_dict(), now
        if parsed.intent in ("auto_reply", "other"):
            return self._done(s, row, f"ignored: {parsed.intent}", conv)
        if self._replies_today(s, sender, now) >= self.max_replies_per_day:
            return self._review(s, row, conv, ["loop guard: too many automatic replies to this address today"],
                                msg, acknowledge=False)
        if parsed.needs_review:
            return self._review(s, row, conv, parsed.reasons or ["needs review"], msg)
        if conv.state == "booked" and parsed.intent == "request" and not parsed.windows and not parsed.service \
                and not _asks(msg, parsed.language):
            return self._done(s, row, "noted: a message after the booking that asks for nothing", conv)
        handler = {"request": self._request, "decline": self._request, "reschedule": self._reschedule,
                   "confirm": self._confirm, "cancel": self._cancel}.get(parsed.intent)
        if handler is None:
            return self._review(s, row, conv, [f"{parsed.intent} for staff"], msg)
        return handler(s, row, conv, msg, parsed, offered if parsed.intent == "confirm" else holds, now)

    # --- intents ------------------------------------------------------------------------------
    def _request(self, s: Session, row: Message, conv: Conversation, msg: InboundMessage, parsed: ParseResult,
                 holds: list[Hold], now: datetime, kind: str = "proposal") -> Outcome:
        repo.release_holds(s, [h.id for h in holds], at=now)
        finder = SlotFinder(self.settings, self.calendars, partial(repo.taken, s))
        expires = now + timedelta(hours=self.settings.booking.hold_hours)
        for _attempt in range(HOLD_ATTEMPTS):
            report = finder.find(request_from_parse(parsed), now)
            if not report.proposals:
                why = "no free slot in the client's windows" if parsed.windows else "no free slot"
                if report.unavailable:
                    why += " (calendars not readable: " + ", ".join(sorted(report.unavailable)) + ")"
                return self._review(s, row, conv, [why], msg)
            try:
                repo.add_holds(s, conv.id, [p.slots for p in report.proposals], expires)
                break
            except SlotTaken:  # another worker held one a moment ago; its holds now count as taken
                continue
        else:
            return self._review(s, row, conv, ["proposed times were taken while proposing"], msg)
        conv.state = "rescheduling" if kind == "reschedule" or conv.state == "rescheduling" else "proposed"
        context = {"options": [self._option(n, p, parsed) for n, p in enumerate(report.proposals, 1)],
                   "hold_hours": self.settings.booking.hold_hours}
        return self._reply(s, row, conv, msg, kind, context, "proposed")

    def _reschedule(self, s: Session, row: Message, conv: Conversation, msg: InboundMessage,
                    parsed: ParseResult, holds: list[Hold], now: datetime) -> Outcome:
        if repo.active_booking(s, conv.id) is None:
            return self._review(s, row, conv, ["reschedule without a booking"], msg)
        conv.state = "rescheduling"
        return self._request(s, row, conv, msg, parsed, holds, now, kind="reschedule")

    def _confirm(self, s: Session, row: Message, conv: Conversation, msg: InboundMessage, parsed: ParseResult,
                 holds: list[Hold], now: datetime) -> Outcome:
        chosen = [h for h in holds if h.option_number == parsed.choice]
        if not chosen:
            return self._review(s, row, conv, ["confirmation without a matching option"], msg)
        old = repo.active_booking(s, conv.id) if conv.state == "rescheduling" else None
        lapsed = any(h.expires_at <= now or h.released_at is not None for h in chosen)
        # a time whose hold ran out is still booked if nobody has taken it since (the database refuses an
        # overlap, below) and the supervisor's calendar is still free then; otherwise an apology with fresh times
        if lapsed and (old is not None or not self._calendar_free(chosen)):
            return self._request(s, row, conv, msg, parsed, holds, now, kind="hold_expired")
        bookings: list[Booking] = []
        try:
            if old is not None:  # moving keeps the UID; the invitation's SEQUENCE grows
                repo.release_holds(s, [h.id for h in chosen], at=now)
                bookings = [repo.move_booking(s, old, chosen[0])]
            else:
                bookings = [repo.confirm_booking(s, h.id, at=now) for h in chosen]
        except SlotTaken:
            return self._request(s, row, conv, msg, parsed, holds, now, kind="hold_expired")
        repo.release_holds(s, [h.id for h in holds if h not in chosen], at=now)
        conv.state = "booked"
        appointments = [self.appointment(conv, b) for b in bookings]
        for a in appointments:
            self._write_calendar("add", a)
        out = self._reply(s, row, conv, msg, "confirmation",
                          {"sessions": [self.slot_context(a) for a in appointments], "moved": old is not None},
                          "booked", appointment=appointments[0])
        # an iTIP message carries one UID: each later session of a series gets its own invitation
        for a in appointments[1:]:
            out.queued.append(self._queue(s, conv, msg, "confirmation",
                                          {"sessions": [self.slot_context(a)], "moved": False}, a))
        return out

    def _calendar_free(self, holds: list[Hold]) -> bool:
        """Whether the supervisors' calendars are still free at the held times (read again, not cached)."""
        for h in holds:
            calendar = self.calendars.get(h.supervisor_id)
            try:
                if calendar is not None and calendar.busy(h.start, h.end):
                    return False
            except CalendarError:  # not readable now: offer fresh times, which the slot search reports on
                log.warning("calendar of %s not readable to confirm a lapsed hold", h.supervisor_id)
                return False
        return True

    def _cancel(self, s: Session, row: Message, conv: Conversation, msg: InboundMessage, parsed: ParseResult,
                holds: list[Hold], now: datetime) -> Outcome:
        repo.release_holds(s, [h.id for h in holds], at=now)
        booking = repo.active_booking(s, conv.id)
        if booking is None:
            return self._review(s, row, conv, ["cancellation without a booking"], msg)
        booking = repo.cancel_booking(s, booking.id, at=now)
        conv.state = "cancelled"
        appointment = self.appointment(conv, booking)
        self._write_calendar("remove", appointment)
        return self._reply(s, row, conv, msg, "cancellation", {"sessions": [self.slot_context(appointment)]},
                           "cancelled", appointment=appointment)

    # --- machine mail -------------------------------------------------------------------------
    def _bounce(self, s: Session, row: Message, now: datetime) -> Outcome:
        """A delivery failure of one of our replies: free its holds and show staff."""
        raw = row.raw or b""
        ours = [m.decode("ascii", "replace") for m in MESSAGE_ID_RX.findall(raw)][1:]
        conv = next((c for m in ours if (c := repo.conversation_by_message_id(s, m)) is not None), None)
        if conv is None:
            return self._done(s, row, "ignored: bounce of unknown mail")
        repo.release_holds(s, [h.id for h in repo.live_holds(s, conv.id)], at=now)
        row.conversation_id = conv.id
        repo.open_review_item(s, "reply bounced", conversation_id=conv.id, message_id=row.id, now=now)
        return self._done(s, row, "bounce: holds released", conv, review=["reply bounced"])

    def _calendar_answer(self, s: Session, row: Message, msg: InboundMessage, answer: CalendarReply,
                         now: datetime) -> Outcome:
        """Accept / Tentative / Decline / Propose new time pressed in a calendar, matched to the booking by
        the invitation's UID (calendar clients send no thread headers): Accept and Tentative update the
        booking and answer nothing; Decline and anything odd go to staff; a new time proposed is a
        reschedule to that time."""
        booking = repo.booking_by_uid(s, answer.uid) if answer.uid else None
        if booking is None:
            conv = self._conversation(s, msg, msg.sender.addr) if msg.sender else None
            why = ("a calendar answer that could not be read" if not answer.readable
                   else "a calendar answer to no invitation of ours")
            repo.open_review_item(s, why, conversation_id=conv.id if conv else None, message_id=row.id, now=now)
            if conv is not None:
                row.conversation_id = conv.id
            return self._done(s, row, f"review: {why}", conv, review=[why])
        row.conversation_id = booking.conversation_id
        conv = s.get(Conversation, booking.conversation_id)
        assert conv is not None
        sender = _plain(msg.sender.addr) if msg.sender else ""
        attendee = _plain(answer.attendee or sender)
        problems = []
        if attendee not in (conv.client_email, sender) or (answer.forwarded and sender != conv.client_email
                                                            and attendee != conv.client_email):
            problems.append("a calendar answer from someone the invitation was not sent to")
        if booking.state != "confirmed":
            problems.append(f"a calendar answer ({answer.method.lower()}) to a cancelled booking")
        if problems:
            return self._calendar_review(s, row, conv, problems, now)
        if answer.sequence < booking.sequence:  # Accept pressed on an older version of the invitation
            return self._done(s, row, f"noted: calendar answer to an older invitation ({answer.partstat})", conv)
        if answer.method == "REPLY":
            booking.attendee_status = answer.partstat
            if answer.partstat == "DECLINED":
                return self._calendar_review(s, row, conv, ["invitation declined in the calendar"], now)
            return self._done(s, row, f"calendar reply: {answer.partstat}", conv)
        if answer.method == "COUNTER" and answer.start is not None and answer.end is not None:
            parsed = ParseResult("reschedule", conv.language or "fi", windows=[(answer.start, answer.end)])
            for key in ("service", "mode", "location", "participants"):
                setattr(parsed, key, (conv.parsed or {}).get(key))
            return self._reschedule(s, row, conv, msg, parsed, repo.live_holds(s, conv.id), now)
        if answer.method == "REFRESH":  # the client's calendar lost the event: the current invitation again
            a = self.appointment(conv, booking)
            return self._reply(s, row, conv, msg, "confirmation", {"sessions": [self.slot_context(a)], "moved": False},
                               "booked", appointment=a)
        why = ("a new time proposed in the calendar, with no time we can read" if answer.method == "COUNTER"
               else f"a calendar message we do not act on ({answer.method})")
        return self._calendar_review(s, row, conv, [why], now)

    def _calendar_review(self, s: Session, row: Message, conv: Conversation, reasons: list[str],
                         now: datetime) -> Outcome:
        for reason in reasons:
            repo.open_review_item(s, reason, conversation_id=conv.id, message_id=row.id, now=now)
        return self._done(s, row, "review: calendar answer", conv, review=reasons)

    # --- helpers ------------------------------------------------------------------------------
    def _conversation(self, s: Session, msg: InboundMessage, sender: str) -> Conversation:
        for mid in [msg.in_reply_to, *reversed(msg.references)]:
            if mid and (conv := repo.conversation_by_message_id(s, mid)) is not None:
                return conv
        for text in [msg.subject, *(a.addr for a in msg.recipients)]:
            m = REFERENCE_RX.search(text or "")
            if m and (conv := repo.conversation_by_reference(s, m.group().upper())) is not None \
                    and conv.client_email == _plain(sender):
                return conv
        return repo.create_conversation(s, client_email=_plain(sender),
                                        client_name=msg.sender.name if msg.sender else None)

    def _review(self, s: Session, row: Message, conv: Conversation, reasons: list[str], msg: InboundMessage,
                *, acknowledge: bool = True) -> Outcome:
        for reason in reasons:
            repo.open_review_item(s, reason, conversation_id=conv.id, message_id=row.id)
        conv.state = "review"
        if acknowledge:
            out = self._reply(s, row, conv, msg, "acknowledgement", {}, "review")
            out.review = reasons
            return out
        return self._done(s, row, "review", conv, review=reasons)

    def _reply(self, s: Session, row: Message, conv: Conversation, msg: InboundMessage, kind: str,
               context: dict[str, Any], action: str, appointment: Appointment | None = None) -> Outcome:
        message_id = self._queue(s, conv, msg, kind, context, appointment)
        out = self._done(s, row, action, conv)
        out.queued.append(message_id)
        return out

    def _queue(self, s: Session, conv: Conversation, msg: InboundMessage, kind: str, context: dict[str, Any],
               appointment: Appointment | None) -> str:
        refs = [*msg.references, *([msg.message_id] if msg.message_id else [])]
        message_id, raw = self.compose(kind, conversation=conv, to=conv.client_email,
                                       to_name=conv.client_name, in_reply_to=msg.message_id, references=refs,
                                       context=context, appointment=appointment)
        repo.queue_outbox(s, message_id=message_id, to_addr=conv.client_email, raw=raw, conversation_id=conv.id)
        return message_id

    def _done(self, s: Session, row: Message, action: str, conv: Conversation | None = None,
              review: list[str] | None = None) -> Outcome:
        repo.mark_processed(s, row.id, state=action.split(":")[0])
        log.info("message %s: %s (conversation %s)", row.message_id, action, conv.reference if conv else "-")
        return Outcome(action, conv.id if conv else None, review=review or [])

    def _replies_today(self, s: Session, address: str, now: datetime) -> int:
        """Messages from this address answered automatically in the last day (a series' several
        invitations are one answer)."""
        return repo.answered_since(s, address, now - timedelta(days=1))

    def _option(self, n: int, p: Proposal, parsed: ParseResult) -> dict[str, Any]:
        sup = self.supervisors[p.first.supervisor_id]
        mode = parsed.mode or ("remote" if "remote" in sup.modes else "onsite")
        location = (parsed.location or (sup.locations[0] if sup.locations else None)) if mode == "onsite" else None
        return {"n": n, "start": p.first.start, "end": p.first.end, "supervisor": sup.name,
                "mode": mode, "location": location,
                "following": [{"start": x.start, "end": x.end} for x in p.following]}

    def appointment(self, conv: Conversation, b: Booking) -> Appointment:
        sup = self.supervisors.get(b.supervisor_id)
        parsed = conv.parsed or {}
        return Appointment(uid=b.ical_uid, sequence=b.sequence, start=b.start, end=b.end, reference=conv.reference,
                           service=parsed.get("service") or "individual", mode=parsed.get("mode") or "remote",
                           language=conv.language, supervisor_id=b.supervisor_id,
                           supervisor_name=sup.name if sup else b.supervisor_id,
                           supervisor_email=sup.email if sup else "", client_name=conv.client_name or "",
                           client_email=conv.client_email, location=parsed.get("location"),
                           cancelled=b.state == "cancelled")

    def slot_context(self, a: Appointment) -> dict[str, Any]:
        return {"start": a.start, "end": a.end, "supervisor": a.supervisor_name, "mode": a.mode,
                "location": a.location}

    def _write_calendar(self, how: str, a: Appointment) -> None:
        cal = self.calendars.get(a.supervisor_id)
        if cal is None:
            return
        try:
            getattr(cal, how)(a)
        except CalendarError as exc:  # the booking stands; the calendar can be fixed by hand
            log.warning("calendar %s of booking %s failed: %s", how, a.uid, exc)


def _asks(msg: InboundMessage, language: str) -> bool:
    """Whether a short note after a booking ("Kiitos, nähdään!") asks for anything at all."""
    from mailbot.understand.lexicon import compile_alternation, load

    lex = load(language)
    text = msg.own_text.lower()
    return "?" in text or bool(compile_alternation(tuple(lex.INTENT["request"])).search(text))


def _plain(address: str) -> str:
    return re.sub(r"\+[^@]*@", "@", address.strip().lower())


