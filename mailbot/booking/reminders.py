"""Reminders the day before: one per booking and version, however many workers run the job.

The job locks each due booking (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite serialises writers) and
records the reminder in the audit log in the same transaction as the queued message, so a second
run, or a second worker, finds the record and queues nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from mailbot.booking.conversation import Conversations
from mailbot.store import repo
from mailbot.store.models import Conversation


def queue_reminders(s: Session, conversations: Conversations, now: datetime, hours: int) -> int:
    if hours <= 0:
        return 0
    due = repo.due_reminders(s, now, now + timedelta(hours=hours))
    queued = 0
    for booking in due:
        key = {"booking": booking.id, "sequence": booking.sequence}
        if any(e.detail == key for e in repo.audited(s, "reminder", booking.conversation_id)):
            continue
        conv = s.get(Conversation, booking.conversation_id)
        if conv is None:
            continue
        appointment = conversations.appointment(conv, booking)
        message_id, raw = conversations.compose(
            "reminder", conversation=conv, to=conv.client_email, to_name=conv.client_name, in_reply_to=None,
            references=[], context={"sessions": [conversations.slot_context(appointment)]})
        repo.queue_outbox(s, message_id=message_id, to_addr=conv.client_email, raw=raw, conversation_id=conv.id)
        repo.audit(s, "mailbot", "reminder", conversation_id=conv.id, detail=key)
        queued += 1
    return queued
