"""What kind of message this is (CONTRACT §2 intent) and what a person should look at."""

from __future__ import annotations

import re

from mailbot.understand.lexicon import Lexicon, compile_alternation, folded_rx


def hits(lex: Lexicon, fragments: list[str], text: str) -> int:
    return len(compile_alternation(tuple(fragments), lex.folds).findall(text))


def looks_out_of_office(text: str, lex: Lexicon) -> bool:
    """An auto-reply with no telltale header: its text is all that shows it."""
    return hits(lex, lex.OUT_OF_OFFICE, text) >= 2


def looks_commercial(text: str, lex: Lexicon) -> bool:
    """Marketing, phishing, or another business's bill: nothing to book and nobody to answer."""
    if hits(lex, lex.PHISHING, text) >= 2:
        return True
    if hits(lex, lex.INVOICE, text) >= 3 and not hits(lex, lex.INTENT["request"], text) \
            and not question_sentences(text):
        return True
    n = hits(lex, lex.INTENT["other"], text)
    return n >= 2 or (n == 1 and hits(lex, lex.INTENT["domain"], text) == 0)


def question_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if s.strip().endswith("?")]


def is_question(text: str, lex: Lexicon) -> bool:
    """Asks about price, invoicing or what supervision is, rather than for a time."""
    asked = question_sentences(text)
    listed = compile_alternation(tuple(lex.ASK_LIST), lex.folds).search(text)
    if listed:  # "haluaisin tietää:" and the questions as a list, often without question marks
        asked = [*asked, text[listed.end():listed.end() + 600]]
    q = hits(lex, lex.INTENT["question"], " ".join(asked))
    if q == 0:
        return False
    # "Paljonko maksaa? … voisitteko samalla varata minulle ajan …": a booking asked for in plain words is
    # a request (staff still see the question); asked only as questions, the question weighs more
    told = " ".join(s for s in re.split(r"(?<=[.!?])\s+", text.replace("\n", " ")) if s not in asked)
    return q > hits(lex, lex.INTENT["request"], told) if hits(lex, lex.INTENT["request"], told) else \
        q >= hits(lex, lex.INTENT["request"], text)


def _books_a_clinician(low: str, lex: Lexicon) -> bool:
    """'I'd like an appointment with a physician' is not supervision; 'I am a physician', 'a team of
    11 doctors' only tell who the writer is."""
    cue = compile_alternation(tuple(lex.REVIEW["not_supervision"]), lex.folds)
    intro = folded_rx(rf"(?:{'|'.join(lex.JOB_INTRO)})\s+(?:[\w-]+\s+){{0,3}}$", lex.folds)
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", low):
        for m in cue.finditer(sentence):
            if intro.search(sentence[max(0, m.start() - 60):m.start()]):
                continue
            if re.search(r",\s*[\w-]*$", sentence[:m.start()]):
                continue  # "kuraattori, koulupsykologi ja terveydenhoitaja": who is in the group
            return True
    return False


def review_reasons(text: str, lex: Lexicon, writer_lang: str) -> list[str]:
    low = text.lower()
    reasons = []
    names = {
        "complaint": "complaint", "contact": "asks to be contacted", "not_supervision": "not supervision",
        "crisis": "sensitive or crisis content", "several": "several people's wishes in one message",
    }
    for key, reason in names.items():
        if key == "not_supervision":
            if _books_a_clinician(low, lex):
                reasons.append(reason)
        elif hits(lex, lex.REVIEW[key], low):
            reasons.append(reason)
    asked = " ".join(question_sentences(low))
    if asked and hits(lex, lex.REVIEW["fee"] + lex.INTENT["question"], asked):
        reasons.append("question for staff")
    for lang, frags in lex.LANGUAGE_NAMES.items():
        if lang != writer_lang and hits(lex, frags, low):
            reasons.append(f"supervision wanted in another language ({lang})")
    return reasons
