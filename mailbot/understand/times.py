"""Reading the writer's time wishes: sentences → clauses → mentions → frames → windows."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from mailbot.regex_cache import compile as rx_compile
from mailbot.understand.leftovers import missed, strangers
from mailbot.understand.lexicon import Lexicon, compile_alternation, folded_rx
from mailbot.understand.mentions import Mention, find_mentions
from mailbot.understand.text import clause_spans, sentences
from mailbot.understand.windows import (
    Context,
    Frame,
    Interval,
    build_windows,
    every_day,
    frame_days,
    mention_frame,
    monday,
)


@dataclass
class TimeReading:
    windows: list[Interval]
    problems: list[str]
    mentions: int  # how many time expressions counted
    monthly: bool = False  # a wish that recurs once a month ("joka kuun ensimmäinen tiistai")


def _has(lex: Lexicon, name: str, text: str) -> bool:
    return bool(compile_alternation(tuple(getattr(lex, name)), lex.folds).search(text))


def _opens_with(lex: Lexicon, name: str, clause: str) -> bool:
    return bool(compile_alternation(tuple(getattr(lex, name)), lex.folds).match(clause.lstrip(" ,;:-–(")))


def _is_last(m: Mention, clause: str, lex: Lexicon) -> bool:
    """'viime torstaina', 'last Thursday', 'förra veckan': the past, not a wish."""
    before = clause[max(0, m.start - 14):m.start]
    return bool(re.search(rf"(?:{'|'.join(lex.LAST)})\s*$", before))


def _is_bound(m: Mention, sentence: str, found: list[Mention], lex: Lexicon) -> bool:
    """'until the end of August, so … the first Monday of September': the bound is no wish of its own."""
    if not m.is_day or not any(o.is_day and o is not m and not (o.start < m.end and m.start < o.end) for o in found):
        return False
    before = sentence[max(0, m.start - 16):m.start] + "\x00"
    after = "\x00" + sentence[m.end:m.end + 12]
    if lex.UNTIL_BEFORE:
        words = tuple(rf"(?:{w})\s+(?:the\s+)?\x00" for w in lex.UNTIL_BEFORE)
        if compile_alternation(words, lex.folds).search(before):
            return True
    if lex.UNTIL_AFTER:
        words = tuple(rf"\x00\s*(?:{w})" for w in lex.UNTIL_AFTER)
        if compile_alternation(words, lex.folds).search(after):
            return True
    return False


def _event_after(m: Mention, sentence: str, lex: Lexicon) -> bool:
    """'syyskuun kehittämispäiväämme': a month in the genitive before an event or a thing of one's own."""
    if not lex.EVENT_AFTER_MONTH or not sentence[m.start:m.end].endswith("n"):
        return False
    return bool(compile_alternation(tuple(lex.EVENT_AFTER_MONTH), lex.folds).match(sentence, m.end + 1)
                and sentence[m.end:m.end + 1] == " ")


_TARGET_WORD = rx_compile(r"(?<![\w])(?:to|till|into|for|until|instead|onto)(?![\w])")
_TARGET_CASE = rx_compile(r"\w(?:lle|ksi|hin|seen|aan|ään|een|iin|oon|öön|uun|yyn)(?![\w])")
_TARGET_NEXT = rx_compile(r" \w+?(?:lle|ksi|hin|seen|aan|ään|een|iin|oon|öön|uun|yyn)(?![\w])")


def _is_moved(m: Mention, clause: str, offset: int, lex: Lexicon) -> bool:
    """'Voisko tiistain ryhmän (21.9.) siirtää?': in the clause that asks to move a booking, a day that is
    not where it is moved to ("torstaille", "to Thursday") is the booked one."""
    verb = compile_alternation(tuple(lex.INTENT["reschedule"]), lex.folds).search(clause)
    if not verb or m.start - offset - verb.end() > 25:  # far after the ask, a day is a new wish
        return False
    said = clause[m.start - offset:m.end - offset]
    if m.kind == "week" and (m.week in ("same", "following")  # "saman viikon perjantaille": the new time's week
                             or _TARGET_NEXT.match(clause, m.end - offset)):  # "ensi viikon torstaille"
        return False
    between = clause[verb.end():m.start - offset]  # "move it to Thursday or Friday": both are where to
    return not (_TARGET_CASE.search(said) or _TARGET_WORD.search(between))


def _is_reference(m: Mention, clause: str, lex: Lexicon) -> bool:
    """'torstain 10.12. työnohjausajan', 'ke 2.12. aikani': the booked appointment, not a wish."""
    before = clause[max(0, m.start - 40):m.start]
    if compile_alternation(tuple(lex.BOOKED_BEFORE), lex.folds).search(before + "\x00"):
        return True  # "my appointment on Thursday", "min tid på torsdag"
    words = re.findall(r"[\wåäö]+", clause[m.end:m.end + 60])[:3]  # whole words: "kellonaikaan" is no "aikaa"
    rx = compile_alternation(tuple(lex.BOOKED_REF), lex.folds)
    return any(rx.fullmatch(w) for w in words)


# 'or' right between two time expressions ("iltaisin, tai sit viikolla 12"), nothing else between them
_OR_WORDS = r"(?:tai|taikka|tahi|vaihtoehtoisesti|eller|alternativt|or|alternatively)"
_OR_JOINS = rx_compile(rf"[\s,;]*{_OR_WORDS}(?:\s+(?:sit|sitten|then|else|så|också|myös))?[\s,]*")
_OR = rx_compile(rf"(?<![\w]){_OR_WORDS}(?![\w])")


_ANY_DAY = rx_compile(r"p[äa]iv|dag|day")
_LIST_GAP = rx_compile(r"[\s,]*(?:(?:tai|ja|sekä|eller|och|or|and)\s+)?(?:on\s+|på\s+)?")


def _groups(mentions: list[Mention], ctx: Context, text: str = "") -> list[Frame]:
    """Split one clause into frames: 'ma aamulla tai ke iltapäivällä' is two frames, and so is
    'ke klo 8–10 tai 14.30 torstaina' (a time may stand before its day)."""
    frames: list[Frame] = []
    cur = Frame()
    lead_time = False  # the frame began with its hours: "Mornings before 10, on Mondays or Fridays"
    any_day = False  # "efter kl. 16 vilken dag som helst": every day is named, so the frame is whole
    for i, m in enumerate(mentions):
        f = mention_frame(m, ctx)
        gap = text[mentions[i - 1].end:m.start] if i else ""
        if _OR_JOINS.fullmatch(gap) and ((cur.times and not cur.has_days and f.has_days and not f.times)
                                or (cur.has_days and not cur.times and f.times and not f.has_days)):
            # "iltaisin, tai sit viikolla 12 ihan minä päivänä": hours or days, either one: two frames, not their
            # intersection ("ti tai ke aamupäivällä" lists days of one kind and stays one frame)
            cur.either = True
            frames.append(cur)
            cur = Frame(alternative=True, either=True)
            any_day = False
        # "huomenna koska vaan", "ma klo 10", "efter kl. 16 vilken dag som helst"
        closed = (cur.has_days and (cur.times or cur.any_time)) or (any_day and bool(cur.times))
        listed = i and _LIST_GAP.fullmatch(text[mentions[i - 1].end:m.start])
        if listed and lead_time and not any_day and f.has_days and not f.times:
            closed = False  # the days of a list share the hours said before them
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        time_first = (m.kind == "time" and nxt is not None and nxt.is_day
                      and re.fullmatch(r"[\s,]*(?:on|at|på|den)?\s*", text[m.end:nxt.start]) is not None)
        if closed and (f.has_days or f.any_time or (time_first and text)):  # "…at 14:30, or any time on a Friday"
            frames.append(every_day(cur) if any_day and cur.times else cur)
            gap = text[mentions[i - 1].end:m.start] if i else ""
            cur = Frame(alternative=bool(_OR.search(gap)))
            any_day = False
        if m.kind == "flag" and m.flag == "any" and _ANY_DAY.search(text[m.start:m.end]):
            any_day = True
        if (cur.has_days and not cur.times and not cur.any_time and f.has_days and f.times and m.kind == "weekday"
                and cur.weekdays and not cur.dates and not cur.spans):
            # "maanantait ja perjantai-iltapäivät": the part of the day is Friday's own, Mondays are whole days
            # ("lokakuussa, keskiviikkoisin aamupäivällä" is October's Wednesday mornings)
            frames.append(cur)
            cur = Frame()
            any_day = False
        if not cur.has_days and not cur.times:
            lead_time = m.kind == "time"
        cur.merge(f)
    frames.append(every_day(cur) if any_day and cur.times else cur)
    return [f for f in frames if f.has_days or f.times or f.any_time]


def _open_spans(found: list[Mention], text: str, lex: Lexicon, ctx: Context) -> list[Mention]:
    """'ensi viikon jälkeen', 'after week 5', 'från och med v. 10', '20.1. alkaen', 'elokuun alusta alkaen':
    a date, week or month with "after" or "from" is no span of its own but the start of one that runs to
    the end of the horizon ("aloittaa elokuussa", with no such word, stays August: CONTRACT §2.1.1)."""
    if not any(m.kind in ("date", "week", "month") for m in found):
        return found
    cues = _span_cues(lex)
    out = []
    for m in found:
        if m.kind not in ("date", "week", "month") or m.reference:
            out.append(m)
            continue
        lead = text[max(0, m.start - 24):m.start]
        post = cues.get("AFTER_SPAN_AFTER")
        after_post = post.match(text, m.end) if post else None
        pre = cues.get("AFTER_SPAN_BEFORE")
        after_pre = pre.search(lead) if pre else None
        after = bool(after_post or after_pre)
        post = cues.get("FROM_AFTER")
        since_post = post.match(text, m.end) if post else None
        pre = cues.get("FROM_BEFORE" if m.kind != "month" else "FROM_ON_BEFORE")
        since_pre = pre.search(lead) if pre else None
        if since_pre and m.kind == "week" and lex.START_BEFORE and _has(lex, "START_BEFORE", since_pre.group()):
            since_pre = None  # "starting next week": the span to start in is that week (CONTRACT §2.1.1)
        since = bool(since_post or since_pre)
        if not (after or since):
            out.append(m)
            continue
        saved_week, saved_problems = ctx.last_week_monday, list(ctx.problems)
        days = frame_days(mention_frame(m, ctx), ctx) or set()
        ctx.last_week_monday, ctx.problems[:] = saved_week, saved_problems
        if not days:
            out.append(m)
            continue
        first = max(days) + timedelta(days=1) if after else min(days)
        if after and m.kind == "week":
            first = monday(max(days)) + timedelta(days=7)  # after a week of Monday–Friday: from the next Monday
        end = (after_post or since_post).end() if (after_post or since_post) else m.end
        cue = after_pre or since_pre  # the cue word is read too ("efter vecka 5")
        start = m.start - len(lead) + cue.start() if cue else m.start
        out.append(Mention("range", start, end, day=first.day, month=first.month, year=first.year, day2=-1,
                           month2=first.month, times=m.times))
    return out


_LEADING_AND = re.compile(r"^(?:ja|och|and|&)\s+")


def _last_day(mentions: list[Mention], ctx: Context) -> date | None:
    """The last day these mentions name (the context they set is not kept)."""
    saved_week, saved_problems = ctx.last_week_monday, list(ctx.problems)
    days = [d for m in mentions for d in (frame_days(mention_frame(m, ctx), ctx) or set())]
    ctx.last_week_monday, ctx.problems[:] = saved_week, saved_problems
    return max(days) if days else None


def _not_before(frames: list[Frame], day: date | None) -> list[Frame]:
    """Frames that start only after ``day`` ("sen jälkeen", "after that")."""
    if day is not None:
        for f in frames:
            f.not_before = day + timedelta(days=1)
    return frames


@cache
def _span_cues(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    cues = {}
    for name, side in (("AFTER_SPAN_BEFORE", "before"), ("AFTER_SPAN_AFTER", "after"),
                       ("FROM_BEFORE", "before"), ("FROM_AFTER", "after"), ("FROM_ON_BEFORE", "before")):
        words = getattr(lex, name)
        if words:
            alt = "|".join(f"(?:{w})" for w in words)
            cues[name] = folded_rx(rf"(?<![\w])(?:{alt})\s+(?:the\s+|den\s+)?$" if side == "before"
                                   else rf"[\s,]*(?:{alt})(?![\w])", lex.folds)
    return cues


def _remember_week(m: Mention, ctx: Context) -> None:
    saved = list(ctx.problems)
    f = mention_frame(m, ctx)  # a week mention sets the week itself
    # "ensi tiistain ajan siirtää saman viikon perjantaille": a weekday names its week too
    days = f.dates or (frame_days(f, ctx) if f.weekdays and not f.habitual else None)
    ctx.problems[:] = saved  # the booked time's own problems (e.g. in the past) are not the client's wish
    if days:
        ctx.last_week_monday = monday(min(days))
        ctx.last_date = min(days)


_AND = rx_compile(r"(?<![\w])(?:ja|sekä|och|samt|and)(?![\w])")


def _by_negation(mentions: list[Mention], clause: str, offset: int, lex: Lexicon) -> list[list[Mention]]:
    """'inte på fredagar och inte efter kl. 15' is two exclusions, not Friday evenings."""
    rx = compile_alternation(tuple(lex.NEGATION), lex.folds)
    negations = [m.start() for m in rx.finditer(clause)]
    cuts = []
    for before, at in itertools.pairwise(negations):
        # "paitsi maanantait ja aamulla ei ennen kymmentä": the hours after "ja" go with the second negation
        joins = [j.start() for j in _AND.finditer(clause, before, at)]
        between = [m for m in mentions if joins and offset + joins[-1] <= m.start < offset + at]
        moved = between and all(m.kind == "time" for m in between)
        cuts.append(offset + (joins[-1] if moved else at))
    parts: list[list[Mention]] = [[] for _ in range(len(cuts) + 1)]
    for m in mentions:
        parts[sum(1 for c in cuts if c <= m.start)].append(m)
    return [p for p in parts if p]


def _drop_excluded_weekdays(includes: list[Frame], excludes: list[Frame]) -> None:
    """'Keskiviikkoisin hänellä on harrastus, joten keskiviikot eivät käy': the weekday is excluded,
    so a frame that only named that weekday says nothing more."""
    banned = {w for f in excludes if not f.dates and not f.spans for w in f.weekdays}
    for f in list(includes):
        if f.weekdays & banned:
            f.weekdays -= banned
            if not f.weekdays and not f.dates and not f.spans:
                includes.remove(f)


_CORRECTION_CUT = rx_compile(r"^\W*\w+(?:\s+\w+)?")  # the cue words themselves ("ei kun") negate nothing


def _blank(text: str, mentions: list[Mention]) -> str:
    chars = list(text)
    for m in mentions:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars)


def read_times(text: str, lex: Lexicon, ctx: Context, *, skip_references: bool = False,
               moving: bool = False) -> TimeReading:
    includes: list[Frame] = []
    excludes: list[Frame] = []
    count = 0
    monthly = False
    last_negative = False  # the sentence before excluded: "Keskiviikot eivät käy. Samoin torstaiaamut."
    last_end: date | None = None  # the last day the sentence before named: "Sen jälkeen …" starts after it
    for sentence in sentences(text):
        whole = sentence.lower()
        after_that = last_end if _has(lex, "AFTER_THAT", whole.lstrip(" ,-–")[:20]) else None
        inc0, exc0 = len(includes), len(excludes)
        if _has(lex, "GREETINGS", whole) and len(whole) < 80:
            continue  # "have a nice evening", "hyvää viikonloppua": no wish
        # found over the whole sentence, so that "Monday, January 26" stays one expression
        found = _open_spans(find_mentions(whole, lex), whole, lex, ctx)
        for fragment in missed(sentence, whole, [(m.start, m.end) for m in found], lex)[:3]:
            ctx.problem(f"time expression not understood: «{fragment}»")
        used: list[Mention] = []  # the mentions that became a wish or an exclusion
        wished: list[Mention] = []  # the sentence's included mentions, grouped together below
        previous: list[Mention] = []  # the last clause's wishes, which "joten se ei käy" takes back
        # negations inside a time expression ("no earlier than 10") negate nothing
        # a holiday stays: "vecka 42 är det höstlov", "olen kesälomalla viikolla 30" say the week is out
        blanked = _blank(whole, [m for m in found if not (m.kind == "flag" and m.flag == "holiday")])
        # "the same time as last time": the past word inside a holiday or earlier-booking phrase is its own
        past_blanked = _blank(whole, found) if any(m.kind == "flag" and m.flag == "holiday" for m in found) else blanked
        for start, end in clause_spans(sentence):
            low = whole[start:end]
            unread = blanked[start:end]
            mentions = [m for m in found if start <= m.start < end]
            if start and _has(lex, "AFTER_THAT", _LEADING_AND.sub("", low.lstrip(" ,-–"))[:24]):
                # "kesäloma on 5.7.–1.8., ja sen jälkeen maanantaisin": after what this sentence named
                named = _last_day([m for m in found if m.start < start and m.is_day], ctx)
                if named is not None:
                    includes += _not_before(_groups(wished, ctx, whole), after_that)
                    wished, previous, after_that = [], [], named
            if not mentions:
                if previous and _has(lex, "CONSEQUENCE", low[:10]) and _has(lex, "NEGATION", low):
                    wished = [m for m in wished if m not in previous]
                    excludes += [f for f in _groups(previous, ctx) if not f.any_time]
                previous = []
                continue
            for m in mentions:
                for p in m.problems:
                    ctx.problem(p)
            if previous and _has(lex, "CORRECTION", low[:16]):  # "tiistaina, ei kun keskiviikkona"
                wished = [m for m in wished if m not in previous]
                low = unread = _CORRECTION_CUT.sub("", low)
            # a reason ("koska", "ku iltapäivisin meil on asiakkaita") opens the clause; "senast kl. 10" is no past
            if (_has(lex, "REASON", low[:12]) or _opens_with(lex, "REASON", low)
                    or _has(lex, "PAST", past_blanked[start:end]) or _has(lex, "OTHER_EVENT", unread)):
                continue
            kept: list[Mention] = []
            booked_end = -1  # end of a mention that named the booked appointment
            if not any(m.is_day for m in mentions):  # "that morning" with no day here: a day said before
                mentions = [m for m in mentions if not (m.kind == "time" and m.reference)]
            for m in mentions:
                if m.kind == "time" and booked_end >= 0 and re.fullmatch(
                        r"[\s,(]*(?:at|klo|kello|kl\.?)?\s*", whole[booked_end:m.start]):
                    booked_end = m.end  # "my session on Tuesday 9 March at 2 pm": the old time too
                    continue
                booked_end = -1
                if m.kind == "flag" and m.flag == "holiday":
                    # "viikolla 53 eli välipäivinä" explains itself; a holiday alone is not read
                    # … but not by the booked day ("push Wednesday's session to the same time the week after")
                    if not any(o.is_day and not (skip_references and _is_reference(o, whole, lex)) for o in mentions):
                        ctx.problem("time expression not understood")
                    continue
                if _is_last(m, whole, lex) or _is_bound(m, whole, found, lex):
                    continue
                if m.kind == "month" and _event_after(m, whole, lex):
                    ctx.problem(f"a month that names another event: «{sentence[m.start:m.end + 24].strip()}»")
                    continue
                if skip_references and m.is_day and (_is_reference(m, whole, lex)
                                                     or (moving and _is_moved(m, low, start, lex))):
                    _remember_week(m, ctx)  # for "saman viikon", "the same week"
                    booked_end = m.end
                    continue
                kept.append(m)
            if not kept:
                continue
            count += len(kept)
            used += kept
            monthly = monthly or any(m.nth is not None and m.habitual for m in kept)
            # "any day but Fridays": after an "any", a "but" excepts
            after_any = any(m.kind == "flag" and m.flag == "any" for m in previous) and _has(lex, "BUT_EXCEPT", low[:6])
            likewise = last_negative and _has(lex, "LIKEWISE", low.lstrip(" ,;:-")[:16])
            last_negative = False
            if _has(lex, "NEGATION", unread) or after_any or likewise:
                last_negative = True
                for part in _by_negation(kept, unread, start, lex):
                    excludes += [f for f in _groups(part, ctx) if not f.any_time]
                previous = []
            else:
                wished += kept
                previous = kept
        for fragment in strangers(sentence, whole, [(m.start, m.end) for m in found],
                                  [(m.start, m.end) for m in used], lex):
            ctx.problem(f"time expression not understood: «{fragment}»")
        # "i morgon, när som helst, eller på torsdag eftermiddag": one sentence, however many commas
        includes += _not_before(_groups(wished, ctx, whole), after_that)
        days = [d for f in includes[inc0:] + excludes[exc0:] for d in (frame_days(f, ctx) or set())]
        last_end = max(days) if days else last_end
    _drop_excluded_weekdays(includes, excludes)
    if not includes and sum(1 for f in excludes if f.dates) >= 2:
        # "ma 18.9. klo 9–11 x … x = ei käy": a list of dated times read only as what does not suit leaves
        # every other time of the horizon, which the writer never offered
        ctx.problem("only dates that do not suit were read")
    # "as soon as possible" or "any time" alone is no constraint
    if includes and all(f.any_time and not f.has_days and not f.times for f in includes) and not excludes:
        return TimeReading([], ctx.problems, count, monthly)
    includes = [f for f in includes if f.has_days or f.times]
    if not includes and not excludes:
        return TimeReading([], ctx.problems, count, monthly)
    return TimeReading(build_windows(includes, excludes, ctx), ctx.problems, count, monthly)
