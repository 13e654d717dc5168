"""How "processed" is written on the IMAP server, so that it survives restarts and other processes.

Three ways, chosen once per connection by ``choose_marker``:

- ``MoveMarker``: when a processed folder is configured, processed mail is marked \\Seen and moved
  there (MOVE, or COPY + \\Deleted + EXPUNGE where the server lacks MOVE); every message left in
  the folder is unprocessed. Staff see exactly what still waits.
- ``KeywordMarker``: otherwise the custom keyword ``$MailbotProcessed`` plus \\Seen, so staff's mail
  programs show the message as read. No person or program sets that keyword by accident.
- ``FlagsMarker``: for servers that allow no custom keywords (PERMANENTFLAGS without ``\\*``, e.g.
  Microsoft 365) and no processed folder: \\Seen *and* \\Flagged together mean processed. Either
  flag alone is set by people (opening a message marks it \\Seen), and a request a person opened
  before the service saw it must not be skipped; a person must both read and flag it for that.
  The flags show in staff's mail programs, so configuring a processed folder is the better choice
  on such servers; ``check()`` names the marker in use.

In every case \\Deleted messages (deleted by a person, or copied before a crash) are not unprocessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from imapclient import DELETED, FLAGGED, SEEN, IMAPClient

KEYWORD = b"$MailbotProcessed"


class Marker:
    """Searches for unprocessed mail in the selected folder and marks one message processed."""

    criteria: list[object]

    def mark(self, client: IMAPClient, uid: int) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


class KeywordMarker(Marker):
    criteria = ["NOT", "KEYWORD", KEYWORD, "NOT", "DELETED"]

    def mark(self, client: IMAPClient, uid: int) -> None:
        client.add_flags([uid], [SEEN, KEYWORD], silent=True)

    def describe(self) -> str:
        return f"processed mail marked {KEYWORD.decode()}"


class FlagsMarker(Marker):
    criteria = ["OR", "UNSEEN", "UNFLAGGED", "NOT", "DELETED"]

    def mark(self, client: IMAPClient, uid: int) -> None:
        client.add_flags([uid], [SEEN, FLAGGED], silent=True)

    def describe(self) -> str:
        return "processed mail marked \\Seen and \\Flagged (the server allows no keywords)"


@dataclass
class MoveMarker(Marker):
    folder: str
    criteria = ["NOT", "DELETED"]

    def mark(self, client: IMAPClient, uid: int) -> None:
        # \Seen first: the message then arrives in the processed folder already read.
        client.add_flags([uid], [SEEN], silent=True)
        if client.has_capability("MOVE"):
            client.move([uid], self.folder)
            return
        # A crash between COPY and EXPUNGE leaves a \Deleted original (skipped by the search) or a
        # second copy in the processed folder: both harmless, a lost message would not be.
        client.copy([uid], self.folder)
        client.add_flags([uid], [DELETED], silent=True)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge([uid])
        else:
            client.expunge()  # also removes what people marked \Deleted, as their own client would

    def describe(self) -> str:
        return f"processed mail moved to {self.folder}"


def choose_marker(permanent_flags: Sequence[bytes], processed_folder: str | None) -> Marker:
    """The marker for a folder whose SELECT answered ``permanent_flags`` (PERMANENTFLAGS)."""
    if processed_folder is not None:
        return MoveMarker(processed_folder)
    flags = {flag.lower() for flag in permanent_flags}
    if b"\\*" in flags or KEYWORD.lower() in flags:
        return KeywordMarker()
    return FlagsMarker()
