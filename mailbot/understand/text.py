"""Plain-text helpers: normalising, sentences and clauses."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mailbot.regex_cache import compile as rx_compile

_DASHES = rx_compile(r"[‐‑‒–—―−]")
_SPACES = rx_compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ABBREVIATIONS = frozenset([  # a dot after these ends no sentence
    "kl", "klo", "kello", "esim", "ns", "mm", "n", "ca", "t", "p", "puh", "tfn", "nr", "nro", "no", "st", "s", "k",
    "dr", "mr", "mrs", "ms", "vs", "jne", "ym", "em", "ko", "ks", "ark", "vrt",
])
# a full stop ends a sentence before a capital; before a small letter (phone mail writes no capitals) only
# after a word, so that "13.1. ja 14.1." stays whole, and not after a short form ("tis. eller ons.")
_BOUNDARY = rx_compile(r"[.!?]+\s+(?=[A-ZÅÄÖ\"'(])|[!?]+\s+|(?<=[^\W\d_]{3})\.\s+(?=[a-zåäö0-9])")
_SHORT_FORMS = frozenset([
    "mån", "tis", "ons", "tor", "tors", "fre", "lör", "sön", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dec",
    "des", "tam", "hel", "maa", "huh", "kes", "hei", "elo", "syy", "lok", "jou", "esim", "puh", "tfn", "klo", "kello",
    "vko", "vk", "viik", "kpl", "noin", "eng", "ruots", "tel", "approx", "incl", "etc", "resp", "bl.a", "osa",
])
_BULLET = rx_compile(r"^\s*[-*•]\s")
_LAST_WORD = rx_compile(r"(\w+)[.!?]*$")


def _split_running(text: str) -> list[str]:
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        piece = text[start:m.start() + 1]
        last = _LAST_WORD.search(piece)
        if m.group().startswith(".") and last and last.group(1).lower() in _ABBREVIATIONS:
            continue  # "kl. 12", "esim. ke"
        small = text[m.end():m.end() + 1].islower() or text[m.end():m.end() + 1].isdigit()
        if m.group().startswith(".") and small and last and last.group(1).lower() in _SHORT_FORMS:
            continue  # "tis. eller ons."
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


_CLAUSE_SPLIT = rx_compile(
    r",\s*|;\s*|\s[–-]\s|\s*\((?=[^\W\d_]{2})|\s+(?=(?:mutta|mut|muttei|mutten|men|but|however|muuten|otherwise|annars|vaikka|esimerkiksi)\b)|\s+(?=(?:koska(?!\s+(?:vaan|vain|tahansa))|sillä|eftersom|because)\b)"
    # "etänä sopis parhaiten ku en ehi ajella": a 'when'/'as' clause and a coordinated negation ("enkä pääse")
    # are clauses of their own, also in a phone mail with no commas ("heti kun mahdollista" and "ei kun" stay)
    r"|(?<!heti)(?<!\bei)(?<!sitten)(?<!jälkeen)\s+(?=(?:kun?|enkä|eikä|enka|eika)\b)"
    # "eikä avustajaa oo pääsisin huomenna": a wish verb opens a clause of its own in a run-on phone mail
    r"|\s+(?=(?:pääsisin|pääsisimme|päsisin|sopis|sopisi|sopii|kävis|kävisi|kävisivät|kavis|kavisi|ehtisin|"
    r"ehtisimme)\b)"
    # "… työ on ollu raskasta voisko saada ajan ens kuussa": a question opens a clause of its own
    r"|\s+(?=(?:voisko|voisiko|voisinko|voisimmeko|voisitteko|saisko|saisiko|saisinko|saisimmeko|olisko|olisiko|"
    r"oisko|onnistuisko|onnistuisiko|sopisko|sopisiko|kävisikö|kävisko|käviskö|kavisiko|kavisko)\b)"
    r"|\s+(?=(?:paitsi|except|utom|förutom|but\s+not|apart\s+from|aside\s+from)\b)"
    # a purpose ("här i Vasa så att vi int behöver sitta vid skärmen") negates nothing before it
    r"|\s+(?=(?:så\s+att|jotta|ettei|ettemme|so\s+that)\b)"
    , re.IGNORECASE)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\ufeff", "").replace("\u200b", "")
    text = _DASHES.sub("–", text)
    return _SPACES.sub(" ", text)


def sentences(text: str) -> list[str]:
    """Sentences of running text; line breaks inside a paragraph are only wrapping."""
    return list(_sentences(text))


@lru_cache(maxsize=64)  # the intent, the fields and the times each read the same text's sentences
def _sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        chunks: list[list[str]] = [[]]
        # a phone mail with no full stop anywhere: its lines are its sentences, not wrapped running text
        unpunctuated = not re.search(r"[.!?](?:\s|$)", para)
        for line in para.splitlines():
            if not line.strip():
                continue
            # a bullet starts a sentence; "9:30 - 11:00" does not
            if (_BULLET.match(line) or unpunctuated) and chunks[-1]:
                chunks.append([])
            chunks[-1].append(line.strip())
        for chunk in chunks:
            out += _split_running(" ".join(chunk))
    return tuple(out)


def clauses(sentence: str) -> list[str]:
    return [sentence[a:b].strip() for a, b in clause_spans(sentence)]


@lru_cache(maxsize=256)
def clause_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where each clause of a sentence starts and ends (commas, 'mutta'/'but', 'koska'/'because')."""
    spans, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(sentence):
        if sentence[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if sentence[start:].strip():
        spans.append((start, len(sentence)))
    return tuple(spans)
