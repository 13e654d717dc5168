"""Opening the database: the schema is made once, matches the models, and keeps times as aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import StatementError

from mailbot.booking.slots import Slot
from mailbot.errors import ConfigError
from mailbot.store import Base, Conversation, Database, Hold, StoreError, open_database, repo
from mailbot.store.database import downgrade, upgrade

TABLES = {"messages", "conversations", "holds", "bookings", "outbox", "review_items", "staff_users", "audit_log"}
HELSINKI = ZoneInfo("Europe/Helsinki")
HEAD = "0004"


def version(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return connection.scalar(text("SELECT version_num FROM alembic_version"))


def test_open_creates_every_table_at_the_latest_revision(db: Database) -> None:
    assert set(inspect(db.engine).get_table_names()) >= TABLES
    assert version(db) == HEAD


def test_opening_again_is_a_no_op_upgrade_that_keeps_the_data(db: Database, db_url: str) -> None:
    with db.transaction() as session:
        reference = repo.create_conversation(session, client_email="a@example.fi").reference
    db.close()
    again = open_database(db_url)
    try:
        assert version(again) == HEAD
        with again.transaction() as session:
            assert repo.conversation_by_reference(session, reference) is not None
    finally:
        again.close()


def test_the_migrations_make_what_the_models_describe(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_removes_everything_and_upgrade_brings_it_back(db: Database) -> None:
    downgrade(db.engine, "base")
    assert not TABLES & set(inspect(db.engine).get_table_names())
    upgrade(db.engine)
    assert set(inspect(db.engine).get_table_names()) >= TABLES


def test_times_come_back_aware_utc_and_the_same_instant(db: Database) -> None:
    local = datetime(2026, 3, 29, 4, 30, 15, 123456, tzinfo=HELSINKI)  # just after the clocks went forward
    with db.transaction() as session:
        conversation = repo.create_conversation(session, client_email="a@example.fi", now=local)
    with db.transaction() as session:
        stored = session.get(Conversation, conversation.id, populate_existing=True)
        assert stored is not None
        assert stored.created_at == local
        assert stored.created_at.tzinfo is UTC
        assert stored.created_at.hour == 1  # 04:30 EEST is 01:30 UTC


def test_range_queries_compare_instants_not_local_clock_readings(db: Database, conversation: Conversation) -> None:
    start = datetime(2026, 11, 23, 9, 0, tzinfo=HELSINKI)  # 07:00 UTC
    with db.transaction() as session:
        repo.add_holds(session, conversation.id, [[Slot("aino", start, start + timedelta(hours=1))]],
                       expires_at=start)
    with db.transaction() as session:
        in_utc = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
        assert len(repo.live_holds_overlapping(session, in_utc, in_utc + timedelta(minutes=1))) == 1
        before = datetime(2026, 11, 23, 8, 30, tzinfo=UTC) - timedelta(hours=2)
        assert repo.live_holds_overlapping(session, before, before + timedelta(minutes=30)) == []


def test_a_naive_time_is_refused_rather_than_guessed(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), db.transaction() as session:
        repo.create_conversation(session, client_email="a@example.fi", now=datetime(2026, 1, 1, 9, 0))


def test_json_round_trips(db: Database) -> None:
    parsed = {"intent": "book", "windows": [["2026-11-23T09:00", "2026-11-23T12:00"]], "sessions": 3}
    with db.transaction() as session:
        conversation = repo.create_conversation(session, client_email="a@example.fi", parsed=parsed)
    with db.transaction() as session:
        assert session.scalar(select(Conversation.parsed).where(Conversation.id == conversation.id)) == parsed


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(Exception, match="FOREIGN KEY"), db.transaction() as session:
            session.add(Hold(conversation_id=999, supervisor_id="aino", start=_t(9), end=_t(10),
                             expires_at=_t(8), option_number=1))
    finally:
        db.close()


def test_in_memory_sqlite_keeps_one_database(tmp_path) -> None:
    db = open_database("sqlite://")
    try:
        with db.transaction() as session:
            reference = repo.create_conversation(session, client_email="a@example.fi").reference
        with db.transaction() as session:
            assert repo.conversation_by_reference(session, reference) is not None
    finally:
        db.close()


def test_a_url_of_another_database_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="neither SQLite nor PostgreSQL"):
        open_database("mysql://localhost/mailbot")
    with pytest.raises(ConfigError, match="cannot be read"):
        open_database("not a url")


def test_a_sqlite_file_that_cannot_be_made_is_a_store_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="cannot open the database"):
        open_database(f"sqlite:///{tmp_path / 'no' / 'such' / 'folder.db'}")


def test_an_unreachable_server_is_a_store_error_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot open the database") as caught:
        open_database("postgresql://mailbot:secret@127.0.0.1:1/mailbot")
    assert "secret" not in str(caught.value)


def _t(hour: int) -> datetime:
    return datetime(2026, 11, 23, hour, tzinfo=UTC)


def test_the_loop_guards_count_uses_its_index(db: Database) -> None:
    """Every message asks how many answers its sender got in the last day: that count reads an index."""
    from sqlalchemy.dialects import sqlite

    if db.engine.dialect.name != "sqlite":
        pytest.skip("the plan is read from SQLite's EXPLAIN QUERY PLAN")
    captured: list[str] = []

    class Capture:
        def scalar(self, statement: object) -> int:
            captured.append(str(statement.compile(dialect=sqlite.dialect(),  # type: ignore[attr-defined]
                                                  compile_kwargs={"literal_binds": True})))
            return 0

    repo.answered_since(Capture(), "a@example.fi", datetime(2026, 12, 1, tzinfo=UTC))  # type: ignore[arg-type]
    with db.engine.connect() as connection:
        plan = " ".join(str(row) for row in connection.execute(text("EXPLAIN QUERY PLAN " + captured[0])))
    assert "ix_messages_sender_received_at" in plan, plan
