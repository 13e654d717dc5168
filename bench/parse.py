"""Benchmark of `mailbot parse`: in-process throughput and the wall time of one process.

    python bench/parse.py [CORPUS_DIR ...] [--seconds 3] [--runs 15]

Default corpora: ../shared/corpus and tests/corpus. Prints messages per second on one core
(read + understand, goal ≥ 500/s) and the median wall time of `mailbot parse` (goal < 150 ms): with the
compiled-pattern cache warm (every run after the first on a machine) and with it off (a first run).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_cases(dirs: list[Path]) -> list[tuple[bytes, dict]]:
    cases = []
    for d in dirs:
        for eml in sorted(d.glob("*.eml")):
            ans = eml.with_suffix(".json")
            cases.append((eml.read_bytes(), json.loads(ans.read_text()) if ans.exists() else {}))
    return cases


def throughput(cases: list[tuple[bytes, dict]], seconds: float) -> tuple[float, int]:
    from mailbot.mail import read_message
    from mailbot.understand import understand
    from mailbot.understand.result import parse_options

    prepared = []
    for raw, ans in cases:
        opts = parse_options(ans["options"]) if ans.get("options") else None
        prepared.append((raw, datetime.fromisoformat(ans["now"]) if "now" in ans else None, opts))
    for raw, now, opts in prepared:  # warm-up: lexicons compiled, caches filled
        msg = read_message(raw)
        understand(msg, now=now or msg.date, options=opts)
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for raw, now, opts in prepared:
            msg = read_message(raw)
            understand(msg, now=now or msg.date, options=opts)
            n += 1
    return n / (time.perf_counter() - start), n


def process_time(eml: Path, runs: int, cache: str) -> list[float]:
    exe = shutil.which("mailbot") or str(Path(sys.executable).with_name("mailbot"))
    env = {**os.environ, "MAILBOT_CACHE_DIR": cache}
    subprocess.run([exe, "parse", str(eml)], check=True, capture_output=True, env=env)  # fills a warm cache
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([exe, "parse", str(eml)], check=True, capture_output=True, env=env)
        out.append(time.perf_counter() - t0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    dirs = a.corpus or [p for p in (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "corpus") if p.is_dir()]
    cases = load_cases(dirs)
    if not cases:
        print("no .eml files found", file=sys.stderr)
        return 2
    rate, n = throughput(cases, a.seconds)
    print(f"messages: {len(cases)} from {', '.join(str(d) for d in dirs)}")
    print(f"in-process throughput: {rate:.0f} messages/s on one core ({n} parses)")
    eml = ROOT / "examples" / "request-fi.eml"
    with tempfile.TemporaryDirectory() as cache:
        for label, where in (("pattern cache warm", cache), ("pattern cache off", "off")):
            times = process_time(eml, a.runs, where)
            print(f"one `mailbot parse` process, {label}: median {statistics.median(times) * 1000:.0f} ms, "
                  f"min {min(times) * 1000:.0f} ms over {a.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
