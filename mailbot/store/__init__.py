"""The database: tables, migrations run on start, and the repository functions the rest uses.

    db = open_database("sqlite:///mailbot.db")       # or postgresql+psycopg://…
    with db.transaction() as session:
        conversation = repo.create_conversation(session, client_email="anna@example.fi")
"""

from __future__ import annotations

from mailbot.store import repo
from mailbot.store.database import Database, open_database
from mailbot.store.errors import NotFound, SlotTaken, StoreError
from mailbot.store.models import (
    AuditEntry,
    Base,
    Booking,
    Conversation,
    Hold,
    Message,
    OutboxItem,
    ReviewItem,
    StaffUser,
)

__all__ = [
    "AuditEntry", "Base", "Booking", "Conversation", "Database", "Hold", "Message", "NotFound", "OutboxItem",
    "ReviewItem", "SlotTaken", "StaffUser", "StoreError", "open_database", "repo",
]
