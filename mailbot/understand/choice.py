"""Which proposed option a reply picks (CONTRACT §2.3): by number, by day, by date or by time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from mailbot.regex_cache import compile as rx_compile
from mailbot.understand.fields import affirmed
from mailbot.understand.lexicon import Lexicon, compile_alternation, folded_rx, plain, trie
from mailbot.understand.mentions import HOUR_WORDS, find_mentions
from mailbot.understand.result import Option

_NUMBERED = rx_compile(
    r"(?:vaihtoehto|vaihtoehdon|vaihtoehdot|vaihtoehtoa|vaihtoehdoista|nro|numero|alternativ|alternativet|nr|nummer|"
    r"option|number|no\.|#)\s*(\d)(?!\d|\.\d)"
)
_CUE_WORDS = (r"vaihtoehto|vaihtoehdon|vaihtoehdot|vaihtoehtoa|vaihtoehdoista|nro|numero|alternativ|alternativet|nr|"
              r"nummer|option|number")


@cache
def _numbered_in_words(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, int]]:
    """'alternativ två', 'vaihtoehto kolme', 'option two': the number written as a word."""
    words = {k: v for k, v in lex.NUMBERS.items() if isinstance(v, int) and 1 <= v <= 9}
    words.update({plain(k): v for k, v in words.items()})
    return folded_rx(rf"(?<![\w])(?:{_CUE_WORDS})\s+(?P<w>{trie(set(words))})(?![\w])", lex.folds), words


_CLOCK = rx_compile(r"(?<![\d.:/])(\d{1,2})[:.](\d{2})(?![\d.:/])")  # "14:30 works", "klo 9.00"
_BARE_DIGIT = rx_compile(r"^\W*(\d)\W*(?:\s+\w+){0,4}\W*$")


@dataclass
class Choice:
    number: int | None  # the option's n, when exactly one fits
    candidates: set[int]  # every option that fits what the writer said
    cue: bool  # the writer said something that picks among options


def pick(text: str, options: list[Option], lex: Lexicon, tz: ZoneInfo) -> Choice:
    low = text.lower()
    ns = {o.n for o in options}
    if compile_alternation(tuple(lex.CHOICE_ANY), lex.folds).search(low):
        return Choice(None, ns, True)
    numbered = {int(m.group(1)) for m in _NUMBERED.finditer(low)}
    in_words, values = _numbered_in_words(lex)
    numbered |= {values[m.group("w")] for m in in_words.finditer(low) if m.group("w") in values}
    words = {v for k, v in lex.CHOICE_NUMBERS.items()
             if folded_rx(rf"(?<![\w]){re.escape(k)}(?![\w])", lex.folds).search(low)}
    words = {max(ns) if v == -1 and ns else v for v in words}
    first_line = next((ln for ln in low.splitlines() if ln.strip()), "")
    bare = _BARE_DIGIT.match(first_line)
    if bare and not re.search(r"\d[.:/]\d", first_line):
        numbered.add(int(bare.group(1)))
    picked = (numbered or words) & ns
    if len(picked) == 1:
        return Choice(picked.pop(), picked, True)
    if len(picked) > 1:
        return Choice(None, picked, True)
    candidates = set(ns)
    cue = False
    clock = {int(h) * 60 + int(m) for h, m in _CLOCK.findall(low) if int(h) < 24 and int(m) < 60}
    clock |= _hours_in_words(low, lex)
    if clock:
        by_clock = {o.n for o in options if _minutes(o, tz) in clock}
        if by_clock:
            cue = True
            candidates &= by_clock
    # "den 11:e är jag på kurs": a day said not to work picks nothing
    for m in find_mentions(affirmed(text, lex).lower(), lex):
        fits: set[int] | None = None
        if m.kind == "date" and m.day and m.month:
            fits = {o.n for o in options
                    if (o.start.astimezone(tz).day, o.start.astimezone(tz).month) == (m.day, m.month)}
        elif m.kind == "date" and m.day and m.month is None and m.nth is None:  # "den 9:e passar"
            fits = {o.n for o in options if o.start.astimezone(tz).day == m.day}
        elif m.kind == "weekday":
            fits = {o.n for o in options if o.start.astimezone(tz).weekday() in m.weekdays}
        elif m.kind == "relday" and m.offset is not None:
            continue
        if m.kind in ("time", "weekday", "date") and m.times:
            a, b = m.times[0]
            by_time = {o.n for o in options if _fits_time(o, a, b, tz)}
            fits = by_time if fits is None else fits & by_time
        if fits is None:
            continue
        cue = True
        candidates &= fits
    if not cue:  # "ke käy", "fre passar": a short weekday that opens the answer, before a yes
        confirm = "|".join(f"(?:{w})" for w in lex.INTENT["confirm"])
        for day, abbrs in lex.WEEKDAY_ABBR.items():
            said = "|".join(f"(?:{a})" for a in abbrs)
            if folded_rx(rf"^\W*(?:{said})\.?\s+(?:{confirm})(?![\w])", lex.folds).match(first_line):
                fits = {o.n for o in options if o.start.astimezone(tz).weekday() == day}
                cue, candidates = True, candidates & fits
    if not cue:
        return Choice(None, set(), False)
    return Choice(candidates.pop() if len(candidates) == 1 else None, candidates, True)


def _hours_in_words(low: str, lex: Lexicon) -> set[int]:
    """Start times named in words ("se yhdentoista aika" → 11:00), read within the working day."""
    out = set()
    for tpl in lex.CHOICE_HOUR:
        rx = folded_rx(tpl.replace("{HW}", _HOUR_WORD_RX), lex.folds)
        for m in rx.finditer(low):
            hour = HOUR_WORDS.get(m.group("hw"))
            if hour:
                out.add((hour + 12 if hour < 7 else hour) * 60)
    return out


_HOUR_WORD_RX = "|".join(sorted((re.escape(w) for w in HOUR_WORDS), key=len, reverse=True))


def _minutes(o: Option, tz: ZoneInfo) -> int:
    s = o.start.astimezone(tz)
    return s.hour * 60 + s.minute


def _fits_time(o: Option, a: int, b: int, tz: ZoneInfo) -> bool:
    s = o.start.astimezone(tz)
    start = s.hour * 60 + s.minute
    if b - a == 60:  # "klo 14": the option that starts then
        return start == a
    return a <= start < b  # "aamupäivällä": an option that starts in that part of the day
