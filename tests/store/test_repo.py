"""Conversations, stored messages, review items and the audit log."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from mailbot.store import AuditEntry, Conversation, Database, Message, NotFound, StoreError, repo

RAW = b"From: Anna <anna@example.fi>\r\nSubject: Aika\r\nMessage-ID: <a1@example.fi>\r\n\r\nHei!\r\n"
T = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def references(*values: str) -> Iterator[str]:
    yield from values


def test_a_reference_is_av_and_four_unambiguous_characters(db: Database) -> None:
    with db.transaction() as session:
        made = {repo.create_conversation(session, client_email="a@example.fi").reference for _ in range(30)}
    assert len(made) == 30
    assert all(re.fullmatch(r"AV-[2-9A-HJKMNP-TV-Z]{4}", r) for r in made)


def test_a_reference_taken_already_is_drawn_again(db: Database) -> None:
    draws = references("AV-7KQ3", "AV-7KQ3", "AV-7KQ4")
    with db.transaction() as session:
        first = repo.create_conversation(session, client_email="a@example.fi", make_reference=lambda: next(draws))
        second = repo.create_conversation(session, client_email="b@example.fi", make_reference=lambda: next(draws))
    assert (first.reference, second.reference) == ("AV-7KQ3", "AV-7KQ4")


def test_the_database_refuses_a_duplicate_reference(db: Database) -> None:
    with db.transaction() as session:
        repo.create_conversation(session, client_email="a@example.fi", make_reference=lambda: "AV-7KQ3")
    with pytest.raises(Exception, match="(?i)unique"), db.transaction() as session:
        session.add(Conversation(reference="AV-7KQ3", client_email="b@example.fi"))


def test_when_every_draw_collides_the_store_says_so(db: Database) -> None:
    with db.transaction() as session:
        repo.create_conversation(session, client_email="a@example.fi", make_reference=lambda: "AV-7KQ3")
        with pytest.raises(StoreError, match="no free conversation reference"):
            repo.create_conversation(session, client_email="b@example.fi", make_reference=lambda: "AV-7KQ3")


def test_a_conversation_is_found_by_its_reference_however_written(db: Database) -> None:
    with db.transaction() as session:
        made = repo.create_conversation(session, client_email="a@example.fi", make_reference=lambda: "AV-7KQ3")
    with db.transaction() as session:
        assert repo.conversation_by_reference(session, " av-7kq3 ").id == made.id
        assert repo.conversation_by_reference(session, "AV-7KQ4") is None


def test_a_conversation_is_found_by_the_message_id_of_a_message_in_or_out(
    db: Database, conversation: Conversation
) -> None:
    with db.transaction() as session:
        repo.store_inbound(session, RAW, uidvalidity=1, uid=10, message_id="<a1@example.fi>",
                           conversation_id=conversation.id)
        repo.queue_outbox(session, message_id="<r1@mailbot>", to_addr="anna@example.fi", raw=RAW,
                          conversation_id=conversation.id)
    with db.transaction() as session:
        assert repo.conversation_by_message_id(session, "<a1@example.fi>").id == conversation.id
        assert repo.conversation_by_message_id(session, "<r1@mailbot>").id == conversation.id
        assert repo.conversation_by_message_id(session, "<other@example.fi>") is None


def test_storing_an_inbound_message_is_idempotent_on_its_uid(db: Database) -> None:
    with db.transaction() as session:
        first, new = repo.store_inbound(session, RAW, uidvalidity=7, uid=10, message_id="<a1@example.fi>",
                                        sender="anna@example.fi", subject="Aika", received_at=T)
        assert new
    with db.transaction() as session:
        again, new = repo.store_inbound(session, RAW, uidvalidity=7, uid=10, message_id="<a1@example.fi>")
        assert (again.id, new) == (first.id, False)
        # The same UID in a new UIDVALIDITY is another message, unless its Message-ID says otherwise.
        other, new = repo.store_inbound(session, b"x", uidvalidity=8, uid=10, message_id="<b2@example.fi>")
        assert new and other.id != first.id
    with db.transaction() as session:
        assert session.get_one(Message, first.id).raw == RAW
        assert session.get_one(Message, first.id).received_at == T


def test_storing_an_inbound_message_is_idempotent_on_its_message_id(db: Database) -> None:
    with db.transaction() as session:
        first, _ = repo.store_inbound(session, RAW, uidvalidity=7, uid=10, message_id="<a1@example.fi>")
        copy, new = repo.store_inbound(session, RAW, uidvalidity=9, uid=3, message_id="<a1@example.fi>")
        assert (copy.id, new) == (first.id, False)
        # Without a Message-ID only the UID can tell.
        _, new_a = repo.store_inbound(session, b"a", uidvalidity=7, uid=11, message_id=None)
        _, new_b = repo.store_inbound(session, b"b", uidvalidity=7, uid=12, message_id=None)
        assert new_a and new_b
        assert session.scalar(select(func.count()).select_from(Message)) == 3


def test_two_messages_that_only_share_a_message_id_are_both_kept(db: Database) -> None:
    """Two senders, or broken ids that collapse to one value: a Message-ID alone is no identity."""
    with db.transaction() as session:
        first, _ = repo.store_inbound(session, RAW, uidvalidity=7, uid=10, message_id="<same@x>", sender="a@x.fi")
        second, new = repo.store_inbound(session, RAW + b"other", uidvalidity=7, uid=11, message_id="<same@x>",
                                         sender="b@y.fi")
        assert new and second.id != first.id
        # its body purged after the retention time, a copy is known by the same sender
        first.raw = None
        copy, new = repo.store_inbound(session, RAW, uidvalidity=8, uid=1, message_id="<same@x>", sender="a@x.fi")
        assert (copy.id, new) == (first.id, False)


def test_the_database_refuses_a_second_row_for_one_uid(db: Database) -> None:
    with db.transaction() as session:
        repo.store_inbound(session, RAW, uidvalidity=7, uid=10, message_id=None)
    with pytest.raises(Exception, match="(?i)unique"), db.transaction() as session:
        session.add(Message(direction="in", uidvalidity=7, uid=10, raw=b"", received_at=T))


def test_unprocessed_messages_are_the_work_left_after_a_crash(db: Database) -> None:
    with db.transaction() as session:
        done, _ = repo.store_inbound(session, RAW, uidvalidity=7, uid=1, message_id="<1@x>")
        waiting, _ = repo.store_inbound(session, RAW, uidvalidity=7, uid=2, message_id="<2@x>")
        repo.mark_processed(session, done.id, at=T)
    with db.transaction() as session:
        assert [m.id for m in repo.unprocessed_inbound(session)] == [waiting.id]
        processed = session.get_one(Message, done.id)
        assert (processed.state, processed.processed_at) == ("processed", T)
        with pytest.raises(NotFound):
            repo.mark_processed(session, 999)


def test_review_items_open_once_list_oldest_first_and_resolve(db: Database, conversation: Conversation) -> None:
    with db.transaction() as session:
        message, _ = repo.store_inbound(session, RAW, uidvalidity=7, uid=1, message_id="<1@x>")
        later = repo.open_review_item(session, "angry", conversation_id=conversation.id, now=T.replace(hour=9))
        first = repo.open_review_item(session, "not understood", conversation_id=conversation.id,
                                      message_id=message.id, now=T)
        again = repo.open_review_item(session, "not understood", message_id=message.id)
        assert again.id == first.id
    with db.transaction() as session:
        assert [i.id for i in repo.open_review_items(session)] == [first.id, later.id]
        resolved = repo.resolve_review_item(session, first.id, by="staff1", at=T)
        assert (resolved.state, resolved.resolved_by, resolved.resolved_at) == ("done", "staff1", T)
        assert [i.id for i in repo.open_review_items(session)] == [later.id]
        with pytest.raises(NotFound):
            repo.resolve_review_item(session, 999, by="staff1")


def test_an_audit_entry_keeps_its_detail(db: Database, conversation: Conversation) -> None:
    detail = {"hold": 3, "note": "asiakas valitsi vaihtoehdon 2", "times": ["2026-11-23T07:00:00Z"]}
    with db.transaction() as session:
        repo.audit(session, "mailbot", "booking.confirmed", conversation_id=conversation.id, detail=detail, at=T)
        repo.audit(session, "staff1", "login")
    with db.transaction() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [(e.actor, e.action, e.conversation_id, e.detail) for e in entries] == [
        ("mailbot", "booking.confirmed", conversation.id, detail), ("staff1", "login", None, None)]
    assert entries[0].at == T
