"""`mailbot parse` as a user runs it: JSON on stdout, or one line on stderr and exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "request-fi.eml"


def mailbot(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mailbot", *args], capture_output=True, text=True,
                          input=stdin.decode() if stdin else None, cwd=ROOT, timeout=60)


def test_parse_prints_only_the_contract_json() -> None:
    p = mailbot("parse", str(EXAMPLE), "--now", "2026-11-24T09:00:00+02:00")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert list(out) == ["intent", "language", "service", "mode", "location", "participants", "sessions",
                         "cadence", "supervisor", "windows", "choice", "needs_review", "reasons"]
    assert out["intent"] == "request" and out["service"] == "individual" and out["mode"] == "remote"
    assert out["sessions"] == 5 and out["cadence"] == "monthly"
    assert all(w["start"].startswith("2026-") or w["start"].startswith("2027-") for w in out["windows"])
    # Tuesday afternoons, but not during the holiday at the end of December
    assert "2026-12-29T12:00:00+02:00" not in {w["start"] for w in out["windows"]}
    assert "2026-12-01T12:00:00+02:00" in {w["start"] for w in out["windows"]}


def test_now_defaults_to_the_date_header() -> None:
    p = mailbot("parse", str(EXAMPLE))
    assert p.returncode == 0
    assert json.loads(p.stdout)["windows"][0]["start"] == "2026-11-24T12:00:00+02:00"


def test_options_resolve_a_choice(tmp_path: Path) -> None:
    eml = tmp_path / "reply.eml"
    eml.write_bytes(b"From: a@b.example\r\nTo: ajanvaraus@example.fi\r\nSubject: Re: aika\r\n"
                    b"Date: Tue, 24 Nov 2026 10:00:00 +0200\r\n\r\nKakkonen sopii!\r\n")
    opts = tmp_path / "options.json"
    opts.write_text(json.dumps([
        {"n": 1, "start": "2026-12-02T10:00:00+02:00", "end": "2026-12-02T11:00:00+02:00", "supervisor": "A"},
        {"n": 2, "start": "2026-12-03T14:00:00+02:00", "end": "2026-12-03T15:00:00+02:00", "supervisor": "B"},
    ]))
    out = json.loads(mailbot("parse", str(eml), "--options", str(opts)).stdout)
    assert out["intent"] == "confirm" and out["choice"] == 2 and out["needs_review"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", "no/such/file.eml"], "no such file"),
        (["parse", "tests"], "is a folder"),
        (["parse", str(EXAMPLE), "--now", "yesterday"], "--now"),
        (["parse", str(EXAMPLE), "--options", "no/such/options.json"], "no such file"),
        (["parse", str(EXAMPLE), "--horizon-days", "0"], "--horizon-days"),
        (["parse"], "required"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_usage_is_one_line_and_status_2(args: list[str], message: str) -> None:
    p = mailbot(*args)
    assert p.returncode == 2
    assert p.stdout == ""
    assert message in p.stderr and "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1 or p.stderr.startswith("usage:")


def test_a_file_that_is_not_an_email(tmp_path: Path) -> None:
    png = tmp_path / "picture.eml"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    p = mailbot("parse", str(png))
    assert p.returncode == 2 and "Traceback" not in p.stderr and str(png) in p.stderr


def test_bad_options_json(tmp_path: Path) -> None:
    opts = tmp_path / "o.json"
    opts.write_text("{not json")
    p = mailbot("parse", str(EXAMPLE), "--options", str(opts))
    assert p.returncode == 2 and "not valid JSON" in p.stderr
    opts.write_text('[{"n": 1}]')
    p = mailbot("parse", str(EXAMPLE), "--options", str(opts))
    assert p.returncode == 2 and "start" in p.stderr


def test_a_bug_in_the_rules_gives_a_review_item_not_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import mailbot.understand
    from mailbot.cli import main

    def broken(*_a: object, **_k: object) -> None:
        raise AssertionError("a rule that breaks")

    monkeypatch.setattr(mailbot.understand, "understand", broken)
    assert main(["parse", str(EXAMPLE)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["needs_review"] is True and out["reasons"] == ["the parser failed on this message"]
