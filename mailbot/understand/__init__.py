"""Understanding one message: what the writer wants, as CONTRACT.md §2 fixes it.

``understand(message, now=..., options=...)`` is a pure function of its inputs: no server, no
database, no clock of its own.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from mailbot.mail.machine import looks_like_auto_reply_subject
from mailbot.mail.message import InboundMessage, MachineKind
from mailbot.regex_cache import compile as rx_compile
from mailbot.understand import fields
from mailbot.understand.choice import pick
from mailbot.understand.intent import (
    hits,
    is_question,
    looks_commercial,
    looks_out_of_office,
    question_sentences,
    review_reasons,
)
from mailbot.understand.leftovers import count_words, names_time
from mailbot.understand.lexicon import Lexicon, load
from mailbot.understand.mentions import forget_mentions
from mailbot.understand.result import Option, ParseResult
from mailbot.understand.text import sentences
from mailbot.understand.times import read_times
from mailbot.understand.windows import Context, monday

HELSINKI = ZoneInfo("Europe/Helsinki")
_HEADER_LINE = rx_compile(
    r"^\s*\**(?:lähettäjä|lähetetty|vastaanottaja|kopio|aihe|päivämäärä|från|skickat|till|kopia|ämne|datum|"
    r"from|sent|to|cc|subject|date)\s*:\**.*$", re.IGNORECASE | re.MULTILINE)
_REPLY_PREFIX = rx_compile(r"^\s*(?:(?:re|vs|sv|aw|vb|vl|fw|fwd|wg)\s*:\s*)+", re.IGNORECASE)

__all__ = ["ParseResult", "Option", "understand"]


def _own_addresses(msg: InboundMessage) -> set[str]:
    """The booking mailbox's addresses, as this message names them (plus-tags removed)."""
    return {re.sub(r"\+[^@]*@", "@", a.addr) for a in msg.recipients if a.addr}


def request_text(msg: InboundMessage) -> str:
    """The text that counts: the writer's own words and what they forward, never our own mail."""
    return "\n\n".join(p for p in (msg.own_text, *_forwarded(msg)) if p and p.strip())


def _forwarded(msg: InboundMessage) -> list[str]:
    """What the writer forwards from someone else (an employee's wish sent on by HR)."""
    ours = _own_addresses(msg)
    parts = []
    for q in msg.quoted:
        if q.kind != "forward" or q.author is None:
            continue
        if re.sub(r"\+[^@]*@", "@", q.author.addr) in ours or "ajanvaraus" in q.author.name.lower():
            continue
        parts.append(_HEADER_LINE.sub("", q.text))
    return parts


def understand(
    msg: InboundMessage,
    *,
    now: datetime,
    options: list[Option] | None = None,
    horizon_days: int = 90,
    tz: ZoneInfo = HELSINKI,
) -> ParseResult:
    now = now.astimezone(tz)
    forget_mentions()
    text = request_text(msg)
    if msg.machine is not None:
        lang = fields.detect_language(msg.machine_text or text or msg.subject)
        if msg.machine is MachineKind.BULK:
            return ParseResult("other", lang)
        # RFC 3834: "auto-generated" is a notice (an invoice, a newsletter), "auto-replied" an answer to us
        generated = msg.headers.get("auto-submitted", "").split(";")[0].strip().lower() == "auto-generated"
        if generated and not looks_out_of_office(text.lower(), load(lang)) and not _REPLY_PREFIX.match(msg.subject) \
                and not looks_like_auto_reply_subject(msg.subject):
            return ParseResult("other", lang)
        return ParseResult("auto_reply", lang)
    lang = fields.detect_language(text or msg.subject)
    lex = load(lang)
    low = text.lower()
    if looks_out_of_office(low, lex):
        return ParseResult("auto_reply", lang)
    if looks_commercial(low, lex):
        return ParseResult("other", lang)

    result = ParseResult(_intent(low, lex, options, now, tz, horizon_days), lang)
    ctx = Context(now=now, horizon_days=horizon_days, tz=tz)
    if options:  # "that week" in a reply to a proposal: the week of the options
        ctx.last_week_monday = monday(min(o.start for o in options).astimezone(tz).date())
    reading = None
    if result.intent in ("request", "decline", "reschedule"):
        reading = read_times(text, lex, ctx, skip_references=result.intent != "request",
                             moving=result.intent == "reschedule")
        subject = _REPLY_PREFIX.sub("", msg.subject)
        if (not reading.windows and not reading.problems and subject == msg.subject and not msg.is_forward
                and names_time(subject, lex)):
            # "Aihe: Työnohjausaika ma 7.5. klo 15?" with "sopisiko otsikossa mainittu aika?": a new message's
            # subject is the writer's own words, and the time may be only there
            ctx = Context(now=now, horizon_days=horizon_days, tz=tz)
            reading = read_times(f"{subject}.\n\n{text}", lex, ctx, skip_references=result.intent != "request",
                                 moving=result.intent == "reschedule")
        result.windows = reading.windows
        for problem in reading.problems:
            result.review(problem)
        if (result.intent == "request" and not reading.windows and not reading.problems and names_time(text, lex)
                and not hits(lex, lex.ASAP, low)):
            # "…on ollu viime aikoina raskasta voisko saada ajan ens kuussa": a time named, none of it wished
            # and nothing said of why: read as the past or a reason, it may still be the wish
            result.review("a time is named but no wish was read from it")
    if result.intent == "confirm":
        _choose(result, text, options or [], lex, tz)
        # "vaihtoehto 3 käy. Voisiko tapaamisen kuitenkin pitää etänä?": a question beside the choice is staff's
        if any(not pick(q, options or [], lex, tz).cue for q in question_sentences(msg.own_text.lower())):
            result.review("question for staff")
    _fill_fields(result, msg, text, lex, monthly_days=bool(reading and reading.monthly))
    if result.intent == "question":
        result.review("question for staff")
    if result.intent == "request" and not result.windows and question_sentences(msg.own_text.lower()):
        # "Innan jag bokar något undrar jag: får chefen veta …?": a request that names no time and asks
        # something rests on weak evidence; staff answer the question
        result.review("question for staff")
    # a new message that asks for nothing bookable; a reply ("kiitos, nähdään!") is the conversation's to judge
    asks = hits(lex, lex.INTENT["request"], low) or hits(lex, lex.INTENT["domain"], low)
    is_reply = bool(msg.in_reply_to or msg.references or _REPLY_PREFIX.match(msg.subject))
    if result.intent == "request" and not asks and not is_reply:
        result.review("intent rests on weak evidence: no booking asked for")
    for reason in review_reasons(text, lex, lang):
        result.review(reason)
    _doubts(result, text, lex)
    if reading is not None and reading.mentions and _two_voices(msg, lex, ctx):
        result.review("times from both the writer and the forwarded mail")
    _own_language(result, msg, lang)
    return result


def _doubts(result: ParseResult, text: str, lex: Lexicon) -> None:
    """Evidence the reading did not use, or that points two ways: a careful secretary asks a colleague."""
    low = text.lower()
    if result.intent == "request":
        # "ny chef sedan oktober … tre gånger till att börja med": a count set aside only for a past word far
        # before it may be the wish after all ("I've had two sessions" stays history)
        if result.sessions is None and fields.count(low, lex, lex.SESSIONS, minimum=True, skip=lex.PAST,
                                                    after=lex.PRICE_AFTER):
            result.review("number of sessions unclear: said near a past event")
        # a cancellation or move asked for besides the new booking
        if any(hits(lex, lex.INTENT["cancel"], s) and not hits(lex, lex.NOT_WANTED, s) for s in sentences(low)):
            result.review("a cancellation is mentioned besides the request")
    if result.intent in ("request", "reschedule"):
        # "ensimmäinen tapaaminen pian sen jälkeen, kun uusi osastonhoitaja on aloittanut": the start hangs on an
        # event whose date we do not know; a sentence that names a time of its own is read as it stands
        for s in sentences(low):
            if (hits(lex, lex.EVENT_ANCHOR, s) and not names_time(s, lex)
                    and (not result.windows or hits(lex, lex.EVENT_START, s))):
                result.review("a time placed by another event")
                break
    if result.intent == "request" and result.service == "group" and result.participants is None:
        for fragment in count_words(text, lex)[:1]:
            result.review(f"head count not understood: «{fragment}»")
    if result.windows and hits(lex, lex.OTHER_ZONE, low):
        result.review("time given in another time zone")
    if result.windows and any(hits(lex, lex.AT_WORK, s) and names_time(s, lex) for s in sentences(low)):
        result.review("at work at a time named: free then, or busy?")
    if result.intent == "cancel" and any(hits(lex, lex.INTENT["request"], s) and not hits(lex, lex.INTENT["cancel"], s)
                                         for s in sentences(low)):
        result.review("a new booking is asked for besides the cancellation")


def _two_voices(msg: InboundMessage, lex: Lexicon, ctx: Context) -> bool:
    """HR forwards an employee's wish and writes "olen itse lomalla 30.4.–4.5.": times in the writer's own words
    and in the forwarded mail may be two people's, and which one a time belongs to is for staff to judge."""
    forwarded = _forwarded(msg) if msg.is_forward else []
    if not forwarded or not msg.own_text.strip():
        return False
    return all(read_times(part, lex, Context(now=ctx.now, horizon_days=ctx.horizon_days, tz=ctx.tz)).mentions
               for part in (msg.own_text, "\n\n".join(forwarded)))


def _own_language(result: ParseResult, msg: InboundMessage, lang: str) -> None:
    """HR writes in Finnish and forwards the employee's Swedish mail: the reply goes in the writer's
    language, and what the writer's own words say counts as well as what the forward says."""
    if not msg.is_forward or len(fields.word_list(msg.own_text)) < 6:
        return
    own = fields.detect_language(msg.own_text)
    if own == lang:
        return
    result.language = own
    own_lex = load(own)
    theirs = ParseResult(result.intent, own)
    _fill_fields(theirs, msg, msg.own_text, own_lex)
    for name in ("service", "mode", "location", "participants", "sessions", "cadence", "supervisor"):
        if getattr(result, name) is None:
            setattr(result, name, getattr(theirs, name))
    for reason in review_reasons(msg.own_text, own_lex, own):
        result.review(reason)


def _intent(low: str, lex: Lexicon, options: list[Option] | None, now: datetime, tz: ZoneInfo, horizon: int) -> str:
    # "Perumme 21.1. ajan…, joten sitä ei pitäisi laskuttaa": a cancellation told about an invoice is no cancellation
    # "En halua perua aikaa turhaan": a cancellation the writer does not want is none
    said = [s for s in sentences(low) if not hits(lex, lex.NOT_WANTED, s)]
    # but "perun ajan, koska olen sairauslomalla" cancels: a reason told is no question
    cancel = sum(n for s in said if (n := hits(lex, lex.INTENT["cancel"], s))
                 and (not hits(lex, lex.INTENT["question"], fields.without_reasons(s, lex))
                      or hits(lex, lex.REVIEW["fee"][:1], s)))
    move = sum(hits(lex, lex.INTENT["reschedule"], s) for s in said if not hits(lex, lex.LATER, s))
    if move:
        return "reschedule"
    if cancel:
        return "cancel"
    if options:
        choice = pick(low, options, lex, tz)
        declined = hits(lex, lex.INTENT["decline"], low)
        if declined:
            return "decline"
        if choice.cue:
            return "confirm"
        if declined:
            return "decline"
        reading = read_times(low, lex, Context(now=now, horizon_days=horizon, tz=tz), skip_references=True)
        if reading.windows:
            return "decline"
        return "confirm"
    if is_question(low, lex) or hits(lex, lex.CALLBACK, low):
        return "question"  # a call-back wish gets a person, not a proposal
    return "request"


def _choose(result: ParseResult, text: str, options: list[Option], lex: Lexicon, tz: ZoneInfo) -> None:
    choice = pick(text, options, lex, tz)
    if choice.number is not None:
        result.choice = choice.number
    elif len(choice.candidates) > 1:
        result.review("choice fits more than one option")
    else:
        result.review("choice matches no option")


def _fill_fields(result: ParseResult, msg: InboundMessage, text: str, lex: Lexicon, monthly_days: bool = False) -> None:
    low = text.lower()
    # a kind of supervision named where the writer asks for something wins over one mentioned in passing
    asked = " ".join(s for s in sentences(low) if hits(lex, lex.INTENT["request"], s))
    implied = result.intent != "confirm"  # "ilmoitan porukalle" in a confirmation names no service
    # "ite siis, en tiimille": a kind of supervision said not to be wanted is none
    # "etänä en saa rauhaa", "oon koulutuksessa Kuopiossa": what is said not to work names no mode or place
    affirmed = fields.affirmed(text, lex)
    result.service = (fields.service(fields.affirmed(asked, lex), lex, implied=implied)
                      or fields.service(affirmed.lower(), lex, implied=implied))
    if result.service is None and result.intent == "request" and not _REPLY_PREFIX.match(msg.subject):
        result.service = fields.service(msg.subject.lower(), lex)
    result.mode = fields.mode(affirmed.lower(), lex)
    if result.mode != "remote":
        result.location = fields.location(affirmed, lex.lang)
    if result.mode == "onsite" and result.location is None:  # "at our premises in Leppävaara, Espoo"
        result.location = fields.only_town(affirmed)
    if (result.mode is None and result.location is not None  # "pitää meillä päiväkodilla Vantaan Tikkurilassa"
            and not fields.find(lex, lex.MODE_EITHER, affirmed.lower())):
        result.mode = "onsite"  # a town to meet in is a meeting in person (CONTRACT §2: where an onsite meeting is)
    if result.service != "individual":
        # "yksi työntekijämme loukkaantui" is no group size
        result.participants = fields.count(low, lex, lex.PARTICIPANTS, skip=lex.LEADS, minimum=True,
                                           after=lex.LEADS_AFTER, total=lex.TOTAL, with_writer=lex.WITH_WRITER)
        if result.service is None and result.participants and result.participants >= 2:
            result.service = "group"  # "IT-tuen tiimi (5 henkeä) … jatkaa": several people meet as a group
    # "yksi käynti maksaa" is no series; "I've had two sessions" is history
    result.sessions = fields.count(low, lex, lex.SESSIONS, minimum=True, skip=lex.PAST, lead_chars=120,
                                   after=lex.PRICE_AFTER)
    result.cadence = fields.cadence(fields.without_other_events(fields.without_reasons(low, lex), lex), lex)
    if result.sessions is None and result.intent == "request" and hits(lex, lex.SESSIONS_ONE, low):
        result.sessions = 1  # "kokeilisimme nyt yhden kerran", "just one session"
    if result.sessions is None:  # "kerran kuussa puolen vuoden ajan" → 6
        result.sessions = fields.sessions_from_duration(low, lex, result.cadence)
    if result.cadence is None and monthly_days:  # "aina kuun ensimmäinen tiistai": once a month
        result.cadence = "monthly"
    sender_names = {p.lower() for p in (msg.sender.name.split() if msg.sender else [])}
    result.supervisor = fields.supervisor(text, lex, sender_names)
    if result.intent in ("cancel", "reschedule", "confirm"):
        result.sessions = None
        if result.intent != "confirm":  # "4.2. sopii, meitä on 7": a confirmation may say who comes
            result.participants = None
        result.cadence = None
