"""Four workers on PostgreSQL answer clients whose offers compete for a few slots: no time is booked twice,
no handling fails on a deadlock, and every client gets exactly one answer (``bench/confirm_race.py`` at scale)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.servers.postgres import postgres_available


@pytest.mark.skipif(postgres_available() is not None, reason=str(postgres_available()))
def test_four_workers_and_competing_confirmations(tmp_path: Path) -> None:
    from bench.confirm_race import run
    from bench.service_latency import servers
    from bench.service_throughput import postgres

    with servers() as (dovecot, smtp), postgres() as pg:
        result = run(dovecot, smtp, pg, tmp_path, 4, 60, 6, random.Random(7), keep=tmp_path / "logs")
    logs = "\n".join(p.read_text(errors="replace")[-2000:] for p in sorted((tmp_path / "logs").iterdir()))
    assert result.statuses == [0, 0, 0, 0], logs
    assert result.overlaps == 0 and 0 < result.bookings <= 6
    assert result.unanswered == 0 and result.twice == 0, logs
    assert result.confirmations + result.apologies + result.reviews == 60
    assert "DeadlockDetected" not in logs and "processing failed" not in logs
