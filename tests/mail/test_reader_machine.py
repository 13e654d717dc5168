"""Machine-written mail told by its headers and MIME structure."""

from __future__ import annotations

from pathlib import Path

import pytest
from emlkit import HEAD, eml, multipart

from mailbot.mail import Address, MachineKind, read_message

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("extra", "subject", "kind"),
    [
        ("Auto-Submitted: auto-replied\n", "Re: Työnohjausaika", MachineKind.AUTO_REPLY),
        ("Auto-Submitted: auto-generated\n", "Työnohjausaika", MachineKind.AUTO_REPLY),
        ("Auto-Submitted: auto-notified; owner-email=x@example.com\n", "x", MachineKind.AUTO_REPLY),
        ("X-Autoreply: yes\n", "Re: x", MachineKind.AUTO_REPLY),
        ("X-Autorespond: Out of office\n", "Re: x", MachineKind.AUTO_REPLY),
        ("X-Auto-Response-Suppress: All\n", "Re: x", MachineKind.AUTO_REPLY),
        ("X-Auto-Response-Suppress: OOF, AutoReply\n", "Re: x", MachineKind.AUTO_REPLY),
        ("X-MS-Exchange-Inbox-Rules-Loop: maija@example.com\n", "Re: x", MachineKind.AUTO_REPLY),
        ("X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent\n", "Re: x", MachineKind.AUTO_REPLY),
        ("", "Automaattinen vastaus: Työnohjausaika", MachineKind.AUTO_REPLY),
        ("", "Poissaolo: lomalla", MachineKind.AUTO_REPLY),
        ("", "Autosvar: Handledningstid", MachineKind.AUTO_REPLY),
        ("", "Automatiskt svar: Handledningstid", MachineKind.AUTO_REPLY),
        ("", "Automatic reply: Supervision", MachineKind.AUTO_REPLY),
        ("", "Auto-Reply: Supervision", MachineKind.AUTO_REPLY),
        ("", "Out of Office: Supervision", MachineKind.AUTO_REPLY),
        ("", "Luettu: Työnohjausaika", MachineKind.RECEIPT),
        ("", "Läst: Handledningstid", MachineKind.RECEIPT),
        ("", "Read: Supervision appointment", MachineKind.RECEIPT),
        ("List-Id: Uutiset <uutiset.example.com>\n", "Joulukuun uutiskirje", MachineKind.BULK),
        ("List-Unsubscribe: <mailto:u@example.com>\n", "Uutiskirje", MachineKind.BULK),
        ("Precedence: bulk\n", "Tarjous", MachineKind.BULK),
        ("Precedence: list\n", "Keskustelu", MachineKind.BULK),
        ("Precedence: junk\n", "Tarjous", MachineKind.BULK),
        ("Auto-Submitted: auto-replied\nPrecedence: bulk\n", "Re: x", MachineKind.AUTO_REPLY),
        ("Auto-Submitted: no\n", "Re: x", None),
        ("Precedence: normal\n", "Re: x", None),
        ("", "Poissaolo ensi viikolla", None),  # a person's own subject, no colon
        ("", "Re: Työnohjausaika", None),
    ],
)
def test_machine_kind_from_headers(extra: str, subject: str, kind: MachineKind | None) -> None:
    msg = read_message(eml("Olen lomalla 14.12. asti.", subject=subject, extra=extra))
    assert msg.machine is kind
    # only bounces and receipts carry the machine's own text; a receipt by subject is all that text
    assert msg.machine_text == (msg.body_text if kind is MachineKind.RECEIPT else "")
    assert msg.own_text == "Olen lomalla 14.12. asti."


def test_out_of_office_without_headers_is_left_to_the_text_reader() -> None:
    msg = read_message(eml("I am out of the office until 11 December.", subject="Re: Supervision"))
    assert msg.machine is None


def test_bounce_report_with_returned_original() -> None:
    msg = read_message((DATA / "bounce.eml").read_bytes())
    assert msg.machine is MachineKind.BOUNCE
    assert msg.machine_text.startswith("This is the mail system at host mail.example.fi.")
    assert "User unknown" in msg.machine_text
    assert msg.own_text == msg.machine_text
    assert "vaihtoehto" not in msg.own_text
    assert msg.signature == ""
    assert len(msg.quoted) == 1
    original = msg.quoted[0]
    assert original.kind == "reply"
    assert original.author == Address("Ajanvaraus", "ajanvaraus@example.fi")
    assert "1) ma 30.11.2026 klo 10.00–11.00" in original.text
    assert "Subject: Työnohjausaika [AV-C2LU]" in original.header


def test_bounce_with_only_the_returned_headers() -> None:
    report = (
        ("Content-Type: text/plain; charset=us-ascii", "Delivery to the following recipient failed: x@example.com"),
        ("Content-Type: message/delivery-status", "Reporting-MTA: dns; mx.example.com\n\nAction: failed\n"),
        ("Content-Type: text/rfc822-headers",
         "From: Ajanvaraus <ajanvaraus@example.fi>\nTo: x@example.com\nSubject: Aika\n"),
    )
    head = HEAD.replace("Maija Salonen <maija.salonen@example.com>", "postmaster@example.com")
    raw = multipart(list(report), subtype="report", params='; report-type="delivery-status"', head=head,
                    subject="Undeliverable: Aika")
    msg = read_message(raw)
    assert msg.machine is MachineKind.BOUNCE
    assert msg.own_text == "Delivery to the following recipient failed: x@example.com"
    assert msg.quoted[0].author == Address("Ajanvaraus", "ajanvaraus@example.fi")
    assert msg.quoted[0].text == ""


@pytest.mark.parametrize(
    ("sender", "return_path"),
    [("MAILER-DAEMON@mx.example.com", ""), ("postmaster@example.com", ""), ("Mail <mail@example.com>", "<>")],
)
def test_bounce_without_report_type(sender: str, return_path: str) -> None:
    head = HEAD.replace("Maija Salonen <maija.salonen@example.com>", sender)
    if return_path:
        head = f"Return-Path: {return_path}\n{head}"
    raw = multipart(
        [("Content-Type: text/plain", "Mail delivery failed."),
         ("Content-Type: message/delivery-status", "Action: failed\n")],
        subtype="mixed", head=head, subject="Mail delivery failed",
    )
    msg = read_message(raw)
    assert msg.machine is MachineKind.BOUNCE
    assert msg.machine_text == "Mail delivery failed."


def test_read_receipt_report() -> None:
    msg = read_message((DATA / "receipt.eml").read_bytes())
    assert msg.machine is MachineKind.RECEIPT
    assert msg.machine_text.startswith("Viestisi")
    assert "luettiin perjantai" in msg.machine_text
    assert msg.own_text == msg.machine_text
    assert msg.quoted == ()  # its "Vastaanottaja:/Aihe:/Lähetetty:" lines are no quote header
