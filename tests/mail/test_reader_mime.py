"""Decoding: headers, charsets, transfer encodings, HTML, format=flowed, attachments, broken MIME."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone

import pytest
from emlkit import HEAD, eml, multipart

from mailbot.errors import MailError
from mailbot.mail import Address, Attachment, read_message

TEXT = "Hyvää päivää, työnohjausta – kiitos €"


def test_headers_addresses_and_thread_ids() -> None:
    head = (
        'From: "=?utf-8?q?H=C3=A4m=C3=A4l=C3=A4inen_Jari?=" <Jari.Hamalainen@Example.COM>\n'
        "To: Ajanvaraus <ajanvaraus+av-7kq3@example.fi>, =?iso-8859-1?q?P=E4ivi?= <paivi@example.com>\n"
        "Cc: undisclosed-recipients:;, tiimi@example.com\n"
        "Reply-To: Jari <jari@example.com>\n"
        "Date: Wed, 25 Nov 2026 08:31:00 +0200\n"
        "Message-ID:  <abc@example.com>\n"
        "In-Reply-To: <mailbot.av-7kq3.p.1@example.fi>\n"
        "References: <r1@example.fi>\n <mailbot.av-7kq3.p.1@example.fi>\n"
        "X-Custom: one\nX-Custom: two\n"
    )
    msg = read_message(eml("Hei", head=head, subject="=?utf-8?b?VHnDtm5vaGphdXM=?= [AV-7KQ3]"))
    assert msg.subject == "Työnohjaus [AV-7KQ3]"
    assert msg.sender == Address("Hämäläinen Jari", "jari.hamalainen@example.com")
    assert msg.reply_to == Address("Jari", "jari@example.com")
    assert Address("Päivi", "paivi@example.com") in msg.recipients
    assert Address("", "tiimi@example.com") in msg.recipients
    assert msg.recipients[0].addr == "ajanvaraus+av-7kq3@example.fi"
    assert msg.message_id == "<abc@example.com>"
    assert msg.in_reply_to == "<mailbot.av-7kq3.p.1@example.fi>"
    assert msg.references == ("<r1@example.fi>", "<mailbot.av-7kq3.p.1@example.fi>")
    assert msg.date == datetime(2026, 11, 25, 8, 31, tzinfo=timezone(timedelta(hours=2)))
    assert msg.headers["x-custom"] == "one\ntwo"
    assert msg.headers["subject"] == "Työnohjaus [AV-7KQ3]"
    assert msg.defects == ()


@pytest.mark.parametrize(
    ("charset", "encoding"),
    [
        ("utf-8", "8bit"),
        ("utf-8", "quoted-printable"),
        ("utf-8", "base64"),
        ("windows-1252", "quoted-printable"),
        ("windows-1252", "8bit"),
        ("iso-8859-15", "base64"),
    ],
)
def test_charsets_and_transfer_encodings(charset: str, encoding: str) -> None:
    text = TEXT if charset != "iso-8859-15" else TEXT.replace("–", "-")  # Latin-9 has no dash
    raw = eml(text, content_type=f'text/plain; charset="{charset}"', encoding=encoding, charset=charset)
    msg = read_message(raw)
    assert msg.body_text == text
    assert msg.defects == ()


def test_iso_8859_1_body_and_encoded_words() -> None:
    head = HEAD.replace("Maija Salonen", "=?ISO-8859-1?Q?Jari_H=E4m=E4l=E4inen?=")
    body = "Työyhteisö tarvitsisi työnohjausta."
    raw = eml(body, head=head, subject="=?ISO-8859-1?Q?Ty=F6yhteis=F6n_ty=F6nohjaus?=",
              content_type='text/plain; charset="iso-8859-1"', encoding="quoted-printable", charset="latin-1")
    msg = read_message(raw)
    assert msg.subject == "Työyhteisön työnohjaus"
    assert msg.sender is not None and msg.sender.name == "Jari Hämäläinen"
    assert msg.own_text == body


def test_iso_8859_1_label_on_windows_1252_text() -> None:
    # Outlook labels cp1252 (with its en dash in 0x96) as ISO-8859-1.
    raw = eml("klo 12\x9614".encode("latin-1"), content_type="text/plain; charset=iso-8859-1")
    assert read_message(raw).body_text == "klo 12–14"


@pytest.mark.parametrize(
    ("declared", "data", "expected", "defect"),
    [
        ("utf-8", "Hyvää päivää, sopisiko tiistai?".encode("cp1252"), "Hyvää päivää, sopisiko tiistai?", "not valid"),
        ("x-unknown-charset", "Hyvää päivää".encode(), "Hyvää päivää", "unknown charset"),
        ("us-ascii", "Hyvää päivää".encode(), "Hyvää päivää", None),
        ("iso-8859-1", "Hyvää päivää".encode("latin-1"), "Hyvää päivää", None),
    ],
)
def test_wrong_or_unknown_declared_charset(declared: str, data: bytes, expected: str, defect: str | None) -> None:
    msg = read_message(eml(data, content_type=f"text/plain; charset={declared}"))
    assert msg.body_text == expected
    if defect is None:
        assert msg.defects == ()
    else:
        assert any(defect in d for d in msg.defects)


def test_latin_1_bytes_that_windows_1252_leaves_undefined() -> None:
    raw = eml(b"Hyv\xe4\x81", content_type="text/plain; charset=iso-8859-1")
    msg = read_message(raw)
    assert msg.body_text == "Hyvä\x81"
    assert msg.defects == ()


def test_defects_of_inner_parts_are_reported() -> None:
    raw = multipart([
        ("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64", "SGVpLCBzb3BpaQ"),
        ("Content-Type: text/html; charset=utf-8", "<p>Hei</p>"),
    ])
    msg = read_message(raw)
    assert msg.body_text == "Hei, sopii"
    assert any("Base64" in d for d in msg.defects)


def test_raw_8bit_header_is_read_as_utf8() -> None:
    raw = eml("Hei").replace(b"Subject: Ty\xc3\xb6nohjaus", "Subject: Työnohjaus äkkiä".encode())
    assert read_message(raw).subject == "Työnohjaus äkkiä"


def test_crlf_bom_and_zero_width_characters() -> None:
    raw = eml("\ufeffHei,\r\n\r\nsopii\u200b hyvin\u00a0kiitos.\r\n").replace(b"\n", b"\r\n").replace(b"\r\r", b"\r")
    msg = read_message(raw)
    assert msg.body_text == "Hei,\n\nsopii hyvin kiitos."
    assert "\r" not in msg.own_text


@pytest.mark.parametrize(
    ("params", "body", "expected"),
    [
        ("format=flowed", "Tapaamiset voisivat olla \netänä.\n", "Tapaamiset voisivat olla etänä."),
        ("format=flowed; delsp=yes", "yksilötyönohjaus \naika\n", "yksilötyönohjausaika"),
        ("format=flowed", " From now on\n", "From now on"),  # space-stuffed line
        ("format=flowed", "> lainattu \n> rivi\nOma \nteksti\n", "> lainattu rivi\nOma teksti"),
        ("format=flowed", "Terveisin\n-- \nNimi\n", "Terveisin\n--\nNimi"),  # the separator does not flow
        ("", "Tapaamiset voisivat olla \netänä.\n", "Tapaamiset voisivat olla\netänä."),
    ],
)
def test_format_flowed(params: str, body: str, expected: str) -> None:
    msg = read_message(eml(body, content_type=f"text/plain; charset=utf-8; {params}".rstrip("; ")))
    assert msg.body_text == expected


HTML = """<!DOCTYPE html><html><head><title>Otsikko</title>
<style>body { font-family: Arial; } .sig td { color: #555; }</style>
<script>var tracking = 1;</script></head>
<body><p>Hei,</p><p>Meille sopisi <b>ensi viikolla ma&ndash;ke</b>&nbsp;iltapäivällä.</p>
<p>Ystävällisin terveisin</p><table class="sig"><tr><td>Katja Nurmi<br>puh. 010&nbsp;447&nbsp;2200</td></tr></table>
<p>Tämä viesti voi sisältää luottamuksellista tietoa. Jos olet saanut viestin erehdyksessä, poista se.</p>
</body></html>"""


def test_html_only_mail_is_converted_without_style_script_or_head() -> None:
    msg = read_message(eml(HTML, content_type='text/html; charset="utf-8"', encoding="quoted-printable"))
    assert "Meille sopisi ensi viikolla ma–ke iltapäivällä." in msg.body_text
    for noise in ("font-family", "tracking", "Otsikko", "&nbsp;", "&ndash;", "<"):
        assert noise not in msg.body_text
    assert msg.own_text == "Hei,\n\nMeille sopisi ensi viikolla ma–ke iltapäivällä."
    assert "Katja Nurmi" in msg.signature


@pytest.mark.parametrize(
    "html", ["<div>" * 3000 + "Tiistai sopii.", "<!-- only a comment -->Tiistai sopii.", "Tiistai sopii."]
)
def test_html_that_lxml_will_not_read(html: str) -> None:
    msg = read_message(eml(html, content_type="text/html; charset=utf-8"))
    assert msg.own_text == "Tiistai sopii."


def test_alternative_prefers_plain_text() -> None:
    raw = multipart([
        ("Content-Type: text/plain; charset=utf-8", "Plain version."),
        ("Content-Type: text/html; charset=utf-8", "<p>HTML version.</p>"),
    ])
    assert read_message(raw).body_text == "Plain version."


@pytest.mark.parametrize("plain", ["", "  \n\n  "])
def test_alternative_falls_back_to_html_when_plain_is_empty(plain: str) -> None:
    raw = multipart([
        ("Content-Type: text/plain; charset=utf-8", plain),
        ("Content-Type: text/html; charset=utf-8", "<p>HTML version.</p>"),
    ])
    assert read_message(raw).body_text == "HTML version."


def test_alternative_with_html_inside_related() -> None:
    inner = (
        'Content-Type: multipart/related; boundary="rel"\n\n--rel\nContent-Type: text/html; charset=utf-8\n\n'
        "<p>Kuvan kanssa.</p>\n--rel\nContent-Type: image/png\nContent-ID: <logo>\n"
        "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--rel--\n"
    )
    raw = multipart([(inner.split("\n\n", 1)[0], inner.split("\n\n", 1)[1])])
    msg = read_message(raw)
    assert msg.body_text == "Kuvan kanssa."
    assert msg.attachments == (Attachment(None, "image/png", 8),)


def test_attachments_are_listed_not_read() -> None:
    pdf = base64.encodebytes(b"%PDF-1.4 " + b"x" * 1000).decode()
    raw = multipart(
        [
            ("Content-Type: text/plain; charset=utf-8", "Liitteenä lomake."),
            ('Content-Type: application/pdf; name="lomake.pdf"\nContent-Disposition: attachment; '
             'filename="=?utf-8?q?lomake_=C3=A4.pdf?="\nContent-Transfer-Encoding: base64', pdf),
            ('Content-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename="muistio.txt"',
             "ei runkoa"),
            ("Content-Type: text/calendar; method=REQUEST; charset=utf-8", "BEGIN:VCALENDAR\nEND:VCALENDAR"),
        ],
        subtype="mixed",
    )
    msg = read_message(raw)
    assert msg.body_text == "Liitteenä lomake."
    assert msg.attachments == (
        Attachment("lomake ä.pdf", "application/pdf", 1009),
        Attachment("muistio.txt", "text/plain", 9),
        Attachment(None, "text/calendar", 29),
    )


def test_inline_text_parts_of_mixed_are_joined() -> None:
    raw = multipart(
        [("Content-Type: text/plain; charset=utf-8", "Alku."),
         ("Content-Type: image/jpeg\nContent-Disposition: inline", "xx"),
         ("Content-Type: text/plain; charset=utf-8", "Loppu.")],
        subtype="mixed",
    )
    assert read_message(raw).body_text == "Alku.\n\nLoppu."


def test_a_20_megabyte_attachment_is_not_decoded() -> None:
    data = base64.encodebytes(b"\0" * (20 * 1024 * 1024)).decode()
    raw = multipart(
        [("Content-Type: text/plain; charset=utf-8", "Iso liite."),
         ('Content-Type: application/zip\nContent-Disposition: attachment; filename="iso.zip"\n'
          "Content-Transfer-Encoding: base64", data)],
        subtype="mixed",
    )
    msg = read_message(raw)
    assert msg.own_text == "Iso liite."
    assert msg.attachments == (Attachment("iso.zip", "application/zip", 20 * 1024 * 1024),)


@pytest.mark.parametrize(
    ("raw", "expected_text", "defect"),
    [
        # a multipart without a boundary parameter: its text is still read
        (b"From: a@example.com\nContent-Type: multipart/mixed\n\nHei, sopii.\n", "Hei, sopii.", "boundary"),
        # a boundary that never occurs
        (b'From: a@example.com\nContent-Type: multipart/alternative; boundary="zz"\n\nHei vaan.\n', "Hei vaan.", "Boundary"),
        # truncated base64
        (b"From: a@example.com\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
         b"SGVpLCBzb3BpaSBoeXZpbi4gS2lpdG9zIQ", "Hei, sopii hyvin. Kiitos!", "padding"),
        # junk header lines and no Message-ID or Date
        (b"From: a@example.com\nX-\x01Junk: \xff\xfe\nnot a header line\n\nRunko.\n", "", "no Date"),
        # no From, no Date, no Message-ID
        (b"Subject: pelkka otsikko\n\nRunko.\n", "Runko.", "no From"),
        # an mbox separator line first
        (b"From a@example.com Mon Nov 30 10:00:00 2026\nFrom: a@example.com\n\nRunko.\n", "Runko.", "no Date"),
    ],
)
def test_broken_mime_is_read_with_defects(raw: bytes, expected_text: str, defect: str) -> None:
    msg = read_message(raw)
    if expected_text:
        assert expected_text in msg.body_text
    assert any(defect.lower() in d.lower() for d in msg.defects), msg.defects


@pytest.mark.parametrize("kind", ["multipart", "message"])
def test_deep_nesting_is_read_with_its_headers(kind: str) -> None:
    if kind == "multipart":
        nest = b"".join(b"--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (i, i + 1) for i in range(3000))
        raw = b"From: Maija <m@example.com>\nSubject: syva\nContent-Type: multipart/mixed; boundary=b0\n\n" + nest
    else:
        raw = b"From: Maija <m@example.com>\nSubject: syva\n" + b"Content-Type: message/rfc822\n\n" * 3000
    msg = read_message(raw + b"Hei\n")
    assert msg.sender == Address("Maija", "m@example.com")
    assert msg.subject == "syva"
    assert "could not be parsed (RecursionError)" in msg.defects[0]


def test_missing_headers_give_empty_fields() -> None:
    msg = read_message(b"Subject: x\n\nRunko.\n")
    assert (msg.sender, msg.date, msg.message_id, msg.references, msg.recipients) == (None, None, None, (), ())


def test_unreadable_date_is_a_defect() -> None:
    msg = read_message(eml("Hei", head=HEAD.replace("Tue, 24 Nov 2026 10:15:00 +0200", "eilen iltapäivällä")))
    assert msg.date is None
    assert any("Date" in d for d in msg.defects)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \r\n\r\n ",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"\x00\x01\x02\x03binary: garbage",
        b"Hello, this is just a line of text without any header.\n",
    ],
)
def test_not_an_email_raises_mail_error(raw: bytes) -> None:
    with pytest.raises(MailError):
        read_message(raw)
