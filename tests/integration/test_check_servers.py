"""`mailbot check-config` logs in to the real IMAP and SMTP servers, and names what fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.integration.conftest import MAILBOX_PASSWORD, service_config
from tests.servers.dovecot import DovecotServer
from tests.servers.smtp import SmtpServer, free_port


def check(config: Path, password: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAILBOT_TEST_IMAP_PASSWORD": password}
    return subprocess.run([sys.executable, "-m", "mailbot", "--config", str(config), "check-config"],
                          capture_output=True, text=True, env=env, timeout=120)


def test_both_servers_answer(tmp_path: Path, dovecot: DovecotServer, smtp: SmtpServer) -> None:
    p = check(service_config(tmp_path, dovecot.port, smtp.port), MAILBOX_PASSWORD)
    assert p.returncode == 0, p.stdout + p.stderr
    lines = p.stdout.splitlines()
    assert any(line.startswith("ok   mailbox: ") and f"127.0.0.1:{dovecot.port}" in line for line in lines)
    assert any(line.startswith("ok   smtp: ") for line in lines)


def test_a_wrong_password_and_a_dead_smtp_server_fail_with_their_names(tmp_path: Path,
                                                                          dovecot: DovecotServer) -> None:
    dead = free_port()
    p = check(service_config(tmp_path, dovecot.port, dead), "wrong")
    assert p.returncode == 1 and "Traceback" not in p.stderr
    lines = p.stdout.splitlines()
    assert any(line.startswith("FAIL mailbox: ") for line in lines), lines
    assert any(line.startswith("FAIL smtp: ") and str(dead) in line for line in lines), lines
    assert any(line.startswith("ok   calendar aino") for line in lines)  # the other checks still run
