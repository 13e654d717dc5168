"""Every store test runs twice: on a SQLite file and on a real PostgreSQL 15.

The PostgreSQL server is started once per session (initdb into a temp dir, on a free loopback port,
as the ``postgres`` user when the tests run as root) and stopped by ``pg_ctl`` at the end; each test
gets a new, empty database in it, which ``open_database`` migrates as it would in production.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mailbot.store import Conversation, Database, open_database, repo

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"  # test data need not survive


@dataclass
class PostgresServer:
    port: int
    created: int = 0

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]  # test-made names only

    def new_database(self) -> str:
        self.created += 1
        name = f"mailbot_test_{self.created}"
        self.admin(f"CREATE DATABASE {name} STRATEGY file_copy")  # faster than WAL_LOG for tiny databases
        return name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL 15 is not installed: no {PG_BIN / 'initdb'}")
    pytest.importorskip("psycopg", reason="psycopg is not installed: pip install -e '.[postgres]'")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []  # initdb refuses to run as root

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, *map(str, args)], check=True, capture_output=True, text=True)

    # A short path: the Unix socket's name must stay under about 108 bytes.
    workdir = Path(tempfile.mkdtemp(prefix="mbpg-"))
    if as_root:
        shutil.chown(workdir, "postgres")
    data, log = workdir / "data", workdir / "log"
    run(PG_BIN / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync")
    for _attempt in range(3):  # another process may take the free port before the server does
        port = _free_port()
        try:
            run(PG_BIN / "pg_ctl", "-D", data, "-l", log, "-w", "start",
                "-o", f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 {PG_OPTIONS}")
            break
        except subprocess.CalledProcessError:
            continue
    else:
        text = log.read_text() if log.exists() else "(no log)"
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start:\n{text}")
    try:
        yield PostgresServer(port)
    finally:
        run(PG_BIN / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'mailbot.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.new_database()
    yield server.url(name)
    server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def pg_db(postgres: PostgresServer) -> Iterator[Database]:
    """A PostgreSQL database alone, for what only PostgreSQL does (row locks)."""
    name = postgres.new_database()
    database = open_database(postgres.url(name))
    yield database
    database.close()
    postgres.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def conversation(db: Database) -> Conversation:
    with db.transaction() as session:
        return repo.create_conversation(session, client_email="anna@example.fi", client_name="Anna Asiakas")
