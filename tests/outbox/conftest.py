"""Fixtures of the outbox tests: the shipped templates, and real SMTP servers.

The SMTP servers are started once per session (one plain, one with AUTH); ``smtp`` and
``smtp_auth`` hand them to a test emptied of earlier messages and with no refusal set.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mailbot.outbox.render import BUILTIN_TEMPLATES, Renderer
from tests.outbox.helpers import HELSINKI, SMTP_PASSWORD, SMTP_USER
from tests.servers.smtp import SmtpServer, start_smtp


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(BUILTIN_TEMPLATES, HELSINKI)


@pytest.fixture(scope="session")
def _smtp_plain() -> Iterator[SmtpServer]:
    server = start_smtp()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _smtp_with_auth() -> Iterator[SmtpServer]:
    server = start_smtp(auth={SMTP_USER: SMTP_PASSWORD})
    yield server
    server.stop()


def _fresh(server: SmtpServer) -> SmtpServer:
    server.messages.clear()
    server.logins.clear()
    server.rcpt_reply = server.data_reply = None
    return server


@pytest.fixture
def smtp(_smtp_plain: SmtpServer) -> SmtpServer:
    return _fresh(_smtp_plain)


@pytest.fixture
def smtp_auth(_smtp_with_auth: SmtpServer) -> SmtpServer:
    return _fresh(_smtp_with_auth)
