"""Real servers for the service's tests: Dovecot (IMAP) and aiosmtpd (SMTP), once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers.dovecot import DovecotServer, start_dovecot
from tests.servers.smtp import SmtpServer, start_smtp

ROOT = Path(__file__).resolve().parents[2]
MAILBOX_USER, MAILBOX_PASSWORD = "ajanvaraus@example.fi", "secret"


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    server = start_dovecot(users={MAILBOX_USER: MAILBOX_PASSWORD})
    yield server
    server.stop()


@pytest.fixture(scope="session")
def smtp() -> Iterator[SmtpServer]:
    server = start_smtp()
    yield server
    server.stop()


def service_config(tmp_path: Path, imap_port: int, smtp_port: int, *, extra: str = "") -> Path:
    """The repository's example configuration, pointed at the test servers and a fresh database."""
    text = (ROOT / "config.toml").read_text(encoding="utf-8")
    text = text.replace('calendars/', str(ROOT / "calendars") + "/")
    text += f"""
[mailbox]
host = "127.0.0.1"
port = {imap_port}
security = "none"
username = "{MAILBOX_USER}"
password_env = "MAILBOT_TEST_IMAP_PASSWORD"
poll_seconds = 1

[smtp]
host = "127.0.0.1"
port = {smtp_port}
security = "none"
from_address = "ajanvaraus@example.fi"
from_name = "Ajanvaraus"
{extra}"""
    text = text.replace('url = "sqlite:///mailbot.db"', f'url = "sqlite:///{tmp_path / "mailbot.db"}"')
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path
