"""Indexes for the lookups every message makes: replies to one address (the loop guard) and the
review items of a message.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_outbox_to_addr_created_at", "outbox", ["to_addr", "created_at"])
    op.create_index("ix_review_items_message_id", "review_items", ["message_id"])


def downgrade() -> None:
    op.drop_index("ix_review_items_message_id", table_name="review_items")
    op.drop_index("ix_outbox_to_addr_created_at", table_name="outbox")
