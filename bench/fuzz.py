"""Hostile mail through the whole service: store → understand → conversation → outbox → a real SMTP server.

    python bench/fuzz.py [--n 10000] [--seed 20261207]

Generates the messages (tests/fuzz/hostile.py: broken MIME, wrong charsets, header injection, huge
headers, nested forwards, calendar garbage, numbers, empty and script-only bodies, shared and
malformed Message-IDs, machine senders, binary garbage, ordinary requests), runs them on a real
SQLite store and aiosmtpd, and prints the messages per second, what became of them, and every
problem found (a traceback, a message lost or not processed, a reply to a machine, a header built
from unchecked input, a proposal to a message with nothing to read). Exit 1 if any problem.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz.hostile import generate  # noqa: E402
from tests.fuzz.run import run_through  # noqa: E402
from tests.servers.smtp import start_smtp  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=20261207)
    a = ap.parse_args()
    messages = generate(a.seed, a.n)
    kinds = Counter(kind for kind, _ in messages)
    smtp = start_smtp()
    try:
        with tempfile.TemporaryDirectory() as folder:
            result = run_through(messages, Path(folder), smtp)
    finally:
        smtp.stop()
    print(f"messages: {result.messages} (seed {a.seed}), {len(kinds)} kinds: "
          + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print(f"through the service in {result.seconds:.1f} s: {result.messages / result.seconds:.0f} messages/s")
    print("states: " + ", ".join(f"{k} {n}" for k, n in sorted(result.states.items())))
    print(f"replies sent: {result.replies}; messages before staff: {result.reviewed}")
    print(f"problems: {len(result.problems)}")
    for problem in result.problems[:50]:
        print(f"  {problem}")
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
