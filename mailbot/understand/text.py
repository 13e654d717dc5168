"""Plain-text helpers: normalising, sentences and clauses."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"(?<=[!?])\s+|(?<=[^\d\s.][.])\s+(?=\S)|\n\s*\n|\n(?=\s*[-*•]\s)")
_CLAUSE_SPLIT = re.compile(
    r",\s*|;\s*|\s+(?=(?:mutta|men|but|however|muuten|otherwise|annars)\b)|\s+(?=(?:koska|sillä|eftersom|because)\b)"
)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\ufeff", "").replace("\u200b", "")
    text = _DASHES.sub("–", text)
    return _SPACES.sub(" ", text)


def sentences(text: str) -> list[str]:
    """Sentences of running text; line breaks inside a paragraph are only wrapping."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(line.strip() for line in para.splitlines() if line.strip())
        for s in _SENTENCE_END.split(para):
            if s and s.strip():
                out.append(s.strip())
    return out


def clauses(sentence: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_SPLIT.split(sentence) if c and c.strip()]
