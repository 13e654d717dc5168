"""Opening the database: the engine with its per-dialect settings, and the schema brought up to date.

SQLite is the default (``sqlite:///mailbot.db``, a path relative to the working directory as given);
PostgreSQL is chosen by URL (``postgresql+psycopg://user@host/db``, with the ``postgres`` extra).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from mailbot.errors import ConfigError
from mailbot.store.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_SECONDS = 30  # how long a writer waits for another's transaction before giving up
MIGRATION_LOCK = 0x6D61696C626F74  # PostgreSQL advisory lock key ("mailbot") held while upgrading


@dataclass
class Database:
    """An open database: ``transaction()`` for a unit of work, ``sessions`` for finer control."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back if it raises."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Connect to ``url`` and create or upgrade the schema; a database already at head is left alone."""
    engine = _engine(url)
    try:
        upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the database {_safe(url)}: {exc.orig}") from exc
    # Loaded objects stay readable after commit: callers pass them on as plain data.
    return Database(engine, sessionmaker(engine, expire_on_commit=False))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic revisions up to ``revision`` in one transaction, with the Config built here."""
    _alembic(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Undo revisions down to ``revision`` (``base``: nothing left); for developers and tests."""
    _alembic(engine, command.downgrade, revision)


def _alembic(engine: Engine, action: Callable[[Config, str], None], revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration rebuilds a table by copy and drop, which foreign keys would block or
            # break; SQLite honours this switch only outside a transaction, hence the raw connection.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                if not sqlite:
                    # Two processes starting together on a new database would both try to create it.
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                config.attributes["connection"] = connection
                action(config, revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StoreError("a migration left rows whose foreign keys point nowhere; nothing was changed")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        # Not echoed: a URL that does not parse may still hold a password.
        raise ConfigError(f"the database URL cannot be read: {exc}") from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed)
        if parsed.get_backend_name() == "postgresql":
            if parsed.drivername == "postgresql":  # plain postgresql:// means psycopg 3 here
                parsed = parsed.set(drivername="postgresql+psycopg")
            return create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise ConfigError(f"no driver for {_safe(url)}: {exc}") from exc
    except ModuleNotFoundError as exc:
        raise ConfigError(f"{_safe(url)} needs {exc.name}; install mailbot[postgres]") from exc
    raise ConfigError(f"the database URL {_safe(url)} names neither SQLite nor PostgreSQL")


def _sqlite_engine(url: URL) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    options: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_SECONDS}}
    if in_memory:  # each new connection would be a new, empty database
        options.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    engine = create_engine(url, **options)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module's own transaction handling skips BEGIN before SELECT and SAVEPOINT, which
    # breaks savepoints; SQLAlchemy's recipe is to switch it off and emit BEGIN in ``_sqlite_begin``.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # readers do not wait for the writer. Switching a new database to WAL fails at once, without the
    # busy timeout, while another process holds a lock on it: wait for that process like any other.
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)  # another process's lock: its transaction is short
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # IMMEDIATE takes the write lock up front. A deferred transaction that reads and then writes fails
    # at once ("database is locked") if another process wrote in between; this one waits its turn.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable URL)"
