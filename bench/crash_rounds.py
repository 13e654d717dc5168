"""Seeded SIGKILL rounds: does every client get one reply when the service is killed and restarted at once?

    python bench/crash_rounds.py [--rounds 11] [--clients 40] [--seed 9]

Starts Dovecot and aiosmtpd on 127.0.0.1 (tests/servers). Each round has a mailbox and a SQLite
database of its own: the clients' requests are delivered, ``mailbot run --once`` runs killed with
SIGKILL at a step of the cycle chosen by the seed (tests/integration/crash.py names the steps: after
the fetch, the store, the parse, the queue, the commit, the flag, during the send, after DATA's OK,
after the send), and is started again at once, twice. Then it counts the clients with no reply, with
two different replies (two Message-IDs), and with the same reply twice (the one gap no protocol
closes: killed between the server's OK and the record of it). Exit 1 if a client has no reply or
two different ones.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import random
import sys
import tempfile
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.integration.crash import STEPS, mailbot, new_mailbox, write_config  # noqa: E402
from tests.integration.test_service import client_mail  # noqa: E402
from tests.servers.dovecot import start_dovecot  # noqa: E402
from tests.servers.smtp import start_smtp  # noqa: E402

REQUESTS = ["Hei, haluaisin varata yksilötyönohjausta etänä mahdollisimman pian.",
            "Hej, jag vill boka handledning på distans så snart som möjligt.",
            "Hi, I would like to book individual supervision, remote, as soon as possible."]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--clients", type=int, default=40)
    ap.add_argument("--seed", type=int, default=9)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    dovecot = start_dovecot()
    smtp = start_smtp()
    totals: Counter[str] = Counter()
    bad = 0
    try:
        for n in range(1, a.rounds + 1):
            step = rng.choice(STEPS)
            with tempfile.TemporaryDirectory() as folder:
                user = new_mailbox(dovecot)
                config = write_config(Path(folder), dovecot, smtp, user)
                clients = [f"r{n}-{i}-{uuid.uuid4().hex[:6]}@client.example" for i in range(a.clients)]
                for i, client in enumerate(clients):
                    dovecot.deliver(user, client_mail(client, "Työnohjaus", REQUESTS[i % len(REQUESTS)])[0])
                killed = mailbot(config, "run", "--once", crash_at=step)
                restarts = [mailbot(config, "run", "--once") for _ in range(2)]  # at once, no waiting
                if any(r.returncode for r in restarts):
                    print(f"round {n}: a restart failed: {restarts[0].stderr[-300:]}")
                counts = Counter()
                for client in clients:
                    replies = [m for m in smtp.messages if client in m.rcpt_tos]
                    ids = {email.message_from_bytes(m.raw, policy=email.policy.default)["Message-ID"] for m in replies}
                    counts["no reply" if not ids else "two different replies" if len(ids) > 1
                           else "same reply twice" if len(replies) > 1 else "one reply"] += 1
                totals.update(counts)
                failed = counts["no reply"] + counts["two different replies"]
                bad += failed
                print(f"round {n:2d}: killed at {step:<12} (exit {killed.returncode}), restarted at once: "
                      + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    finally:
        smtp.stop()
        dovecot.stop()
    print(f"{a.rounds} rounds of {a.clients} clients (seed {a.seed}): "
          + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
