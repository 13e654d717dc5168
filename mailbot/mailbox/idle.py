"""Waiting for new mail with IMAP IDLE (RFC 2177) on a connection whose folder is selected."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence

from imapclient import IMAPClient

log = logging.getLogger(__name__)

# RFC 2177: servers may log a client out after 30 minutes of IDLE, so it is renewed before that.
REISSUE_SECONDS = 25 * 60


def idle_for_mail(client: IMAPClient, timeout: float, *, clock: Callable[[], float],
                  reissue_seconds: float = REISSUE_SECONDS) -> bool:
    """True as soon as the server reports new mail (EXISTS, RECENT), False after ``timeout`` seconds.

    A lost connection raises what imapclient raises (OSError, IMAP4.abort): ending IDLE with DONE
    is what notices it, because ``idle_check`` returns nothing both on a quiet timeout and when
    the server closed the socket.
    """
    deadline = clock() + timeout
    while clock() < deadline:
        client.idle()
        try:
            news = _until_news(client, min(deadline, clock() + reissue_seconds), clock)
        except BaseException:
            # Interrupted (a signal, Ctrl-C): leave IDLE so that the connection can still log out.
            with contextlib.suppress(Exception):
                client.idle_done()
            raise
        _text, responses = client.idle_done()
        if news or has_news(responses):
            return True
    return False


def _until_news(client: IMAPClient, until: float, clock: Callable[[], float]) -> bool:
    while (left := until - clock()) > 0:
        asked = clock()
        responses = client.idle_check(timeout=left)
        if has_news(responses):
            return True
        if any(response[:1] == (b"BYE",) for response in responses):
            return False  # the server is closing: idle_done() will raise and the caller reconnects
        if not responses and clock() - asked < left / 2:
            # Woken early with nothing to read: most likely the socket reached EOF. idle_done()
            # tells (it fails on a dead connection); on a live one IDLE just starts again.
            return False
    return False


def has_news(responses: Sequence[tuple[object, ...]]) -> bool:
    """Whether untagged responses announce new mail: ``* n EXISTS`` or ``* n RECENT`` with n > 0."""
    for response in responses:
        match response:
            case (int(), b"EXISTS", *_):
                return True
            case (int(count), b"RECENT", *_) if count > 0:
                return True
    return False
