"""Separating the writer's new text from quoted history and forwarded messages."""

from __future__ import annotations

import time

import pytest
from emlkit import eml, multipart

from mailbot.mail import Address, read_message

OUTLOOK_FI = """Hei,

Vaihtoehto 2 sopii.

________________________________
Lähettäjä: Ajanvaraus <ajanvaraus@example.fi>
Lähetetty: tiistai 24. marraskuuta 2026 10.12
Vastaanottaja: Maija Salonen <maija.salonen@example.com>
Aihe: Työnohjausaika [AV-7KQ3]

Hei Maija,
1) to 26.11.2026 klo 9.00–10.00
"""

OUTLOOK_FI_NO_RULE = """Hei,

klo 14 käy.

Lähettäjä: Ajanvaraus <ajanvaraus@example.fi>
Lähetetty: torstai 26. marraskuuta 2026 16.40
Vastaanottaja: Petri <petri@example.com>
Kopio: Tiimi <tiimi@example.com>
Aihe: Työnohjausaika

1) ti 1.12.2026 klo 14.00–15.00
"""

OUTLOOK_SV = """Hej,

Nr 3 passar bra.

________________________________
Från: Ajanvaraus <ajanvaraus@example.fi>
Skickat: fredag den 27 november 2026 13:30
Till: Annika <annika@example.com>
Ämne: Handledningstid

3) fre 4.12.2026 kl. 9.00–10.00
"""

OUTLOOK_EN_BOLD = """Hi,

Thursday works.

*From:* Ajanvaraus <ajanvaraus@example.fi>
*Sent:* Thursday, December 3, 2026 3:26 PM
*To:* Sarah <sarah@example.com>
*Subject:* Supervision appointment

2) Thu 10 Dec 2026, 14:00–15:00
"""

ORIGINAL_FI = """Hei,

saisinko aikani siirrettyä?

-----Alkuperäinen viesti-----
Lähettäjä: Ajanvaraus <ajanvaraus@example.fi>
Lähetetty: torstai 19. marraskuuta 2026 11.05
Vastaanottaja: Marjut <marjut@example.com>
Aihe: Vahvistus

keskiviikko 2.12.2026 klo 9.00–10.00
"""

SAMSUNG_FI = """peruutan ajan

-------- Alkuperäinen viesti --------
Lähettäjä: Ajanvaraus <ajanvaraus@example.fi>
Päivämäärä: 26.11.2026 13.05 (GMT+02:00)
Vastaanottaja: jari@example.com
Aihe: Vahvistus

tiistai 8.12.2026 klo 9.00–10.00
"""

ORIGINAL_EN_MAILTO = """Tuesday is fine.

-----Original Message-----
From: Ajanvaraus [mailto:ajanvaraus@example.fi]
Sent: Monday, November 30, 2026 9:00 AM
To: Kim <kim@example.com>
Subject: Options

Tue 8 Dec 2026
"""

ORIGINAL_SV = """Tisdag passar.

-----Ursprungligt meddelande-----
Från: Ajanvaraus <ajanvaraus@example.fi>
Skickat: den 30 november 2026 09:00
Till: Kim <kim@example.com>
Ämne: Tider

tis 8.12.2026
"""

GMAIL_FI = """Torstai sopii!

ke 25.11.2026 klo 8.31 Ajanvaraus <ajanvaraus@example.fi> kirjoitti:

> Hei Jukka,
>
> 3) to 3.12.2026 klo 14.00–15.00
"""

GMAIL_EN_WRAPPED = """Option 1 please.

On Tue, Dec 1, 2026 at 9:48 AM Ajanvaraus Esimerkki Työterveys <
ajanvaraus@example.fi> wrote:

> 1) Thu 3 Dec 2026, 10:00–11:00
"""

GMAIL_SV = """Tisdag passar mig bäst.

Den ons 2 dec. 2026 kl 08:40 skrev Ajanvaraus <ajanvaraus@example.fi>:

> 1) tis 8.12.2026 kl. 9.00–10.00
"""

APPLE_EN = """The first one works.

> On 1 Dec 2026, at 09:48, Ajanvaraus <ajanvaraus@example.fi> wrote:
>
> 1) Thu 3 Dec 2026, 10:00–11:00
"""

APPLE_FI_IOS = """Kakkonen sopii!

> 26.11.2026 kello 14.02, Ajanvaraus <ajanvaraus@example.fi> kirjoitti:
>
> \ufeffHei Tiina,
> 2) ke 2.12.2026 klo 15.00–16.00
"""

THUNDERBIRD_FI = """Ke käy.

Ajanvaraus kirjoitti 26.11.2026 klo 14.02:
> 2) ke 2.12.2026 klo 15.00–16.00
"""

BARE_QUOTE = """> Voimme tarjota seuraavia aikoja:
> 1) ma 30.11.2026 klo 13.00–14.00

Ykkönen käy.
"""

INTERLEAVED = """Hei,

> Sopiiko maanantai?
Sopii hyvin.

> Etänä vai paikan päällä?
Etänä.
"""

BOTTOM_POSTED = """On Mon, 30 Nov 2026 at 10:00, Ajanvaraus <ajanvaraus@example.fi> wrote:
> 1) Tue 8 Dec 2026, 10:00–11:00

The first one works for me.
"""


@pytest.mark.parametrize(
    ("body", "own", "not_own", "quoted_text", "author"),
    [
        (OUTLOOK_FI, "Vaihtoehto 2 sopii.", "26.11.", "to 26.11.2026", "ajanvaraus@example.fi"),
        (OUTLOOK_FI_NO_RULE, "klo 14 käy.", "ti 1.12.", "ti 1.12.2026", "ajanvaraus@example.fi"),
        (OUTLOOK_SV, "Nr 3 passar bra.", "fre 4.12", "fre 4.12.2026", "ajanvaraus@example.fi"),
        (OUTLOOK_EN_BOLD, "Thursday works.", "Thu 10 Dec", "Thu 10 Dec 2026", "ajanvaraus@example.fi"),
        (ORIGINAL_FI, "saisinko aikani siirrettyä?", "Alkuperäinen", "keskiviikko 2.12.2026", "ajanvaraus@example.fi"),
        (SAMSUNG_FI, "peruutan ajan", "8.12.2026", "tiistai 8.12.2026", "ajanvaraus@example.fi"),
        (ORIGINAL_EN_MAILTO, "Tuesday is fine.", "Original", "Tue 8 Dec 2026", "ajanvaraus@example.fi"),
        (ORIGINAL_SV, "Tisdag passar.", "Ursprungligt", "tis 8.12.2026", "ajanvaraus@example.fi"),
        (GMAIL_FI, "Torstai sopii!", "kirjoitti", "to 3.12.2026", "ajanvaraus@example.fi"),
        (GMAIL_EN_WRAPPED, "Option 1 please.", "wrote", "Thu 3 Dec 2026", "ajanvaraus@example.fi"),
        (GMAIL_SV, "Tisdag passar mig bäst.", "skrev", "tis 8.12.2026", "ajanvaraus@example.fi"),
        (APPLE_EN, "The first one works.", "wrote", "Thu 3 Dec 2026", "ajanvaraus@example.fi"),
        (APPLE_FI_IOS, "Kakkonen sopii!", "kello", "ke 2.12.2026", "ajanvaraus@example.fi"),
        (THUNDERBIRD_FI, "Ke käy.", "kirjoitti", "ke 2.12.2026", ""),
        (BARE_QUOTE, "Ykkönen käy.", "ma 30.11.", "ma 30.11.2026", None),
    ],
)
def test_quote_styles(body: str, own: str, not_own: str, quoted_text: str, author: str | None) -> None:
    msg = read_message(eml(body, subject="Re: Työnohjausaika"))
    assert own in msg.own_text
    assert not_own not in msg.own_text
    assert msg.quoted, "no quoted part found"
    first = msg.quoted[0]
    assert first.kind == "reply"
    assert quoted_text in first.text
    assert ">" not in first.text
    assert "\ufeff" not in first.text
    if author is None:
        assert first.author is None
    else:
        assert first.author is not None and first.author.addr == author
        assert first.author.name == "Ajanvaraus" or "Ajanvaraus" in first.author.name


def test_outlook_header_block_is_kept_as_the_header() -> None:
    msg = read_message(eml(OUTLOOK_FI))
    header = msg.quoted[0].header
    assert header.startswith("Lähettäjä: Ajanvaraus")
    assert "Aihe: Työnohjausaika [AV-7KQ3]" in header
    assert "Lähettäjä" not in msg.quoted[0].text
    assert "____" not in msg.own_text and "____" not in msg.signature


def test_original_message_marker_joins_the_header_block() -> None:
    msg = read_message(eml(ORIGINAL_FI))
    assert len(msg.quoted) == 1
    assert msg.quoted[0].header.startswith("-----Alkuperäinen viesti-----\nLähettäjä:")


def test_attribution_wrapped_over_two_lines_is_one_header() -> None:
    msg = read_message(eml(GMAIL_EN_WRAPPED))
    assert msg.quoted[0].header.endswith("wrote:")
    assert msg.quoted[0].author == Address("Ajanvaraus Esimerkki Työterveys", "ajanvaraus@example.fi")


def test_own_line_that_opens_like_a_date_is_not_glued_to_the_attribution() -> None:
    body = "to 3.12. käy hyvin\nke 25.11.2026 klo 8.31 Ajanvaraus <ajanvaraus@example.fi> kirjoitti:\n> 3) to 3.12.\n"
    msg = read_message(eml(body))
    assert msg.own_text == "to 3.12. käy hyvin"
    assert msg.quoted[0].header == "ke 25.11.2026 klo 8.31 Ajanvaraus <ajanvaraus@example.fi> kirjoitti:"


def test_swedish_attribution_author() -> None:
    msg = read_message(eml(GMAIL_SV))
    assert msg.quoted[0].author == Address("Ajanvaraus", "ajanvaraus@example.fi")


def test_interleaved_answers_stay_own_text() -> None:
    msg = read_message(eml(INTERLEAVED))
    assert "Sopii hyvin." in msg.own_text and "Etänä." in msg.own_text
    assert "Sopiiko" not in msg.own_text
    assert [q.text for q in msg.quoted] == ["Sopiiko maanantai?", "Etänä vai paikan päällä?"]


def test_reply_below_the_quote_is_own_text() -> None:
    msg = read_message(eml(BOTTOM_POSTED))
    assert msg.own_text == "The first one works for me."
    assert msg.quoted[0].text == "1) Tue 8 Dec 2026, 10:00–11:00"


def test_nested_history_gives_parts_in_order() -> None:
    body = (
        "Käy.\n\nLähettäjä: Ajanvaraus <ajanvaraus@example.fi>\nLähetetty: 2.12.2026\nAihe: Aika\n\n"
        "Sopiiko ti?\n\nLähettäjä: Maija <maija@example.com>\nLähetetty: 1.12.2026\nAihe: Aika\n\n"
        "Haluaisin ajan.\n"
    )
    msg = read_message(eml(body))
    assert [q.author.addr for q in msg.quoted if q.author] == ["ajanvaraus@example.fi", "maija@example.com"]
    assert [q.text for q in msg.quoted] == ["Sopiiko ti?", "Haluaisin ajan."]


def test_label_lines_without_a_sender_line_are_the_writers_own() -> None:
    body = "Hei,\n\nAihe: yksilötyönohjaus\nPäivämäärä: 3.12.\nAika: klo 14\n\nKiitos\n"
    msg = read_message(eml(body))
    assert "Päivämäärä: 3.12." in msg.own_text
    assert msg.quoted == ()


def test_closing_words_in_a_quote_header_do_not_fool_the_split() -> None:
    body = "Sopii.\n\nMinna wrote: great\n"
    msg = read_message(eml(body))
    assert msg.quoted == ()  # no date, no address: a sentence, not an attribution
    assert "Minna wrote: great" in msg.own_text


FORWARD_OUTLOOK_FI = """Hei,

välitän alla olevan viestin.

________________________________
Lähettäjä: Henna Koskinen <henna.koskinen@example.com>
Lähetetty: torstai 19. marraskuuta 2026 16.12
Vastaanottaja: Tuomas Niemi <tuomas@example.com>
Aihe: Työnohjaustoive

Moi Tuomas,
aloitus joulukuun alussa olisi hyvä.
"""

FORWARD_GMAIL_EN = """Please book this.

---------- Forwarded message ---------
From: Henna Koskinen <henna.koskinen@example.com>
Date: Thu, 19 Nov 2026 at 16:12
Subject: Wish
To: Tuomas <tuomas@example.com>


Mornings in week 51.
"""

FORWARD_GMAIL_FI = """Varatkaa tämä.

---------- Välitetty viesti ---------
Lähettäjä: Henna Koskinen <henna.koskinen@example.com>
Date: to 19.11.2026 klo 16.12
Subject: Toive
To: Tuomas <tuomas@example.com>

Aamupäivät käyvät.
"""

FORWARD_APPLE_EN = """See below.

Begin forwarded message:

From: Henna Koskinen <henna.koskinen@example.com>
Subject: Wish
Date: 19 November 2026 at 16.12.00 EET
To: Tuomas <tuomas@example.com>

Afternoons please.
"""

FORWARD_APPLE_FI = """Katso alta.

Alkuperäinen viesti alkaa:

Lähettäjä: Henna Koskinen <henna.koskinen@example.com>
Aihe: Toive
Päivämäärä: 19. marraskuuta 2026 klo 16.12.00 UTC+2
Vastaanottaja: Tuomas <tuomas@example.com>

Iltapäivät käyvät.
"""

FORWARD_SV = """Se nedan.

---------- Vidarebefordrat meddelande ---------
Från: Henna Koskinen <henna.koskinen@example.com>
Datum: tors 19 nov. 2026 kl 16:12
Ämne: Önskan
Till: Tuomas <tuomas@example.com>

Förmiddagar passar.
"""


@pytest.mark.parametrize(
    ("body", "subject", "own", "forwarded"),
    [
        (FORWARD_OUTLOOK_FI, "VL: Työnohjaustoive", "välitän alla olevan viestin.", "joulukuun alussa olisi hyvä."),
        (FORWARD_OUTLOOK_FI, "FW: Työnohjaustoive", "välitän alla olevan viestin.", "joulukuun alussa olisi hyvä."),
        (FORWARD_OUTLOOK_FI, "VB: Önskan", "välitän alla olevan viestin.", "joulukuun alussa olisi hyvä."),
        (FORWARD_GMAIL_EN, "Fwd: Wish", "Please book this.", "Mornings in week 51."),
        (FORWARD_GMAIL_EN, "Wish", "Please book this.", "Mornings in week 51."),  # marker alone decides
        (FORWARD_GMAIL_FI, "Toive", "Varatkaa tämä.", "Aamupäivät käyvät."),
        (FORWARD_APPLE_EN, "Wish", "See below.", "Afternoons please."),
        (FORWARD_APPLE_FI, "Toive", "Katso alta.", "Iltapäivät käyvät."),
        (FORWARD_SV, "Önskan", "Se nedan.", "Förmiddagar passar."),
    ],
)
def test_forwards(body: str, subject: str, own: str, forwarded: str) -> None:
    msg = read_message(eml(body, subject=subject))
    assert msg.own_text.endswith(own)
    assert msg.is_forward
    first = msg.quoted[0]
    assert first.kind == "forward"
    assert first.text.endswith(forwarded)
    assert first.author == Address("Henna Koskinen", "henna.koskinen@example.com")


def test_a_forwards_signature_is_cut_from_its_text() -> None:
    body = FORWARD_OUTLOOK_FI.replace(
        "olisi hyvä.\n", "olisi hyvä.\n\nTerveisin\nHenna Koskinen\nAsiakaspalvelu ma–pe 8–16\n")
    msg = read_message(eml(body, subject="VL: Toive"))
    assert msg.quoted[0].text.endswith("aloitus joulukuun alussa olisi hyvä.")
    assert msg.quoted[0].signature == "Terveisin\nHenna Koskinen\nAsiakaspalvelu ma–pe 8–16"


def test_a_replys_quoted_text_is_kept_whole() -> None:
    body = OUTLOOK_FI + "\nYstävällisin terveisin\nAjanvaraus\n"
    msg = read_message(eml(body, subject="VS: Aika"))
    assert msg.quoted[0].text.endswith("Ystävällisin terveisin\nAjanvaraus")
    assert msg.quoted[0].signature == ""


def test_outlook_block_under_a_reply_subject_is_a_reply() -> None:
    msg = read_message(eml(FORWARD_OUTLOOK_FI, subject="VS: Työnohjaustoive"))
    assert msg.quoted[0].kind == "reply"
    assert not msg.is_forward


def test_only_the_first_block_of_a_forward_is_the_forward() -> None:
    body = FORWARD_OUTLOOK_FI + "\nLähettäjä: Tuomas <tuomas@example.com>\nLähetetty: 18.11.2026\nAihe: x\n\nold\n"
    msg = read_message(eml(body, subject="VL: Työnohjaustoive"))
    assert [q.kind for q in msg.quoted] == ["forward", "reply"]


def test_forward_attached_as_a_message() -> None:
    inner = (
        "From: Henna Koskinen <henna.koskinen@example.com>\nSubject: Toive\nDate: Thu, 19 Nov 2026 16:12:00 +0200\n"
        "Content-Type: text/plain; charset=utf-8\n\nRyhmä, kuusi henkeä, etänä.\n"
    )
    raw = multipart(
        [("Content-Type: text/plain; charset=utf-8", "Katso liite."),
         ('Content-Type: message/rfc822\nContent-Disposition: attachment; filename="toive.eml"', inner)],
        subtype="mixed", subject="VL: Toive",
    )
    msg = read_message(raw)
    assert msg.own_text == "Katso liite."
    assert msg.quoted[-1].kind == "forward"
    assert msg.quoted[-1].author == Address("Henna Koskinen", "henna.koskinen@example.com")
    assert msg.quoted[-1].text == "Ryhmä, kuusi henkeä, etänä."


OUTLOOK_HTML_REPLY = """<html><head><style>p{margin:0}</style></head><body>
<p>Hei,</p><p>Vaihtoehto 3 sopii.</p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p><b>Lähettäjä:</b> Ajanvaraus &lt;ajanvaraus@example.fi&gt;<br>
<b>Lähetetty:</b> tiistai 24. marraskuuta 2026 10.12<br>
<b>Vastaanottaja:</b> Maija &lt;maija@example.com&gt;<br>
<b>Aihe:</b> Työnohjausaika</p></div>
<p>3) ke 2.12.2026 klo 10.00&ndash;11.00</p>
</body></html>"""

GMAIL_HTML_REPLY = """<div dir="ltr">Torstai sopii!</div><br><div class="gmail_quote"><div dir="ltr"
class="gmail_attr">ke 25.11.2026 klo 8.31 Ajanvaraus &lt;<a href="mailto:ajanvaraus@example.fi">ajanvaraus@example.fi</a>&gt;
kirjoitti:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Hei Jukka,<br>
3) to 3.12.2026 klo 14.00&ndash;15.00</blockquote></div>"""


@pytest.mark.parametrize(
    ("html", "own", "quoted"),
    [
        (OUTLOOK_HTML_REPLY, "Vaihtoehto 3 sopii.", "3) ke 2.12.2026 klo 10.00–11.00"),
        (GMAIL_HTML_REPLY, "Torstai sopii!", "3) to 3.12.2026 klo 14.00–15.00"),
    ],
)
def test_html_only_replies(html: str, own: str, quoted: str) -> None:
    msg = read_message(eml(html, content_type='text/html; charset="utf-8"'))
    assert own in msg.own_text
    assert "2.12.2026" not in msg.own_text and "3.12.2026" not in msg.own_text
    assert quoted in msg.quoted[0].text
    assert msg.quoted[0].author is not None and msg.quoted[0].author.addr == "ajanvaraus@example.fi"


@pytest.mark.parametrize(
    "body",
    [
        "On " + "a " * 20000,  # mail-parser-reply's own "On ... wrote:" pattern is quadratic here
        "Aihe: a\nTo: b\n" * 20000,  # label lines without a sender line, once 17 s
        "> > Aihe: a \n> > To:  b\n" * 10000,
        "ke 25.11.2026 " + "x" * 100000 + " kirjoitti\n",
    ],
    ids=["long-on-line", "label-lines", "quoted-label-lines", "long-attribution"],
)
def test_pathological_bodies_are_split_quickly(body: str) -> None:
    start = time.perf_counter()
    read_message(eml(body))
    assert time.perf_counter() - start < 3
