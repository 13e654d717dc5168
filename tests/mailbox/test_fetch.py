"""Fetching unprocessed mail and marking it processed, against a real Dovecot."""

from __future__ import annotations

from imapclient import DELETED, FLAGGED, SEEN

from mailbot.mailbox.imap import ImapMailbox
from mailbot.mailbox.marking import KEYWORD, Marker, MoveMarker
from tests.mailbox.conftest import Account, MailboxFactory, message


def flags(account: Account, uid: int, folder: str = "INBOX") -> tuple[bytes, ...]:
    with account.server.client(account.user) as client:
        client.select_folder(folder, readonly=True)
        return tuple(client.get_flags([uid]).get(uid, ()))


def test_unprocessed_returns_every_message_oldest_first_with_its_exact_bytes(account: Account,
                                                                            make_mailbox: MailboxFactory) -> None:
    raws = [message(n) for n in range(3)]
    uids = [account.deliver(raw) for raw in raws]
    mailbox = make_mailbox(account)
    mailbox.connect()

    fetched = mailbox.unprocessed()

    assert [f.uid for f in fetched] == uids == sorted(uids)
    assert [f.raw for f in fetched] == raws
    assert len({f.uidvalidity for f in fetched}) == 1 and fetched[0].uidvalidity > 0


def test_limit_takes_the_oldest(account: Account, make_mailbox: MailboxFactory) -> None:
    uids = [account.deliver(message(n)) for n in range(4)]

    assert [f.uid for f in make_mailbox(account).unprocessed(limit=2)] == uids[:2]


def test_an_empty_folder_has_nothing_unprocessed(account: Account, make_mailbox: MailboxFactory) -> None:
    assert make_mailbox(account).unprocessed() == []


def test_reading_does_not_mark_a_message_seen(account: Account, make_mailbox: MailboxFactory) -> None:
    uid = account.deliver(message(1))

    make_mailbox(account).unprocessed()

    assert SEEN not in flags(account, uid)


def test_processed_mail_is_not_returned_again_in_this_or_a_new_connection(account: Account,
                                                                         make_mailbox: MailboxFactory) -> None:
    for n in range(3):
        account.deliver(message(n))
    mailbox = make_mailbox(account)
    first, *rest = mailbox.unprocessed()

    mailbox.mark_processed(first)

    assert mailbox.unprocessed() == rest
    assert make_mailbox(account).unprocessed() == rest  # the mark is kept by the server
    assert set(flags(account, first.uid)) >= {SEEN, KEYWORD}


def test_marking_twice_is_harmless(account: Account, make_mailbox: MailboxFactory) -> None:
    account.deliver(message(1))
    mailbox = make_mailbox(account)
    [fetched] = mailbox.unprocessed()

    mailbox.mark_processed(fetched)
    mailbox.mark_processed(fetched)
    make_mailbox(account).mark_processed(fetched)

    assert mailbox.unprocessed() == []


def test_mail_a_person_deleted_is_not_unprocessed(account: Account, make_mailbox: MailboxFactory) -> None:
    kept = account.deliver(message(1))
    account.server.deliver(account.user, message(2), flags=(DELETED,))

    assert [f.uid for f in make_mailbox(account).unprocessed()] == [kept]


def test_processed_mail_can_be_moved_to_a_folder_that_is_created_when_missing(account: Account,
                                                                             make_mailbox: MailboxFactory) -> None:
    raws = [message(n) for n in range(2)]
    for raw in raws:
        account.deliver(raw)
    mailbox = make_mailbox(account, processed_folder="Käsitellyt")
    first, second = mailbox.unprocessed()

    mailbox.mark_processed(first)
    mailbox.mark_processed(first)  # already moved: nothing happens

    assert mailbox.unprocessed() == [second]
    assert make_mailbox(account, processed_folder="Käsitellyt").unprocessed() == [second]
    with account.server.client(account.user) as client:
        client.select_folder("Käsitellyt", readonly=True)
        [moved] = client.search("ALL")
        answer = client.fetch([moved], ["BODY.PEEK[]", "FLAGS"])[moved]
    assert answer[b"BODY[]"] == raws[0] and SEEN in answer[b"FLAGS"]
    assert "moved to Käsitellyt" in mailbox.check()


def test_without_move_processed_mail_is_copied_and_expunged(dovecot_plain, make_mailbox: MailboxFactory) -> None:
    from tests.mailbox.conftest import new_account

    account = new_account(dovecot_plain)
    for n in range(2):
        account.deliver(message(n))
    mailbox = make_mailbox(account, processed_folder="Done")
    first, second = mailbox.unprocessed()

    mailbox.mark_processed(first)
    mailbox.mark_processed(first)

    assert mailbox.unprocessed() == [second]
    with account.server.client(account.user) as client:
        assert client.select_folder("Done")[b"EXISTS"] == 1
        assert client.select_folder("INBOX")[b"EXISTS"] == 1  # expunged, not just \Deleted


class FlagsOnly(ImapMailbox):
    """A server that allows no custom keywords (PERMANENTFLAGS without \\*), as Microsoft 365."""

    def _choose_marker(self, permanent_flags: tuple[bytes, ...]) -> Marker:
        return super()._choose_marker(tuple(f for f in permanent_flags if f != b"\\*"))


def test_without_keywords_seen_and_flagged_together_mean_processed(account: Account,
                                                                   make_mailbox: MailboxFactory) -> None:
    read_by_a_person = account.deliver(message(1))
    flagged_by_a_person = account.deliver(message(2))
    with account.server.client(account.user) as client:
        client.select_folder("INBOX")
        client.add_flags([read_by_a_person], [SEEN])
        client.add_flags([flagged_by_a_person], [FLAGGED])
    mailbox = make_mailbox(account, cls=FlagsOnly)
    first, second = mailbox.unprocessed()  # a person's flag alone hides nothing

    mailbox.mark_processed(first)

    assert mailbox.unprocessed() == [second]
    assert set(flags(account, first.uid)) >= {SEEN, FLAGGED}
    assert KEYWORD not in flags(account, first.uid)
    assert "\\Seen and \\Flagged" in mailbox.check()


def test_a_20_mb_message_is_fetched_whole(account: Account, make_mailbox: MailboxFactory) -> None:
    line = b"".join(bytes([65 + i % 26]) for i in range(76)) + b"\r\n"
    raw = message(1, body=line * (20 * 1024 * 1024 // len(line)))
    account.deliver(raw)

    [fetched] = make_mailbox(account).unprocessed()

    assert len(fetched.raw) == len(raw) > 20_000_000
    assert fetched.raw == raw


BROKEN = (b"From: =?utf-8?B?broken?= <x@example.com>\r\n"
          b"Subject: \xff\xfe not UTF-8 \xe4\r\n"
          b"Message-ID: <broken@example.com>\r\n"
          b"MIME-Version: 1.0\r\n"
          b"Content-Type: multipart/mixed; boundary=\"never-closed\"\r\n"
          b"\r\n"
          b"--never-closed\r\n"
          b"Content-Type: text/plain; charset=does-not-exist\r\n"
          b"Content-Transfer-Encoding: base64\r\n"
          b"\r\n"
          b"this is ### not base64 \xe4\xf6\r\n"
          b"--never-closed\r\n"
          b"Content-Type: text/html\r\n"
          b"\r\n"
          b"<p>unterminated <b>part\r\n")


def test_a_message_with_broken_mime_is_fetched_unchanged(account: Account, make_mailbox: MailboxFactory) -> None:
    account.deliver(BROKEN)

    [fetched] = make_mailbox(account).unprocessed()

    assert fetched.raw == BROKEN


def test_check_describes_the_mailbox_in_one_line(account: Account, make_mailbox: MailboxFactory) -> None:
    for n in range(2):
        account.deliver(message(n))
    mailbox = make_mailbox(account)

    line = mailbox.check()

    assert line == (f"{account.user} on 127.0.0.1:{account.server.port} (none), INBOX: 2 messages, IDLE, "
                    "processed mail marked $MailbotProcessed")
    assert "\n" not in line


def test_fetched_never_shows_its_bytes_in_logs() -> None:
    from mailbot.mailbox import Fetched

    assert repr(Fetched(7, 3, b"Subject: secret\r\n")) == "Fetched(uidvalidity=7, uid=3, 17 bytes)"


def test_the_marker_follows_permanentflags_and_the_processed_folder() -> None:
    from mailbot.mailbox.marking import FlagsMarker, KeywordMarker, choose_marker

    assert isinstance(choose_marker((b"\\Seen", b"\\*"), None), KeywordMarker)
    assert isinstance(choose_marker((b"\\Seen", b"$mailbotprocessed"), None), KeywordMarker)
    assert isinstance(choose_marker((b"\\Seen", b"\\Flagged"), None), FlagsMarker)
    assert isinstance(choose_marker((), None), FlagsMarker)
    assert choose_marker((b"\\*",), "Done") == MoveMarker("Done")
