"""Cutting the signature, phone footers and confidentiality disclaimers off the writer's text.

Signatures carry the traps of this mailbox: opening hours ("ma–pe 10–18"), street addresses,
phone numbers and job titles ("tuotantopäällikkö") that must not be read as the request. The
rules work on whole lines only, so that a closing word inside a sentence ("Kiitos jo
etukäteen, sopisiko...") never cuts the body:

* a closing line ("Ystävällisin terveisin", "Med vänliga hälsningar", "Best regards"), or a
  closing and a name on one line ("t. Jukka", "terv Jari Mustonen");
* a thanks or a wish on its own line ("Kiitos!", "Thanks,", "Hyvää joulua!") when a name
  follows it or nothing does;
* the "-- " separator; a line that is the sender's own name (from the From header), since a
  name alone on a line is how a short signature starts;
* phone and app footers ("Lähetetty iPhonesta", "Hanki Outlook for Android"), wherever they are.

A closing, separator or name on the writer's first line is kept: then the message is nothing
but that line ("Kiitos!"), and it is the writer's text. Disclaimer paragraphs are removed
wherever they stand (some servers put a warning banner on top).
"""

from __future__ import annotations

import re

from mailbot.regex_cache import compile as rx_compile

_END = r"[\s,.!:;–-]*"
_STRONG = rx_compile(
    r"^(?:ystävällisin\s+terveisin|ystävällisesti|parhain\s+terveisin|"
    r"parhaat\s+terveiset|terveisin|terveisiä|terkuin|terkut|yst\.?\s*terv\.?|kunnioittavasti|"
    r"t\.|t:|"
    r"med\s+vänliga\s+hälsningar|med\s+vänlig\s+hälsning|vänliga\s+hälsningar|vänlig\s+hälsning|"
    r"bästa\s+hälsningar|varma\s+hälsningar|hälsningar|hälsning|mvh|allt\s+gott|"
    r"best\s+regards|kind\s+regards|warm\s+regards|warmest\s+regards|regards|best\s+wishes|"
    rf"yours\s+sincerely|sincerely|yours\s+truly|all\s+the\s+best|br){_END}$",
    re.IGNORECASE,
)
_WEAK = rx_compile(
    r"^(?:kiitos|kiitoksia|kiitos\s+paljon|kiitos\s+etukäteen|kiitos\s+jo\s+etukäteen|"
    r"hyvää\s+(?:joulua|päivänjatkoa|viikonloppua|kesää|syksyä|kevättä|uutta\s+vuotta)|"
    r"tack|tack\s+så\s+mycket|tack\s+på\s+förhand|tack\s+och\s+hälsningar|trevlig\s+helg|"
    r"thanks|thank\s+you|thanks\s+in\s+advance|many\s+thanks|thanks\s+again|best|cheers|"
    rf"have\s+a\s+nice\s+(?:day|weekend)){_END}$",
    re.IGNORECASE,
)
_CLOSING_WITH_NAME = rx_compile(
    r"^(?i:t\.\s*|t:\s*|t\s+|terv\.?\s+|terveisin,?\s+|terkuin,?\s+|hälsningar,?\s+|mvh,?\s+|/\s?)"
    r"[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){0,2}\.?$"
)
_SEPARATOR = rx_compile(r"^--\s*$|^__\s*$")
_FOOTER = rx_compile(
    r"^(?:(?:sent|skickat|skickad)\s+(?:from|från)\s+\S.{0,60}"
    r"|lähetetty\s+\S.{0,50}?(?:puhelimesta|laitteesta|iphonesta|ipadista|androidista|sovelluksesta|"
    r"tabletista|mobiilista|sähköpostista|outlookista)"
    r"|lähetetty\s+(?:outlook|mobiili|samsung|huawei|android|iphone|ipad)\S*(?:\s+\S+){0,3}"
    r"|(?:get|hanki|skaffa|hämta)\s+outlook\s+(?:for|för|-sovellus|sovellus)\b.{0,60}"
    r"|(?:gesendet\s+von|von\s+meinem)\s+.{1,60})[.!]?$",
    re.IGNORECASE,
)
_DISCLAIMER = rx_compile(
    r"^(?:tämä\s+(?:sähköposti)?(?:viesti|posti)\b.{0,80}?\b(?:luottamuksellis|tarkoitettu\s+vain)"
    r"|this\s+(?:e-?mail|message|communication)\b.{0,80}?\b(?:confidential|privileged|intended\s+only)"
    r"|detta\s+(?:e-?post)?(?:meddelande|mejl|e-?brev)\b.{0,80}?\b(?:konfidentiell|sekretess|avsett\s+endast)"
    r"|(?:confidentiality|legal)\s+notice|disclaimer\s*:|luottamuksellisuus\s*:|huom!?\s+tämä\s+viesti\s+"
    r"on\s+tullut\s+organisaation\s+ulkopuolelta|caution\s*:\s*this\s+e-?mail)",
    re.IGNORECASE,
)
_NAME_TOKEN = rx_compile(r"^[A-ZÅÄÖÜ][\w'.-]*$")
_MAX_NAME_BLOCK = 12  # a name line starts a signature only when at most this many lines follow


def split_signature(text: str, sender_name: str = "") -> tuple[str, str]:
    """(own text, signature): ``text`` cut at the first line that starts a signature."""
    lines, disclaimers = _without_disclaimers(text.split("\n"))
    sender = _name_tokens(sender_name)
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    cut = None
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if _FOOTER.match(line) and len(line) <= 120 or i > first and _starts_signature(lines, i, line, sender):
            cut = i
        if cut is not None:
            break
    own = lines if cut is None else lines[:cut]
    cut_off = ([] if cut is None else lines[cut:]) + disclaimers
    return "\n".join(own).strip(), "\n".join(cut_off).strip()


def _starts_signature(lines: list[str], i: int, line: str, sender: set[str]) -> bool:
    if _SEPARATOR.match(line) or _STRONG.match(line):
        return True
    if _WEAK.match(line):
        following = _next_line(lines, i)
        return following is None or _looks_like_name(following, sender)
    named = _CLOSING_WITH_NAME.match(line)
    if named:
        return True
    if _is_sender_name(line, sender) and len(lines) - i <= _MAX_NAME_BLOCK:
        return True
    # Swedish and Finnish "-Mikael" / "/Mikael" sign-offs; a dash list item ("- Tiistai") is not.
    return bool(re.fullmatch(r"[-–/]\s?(.+)", line)) and _is_sender_name(line.lstrip("-–/ "), sender)


def _without_disclaimers(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines with every disclaimer paragraph taken out, and those paragraphs."""
    kept: list[str] = []
    removed: list[str] = []
    in_disclaimer = False
    for line in lines:
        if in_disclaimer and line.strip():
            removed.append(line)
            continue
        in_disclaimer = False
        if _DISCLAIMER.match(line.strip()):
            in_disclaimer = True
            removed.append(line)
        else:
            kept.append(line)
    return kept, removed


def _next_line(lines: list[str], i: int) -> str | None:
    """The next non-blank line after ``i``, looking past at most one blank line."""
    for blanks, line in enumerate(lines[i + 1 :]):
        if line.strip():
            return line.strip()
        if blanks >= 1:
            return ""
    return None


def _looks_like_name(line: str, sender: set[str]) -> bool:
    if _is_sender_name(line, sender):
        return True
    tokens = line.rstrip(".,").split()
    return 1 <= len(tokens) <= 4 and all(_NAME_TOKEN.match(t) for t in tokens)


def _is_sender_name(line: str, sender: set[str]) -> bool:
    tokens = _name_tokens(line)
    return bool(sender) and bool(tokens) and len(tokens) <= 4 and tokens <= sender


def _name_tokens(name: str) -> set[str]:
    return {t.lower() for t in re.split(r"[\s,.;:!]+", name) if t}
