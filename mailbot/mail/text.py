"""Bytes and markup to clean text: charsets, encoded words, HTML, format=flowed, invisible marks.

Everything here is a pure function of its input and never raises on bad data: mail from the wild
lies about its charset, breaks its encoded words and wraps its lines in odd ways, and a reader
that gives up on such a message loses a client's request. What went wrong is returned as a short
defect string for staff instead.

``inscriptis`` and ``charset_normalizer`` are imported inside the functions that need them:
most messages have a text/plain part that decodes with its declared charset, and ``import
mailbot.mail`` should not pay for lxml or the charset models.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from html.parser import HTMLParser

from mailbot.regex_cache import compile as rx_compile

# Declared charsets that are read as a superset: Outlook labels Windows-1252 text (with its
# dashes and quotes in 0x80-0x9F) as ISO-8859-1, and those bytes are never C1 controls in mail.
_SUPERSETS = {
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
# Charsets a guess may choose from. charset_normalizer guesses freely among ~100 codecs and on a
# short Finnish or Swedish text often lands on cp850 or big5; mail to a Finnish mailbox is
# Windows-1252/ISO-8859-15 when it is not UTF-8, or a UTF-16 file pasted in whole.
_GUESS_CANDIDATES = ["cp1252", "iso8859_15", "utf_16", "utf_32"]

# Zero-width and formatting marks that iOS, Outlook and copy-paste leave in text (U+FEFF before
# "Hei" in iPhone quotes, soft hyphens from Word); they break word matching downstream.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007"), " ")
_MANY_BLANK_LINES = rx_compile(r"\n{3,}")
_ENCODED_WORD = rx_compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=")
_BETWEEN_WORDS = rx_compile(r"\?=[ \t\r\n]+=\?")


def codec_name(charset: str | None) -> str | None:
    """The Python codec to read a MIME charset label with, or None when Python has none."""
    exact = _exact_codec(charset)
    return _SUPERSETS.get(exact, exact) if exact else None


def _exact_codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip("\"'").lower()).name
    except (LookupError, ValueError):
        return None


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Text of ``data`` and a defect note when the declared charset was missing, unknown or wrong.

    Tried in order: the declared charset, UTF-8, a charset_normalizer guess (only when both
    failed, because guessing costs milliseconds), and Windows-1252 with replacement, which
    cannot fail.
    """
    # The superset first; the exact codec too, for the five bytes Windows-1252 leaves undefined.
    for codec in dict.fromkeys(c for c in (codec_name(charset), _exact_codec(charset)) if c):
        try:
            return data.decode(codec), None
        except (UnicodeError, LookupError, ValueError, TypeError):  # odd codecs (idna) raise odd errors
            pass
    if data.isascii():
        return data.decode("ascii"), _charset_defect(charset, "us-ascii")
    try:
        return data.decode("utf-8"), _charset_defect(charset, "utf-8")
    except UnicodeDecodeError:
        pass
    guessed = _guess(data)
    if guessed is not None:
        return guessed[0], _charset_defect(charset, guessed[1])
    return data.decode("cp1252", errors="replace"), _charset_defect(charset, "cp1252")


def _charset_defect(charset: str | None, used: str) -> str | None:
    if not charset:
        return None if used == "us-ascii" else f"no charset declared for 8-bit text; read as {used}"
    label = charset.strip()[:40]
    if codec_name(charset) is None:
        return f"unknown charset {label!r}; read as {used}"
    return f"text is not valid {label}; read as {used}"


def _guess(data: bytes) -> tuple[str, str] | None:
    import charset_normalizer

    try:
        best = charset_normalizer.from_bytes(data, cp_isolation=_GUESS_CANDIDATES).best()
    except Exception:  # the detector is heuristic code over hostile bytes: never let it end a read
        return None
    if best is None:
        return None
    return str(best), best.encoding


def decode_header_words(value: str) -> str:
    """A header value with RFC 2047 encoded words decoded and folding removed.

    Written out rather than taken from ``email.header`` because that raises on unknown charsets
    and leaves encoded words glued to punctuation or quotes undecoded; raw 8-bit header bytes
    (kept by the parser as surrogate escapes) are read as UTF-8 or Windows-1252.
    """
    value = unescape_8bit(re.sub(r"\r?\n[ \t]+", " ", value).replace("\r", "").replace("\n", " "))
    if "=?" not in value:
        return value.translate(_INVISIBLE).strip()
    # Whitespace between two adjacent encoded words is folding, not text (RFC 2047 §6.2).
    value = _BETWEEN_WORDS.sub("?==?", value)
    return _ENCODED_WORD.sub(_decode_word, value).translate(_INVISIBLE).strip()


def unescape_8bit(value: str) -> str:
    """Raw 8-bit header bytes, kept by the parser as surrogate escapes, read as UTF-8 or Windows-1252."""
    if not _has_surrogates(value):
        return value
    return decode_bytes(value.encode("utf-8", "surrogateescape"), "utf-8")[0]


def _decode_word(match: re.Match[str]) -> str:
    charset, encoding, payload = match.group(1).split("*")[0], match.group(2).lower(), match.group(3)
    try:
        payload_bytes = _b_decode(payload) if encoding == "b" else _q_decode(payload)
    except (binascii.Error, ValueError):
        return match.group(0)
    return decode_bytes(payload_bytes, charset)[0]


def _b_decode(payload: str) -> bytes:
    return base64.b64decode(payload + "=" * (-len(payload) % 4))  # senders drop the padding


def _q_decode(payload: str) -> bytes:
    out = bytearray()
    raw = payload.replace("_", " ").encode("ascii", "replace")
    i = 0
    while i < len(raw):
        if raw[i] == 0x3D and _is_hex(raw[i + 1 : i + 3]):
            out.append(int(raw[i + 1 : i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return bytes(out)


def _is_hex(pair: bytes) -> bool:
    return len(pair) == 2 and all(c in b"0123456789abcdefABCDEF" for c in pair)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def unflow(text: str, delsp: bool) -> str:
    """Join the soft line breaks of format=flowed text (RFC 3676).

    A line that ends in a space continues on the next line of the same quote depth; "-- " is
    the signature separator and never flows. A leading space added by space-stuffing is removed.
    """
    out: list[str] = []
    pending: str | None = None
    pending_depth = 0
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        if body.startswith(" "):
            body = body[1:]
        if pending is not None and depth != pending_depth:
            out.append(">" * pending_depth + (" " if pending_depth else "") + pending)
            pending = None
        joined = body if pending is None else pending + body
        if body.endswith(" ") and body != "-- ":
            pending = joined[:-1] if delsp else joined
            pending_depth = depth
            continue
        out.append(">" * depth + (" " if depth else "") + joined)
        pending = None
    if pending is not None:
        out.append(">" * pending_depth + (" " if pending_depth else "") + pending)
    return "\n".join(out)


def normalize(text: str) -> str:
    """One line-end convention, no invisible marks, ordinary spaces, no trailing blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE).translate(_SPACES)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip("\n")


def html_to_text(html: str) -> str:
    """Readable text of an HTML body with its line layout; <head>, <style> and <script> dropped."""
    if not html.strip():
        return ""
    try:
        from inscriptis import get_text

        text = get_text(html)
    except Exception:  # lxml refuses some documents outright (only a comment, bad encodings)
        return _plain_from_html(html)
    # lxml silently drops what lies deeper than its nesting limit (256 levels)
    return text if text.strip() else _plain_from_html(html)


class _TextOnly(HTMLParser):
    """Fallback for HTML that lxml cannot read: text nodes outside head/style/script."""

    _SKIP = frozenset({"head", "style", "script", "title"})
    _BREAK = frozenset({"br", "p", "div", "tr", "li", "table", "blockquote", "h1", "h2", "h3"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BREAK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BREAK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _plain_from_html(html: str) -> str:
    parser = _TextOnly()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient, but hostile input must not end the read
        pass
    return "".join(parser.parts)
