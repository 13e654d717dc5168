"""The first schema: every table, and the database's own rule against overlapping bookings and holds.

Revision ID: 0001
Revises:
Create Date: 2026-01-01

The overlap rule is written per dialect because no portable DDL expresses it:
- PostgreSQL: EXCLUDE USING gist over (supervisor_id =, tstzrange(start, end, '[)') &&), limited to
  confirmed bookings and to holds not released. ``btree_gist`` gives the ``=`` on text in a gist
  index; it is a trusted extension, so a database owner without superuser may create it.
- SQLite: BEFORE INSERT and BEFORE UPDATE triggers that abort with 'overlapping booking' or
  'overlapping hold'. They compare the times as text, which is exact because the CHECKs below admit
  only the one fixed-width UTC form that ``UTCDateTime`` writes.
Both treat a range as [start, end): one appointment may end when the next begins.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from mailbot.store.types import SQLITE_FORMAT_GLOB, UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")

# table → (the condition that makes a row count, "{}" where its columns need a row's prefix;
#          the message SQLite aborts with)
OVERLAP_RULES = {
    "bookings": ("{}state = 'confirmed'", "overlapping booking"),
    "holds": ("{}released_at IS NULL", "overlapping hold"),
}


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(16), nullable=False),
        sa.Column("client_email", sa.String(320), nullable=False),
        sa.Column("client_name", sa.String(200), nullable=True),
        sa.Column("language", sa.String(8), server_default="fi", nullable=False),
        sa.Column("state", sa.String(32), server_default="new", nullable=False),
        sa.Column("parsed", JSONType, nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
        sa.UniqueConstraint("reference", name=op.f("uq_conversations_reference")),
    )
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("disabled", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_users")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_users_username")),
    )
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("uid", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.String(998), nullable=True),
        sa.Column("in_reply_to", sa.String(998), nullable=True),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("raw", sa.LargeBinary(), nullable=True),
        sa.Column("sender", sa.String(320), nullable=True),
        sa.Column("subject", sa.Text(), server_default="", nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("processed_at", UTCDateTime(), nullable=True),
        sa.Column("state", sa.String(32), server_default="new", nullable=False),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_messages_direction")),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"], name=op.f("fk_messages_conversation_id_conversations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
        sa.UniqueConstraint("uidvalidity", "uid", name=op.f("uq_messages_uidvalidity_uid")),
    )
    op.create_index(op.f("ix_messages_conversation_id"), "messages", ["conversation_id"])
    op.create_index(op.f("ix_messages_message_id"), "messages", ["message_id"])
    for table in ("holds", "bookings"):
        op.create_table(table, *_slot_columns(table, sqlite))
        op.create_index(op.f(f"ix_{table}_conversation_id"), table, ["conversation_id"])
        op.create_index(op.f(f"ix_{table}_supervisor_id_start"), table, ["supervisor_id", "start"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.String(998), nullable=False),
        sa.Column("to_addr", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=True),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"], name=op.f("fk_outbox_conversation_id_conversations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("message_id", name=op.f("uq_outbox_message_id")),
    )
    op.create_index(op.f("ix_outbox_conversation_id"), "outbox", ["conversation_id"])
    op.create_index(op.f("ix_outbox_next_attempt_at"), "outbox", ["next_attempt_at"])
    op.create_table(
        "review_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("state", sa.String(8), server_default="open", nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_by", sa.String(64), nullable=True),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("state IN ('open', 'done')", name=op.f("ck_review_items_state")),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"], name=op.f("fk_review_items_conversation_id_conversations")
        ),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], name=op.f("fk_review_items_message_id_messages")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_items")),
    )
    op.create_index(op.f("ix_review_items_conversation_id"), "review_items", ["conversation_id"])
    op.create_index(op.f("ix_review_items_state"), "review_items", ["state"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("detail", JSONType, nullable=True),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"], name=op.f("fk_audit_log_conversation_id_conversations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_conversation_id"), "audit_log", ["conversation_id"])
    if sqlite:
        for table, (live, message) in OVERLAP_RULES.items():
            _create_sqlite_triggers(table, live, message)
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        for table, (live, _message) in OVERLAP_RULES.items():
            op.execute(
                f"ALTER TABLE {table} ADD CONSTRAINT {table}_no_overlap EXCLUDE USING gist "
                f"(supervisor_id WITH =, tstzrange(start, \"end\", '[)') WITH &&) WHERE ({live.format('')})"
            )


def _slot_columns(table: str, sqlite: bool) -> list[sa.schema.SchemaItem]:
    """The columns and constraints of ``holds`` or ``bookings``."""
    items: list[sa.schema.SchemaItem] = [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.String(64), nullable=False),
        sa.Column("start", UTCDateTime(), nullable=False),
        sa.Column("end", UTCDateTime(), nullable=False),
    ]
    if table == "holds":
        items += [
            sa.Column("expires_at", UTCDateTime(), nullable=False),
            sa.Column("released_at", UTCDateTime(), nullable=True),
            sa.Column("option_number", sa.Integer(), nullable=False),
        ]
    else:
        items += [
            sa.Column("hold_id", sa.Integer(), nullable=True),
            sa.Column("ical_uid", sa.String(255), nullable=False),
            sa.Column("sequence", sa.Integer(), server_default="0", nullable=False),
            sa.Column("state", sa.String(16), server_default="confirmed", nullable=False),
            sa.Column("attendee_status", sa.String(32), server_default="NEEDS-ACTION", nullable=False),
            sa.Column("created_at", UTCDateTime(), nullable=False),
            sa.Column("cancelled_at", UTCDateTime(), nullable=True),
            sa.CheckConstraint("state IN ('confirmed', 'cancelled')", name=op.f("ck_bookings_state")),
            sa.UniqueConstraint("ical_uid", name=op.f("uq_bookings_ical_uid")),
            sa.UniqueConstraint("hold_id", name=op.f("uq_bookings_hold_id")),
            sa.ForeignKeyConstraint(["hold_id"], ["holds.id"], name=op.f("fk_bookings_hold_id_holds")),
        ]
    items += [
        sa.CheckConstraint('start < "end"', name=op.f(f"ck_{table}_start_before_end")),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"], name=op.f(f"fk_{table}_conversation_id_conversations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]
    if sqlite:
        # The overlap triggers compare text; only the one fixed-width UTC form makes that exact.
        items.append(
            sa.CheckConstraint(
                f"start GLOB '{SQLITE_FORMAT_GLOB}' AND \"end\" GLOB '{SQLITE_FORMAT_GLOB}'",
                name=op.f(f"ck_{table}_utc_text"),
            )
        )
    return items


def _create_sqlite_triggers(table: str, live: str, message: str) -> None:
    new_live, other_live = live.format("NEW."), live.format("o.")
    clash = (
        f"SELECT RAISE(ABORT, '{message}') FROM {table} AS o"
        f" WHERE o.supervisor_id = NEW.supervisor_id AND {other_live}"
        f' AND o.start < NEW."end" AND NEW.start < o."end"'
    )
    op.execute(
        f"CREATE TRIGGER {table}_no_overlap_insert BEFORE INSERT ON {table} WHEN {new_live}"
        f" BEGIN {clash}; END"
    )
    op.execute(
        f"CREATE TRIGGER {table}_no_overlap_update BEFORE UPDATE ON {table} WHEN {new_live}"
        f" BEGIN {clash} AND o.id <> OLD.id; END"
    )


def downgrade() -> None:
    for table in ("audit_log", "review_items", "outbox", "bookings", "holds", "messages", "staff_users",
                  "conversations"):
        op.drop_table(table)  # the triggers and exclusion constraints go with their tables
