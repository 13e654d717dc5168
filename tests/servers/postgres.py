"""A real PostgreSQL 15 for tests: ``start_postgres() -> PostgresServer``, stopped by ``stop()``.

What TESTING.md found to work on these machines: ``initdb`` into a new short folder under /tmp (as
the ``postgres`` user when the tests run as root: initdb refuses root), ``pg_ctl start -w`` on a
free loopback port with durability switched off (test data need not survive a crash of the
machine), and ``pg_ctl stop -m fast`` at the end. ``new_database()`` makes an empty database in it,
which ``open_database`` migrates as in production.

The store tests start theirs in tests/store/conftest.py; this module is the same recipe for tests
elsewhere (the service's, with several worker processes on one database).
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
_names = itertools.count(1)


@dataclass
class PostgresServer:
    port: int
    dir: Path
    data: Path
    created: list[str] = field(default_factory=list)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]  # test-made names only

    def new_database(self) -> str:
        name = f"mailbot_test_{os.getpid()}_{next(_names)}"
        self.admin(f"CREATE DATABASE {name} STRATEGY file_copy")  # faster than WAL_LOG for tiny databases
        self.created.append(name)
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        _run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


def postgres_available() -> str | None:
    """Why PostgreSQL cannot be started here, or None when it can."""
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15 is not installed: no {PG_BIN / 'initdb'}"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed: pip install -e '.[postgres]'"
    return None


def start_postgres() -> PostgresServer:
    workdir = Path(tempfile.mkdtemp(prefix="mbpg-"))  # short: the Unix socket's path has ~108 bytes
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres")
    data, log = workdir / "data", workdir / "log"
    try:
        _run(PG_BIN / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync")
        for _attempt in range(3):  # another process may take the free port before the server does
            port = _free_port()
            try:
                _run(PG_BIN / "pg_ctl", "-D", data, "-l", log, "-w", "start",
                     "-o", f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 {PG_OPTIONS}")
                return PostgresServer(port, workdir, data)
            except subprocess.CalledProcessError:
                continue
        text = log.read_text() if log.exists() else "(no log)"
        raise RuntimeError(f"PostgreSQL did not start:\n{text}")
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *map(str, args)], check=True, capture_output=True, text=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
