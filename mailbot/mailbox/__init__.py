"""Reading the booking mailbox: one module per backend, chosen by configuration (see ``base.py``).

``open_mailbox`` builds the IMAP backend (``imap``) from the ``[mailbox]`` settings. The backend
module, and imapclient with it, is imported only when a mailbox is opened, so that commands which
never read mail (``mailbot parse``) do not load it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mailbot.mailbox.base import Fetched, Mailbox, MailboxError

if TYPE_CHECKING:
    from mailbot.config import MailboxSettings

__all__ = ["Fetched", "Mailbox", "MailboxError", "open_mailbox"]


def open_mailbox(settings: MailboxSettings, env: Mapping[str, str], *,
                 processed_folder: str | None = None) -> Mailbox:
    """The mailbox the settings describe, not yet connected.

    The password is ``env[settings.password_env]``; a missing variable is a MailboxError naming it.
    With ``processed_folder`` processed mail is moved there (created when missing) instead of
    being marked with a keyword in ``settings.folder``.
    """
    if settings.password_env not in env:
        raise MailboxError(f"[mailbox] the environment variable {settings.password_env} (password_env) "
                           f"is not set: it must hold the IMAP password of {settings.username}")
    from mailbot.mailbox.imap import ImapMailbox

    return ImapMailbox(settings.host, settings.port, settings.security, settings.username,
                       env[settings.password_env], folder=settings.folder, processed_folder=processed_folder,
                       poll_seconds=settings.poll_seconds)
