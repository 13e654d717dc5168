"""Time expressions found in text: the grammar that turns words into ``Mention`` objects.

The grammar is shared by the three languages; the words come from the lexicons. Each rule is a
regular expression with named groups; a match becomes a Mention that still holds relative
values (a weekday, "next week", a day of a month without a year). ``resolve.py`` turns them
into calendar days against ``now``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from mailbot.regex_cache import compile as rx_compile
from mailbot.understand.lexicon import LANGUAGES, Lexicon, fold, load, plain, trie

DAY_PART_TIMES = {"morning": (8 * 60, 12 * 60), "midday": (10 * 60, 14 * 60), "afternoon": (12 * 60, 16 * 60),
                  "evening": (16 * 60, 20 * 60)}
DAY_START, DAY_END = 8 * 60, 20 * 60

def _hour_words() -> dict[str, int]:
    """Every language's hours in words, and their spellings without diacritics, for look-ups."""
    words: dict[str, int] = {}
    for lang in LANGUAGES:
        lex = load(lang)
        for table in (lex.HOUR_WORDS, lex.HOUR_AT, lex.HOUR_FROM, lex.HOUR_TO):
            words.update(table)
    return {**{plain(k): v for k, v in words.items()}, **words}


HOUR_WORDS = _hour_words()


def _clock(n: str, modifiers: str, words: str, minutes: str = "") -> str:
    """A clock time: digits ("14", "14.30", "2:30 pm") or an hour in words, maybe after a modifier
    ("puoli yksitoista", "kvart i tre", "quarter to three") or before minutes in words ("kymmenen
    kolmekymmentä", "ten thirty"). Group names end in ``n``."""
    mod = rf"(?:(?P<q{n}>{modifiers})\s+)?" if modifiers else ""
    after = rf"(?:\s+(?P<mw{n}>{minutes})(?![\w]))?" if minutes else ""
    word = rf"|(?<![^\W\d_])(?P<hw{n}>{words})(?![\w]){after}" if words else ""
    return (rf"{mod}(?:(?P<h{n}>\d{{1,2}})(?:[.:](?P<m{n}>\d{{2}}))?{word})(?:\s*o['’]?\s?clock)?"
            rf"(?:\s*(?P<ap{n}>a\.?m\.?|p\.?m\.?)(?![a-z]))?")


_T1AP = r"(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\s*(?P<ap1>a\.?m\.?|p\.?m\.?)(?![a-z])"  # "10am", "2:30 pm"


@dataclass
class Mention:
    """One time expression. Kinds and the fields they use:

    weekday: weekdays, habitual · date: day, month, year (year None when not written) ·
    relday: offset (days from today) · week: week ("this" | "next" | "after_next" | "same" | int) or
    in_weeks · month: month, part ("early" | "mid" | "late" | None), or rel_month ("this" | "next") ·
    range: a span of explicit dates (day, month, year) to (day2, month2, year2) · time: minutes ·
    flag: text that changes the reading (asap, any, holiday)
    """

    kind: str
    start: int
    end: int
    weekdays: frozenset[int] = frozenset()
    habitual: bool = False
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day2: int | None = None
    month2: int | None = None
    year2: int | None = None
    offset: int | None = None
    week: str | int | None = None
    in_weeks: int | None = None
    part: str | None = None
    rel_month: str | None = None
    times: tuple[tuple[int, int], ...] = ()
    flag: str | None = None
    problems: list[str] = field(default_factory=list)
    alternatives: tuple[tuple[int, int], ...] = ()  # other (day, month) readings of an ambiguous date
    reference: bool = False  # names the booked appointment, not a wish
    nth: int | None = None  # with weekdays: the nth such weekday of the month (-1: the last)
    more_weeks: tuple[int, ...] = ()  # "veckorna 52 och 53": the weeks after the first
    every_other: bool = False  # with a habitual weekday: "joka toinen tiistai", "every other Tuesday"
    following: bool = False  # "the following Tuesday": after the day named before, not after today

    @property
    def is_day(self) -> bool:
        return self.kind in ("weekday", "date", "relday", "week", "month", "range")


def _alt(fragments: list[str]) -> str:
    return "|".join(f"(?:{f})" for f in sorted(fragments, key=len, reverse=True))


def _word_map(table: dict[int, list[str]] | dict[str, list[str]],
              folds: bool = True) -> list[tuple[re.Pattern[str], object]]:
    """Word → key look-ups; a fragment's look-behind (its context in running text) is not the word's."""
    return [(rx_compile(fold(rf"(?:{_alt([_NO_LOOKBEHIND.sub('', f) for f in v])})$", folds)), k)
            for k, v in table.items()]


_NO_LOOKBEHIND = rx_compile(r"\(\?<[=!][^)]*\)")


def _lookup(word: str, mapping: list[tuple[re.Pattern[str], object]]) -> object | None:
    for rx, key in mapping:
        if rx.match(word):
            return key
    return None


@dataclass(frozen=True)
class Grammar:
    lex: Lexicon
    rules: tuple[_Rule, ...]
    clock_gate: re.Pattern[str]
    features: dict[str, re.Pattern[str]]  # a gate's name → what a sentence must contain to pass it
    applicable: dict[frozenset[str], tuple[tuple[int, str, _Rule, frozenset[str] | None], ...]]  # filled by _applicable
    length: list[tuple[re.Pattern[str], int]]  # after a start time: how long the meeting is
    not_time_before: re.Pattern[str]  # "åk 7–9": a range of school grades, not hours
    week_noun_before: re.Pattern[str]  # "viikon 5 jälkeen": a week's number, not five o'clock
    every_other: re.Pattern[str]
    following: re.Pattern[str]
    from_after: re.Pattern[str]
    from_before: re.Pattern[str]
    weekday_map: list[tuple[re.Pattern[str], object]]
    month_map: list[tuple[re.Pattern[str], object]]
    part_map: list[tuple[re.Pattern[str], object]]
    habitual: re.Pattern[str]
    numbers: dict[str, int]
    modifier_map: list[tuple[re.Pattern[str], object]]
    hour_words: dict[str, int]
    day_words: dict[str, int]  # "kahdeksas", "åttonde", "eighth": a day of the month
    minute_words: dict[str, int]  # "kolmekymmentä", "thirty": the minutes after an hour in words
    nth_map: list[tuple[re.Pattern[str], object]]
    mref_map: list[tuple[re.Pattern[str], object]]
    every: re.Pattern[str]
    usually: re.Pattern[str]  # "yleensä", "usually": the weekdays of the sentence are habits
    daypart_noun: re.Pattern[str]
    that_day: re.Pattern[str]
    abbr: re.Pattern[str]


_DIGIT_RULES = frozenset({"week_list", "num_date_range", "num_date_range2", "num_date", "slash_date", "name_date_range",
                          "name_date",
                          "day_of_month", "day_of_next_month", "week_number", "week_of", "clock_bare"})


_PLAIN = str.maketrans("äöå", "aoa")
_SENTINELS = "\ue000\ue001\ue002\ue003\ue004"  # private-use characters: never in mail text


def _requires(items: object, mark: str) -> bool:
    """Whether every match of a parsed pattern must pass through the literal ``mark``."""
    from re import _constants as c  # the parser's opcodes (stable since 3.11)

    for op, av in items:  # type: ignore[attr-defined]
        if op is c.LITERAL and av == ord(mark):
            return True
        if op is c.IN and av and all(o is c.LITERAL and v == ord(mark) for o, v in av):
            return True
        if op is c.SUBPATTERN and _requires(av[-1], mark):
            return True
        if op is c.ATOMIC_GROUP and _requires(av, mark):
            return True
        if op is c.ASSERT and _requires(av[1], mark):  # a look-ahead/behind: the text has it nearby
            return True
        if op is c.BRANCH and all(_requires(b, mark) for b in av[1]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1 and _requires(av[2], mark):
            return True
    return False


def _literals(items: object) -> frozenset[str] | None:
    """Words of which every match of a parsed pattern holds at least one (None: no such words), so that
    a sentence holding none of them is not scanned at all: 'ensi\\s+viik\\w*|seuraava\\w*' → {ensi, seuraava}."""
    from re import _constants as c

    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    def close_run() -> None:
        if len(run) >= 3:
            consider(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:  # type: ignore[attr-defined]
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        if op is c.SUBPATTERN:
            consider(_literals(av[-1]))
        elif op is c.ATOMIC_GROUP:
            consider(_literals(av))
        elif op is c.BRANCH:
            parts = [_literals(b) for b in av[1]]
            if all(parts):
                consider(frozenset().union(*parts))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_literals(av[2]))
    close_run()
    return best


def _gates(name: str, pattern: str, features: dict[str, str]) -> tuple[frozenset[str], str]:
    """What a sentence must contain for a rule to match at all, so that most rules are skipped cheaply
    (and never compiled in a process that meets no such sentence): a digit for numeric dates and
    clock times, and each word list (months, weekdays…) that every match of the rule passes through."""
    gates = set()
    if name in _DIGIT_RULES or name.endswith("#digits"):
        gates.add("digit")
    elif name.endswith("#words"):
        gates.add("hour_word")
    elif name.startswith("clock_"):
        gates.add("clock")
    marked = pattern
    marks = {}
    assert len(features) <= len(_SENTINELS)
    by_length = sorted(features.items(), key=lambda kv: -len(kv[1]))
    for (feature, alternation), mark in zip(by_length, _SENTINELS, strict=False):
        if alternation and alternation in marked:
            marked = marked.replace(alternation, mark)
            marks[feature] = mark
    if marks:
        from re import _parser

        tree = _parser.parse(marked)
        gates.update(feature for feature, mark in marks.items() if _requires(tree, mark))
    return frozenset(gates), marked


def _words(marked: str) -> frozenset[str] | None:
    from re import _parser

    words = _literals(_parser.parse(marked))
    if words is None or any(ch in _SENTINELS for w in words for ch in w):
        return None
    return frozenset(plain(w) for w in words)  # looked for in the text without diacritics, as patterns fold


class _Rule:
    """A grammar rule compiled the first time a sentence passes its gates."""

    __slots__ = ("name", "source", "gates", "marked", "_words", "_rx")

    def __init__(self, name: str, source: str, gates: tuple[frozenset[str], str]) -> None:
        self.name, self.source, self._rx, self._words = name.partition("#")[0], source, None, False
        self.gates, self.marked = gates

    @property
    def words(self) -> frozenset[str] | None:
        """Words one of which every match holds (None: none known), worked out when first needed."""
        if self._words is False:
            self._words = _words(self.marked)
        return self._words  # type: ignore[return-value]

    @property
    def rx(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = rx_compile(self.source)
        return self._rx


def _b(pattern: str) -> str:
    """Word boundaries that treat Finnish/Swedish letters as letters."""
    return rf"(?<![\w])(?:{pattern})(?![\w]|-(?!\d))"  # "morgon- och kvällsskiftet" names no time


@cache
def grammar(lex: Lexicon) -> Grammar:
    wd_full = _alt([f for v in lex.WEEKDAYS.values() for f in v])
    wd_abbr = _alt([f for v in lex.WEEKDAY_ABBR.values() for f in v])
    months = _alt([f for v in lex.MONTHS.values() for f in v])
    parts = _alt([f for v in lex.MONTH_PART.values() for f in v])
    wd_any = f"{wd_full}|{wd_abbr}"
    dash = r"\s*(?:-|–|—|‒)\s*"
    to_word = {"fi": r"\w*sta\s+\w*(?:hin|on|un|yn|iin|aan|ään|ön)", "sv": r"till",
               "en": r"(?:to|through|until|till)"}[lex.lang]
    rules: list[tuple[str, str]] = []

    mods = _alt(list(lex.HOUR_MODIFIERS))
    hw = trie(set(lex.HOUR_WORDS) | {plain(w) for w in lex.HOUR_WORDS})
    # in the clock templates an hour word is any word, checked against the lexicon when matched:
    # a hundred templates need not each carry the word list (that is most of the grammar's compile time)
    minutes = trie(set(lex.MINUTE_WORDS) | {plain(w) for w in lex.MINUTE_WORDS})
    t1, t2 = _clock("1", mods, r"[^\W\d_]+", minutes), _clock("2", mods, r"[^\W\d_]+", minutes)
    d1, d2 = _clock("1", mods, ""), _clock("2", mods, "")

    def clock(kind: str) -> None:
        # twice: with digits only, for any sentence with a digit, and with hours in words too, only for
        # a sentence that has an hour word ("kolmesta puoli viiteen", "from nine to 11")
        for tpl in lex.CLOCK[kind]:
            tpl = tpl.replace("{T1AP}", _T1AP)
            rules.append((f"clock_{kind}#digits", tpl.replace("{T1}", d1).replace("{T2}", d2)))
            if "{T1}" in tpl or "{T2}" in tpl:
                rules.append((f"clock_{kind}#words", tpl.replace("{T1}", t1).replace("{T2}", t2)))

    for kind in ("range", "after", "before", "at"):
        clock(kind)
    # shared by every language: a clock time with minutes needs no "klo" ("14.30 torstaina", "8.30–10")
    hm1 = r"(?P<h1>\d{1,2})[.:](?P<m1>\d{2})"
    rules += [
        ("clock_range", rf"(?<![\d.,:/]){hm1}{dash}{t2}(?![.:/]?\d)"),
        ("clock_range", rf"(?<![\d.,:/]){t1}{dash}(?P<h2>\d{{1,2}})[.:](?P<m2>\d{{2}})(?![.:/]?\d)"),
        ("clock_bare", rf"(?<![\d.,:/]){hm1}(?![\d]|[.:/]\d)"),
        ("clock_at", rf"(?P<q1>{mods})\s+(?:(?P<h1>\d{{1,2}})(?![\d.:])|(?P<hw1>{hw}))"),
        ("weekday_abbr_on", rf"(?:on|på)\s+(?P<w1>{wd_abbr})\.?"),
    ]
    if lex.HOUR_AT:  # "kahdeksalta", "kolmesta puoli viiteen": the case says it is a time
        rules += [
            ("clock_at", rf"(?:(?P<q1>{mods})\s+)?(?P<hw1>{trie(lex.HOUR_AT)})"),
            ("clock_range", rf"(?:(?P<q1>{mods})\s+)?(?P<hw1>{trie(lex.HOUR_FROM)})\s+(?:(?P<q2>{mods})\s+)?"
                            rf"(?P<hw2>{trie(lex.HOUR_TO)})"),
        ]
    # numeric dates and date ranges (shared by every language)
    y = r"(?P<y>(?:19|20)\d\d)"
    rules += [
        ("num_date_range", rf"(?P<d>\d{{1,2}})\.?{dash}(?P<d2>\d{{1,2}})\.(?P<m>\d{{1,2}})\.?{y}?(?!\d)"),
        ("num_date_range2", rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.?(?:(?P<y>(?:19|20)\d\d))?{dash}"
                            rf"(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.?(?:(?P<y2>(?:19|20)\d\d))?(?!\d)"),
        ("num_date", rf"(?<![\d.,:/])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})(?:\.{y}?)?(?![\d]|\.\d)"),
        ("slash_date", r"(?<![\d/.])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>(?:20)?\d\d))?(?![\d/])"),
        ("num_date", r"(?<![\d.-])(?P<y>20\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])"),  # 2026-12-03
        ("month_range", rf"(?:from\s+|från\s+)?(?P<mon>{months}){dash}(?P<mon2>{months})"),
        ("month_range", rf"(?:from|från)\s+(?P<mon>{months})\s+(?:to|until|till|through)\s+(?P<mon2>{months})"),
        *([("month_range", rf"(?P<stem>{trie(lex.MONTH_STEMS)}){dash}(?P<mon2>{months})")] if lex.MONTH_STEMS else []),
        ("name_date_range", rf"(?P<d>\d{{1,2}})\.?{dash}(?P<d2>\d{{1,2}})\.?\s+(?P<mon>{months})"),
        ("name_date_range", rf"(?:from\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th|:e|:a)?\s*(?:-|–|to|till|until)\s*"
                            rf"(?:the\s+)?"
                            rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th|:e|:a)?\s+(?:of\s+)?(?P<mon>{months})"),
        # "between the 13th and the 17th of September", "mellan den 20 och 24 september"
        ("name_date_range", rf"(?:between|mellan)\s+(?:the\s+|den\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th|:e|:a|\.)?\s+"
                            rf"(?:and|och)\s+(?:the\s+|den\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th|:e|:a|\.)?\s+(?:of\s+)?"
                            rf"(?P<mon>{months})"),
        ("name_date_range", rf"(?P<d>\d{{1,2}})\.\s+ja\s+(?P<d2>\d{{1,2}})\.\s+(?P<mon>{months})\s+välillä"),
        ("name_date_range", rf"(?P<mon>{months})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{dash}"
                            rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"),
    ]
    day_words = trie(set(lex.DAY_WORDS) | {plain(w) for w in lex.DAY_WORDS})
    for tpl in lex.DATE_PATTERNS:
        name = "word_date" if "{DAYWORDS}" in tpl else "name_date"  # "kahdeksas maaliskuuta" needs no digit
        rules.append((name, tpl.replace("{MONTHS}", months).replace("{DAYWORDS}", day_words)))
    rules += [
        ("month_part", rf"(?P<mon>{months})\s+(?P<part>{parts})"),
        ("month_part", rf"(?P<part>{parts})\s*(?P<mon>{months})"),
    ]
    if lex.lang == "fi":
        rules.append(("month", rf"(?P<mon>{months})"))
    else:  # "may", "mars", "jan" are words too: a month name stands alone only after a preposition
        before = r"(?:in|i|during|under|for|of|från|from|to|till|until|through(?:out)?|since|sedan)"
        rules.append(("month", rf"{before}\s+(?P<mon>{months})"))
        # or as the subject of a wish: "March is fine", "januari passar bra"
        rules.append(("month", rf"(?P<mon>{months})(?=\s+(?:(?:is|would\s+be|could\s+be|är|vore)\s+"
                      rf"(?:fine|good|ok|okay|best|ideal|great|free|open|possible|"
                      rf"bra|fint|möjlig\w*|ledig\w*)|works?|suits?|passar|går\s+bra|fungerar)(?![\w]))"))
    for key, frags in lex.WEEK_WORDS.items():
        rules += [(f"week_{key}", frag) for frag in frags]  # one rule each: fragments share group names
    rules.append(("relmonth_next_year", _alt(lex.NEXT_YEAR)))
    # "veckorna 52 och 53", "viikoilla 2–4", "weeks 9 and 10": several weeks by number
    rules.append(("week_list", rf"(?:{_alt(lex.WEEK_NOUNS)})\s*(?P<n>\d{{1,2}})"
                               rf"(?:\s*(?:,|och|ja|tai|eller|and|or|&|-|–)\s*\d{{1,2}}(?![\d]|[.:]\d))+"))
    for key, frags in lex.MONTH_WORDS.items():
        rules.append((f"relmonth_{key}", _alt(frags)))
        rules.append((f"relmonthpart_{key}", rf"(?:{_alt(frags)})\s+(?P<part>{parts})"))  # ensi kuun alussa
        rules.append((f"relmonthpart_{key}", rf"(?P<part>{parts})\s*(?:{_alt(frags)})"))  # early next month
    for tpl in lex.WEEK_OF:  # "the week of 18 January": the ISO week of that date
        rules.append(("week_of", tpl.replace("{MONTHS}", months)))
    nth = _alt([f for v in lex.NTH.values() for f in v])
    mref = _alt([f for v in lex.MONTH_REF.values() for f in v])
    for tpl in lex.NTH_WEEKDAY:  # "kuun ensimmäinen tiistai", "the second Wednesday of January"
        rules.append(("nth_weekday", tpl.replace("{NTH}", nth).replace("{WD}", wd_full).replace("{MREF}", mref)
                      .replace("{MONTHS}", months)))
    next_month = _alt(lex.MONTH_WORDS["next"])
    for tpl in lex.DAY_OF_MONTH:  # "on the 12th": the next 12th
        tpl = tpl.replace("{MONTHS}", months)
        rules.append(("day_of_month", tpl))
        # "the 2nd of next month", "ensi kuun 7. päivä": that day of the next month
        rules.append(("day_of_next_month", rf"{tpl}\s+(?:of\s+|i\s+)?(?:{next_month})"))
        rules.append(("day_of_next_month", rf"(?:{next_month})\s+{tpl}"))
    for key, frags in lex.WEEK_PART.items():  # "loppuviikosta", "i slutet av veckan": part of the week meant
        rules.append((f"weekpart_{key}", _alt(frags)))
    for key, frags in lex.REL_DAYS.items():
        rules.append((f"relday_{key}", _alt(frags)))
    for tpl in lex.IN_DAYS:
        rules.append(("in_days", tpl))
    for key, frags in lex.REL_DAY_PARTS.items():  # "tonight", "tänä aamuna", "huomisaamuna"
        rules.append((f"reldaypart_{key.replace(' ', '_')}", _alt(frags)))
    rules += [
        ("weekday_range", rf"(?P<w1>{wd_any})\.?{dash}(?P<w2>{wd_any})\.?(?P<suf>-?päiv\w*|dagar\w*)?"),
        ("weekday_range", rf"(?:från\s+|from\s+)?(?P<w1>{wd_full})\s+{to_word}\s+(?P<w2>{wd_full})"),
        ("weekday_abbr", rf"(?P<w1>{wd_abbr})\.?(?=\s+\d{{1,2}}\.\d{{1,2}})"),
        # Finnish cases make the range: "maanantaista keskiviikkoon"
        ("weekday_range_cases", rf"(?P<w1>{wd_full})\s+(?P<w2>{wd_full})"),
        # "ma tai ti", "ti., to. eller fre.": abbreviations count when another weekday joins them
        ("weekday_list", rf"(?P<w1>{wd_abbr})\.?(?:\s*(?:,|/|&|tai|ja|eller|och|or|and|sekä)\s*(?:(?:on|på)\s+)?"
                         rf"(?:{wd_any})\.?)+"),
        ("weekday_list", rf"(?P<w1>{wd_full})(?:\s*(?:,|/|&|tai|ja|eller|och|or|and|sekä)\s*(?:{wd_any})\.?)*"
                         rf"\s*(?:,|/|&|tai|ja|eller|och|or|and|sekä)\s*(?:{wd_abbr})\.?"),
        ("weekday_abbr_dot", rf"(?P<w1>{_alt([a for v in lex.WEEKDAY_ABBR.values() for a in v if len(a) >= 3])})"
                             r"\.(?!\w)"),
        ("workdays", _alt(lex.WORKDAYS)),
        # "Monday after next", "tisdagen om en vecka"-style: the second such day from tomorrow
        ("weekday_after_next", rf"(?:the\s+|on\s+the\s+)?(?P<w1>{wd_full})\s+(?:after\s+next|veckan\s+efter\s+nästa|"
                               rf"nästa\s+vecka\s+efter)"),
        ("weekday", rf"(?P<pre>(?:{_alt(lex.HABITUAL_BEFORE)})\s+)?(?P<w1>{wd_full})"),
    ]
    for key, frags in lex.DAY_PARTS.items():
        rules.append((f"daypart_{key}", _alt(frags)))
    rules += [("flag_asap", _alt(lex.ASAP)), ("flag_any", _alt(lex.ANY_TIME)), ("flag_holiday", _alt(lex.HOLIDAYS))]
    f = lex.folds
    features = {"month": months, "weekday": wd_full, "weekday_abbr": wd_abbr, "month_part": parts, "nth": nth}
    compiled = tuple(_Rule(name, fold(_b(rx), f), _gates(name, rx, features)) for name, rx in rules)
    return Grammar(
        lex=lex,
        rules=compiled,
        applicable={},
        not_time_before=rx_compile(fold(rf"(?<![\w])(?:{_alt(lex.NOT_TIME_BEFORE)})\s*$", f)),
        week_noun_before=rx_compile(fold(rf"(?<![\w])(?:{_alt(lex.WEEK_NOUNS)})\s*$", f)),
        every_other=rx_compile(fold(rf"(?:{_alt(lex.EVERY_OTHER)})", f)),
        following=rx_compile(fold(rf"(?<![\w])(?:{_alt(lex.FOLLOWING)})\s+$", f)),
        from_after=rx_compile(fold(rf"[\s,]*(?:{_alt(lex.FROM_AFTER)})(?![\w])", f)),
        from_before=rx_compile(fold(rf"(?<![\w])(?:{_alt(lex.FROM_BEFORE)})\s+(?:the\s+|den\s+|on\s+)?$", f)),
        length=[(rx_compile(fold(rf"[\s,]*(?:{k})(?![\w])", f)), v) for k, v in lex.MEETING_LENGTH.items()],
        features={"weekday_abbr": rx_compile(fold(wd_abbr, f)), "weekday": rx_compile(fold(wd_full, f)),
                  "month": rx_compile(fold(months, f)), "month_part": rx_compile(fold(parts, f)),
                  "nth": rx_compile(fold(nth, f)),
                  "hour_word": rx_compile(fold(rf"(?<![\w])(?:{hw}|"
                                               rf"{trie({**lex.HOUR_AT, **lex.HOUR_FROM, **lex.HOUR_TO}) or 'x^'})"
                                               r"(?![\w])", f))},
        clock_gate=rx_compile(fold(rf"\d|(?<![\w])(?:{hw}|{mods}|"
                                   rf"{trie({**lex.HOUR_AT, **lex.HOUR_FROM, **lex.HOUR_TO}) or 'x^'})"
                                   r"(?![\w])", f)),
        weekday_map=_word_map(dict(lex.WEEKDAYS.items()), f) + _word_map(dict(lex.WEEKDAY_ABBR.items()), f),
        month_map=_word_map(dict(lex.MONTHS.items()), f),
        part_map=_word_map(dict(lex.MONTH_PART.items()), f),
        habitual=rx_compile(fold(rf"(?:{_alt(lex.HABITUAL)})$", f)),
        hour_words={**{plain(k): v for k, v in lex.HOUR_WORDS.items()}, **lex.HOUR_WORDS, **lex.HOUR_AT,
                    **{plain(k): v for k, v in {**lex.HOUR_AT, **lex.HOUR_FROM, **lex.HOUR_TO}.items()},
                    **lex.HOUR_FROM, **lex.HOUR_TO},
        day_words={**{plain(k): v for k, v in lex.DAY_WORDS.items()}, **lex.DAY_WORDS},
        minute_words={**{plain(k): v for k, v in lex.MINUTE_WORDS.items()}, **lex.MINUTE_WORDS},
        modifier_map=[(rx_compile(fold(rf"(?:{k})$", f)), v) for k, v in lex.HOUR_MODIFIERS.items()],
        nth_map=_word_map(dict(lex.NTH.items()), f),
        mref_map=_word_map(dict(lex.MONTH_REF.items()), f),
        every=rx_compile(fold(rf"(?<![\w])(?:{_alt(lex.EVERY_WEEK)})[\s,:]*$", f)),
        usually=rx_compile(fold(rf"(?<![\w])(?:{_alt(lex.USUALLY)})(?![\w])", f)),
        abbr=rx_compile(fold(_b(wd_abbr), f)),
        that_day=rx_compile(fold(rf"(?<![\w])(?:{_alt(lex.THAT_DAY)})\s+$", f)),
        daypart_noun=rx_compile(fold(rf"\s+(?:{_alt(lex.DAYPART_NOUNS)})(?![\w])", f)),
        numbers={**{plain(k): v for k, v in lex.NUMBERS.items()}, **lex.NUMBERS, **{str(i): i for i in range(1, 60)}},
    )


def _words_to_hours(gd: dict[str, str | None], g: Grammar) -> bool:
    """An hour written as a word reads as the digits would, within the working day: 1–6 are afternoon
    hours ("kahden jälkeen"); a modifier moves the hour ("puoli yksitoista" 10.30, "kvart i tre" 14.45)."""
    for n in ("1", "2"):
        word, digits, mod = gd.get(f"hw{n}"), gd.get(f"h{n}"), gd.get(f"q{n}")
        if not word and not (digits and mod):
            continue
        if word and word not in g.hour_words:
            return False  # "klo viimeistään": no hour
        hour = int(digits) if digits else g.hour_words[word]  # type: ignore[index]
        minute = int(gd.get(f"m{n}") or 0)
        if gd.get(f"mw{n}"):
            minute = g.minute_words.get(gd[f"mw{n}"] or "", 0)
        if mod:
            found = _lookup(mod, g.modifier_map)
            if found is None:
                continue
            delta, minute = found  # type: ignore[misc]
            hour = (hour + delta) % 24
        if word and not gd.get(f"ap{n}") and hour < 7:
            hour += 12
        gd[f"h{n}"], gd[f"m{n}"] = str(hour), f"{minute:02d}"
    return True


def _hm(h: str | None, m: str | None, ap: str | None, lang: str, other_ap: str | None = None) -> int | None:
    if h is None:
        return None
    hour, minute = int(h), int(m or 0)
    ap = (ap or other_ap or "").replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    elif not ap and 1 <= hour <= (7 if lang == "en" else 6):
        hour += 12  # nobody meets at 4 in the morning: "after 4", "klockan 3" are afternoon hours
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return -1
    return hour * 60 + minute


def _number(word: str, g: Grammar) -> int | None:
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word.isdigit():
        return int(word)
    return g.numbers.get(word)


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


@cache
def _hour_followers(lex: Lexicon) -> frozenset[str] | None:
    """The words that may follow an hour in words (``HOUR_FOLLOWERS``), without diacritics too ("pa onsdag")."""
    return frozenset(plain(w) for w in lex.HOUR_FOLLOWERS) if lex.HOUR_FOLLOWERS else None


def _match_to_mention(name: str, m: re.Match[str], g: Grammar, text: str) -> Mention | None:
    s, e = m.span()
    gd = m.groupdict()
    lang = g.lex.lang
    if name == "clock_bare":
        if gd["m1"] and 1 <= int(gd["m1"]) <= 12 and "." in m.group():  # "9.12" is a date
            return None
        name = "clock_at"
    if name.startswith("clock_"):
        kind = name[6:]
        if not _words_to_hours(gd, g):
            return None
        followers = _hour_followers(g.lex)
        if followers and any(gd.get(f"hw{n}") and m.end(f"hw{n}") == e for n in ("1", "2")):
            follower = _NEXT_WORD.match(text, e)
            if follower and plain(follower.group(1)) not in followers:
                return None  # "efter ett tungt läsår", "after one session": a number before its noun
        a = _hm(gd.get("h1"), gd.get("m1"), gd.get("ap1"), lang, gd.get("ap2"))
        b = _hm(gd.get("h2"), gd.get("m2"), gd.get("ap2"), lang) if gd.get("h2") else None
        if kind == "range" and a is not None and b is not None and a >= 0 and b >= 0 and b <= a and lang == "en":
            b += 12 * 60 if b + 12 * 60 <= 24 * 60 else 0  # "between 12 and 2"
        mention = Mention("time", s, e)
        if a == -1 or b == -1:
            mention.problems.append("impossible time")
            return mention
        assert a is not None
        if kind == "range":
            if b is None or b <= a:
                mention.problems.append("time range does not make sense")
                return mention
            mention.times = ((a, b),)
        elif kind == "after":
            mention.times = ((a, max(a + 60, DAY_END)),)
        elif kind == "before":
            mention.times = ((min(DAY_START, a - 60 if a > 60 else 0), a),) if a > 0 else ()
        else:
            mention.times = ((a, a + 60),)
        return mention
    if name in ("num_date", "slash_date", "name_date", "word_date"):
        day = int(gd["d"]) if gd.get("d") else g.day_words.get(gd["dw"] or "")
        if day is None:
            return None
        month = int(gd["m"]) if gd.get("m") else _lookup(gd["mon"], g.month_map)
        if month is None or not (1 <= int(month) <= 12) or not (1 <= day <= 31):  # type: ignore[arg-type]
            return None
        year = _year(gd.get("y"))
        mention = Mention("date", s, e, day=day, month=int(month), year=year)  # type: ignore[arg-type]
        if name == "slash_date" and lang == "en" and day <= 12 and int(month) <= 12 and day != int(month):  # type: ignore[arg-type]
            mention.alternatives = ((int(month), day),)  # type: ignore[arg-type]  # 2/3 read as 3 February
            mention.problems.append("ambiguous date")
        return mention
    if name in ("num_date_range", "num_date_range2", "name_date_range"):
        month = int(gd["m"]) if gd.get("m") else _lookup(gd["mon"], g.month_map)
        month2 = int(gd["m2"]) if gd.get("m2") else month
        if month is None or month2 is None or not (1 <= int(month) <= 12 and 1 <= int(month2) <= 12):  # type: ignore[call-overload]
            return None
        if not (1 <= int(gd["d"]) <= 31 and 1 <= int(gd["d2"]) <= 31):
            return None
        return Mention("range", s, e, day=int(gd["d"]), month=int(month), year=_year(gd.get("y") or gd.get("y2")),  # type: ignore[arg-type]
                       day2=int(gd["d2"]), month2=int(month2), year2=_year(gd.get("y2") or gd.get("y")))  # type: ignore[arg-type]
    if name == "month_range":  # "januari–mars", "from December to May"
        stems = {plain(k): v for k, v in g.lex.MONTH_STEMS.items()}
        m1 = stems.get(plain(gd["stem"])) if gd.get("stem") else _lookup(gd["mon"], g.month_map)
        m2 = _lookup(gd["mon2"], g.month_map)
        if m1 is None or m2 is None:
            return None
        return Mention("range", s, e, day=1, month=int(m1), day2=0, month2=int(m2))  # type: ignore[call-overload]
    if name == "nth_weekday":
        w1 = _lookup(gd["w1"], g.weekday_map)
        n = _lookup(gd["nth"], g.nth_map)
        if w1 is None or n is None:
            return None
        ref = _lookup(gd["mref"], g.mref_map)
        month = None if ref is not None else _lookup(gd["mref"], g.month_map)
        mention = Mention("date", s, e, weekdays=frozenset({int(w1)}), nth=int(n),  # type: ignore[call-overload]
                          month=month, rel_month=None if ref in (None, "any") else ref)  # type: ignore[arg-type]
        mention.habitual = ref == "any" and bool(g.every.search(text[max(0, s - 12):s]))
        return mention
    if name == "day_of_next_month":
        day = int(gd["d"])
        return Mention("date", s, e, day=day, rel_month="next") if 1 <= day <= 31 else None
    if name.startswith("weekpart_"):  # "loppuviikosta": the late part of the week meant
        return Mention("week", s, e, week="part", part=name[9:])
    if name == "month_part":
        return Mention("month", s, e, month=_lookup(gd["mon"], g.month_map),  # type: ignore[arg-type]
                       part=_lookup(gd["part"].strip(), g.part_map))  # type: ignore[arg-type]
    if name == "month":
        return Mention("month", s, e, month=_lookup(gd["mon"], g.month_map))  # type: ignore[arg-type]
    if name == "week_of":
        month = int(gd["m"]) if gd.get("m") else _lookup(gd["mon"], g.month_map)
        if not 1 <= int(month or 0) <= 12:  # type: ignore[call-overload]
            return None
        return Mention("week", s, e, week="of", day=int(gd["d"]), month=month) if month else None  # type: ignore[arg-type]
    if name == "week_list":
        nums = [int(x) for x in re.findall(r"\d{1,2}", m.group())]
        dashed = bool(re.search(r"\d\s*[-–]\s*\d", m.group()))
        if dashed and len(nums) == 2 and nums[0] < nums[1]:
            nums = list(range(nums[0], nums[1] + 1))  # "viikoilla 2–4"
        if not all(1 <= n <= 53 for n in nums):
            return None
        return Mention("week", s, e, week=nums[0], more_weeks=tuple(nums[1:]))
    if name.startswith("week_"):
        key = name[5:]
        if key == "number":
            n = int(gd["n"])
            if not 1 <= n <= 53:
                return None
            mention = Mention("week", s, e, week=n)
            _week_part(mention, text)
            return mention
        if key == "in_n":
            n = _number(gd["n"], g) if gd.get("n") else 1  # "viikon päästä": in a week
            return Mention("week", s, e, in_weeks=n) if n else None
        mention = Mention("week", s, e, week=key)
        _week_part(mention, text)
        return mention
    if name == "day_of_month":
        day = int(gd["d"])
        return Mention("date", s, e, day=day, month=None) if 1 <= day <= 31 else None
    if name.startswith("relmonthpart_"):
        return Mention("month", s, e, rel_month=name[13:], part=_lookup(gd["part"].strip(), g.part_map))  # type: ignore[arg-type]
    if name.startswith("relmonth_"):
        return Mention("month", s, e, rel_month=name[9:])
    if name == "in_days":
        n = _number(gd["n"], g)
        return Mention("relday", s, e, offset=n) if n is not None and 0 < n <= 60 else None
    if name.startswith("reldaypart_"):
        offset, part = name[11:].split("_")
        return Mention("relday", s, e, offset=int(offset), times=(DAY_PART_TIMES[part],))
    if name.startswith("relday_"):
        return Mention("relday", s, e, offset=int(name[7:]))
    if name == "workdays":
        return Mention("weekday", s, e, weekdays=frozenset(range(5)), habitual=True)
    if name.startswith("weekday"):
        w1 = _lookup(gd["w1"].rstrip("."), g.weekday_map)
        if w1 is None:
            return None
        if name == "weekday_list":
            words = [w for w in re.split(r"[\s,/&.]+", m.group()) if w]
            days = [_lookup(w, g.weekday_map) for w in words]
            found = [int(d) for d in days if d is not None]  # type: ignore[call-overload]
            if len(found) < 2:
                return None
            return Mention("weekday", s, e, weekdays=frozenset(found), habitual=_habitual(words[-1], g))
        if name == "weekday_after_next":
            return Mention("weekday", s, e, weekdays=frozenset({int(w1)}), offset=7)  # type: ignore[call-overload]
        if name in ("weekday_abbr_dot", "weekday_abbr_on"):
            return Mention("weekday", s, e, weekdays=frozenset({int(w1)}))  # type: ignore[call-overload]
        if name == "weekday_range_cases":
            if not (re.search(r"st[aä]$", gd["w1"]) and re.search(r"(?:on|in|hin|un|yn|aan|ään)$", gd["w2"])):
                return None
            name = "weekday_range"
        if name == "weekday_range":
            w2 = _lookup(gd["w2"].rstrip("."), g.weekday_map)
            if w2 is None:
                return None
            days = frozenset(range(int(w1), int(w2) + 1)) if int(w2) >= int(w1) else frozenset({int(w1), int(w2)})  # type: ignore[call-overload]
            plural = bool(re.search(r"(?:t|isin|inä|dagar\w*)$", gd.get("suf") or ""))  # "ma–ke-päivät"
            return Mention("weekday", s, e, weekdays=days,
                           habitual=plural or _habitual(gd["w1"], g) or _habitual(gd["w2"], g))
        word = gd["w1"]
        mention = Mention("weekday", s, e, weekdays=frozenset({int(w1)}),  # type: ignore[call-overload]
                          habitual=bool(gd.get("pre")) or _habitual(word, g),
                          every_other=bool(gd.get("pre") and g.every_other.match(gd["pre"])),
                          following=bool(g.following.search(text[max(0, s - 24):s])))
        mention.times = _compound_day_part(word, g)
        return mention
    if name.startswith("daypart_"):
        if g.daypart_noun.match(text, e):  # "the morning check-outs", "evening shifts": no time
            return None
        mention = Mention("time", s, e, times=(DAY_PART_TIMES[name[8:]],))
        mention.reference = bool(g.that_day.search(text[max(0, s - 16):s]))  # "that morning"
        return mention
    if name.startswith("flag_"):
        return Mention("flag", s, e, flag=name[5:])
    return None


_WEEK_PART_AFTER = rx_compile(fold(r"\s+(?:(?P<rest>loppuun\s+mennessä|loppuun\s+asti)|"
                                   r"(?P<early>alkupuol\w*|alussa|alkuun|"
                                   r"alkupäässä|alulla)|(?P<late>loppupuol\w*|lopussa|loppuun|loppupäässä|lopulla))"))
_WEEK_PART_BEFORE = rx_compile(r"(?:(?P<early>early|i\s+början\s+av)|(?P<late>late|i\s+slutet\s+av))\s+$")


def _week_part(m: Mention, text: str) -> None:
    """'viikon 9 alkupuolella' → Monday–Wednesday; 'ensi viikon loppupuolella', 'late next week' → Thursday–Friday."""
    after = _WEEK_PART_AFTER.match(text, m.end)
    before = _WEEK_PART_BEFORE.search(text[max(0, m.start - 20):m.start])
    found = after or before
    if found:
        m.part = "early" if found.group("early") else "rest" if found.groupdict().get("rest") else "late"
        if after:
            m.end = after.end()


def _year(y: str | None) -> int | None:
    if not y:
        return None
    n = int(y)
    return n + 2000 if n < 100 else n


def _habitual(word: str, g: Grammar) -> bool:
    return bool(g.habitual.match(word))


def _compound_day_part(word: str, g: Grammar) -> tuple[tuple[int, int], ...]:
    """tiistaiaamuna → morning; torstai-iltapäivisin → afternoon (Finnish compounds)."""
    if g.lex.lang == "en":
        return ()
    for stem_word in g.lex.WEEKDAYS.values():
        stem = re.match(r"[a-zåäö]+", stem_word[0]).group()  # type: ignore[union-attr]
        if plain(word).startswith(plain(stem)):
            rest = plain(word[len(stem):].lstrip("-"))
            if g.lex.lang == "sv":
                rest = rest.removeprefix("s")  # måndag-s-förmiddag
            for part, stems in g.lex.DAY_PART_STEMS.items():
                if any(rest.startswith(plain(st)) for st in stems):
                    return (DAY_PART_TIMES[part],)
    return ()


def _applicable(g: Grammar, present: frozenset[str]) -> tuple[tuple[int, str, _Rule, frozenset[str] | None], ...]:
    """The rules a sentence with these features can match, in priority order, with the words one of which
    each match holds: a sentence with no digit has no numeric date, one with no month name no named
    date… (a rule is compiled when first needed)."""
    found = g.applicable.get(present)
    if found is None:
        found = g.applicable[present] = tuple((i, rule.name, rule, rule.words) for i, rule in enumerate(g.rules)
                                              if rule.gates <= present)
    return found


_DIGIT = re.compile(r"\d")


def find_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """Every time expression in ``text`` (lower-cased), longest match first, none overlapping.

    A message's sentences are read more than once (for the intent, the windows, the choice): the
    answer is remembered while one message is read (``forget_mentions`` starts the next), and the
    mentions it holds are shared, so callers must not change them."""
    return list(_find_mentions(text, lex))


def forget_mentions() -> None:
    """A new message: what the last one's sentences held is no help (and a benchmark must not reuse it)."""
    _find_mentions.cache_clear()


@lru_cache(maxsize=64)
def _find_mentions(text: str, lex: Lexicon) -> tuple[Mention, ...]:
    g = grammar(lex)
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    has_digit = _DIGIT.search(text) is not None
    present = {"digit"} if has_digit else set()
    if has_digit or g.clock_gate.search(text):
        present.add("clock")
    present.update(name for name, rx in g.features.items() if rx.search(text))
    plain_text = text.translate(_PLAIN)
    seen: dict[frozenset[str], bool] = {}  # rules share their words: look each set up once
    for priority, name, rule, words in _applicable(g, frozenset(present)):
        if words is not None:
            held = seen.get(words)
            if held is None:
                held = seen[words] = any(w in plain_text for w in words)
            if not held:
                continue  # none of the words every match holds: "viikolla" is not in the sentence
        for m in rule.rx.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), priority, name, m))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for s, e, _prio, name, m in candidates:
        if any(s < te and ts < e for ts, te in taken):
            continue
        mention = _match_to_mention(name, m, g, text)
        if mention is None:
            continue
        if mention.kind == "time" and text[s].isdigit() and g.week_noun_before.search(text[max(0, s - 12):s]):
            continue  # "viikon 5 jälkeen", "vk 7 klo 10": the number after a week noun is the week's
        taken.append((s, e))
        mentions.append(mention)
    mentions.sort(key=lambda x: x.start)
    mentions = [m for m in mentions  # "åk 7–9" are school grades
                if not (m.kind == "time" and g.not_time_before.search(text[max(0, m.start - 16):m.start]))]
    _suspended_compounds(mentions, text, g)
    _with_length(mentions, text, g)
    _series_from(mentions, text, g)
    _month_from_context(mentions)
    for a, b in itertools.pairwise(mentions):  # "the following Tuesday or Wednesday": both follow
        if a.following and b.kind == "weekday" and _LIST_WORDS.fullmatch(text[a.end:b.start]):
            b.following = True
    _abbreviations_by_times(mentions, taken, text, g)
    _bare_hours_after_a_day(mentions, text)
    usually = any(m.kind == "weekday" for m in mentions) and g.usually.search(text) is not None
    for m in mentions:
        if m.kind == "weekday" and not m.habitual and (usually or g.every.search(text[max(0, m.start - 24):m.start])):
            m.habitual = True  # "viikoittain keskiviikosta perjantaihin", "every week Tuesday to Thursday"
    return tuple(_combine(mentions, text, g))


_BARE_HOURS = rx_compile(r"[ \t,:]*(?P<h1>\d{1,2})[ \t]*[-–—][ \t]*(?P<h2>\d{1,2})(?![\d.:/,]?\d|[ \t]*(?:%|€|[.:]\d))")


def _bare_hours_after_a_day(mentions: list[Mention], text: str) -> None:
    """'ma 30.8. 9–11', 'Tue 2.2. 13-15', a table's row: two hours right after a day are its hours
    (alone, "7–9" may be grades, people or weeks; after a day, and between 6 and 22, they are hours)."""
    for m in list(mentions):
        if m.kind not in ("date", "weekday") or m.times:
            continue
        found = _BARE_HOURS.match(text, m.end)
        at = mentions.index(m) + 1
        if found is None or (at < len(mentions) and mentions[at].start < found.end()):
            continue
        h1, h2 = int(found.group("h1")), int(found.group("h2"))
        if 6 <= h1 < h2 <= 22:
            mentions.insert(at, Mention("time", found.start("h1"), found.end(), times=((h1 * 60, h2 * 60),)))


_LIST_WORDS = rx_compile(r"[\s,/]*(?:(?:tai|ja|sekä|eller|och|or|and)\s+)?(?:on\s+|på\s+)?")


_SUSPENDED = rx_compile(r"(?<![\w])(?P<w>[^\W\d_]+)-\s+(?:ja|tai|sekä|och|eller|and|or)\s+$")


def _suspended_compounds(mentions: list[Mention], text: str, g: Grammar) -> None:
    """'tiistai- ja torstai-iltapäivät', 'tis- och torsdagsförmiddagar': the first weekday shares the
    part of the day (and the plural) of the compound that completes it."""
    for m in list(mentions):
        if m.kind != "weekday" or not m.times:
            continue
        before = _SUSPENDED.search(text[max(0, m.start - 30):m.start])
        if before is None:
            continue
        w = _lookup(before.group("w"), g.weekday_map)
        if w is None:
            continue
        m.weekdays = m.weekdays | {int(w)}  # type: ignore[call-overload]
        m.start -= len(before.group())


def _month_from_context(mentions: list[Mention]) -> None:
    """'any morning in January except the 19th': a day of the month with no month of its own is in the
    month the sentence named before it."""
    month = None
    for m in mentions:
        if m.kind == "month" and m.month and not m.rel_month:
            month = m.month
        elif m.kind == "date" and m.day and m.month is None and m.nth is None and month is not None:
            m.month = month


def _series_from(mentions: list[Mention], text: str, g: Grammar) -> None:
    """'tiistaisin 7.9. alkaen', 'Tuesdays from 7 September': with a habitual weekday, a start date opens a
    span to the end of the horizon, inside which the weekday is taken."""
    if not any(m.kind == "weekday" and m.habitual for m in mentions):
        return
    for i, m in enumerate(mentions):
        if m.kind != "date" or m.day is None or m.month is None or m.weekdays:
            continue
        after = g.from_after.match(text, m.end)
        if after or g.from_before.search(text[max(0, m.start - 24):m.start]):
            mentions[i] = Mention("range", m.start, after.end() if after else m.end, day=m.day, month=m.month,
                                  year=m.year, day2=-1, month2=m.month, times=m.times)


def _with_length(mentions: list[Mention], text: str, g: Grammar) -> None:
    """'klo 12.30 alkaen puolitoista tuntia', 'at 2 pm for an hour and a half': a start time and how long
    is the span from that start (the length replaces "onwards" and the default hour)."""
    for i, m in enumerate(mentions):
        if m.kind != "time" or len(m.times) != 1:
            continue
        limit = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        for rx, minutes in g.length:
            found = rx.match(text, m.end, limit)
            if found is None:
                continue
            if not minutes:
                minutes = int(found.group("h")) * 60 if found.groupdict().get("h") else int(found.group("m"))
            start = m.times[0][0]
            if 15 <= minutes <= 240 and start + minutes <= 24 * 60:
                m.times, m.end = ((start, start + minutes),), found.end()
            break


_NEXT_TO_TIME = rx_compile(r"\.?[\s,]*(?:klo|kello|kl\.?|klockan|at|on|om|på)?\s*")


def _abbreviations_by_times(mentions: list[Mention], taken: list[tuple[int, int]], text: str, g: Grammar) -> None:
    """'ti klo 11–13', 'fre kl 13', 'ennen klo 9 pe': a short weekday is a weekday next to a time."""
    for a in g.abbr.finditer(text):
        s, e = a.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        w = _lookup(a.group(), g.weekday_map)
        nxt = next((m for m in mentions if m.start >= e), None)
        prv = next((m for m in reversed(mentions) if m.end <= s), None)
        before = nxt is not None and nxt.kind == "time" and _NEXT_TO_TIME.fullmatch(text[e:nxt.start])
        after = prv is not None and prv.kind == "time" and re.fullmatch(r"[\s,]*(?:on|på)?\s*", text[prv.end:s])
        if w is not None and (before or after):
            end = e + 1 if text[e:e + 1] == "." else e
            mentions.append(Mention("weekday", s, end, weekdays=frozenset({int(w)})))  # type: ignore[call-overload]
            taken.append((s, end))
    mentions.sort(key=lambda x: x.start)


def _gap(text: str, a: Mention, b: Mention) -> str:
    return text[a.end:b.start]


def _combine(mentions: list[Mention], text: str, g: Grammar | None = None) -> list[Mention]:
    """Join neighbours that are one expression: a weekday with its date, a date with its time span."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"[\s,.(]*", _gap(text, prev, m)):
            # "torstaina 10.12." / "ke 2.12." / "huomenna 3.12.": the weekday/relative day names the date
            if prev.kind in ("weekday", "relday") and m.kind == "date" and not prev.habitual:
                m.start = prev.start
                if prev.kind == "weekday":
                    m.weekdays = prev.weekdays
                else:
                    m.offset = prev.offset
                m.times = m.times or prev.times
                out[-1] = m
                continue
            if prev.kind == "date" and m.kind in ("weekday",) and not m.habitual and not prev.weekdays:
                # "3.12. (torstai)" or "December 3, Thursday"
                prev.weekdays = m.weekdays
                prev.end = m.end
                continue
        if (g is not None and prev is not None and prev.kind == "weekday" and m.kind == "time"
                and re.fullmatch(r"[\s,]*", _gap(text, prev, m)) and _habitual(text[m.start:m.end], g)):
            prev.habitual = True  # "Tuesday mornings", "tisdagar förmiddagar"
        if (prev is not None and prev.kind == "week" and m.kind == "week" and m.week == "part"
                and prev.part is None and re.fullmatch(r"[\s,]*", _gap(text, prev, m))):
            prev.part, prev.end = m.part, m.end  # "ensi viikolla loppuviikosta", "parin viikon päästä loppuviikosta"
            continue
        dash_between = prev is not None and re.fullmatch(r"\s*(?:-|–|—)\s*", _gap(text, prev, m))
        to_between = prev is not None and re.fullmatch(r"\s*(?:-|–|—|to|till|until|through|tills|asti)\s*",
                                                        _gap(text, prev, m))
        if (prev is not None and prev.kind == "date" and m.kind == "date" and (dash_between or to_between)
                and prev.month is not None and m.month is not None and prev.nth is None and m.nth is None):
            out[-1] = Mention("range", prev.start, m.end, day=prev.day, month=prev.month, year=prev.year,
                              day2=m.day, month2=m.month, year2=m.year)
            continue
        out.append(m)
    return out
