"""The few exception types mailbot raises for errors a user or a message can cause.

Each carries a message written for a human; ``cli.py`` turns them into one line on stderr.
"""

from __future__ import annotations


class MailbotError(Exception):
    """Root of every error mailbot raises on purpose."""

    exit_status = 1


class UsageError(MailbotError):
    """Raised when the command line or an input file named on it cannot be used."""

    exit_status = 2


class ConfigError(MailbotError):
    """Raised when config.toml is missing, malformed or names something that does not exist."""

    exit_status = 2


class MailError(MailbotError):
    """Raised when bytes cannot be read as an e-mail message at all."""

    exit_status = 2
