"""The conversation state machine on a real SQLite store: request → proposal → confirm → booking,
decline, reschedule, cancel, bounces, calendar replies, review and the loop guard."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import make_msgid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from mailbot.booking.conversation import Conversations
from mailbot.calendars.base import Appointment
from mailbot.config import Settings
from mailbot.mail import read_message
from mailbot.store import open_database, repo
from mailbot.store.models import Booking, Conversation, Hold, OutboxItem, ReviewItem

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)  # Monday


class Recorder:
    """Stands in for the outbox's renderer: records what would be sent."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any], Appointment | None]] = []

    def __call__(self, kind: str, *, conversation: Conversation, to: str, to_name: str | None,
                 in_reply_to: str | None, references: list[str], context: dict[str, Any],
                 appointment: Appointment | None = None) -> tuple[str, bytes]:
        self.sent.append((kind, context, appointment))
        mid = make_msgid(domain="example.fi")
        return mid, f"Message-ID: {mid}\r\nSubject: {kind} [{conversation.reference}]\r\n\r\n{kind}\r\n".encode()


def settings() -> Settings:
    return Settings.model_validate({
        "booking": {"min_notice_hours": 24, "horizon_days": 42, "options_per_proposal": 3, "hold_hours": 48},
        "services": {"individual": {"duration_minutes": 60}, "group": {"duration_minutes": 90},
                     "leader": {"duration_minutes": 60}},
        "supervisors": [{"id": "aino", "name": "Aino Virtanen", "email": "aino@example.fi",
                         "services": ["individual", "leader", "group"], "languages": ["fi", "sv", "en"],
                         "working_hours": {d: "08:00-16:00" for d in ("mon", "tue", "wed", "thu", "fri")}}],
    })


@pytest.fixture
def world(tmp_path: Path) -> Any:
    db = database = open_database(f"sqlite:///{tmp_path / 'm.db'}")
    rec = Recorder()
    conv = Conversations(settings(), {}, rec, own_addresses={"ajanvaraus@example.fi"}, max_replies_per_day=5)

    class World:
        recorder = rec
        db = database
        conversations = conv

        def receive(self, body: str, *, subject: str = "Työnohjaus", in_reply_to: str | None = None,
                    sender: str = "laura@client.example", now: datetime = NOW, extra: str = "") -> Any:
            mid = make_msgid(domain="client.example")
            head = f"From: Laura <{sender}>\r\nTo: ajanvaraus@example.fi\r\nSubject: {subject}\r\n"
            head += f"Date: {now.strftime('%a, %d %b %Y %H:%M:%S %z')}\r\nMessage-ID: {mid}\r\n"
            if in_reply_to:
                head += f"In-Reply-To: {in_reply_to}\r\nReferences: {in_reply_to}\r\n"
            raw = (head + extra + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n").encode()
            with db.transaction() as s:
                row, _ = repo.store_inbound(s, raw, uidvalidity=1, uid=abs(hash(mid)) % 10**9, message_id=mid,
                                            sender=sender, subject=subject)
                return conv.handle(s, row, read_message(raw), now)

        def receive_raw(self, raw: bytes, now: datetime = NOW) -> Any:
            msg = read_message(raw)
            with db.transaction() as s:
                row, _ = repo.store_inbound(s, raw, uidvalidity=1, uid=abs(hash(raw)) % 10**9,
                                            message_id=msg.message_id, sender=msg.sender.addr if msg.sender else "",
                                            subject=msg.subject)
                return conv.handle(s, row, msg, now)

        def book(self, *, uid: str | None = None, client: str | None = None, sequence: int = 0) -> Booking:
            """A confirmed booking; its UID and client changed to match a real calendar answer."""
            out = self.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
            self.receive("Ykkönen sopii", in_reply_to=out.queued[0])
            with db.transaction() as s:
                booking = s.scalars(select(Booking)).one()
                if uid is not None:
                    booking.ical_uid = uid
                if client is not None:
                    s.get(Conversation, booking.conversation_id).client_email = client
                booking.sequence = sequence
                s.flush()
                s.expunge(booking)
                return booking

        def remind(self, now: datetime) -> int:
            from mailbot.booking.reminders import queue_reminders

            with db.transaction() as s:
                return queue_reminders(s, conv, now, 24)

        def scalars(self, stmt: Any) -> list[Any]:
            with db.transaction() as s:
                return list(s.scalars(stmt))

    return World()


def test_request_proposal_confirm_cancel(world: Any) -> None:
    out = world.receive("Hei, haluaisin varata yksilötyönohjausta etänä. Ensi viikolla tiistaina iltapäivällä.")
    assert out.action == "proposed" and len(out.queued) == 1
    kind, ctx, _ = world.recorder.sent[-1]
    assert kind == "proposal" and ctx["options"][0]["start"] == datetime(2026, 12, 1, 12, 0, tzinfo=TZ)
    holds = world.scalars(select(Hold).where(Hold.released_at.is_(None)))
    assert [h.option_number for h in holds] == [1, 2, 3]  # three times in the one afternoon named

    out = world.receive("Ykkönen sopii!", subject="Re: Työnohjausaika", in_reply_to=out.queued[0])
    assert out.action == "booked"
    kind, ctx, appt = world.recorder.sent[-1]
    assert kind == "confirmation" and appt is not None and appt.sequence == 0
    (booking,) = world.scalars(select(Booking))
    assert booking.state == "confirmed" and booking.start == datetime(2026, 12, 1, 12, 0, tzinfo=TZ)
    assert world.scalars(select(Hold).where(Hold.released_at.is_(None))) == []

    out = world.receive("Joudun valitettavasti perumaan ajan.", subject="Re: Vahvistus", in_reply_to=out.queued[0])
    assert out.action == "cancelled"
    kind, _, appt = world.recorder.sent[-1]
    assert kind == "cancellation" and appt is not None and appt.cancelled and appt.sequence == 1
    assert world.scalars(select(Booking))[0].state == "cancelled"


def test_reschedule_moves_the_booking_with_the_same_uid_and_a_higher_sequence(world: Any) -> None:
    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    out = world.receive("Ykkönen sopii", in_reply_to=out.queued[0])
    (before,) = world.scalars(select(Booking))
    out = world.receive("Voisinko siirtää aikaa? Torstaina 3.12. aamupäivällä sopisi.", in_reply_to=out.queued[0])
    assert out.action == "proposed" and world.recorder.sent[-1][0] == "reschedule"
    out = world.receive("Ykkönen käy.", in_reply_to=out.queued[0])
    assert out.action == "booked"
    (after,) = world.scalars(select(Booking))
    assert after.ical_uid == before.ical_uid and after.sequence == 1
    assert after.start.astimezone(TZ).date().isoformat() == "2026-12-03"
    assert world.recorder.sent[-1][2].sequence == 1


def test_decline_with_new_windows_gets_a_new_proposal(world: Any) -> None:
    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    out = world.receive("Valitettavasti mikään ei käy. Torstaina 3.12. aamupäivällä pääsisin.", in_reply_to=out.queued[0])
    assert out.action == "proposed"
    live = world.scalars(select(Hold).where(Hold.released_at.is_(None)))
    assert {h.start.astimezone(TZ).date().isoformat() for h in live} == {"2026-12-03"}


def test_an_expired_hold_whose_time_another_client_took_gets_an_apology_with_fresh_options(world: Any) -> None:
    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    later = NOW + timedelta(hours=49)
    with world.db.transaction() as s:  # the job released the holds; another client booked option 1's time since
        repo.release_expired_holds(s, now=later)
        first = s.scalars(select(Hold).where(Hold.option_number == 1)).one()
        other = repo.create_conversation(s, client_email="other@client.example")
        repo.book(s, other.id, first)
    out = world.receive("Ykkönen sopii", in_reply_to=out.queued[0], now=later)
    assert world.recorder.sent[-1][0] == "hold_expired" and out.action == "proposed"
    assert len(world.scalars(select(Booking))) == 1  # the other client's only


def test_an_expired_hold_whose_time_the_calendar_now_has_busy_gets_fresh_options(world: Any) -> None:
    from mailbot.calendars.base import CalendarSource, Interval

    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    (first,) = world.scalars(select(Hold).where(Hold.option_number == 1))

    class Busy(CalendarSource):  # the supervisor put something in her calendar at that time meanwhile
        def busy(self, start: datetime, end: datetime) -> list[Interval]:
            return [Interval(first.start, first.end)] if start < first.end and first.start < end else []

    world.conversations.calendars = {first.supervisor_id: Busy()}
    out = world.receive("Ykkönen sopii", in_reply_to=out.queued[0], now=NOW + timedelta(hours=49))
    assert world.recorder.sent[-1][0] == "hold_expired" and out.action == "proposed"
    assert world.scalars(select(Booking)) == []


@pytest.mark.parametrize("released", [False, True], ids=["expired", "released by the job"])
def test_an_expired_hold_whose_time_is_still_free_is_booked(world: Any, released: bool) -> None:
    """"Kakkonen sopii" three days later: nobody took the time meanwhile, so it is booked, not offered anew."""
    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    later = NOW + timedelta(hours=72)
    if released:
        with world.db.transaction() as s:
            repo.release_expired_holds(s, now=later)
    out = world.receive("Kakkonen sopii", in_reply_to=out.queued[0], now=later)
    assert out.action == "booked" and world.recorder.sent[-1][0] == "confirmation"
    (booking,) = world.scalars(select(Booking))
    (second,) = world.scalars(select(Hold).where(Hold.option_number == 2))
    assert (booking.start, booking.hold_id) == (second.start, second.id)


def test_questions_go_to_review_with_an_acknowledgement(world: Any) -> None:
    out = world.receive("Mitä yksilötyönohjaus maksaa ja miten se laskutetaan?")
    assert out.action == "review" and world.recorder.sent[-1][0] == "acknowledgement"
    (item,) = world.scalars(select(ReviewItem))
    assert item.reason == "question for staff"


def test_no_free_slot_goes_to_review(world: Any) -> None:
    out = world.receive("Haluaisin ajan lauantaina.")
    assert out.action == "review" and "no free slot" in out.review[0]


def test_machine_mail_and_our_own_address_get_no_reply(world: Any) -> None:
    n = len(world.recorder.sent)
    assert world.receive("Olen lomalla.", extra="Auto-Submitted: auto-replied\r\n").action.startswith("ignored")
    assert world.receive("Hei", sender="ajanvaraus@example.fi").action.startswith("ignored")
    assert len(world.recorder.sent) == n


def test_loop_guard_stops_replies_to_one_address(world: Any) -> None:
    for _ in range(5):
        world.receive("Mitä työnohjaus maksaa?")
    out = world.receive("Mitä työnohjaus maksaa?")
    assert out.queued == [] and "loop guard" in out.review[0]
    assert len(world.scalars(select(OutboxItem))) == 5


def test_a_bounce_of_our_reply_releases_holds_for_staff(world: Any) -> None:
    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    ours = out.queued[0]
    dsn = ("--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
           "Final-Recipient: rfc822; laura@client.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--b\r\n"
           f"Content-Type: message/rfc822\r\n\r\nMessage-ID: {ours}\r\nSubject: x\r\n\r\nbody\r\n--b--\r\n")
    raw_extra = "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n"
    out = world.receive(dsn, sender="mailer-daemon@mx.example", extra=raw_extra, subject="Undelivered Mail")
    assert out.action.startswith("bounce") and out.review == ["reply bounced"]
    assert world.scalars(select(Hold).where(Hold.released_at.is_(None))) == []


def test_a_reminder_goes_out_once_the_day_before(world: Any) -> None:
    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    world.receive("Ykkönen sopii", in_reply_to=out.queued[0])
    (booking,) = world.scalars(select(Booking))
    day_before = booking.start - timedelta(hours=20)
    assert world.remind(NOW) == 0  # a week ahead: not yet
    assert world.remind(day_before) == 1
    assert world.remind(day_before + timedelta(hours=1)) == 0  # once, however often the job runs
    assert world.recorder.sent[-1][0] == "reminder"


@pytest.mark.parametrize(("partstat", "review"), [("ACCEPTED", []), ("DECLINED", ["invitation declined in the calendar"])])
def test_a_calendar_reply_updates_the_booking_and_gets_no_answer(world: Any, partstat: str, review: list[str]) -> None:
    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    world.receive("Ykkönen sopii", in_reply_to=out.queued[0])
    (booking,) = world.scalars(select(Booking))
    sent = len(world.recorder.sent)
    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Outlook//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
           f"UID:{booking.ical_uid}\r\nDTSTAMP:20261124T100000Z\r\nSEQUENCE:0\r\n"
           f"ATTENDEE;PARTSTAT={partstat}:mailto:laura@client.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    body = ("--c\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAccepted\r\n--c\r\n"
            "Content-Type: text/calendar; method=REPLY; charset=utf-8\r\n\r\n" + ics + "--c--\r\n")
    out = world.receive(body, subject=f"{partstat.title()}: Työnohjaus",
                        extra="MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=c\r\n")
    assert out.queued == [] and out.review == review and len(world.recorder.sent) == sent
    assert world.scalars(select(Booking))[0].attendee_status == partstat


def test_a_thank_you_after_the_booking_gets_no_new_proposal(world: Any) -> None:
    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    confirmation = world.receive("Ykkönen sopii", in_reply_to=out.queued[0]).queued[0]
    sent = len(world.recorder.sent)
    out = world.receive("Kiitos vahvistuksesta, nähdään!", in_reply_to=confirmation)
    assert out.action.startswith("noted") and len(world.recorder.sent) == sent
    out = world.receive("Kiitos! Voisinko varata vielä toisen ajan joulukuulle?", in_reply_to=confirmation)
    assert out.action == "proposed"


def test_each_session_of_a_series_gets_its_own_invitation(world: Any) -> None:
    out = world.receive("Haluaisin yksilötyönohjausta kolme kertaa viikoittain, ensi viikolla tiistaina iltapäivällä.")
    assert world.recorder.sent[-1][1]["options"][0]["following"]
    out = world.receive("Ykkönen sopii", in_reply_to=out.queued[0])
    confirmations = [(ctx, a) for kind, ctx, a in world.recorder.sent if kind == "confirmation"]
    assert len(out.queued) == 3 and len(confirmations) == 3
    assert len(confirmations[0][0]["sessions"]) == 3  # the first lists the whole series
    uids = {a.uid for _, a in confirmations if a is not None}
    assert len(uids) == 3 and len(world.scalars(select(Booking))) == 3


IMIP = Path(__file__).resolve().parents[1] / "mail" / "data" / "imip"


def _answer(uid: str, method: str, attendee_line: str, extra: str = "", *, b64: bool = True) -> bytes:
    """An answer shaped as Outlook sends it: multipart/alternative, the calendar base64, no thread headers."""
    import base64

    ics = ("BEGIN:VCALENDAR\r\nMETHOD:" + method + "\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n"
           "BEGIN:VEVENT\r\n" + attendee_line + "\r\nUID:" + uid + "\r\nDTSTAMP:20261124T100000Z\r\n" + extra
           + "END:VEVENT\r\nEND:VCALENDAR\r\n")
    part = base64.encodebytes(ics.encode()).decode() if b64 else ics
    cte = "base64" if b64 else "7bit"
    return ("From: Laura <laura@client.example>\r\nTo: ajanvaraus@example.fi\r\nSubject: Accepted: Työnohjaus\r\n"
            "Date: Tue, 24 Nov 2026 10:00:00 +0200\r\nMessage-ID: <" + method + uid[:8] + "@client.example>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAccepted: Työnohjaus ti 1.12. klo 12\r\n"
            "--b\r\nContent-Type: text/calendar; charset=utf-8; method=" + method + "\r\n"
            "Content-Transfer-Encoding: " + cte + "\r\n\r\n" + part + "\r\n--b--\r\n").encode()


@pytest.mark.parametrize("name", ["apple-ical3-reply-1.eml", "exchange2016-reply-1.eml"])
def test_a_real_calendar_accept_is_matched_by_uid_and_gets_no_answer(world: Any, name: str) -> None:
    raw = (IMIP / name).read_bytes()  # Outlook's: base64 in multipart/alternative, no In-Reply-To
    answer = read_message(raw).calendar
    assert answer is not None and answer.uid and answer.attendee
    world.book(uid=answer.uid, client=answer.attendee)
    sent = len(world.recorder.sent)
    out = world.receive_raw(raw)
    assert out.action == "calendar reply: ACCEPTED" and out.queued == [] and len(world.recorder.sent) == sent
    assert world.scalars(select(Booking))[0].attendee_status == "ACCEPTED"


@pytest.mark.parametrize("b64", [True, False])
def test_an_outlook_accept_without_thread_headers_is_no_new_request(world: Any, b64: bool) -> None:
    booking = world.book()
    sent = len(world.recorder.sent)
    raw = _answer(booking.ical_uid, "REPLY", "ATTENDEE;PARTSTAT=TENTATIVE:mailto:laura@client.example", b64=b64)
    out = world.receive_raw(raw)
    assert out.queued == [] and len(world.recorder.sent) == sent  # no new proposal to an Accept
    assert world.scalars(select(Booking))[0].attendee_status == "TENTATIVE"


def test_a_counter_proposal_is_a_reschedule_to_the_time_proposed(world: Any) -> None:
    booking = world.book()
    raw = _answer(booking.ical_uid, "COUNTER", "ATTENDEE;PARTSTAT=TENTATIVE:mailto:laura@client.example",
                  "DTSTART:20261203T080000Z\r\nDTEND:20261203T090000Z\r\n")
    out = world.receive_raw(raw)
    kind, ctx, _ = world.recorder.sent[-1]
    assert out.action == "proposed" and kind == "reschedule"
    assert ctx["options"][0]["start"] == datetime(2026, 12, 3, 10, 0, tzinfo=TZ)  # 08:00Z is 10:00 in Helsinki


def test_a_refresh_sends_the_current_invitation_again(world: Any) -> None:
    booking = world.book()
    raw = _answer(booking.ical_uid, "REFRESH", "ATTENDEE:mailto:laura@client.example")
    out = world.receive_raw(raw)
    kind, _, appointment = world.recorder.sent[-1]
    assert len(out.queued) == 1 and kind == "confirmation" and appointment.uid == booking.ical_uid


@pytest.mark.parametrize(("method", "attendee", "uid", "reason"), [
    ("REPLY", "laura@client.example", "no-such-uid@example.fi", "a calendar answer to no invitation of ours"),
    ("REPLY", "someone@else.example", None, "a calendar answer from someone the invitation was not sent to"),
    ("DECLINECOUNTER", "laura@client.example", None, "a calendar message we do not act on (DECLINECOUNTER)"),
])
def test_odd_calendar_answers_go_to_staff_and_get_no_answer(world: Any, method: str, attendee: str,
                                                           uid: str | None, reason: str) -> None:
    booking = world.book()
    sent = len(world.recorder.sent)
    out = world.receive_raw(_answer(uid or booking.ical_uid, method, f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{attendee}"))
    assert out.review == [reason] and out.queued == [] and len(world.recorder.sent) == sent
    assert reason in [r.reason for r in world.scalars(select(ReviewItem))]


def test_an_answer_to_an_older_invitation_changes_nothing(world: Any) -> None:
    booking = world.book(sequence=1)  # moved once: the invitation is at SEQUENCE 1
    out = world.receive_raw(_answer(booking.ical_uid, "REPLY", "ATTENDEE;PARTSTAT=DECLINED:mailto:laura@client.example",
                                    "SEQUENCE:0\r\n"))
    assert out.action.startswith("noted: calendar answer to an older invitation") and out.review == []
    assert world.scalars(select(Booking))[0].attendee_status == "NEEDS-ACTION"


def test_a_booking_is_written_to_its_supervisors_calendar_by_id(world: Any) -> None:
    from mailbot.calendars.base import CalendarSource, Interval

    added: list[Appointment] = []

    class Recording(CalendarSource):
        def busy(self, start: datetime, end: datetime) -> list[Interval]:
            return []

        def add(self, appointment: Appointment) -> bool:
            added.append(appointment)
            return True

    out = world.receive("Haluaisin varata ajan ensi viikolla tiistaina iltapäivällä.")
    (first,) = world.scalars(select(Hold).where(Hold.option_number == 1))
    world.conversations.calendars = {first.supervisor_id: Recording()}
    world.receive("Ykkönen sopii", in_reply_to=out.queued[0])
    assert [(a.supervisor_id, a.start) for a in added] == [(first.supervisor_id, first.start)]
