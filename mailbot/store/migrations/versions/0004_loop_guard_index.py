"""The loop guard counts the messages one address sent in the last day (``messages.sender``,
``received_at``); 0002 indexed the outbox, which the guard no longer reads.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_messages_sender_received_at", "messages", ["sender", "received_at"])
    op.drop_index("ix_outbox_to_addr_created_at", table_name="outbox")


def downgrade() -> None:
    op.create_index("ix_outbox_to_addr_created_at", "outbox", ["to_addr", "created_at"])
    op.drop_index("ix_messages_sender_received_at", table_name="messages")
