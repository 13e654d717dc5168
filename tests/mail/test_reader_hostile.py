"""Addresses no header of ours is ever built from unchecked: injected line breaks, encoded words in an
address, raw 8-bit; and senders that say no person reads their mail."""

from __future__ import annotations

import base64

import pytest

from mailbot.mail.message import MachineKind
from mailbot.mail.reader import read_message


def _from(value: str) -> bytes:
    return f"From: {value}\r\nTo: ajanvaraus@example.fi\r\nSubject: x\r\nMessage-ID: <a@b>\r\n\r\nhei\r\n".encode()


def test_a_line_break_hidden_in_an_encoded_display_name_is_removed() -> None:
    hidden = base64.b64encode(b"Evil\r\nBcc: victim@example.fi").decode()
    sender = read_message(_from(f"=?utf-8?b?{hidden}?= <evil@example.com>")).sender
    assert sender is not None and sender.addr == "evil@example.com"
    assert "\n" not in sender.name and "\r" not in sender.name


@pytest.mark.parametrize("value", [
    '"Laura" <=?utf-8?q?laura=0D=0ABcc=3A_x=40y.fi?=@client.example>',  # an encoded word is no address
    "Laura <laura@client example>", "Laura <@client.example>", "<laura@localhost>",
])
def test_an_address_we_could_not_write_to_is_no_address(value: str) -> None:
    sender = read_message(_from(value)).sender
    assert sender is None or sender.addr == ""


def test_an_eight_bit_address_is_read_as_utf8() -> None:
    raw = "From: Matti <matti@työ.fi>\r\nTo: a@b.fi\r\nSubject: x\r\n\r\nhei\r\n".encode()
    assert read_message(raw).sender.addr == "matti@työ.fi"  # type: ignore[union-attr]


@pytest.mark.parametrize("addr", ["noreply@bank.example", "no-reply@x.fi", "donotreply@x.fi", "do-not-reply@x.fi",
                                  "no_reply+abc@x.fi", "notifications@github.example"])
def test_mail_from_a_noreply_address_is_machine_mail(addr: str) -> None:
    assert read_message(_from(f"Bank <{addr}>")).machine is MachineKind.BULK


def test_a_person_whose_name_starts_like_a_machine_is_read() -> None:
    assert read_message(_from("Noora <noora.replyman@x.fi>")).machine is None
