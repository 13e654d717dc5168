"""A burst of mail: each reply goes to the SMTP server as soon as its message is handled, not after the batch."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mailbot.app import App
from mailbot.config import load_settings
from tests.fuzz.run import ListMailbox
from tests.integration.conftest import service_config
from tests.integration.crash import PASSWORD_ENV
from tests.servers.smtp import SmtpServer


def _request(n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Asiakas {n} <burst-{n}@client.example>"
    msg["To"] = "ajanvaraus@example.fi"
    msg["Subject"] = "Työnohjaus"
    msg["Date"] = format_datetime(datetime.now(ZoneInfo("Europe/Helsinki")))
    msg["Message-ID"] = make_msgid(domain="client.example")
    msg.set_content("Hei, haluaisin varata yksilötyönohjausta etänä, mikä tahansa arkipäivä käy.")
    return msg.as_bytes()


def test_the_first_reply_of_a_burst_is_sent_before_the_next_message_is_handled(tmp_path: Path,
                                                                                smtp: SmtpServer) -> None:
    app = App(load_settings(service_config(tmp_path, 1, smtp.port), env=PASSWORD_ENV), env=PASSWORD_ENV,
              mailbox=ListMailbox([_request(n) for n in range(4)]))
    ours = lambda: sum(1 for m in smtp.messages if any("@client.example" in r and "burst-" in r  # noqa: E731
                                                       for r in m.rcpt_tos))
    before = ours()
    seen: list[int] = []  # replies at the server when each message is stored
    store = app._store

    def counting(fetched: Any, now: Any) -> Any:
        seen.append(ours() - before)
        return store(fetched, now)

    app._store = counting  # type: ignore[method-assign]
    try:
        report = app.cycle()
    finally:
        app.close()
    assert report.fetched == 4 and report.sent == 4, report
    assert seen == [0, 1, 2, 3], seen


def test_with_the_smtp_server_down_the_mail_is_handled_without_a_send_attempt_per_message(tmp_path: Path) -> None:
    """Nothing listens on the SMTP port: the first reply fails once, the others wait for the next cycle instead of
    each costing a connection attempt (a timeout, with a server that drops packets) before the next message."""
    from sqlalchemy import func, select

    from mailbot.store.models import OutboxItem
    from tests.servers.smtp import free_port

    app = App(load_settings(service_config(tmp_path, 1, free_port()), env=PASSWORD_ENV), env=PASSWORD_ENV,
              mailbox=ListMailbox([_request(n) for n in range(4)]))
    try:
        report = app.cycle()
        with app.db.transaction() as s:
            queued = s.scalar(select(func.count(OutboxItem.id)))
            attempts = s.scalar(select(func.sum(OutboxItem.attempts)))
    finally:
        app.close()
    assert report.fetched == 4 and report.handled == 4 and report.sent == 0, report
    assert queued == 4 and attempts == 1 and report.waiting == 4, (queued, attempts, report)
