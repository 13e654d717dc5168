"""Benchmark of competing confirmations on PostgreSQL: 1, 2 and 4 workers, no time booked twice.

    python bench/confirm_race.py [--clients 1000] [--slots 100] [--workers 1 2 4] [--seed 1]

Starts Dovecot, aiosmtpd and a temporary PostgreSQL 15 on 127.0.0.1. For each worker count, on a
fresh database and mailbox: N clients were offered three times each, drawn from the same S free
slots (found by the service's own slot search in the repository's calendars), and their holds ran
out and were released, so that the offers now compete. Every client answers at the same moment
("Ykkönen sopii", "Tvåan passar", "The third one works", in their conversation's reference), and
W ``mailbot run --once`` workers are started together on the mailbox.

How the workers share the fetched list: each fetches every unprocessed message and walks it in UID
order; the first to store a message (one row per mailbox UID) and lock its row (``SELECT … FOR
UPDATE SKIP LOCKED``) handles it, the others skip it. Bookings are refused by the database when
they overlap (an EXCLUDE constraint), so the outcome cannot depend on who wins a race.

Prints messages per second per worker count and checks: 0 overlapping bookings; at most S bookings;
every client exactly one reply (a confirmation with its invitation, or an apology with fresh times),
or, once the calendars have no free time left for fresh times, a review item for staff; no client
with two replies.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.service_latency import (  # noqa: E402
    MAILBOX_PASSWORD,
    PASSWORD_ENV,
    TimedSmtp,
    mailbot_command,
    servers,
    service_env,
    write_config,
)
from bench.service_throughput import new_mailbox, postgres  # noqa: E402
from tests.servers.dovecot import DovecotServer  # noqa: E402

ANSWERS = [("fi", "Ykkönen sopii, kiitos!"), ("sv", "Tvåan passar bra."), ("en", "The third one works for me.")]


@dataclass
class Result:
    workers: int
    seconds: float
    bookings: int
    overlaps: int
    confirmations: int
    apologies: int
    reviews: int
    unanswered: int
    twice: int
    statuses: list[int]

    @property
    def rate(self) -> float:
        return 0.0 if not self.seconds else sum((self.confirmations, self.apologies, self.reviews)) / self.seconds


def free_slots(config: Path, count: int, now: datetime) -> list[tuple[str, datetime, datetime]]:
    """``count`` free slots from the service's own slot search, as one proposal after another would take them."""
    from mailbot.booking.slots import SlotFinder, SlotRequest
    from mailbot.calendars import open_source
    from mailbot.calendars.base import Interval
    from mailbot.config import load_settings

    settings = load_settings(config, env={PASSWORD_ENV: MAILBOX_PASSWORD})
    tz = ZoneInfo(settings.booking.timezone)
    calendars = {s.id: open_source(s.calendar, name=s.id, base_dir=config.parent, env={}, tz=tz)
                 for s in settings.supervisors if s.calendar is not None}
    chosen: list[tuple[str, datetime, datetime]] = []

    def taken(sid: str, start: datetime, end: datetime) -> list[Interval]:
        return [Interval(a, b) for s, a, b in chosen if s == sid and a < end and b > start]

    finder = SlotFinder(settings, calendars, taken)
    request = SlotRequest(service="individual", language="fi", mode=None, location=None, supervisor=None,
                          windows=(), sessions=None, cadence=None)
    while len(chosen) < count:
        found = finder.find(request, now).proposals
        if not found:
            raise SystemExit(f"only {len(chosen)} free slots in the repository's calendars, {count} asked")
        chosen += [(p.first.supervisor_id, p.first.start, p.first.end) for p in found]
    return chosen[:count]


def seed(url: str, slots: list[tuple[str, datetime, datetime]], clients: int, rng: random.Random,
         now: datetime) -> list[tuple[str, str, str, int]]:
    """Conversations whose three offered times (drawn from ``slots``) ran out; (address, reference, lang, choice)."""
    from mailbot.store import open_database, repo
    from mailbot.store.models import Hold

    db = open_database(url)
    out = []
    lapsed = now - timedelta(hours=1)
    try:
        with db.transaction() as s:
            for n in range(clients):
                lang, _ = ANSWERS[n % len(ANSWERS)]
                address = f"race-{n:05d}@client.example"
                conv = repo.create_conversation(s, client_email=address, language=lang, state="proposed",
                                                now=lapsed - timedelta(hours=48))
                for number, (sid, start, end) in enumerate(rng.sample(slots, 3), start=1):
                    s.add(Hold(conversation_id=conv.id, supervisor_id=sid, start=start, end=end,
                               expires_at=lapsed, released_at=lapsed, option_number=number))
                out.append((address, conv.reference, lang, n % len(ANSWERS) + 1))
    finally:
        db.close()
    return out


def answer(address: str, reference: str, lang: str) -> bytes:
    body = dict(ANSWERS)[lang]
    msg = EmailMessage()
    msg["From"] = f"Asiakas <{address}>"
    msg["To"] = "ajanvaraus@example.fi"
    msg["Subject"] = {"fi": "Vs: Työnohjausaika", "sv": "Sv: Handledningstid", "en": "Re: Supervision"}[lang] + \
        f" [{reference}]"
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain="client.example")
    msg.set_content(body)
    return msg.as_bytes()


def run(dovecot: DovecotServer, smtp: TimedSmtp, pg: object, folder: Path, workers: int, clients: int,
        slot_count: int, rng: random.Random, keep: Path | None = None) -> Result:
    from sqlalchemy import create_engine, text

    user = new_mailbox(dovecot)
    url = pg.create_database(f"mailbot_race_{workers}w")  # type: ignore[attr-defined]
    folder.mkdir(parents=True, exist_ok=True)
    config = write_config(folder, dovecot.port, smtp.port, user=user, db_url=url)
    now = datetime.now(UTC)
    slots = free_slots(config, slot_count, now)
    conversations = seed(url, slots, clients, rng, now)
    imap = dovecot.client(user)
    try:
        for address, reference, lang, _choice in conversations:
            imap.append("INBOX", answer(address, reference, lang))
    finally:
        imap.logout()
    before = {a: len(v) for a, v in smtp.by_recipient().items()}
    outs = [folder / f"worker{k}.out" for k in range(workers)]
    t0 = time.monotonic()
    procs = []
    for out in outs:
        with out.open("wb") as f:
            procs.append(subprocess.Popen(mailbot_command(config, "--once"), cwd=folder, env=service_env(),
                                          stdout=f, stderr=subprocess.STDOUT))
    statuses = [p.wait(timeout=1800) for p in procs]
    seconds = time.monotonic() - t0
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            bookings = c.execute(text("SELECT count(*) FROM bookings WHERE state = 'confirmed'")).scalar_one()
            overlaps = c.execute(text(
                "SELECT count(*) FROM bookings a JOIN bookings b ON a.id < b.id AND a.supervisor_id = b.supervisor_id "
                "AND a.state = 'confirmed' AND b.state = 'confirmed' AND a.start < b.\"end\" AND b.start < a.\"end\"")
            ).scalar_one()
            reviewed = {r[0] for r in c.execute(text(
                "SELECT c.client_email FROM review_items r JOIN conversations c ON c.id = r.conversation_id"))}
            # what each reply was: a confirmation carries the invitation
            invited = {r[0] for r in c.execute(text("SELECT to_addr, raw FROM outbox")) if b"text/calendar" in r[1]}
    finally:
        engine.dispose()
    got = smtp.by_recipient()
    kinds: Counter[str] = Counter()
    unanswered = twice = 0
    for address, *_ in conversations:
        replies = got.get(address, [])[before.get(address, 0):]
        if len(replies) > 1:
            twice += 1
        if not replies:
            kinds["review" if address in reviewed else "none"] += 1
            unanswered += address not in reviewed
            continue
        kinds["confirmation" if address in invited else "apology"] += 1
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        for out in outs:
            (keep / f"{workers}w-{out.name}").write_bytes(out.read_bytes())
    for k, out in enumerate(outs):
        if statuses[k] != 0:
            print(f"[{workers}w] worker {k} exited {statuses[k]}: {out.read_text(errors='replace')[-800:]}")
    return Result(workers, seconds, bookings, overlaps, kinds["confirmation"], kinds["apology"], kinds["review"],
                  unanswered, twice, statuses)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=1000)
    ap.add_argument("--slots", type=int, default=100)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--logs", type=Path, help="keep each worker's output in this folder")
    a = ap.parse_args()
    results = []
    with servers() as (dovecot, smtp), postgres() as pg, tempfile.TemporaryDirectory(prefix="mb-race-") as tmp:
        for workers in a.workers:
            r = run(dovecot, smtp, pg, Path(tmp) / f"w{workers}", workers, a.clients, a.slots,
                    random.Random(a.seed), a.logs)
            results.append(r)
            print(f"[{workers} worker{'s' if workers > 1 else ''}] {a.clients} confirmations competing for {a.slots} "
                  f"slots in {r.seconds:.1f} s = {r.rate:.1f} messages/s (start-up included); "
                  f"bookings {r.bookings}, overlapping {r.overlaps}; replies: confirmation {r.confirmations}, "
                  f"apology with fresh times {r.apologies}; to staff (no free time left) {r.reviews}; "
                  f"no answer at all {r.unanswered}; two replies {r.twice}; exit {r.statuses}", flush=True)
    ok = all(r.overlaps == 0 and r.bookings <= a.slots and r.unanswered == 0 and r.twice == 0
             and all(s == 0 for s in r.statuses) for r in results)
    print("result:", "OK" if ok else "FAILED", "; ".join(f"{r.workers}w {r.rate:.1f}/s" for r in results))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
