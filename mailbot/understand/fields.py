"""Who, what and where: service, mode, location, participants, sessions, cadence, supervisor, language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from mailbot.regex_cache import compile as rx_compile
from mailbot.understand.lexicon import LANGUAGES, Lexicon, compile_alternation, fold, folded_rx, load, plain, trie

_WORD = rx_compile(r"[a-zåäöéü]+(?:[-'][a-zåäö]+)*")
_STOP = {lang: frozenset(w for s in load(lang).STOPWORDS for w in (s, plain(s))) for lang in LANGUAGES}


def word_list(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def detect_language(text: str, default: str = "fi") -> str:
    """The language with most of its common words; Finnish on a tie or no text. A bilingual
    message is in its first language: the opening words decide when they are clear enough."""
    words = _WORD.findall(text.lower())
    for para in re.split(r"\n\s*\n", text.lower()):
        para_words = _WORD.findall(para)
        if len(para_words) < 6:  # "Hei," or a name: not enough to tell
            continue
        opening = _scores(para_words)
        best = max(opening.values())
        second = sorted(opening.values())[-2]
        if (best >= 2 and second * 2 < best) or (best == 1 and second == 0 and len(para_words) >= 8):
            return next(lang for lang in (default, *LANGUAGES) if opening[lang] == best)
        break
    return _best(_scores(words), default)


def _scores(words: list[str]) -> dict[str, int]:
    return {lang: sum(1 for w in words if w in _STOP[lang]) for lang in LANGUAGES}


def _best(scores: dict[str, int], default: str) -> str:
    best = max(scores.values())
    if best == 0:
        return default
    for lang in (default, *LANGUAGES):
        if scores[lang] == best:
            return lang
    return default


def find(lex: Lexicon, fragments: list[str], text: str) -> re.Match[str] | None:
    return compile_alternation(tuple(fragments), lex.folds).search(text)


def service(text: str, lex: Lexicon, *, implied: bool = True) -> str | None:
    """Explicit names win over what is implied by who the supervision is for."""
    for suffix in ("", "_implied") if implied else ("",):
        hits = []
        for kind in ("leader", "group", "individual"):
            m = find(lex, lex.SERVICE[kind + suffix], text)
            if m:
                hits.append((m.start(), kind))
        if hits:
            return sorted(hits)[0][1] if suffix == "" or len(hits) == 1 else _implied_order(hits)
    return None


def _implied_order(hits: list[tuple[int, str]]) -> str:
    kinds = {k for _, k in hits}
    for kind in ("leader", "group", "individual"):
        if kind in kinds:
            return kind
    return hits[0][1]


def affirmed(text: str, lex: Lexicon) -> str:
    """``text`` with every clause that negates or tells of being away blanked (same length)."""
    negation = compile_alternation(tuple(lex.NEGATION), lex.folds)
    return _blank_clauses(text, lambda clause: bool(negation.search(clause.lower())))


def without_reasons(text: str, lex: Lexicon) -> str:
    """``text`` with the clauses that give a reason ("koska käyn siellä viikoittain") blanked."""
    reason = compile_alternation(tuple(lex.REASON), lex.folds)
    return _blank_clauses(text, lambda clause: bool(reason.match(clause.lstrip())))


def without_other_events(text: str, lex: Lexicon) -> str:
    """``text`` with the clauses that tell another meeting's own rhythm ("ohjausryhmä kokoontuu joka toinen
    keskiviikko") blanked."""
    other = compile_alternation(tuple(lex.OTHER_EVENT), lex.folds)
    return _blank_clauses(text, lambda clause: bool(other.search(clause.lower())))


def _blank_clauses(text: str, blank: Callable[[str], bool]) -> str:
    """``text`` with the clauses ``blank`` picks replaced by spaces, sentence by sentence, line by line."""
    from mailbot.understand.text import clause_spans

    out = list(text)
    for line in re.finditer(r"[^\n]+", text):
        for a, b in _sentence_spans(line.group()):
            sentence = line.group()[a:b]
            for s, e in clause_spans(sentence):
                if blank(sentence[s:e]):
                    start = line.start() + a + s
                    out[start:start + e - s] = " " * (e - s)
    return "".join(out)


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[.!?]+(?:\s+|$)", line):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(line):
        spans.append((start, len(line)))
    return spans


_RATHER_THAN = rx_compile(r"(?<![\w])(?:kuin|ku|än|than|instead\s+of|istället\s+för|sijaan)(?![\w])")


def mode(text: str, lex: Lexicon) -> str | None:
    if find(lex, lex.MODE_EITHER, text):
        return None
    remote = find(lex, lex.MODE["remote"], text)
    workplace = compile_alternation(tuple(lex.WORKPLACE_BEFORE), lex.folds)
    # "jag är ny chef på vårt kontor i Helsingfors" says where the writer works, not where to meet
    onsite = next((m for m in compile_alternation(tuple(lex.MODE["onsite"]), lex.folds).finditer(text)
                   if not workplace.search(re.split(r"[.!?\n]", text[max(0, m.start() - 30):m.end()])[-1])), None)
    if remote and onsite:
        first, second = sorted((remote, onsite), key=lambda m: m.start())
        if _RATHER_THAN.search(text[first.end():second.start()]) and second.start() - first.end() < 30:
            return "remote" if first is remote else "onsite"  # the one preferred to the other
        return None
    return "remote" if remote else "onsite" if onsite else None


_OFFICE_WORDS = rx_compile(fold(r"\s+(?:toimipiste\w*|toimisto\w*|yksikkö\w*|yksikö\w*|office\w*|kontor\w*|"
                                r"vastaanot\w*)"))
# inessive, adessive, allative and illative name a place to meet; "Pirkkalasta" (from) does not
_FI_LOCATIVE = rx_compile(fold(r"(?:ssa|ssä|lla|llä|lle|aan|ään|een|iin|oon|öön|uun|yyn|hin|seen)$"))
_SV_EN_BEFORE = rx_compile(r"(?:\bi|\bin|\bpå|\bat|\bto|\bnear|your|ert|vårt|our)\s+$")


_NAME_GOES_ON = rx_compile(r"[ \t]{1,2}[A-ZÅÄÖ][a-zåäö]+")  # a blanked clause after the town is no name


def location(text: str, lang: str) -> str | None:
    """A town where the meeting should be: a locative form ("Oulussa", "Tampereelle"), a town before
    an office word ("Turun toimipisteessänne", "your Espoo office") or after a preposition ("i Åbo")."""
    from mailbot.understand.places_data import FORMS as PLACE_FORMS  # 3,600 forms: loaded when needed

    low = text.lower()
    for m in _WORD.finditer(low):
        word = m.group()
        town = PLACE_FORMS.get(word) or _plain_places().get(word)
        if not town and lang == "fi" and word[-1:] in ("l", "s") and word[:1].isalpha() and text[m.start()].isupper():
            # "Raumal", "Poris", "Hyvinkääl": spoken Finnish drops the vowel of the ending
            for spoken in (word + "la", word + "lä") if word.endswith("l") else (word + "sa", word + "sä"):
                town = PLACE_FORMS.get(spoken)
                if town:
                    word = spoken
                    break
        if not town:
            continue
        said_before = re.split(r"[.!?\n]", low[max(0, m.start() - 80):m.start()])[-1]
        said_after = re.split(r"[.!?,;\n]", low[m.end():m.end() + 24])[0]  # "olen viikon Oulussa messuilla"
        if compile_alternation(tuple(load(lang).TRAVEL)).search(said_before + " \x00 " + said_after):
            continue  # "an urgent trip to our customer's plant in Oulu": where the writer goes, not where to meet
        if _OFFICE_WORDS.match(low[m.end():m.end() + 40]):
            return town
        if lang == "fi" and word == town.lower() + "n":  # a genitive: "Espoon linjoilla" names no place to meet,
            district = _NAME_GOES_ON.match(text, m.end())  # but "Vantaan Tikkurilassa" does
            if district and _FI_LOCATIVE.search(district.group().lower()):
                return town
            continue
        if lang == "fi" and word != town.lower() and _FI_LOCATIVE.search(word):
            return town
        if _SV_EN_BEFORE.search(low[max(0, m.start() - 12):m.start()]) and not _NAME_GOES_ON.match(text, m.end()):
            sentence = re.split(r"[.!?\n]", low[max(0, m.start() - 80):m.start()])[-1]
            if not compile_alternation(tuple(load(lang).WORKPLACE_BEFORE)).search(sentence):
                return town  # "in Lahti"; but "at Helsinki Airport", "I work … in Rovaniemi" name a workplace
    return None


def only_town(text: str) -> str | None:
    """The one town a text names, in any form, when it names exactly one (written with a capital)."""
    from mailbot.understand.places_data import FORMS

    towns = set()
    for m in re.finditer(r"(?<![\w-])[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ]?[a-zåäö]+)?", text):
        word = m.group().lower()
        town = FORMS.get(word) or _plain_places().get(word)
        if town:
            towns.add(town)
    return towns.pop() if len(towns) == 1 else None


def is_place(word: str) -> bool:
    """Whether a word (lower-cased) is a town's form, with or without diacritics."""
    from mailbot.understand.places_data import FORMS

    return word in FORMS or word in _plain_places()


@cache
def _plain_places() -> dict[str, str]:
    """Town forms typed without diacritics ("hameenlinnassa"); the real spelling wins a clash."""
    from mailbot.understand.places_data import FORMS

    return {plain(k): v for k, v in FORMS.items() if plain(k) not in FORMS}


@cache
def number_pattern(lex: Lexicon) -> str:
    return rf"(?P<n>\d{{1,3}}|{trie(set(lex.NUMBERS))})(?![\w])"


def _number(value: str, lex: Lexicon) -> int | None:
    return int(value) if value.isdigit() else lex.NUMBERS.get(value, _plain_numbers(lex).get(value))


@cache
def _plain_numbers(lex: Lexicon) -> dict[str, int]:
    return {plain(k): v for k, v in lex.NUMBERS.items()}


def count(text: str, lex: Lexicon, patterns: list[str], *, skip: list[str] | None = None,
          minimum: bool = False, lead_chars: int = 40, after: list[str] | None = None,
          total: list[str] | None = None, with_writer: list[str] | None = None) -> int | None:
    """The first stated number before one of the pattern's nouns ("kuusi tapaamista", "(8 henkeä)").

    A number the text calls the total ("yhteensä 13", "13 in total") wins over the parts counted
    before it; "minä ja neljä muuta" (``with_writer``) counts the writer too.
    """
    n_rx = number_pattern(lex)
    skip_rx = compile_alternation(tuple(skip), lex.folds) if skip else None
    after_rx = compile_alternation(tuple(after), lex.folds) if after else None
    total_before = folded_rx(rf"(?:{'|'.join(total)})\s*$", lex.folds) if total else None
    total_after = folded_rx(rf"\s*(?:{'|'.join(total)})(?![\w])", lex.folds) if total else None

    def stated(tpl: str) -> Iterator[tuple[re.Match[str], int]]:
        rx = folded_rx(r"(?<![\w-])" + tpl.replace("{N}", n_rx), lex.folds, re.IGNORECASE)
        for m in rx.finditer(text):
            lead = re.split(r"[.!?]\s", text[max(0, m.start() - lead_chars):m.start()])[-1]  # this sentence only
            if skip_rx and skip_rx.search(lead):
                continue
            follows = text[m.end():m.end() + 40].lstrip(" ,")
            if after_rx and (after_rx.match(follows) or after_rx.match(re.sub(r"^\w+\s+", "", follows))):
                continue  # "14 hengen varastotiimin vetäjänä": the team the writer leads, a word between
            n = _number(m.group("n").lower(), lex)
            paren = re.match(r"\s*\((\d+)\)", text[m.end("n"):])
            if paren:
                n = int(paren.group(1))
            if n and 0 < n < 500 and (n > 1 or not minimum):
                yield m, n

    for tpl in with_writer or []:
        for _m, n in stated(tpl):
            return n + 1
    if total_after is not None and not total_after.search(text):
        total_before = total_after = None  # no total said: the first count found is the count
    first: int | None = None
    for tpl in patterns:
        for m, n in stated(tpl):
            if first is None and total_before is None:
                return n
            if total_before and total_after and (
                    total_before.search(text[max(0, m.start("n") - 30):m.start("n")])
                    or total_after.match(text, m.end("n")) or total_after.match(text, m.end())):
                return n
            if first is None:
                first = n
    return first


DURATION = {
    "fi": [(r"(?P<n>\w+)\s+kuukauden\s+ajan", 1), (r"puolen\s+vuoden\s+ajan", 6), (r"vuoden\s+ajan", 12),
           (r"(?P<n>\w+)\s+viikon\s+ajan", 0)],
    "sv": [(r"i\s+(?P<n>\w+)\s+månader", 1), (r"under\s+ett\s+halvår", 6), (r"i\s+ett\s+halvår", 6),
           (r"i\s+(?P<n>\w+)\s+veckor", 0)],
    "en": [(r"for\s+(?P<n>\w+)\s+months", 1), (r"for\s+half\s+a\s+year", 6), (r"for\s+a\s+year", 12),
           (r"for\s+(?P<n>\w+)\s+weeks", 0)],
}


def sessions_from_duration(text: str, lex: Lexicon, rhythm: str | None) -> int | None:
    """'kerran kuussa puolen vuoden ajan' → 6; 'weekly sessions for six weeks' → 6."""
    if rhythm is None:
        return None
    for pattern, months in DURATION[lex.lang]:
        m = folded_rx(pattern, lex.folds).search(text)
        if not m:
            continue
        n = _number(m.group("n"), lex) if "n" in m.groupdict() and m.group("n") else 1
        if not n:
            continue
        if months:  # a span in months
            total = n * months if "n" in m.groupdict() and m.group("n") else months
            return {"monthly": total, "biweekly": total * 2, "weekly": total * 4}[rhythm]
        return {"weekly": n, "biweekly": max(1, n // 2), "monthly": None}[rhythm]
    return None


def cadence(text: str, lex: Lexicon) -> str | None:
    hits = [(m.start(), kind) for kind, frags in lex.CADENCE.items() if (m := find(lex, frags, text))]
    return sorted(hits)[0][1] if hits else None


_NAME = r"(?P<name>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? [A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)"


def supervisor(text: str, lex: Lexicon, exclude: set[str]) -> str | None:
    """A person asked for by name ("ohjaajana Mikko Laine", "Aino Virtasen kanssa"), in the basic form."""
    before = compile_alternation(tuple(lex.SUPERVISOR_BEFORE), lex.folds)
    after = compile_alternation(tuple(lex.SUPERVISOR_AFTER), lex.folds)
    flat = re.sub(r"\s+", " ", text)
    unwanted = compile_alternation(tuple(lex.REVIEW["complaint"] + lex.PAST), lex.folds)
    found: list[tuple[bool, str]] = []
    for m in re.finditer(rf"(?<![\w-])(?={_NAME})", flat):  # overlapping: "Jos Aino Virtasella" holds "Aino Virtasella"
        name = m.group("name")
        m = rx_compile(_NAME).match(flat, m.start())  # type: ignore[assignment]
        assert m is not None
        if any(part.lower() in exclude for part in name.split()):
            continue
        if any(part.lower() in _place_forms() for part in name.split()):
            continue
        lead = re.split(r"[.!?:;]\s", flat[max(0, m.start() - 40):m.start()].lower())[-1]
        words = re.findall(r"[\wåäö]+", lead)[-3:]
        cue_before = any(before.fullmatch(w) for w in words) or bool(before.search(" ".join(words[-2:])))
        cue_after = bool(after.match(flat[m.end():m.end() + 25].lower().lstrip(" ,–-")))
        # "työnohjausta Aino Virtaselta": asked from someone (the ablative), not for someone
        cue_before = cue_before or bool(lex.lang == "fi" and re.search(r"(?:lta|ltä)$", name) and words
                                        and re.fullmatch(r"\w*(?:ohjausta|aikaa|aika|aikoja|tapaamista)", words[-1]))
        if cue_before or cue_after:
            sentence = re.split(r"[.!?]\s", flat[:m.start()])[-1] + flat[m.start():].split(". ")[0]
            found.append((bool(unwanted.search(sentence.lower())), basic_name(name, lex.lang)))
    wanted = [name for bad, name in found if not bad]
    # all named in a complaint: the one named last is the one asked for ("…toisen ohjaajan, mieluiten Ainon")
    return (wanted or [name for _, name in found][-1:] or [None])[0]


def _place_forms() -> dict[str, str]:
    from mailbot.understand.places_data import FORMS

    return FORMS


def basic_name(name: str, lang: str) -> str:
    """'Aino Virtasen' → 'Aino Virtanen'; 'Mikko Laineen' → 'Mikko Laine'."""
    if lang != "fi":
        return name
    first, last = name.split(maxsplit=1)
    for suffix, repl in (("sella", "nen"), ("selle", "nen"), ("selta", "nen"), ("sen", "nen"), ("sta", "nen"),
                         ("seen", "nen"), ("eelle", "e"),
                         ("eella", "e"), ("eelta", "e"), ("een", "e"), ("lle", ""), ("lla", ""), ("llä", ""),
                         ("lta", ""), ("ltä", "")):
        if last.endswith(suffix) and len(last) > len(suffix) + 2:
            last = last[: -len(suffix)] + repl
            break
    else:
        if last.endswith("n") and not last.endswith("nen") and len(last) > 4:
            last = last[:-1]
    if first.endswith("n") and len(first) > 4 and first[-2] in "aeiouyäö" and first[:-1][-1] in "aeiouyäö":
        first = first[:-1]
    return f"{first} {last}"
