"""Generated hostile mail through the whole service (a fixed seed, so a failure can be replayed):
no traceback, every message stored and processed, answered or put before staff with a reason, no reply
to a machine, no header built from unchecked input, no proposal to a message with nothing to read.
``python bench/fuzz.py`` runs the same check over 10,000 messages."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.hostile import generate
from tests.fuzz.run import run_through
from tests.integration.crash import mailbot, new_mailbox, query, sqlite_url, unprocessed_on_server, write_config
from tests.servers.dovecot import DovecotServer
from tests.servers.smtp import SmtpServer

SEED = 20261207


def test_three_hundred_hostile_messages_through_store_understand_conversation_and_outbox(
    tmp_path: Path, smtp: SmtpServer,
) -> None:
    messages = generate(SEED, 300)
    result = run_through(messages, tmp_path, smtp)
    assert result.problems == [], "\n".join(result.problems[:20])
    # ordinary mail is still answered: a proposal, or staff when the times asked for are all held already
    assert set(result.by_kind["ordinary"]) <= {"proposed", "review"} and result.by_kind["ordinary"]["proposed"]
    assert sum(result.states.values()) == len(messages)


def test_a_sample_through_dovecot_is_stored_processed_and_flagged(tmp_path: Path, dovecot: DovecotServer,
                                                                 smtp: SmtpServer) -> None:
    sample = [(kind, raw) for kind, raw in generate(SEED + 1, 60) if kind != "huge_headers"][:30]
    user = new_mailbox(dovecot)
    for _, raw in sample:
        dovecot.deliver(user, raw)
    config = write_config(tmp_path, dovecot, smtp, user)
    first = mailbot(config, "run", "--once")
    assert first.returncode == 0, first.stdout + first.stderr
    second = mailbot(config, "run", "--once")
    assert "fetched 0" in second.stdout and "sent 0" in second.stdout, second.stdout
    assert "Traceback" not in first.stderr + second.stderr
    url = sqlite_url(tmp_path)
    assert query(url, "SELECT count(*) FROM messages WHERE direction = 'in' AND processed_at IS NULL") == [(0,)]
    assert query(url, "SELECT count(*) FROM review_items WHERE reason = 'processing failed'") == [(0,)]
    assert unprocessed_on_server(dovecot, user) == []
