"""The parse result of CONTRACT.md §2 and the proposal options of §2.3."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime

from mailbot.errors import UsageError


@dataclass(frozen=True)
class Option:
    n: int
    start: datetime
    end: datetime
    supervisor: str | None = None


@dataclass
class ParseResult:
    intent: str
    language: str
    service: str | None = None
    mode: str | None = None
    location: str | None = None
    participants: int | None = None
    sessions: int | None = None
    cadence: str | None = None
    supervisor: str | None = None
    windows: list[tuple[datetime, datetime]] = field(default_factory=list)
    choice: int | None = None
    needs_review: bool = False
    reasons: list[str] = field(default_factory=list)

    def review(self, reason: str) -> None:
        self.needs_review = True
        if reason not in self.reasons:
            self.reasons.append(reason)

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["windows"] = [{"start": s.isoformat(), "end": e.isoformat()} for s, e in self.windows]
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def parse_options(data: object, source: str = "options") -> list[Option]:
    """Options from the JSON of §2.3, checked so that a bad file gives one clear line."""
    if not isinstance(data, list):
        raise UsageError(f"{source}: expected a JSON list of options")
    out = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise UsageError(f"{source}: option {i} is not an object")
        try:
            start = datetime.fromisoformat(str(item["start"]))
            end = datetime.fromisoformat(str(item["end"]))
            n = int(item.get("n", i))
        except (KeyError, ValueError, TypeError) as exc:
            raise UsageError(f"{source}: option {i} needs 'start' and 'end' as ISO 8601 date-times ({exc})") from exc
        out.append(Option(n, start, end, item.get("supervisor")))
    return out
