"""``mailbot`` that kills itself with SIGKILL at one step of a cycle, for the exactly-once tests.

    python -m tests.integration.crash STEP -- --config X run --once

Run from the repository's root. One function of the app, the mailbox, the store or the SMTP client
is wrapped here, in this process only, so that the moment STEP is reached the process does
``os.kill(os.getpid(), signal.SIGKILL)``: no ``finally``, no ``atexit``, no flush, no rollback, as
when the machine loses power or the OOM killer strikes. Nothing of this is in production code.
Then ``mailbot.cli.main`` runs with the arguments after ``--``.

Steps, in the order a cycle reaches them:

- ``after_fetch``: ``mailbox.unprocessed()`` returned mail, nothing of it is stored;
- ``after_store``: ``App._store`` committed the raw message, nothing acted on it;
- ``after_parse``: ``understand`` returned, inside the (uncommitted) handling transaction;
- ``after_queue``: ``repo.queue_outbox`` returned, the handling transaction not yet committed;
- ``after_commit``: ``App._handle`` returned: the reply is queued and committed, the mail not flagged;
- ``after_mark``: ``mailbox.mark_processed`` returned: flagged on the server, nothing sent;
- ``during_send``: inside ``SmtpSender.send``, MAIL FROM and RCPT TO done, before DATA;
- ``after_data``: the SMTP server answered DATA with its OK, before QUIT and before ``mark_sent``;
- ``after_send``: ``SmtpSender.send`` returned (accepted, QUIT done), before ``mark_sent``.

``together:DIR:N`` kills nothing either: it holds each process at the start of ``App.cycle`` until N
processes run with the same DIR (each leaves a file there, and polls for the others' with a
deadline), so that two workers really do their cycles at the same time, whatever their start-up took.

``measure`` kills nothing: it prints to stderr, as ``gap_ms=…``, how long each reply spent between
the server's OK to DATA and the commit of its ``mark_sent`` (the window no protocol closes).
"""

from __future__ import annotations

import functools
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

STEPS = ("after_fetch", "after_store", "after_parse", "after_queue", "after_commit", "after_mark",
         "during_send", "after_data", "after_send")


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("SIGKILL did not end the process")  # pragma: no cover


def _after(function: Callable[..., Any], when: Callable[[Any], bool] = lambda _result: True) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        if when(result):
            die()
        return result

    return wrapper


def install(step: str) -> None:
    """Wrap the function that ``step`` follows (or precedes); the import is the production module's."""
    import aiosmtplib

    from mailbot.app import App
    from mailbot.booking.conversation import Conversations
    from mailbot.mailbox.imap import ImapMailbox
    from mailbot.outbox.sender import OutboxWorker, SmtpSender
    from mailbot.store import repo

    if step == "after_fetch":
        ImapMailbox.unprocessed = _after(ImapMailbox.unprocessed, when=bool)  # type: ignore[method-assign]
    elif step == "after_store":
        App._store = _after(App._store)  # type: ignore[method-assign]
    elif step == "after_parse":
        # ``Conversations`` binds ``understand`` as a default argument: wrap each instance's own.
        original_init = Conversations.__init__

        @functools.wraps(original_init)
        def init(self: Conversations, *args: Any, **kwargs: Any) -> None:
            original_init(self, *args, **kwargs)
            self.parse = _after(self.parse)

        Conversations.__init__ = init  # type: ignore[method-assign]
    elif step == "after_queue":
        repo.queue_outbox = _after(repo.queue_outbox)
    elif step == "after_commit":
        App._handle = _after(App._handle)  # type: ignore[method-assign]
    elif step == "after_mark":
        ImapMailbox.mark_processed = _after(ImapMailbox.mark_processed)  # type: ignore[method-assign]
    elif step == "during_send":
        async def data(self: aiosmtplib.SMTP, *args: Any, **kwargs: Any) -> Any:
            die()

        aiosmtplib.SMTP.data = data  # type: ignore[method-assign]
    elif step == "after_data":
        original_data = aiosmtplib.SMTP.data

        async def data_then_die(self: aiosmtplib.SMTP, *args: Any, **kwargs: Any) -> Any:
            response = await original_data(self, *args, **kwargs)
            die()
            return response  # pragma: no cover

        aiosmtplib.SMTP.data = data_then_die  # type: ignore[method-assign]
    elif step == "after_send":
        original_send = SmtpSender.send

        async def send_then_die(self: SmtpSender, *args: Any, **kwargs: Any) -> None:
            await original_send(self, *args, **kwargs)
            die()

        SmtpSender.send = send_then_die  # type: ignore[method-assign]
    elif step == "measure":
        _install_measure(aiosmtplib, OutboxWorker)
    elif step.startswith("together:"):
        folder, count = step.removeprefix("together:").rsplit(":", 1)
        original_cycle = App.cycle

        @functools.wraps(original_cycle)
        def cycle(self: App, *args: Any, **kwargs: Any) -> Any:
            _barrier(Path(folder), int(count))
            return original_cycle(self, *args, **kwargs)

        App.cycle = cycle  # type: ignore[method-assign]
    else:
        raise SystemExit(f"crash: unknown step {step!r}; one of {', '.join(STEPS)} or measure")


def _barrier(folder: Path, count: int, seconds: float = 60) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / str(os.getpid())).touch()
    deadline = time.monotonic() + seconds
    while len(list(folder.iterdir())) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"crash: {count} processes did not meet in {folder} within {seconds:g} s")
        time.sleep(0.005)  # between two looks; the deadline, not this, bounds the wait


def _install_measure(aiosmtplib: Any, worker: Any) -> None:
    accepted: list[float] = []
    original_data, original_send_one = aiosmtplib.SMTP.data, worker._send_one

    async def data(self: Any, *args: Any, **kwargs: Any) -> Any:
        response = await original_data(self, *args, **kwargs)
        accepted.append(time.perf_counter())
        return response

    async def send_one(self: Any, *args: Any, **kwargs: Any) -> None:
        accepted.clear()
        await original_send_one(self, *args, **kwargs)  # returns once mark_sent is committed
        if accepted:
            print(f"gap_ms={(time.perf_counter() - accepted[0]) * 1000:.3f}", file=sys.stderr, flush=True)

    aiosmtplib.SMTP.data = data
    worker._send_one = send_one


def main(argv: Sequence[str]) -> int:
    if len(argv) < 2 or argv[1] != "--":
        raise SystemExit("usage: python -m tests.integration.crash STEP -- MAILBOT-ARGUMENTS…")
    install(argv[0])
    from mailbot.cli import main as mailbot_main

    return mailbot_main(list(argv[2:]))


# ---------------------------------------------------------------------------------------------------
# For the tests that run it: a mailbox of their own, a configuration, the command, what the database says

ROOT = Path(__file__).resolve().parents[2]
IMAP_PASSWORD = "secret"
PASSWORD_ENV = {"MAILBOT_TEST_IMAP_PASSWORD": IMAP_PASSWORD}
PROCESSED_KEYWORD = "$MailbotProcessed"


def new_mailbox(dovecot: Any) -> str:
    """A new, empty IMAP account on the session's Dovecot: no other test's mail is in it."""
    user = f"box-{uuid.uuid4().hex[:10]}@example.fi"
    dovecot.add_user(user, IMAP_PASSWORD)
    return user


def write_config(tmp_path: Path, dovecot: Any, smtp: Any, user: str, *, db_url: str | None = None) -> Path:
    """``service_config`` for the IMAP account ``user`` (and ``db_url`` instead of the SQLite file)."""
    from tests.integration.conftest import MAILBOX_USER, service_config

    path = service_config(tmp_path, dovecot.port, smtp.port)
    text = path.read_text(encoding="utf-8")
    text, count = re.subn(rf'(?m)^username = "{re.escape(MAILBOX_USER)}"$', f'username = "{user}"', text)
    assert count == 1, "the [mailbox] login is written once"
    if db_url is not None:
        text, count = re.subn(r'url = "sqlite:///[^"]*"', f'url = "{db_url}"', text)
        assert count == 1
    path.write_text(text, encoding="utf-8")
    return path


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mailbot.db'}"  # where ``service_config`` puts the database


def mailbot(config: Path, *args: str, crash_at: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``mailbot --config CONFIG ARGS`` as a process of its own (killed at ``crash_at`` if given)."""
    return subprocess.run(mailbot_command(config, *args, crash_at=crash_at), cwd=ROOT, capture_output=True,
                          text=True, env=mailbot_env(), timeout=timeout)


def mailbot_command(config: Path, *args: str, crash_at: str | None = None) -> list[str]:
    start = ["-m", "tests.integration.crash", crash_at, "--"] if crash_at else ["-m", "mailbot"]
    return [sys.executable, *start, "--config", str(config), *args]


def mailbot_env() -> dict[str, str]:
    return {**os.environ, **PASSWORD_ENV}


def query(db_url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of one SELECT on the test's database, read as an operator would, outside mailbot."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), params)]
    finally:
        engine.dispose()


def execute(db_url: str, sql: str, **params: Any) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            return int(connection.execute(text(sql), params).rowcount)  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def unprocessed_on_server(dovecot: Any, user: str) -> list[int]:
    """UIDs in ``user``'s INBOX that mailbot has not flagged processed."""
    client = dovecot.client(user)
    try:
        client.select_folder("INBOX", readonly=True)
        return sorted(client.search(["NOT", "KEYWORD", PROCESSED_KEYWORD, "NOT", "DELETED"]))
    finally:
        client.logout()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
