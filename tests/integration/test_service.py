"""The service end to end against real Dovecot and a real SMTP server: Finnish, Swedish and English
clients walk through request → proposal → confirmation with invitation → cancellation; machine mail
gets no reply; `mailbot run --once` twice sends nothing the second time."""

from __future__ import annotations

import email
import email.policy
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from mailbot.app import App
from mailbot.config import load_settings
from tests.integration.conftest import MAILBOX_PASSWORD, MAILBOX_USER, service_config
from tests.servers.dovecot import DovecotServer
from tests.servers.smtp import SmtpServer

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=TZ)
ENV = {"MAILBOT_TEST_IMAP_PASSWORD": MAILBOX_PASSWORD}


def client_mail(sender: str, subject: str, body: str, *, in_reply_to: str | None = None) -> tuple[bytes, str]:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, MAILBOX_USER, subject
    msg["Date"] = format_datetime(NOW)
    msg["Message-ID"] = mid = make_msgid(domain="client.example")
    if in_reply_to:
        msg["In-Reply-To"], msg["References"] = in_reply_to, in_reply_to
    msg.set_content(body)
    return msg.as_bytes(), mid


def replies_to(smtp: SmtpServer, address: str) -> list[email.message.EmailMessage]:
    out = []
    for m in smtp.messages:
        if address in m.rcpt_tos:
            out.append(email.message_from_bytes(m.raw, policy=email.policy.default))
    return out


def calendar_of(msg: email.message.EmailMessage) -> tuple[str, Calendar]:
    for part in msg.walk():
        if part.get_content_type() == "text/calendar":
            return part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True))
    raise AssertionError("no text/calendar part")


@pytest.fixture
def app(tmp_path: Path, dovecot: DovecotServer, smtp: SmtpServer) -> Iterator[App]:
    service = App(load_settings(service_config(tmp_path, dovecot.port, smtp.port), env=ENV), env=ENV)
    yield service
    service.close()


@pytest.mark.parametrize(("lang", "request_text", "pick", "cancel", "subject_word"), [
    ("fi", "Hei, haluaisin varata yksilötyönohjausta etänä. Ensi viikolla tiistaina iltapäivällä sopisi.",
     "Kakkonen sopii!", "Joudun valitettavasti perumaan ajan.", "Työnohjausaika"),
    ("sv", "Hej, jag skulle vilja boka individuell handledning på distans, nästa vecka på tisdag eller torsdag.",
     "Tvåan passar bra.", "Jag måste tyvärr avboka tiden.", "Handledningstid"),
    ("en", "Hi, I'd like to book individual supervision, remote, next week on Tuesday or Thursday.",
     "The second one works for me.", "I need to cancel the appointment, sorry.", "Supervision"),
])
def test_a_client_books_and_cancels(app: App, dovecot: DovecotServer, smtp: SmtpServer, lang: str,
                                    request_text: str, pick: str, cancel: str, subject_word: str) -> None:
    client = f"{lang}-{uuid.uuid4().hex[:6]}@client.example"
    raw, _ = client_mail(client, "Työnohjaus", request_text)
    dovecot.deliver(MAILBOX_USER, raw)
    report = app.cycle(now=NOW)
    assert report.handled == 1 and report.sent == 1
    (proposal,) = replies_to(smtp, client)
    assert subject_word in proposal["Subject"] and "[AV-" in proposal["Subject"]
    assert proposal["Auto-Submitted"] == "auto-replied" and proposal["In-Reply-To"]
    assert "2)" in proposal.get_body(("plain",)).get_content()

    raw, _ = client_mail(client, "Re: " + proposal["Subject"], pick, in_reply_to=proposal["Message-ID"])
    dovecot.deliver(MAILBOX_USER, raw)
    app.cycle(now=NOW)
    confirmation = replies_to(smtp, client)[-1]
    method, cal = calendar_of(confirmation)
    assert method == "REQUEST" and cal["METHOD"] == "REQUEST"
    (event,) = cal.walk("VEVENT")
    uid = str(event["UID"])

    raw, _ = client_mail(client, "Re: " + confirmation["Subject"], cancel, in_reply_to=confirmation["Message-ID"])
    dovecot.deliver(MAILBOX_USER, raw)
    app.cycle(now=NOW)
    cancellation = replies_to(smtp, client)[-1]
    method, cal = calendar_of(cancellation)
    (event,) = cal.walk("VEVENT")
    assert method == "CANCEL" and str(event["UID"]) == uid and int(event["SEQUENCE"]) == 1
    assert len(replies_to(smtp, client)) == 3


def test_machine_mail_gets_no_reply_and_nothing_twice(app: App, dovecot: DovecotServer, smtp: SmtpServer) -> None:
    client = f"ooo-{uuid.uuid4().hex[:6]}@client.example"
    raw, _ = client_mail(client, "Automaattinen vastaus: Työnohjausaika", "Olen lomalla 14.12. asti.")
    dovecot.deliver(MAILBOX_USER, raw)
    first = app.cycle(now=NOW)
    second = app.cycle(now=NOW)
    assert first.handled == 1 and second.fetched == 0
    assert replies_to(smtp, client) == []


def test_run_once_twice_sends_nothing_the_second_time(tmp_path: Path, dovecot: DovecotServer,
                                                      smtp: SmtpServer) -> None:
    config = service_config(tmp_path, dovecot.port, smtp.port)
    client = f"cli-{uuid.uuid4().hex[:6]}@client.example"
    raw, _ = client_mail(client, "Työnohjaus", "Haluaisin varata yksilötyönohjausta mahdollisimman pian.")
    dovecot.deliver(MAILBOX_USER, raw)
    env = {**os.environ, **ENV}
    cmd = [sys.executable, "-m", "mailbot", "--config", str(config), "run", "--once"]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    assert len(replies_to(smtp, client)) == 1
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert second.returncode == 0 and "fetched 0" in second.stdout and "sent 0" in second.stdout
    assert len(replies_to(smtp, client)) == 1


def test_the_service_answers_within_seconds_and_stops_cleanly_on_sigterm(tmp_path: Path, dovecot: DovecotServer,
                                                                          smtp: SmtpServer) -> None:
    import signal
    import time

    config = service_config(tmp_path, dovecot.port, smtp.port)
    env = {**os.environ, **ENV}
    service = subprocess.Popen([sys.executable, "-m", "mailbot", "--config", str(config), "run", "--no-web"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        client = f"live-{uuid.uuid4().hex[:6]}@client.example"
        raw, _ = client_mail(client, "Työnohjaus", "Haluaisin varata yksilötyönohjausta mahdollisimman pian.")
        dovecot.deliver(MAILBOX_USER, raw)
        deadline = time.monotonic() + 30
        while not replies_to(smtp, client) and time.monotonic() < deadline and service.poll() is None:
            time.sleep(0.05)  # polling the captured mail with a deadline, not synchronising on a guess
        assert len(replies_to(smtp, client)) == 1
        stopping = time.monotonic()
        service.send_signal(signal.SIGTERM)
        _out, err = service.communicate(timeout=20)
        assert service.returncode == 0, err
        assert time.monotonic() - stopping < 2.0, "SIGTERM must be answered within 2 s, also in IDLE"
        assert "Haluaisin" not in err  # logs carry ids and states, never message bodies
    finally:
        if service.poll() is None:
            service.kill()
        service.communicate()


def test_a_question_is_acknowledged_and_listed_for_staff(tmp_path: Path, dovecot: DovecotServer,
                                                         smtp: SmtpServer) -> None:
    import json

    config = service_config(tmp_path, dovecot.port, smtp.port)
    client = f"q-{uuid.uuid4().hex[:6]}@client.example"
    raw, _ = client_mail(client, "Hinta?", "Hei, mitä yksilötyönohjaus maksaa ja miten se laskutetaan?")
    dovecot.deliver(MAILBOX_USER, raw)
    env = {**os.environ, **ENV}
    base = [sys.executable, "-m", "mailbot", "--config", str(config)]
    assert subprocess.run([*base, "run", "--once"], capture_output=True, text=True, env=env, timeout=120).returncode == 0
    (ack,) = replies_to(smtp, client)
    assert "[AV-" in ack["Subject"]
    listed = subprocess.run([*base, "queue", "--json"], capture_output=True, text=True, env=env, timeout=60)
    items = [i for i in json.loads(listed.stdout) if i["client"] == client]
    assert [i["reason"] for i in items] == ["question for staff"] and items[0]["reference"] in ack["Subject"]
    table = subprocess.run([*base, "queue"], capture_output=True, text=True, env=env, timeout=60).stdout
    assert client in table and "question for staff" in table


def test_retention_purges_old_bodies_of_conversations_machine_mail_and_sent_replies(app: App, dovecot: DovecotServer,
                                                                                     smtp: SmtpServer) -> None:
    from datetime import UTC, timedelta

    from sqlalchemy import select

    from mailbot.store.models import Message, OutboxItem

    client = f"old-{uuid.uuid4().hex[:6]}@client.example"
    raw, _ = client_mail(client, "Työnohjaus", "Haluaisin varata yksilötyönohjausta mahdollisimman pian.")
    dovecot.deliver(MAILBOX_USER, raw)
    raw, _ = client_mail(f"ooo-{client}", "Automaattinen vastaus: x", "Olen lomalla.")
    dovecot.deliver(MAILBOX_USER, raw)
    app.cycle(now=NOW)
    assert app.run_jobs(datetime.now(UTC))["bodies_purged"] == 0  # nothing is old yet
    later = datetime.now(UTC) + timedelta(days=app.settings.booking.retention_days + 1)
    assert app.run_jobs(later)["bodies_purged"] >= 3
    with app.db.transaction() as s:
        assert all(m.raw is None for m in s.scalars(select(Message).where(Message.direction == "in")))
        assert all(o.raw == b"" for o in s.scalars(select(OutboxItem)))
    assert app.run_jobs(later)["bodies_purged"] == 0  # idempotent
