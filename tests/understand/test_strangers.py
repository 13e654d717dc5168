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
    ("Vi skulle vilja ha handledning. Tisdagar när barnen är i skolan passar.", "barnen"),
    ("I'd like individual supervision. Mornings when daycare is open suit me.", "daycare"),
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
    # the reason is told in a clause of its own (a comma, 'eftersom', 'joten'): the time beside it stands
    ("I'd like individual supervision. Afternoons I am picking my child, mornings work.", ("08:00", "12:00")),
    ("Vi vill boka grupphandledning på tisdag före kl. 10 eftersom bageriet öppnar då.", ("08:00", "10:00")),
    ("Hän tarvitsee yksilötyönohjausta. Hänellä on harrastus, joten keskiviikot klo 8–10 käyvät.", ("08:00", "10:00")),
])
def test_a_reason_in_a_clause_of_its_own_is_no_doubt(body: str, want: tuple[str, str]) -> None:
    got = parse(body)
    assert not doubts(got), got["reasons"]
    assert got["windows"] and all(want[0] <= w[1] < w[2] <= want[1] for w in windows(got))


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


# the sixth blind set of issue 8 (tests/corpus20): year-end mail, officialese, non-native writers


@pytest.mark.parametrize("body", [
    "Haluaisimme johdon työnohjausta. Ennen joulua emme enää ehdi, joten toivoisimme aloitusta heti uuden vuoden "
    "alussa.",
    "I want to book individual supervision. Is it possible between Christmas and New Year?",
    "Jag vill boka handledning. Går det mellan jul och nyår?",
])
def test_a_time_placed_by_a_holiday_goes_to_staff(body: str) -> None:
    got = parse(body, now=datetime(2029, 12, 12, 10, 0, tzinfo=TZ))
    assert got["needs_review"] and "time expression not understood" in got["reasons"], got["reasons"]


@pytest.mark.parametrize("body", [
    "Jag behöver nog individuell handledning. Ibland tänker jag att det vore lättare om jag bara försvann.",
    "I need individual supervision. Sometimes I think it would be easier if I just disappeared.",
    "Tarvitsisin yksilötyönohjausta. Joskus ajattelen, että olisi helpompaa jos vain katoaisin.",
])
def test_wishing_to_disappear_is_a_crisis(body: str) -> None:
    got = parse(body)
    assert got["needs_review"] and "sensitive or crisis content" in got["reasons"], got["reasons"]


@pytest.mark.parametrize(("body", "want"), [
    ("Jag vill boka grupphandledning. Vi kan på onsdag 18.4 fram till lunch.", {("2029-04-18", "08:00", "12:00")}),
    ("I'd like to book supervision on Wednesday until lunch.", {("2029-04-18", "08:00", "12:00")}),
    ("Could we meet by video on the 20th or 21st? Any time before noon works.",
     {("2029-04-20", "08:00", "12:00"), ("2029-04-21", "08:00", "12:00")}),
    ("We need group supervision. Fri 20th after 2 is good for us.", {("2029-04-20", "14:00", "20:00")}),
    # a span to start in and a habitual weekday: that weekday inside the span (CONTRACT §2.1.1)
    ("We would like group supervision. Wednesdays between 1 and 3 suit us best, starting next week.",
     {("2029-04-25", "13:00", "15:00")}),
])
def test_year_end_set_readings(body: str, want: set[tuple[str, str, str]]) -> None:
    assert windows(parse(body)) == want


def test_from_next_week_on_stays_open() -> None:
    got = parse("We would like group supervision on Wednesdays from next week on.")
    assert len(windows(got)) > 1


@pytest.mark.parametrize(("body", "reason"), [
    ("Voisiko sen kakkosen siirtää tuntia myöhemmäksi?", "time expression not understood"),
    ("Could we move my session on Tuesday an hour later?", "time expression not understood"),
    # at work at a time named: supervision is often in working hours, so it may mean free or busy
    ("Haluaisin työnohjausta ensi viikolla. Aamupäivällä on parempi, iltapäivällä olen töissä.",
     "at work at a time named: free then, or busy?"),
])
def test_what_only_a_person_can_weigh_goes_to_staff(body: str, reason: str) -> None:
    got = parse(body)
    assert got["needs_review"] and any(r.startswith(reason) for r in got["reasons"]), got["reasons"]  # type: ignore[union-attr]


def test_fetching_the_children_is_busy() -> None:
    got = parse("I'd like supervision. At the afternoons I am picking my child from kindergarten. "
                "I am free on Tuesday or Wednesday next week, in the morning between 9 and 11.")
    assert windows(got) == {("2029-04-24", "09:00", "11:00"), ("2029-04-25", "09:00", "11:00")}


# the seventh blind set of issue 8 (tests/corpus21): an ordinary autumn fortnight


def test_ordinary_autumn_readings() -> None:
    got = parse("Hei, mikään näistä ei käy, aamut ovat minulle mahdottomia, koska vien lapset hoitoon. "
                "Ensi viikolla iltapäivät kävisivät mille päivälle tahansa.")
    assert windows(got) == {(d, "12:00", "16:00") for d in ("2029-04-23", "2029-04-24", "2029-04-25", "2029-04-26",
                                                            "2029-04-27")}, got
    got = parse("Haluaisin varata ajan työterveyspsykologille. Ensi viikolla tiistaina pääsisin.")
    assert got["needs_review"] and "not supervision" in got["reasons"], got  # type: ignore[operator]
    got = parse("We would like group supervision for our team, starting after the autumn holidays.")
    assert got["needs_review"] and "time expression not understood" in got["reasons"], got  # type: ignore[operator]


def test_work_in_a_story_is_no_doubt_about_a_time() -> None:
    got = parse("Moi, tarvisin tyonohjausta itselleni, viime viikot on ollu toissa tosi raskaita. "
                "Paasisin torstaina tai perjantaina klo 14, etana olis paras.")
    assert not got["needs_review"], got["reasons"]
    assert windows(got) == {("2029-04-19", "14:00", "15:00"), ("2029-04-20", "14:00", "15:00")}
