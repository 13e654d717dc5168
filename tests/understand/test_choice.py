"""Which option a reply picks (CONTRACT §2.3)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from mailbot.understand.choice import pick
from mailbot.understand.lexicon import load
from mailbot.understand.result import Option

TZ = ZoneInfo("Europe/Helsinki")
OPTIONS = [
    Option(1, datetime(2026, 12, 1, 14, 0, tzinfo=TZ), datetime(2026, 12, 1, 15, 0, tzinfo=TZ)),  # Tue
    Option(2, datetime(2026, 12, 3, 8, 0, tzinfo=TZ), datetime(2026, 12, 3, 9, 0, tzinfo=TZ)),  # Thu
    Option(3, datetime(2026, 12, 10, 14, 0, tzinfo=TZ), datetime(2026, 12, 10, 15, 0, tzinfo=TZ)),  # Thu
]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("fi", "Kakkonen sopii!", 2),
        ("fi", "Vaihtoehto 3 sopii minulle hyvin.", 3),
        ("fi", "3.12. on hyvä, kiitos.", 2),
        ("fi", "Tiistai sopii.", 1),
        ("fi", "klo 14 käy minulle hyvin.", None),  # options 1 and 3 both start at 14
        ("fi", "Torstaina klo 14 käy.", 3),
        ("sv", "Tvåan passar bra.", 2),
        ("sv", "Nr 3 passar bra för mig.", 3),
        ("en", "The first one works for me.", 1),
        ("en", "Thursday at 2 pm works.", 3),
        ("en", "2", 2),
        ("fi", "ti käy", 1),  # a short weekday opening the answer, before a yes
        ("sv", "tis. passar bra", 1),
    ],
)
def test_pick(lang: str, text: str, want: int | None) -> None:
    assert pick(text, OPTIONS, load(lang), TZ).number == want


@pytest.mark.parametrize(("lang", "text"), [("fi", "Kumpi tahansa käy meille."), ("sv", "Torsdag passar."),
                                            ("en", "Either one works.")])
def test_fits_several(lang: str, text: str) -> None:
    choice = pick(text, OPTIONS, load(lang), TZ)
    assert choice.number is None and len(choice.candidates) >= 2 and choice.cue
