"""The cross-process cache of compiled patterns: never a different pattern, only a faster one."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mailbot import regex_cache
from mailbot.understand.lexicon import LANGUAGES, load
from mailbot.understand.mentions import grammar

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ["torstaina 14.30 tai pe klo 9-11", "kl 13 på fredag, veckan därpå", "at 3 pm next Monday, Jan 12th 10am",
           "puoli yksitoista", "kvart i tre", "ensi viikon jälkeen", "0401234567 00100 Helsinki", "ÅÄÖ åäö"]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder and a module that has compiled nothing yet."""
    monkeypatch.setenv("MAILBOT_CACHE_DIR", str(tmp_path))
    for name, value in (("_compiled", {}), ("_stored", None), ("_added", {}), ("_used", set())):
        monkeypatch.setattr(regex_cache, name, value)
    return tmp_path


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process would start: nothing in memory, the file on disk."""
    for name, value in (("_compiled", {}), ("_stored", None), ("_added", {}), ("_used", set())):
        monkeypatch.setattr(regex_cache, name, value)


def _patterns() -> list[tuple[str | bytes, int]]:
    out: list[tuple[str | bytes, int]] = []
    for lang in LANGUAGES:
        out += [(rule.source, 0) for rule in grammar(load(lang)).rules]
    out += [(rb"^[!-9;-~]{1,200}[ \t]*:", 0), (r"^(?P<q>>+)\s?", re.MULTILINE), (r"kello\s+(\d+)", re.IGNORECASE)]
    return out


def _same(a: re.Pattern, b: re.Pattern) -> None:  # type: ignore[type-arg]
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in SAMPLES:
        subject = text.encode() if isinstance(a.pattern, bytes) else text
        assert [m.span() for m in a.finditer(subject)] == [m.span() for m in b.finditer(subject)]  # type: ignore[arg-type]


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = _patterns()
    for p, f in patterns:  # cold: compiled here and kept
        _same(regex_cache.compile(p, f), re.compile(p, f))
    regex_cache.save()
    files = list(fresh.iterdir())
    assert len(files) == 1 and files[0].stat().st_size > 0
    _forget(monkeypatch)
    for p, f in patterns:  # warm: built from the stored code, nothing parsed again
        _same(regex_cache.compile(p, f), re.compile(p, f))
    assert not regex_cache._added and len(regex_cache._used) == len(set(patterns))


def test_a_damaged_cache_file_is_only_a_miss(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_cache.compile(r"(?P<h>\d{1,2})[.:](?P<m>\d\d)")
    regex_cache.save()
    path = next(fresh.iterdir())
    for damage in (b"", b"\x00garbage", path.read_bytes()[:100]):
        path.write_bytes(damage)
        _forget(monkeypatch)
        got = regex_cache.compile(r"(?P<h>\d{1,2})[.:](?P<m>\d\d)")
        assert got.match("14.30").groupdict() == {"h": "14", "m": "30"}
        regex_cache.save()  # and the file is whole again
        _forget(monkeypatch)
        regex_cache.compile(r"(?P<h>\d{1,2})[.:](?P<m>\d\d)")
        assert not regex_cache._added


def test_patterns_of_an_earlier_grammar_do_not_pile_up(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = [rf"(?:v{i}-(?P<x>\d+)|y{i})+" for i in range(40)]  # an earlier version's patterns, on disk
    for p in old:
        regex_cache.compile(p)
    regex_cache.save()
    path = next(fresh.iterdir())
    kept = path.stat().st_size
    monkeypatch.setattr(regex_cache, "MAX_BYTES", kept // 4)  # the file has grown past its budget
    _forget(monkeypatch)
    regex_cache.compile(old[0])  # still used by the new version
    regex_cache.compile(r"(?:new-(?P<y>\d+))+")  # new in this version
    regex_cache.save()
    _forget(monkeypatch)
    stored = regex_cache._read()
    assert {k[0] for k in stored} == {old[0], r"(?:new-(?P<y>\d+))+"}
    assert path.stat().st_size < kept


def test_an_oversized_file_shrinks_even_when_nothing_is_new(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = [rf"(?:w{i}-(?P<x>\d+)|z{i})+" for i in range(40)]
    for p in old:
        regex_cache.compile(p)
    regex_cache.save()
    monkeypatch.setattr(regex_cache, "MAX_BYTES", 1)
    _forget(monkeypatch)
    monkeypatch.setattr(regex_cache, "_oversized", False)
    regex_cache.compile(old[3])  # found in the file: nothing added by this process
    assert not regex_cache._added
    regex_cache.save()
    _forget(monkeypatch)
    assert {k[0] for k in regex_cache._read()} == {old[3]}


def test_off_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MAILBOT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget(monkeypatch)
    assert regex_cache.compile(r"a+b").fullmatch("aab")
    regex_cache.save()
    assert not regex_cache._added and not list(tmp_path.iterdir())


def test_mailbot_parse_reads_the_same_with_a_warm_cache(tmp_path: Path) -> None:
    eml = ROOT / "examples" / "request-fi.eml"
    args = [sys.executable, "-m", "mailbot", "parse", str(eml), "--now", "2026-11-24T09:00:00+02:00"]

    def run(cache: str) -> dict:  # type: ignore[type-arg]
        env = {**os.environ, "MAILBOT_CACHE_DIR": cache}
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
        return json.loads(done.stdout)

    plain = run("off")
    assert run(str(tmp_path)) == plain  # cold: compiles and writes the file
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("regex-")]
    assert run(str(tmp_path)) == plain  # warm: reads it
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
