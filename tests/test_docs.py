"""The documents name what the program does: every command and option of `mailbot --help` is in the README,
and every command in the contract's command table (as sqlite-utils checks its docs against its CLI)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from mailbot.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT.parent / "shared" / "design" / "CONTRACT.md"


def _commands() -> dict[str, list[str]]:
    """Each subcommand and its option strings (hidden ones left out)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    out = {}
    for name, command in sub.choices.items():
        out[name] = [s for a in command._actions if a.help is not argparse.SUPPRESS
                     and not isinstance(a, argparse._HelpAction) for s in a.option_strings]
    return out


def _top_options() -> list[str]:
    return [s for a in build_parser()._actions if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction))
            for s in a.option_strings]


@pytest.mark.parametrize("command", sorted(_commands()))
def test_the_readme_names_every_command_and_its_options(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"mailbot {command}" in readme, f"`mailbot {command}` is not in the README"
    missing = [o for o in _commands()[command] if o not in readme]
    assert not missing, f"options of `mailbot {command}` not in the README: {missing}"


def test_the_readme_names_the_global_options() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not [o for o in _top_options() if o not in readme]


@pytest.mark.skipif(not CONTRACT.exists(), reason="../shared/design/CONTRACT.md is not beside this checkout")
def test_the_contract_command_table_has_every_command() -> None:
    table = "\n".join(line for line in CONTRACT.read_text(encoding="utf-8").splitlines() if line.startswith("| `mailbot"))
    missing = [c for c in _commands() if not re.search(rf"`mailbot {re.escape(c)}\b", table)]
    assert not missing, f"not in CONTRACT.md's command table: {missing}"


def test_no_text_promises_what_the_program_already_does() -> None:
    texts = {p: p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md"),
                                                          ROOT / "mailbot" / "cli.py"]}
    stale = [str(p.relative_to(ROOT)) for p, t in texts.items() if re.search(r"(?i)a later version|in a later", t)]
    assert not stale, stale
