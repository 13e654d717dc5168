"""Benchmark of the running service: how long a client waits for the reply (goal p50 < 1 s).

    python bench/service_latency.py [--messages 200] [--gap-ms 20 100] [--poll-seconds 60]

Starts Dovecot and aiosmtpd on 127.0.0.1 (tests/servers), writes the repository's config.toml with
[mailbox] and [smtp] pointing at them and a SQLite database in a temp folder, and starts
``mailbot run --config X --no-web`` as a subprocess. One warm-up request is answered first (its
latency includes the service's start-up and is printed apart). Then N client requests, Finnish,
Swedish and English in turn, are appended to the mailbox one at a time over one IMAP connection,
a random 20-100 ms apart. A request's latency runs from the moment its APPEND was answered to the
moment its reply (to the request's own client address) was accepted by the SMTP server, as the
server's DATA handler records it. Prints p50, p95, p99 and max, how many replies were missing at
the deadline, then stops the service with SIGTERM and prints whether it exited 0 in time.

``--poll-seconds`` is [mailbox] poll_seconds: the service waits in IDLE for min(poll, 30) s per
round, which is also how long SIGTERM can take to be noticed. The default, 60, is the documented
default; the integration tests use 1.
"""

from __future__ import annotations

import argparse
import email.policy
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import SMTP, Envelope, Session  # noqa: E402

from tests.integration.conftest import service_config  # noqa: E402
from tests.servers.dovecot import DovecotServer, start_dovecot  # noqa: E402
from tests.servers.smtp import SmtpServer, _Handler, free_port  # noqa: E402

TZ = ZoneInfo("Europe/Helsinki")
MAILBOX_USER, MAILBOX_PASSWORD = "ajanvaraus@example.fi", "secret"
PASSWORD_ENV = "MAILBOT_TEST_IMAP_PASSWORD"  # the variable service_config names

# What clients write: a request each, in the three languages the service answers.
REQUESTS: list[tuple[str, str, str]] = [
    ("fi", "Työnohjaus", "Hei, haluaisin varata yksilötyönohjausta etänä ensi viikolla tiistaina iltapäivällä."),
    ("sv", "Handledning", "Hej, jag skulle vilja boka individuell handledning på distans, nästa vecka på "
                          "tisdag eller torsdag."),
    ("en", "Supervision", "Hi, I'd like to book individual supervision, remote, next week on Tuesday or Thursday."),
    ("fi", "Ajanvaraus", "Moi! Voisinko varata yksilötyönohjauksen etäyhteydellä? Keskiviikko tai torstai "
                         "aamupäivällä sopisi parhaiten.\n\nTerveisin\nLiisa"),
    ("sv", "Bokning", "Hej! Jag vill boka en tid för individuell handledning på distans. Onsdag eller fredag "
                      "förmiddag passar bäst.\n\nMed vänliga hälsningar\nErik"),
    ("en", "Booking a session", "Hello, could I book an individual supervision session online? Any morning "
                                "next week works for me.\n\nBest regards,\nSarah"),
    ("fi", "Työnohjausaika", "Hei! Tarvitsisin johdon työnohjausta, mieluiten etänä. Ensi viikon maanantai "
                             "tai tiistai kello 10 jälkeen käy.\n\nYstävällisin terveisin\nMatti"),
    ("sv", "Handledning för chefer", "Hej, jag är chef och vill gärna boka ledarhandledning på distans nästa "
                                     "vecka, helst på eftermiddagen.\n\nHälsningar\nAnna"),
    ("en", "Leadership supervision", "Hi, I'm a team lead and would like to book leadership supervision, "
                                     "remote, sometime next week in the afternoon.\n\nThanks,\nTom"),
    ("fi", "Työnohjaus", "Hei, haluaisin varata yksilötyönohjausta etänä mahdollisimman pian."),
    ("sv", "Handledning", "Hej, jag vill boka individuell handledning på distans så snart som möjligt."),
    ("en", "Supervision", "Hello, I would like to book individual supervision, remote, as soon as possible."),
]
FIRST_NAMES = {"fi": "Liisa Asiakas", "sv": "Erik Kund", "en": "Sarah Client"}


# --- the SMTP server, with arrival times ---------------------------------------------------------------

@dataclass
class Arrival:
    at: float  # time.monotonic() when the server accepted the message (DATA answered 250)
    rcpt_tos: list[str]
    in_reply_to: str | None
    message_id: str | None


@dataclass
class TimedSmtp:
    """tests.servers.smtp's server, its handler recording when each message arrived."""

    server: SmtpServer
    arrivals: list[Arrival] = field(default_factory=list)

    @property
    def port(self) -> int:
        return self.server.port

    def by_recipient(self) -> dict[str, list[Arrival]]:
        out: dict[str, list[Arrival]] = {}
        for a in list(self.arrivals):
            for rcpt in a.rcpt_tos:
                out.setdefault(rcpt.lower(), []).append(a)
        return out

    def stop(self) -> None:
        self.server.stop()


class _TimedHandler(_Handler):
    def __init__(self, timed: TimedSmtp) -> None:
        super().__init__(timed.server, auth_required=False)
        self.timed = timed
        self.headers = BytesHeaderParser(policy=email.policy.default)

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:
        reply = await super().handle_DATA(smtp, session, envelope)
        at = time.monotonic()
        if reply.startswith("250"):
            raw = self.timed.server.messages[-1].raw
            head = self.headers.parsebytes(raw)
            self.timed.arrivals.append(Arrival(at, list(envelope.rcpt_tos),
                                               _header(head, "In-Reply-To"), _header(head, "Message-ID")))
        return reply


def _header(head: Any, name: str) -> str | None:
    value = head.get(name)
    return str(value).strip() if value is not None else None


def start_timed_smtp() -> TimedSmtp:
    """Like tests.servers.smtp.start_smtp (no AUTH), with the timing handler."""
    timed = TimedSmtp(SmtpServer("127.0.0.1", free_port()))
    controller = Controller(_TimedHandler(timed), hostname=timed.server.host, port=timed.server.port,
                            ready_timeout=10)
    controller.start()
    timed.server._controller = controller
    return timed


# --- configuration, mail, the service ---------------------------------------------------------------

def write_config(folder: Path, imap_port: int, smtp_port: int, *, user: str = MAILBOX_USER,
                 poll_seconds: int = 60, db_url: str | None = None) -> Path:
    """tests.integration.conftest.service_config, with the user, poll_seconds and database chosen here."""
    path = service_config(folder, imap_port, smtp_port)
    text = path.read_text(encoding="utf-8")
    text = text.replace("poll_seconds = 1\n", f"poll_seconds = {poll_seconds}\n")
    text = text.replace(f'username = "{MAILBOX_USER}"', f'username = "{user}"')
    if db_url is not None:
        text = text.replace(f'url = "sqlite:///{folder / "mailbot.db"}"', f'url = "{db_url}"')
        if db_url not in text:
            raise RuntimeError("the database URL could not be set in the configuration")
    path.write_text(text, encoding="utf-8")
    return path


def request_mail(n: int, tag: str, *, when: datetime | None = None) -> tuple[bytes, str, str]:
    """The n-th client request: (raw bytes, its Message-ID, the client's address, unique per n and tag)."""
    lang, subject, body = REQUESTS[n % len(REQUESTS)]
    client = f"{lang}-{tag}-{n:05d}@client.example"
    msg = EmailMessage()
    msg["From"] = f"{FIRST_NAMES[lang]} <{client}>"
    msg["To"] = MAILBOX_USER
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when or datetime.now(TZ))
    msg["Message-ID"] = mid = make_msgid(domain="client.example")
    msg.set_content(body)
    return msg.as_bytes(), mid, client


def mailbot_command(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "mailbot", "run", "--config", str(config), *args]


def service_env() -> dict[str, str]:
    return {**os.environ, PASSWORD_ENV: MAILBOX_PASSWORD, "PYTHONUNBUFFERED": "1"}


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.4999)))
    return ordered[rank - 1]


def wait_until(done: Callable[[], bool], seconds: float, *, alive: Callable[[], bool] = lambda: True,
               step: float = 0.01) -> bool:
    """Poll ``done`` until it holds, ``seconds`` pass, or ``alive`` says the service is gone."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return True
        if not alive():
            return done()
        time.sleep(step)  # between two polls; the deadline bounds the loop
    return done()


@contextmanager
def servers(users: dict[str, str] | None = None) -> Iterator[tuple[DovecotServer, TimedSmtp]]:
    """Dovecot and the timed SMTP server on loopback, both stopped on the way out."""
    dovecot = start_dovecot(users=users or {MAILBOX_USER: MAILBOX_PASSWORD})
    try:
        smtp = start_timed_smtp()
        try:
            yield dovecot, smtp
        finally:
            smtp.stop()
    finally:
        dovecot.stop()


def stop_service(service: subprocess.Popen[bytes], seconds: float,
                 grace: float = 40.0) -> tuple[int | None, float]:
    """SIGTERM, then wait: (exit status, seconds it took). A service still running after ``seconds`` is
    given ``grace`` more, so that the figure says how late it was; after that it is killed (status None)."""
    t0 = time.monotonic()
    if service.poll() is not None:
        return service.returncode, 0.0
    service.send_signal(signal.SIGTERM)
    status: int | None = None
    try:
        status = service.wait(timeout=seconds + grace)
    except subprocess.TimeoutExpired:
        service.kill()
        service.wait(timeout=30)
    return status, time.monotonic() - t0


def message_states(db_url: str) -> str:
    """What the service did with the requests: the states of the inbound messages, e.g. "proposed 40, review 160"."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT state, count(*) FROM messages WHERE direction = 'in' "
                                           "GROUP BY state ORDER BY count(*) DESC")).all()
    finally:
        engine.dispose()
    return ", ".join(f"{state} {count}" for state, count in rows) or "none"


def log_summary(path: Path) -> str:
    text = path.read_text(errors="replace") if path.exists() else ""
    errors = sum(1 for line in text.splitlines() if " ERROR " in line or line.startswith("Traceback"))
    warnings = sum(1 for line in text.splitlines() if " WARNING " in line)
    return f"{errors} error and {warnings} warning lines in the service's log"


# --- the benchmark ---------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=200)
    ap.add_argument("--gap-ms", type=float, nargs=2, default=(20.0, 100.0), metavar=("MIN", "MAX"))
    ap.add_argument("--poll-seconds", type=int, default=60, help="[mailbox] poll_seconds (default 60)")
    ap.add_argument("--deadline", type=float, default=60.0,
                    help="seconds after the last request until a reply counts as missing (default 60)")
    ap.add_argument("--start-seconds", type=float, default=60.0, help="how long the warm-up reply may take")
    ap.add_argument("--stop-seconds", type=float, default=5.0, help="how long SIGTERM may take (default 5)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep-log", action="store_true", help="print the service's log path and keep it")
    a = ap.parse_args()
    lo, hi = sorted(a.gap_ms)
    rng = random.Random(a.seed)
    tag = f"lat{os.getpid()}"

    with servers() as (dovecot, smtp), tempfile.TemporaryDirectory(prefix="mb-lat-") as tmp:
        folder = Path(tmp)
        config = write_config(folder, dovecot.port, smtp.port, poll_seconds=a.poll_seconds)
        log_path = folder / "service.log"
        with log_path.open("wb") as log_file:
            started = time.monotonic()
            service = subprocess.Popen(mailbot_command(config, "--no-web"), cwd=folder, env=service_env(),
                                       stdout=log_file, stderr=subprocess.STDOUT)
        exit_status: int | None = None
        stop_took = 0.0
        try:
            alive = lambda: service.poll() is None  # noqa: E731
            imap = dovecot.client(MAILBOX_USER)
            try:
                raw, _mid, client = request_mail(0, tag + "w")
                imap.append("INBOX", raw)
                warm = wait_until(lambda: client in smtp.by_recipient(), a.start_seconds, alive=alive, step=0.02)
                first_reply = time.monotonic() - started
                if not warm:
                    print(f"no reply to the warm-up request within {a.start_seconds:g} s "
                          f"(service {'running' if alive() else f'exited {service.returncode}'})")
                    print(log_path.read_text(errors="replace")[-3000:])
                    return 1

                sent: dict[str, float] = {}  # client address -> when its request's APPEND was answered
                order: list[str] = []
                t_first = time.monotonic()
                for n in range(1, a.messages + 1):
                    raw, _mid, client = request_mail(n, tag)
                    imap.append("INBOX", raw)
                    sent[client] = time.monotonic()
                    order.append(client)
                    if n < a.messages:
                        time.sleep(rng.uniform(lo, hi) / 1000)
                appended_in = time.monotonic() - t_first
            finally:
                try:
                    imap.logout()
                except Exception:  # noqa: BLE001 - the figures matter more than a clean goodbye
                    imap.shutdown()

            wait_until(lambda: all(c in smtp.by_recipient() for c in order), a.deadline, alive=alive, step=0.02)
            replies = smtp.by_recipient()
            exit_status, stop_took = stop_service(service, a.stop_seconds)
        finally:
            if service.poll() is None:
                exit_status, stop_took = stop_service(service, a.stop_seconds)

        latencies, missing, duplicates = [], 0, 0
        when_idle, when_busy = [], []  # whether every earlier request had its reply when this one came
        last_answered = 0.0  # the latest first-reply time of the requests so far
        for client in order:
            got = replies.get(client, [])
            idle = last_answered <= sent[client]
            if not got:
                missing += 1
                last_answered = float("inf")
                continue
            duplicates += len(got) > 1
            latency = got[0].at - sent[client]
            latencies.append(latency)
            (when_idle if idle else when_busy).append(latency * 1000)
            last_answered = max(last_answered, got[0].at)

        print(f"service: mailbot run --no-web, SQLite, poll_seconds {a.poll_seconds} "
              f"(IDLE rounds of {min(a.poll_seconds, 30)} s)")
        print(f"start-up: first reply (warm-up request) {first_reply:.2f} s after the process started")
        print(f"requests: {a.messages} appended one at a time in {appended_in:.1f} s, "
              f"gaps {lo:g}-{hi:g} ms (seed {a.seed})")
        if latencies:
            ms = [x * 1000 for x in latencies]
            print(f"latency (APPEND answered -> reply accepted by SMTP), {len(ms)} replies: "
                  f"p50 {percentile(ms, 50):.0f} ms, p95 {percentile(ms, 95):.0f} ms, "
                  f"p99 {percentile(ms, 99):.0f} ms, max {max(ms):.0f} ms, min {min(ms):.0f} ms")
            for what, part in (("found every earlier one answered (service in IDLE, woken by EXISTS)", when_idle),
                               ("came while earlier ones were in hand (found by the next cycle)", when_busy)):
                if part:
                    print(f"  {len(part):3d} that {what}: p50 {percentile(part, 50):.0f} ms, "
                          f"max {max(part):.0f} ms")
            goal = "met" if percentile(ms, 50) < 1000 else "MISSED"
            print(f"goal p50 < 1 s: {goal}")
        print(f"missing replies after the {a.deadline:g} s deadline: {missing}; clients with more than one "
              f"reply: {duplicates}")
        clean = exit_status == 0 and stop_took <= a.stop_seconds
        how = ("killed: still running" if exit_status is None else f"exit status {exit_status}")
        print(f"SIGTERM: {how} after {stop_took:.2f} s (limit {a.stop_seconds:g} s) -> "
              f"{'clean' if clean else 'NOT clean'}")
        states = message_states(f"sqlite:///{folder / 'mailbot.db'}")
        print(f"requests by outcome (warm-up included; review = acknowledged, left to staff): {states}")
        print(log_summary(log_path))
        if a.keep_log:
            kept = Path(tempfile.mkdtemp(prefix="mb-lat-log-")) / "service.log"
            kept.write_bytes(log_path.read_bytes())
            print(f"log kept at {kept}")
        return 0 if clean and not missing else 1


if __name__ == "__main__":
    sys.exit(main())
