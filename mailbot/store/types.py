"""A timestamp column that only ever holds UTC and always gives back aware datetimes.

PostgreSQL keeps ``timestamptz`` natively. SQLite has no time type, so there the value is written as
fixed-width ISO 8601 text in UTC, ``2026-11-23 07:00:00.000000+00:00``: text in that one form sorts
in time order, which the range queries and the overlap triggers rely on (the migration also makes
SQLite refuse any other form in ``holds`` and ``bookings``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

SQLITE_FORMAT_GLOB = (
    "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]"
    ".[0-9][0-9][0-9][0-9][0-9][0-9]+00:00"
)


def to_sqlite_text(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(sep=" ", timespec="microseconds")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; a naive datetime is refused, never guessed at."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(32))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            # A naive time would be read in whatever zone the server or session happens to use.
            raise ValueError(f"naive datetime {value.isoformat()} given to a UTC column; attach a zone")
        if dialect.name == "sqlite":
            return to_sqlite_text(value)
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        if not isinstance(moment, datetime):
            raise TypeError(f"a UTC column held {type(value).__name__}, not a time")
        if moment.tzinfo is None:  # written by hand without an offset; the column's rule says UTC
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
