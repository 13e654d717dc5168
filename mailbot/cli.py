"""The ``mailbot`` command: argument parsing and nothing else.

Imports of the heavier parts happen inside each command so that ``mailbot parse`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mailbot import __version__
from mailbot.errors import MailbotError


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one line, as the contract asks for bad usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"mailbot: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mailbot", description="The booking mailbox's assistant for work supervision.")
    parser.add_argument("--version", action="version", version=f"mailbot {__version__}")
    parser.add_argument("--config", default="config.toml", help="configuration file (default: ./config.toml)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    parse = commands.add_parser(
        "parse",
        help="parse one e-mail message and print what the writer wants as JSON",
        description="Parse one RFC 5322 message without touching any server or database and print "
        "the JSON of CONTRACT.md section 2 on stdout.",
    )
    parse.add_argument("message", metavar="MESSAGE.eml", help="the raw message file ('-' for stdin)")
    parse.add_argument("--now", help="ISO 8601 date-time the message is read at (default: its Date header)")
    parse.add_argument("--options", metavar="FILE", help="JSON list of the options proposed to this client")
    parse.add_argument("--horizon-days", type=int, default=90, help="how far ahead windows reach (default 90)")
    parse.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parse.set_defaults(func=_cmd_parse)
    return parser


def _cmd_parse(args: argparse.Namespace) -> int:
    from mailbot.understand.command import run_parse

    sys.stdout.write(run_parse(args.message, now=args.now, options=args.options, horizon_days=args.horizon_days))
    sys.stdout.write("\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except MailbotError as exc:
        print(f"mailbot: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
