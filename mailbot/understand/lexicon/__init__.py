"""Per-language word lists: the only place where Finnish, Swedish and English words live.

Each language module (``fi``, ``sv``, ``en``) defines the same names; ``load(lang)`` validates them
once and returns a ``Lexicon``. Values are regular-expression fragments matched against
lower-cased text, so Finnish inflection is written as stems (``maanantai\\w*``).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType

from mailbot.regex_cache import compile as rx_compile

LANGUAGES = ("fi", "sv", "en")

# name -> expected type ("list" of regex fragments, "dict" of key -> list of fragments, ...)
_SCHEMA: dict[str, str] = {
    "STOPWORDS": "words",
    "PLAIN_WORDS": "words",
    "WEEKDAYS": "weekdays",
    "WEEKDAY_ABBR": "weekdays",
    "HABITUAL": "list",
    "WORKDAYS": "list",
    "HABITUAL_BEFORE": "list",
    "MONTHS": "months",
    "MONTH_STEMS": "map",
    "MONTH_PART": "parts",
    "DAY_PARTS": "dayparts",
    "THAT_DAY": "list",
    "DAYPART_NOUNS": "list",
    "REL_DAYS": "reldays",
    "IN_DAYS": "list",
    "REL_DAY_PARTS": "dict",
    "TIME_WORDS": "list",
    "WEEK_WORDS": "dict",
    "MONTH_WORDS": "dict",
    "WEEK_NOUNS": "list",
    "TIME_NOUNS": "list",
    "EVERY_N": "list",
    "NEXT_YEAR": "list",
    "CLOCK": "dict",
    "NTH": "map",
    "MONTH_REF": "dict",
    "NTH_WEEKDAY": "list",
    "EVERY_WEEK": "list",
    "USUALLY": "list",
    "HOUR_MODIFIERS": "map",
    "HOUR_WORDS": "map",
    "MINUTE_WORDS": "map",
    "OTHER_ZONE": "list",
    "AT_WORK": "list",
    "EVENT_AFTER_MONTH": "list or none",
    "HOUR_AT": "map",
    "HOUR_FROM": "map",
    "HOUR_TO": "map",
    "WEEK_PART": "dict",
    "DATE_PATTERNS": "list",
    "DAY_WORDS": "numbers",
    "WEEK_OF": "list",
    "DAY_OF_MONTH": "list",
    "NEGATION": "list",
    "REASON": "list",
    "GREETINGS": "list",
    "CONSEQUENCE": "list",
    "OTHER_EVENT": "list",
    "LIKEWISE": "list",
    "NOT_TIME_BEFORE": "list",
    "AFTER_THAT": "list",
    "NOT_WANTED": "list",
    "LATER": "list",
    "WORKPLACE_BEFORE": "list",
    "TRAVEL": "list",
    "EVERY_OTHER": "list",
    "FOLLOWING": "list",
    "FROM_AFTER": "list",
    "FROM_BEFORE": "list",
    "AFTER_SPAN_BEFORE": "list or none",
    "FROM_ON_BEFORE": "list or none",
    "START_BEFORE": "list or none",
    "EVENT_ANCHOR": "list",
    "EVENT_START": "list",
    "SESSIONS_ONE": "list",
    "HOUR_FOLLOWERS": "list or none",
    "AFTER_SPAN_AFTER": "list or none",
    "UNTIL_BEFORE": "list or none",
    "UNTIL_AFTER": "list or none",
    "MEETING_LENGTH": "map",
    "BUT_EXCEPT": "list",
    "CORRECTION": "list",
    "PAST": "list",
    "LAST": "list",
    "BOOKED_REF": "list",
    "BOOKED_BEFORE": "list",
    "ANY_TIME": "list",
    "ASAP": "list",
    "HOLIDAYS": "list",
    "NUMBERS": "numbers",
    "ORDINALS": "numbers",
    "CHOICE_NUMBERS": "numbers",
    "CHOICE_ANY": "list",
    "CHOICE_HOUR": "list",
    "INTENT": "dict",
    "SERVICE": "dict",
    "MODE": "dict",
    "MODE_EITHER": "list",
    "CADENCE": "dict",
    "SESSIONS": "list",
    "PARTICIPANTS": "list",
    "LEADS": "list",
    "LEADS_AFTER": "list",
    "WITH_WRITER": "list",
    "TOTAL": "list",
    "PRICE_AFTER": "list",
    "SUPERVISOR_BEFORE": "list",
    "SUPERVISOR_AFTER": "list",
    "REVIEW": "dict",
    "OUT_OF_OFFICE": "list",
    "JOB_INTRO": "list",
    "CALLBACK": "list",
    "ASK_LIST": "list",
    "PHISHING": "list",
    "INVOICE": "list",
    "LANGUAGE_NAMES": "dict",
}


@dataclass(frozen=True)
class Lexicon:
    lang: str
    module: ModuleType

    def __getattr__(self, name: str) -> object:
        return getattr(self.module, name)

    @property
    def folds(self) -> bool:
        """Whether text without diacritics still matches (phone mail drops ä, ö and å). Where the plain
        letters make another common word ("svar" is not "svår", "andra" not "ändra") the lexicon writes
        the letter as an escape (``\u00e5``), which folding leaves alone."""
        return True

    def rx(self, fragments: list[str] | tuple[str, ...]) -> re.Pattern[str]:
        """One compiled alternation of fragments, on word boundaries."""
        return compile_alternation(tuple(fragments), self.folds)


_FOLD_OUT = {"ä": "[äa]", "ö": "[öo]", "å": "[åa]"}
_FOLD_IN = {"ä": "äa", "ö": "öo", "å": "åa"}


def fold(pattern: str, on: bool = True) -> str:
    """A pattern that also matches text typed without diacritics: 'päivä' matches 'paiva' too.

    Phone mails and foreign keyboards drop ä, ö and å; every lexicon word should still count.
    Inside a character class the plain letter is added to the class (``[åäö]`` → ``[åaäaöo]``).
    """
    if not on:
        return pattern
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(_FOLD_IN.get(ch, ch))
            in_class = ch != "]" or out[-2] == "["
        elif ch == "[":
            out.append(ch)
            in_class = True
        else:
            out.append(_FOLD_OUT.get(ch, ch))
    return "".join(out)


_PLAIN = str.maketrans("äöå", "aoa")


@lru_cache(maxsize=4096)
def plain(word: str) -> str:
    """A word with its diacritics dropped, for table look-ups that fold like the patterns do."""
    return word.translate(_PLAIN)


def trie(words: list[str] | set[str]) -> str:
    """One regex for a word list, its common prefixes factored out ("kahde(?:lta|sta)"): much cheaper
    to match at every position than a flat alternation of a hundred words."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return walk(tree)


@cache
def folded_rx(pattern: str, folded: bool = True, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` folded and compiled once per process (patterns built per message hit this cache)."""
    return rx_compile(fold(pattern, folded), flags)


@cache
def compile_alternation(fragments: tuple[str, ...], folded: bool = True) -> re.Pattern[str]:
    body = "|".join(f"(?:{f})" for f in sorted(fragments, key=len, reverse=True))
    return rx_compile(fold(rf"(?<![\w-])(?:{body})(?![\w])", folded))


class LexiconError(ValueError):
    """Raised when a lexicon module is missing a name or holds a malformed entry."""


def _check_fragments(lang: str, name: str, values: object, compile_patterns: bool = False) -> None:
    if not isinstance(values, (list, tuple)) or not values:
        raise LexiconError(f"lexicon {lang}: {name} must be a non-empty list")
    for v in values:
        if not isinstance(v, str):
            raise LexiconError(f"lexicon {lang}: {name} holds a non-string {v!r}")
        if not compile_patterns:
            continue
        try:
            re.compile(v)
        except re.error as exc:
            raise LexiconError(f"lexicon {lang}: {name}: bad pattern {v!r}: {exc}") from exc


def validate(lang: str, module: ModuleType, *, compile_patterns: bool = False) -> None:
    """Every name present with the right shape; with compile_patterns (the tests), every regex compiles.

    Compiling is left to the tests because it costs more start-up time than a `mailbot parse` has.
    """
    for name, kind in _SCHEMA.items():
        if not hasattr(module, name):
            raise LexiconError(f"lexicon {lang}: {name} is missing")
        value = getattr(module, name)
        if kind in ("list", "words"):
            _check_fragments(lang, name, value, compile_patterns)
        elif kind == "list or none":  # a word class some language has no words for
            if value:
                _check_fragments(lang, name, value, compile_patterns)
        elif kind in ("weekdays", "months"):
            keys = list(range(7)) if kind == "weekdays" else list(range(1, 13))
            if sorted(value) != keys:
                raise LexiconError(f"lexicon {lang}: {name} must have keys for every {kind[:-1]}")
            for v in value.values():
                _check_fragments(lang, name, v, compile_patterns)
        elif kind in ("dict", "parts", "dayparts", "reldays"):
            if not isinstance(value, dict) or not value:
                raise LexiconError(f"lexicon {lang}: {name} must be a non-empty dict")
            for v in value.values():
                _check_fragments(lang, name, v, compile_patterns)
        elif kind == "map" and not isinstance(value, dict):
            raise LexiconError(f"lexicon {lang}: {name} must be a dict")
        elif kind == "numbers" and (not isinstance(value, dict) or
                                    not all(isinstance(n, int) for n in value.values())):
            raise LexiconError(f"lexicon {lang}: {name} must map words to integers")


@cache
def load(lang: str) -> Lexicon:
    if lang not in LANGUAGES:
        raise LexiconError(f"no lexicon for language {lang!r}")
    module = importlib.import_module(f"mailbot.understand.lexicon.{lang}")
    validate(lang, module)
    return Lexicon(lang, module)
