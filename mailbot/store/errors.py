"""The errors the store raises on purpose; everything else from the database is a bug or an outage."""

from __future__ import annotations

from mailbot.errors import MailbotError


class StoreError(MailbotError):
    """Raised when the database cannot be opened or its schema cannot be brought up to date."""


class SlotTaken(StoreError):
    """Raised when the database refuses a hold or booking because it overlaps a live one of the supervisor.

    The refusal comes from the database itself (an exclusion constraint on PostgreSQL, triggers on
    SQLite), so it holds across processes; the transaction the caller was in is still usable.
    """

    def __init__(self, message: str, supervisor_id: str | None = None) -> None:
        super().__init__(message)
        self.supervisor_id = supervisor_id


class NotFound(StoreError):
    """Raised when a repository function is given the id of a row that does not exist."""
