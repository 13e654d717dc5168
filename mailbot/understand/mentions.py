"""Time expressions found in text: the grammar that turns words into ``Mention`` objects.

The grammar is shared by the three languages; the words come from the lexicons. Each rule is a
regular expression with named groups; a match becomes a Mention that still holds relative
values (a weekday, "next week", a day of a month without a year). ``resolve.py`` turns them
into calendar days against ``now``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from mailbot.understand.lexicon import Lexicon, fold, plain

DAY_PART_TIMES = {"morning": (8 * 60, 12 * 60), "midday": (10 * 60, 14 * 60), "afternoon": (12 * 60, 16 * 60),
                  "evening": (16 * 60, 20 * 60)}
DAY_START, DAY_END = 8 * 60, 20 * 60

# Hours written as words: "kello yhdeksän", "kahden jälkeen", "klockan nio", "at nine"
HOUR_WORDS = {
    "yksi": 1, "yhden": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "neljä": 4, "neljän": 4, "viisi": 5,
    "viiden": 5, "kuusi": 6, "kuuden": 6, "seitsemän": 7, "kahdeksan": 8, "yhdeksän": 9, "kymmenen": 10,
    "yksitoista": 11, "yhdentoista": 11, "kaksitoista": 12, "kahdentoista": 12,
    "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
    "elva": 11, "tolv": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}
HOUR_WORDS.update({plain(k): v for k, v in list(HOUR_WORDS.items())})
_HW = "|".join(sorted(HOUR_WORDS, key=len, reverse=True))
_T1 = (rf"(?:(?P<h1>\d{{1,2}})(?:[.:](?P<m1>\d{{2}}))?|(?P<hw1>{_HW})(?![\w]))"
       r"(?:\s*(?P<ap1>a\.?m\.?|p\.?m\.?)(?![a-z]))?")
_T2 = (rf"(?:(?P<h2>\d{{1,2}})(?:[.:](?P<m2>\d{{2}}))?|(?P<hw2>{_HW})(?![\w]))"
       r"(?:\s*(?P<ap2>a\.?m\.?|p\.?m\.?)(?![a-z]))?")


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

    @property
    def is_day(self) -> bool:
        return self.kind in ("weekday", "date", "relday", "week", "month", "range")


def _alt(fragments: list[str]) -> str:
    return "|".join(f"(?:{f})" for f in sorted(fragments, key=len, reverse=True))


def _word_map(table: dict[int, list[str]] | dict[str, list[str]]) -> list[tuple[re.Pattern[str], object]]:
    return [(re.compile(fold(rf"(?:{_alt(v)})$")), k) for k, v in table.items()]


def _lookup(word: str, mapping: list[tuple[re.Pattern[str], object]]) -> object | None:
    for rx, key in mapping:
        if rx.match(word):
            return key
    return None


@dataclass(frozen=True)
class Grammar:
    lex: Lexicon
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    weekday_map: list[tuple[re.Pattern[str], object]]
    month_map: list[tuple[re.Pattern[str], object]]
    part_map: list[tuple[re.Pattern[str], object]]
    habitual: re.Pattern[str]
    numbers: dict[str, int]


def _b(pattern: str) -> str:
    """Word boundaries that treat Finnish/Swedish letters as letters."""
    return rf"(?<![\w])(?:{pattern})(?![\w])"


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

    def clock(kind: str) -> None:
        for tpl in lex.CLOCK[kind]:
            rules.append((f"clock_{kind}", tpl.replace("{T1}", _T1).replace("{T2}", _T2)))

    for kind in ("range", "after", "before", "at"):
        clock(kind)
    # numeric dates and date ranges (shared by every language)
    y = r"(?P<y>(?:19|20)\d\d)"
    rules += [
        ("num_date_range", rf"(?P<d>\d{{1,2}})\.?{dash}(?P<d2>\d{{1,2}})\.(?P<m>\d{{1,2}})\.?{y}?(?!\d)"),
        ("num_date_range2", rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.?(?:(?P<y>(?:19|20)\d\d))?{dash}"
                            rf"(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.?(?:(?P<y2>(?:19|20)\d\d))?(?!\d)"),
        ("num_date", rf"(?<![\d.,:/])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})(?:\.{y}?)?(?![\d]|\.\d)"),
        ("slash_date", r"(?<![\d/.])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>(?:20)?\d\d))?(?![\d/])"),
        ("name_date_range", rf"(?P<d>\d{{1,2}})\.?{dash}(?P<d2>\d{{1,2}})\.?\s+(?P<mon>{months})"),
        ("name_date_range", rf"(?P<mon>{months})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{dash}"
                            rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"),
    ]
    for tpl in lex.DATE_PATTERNS:
        rules.append(("name_date", tpl.replace("{MONTHS}", months)))
    rules += [
        ("month_part", rf"(?P<mon>{months})\s+(?P<part>{parts})"),
        ("month_part", rf"(?P<part>{parts})\s*(?P<mon>{months})"),
    ]
    if lex.lang == "fi":
        rules.append(("month", rf"(?P<mon>{months})"))
    else:  # "may", "mars", "jan" are words too: a month name stands alone only after a preposition
        before = r"(?:in|i|during|under|for|of|från|from|to|till|until|through(?:out)?|since|sedan)"
        rules.append(("month", rf"{before}\s+(?P<mon>{months})"))
    for key, frags in lex.WEEK_WORDS.items():
        rules += [(f"week_{key}", frag) for frag in frags]  # one rule each: fragments share group names
    for key, frags in lex.MONTH_WORDS.items():
        rules.append((f"relmonth_{key}", _alt(frags)))
        rules.append((f"relmonthpart_{key}", rf"(?:{_alt(frags)})\s+(?P<part>{parts})"))  # ensi kuun alussa
        rules.append((f"relmonthpart_{key}", rf"(?P<part>{parts})\s*(?:{_alt(frags)})"))  # early next month
    for tpl in lex.WEEK_OF:  # "the week of 18 January": the ISO week of that date
        rules.append(("week_of", tpl.replace("{MONTHS}", months)))
    for tpl in lex.DAY_OF_MONTH:  # "on the 12th": the next 12th
        rules.append(("day_of_month", tpl))
    for key, frags in lex.REL_DAYS.items():
        rules.append((f"relday_{key}", _alt(frags)))
    rules += [
        ("weekday_range", rf"(?P<w1>{wd_any})\.?{dash}(?P<w2>{wd_any})\.?(?P<suf>-?päiv\w*|dagar\w*)?"),
        ("weekday_range", rf"(?:från\s+|from\s+)?(?P<w1>{wd_full})\s+{to_word}\s+(?P<w2>{wd_full})"),
        ("weekday_abbr", rf"(?P<w1>{wd_abbr})\.?(?=\s+\d{{1,2}}\.\d{{1,2}})"),
        # Finnish cases make the range: "maanantaista keskiviikkoon"
        ("weekday_range_cases", rf"(?P<w1>{wd_full})\s+(?P<w2>{wd_full})"),
        # "ma tai ti", "Mon or Tue": an abbreviation counts when another weekday joins it
        ("weekday_list", rf"(?P<w1>{wd_abbr})\.?\s*(?:,|/|tai|ja|eller|och|or|and)\s*(?P<w2>{wd_any})\.?"),
        ("workdays", _alt(lex.WORKDAYS)),
        ("weekday", rf"(?P<pre>(?:{_alt(lex.HABITUAL_BEFORE)})\s+)?(?P<w1>{wd_full})"),
    ]
    for key, frags in lex.DAY_PARTS.items():
        rules.append((f"daypart_{key}", _alt(frags)))
    rules += [("flag_asap", _alt(lex.ASAP)), ("flag_any", _alt(lex.ANY_TIME)), ("flag_holiday", _alt(lex.HOLIDAYS))]
    compiled = tuple((name, re.compile(fold(_b(rx)))) for name, rx in rules)
    return Grammar(
        lex=lex,
        rules=compiled,
        weekday_map=_word_map({k: v for k, v in lex.WEEKDAYS.items()}) + _word_map(dict(lex.WEEKDAY_ABBR.items())),
        month_map=_word_map(dict(lex.MONTHS.items())),
        part_map=_word_map(dict(lex.MONTH_PART.items())),
        habitual=re.compile(fold(rf"(?:{_alt(lex.HABITUAL)})$")),
        numbers={**{plain(k): v for k, v in lex.NUMBERS.items()}, **lex.NUMBERS, **{str(i): i for i in range(1, 60)}},
    )


def _words_to_hours(gd: dict[str, str | None]) -> None:
    """An hour written as a word reads as the digits would; 1–6 are afternoon hours ("kahden jälkeen")."""
    for n in ("1", "2"):
        word = gd.get(f"hw{n}")
        if word and not gd.get(f"h{n}"):
            hour = HOUR_WORDS[word]
            gd[f"h{n}"] = str(hour + 12 if hour <= 6 and not gd.get(f"ap{n}") else hour)


def _hm(h: str | None, m: str | None, ap: str | None, lang: str, other_ap: str | None = None) -> int | None:
    if h is None:
        return None
    hour, minute = int(h), int(m or 0)
    ap = (ap or other_ap or "").replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    elif not ap and lang == "en" and 1 <= hour <= 7:
        hour += 12  # nobody meets at 4 in the morning: "after 4" is 16:00
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return -1
    return hour * 60 + minute


def _number(word: str, g: Grammar) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return g.numbers.get(word)


def _match_to_mention(name: str, m: re.Match[str], g: Grammar, text: str) -> Mention | None:
    s, e = m.span()
    gd = m.groupdict()
    lang = g.lex.lang
    if name.startswith("clock_"):
        kind = name[6:]
        _words_to_hours(gd)
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
    if name in ("num_date", "slash_date", "name_date"):
        day = int(gd["d"])
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
        if month is None or month2 is None:
            return None
        return Mention("range", s, e, day=int(gd["d"]), month=int(month), year=_year(gd.get("y") or gd.get("y2")),  # type: ignore[arg-type]
                       day2=int(gd["d2"]), month2=int(month2), year2=_year(gd.get("y2") or gd.get("y")))  # type: ignore[arg-type]
    if name == "month_part":
        return Mention("month", s, e, month=_lookup(gd["mon"], g.month_map),  # type: ignore[arg-type]
                       part=_lookup(gd["part"].strip(), g.part_map))  # type: ignore[arg-type]
    if name == "month":
        return Mention("month", s, e, month=_lookup(gd["mon"], g.month_map))  # type: ignore[arg-type]
    if name == "week_of":
        month = _lookup(gd["mon"], g.month_map)
        return Mention("week", s, e, week="of", day=int(gd["d"]), month=month) if month else None  # type: ignore[arg-type]
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
            n = _number(gd["n"], g)
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
    if name.startswith("relday_"):
        return Mention("relday", s, e, offset=int(name[7:]))
    if name == "workdays":
        return Mention("weekday", s, e, weekdays=frozenset(range(5)), habitual=True)
    if name.startswith("weekday"):
        w1 = _lookup(gd["w1"].rstrip("."), g.weekday_map)
        if w1 is None:
            return None
        if name == "weekday_list":
            w2 = _lookup(gd["w2"].rstrip("."), g.weekday_map)
            if w2 is None:
                return None
            return Mention("weekday", s, e, weekdays=frozenset({int(w1), int(w2)}),  # type: ignore[call-overload]
                           habitual=_habitual(gd["w2"], g))
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
                          habitual=bool(gd.get("pre")) or _habitual(word, g))
        mention.times = _compound_day_part(word, g)
        return mention
    if name.startswith("daypart_"):
        return Mention("time", s, e, times=(DAY_PART_TIMES[name[8:]],))
    if name.startswith("flag_"):
        return Mention("flag", s, e, flag=name[5:])
    return None


_WEEK_PART_AFTER = re.compile(fold(r"\s+(?:(?P<early>alkupuol\w*|alussa|alkuun|alkupäässä)|(?P<late>loppupuol\w*|"
                                   r"lopussa|loppuun|loppupäässä))"))
_WEEK_PART_BEFORE = re.compile(r"(?:(?P<early>early|i\s+början\s+av)|(?P<late>late|i\s+slutet\s+av))\s+$")


def _week_part(m: Mention, text: str) -> None:
    """'viikon 9 alkupuolella' → Monday–Wednesday; 'ensi viikon loppupuolella', 'late next week' → Thursday–Friday."""
    after = _WEEK_PART_AFTER.match(text, m.end)
    before = _WEEK_PART_BEFORE.search(text[max(0, m.start - 20):m.start])
    found = after or before
    if found:
        m.part = "early" if found.group("early") else "late"
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
    if g.lex.lang != "fi":
        return ()
    for stem_word in g.lex.WEEKDAYS.values():
        stem = re.match(r"[a-zåäö]+", stem_word[0]).group()  # type: ignore[union-attr]
        if plain(word).startswith(plain(stem)):
            rest = plain(word[len(stem):].lstrip("-"))
            for part, stems in g.lex.DAY_PART_STEMS.items():
                if any(rest.startswith(plain(st)) for st in stems):
                    return (DAY_PART_TIMES[part],)
    return ()


def find_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """Every time expression in ``text`` (lower-cased), longest match first, none overlapping."""
    g = grammar(lex)
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    for priority, (name, rx) in enumerate(g.rules):
        for m in rx.finditer(text):
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
        taken.append((s, e))
        mentions.append(mention)
    mentions.sort(key=lambda x: x.start)
    return _combine(mentions, text)


def _gap(text: str, a: Mention, b: Mention) -> str:
    return text[a.end:b.start]


def _combine(mentions: list[Mention], text: str) -> list[Mention]:
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
        dash_between = prev is not None and re.fullmatch(r"\s*(?:-|–|—)\s*", _gap(text, prev, m))
        if prev is not None and prev.kind == "date" and m.kind == "date" and dash_between:
            out[-1] = Mention("range", prev.start, m.end, day=prev.day, month=prev.month, year=prev.year,
                              day2=m.day, month2=m.month, year2=m.year)
            continue
        out.append(m)
    return out
