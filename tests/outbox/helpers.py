"""Realistic data for the outbox tests: contexts of every kind as the booking code passes them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
SIGNATURE = "Ajanvaraus\nEsimerkki Työterveys Oy"
SMTP_USER = "ajanvaraus@example.fi"
SMTP_PASSWORD = "salasana-123"


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=HELSINKI)


def utc(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def options() -> list[dict[str, Any]]:
    """Three options as the booking code passes them: a remote series, an onsite one, one after DST begins."""
    return [
        {"n": 1, "start": local(2026, 12, 1, 14), "end": local(2026, 12, 1, 15), "supervisor": "Aino Virtanen",
         "mode": "remote", "location": None,
         "following": [{"start": local(2026, 12, 29, 14), "end": local(2026, 12, 29, 15)},
                       {"start": local(2027, 1, 26, 14), "end": local(2027, 1, 26, 15)}]},
        {"n": 2, "start": local(2026, 12, 3, 10), "end": local(2026, 12, 3, 11, 30), "supervisor": "Mikko Laine",
         "mode": "onsite", "location": "Kauppakatu 12 B, Helsinki", "following": []},
        # Mon 29.3.2027 09:00 in Helsinki is 06:00 UTC: summer time began the day before
        {"n": 3, "start": utc(2027, 3, 29, 6), "end": utc(2027, 3, 29, 7), "supervisor": "Aino Virtanen"},
    ]


def sessions() -> list[dict[str, Any]]:
    return [{"start": local(2026, 12, 1, 14), "end": local(2026, 12, 1, 15), "supervisor": "Aino Virtanen",
             "mode": "remote", "location": None, "remote_link": "https://teams.example.fi/l/meetup/abc"}]


def context(kind: str) -> dict[str, Any]:
    """A realistic context of each kind (templates/email/README.md)."""
    common: dict[str, Any] = {"name": "Anna Korhonen", "reference": "AV-7KQ3", "signature": SIGNATURE}
    extra: dict[str, dict[str, Any]] = {
        "proposal": {"options": options(), "hold_hours": 48},
        "reschedule": {"options": options(), "hold_hours": 48,
                       "previous": {"start": local(2026, 11, 24, 14), "end": local(2026, 11, 24, 15)}},
        "hold_expired": {"options": options(), "hold_hours": 48},
        "confirmation": {"sessions": sessions(), "moved": False},
        "cancellation": {"sessions": sessions()},
        "reminder": {"sessions": sessions()},
        "acknowledgement": {},
    }
    return {**common, **extra[kind]}
