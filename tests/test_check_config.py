"""`mailbot check-config` as an operator runs it: one line per check, status 0 / 1 / 2, never a traceback."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mailbot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def mailbot(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mailbot", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=120)


def example_copy(folder: Path) -> Path:
    """The repository's example config and calendars, in a folder of the test's own."""
    shutil.copy(ROOT / "config.toml", folder / "config.toml")
    shutil.copytree(ROOT / "calendars", folder / "calendars")
    return folder / "config.toml"


def test_the_repository_example_passes() -> None:
    p = mailbot("--config", "config.toml", "check-config")
    assert p.returncode == 0, p.stdout + p.stderr
    lines = p.stdout.splitlines()
    assert lines[0] == "ok   config: config.toml, 3 supervisors; services individual, group, leader"
    calendars = [line for line in lines if line.startswith("ok   calendar ")]
    assert [line.split(": ", 1)[1].split(",")[0] for line in calendars] == [
        "Aino Virtanen's calendar (calendars/aino.ics)",
        "Mikko Laine's calendar (calendars/mikko.ics)",
        "Sanna Berg's calendar (calendars/sanna.ics)",
    ]
    assert all(line.endswith("busy times in the next 42 days") for line in calendars)
    assert len(lines) == 4 and p.stderr == ""  # no mailbox or smtp section in the example: no skip lines


def test_the_default_config_is_the_one_in_the_working_folder(tmp_path: Path) -> None:
    example_copy(tmp_path)
    p = mailbot("check-config", cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.count("\nok   calendar ") == 3


def test_config_may_follow_the_command(tmp_path: Path) -> None:
    config = example_copy(tmp_path)
    p = mailbot("check-config", "--config", str(config))
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.startswith("ok   config: config.toml, 3 supervisors")


def test_a_broken_and_a_missing_calendar_fail_while_the_others_pass(tmp_path: Path) -> None:
    config = example_copy(tmp_path)
    (tmp_path / "calendars" / "mikko.ics").write_text("BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n")
    (tmp_path / "calendars" / "sanna.ics").unlink()
    p = mailbot("--config", str(config), "check-config")
    assert p.returncode == 1, p.stdout + p.stderr
    assert "Traceback" not in p.stdout + p.stderr
    lines = p.stdout.splitlines()
    assert lines[1].startswith("ok   calendar aino: Aino Virtanen's calendar (calendars/aino.ics), ")
    assert lines[2].startswith("FAIL calendar mikko: Mikko Laine's calendar (calendars/mikko.ics): ")
    assert lines[3].startswith("FAIL calendar sanna: Sanna Berg's calendar (calendars/sanna.ics): ")
    assert "sanna.ics" in lines[3].split("): ", 1)[1]  # the reason names the file it looked for
    assert len(lines) == 4


def test_a_config_error_exits_2_with_the_key_and_no_traceback(tmp_path: Path) -> None:
    config = example_copy(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('timezone = "Europe/Helsinki"', 'timzone = "Europe/Helsinki"')
                      .replace('mon = "09:00-17:00"', 'mon = "9-17"'), encoding="utf-8")
    p = mailbot("--config", str(config), "check-config")
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.splitlines() == [
        f"{config}: booking.timzone: unknown key (did you mean 'timezone'?)",
        f"{config}: supervisors[1].working_hours.mon: write hours as \"08:00-16:00\" (got '9-17')",
    ]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda folder: None, "no such file"),
        (lambda folder: (folder / "config.toml").write_text("[booking\n"), "config.toml:1: "),
    ],
    ids=["missing", "syntax"],
)
def test_an_unreadable_config_exits_2(tmp_path: Path, setup, message: str) -> None:  # noqa: ANN001
    setup(tmp_path)
    p = mailbot("check-config", cwd=tmp_path)
    assert p.returncode == 2 and p.stdout == ""
    assert message in p.stderr and "Traceback" not in p.stderr and len(p.stderr.splitlines()) == 1


MAILBOX = """
[mailbox]
host = "imap.example.fi"
username = "ajanvaraus@example.fi"
password_env = "MAILBOT_TEST_IMAP_PASSWORD"

[smtp]
host = "smtp.example.fi"
from_address = "ajanvaraus@example.fi"
"""


def test_a_missing_password_variable_is_a_config_error(tmp_path: Path) -> None:
    config = example_copy(tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + MAILBOX, encoding="utf-8")
    p = mailbot("--config", str(config), "check-config", env={"MAILBOT_TEST_IMAP_PASSWORD": ""})
    assert p.returncode == 2
    assert p.stderr == f"{config}: mailbox.password_env: environment variable MAILBOT_TEST_IMAP_PASSWORD is not set\n"


def test_a_supervisor_without_a_calendar_is_skipped(tmp_path: Path) -> None:
    config = example_copy(tmp_path)
    text = config.read_text(encoding="utf-8").replace('calendar = { ics = "calendars/sanna.ics" }\n', "")
    config.write_text(text, encoding="utf-8")
    p = mailbot("--config", str(config), "check-config")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "skip calendar sanna: Sanna Berg has no calendar: all working hours count as free" in p.stdout


def _commands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_has_help_text() -> None:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {action.dest: action.help for action in sub._choices_actions}
    assert set(helps) == set(_commands()) and {"parse", "check-config"} <= set(helps)
    for name, command in _commands().items():
        assert helps[name], f"mailbot {name} has no help line"
        assert command.description, f"mailbot {name} has no description"
        for action in command._actions:
            assert action.help, f"mailbot {name} {action.option_strings or action.dest} has no help"


def test_help_from_the_command_line() -> None:
    p = mailbot("--help")
    assert p.returncode == 0 and "check-config" in p.stdout and "--config PATH" in p.stdout
    p = mailbot("check-config", "--help")
    assert p.returncode == 0 and "--config PATH" in p.stdout and "one line per check" in " ".join(p.stdout.split())


def test_every_command_takes_config() -> None:
    for name in _commands():
        args = ["--config", "other.toml"] + (["x.eml"] if name == "parse" else [])
        assert build_parser().parse_args([name, *args]).config == "other.toml"
        assert build_parser().parse_args(["--config", "first.toml", name, *args[2:]]).config == "first.toml"
