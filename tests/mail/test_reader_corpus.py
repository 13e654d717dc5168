"""The shared corpus of real-style messages: every one reads, and the traps its notes name hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.mail import InboundMessage, MachineKind, read_message

CORPUS = Path("/work/shared/corpus")
FILES = sorted(CORPUS.glob("*.eml")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")


def _read(number: str) -> InboundMessage:
    path = CORPUS / f"{number}.eml"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return read_message(path.read_bytes())


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_message_reads(path: Path) -> None:
    msg = read_message(path.read_bytes())
    assert msg.subject
    assert msg.own_text.strip()
    assert msg.defects == ()


# (message, text that must be in own_text, texts that must not be)
OWN_TEXT = [
    ("001", "tiistaisin iltapäivällä", ["Asiakaspalvelu ma–pe 8–16", "Teollisuuskatu"]),
    ("002", "Keskiviikkoisin klo 12–14", ["tiiminvetäjä", "044 512 8870"]),
    ("003", "Aamupäivisin pääsen parhaiten.", ["Lähetetty iPhonesta"]),
    ("006", "Tapaamiset voisivat olla etänä.", ["HR-asiantuntija\n"]),  # format=flowed joined
    ("007", "välitän alla olevan viestin", ["joulukuun alussa", "Lähetetty: torstai", "kehityspäällikkö"]),
    ("009", "Joulukuun puolivälissä iltapäivällä", ["ma–pe 10–18", "tiistaisin ja torstaisin klo 9–11"]),
    ("010", "valimo-osaston työyhteisö (10 henkilöä)", ["tuotantopäällikkö"]),  # ISO-8859-1 QP
    ("012", "Meille sopisi ensi viikolla ma–ke.", ["font-family", "luottamuksellista", "Mannerheimintie"]),
    ("013", "mahdollisimman pian", ["Hanki Outlook", "työnjohtaja"]),
    ("015", "yksilötyönohjausaika etänä?", []),
    ("019", "Ensi kuussa keskiviikkoisin lounasaikaan", ["14.5.2026", "Aino Virtanen", "Alkuperäinen"]),
    ("021", "klo 25", ["Samsung"]),
    ("026", "Måndagar passar inte alls.", ["Öppet tis–lör"]),
    ("029", "Any time after 12 works.", ["Mon–Fri 8:00–16:00"]),
    ("031", "Vaihtoehto 2 sopii", ["26.11.", "vaihtoehto 2\")", "Hämeenkatu"]),
    ("032", "Torstai sopii mulle hyvin!", ["3.12.2026", "kirjoitti", "Tampereen"]),
    ("033", "Kakkonen sopii!", ["ke 2.12.", "Lähetetty iPhonesta", "\ufeff"]),
    ("034", "klo 14 käy minulle hyvin.", ["luottamuksellista", "Lähettäjä", "050 331 9082"]),
    ("036", "Kumpi tahansa käy meille.", ["Helsingin", "Outlook for iOS"]),
    ("037", "Nr 3 passar bra för mig.", ["alternativ 2", "Från:"]),
    ("038", "The first one works for me.", ["option 2", "wrote"]),
    ("039", "Tisdag passar mig bäst.", ["tis 8.12.", "skrev"]),
    ("040", "Thursday at 2 pm works for me", ["Thu 10 Dec", "From:"]),
    ("041", "tiistaina tai keskiviikkona iltapäivällä", ["pe 27.11."]),
    ("043", "Jag kan inte på fredagar", ["fre 4.12.", "Avdelningsskötare"]),
    ("045", "perumaan torstain 10.12.", ["torstai 10.12.2026 klo"]),
    ("046", "peruutan ajan 8.12 klo 9 en pääse", ["Tampereen toimipiste", "Alkuperäinen"]),
    ("047", "Tuleeko tästä peruutusmaksu", ["tiistai 19.1.2027"]),
    ("050", "joulukuun puoliväliin", ["keskiviikko 2.12.2026", "Alkuperäinen"]),
    ("060", "quick call next Tuesday", ["Growth Manager"]),
]


@pytest.mark.parametrize(("number", "present", "absent"), OWN_TEXT, ids=[row[0] for row in OWN_TEXT])
def test_own_text(number: str, present: str, absent: list[str]) -> None:
    msg = _read(number)
    assert present in msg.own_text
    for text in absent:
        assert text not in msg.own_text


def test_007_is_a_forward_of_hennas_request() -> None:
    msg = _read("007")
    assert msg.is_forward
    forward = msg.quoted[0]
    assert forward.kind == "forward"
    assert "joulukuun alussa" in forward.text
    assert forward.author is not None and forward.author.addr == "henna.koskinen@lakeudenenergia.fi"


@pytest.mark.parametrize("number", ["019", *[f"0{n}" for n in range(31, 51)]])
def test_replies_quote_our_own_mail(number: str) -> None:
    msg = _read(number)
    assert msg.quoted
    assert msg.quoted[0].kind == "reply"
    assert msg.quoted[0].author is not None and msg.quoted[0].author.addr == "ajanvaraus@example.fi"


@pytest.mark.parametrize(
    ("number", "kind"),
    [("054", MachineKind.AUTO_REPLY), ("055", MachineKind.AUTO_REPLY), ("056", None), ("057", MachineKind.BOUNCE),
     ("058", MachineKind.RECEIPT), ("059", MachineKind.BULK), ("060", None), ("031", None)],
)
def test_machine_kinds(number: str, kind: MachineKind | None) -> None:
    assert _read(number).machine is kind


def test_057_bounce_text_is_the_machines_not_our_proposal() -> None:
    msg = _read("057")
    assert msg.machine_text.startswith("This is the mail system")
    assert msg.own_text == msg.machine_text
    assert "vaihtoehto" not in msg.own_text
    assert msg.quoted[0].author is not None and msg.quoted[0].author.addr == "ajanvaraus@example.fi"


def test_058_receipt_text() -> None:
    msg = _read("058")
    assert "luettiin perjantai" in msg.machine_text
    assert msg.quoted == ()
