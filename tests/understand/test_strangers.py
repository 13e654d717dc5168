"""A word beside a time that the parser has no meaning for sends the message to staff (issue 8, item 2), and
the constructions the fifth session's blind set (tests/corpus19) showed missing: spoken clock times, minutes
before and after the hour, "välinen aika", a time only in the subject, times from two people in a forward."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from mailbot.mail import read_message
from mailbot.understand import understand

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2029, 4, 16, 9, 0, tzinfo=TZ)  # Monday, ISO week 16


def parse(body: str, subject: str = "työnohjaus", now: datetime = NOW) -> dict[str, object]:
    raw = (f"From: Client <client@example.fi>\nTo: ajanvaraus@example.fi\nSubject: {subject}\n"
           f"Date: Mon, 16 Apr 2029 09:00:00 +0300\nMessage-ID: <t@example.fi>\n"
           f"Content-Type: text/plain; charset=utf-8\n\n{body}\n").encode()
    return understand(read_message(raw), now=now).to_dict()


def windows(got: dict[str, object]) -> set[tuple[str, str, str]]:
    return {(w["start"][:10], w["start"][11:16], w["end"][11:16]) for w in got["windows"]}  # type: ignore[index, union-attr]


def doubts(got: dict[str, object]) -> list[str]:
    return [r for r in got["reasons"] if r.startswith("time expression not understood")]  # type: ignore[union-attr]


@pytest.mark.parametrize(("body", "word"), [
    ("Haluaisin yksilötyönohjausta. Tiistaina klo 9–11 asiakaskäynneillä, muuten käy.", "asiakaskäynneillä"),
    ("Vi skulle vilja ha handledning. Tisdagar kl 10–12 när barnen är i skolan passar.", "barnen"),
    ("I'd like individual supervision. Afternoons I am picking my child, mornings work.", "child"),
    ("I'd like individual supervision on Tuesday at 10 during kindergarten hours.", "kindergarten"),
])
def test_a_word_beside_a_wished_time_that_nothing_reads_goes_to_staff(body: str, word: str) -> None:
    got = parse(body)
    assert got["needs_review"] and any(word in r.lower() for r in doubts(got)), got["reasons"]


@pytest.mark.parametrize("body", [
    "Haluaisin yksilötyönohjausta. Sopisiko ensi tiistaina klo 10 tai ke klo 13?",
    "Mulle sopis parhaiten ens viikolla torstaina iltapäivällä, etänä ois kätevin.",
    "Vi skulle vilja ha grupphandledning. Tisdag eller onsdag nästa vecka passar oss bäst, helst på förmiddagen.",
    "I'd like to book individual supervision. I'm free on Tuesday or Thursday afternoon, ideally after 2 pm.",
    # a time read as past ("I started in January as principal") is no wish: the words beside it are not weighed
    "Aloitin rehtorina tammikuussa ja haluaisin esihenkilön työnohjausta. Tiistait klo 14–16 sopisivat.",
])
def test_plain_words_beside_a_time_are_no_doubt(body: str) -> None:
    got = parse(body)
    assert not doubts(got), got["reasons"]


@pytest.mark.parametrize(("body", "want"), [
    ("Haluaisin työnohjausta. Ylihuomenna käy yheltä tai puol kaks.",
     {("2029-04-18", "13:00", "14:30")}),  # "at one" and "half past one" run together
    ("Haluaisin työnohjausta. Torstaina sopisi viittä vaille kymmenen ja puoli kahdentoista välinen aika.",
     {("2029-04-19", "09:55", "11:30")}),
    ("Haluaisin työnohjausta. Torstaina kymmenen yli kaksi.", {("2029-04-19", "14:10", "15:10")}),
    ("Vi vill boka handledning. På torsdag kl fem i tio.", {("2029-04-19", "09:55", "10:55")}),
    ("I'd like to book supervision. Thursday at ten past two.", {("2029-04-19", "14:10", "15:10")}),
])
def test_minutes_before_and_after_the_hour_in_words(body: str, want: set[tuple[str, str, str]]) -> None:
    assert windows(parse(body)) == want


def test_a_time_only_in_a_new_messages_subject_is_the_wish() -> None:
    got = parse("Hei,\nsopisiko otsikossa mainittu aika yksilötyönohjaukseen? Etäyhteydellä.\nHanna",
                subject="Työnohjausaika ma 7.5. klo 15?")
    assert windows(got) == {("2029-05-07", "15:00", "16:00")} and not got["needs_review"], got
    # a reply's subject is ours: its time is no wish
    got = parse("Hei, sopisiko jokin muu aika yksilötyönohjaukseen? Etäyhteydellä.",
                subject="Re: Työnohjausaika ma 7.5. klo 15")
    assert not got["windows"]


def test_times_from_the_writer_and_the_forwarded_mail_go_to_staff() -> None:
    forward = ("\n\n-----Original Message-----\nFrom: Petri Laakso <petri.laakso@example.com>\n"
               "Sent: Tuesday, April 10, 2029 3:32 PM\nTo: HR <hr@example.com>\nSubject: työnohjaus\n\n"
               "Moi, voisitko varata mulle työnohjauksen? Mulle sopii parhaiten maanantait aamupäivällä.\n")
    got = parse("Hei, välitän alla työntekijämme toiveen. Olen itse lomalla 30.4.–4.5." + forward,
                subject="VL: työnohjaus")
    assert got["needs_review"] and "times from both the writer and the forwarded mail" in got["reasons"], got
    got = parse("Hei, välitän alla työntekijämme toiveen yksilötyönohjauksesta." + forward, subject="VL: työnohjaus")
    assert "times from both the writer and the forwarded mail" not in got["reasons"], got  # type: ignore[operator]
