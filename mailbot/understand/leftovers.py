"""What the grammar did not read: temporal-looking words and numbers left over in the writer's text.

A careful secretary who meets "ens tiistaina klo 14:n jälkeen ei ku 15" and understands only half
of it does not guess: she asks a colleague. Here the same: after the grammar has taken what it
knows, every token that still looks like a time — a digit group in a date or clock shape, a bare
number, a weekday or month word, a part of the day, a relative day — is a sign that the windows
may be wrong, and the message goes to staff with the fragment shown.

Numbers that are known to be no time are explained away first: phone numbers, postcodes and
other long digit runs, prices, percentages, durations, ages, years, street addresses, invoice and
reference numbers, option numbers, and the head and session counts the field readers take.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from mailbot.regex_cache import compile as rx_compile
from mailbot.understand.lexicon import LANGUAGES, Lexicon, fold, load, plain, trie

# Language-independent shapes of numbers that are no time.
_EXPLAINED_GENERIC = [
    r"https?://\S+", r"www\.\S+", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # links and addresses
    r"(?!\d{4}-\d\d?-\d\d?(?!\d))\+?\d[\d\s\-()]{6,}\d",  # phone numbers (an ISO date is none)
    r"\d{5,}",  # postcodes, customer and order numbers
    r"(?:19|20)\d\d(?![\d.:/-]\d)",  # a year alone
    r"\d+(?:[.,]\d+)?\s*(?:€|e(?![a-zåäö])|eur\w*|euro\w*|kr(?![a-zåäö])|sek|£|\$|%|prosent\w*|procent\w*|percent)",
    r"(?:€|\$|£)\s*\d+(?:[.,]\d+)?",
    r"\d+,\d+(?![.:,]?\d)",  # a decimal comma ("1,5 tuntia")
    r"\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:min(?:uut\w*|uter|utes?|s)?|h(?![a-zåäö])|t(?![a-zåäö])|tun\w*|timm\w*|hours?|hrs?)",
    r"\d+\s*-?\s*(?:vuotia\w*|v\.?(?![a-zåäö])|års?\w*|år(?![a-zåäö])|years?(?:\s+old)?|yo)",
    r"\w+(?:katu|tie|kuja|polku|väylä|tori|ranta|kaari|puisto|gatan|gata|vägen|väg|gränd|street|st|road|rd|"
    r"avenue|ave|lane)\.?\s+\d+(?:\s*[a-z](?![a-zåäö]))?(?:\s*\d+)?",
    r"(?:nro|numero|no|nr|n:o|#|viite\w*|viitt\w*|kustannuspaik\w*|kostnadsställe\w*|cost\s+cent\w*|lasku\w*|invoice|ref\w*|order|tilaus\w*|asiakasnumero\w*|faktura\w*|"
    r"kod|koodi\w*|code|pin|id|versio\w*|version)[\s.:#-]*\d[\d\s-]*",
    r"(?:vaihtoehto\w*|vaihtoehdo\w*|option\w*|alternativ\w*|nummer|number|kohta|kohdan|punkt|point|sivu\w*|page|sida)\s*\d+",
    r"\d+\s*(?:kpl|st(?![a-zåäö])|pcs|x(?![a-zåäö]))",
    r"\d+\.?\s*(?:krs|kerros\w*|vån\w*|floor)",  # a floor of a building
    # a count of things: a Finnish partitive ("40 kuljettajaa"), an English or Swedish plural ("40 drivers")
    r"\d{1,4}\s+[a-zåäö]+(?:aa|ää|ia|iä|ta|tä)(?![\w])",
    # a count of people or things that is no booking's head count ("12 alaista", "två barn")
    r"\d+\s+(?:alais\w*|lasta|lapsi\w*|medarbetar\w*|anställd\w*|underordnade|barn|direct\s+reports|reports|"
    r"employees|staff|children|kids|vuot\w*|vuoden|år|years?|viesti\w*|messages?|meddelanden)",
    # codes such as "b12", "3d"
    r"[a-zåäö]+\d+[a-zåäö\d]*|\d+[a-zåäö]{2,}(?<!st)(?<!nd)(?<!rd)(?<!th)(?<!am)(?<!pm)\w*",
    r"av-\w+",  # our own conversation reference
    r"[a-zåäö]{2,}-\d{3,}(?:[-/]\d+)*",  # a project, ticket or contract code ("DEV-1402", "PRJ-2231")
    r"(?<=[^\W\d_]\s)\(\d{1,3}\)",  # a number word repeated in digits: "neljä (4) kertaa"
    r"^\s*\d{1,2}[.)](?=\s)",  # list numbering at the start of a sentence
]

# Temporal-looking tokens (language-independent digit shapes).
_DIGIT_SHAPES = [
    r"\d{4}-\d{1,2}-\d{1,2}",
    r"\d{1,2}[.:]\d{2}(?!\d)",
    r"\d{1,2}\.\d{1,2}\.?(?:\d{2,4})?",
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?",
    r"\d{1,2}-\d{1,2}(?:-\d{2,4})?",
    r"\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)",
    r"\d{1,2}(?:st|nd|rd|th|:e|:a)",
    r"\d{1,4}",
]


@cache
def _explained(lex: Lexicon) -> re.Pattern[str]:
    from mailbot.understand.fields import DURATION

    # a count of people or sessions, in digits or words ("8 henkeä", "viidestä kerrasta")
    numbers = _number_words(lex)
    counted = [tpl.replace("{N}", rf"(?:\d{{1,3}}|{numbers})") for tpl in (*lex.SESSIONS, *lex.PARTICIPANTS)]
    counted += [f for frags in lex.CADENCE.values() for f in frags]
    weeks = "|".join(lex.WEEK_NOUNS)
    counted += [tpl.replace("{N}", rf"(?:noin\s+|ungefär\s+|about\s+)?(?:{numbers}|\d{{1,2}}|\w+)")
                .replace("{W}", rf"(?:{weeks})") for tpl in lex.EVERY_N]
    counted += [p for p, _months in DURATION[lex.lang]]
    counted += [rf"(?:{w})\s*\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?" for w in lex.NOT_TIME_BEFORE]  # "åk 7–9"
    # "evening shifts", "the morning check-outs": a part of the day describing a thing
    stems = "|".join(s for v in lex.DAY_PART_STEMS.values() for s in v)
    counted += [rf"(?:{stems})\w*\s+(?:{'|'.join(lex.DAYPART_NOUNS)})"]
    body = "|".join(f"(?:{p})" for p in (*_EXPLAINED_GENERIC, *counted))
    return rx_compile(fold(_unnamed(rf"(?<![\w])(?:{body})"), lex.folds), re.MULTILINE)


def _unnamed(pattern: str) -> str:
    """Patterns joined from several rules would repeat group names; these need none."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# month names that are also other words or a name ("may", "march", "Jan"): not evidence on their own
_NOT_ONLY_MONTHS = frozenset({"may", "march", "mar", "august", "aug", "jan", "feb", "apr", "jun", "jul", "sept?", "sep",
                              "oct",
                              "okt", "nov", "dec", "tammik", "helmik"})


@cache
def _number_words(lex: Lexicon) -> str:
    return f"(?:{trie({*lex.NUMBERS, *lex.HOUR_WORDS, *lex.ORDINALS})})"


def _language_of(sentence: str, default: str) -> str:
    from mailbot.understand.fields import detect_language

    return detect_language(sentence, default)


@cache
def _foreign(lex: Lexicon) -> re.Pattern[str]:
    """The other languages' weekdays, months, relative days and weeks: mail mixes languages ("next week",
    "på måndag" in Finnish mail), and what the writer's own language's grammar cannot read is not read."""
    words: list[str] = []
    for lang in LANGUAGES:
        if lang == lex.lang:
            continue
        other = load(lang)
        words += [f for frags in other.WEEKDAYS.values() for f in frags]
        words += [f for frags in other.MONTHS.values() for f in frags if f not in _NOT_ONLY_MONTHS]
        words += [f for frags in other.REL_DAYS.values() for f in frags]
        words += [f for frags in (*other.WEEK_WORDS.values(), *other.MONTH_WORDS.values()) for f in frags]
    own = _temporal(lex)
    words = [w for w in words if not own.fullmatch(w)]  # a word both languages share is the writer's own
    return rx_compile(fold(_unnamed(rf"(?<![\w])(?:{'|'.join(f'(?:{w})' for w in words)})(?![\w-])"), lex.folds))


@cache
def _temporal(lex: Lexicon) -> re.Pattern[str]:
    words: list[str] = [f for frags in lex.WEEKDAYS.values() for f in frags]
    words += [rf"(?:{a})\.(?!\w)" for frags in lex.WEEKDAY_ABBR.values() for a in frags]  # "ti." "fre."
    words += [rf"(?:{a})(?=\s*\d)" for frags in lex.WEEKDAY_ABBR.values() for a in frags]  # "ke 9.12"
    words += [f for frags in lex.MONTHS.values() for f in frags if f not in _NOT_ONLY_MONTHS]
    words += [f for frags in lex.DAY_PARTS.values() for f in frags]
    words += [rf"{stem}\w{{0,4}}" for stems in lex.DAY_PART_STEMS.values() for stem in stems]
    words += [f for frags in lex.REL_DAYS.values() for f in frags]
    words += list(lex.TIME_WORDS)
    words += list(lex.MONTH_REF["any"])  # "except the first one of the month"
    # a day counted from an event ("the day after our party"), a fused relative week ("ensviikol"),
    # a count of days or weeks from now ("kolmen viikon päästä", "in two weeks")
    words += [w.replace("{N}", rf"(?:\d{{1,2}}|{_number_words(lex)})") for w in lex.TIME_NOUNS]
    # an hour in words that no clock reading took ("perjantaina kahdelta")
    words += [re.escape(w) for w in (*lex.HOUR_AT, *lex.HOUR_FROM, *lex.HOUR_TO)]
    digits = "|".join(f"(?:{p})" for p in _DIGIT_SHAPES)
    body = "|".join(f"(?:{p})" for p in words)
    # a word before a hyphen is a compound's first part ("aamu- ja iltavuoro"), a number is not ("7-ish")
    return rx_compile(fold(_unnamed(rf"(?<![\w])(?:(?:{digits})(?![\w])|(?:{body})(?![\w-]))"), lex.folds))


def missed(sentence: str, low: str, consumed: list[tuple[int, int]], lex: Lexicon) -> list[str]:
    """Fragments of ``sentence`` that look like time but were not read (``low`` is it lower-cased,
    ``consumed`` the spans the grammar took)."""
    rest = _unread(low, tuple(consumed), lex)
    source = sentence if len(sentence) == len(low) else low
    out = []
    for m in _temporal(lex).finditer(rest):
        out.append(_fragment(source, m.start(), m.end()))
    # "onks teil slotteja next week?": a time in another language (a sentence all in that language is a
    # translation of the message, as bilingual mail writes it)
    foreign = list(_foreign(lex).finditer(rest))
    if foreign and (len(low.split()) < 6 or _language_of(low, lex.lang) == lex.lang):
        out += [_fragment(source, m.start(), m.end()) for m in foreign[:1]]
    # "torstaina kahdeksas maaliskuuta", "kello kymmenen neljäkymmentä": a number or ordinal in words right
    # beside a time the grammar read belongs to it, and was not read
    after_word, before_word = _number_beside(lex)
    for s, e in consumed:
        for m in (after_word.match(rest, e), before_word.search(rest, max(0, s - 40), s)):
            if m:
                out.append(_fragment(source, m.start(), m.end()))
    # "elokuun alusta alkaen", "after week 5", "from aug 16th onwards": a word that opens a span from a time
    # the grammar read, but was not taken with it, changes what was read
    after, before, negation = _bounds(lex)
    cues = [m for s, e in consumed for m in (after.match(low, e), before.search(low, max(0, s - 30), s))
            if m and not any(cs < m.end() and m.start() < ce for cs, ce in consumed)]
    negated = [n.span() for n in negation.finditer(low)] if cues else []
    out += [_fragment(source, m.start(), m.end()) for m in cues
            if not any(a <= m.start() < b for a, b in negated)]  # "apart from" is a negation
    return out


def strangers(sentence: str, low: str, consumed: list[tuple[int, int]], used: list[tuple[int, int]],
              lex: Lexicon) -> list[str]:
    """"asiakaskäynneillä 9–11", "ma 9–11 kun lapset on hoidossa", "Hyvönen pääsee vain ti": a word beside a
    time that became a wish or an exclusion (``used``), that is no plain word and no word of the lexicon, may
    change what the time means. A time read as past or as a reason ("aloitin tammikuussa rehtorina") is none."""
    if not used:
        return []
    rest = _unread(low, tuple(consumed), lex)
    source = sentence if len(sentence) == len(low) else low
    return [_fragment(source, m.start(), m.end()) for m in _strange_beside(low, rest, used, lex)[:1]]


@lru_cache(maxsize=64)
def _unread(low: str, consumed: tuple[tuple[int, int], ...], lex: Lexicon) -> str:
    """``low`` with what the grammar read and the numbers known to be no time blanked (kept for the sentence's
    second look, by ``strangers`` after ``missed``)."""
    chars = list(low)
    for s, e in consumed:
        chars[s:e] = " " * (e - s)
    return _explained(lex).sub(lambda m: " " * len(m.group()), "".join(chars))


_WHEN_AFTER = re.compile(r"[\s,]*(?:kun|ku|när|då|when|while|whilst)(?![\w])")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _clock(lex: Lexicon) -> re.Pattern[str]:
    """A digit or an hour in words ("yhden jälkeen kun lounaat on jaettu"): a clock time either way."""
    return rx_compile(rf"\d|(?<![\w])(?:{_alternation(set(lex.HOUR_WORDS))})(?![\w])")


def _strange_beside(low: str, rest: str, consumed: list[tuple[int, int]], lex: Lexicon) -> list[re.Match[str]]:
    """The whole words next to each read time (two on each side, read times and explained numbers blanked in
    ``rest``, ``low`` the sentence) that the parser has no meaning for."""
    from mailbot.understand.text import clause_spans

    clauses = clause_spans(low)
    near: dict[int, re.Match[str]] = {}
    for s, e in consumed:
        # the clause the time is in: a reason told after a comma or 'because' does not change the time
        head = max((a for a, _ in clauses if a <= s), default=0)
        tail = min((b for _, b in clauses if b >= e), default=len(low))
        left = [m for m in _WORD.finditer(rest, max(head, s - 48), s)][-2:]
        right = [m for m in _WORD.finditer(rest, e, min(tail, e + 48))][:2]
        when = _WHEN_AFTER.match(rest, e)  # other read times are blanked in ``rest``
        if when and _clock(lex).search(low, s, when.end()):
            right = []  # "från kl. 14.30 när undervisningen är slut": a clock time says it all, the rest is why
        near.update((m.start(), m) for m in (*left, *right) if _whole(low, m.start(), m.end()))
    if not near:
        return []
    plain_words = _plain_words(lex)
    out = []
    for _, m in sorted(near.items()):
        word = m.group()
        if len(word) < 2 or word in plain_words or plain(word) in plain_words or _known(lex)(word) or _is_place(word):
            continue
        out.append(m)
    return out


def _whole(text: str, start: int, end: int) -> bool:
    """Not the tail or head of a word a reading took part of ("tiistaisi", "klo 9:stä")."""
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


@cache
def _plain_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(w for s in (*lex.PLAIN_WORDS, *lex.STOPWORDS) for w in (s, plain(s)))


def _is_place(word: str) -> bool:
    from mailbot.understand.fields import is_place

    return is_place(word)


@cache
def _known(lex: Lexicon) -> Callable[[str], bool]:
    """Whether some entry of the lexicon reads a single word ("lomalla", "koulutuksessa", "paitsi"); the words of
    a phrase count too ("ensi" of "ensi\\s+viik\\w*"): a word the grammar reads in some phrase is no stranger.
    Plain words and stems are looked up; only the other fragments make a pattern (compiled once per process)."""
    fragments: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            fragments.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for v in value:
                walk(v)

    for name in vars(lex.module):
        if name.isupper():
            walk(getattr(lex.module, name))
    words: set[str] = set()
    stems: set[str] = set()
    patterns: list[str] = []
    for f in dict.fromkeys(fragments):
        for piece in re.split(r"\\s[+*?]|\s+", f):
            if _LITERAL.fullmatch(piece):
                words.update((piece, plain(piece)))
            elif _STEM.fullmatch(piece):
                stems.update((piece[:-3], plain(piece[:-3])))
        if not re.search(r"\\s|\s|\{", f) and not _LITERAL.fullmatch(f) and not _STEM.fullmatch(f):
            patterns.append(f)
    rx = rx_compile(fold(_unnamed(f"(?:{'|'.join(f'(?:{p})' for p in patterns)})"), lex.folds))
    starts = tuple(sorted(stems))
    return lambda word: word in words or word.startswith(starts) or rx.fullmatch(word) is not None


_LITERAL = re.compile(r"[^\W\d_]+")
_STEM = re.compile(r"[^\W\d_]+\\w\*")


@cache
def _number_beside(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = _alternation({*_counts(lex), *lex.HOUR_WORDS, *lex.MINUTE_WORDS, *lex.DAY_WORDS})
    return (rx_compile(rf"[ \t,]{{1,2}}(?:{alt})(?![\w])"), rx_compile(rf"(?<![\w])(?:{alt})[ \t,]{{1,2}}$"))


@cache
def _bounds(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Words that open a span after or before any time, a month too ("until", a deadline's "mennessä", is a
    bound the grammar weighs on its own; "med start i februari" stays that month, CONTRACT §2.1.1)."""
    post = "|".join(f"(?:{w})" for w in (*lex.FROM_AFTER, *(lex.AFTER_SPAN_AFTER or ())))
    pre = "|".join(f"(?:{w})" for w in (*(lex.AFTER_SPAN_BEFORE or ()), *(lex.FROM_ON_BEFORE or ()))) or r"(?!x)x"
    negation = "|".join(f"(?:{w})" for w in lex.NEGATION)
    return (rx_compile(fold(rf"[ \t,]{{0,3}}(?:{post})(?![\w])", lex.folds)),
            rx_compile(fold(rf"(?<![\w])(?:{pre})[ \t]+(?:the[ \t]+|den[ \t]+)?(?=$)", lex.folds)),
            rx_compile(fold(rf"(?<![\w])(?:{negation})(?![\w])", lex.folds)))


def _fragment(text: str, start: int, end: int) -> str:
    """The token with a word or two around it, as staff would need to see it."""
    left = text[max(0, start - 24):start]
    right = text[end:end + 24]
    left = left.split(" ", 1)[-1] if len(left) == 24 and " " in left else left
    right = right.rsplit(" ", 1)[0] if len(right) == 24 and " " in right else right
    return re.sub(r"\s+", " ", (left + text[start:end] + right)).strip(" ,;")


def names_time(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` holds anything that looks like a time (a weekday, a part of the day, a clock time...)."""
    return bool(_temporal(lex).search(_explained(lex).sub(lambda m: " " * len(m.group()), text.lower())))


def count_words(text: str, lex: Lexicon) -> list[str]:
    """Numbers in words ("yhdeksän", "nio", "nine") that no count, time or duration took: in a group's request
    with no head count read, one of them may be the head count ("vi är ett team på nio bibliotekarier")."""
    rest = numbers_explained(text, lex)
    return [_fragment(text, m.start(), m.end()) for m in _count_word(lex).finditer(rest)]


@cache
def _count_word(lex: Lexicon) -> re.Pattern[str]:
    return rx_compile(fold(rf"(?<![\w-])(?:{_alternation(_counts(lex))})(?![\w-])", lex.folds))


def _counts(lex: Lexicon) -> set[str]:
    """The number words that can count people or visits (two or more)."""
    return {w for w, n in lex.NUMBERS.items() if n >= 2}


def _alternation(words: set[str]) -> str:
    """A trie of ``words`` and their spellings without diacritics."""
    return trie(words | {plain(w) for w in words})


def numbers_explained(text: str, lex: Lexicon) -> str:
    """``text`` with every explained number blanked (for tests and the review of whole messages)."""
    return _explained(lex).sub(lambda m: " " * len(m.group()), text.lower())
