"""A real SMTP server for tests: ``start_smtp(auth=None, port=None) -> SmtpServer``.

aiosmtpd's ``Controller`` on 127.0.0.1 in a thread of its own, keeping every envelope it accepts
(``server.messages``: mail_from, rcpt_tos and the raw bytes as received). ``auth={"user": "secret"}``
turns on SMTP AUTH (PLAIN and LOGIN) without TLS, and mail is refused until a login succeeded.
A test makes the server refuse by setting ``server.rcpt_reply`` or ``server.data_reply`` to a reply
line such as ``"550 5.1.1 No such user"``. ``stop()`` ends the thread; ``start_smtp(port=…)`` brings a
server back on a port a test held free (the "server was down, now it is up" case).

AUTH is enforced in the handler rather than with aiosmtpd's ``auth_required``: that option warns
when TLS is not required too, and the test run turns every warning into an error.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass(frozen=True)
class Captured:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes


@dataclass
class SmtpServer:
    host: str
    port: int
    messages: list[Captured] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    rcpt_reply: str | None = None  # e.g. "550 5.1.1 No such user": every RCPT gets it
    data_reply: str | None = None  # e.g. "451 4.3.0 Try again later": every message gets it
    _controller: Controller | None = None

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Handler:
    def __init__(self, server: SmtpServer, auth_required: bool) -> None:
        self.server = server
        self.auth_required = auth_required

    async def handle_MAIL(self, smtp: SMTP, session: Session, envelope: Envelope, address: str,
                          mail_options: list[str]) -> str:
        if self.auth_required and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, smtp: SMTP, session: Session, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        if self.server.rcpt_reply:
            return self.server.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:
        if self.server.data_reply:
            return self.server.data_reply
        raw = envelope.original_content if envelope.original_content is not None else envelope.content
        assert isinstance(raw, bytes)
        self.server.messages.append(Captured(str(envelope.mail_from), list(envelope.rcpt_tos), raw))
        return "250 2.0.0 Message accepted for delivery"


def start_smtp(auth: dict[str, str] | None = None, *, port: int | None = None) -> SmtpServer:
    """Start a server on 127.0.0.1 (on ``port``, or a free one); the caller calls ``stop()``."""
    server = SmtpServer("127.0.0.1", port or free_port())
    options: dict[str, Any] = {}
    if auth is not None:
        def authenticator(smtp: SMTP, session: Session, envelope: Envelope, mechanism: str,
                          auth_data: Any) -> AuthResult:
            if isinstance(auth_data, LoginPassword):
                user, password = auth_data.login.decode(), auth_data.password.decode()
                if auth.get(user) == password:
                    server.logins.append(user)
                    return AuthResult(success=True)
            return AuthResult(success=False, handled=False)

        options.update(authenticator=authenticator, auth_require_tls=False)
    controller = Controller(_Handler(server, auth is not None), hostname=server.host, port=server.port,
                            ready_timeout=10, **options)
    controller.start()
    server._controller = controller
    return server
