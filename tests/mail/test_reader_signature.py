"""Cutting signatures, phone footers and disclaimers off the writer's own text."""

from __future__ import annotations

import pytest
from emlkit import eml

from mailbot.mail import read_message
from mailbot.mail.signature import split_signature

BODY = "Hei,\n\nTiistaisin iltapäivällä sopii."


@pytest.mark.parametrize(
    "signature",
    [
        "Ystävällisin terveisin\n\nMaija Salonen\nAsiakaspalvelu ma–pe 8–16",
        "Terveisin\nMaija Salonen\npuh. 040 718 2245",
        "Parhain terveisin,\nMaija",
        "Yst. terv.\nMaija",
        "Kunnioittavasti\n\nMaija Salonen\nhallintojohtaja",
        "Kiitos,\nMaija Salonen\nKoiviston Rakennus Oy",
        "Kiitos!\n\nMaija Salonen\nMyymälä avoinna ma–pe 10–18",
        "t. Maija",
        "T: Maija Salonen",
        "terv Maija Salonen",
        "Med vänliga hälsningar\nMaija Salonen\nÖppet tis–lör 10–17",
        "Vänliga hälsningar\nMaija",
        "Hälsningar\nMaija",
        "MVH Maija",
        "/Maija",
        "Tack på förhand!\nMaija Salonen",
        "Best regards,\nMaija Salonen\nMon–Fri 8:00–16:00",
        "Kind regards,\nMaija",
        "Regards,\nMaija",
        "Best,\nMaija",
        "Cheers,\nMaija",
        "Thanks,\nMaija Salonen\nSenior Developer",
        "-- \nMaija Salonen\n044 512 8870",
        "Maija Salonen\nKoiviston Rakennus Oy\npuh. 040 718 2245",  # the sender's name starts it
        "Maija\n\nLähetetty iPhonesta",
        "Lähetetty iPhonesta",
        "Lähetetty Samsung Galaxy -älypuhelimesta.",
        "Skickat från min iPhone",
        "Sent from my iPhone",
        "Sent from Outlook for Android",
        "Hanki Outlook for Android<https://aka.ms/AAb9ysg>",
        "Get Outlook for iOS<https://aka.ms/o0ukef>",
        "Hyvää joulua!\nMaija Salonen",
    ],
)
def test_signature_is_cut(signature: str) -> None:
    msg = read_message(eml(f"{BODY}\n\n{signature}\n"))
    assert msg.own_text == BODY
    assert msg.signature == signature.replace("-- \n", "--\n")


@pytest.mark.parametrize(
    "disclaimer",
    [
        "Tämä viesti voi sisältää luottamuksellista tietoa. Jos olet saanut viestin erehdyksessä, poista se.",
        "Tämä sähköpostiviesti ja sen liitteet voivat sisältää luottamuksellista tietoa.",
        "This e-mail may contain confidential or privileged information. If you are not the intended recipient,\n"
        "please delete it.",
        "Detta e-postmeddelande kan innehålla konfidentiell information.",
        "CONFIDENTIALITY NOTICE: The contents of this email message are confidential.",
    ],
)
def test_disclaimers_are_not_own_text(disclaimer: str) -> None:
    msg = read_message(eml(f"{BODY}\n\n{disclaimer}\n"))
    assert msg.own_text == BODY
    assert disclaimer.split("\n")[0] in msg.signature


def test_warning_banner_on_top_is_removed_but_the_text_stays() -> None:
    banner = "CAUTION: This email originated from outside of the organization."
    msg = read_message(eml(f"{banner}\n\n{BODY}\n\nTerveisin\nMaija\n"))
    assert msg.own_text == BODY


@pytest.mark.parametrize(
    ("text", "own"),
    [
        # closing words inside sentences do not cut
        ("Hei,\n\nKiitos ehdotuksista, terveisin koko tiimi: tiistai sopii.\nTerveisiä myös Ainolle.",
         "Hei,\n\nKiitos ehdotuksista, terveisin koko tiimi: tiistai sopii.\nTerveisiä myös Ainolle."),
        ("Hi,\n\nThanks, Tuesday works.\nBest regards to Aino as well.",
         "Hi,\n\nThanks, Tuesday works.\nBest regards to Aino as well."),
        # a thanks line followed by more request text is not a closing
        ("Hei,\n\nKiitos!\n\nVaihtoehto 2 sopii, jos se on vielä vapaana.",
         "Hei,\n\nKiitos!\n\nVaihtoehto 2 sopii, jos se on vielä vapaana."),
        # a closing on the first line keeps the text
        ("Kiitos!", "Kiitos!"),
        ("Terveisin Maija, tiistai käy.", "Terveisin Maija, tiistai käy."),
        ("-- \nTiistai käy.", "--\nTiistai käy."),
        # a dash list is no sign-off
        ("Sopivat päivät:\n- Tiistai\n- Torstai", "Sopivat päivät:\n- Tiistai\n- Torstai"),
        # a single weekday line is not "t." plus a name
        ("Sopiva päivä:\nTiistai", "Sopiva päivä:\nTiistai"),
    ],
)
def test_body_is_not_cut_by_mistake(text: str, own: str) -> None:
    msg = read_message(eml(text + "\n"))
    assert msg.own_text == own
    assert msg.signature == ""


def test_name_line_needs_the_sender_name() -> None:
    assert split_signature("Hei\n\nAino Virtanen sopii ohjaajaksi.", "Maija Salonen") == (
        "Hei\n\nAino Virtanen sopii ohjaajaksi.", "")
    assert split_signature("Hei\n\nsopii\n\nSalonen Maija", "Maija Salonen") == ("Hei\n\nsopii", "Salonen Maija")
    assert split_signature("Hei\n\nsopii\n\nMaija", "") == ("Hei\n\nsopii\n\nMaija", "")


def test_footer_only_message_has_no_own_text() -> None:
    msg = read_message(eml("Lähetetty iPhonesta\n"))
    assert msg.own_text == ""
    assert msg.signature == "Lähetetty iPhonesta"
