"""The composed time grammar: constructions in every language, in either order, with diacritics
dropped, and what the grammar does not read sent to staff (CONTRACT §2.1, issue 8)."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from mailbot.mail import read_message
from mailbot.understand import understand
from mailbot.understand.leftovers import missed, numbers_explained
from mailbot.understand.lexicon import fold, load, plain
from mailbot.understand.mentions import find_mentions
from mailbot.understand.times import read_times
from mailbot.understand.windows import Context

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=TZ)  # Tuesday, ISO week 48


def read(text: str, lang: str, now: datetime = NOW) -> tuple[set[tuple[str, str, str]], list[str]]:
    reading = read_times(text, load(lang), Context(now=now, horizon_days=90, tz=TZ))
    return {(s.date().isoformat(), s.strftime("%H:%M"), e.strftime("%H:%M")) for s, e in reading.windows}, reading.problems


def parse(body: str, now: datetime = NOW, subject: str = "aika") -> dict[str, object]:
    raw = (f"From: Client <client@example.fi>\nTo: ajanvaraus@example.fi\nSubject: {subject}\n"
           f"Date: Tue, 24 Nov 2026 09:00:00 +0200\nMessage-ID: <t@example.fi>\n"
           f"Content-Type: text/plain; charset=utf-8\n\n{body}\n").encode()
    return understand(read_message(raw), now=now).to_dict()


# --- words typed without diacritics -----------------------------------------------------------------

def test_fold_matches_plain_letters_and_keeps_classes_valid() -> None:
    assert fold("päivä") == "p[äa]iv[äa]"
    assert fold("[a-zåäö]+") == "[a-zåaäaöo]+"
    assert re.fullmatch(fold("iltapäivällä"), "iltapaivalla")
    assert fold(r"\u00e4ndra") == r"\u00e4ndra"  # an escaped letter is left as written
    assert fold("päivä", on=False) == "päivä"
    assert plain("Hämeenlinnassa") == "Hameenlinnassa"


def test_finnish_without_diacritics_reads_like_with_them() -> None:
    with_marks, _ = read("Sopisiko ensi viikolla tiistaina iltapäivällä?", "fi")
    without, _ = read("Sopisiko ensi viikolla tiistaina iltapaivalla?", "fi")
    assert with_marks == without == {("2026-12-01", "12:00", "16:00")}


def test_a_swedish_word_that_plain_letters_would_turn_into_another_is_not_confused() -> None:
    # "svar" (answer) is not "svår" (difficult, a negation cue): the Tuesday stays a wish
    windows, _ = read("Tack för svaret, tisdag passar bra.", "sv")
    assert windows == {("2026-12-01", "08:00", "20:00")}


# --- constructions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # a clock time with minutes needs no "klo", before or after its day
        ("fi", "Pääsisin 14.30 torstaina.", {("2026-11-26", "14:30", "15:30")}),
        ("fi", "Pääsisin torstaina 14.30.", {("2026-11-26", "14:30", "15:30")}),
        ("sv", "Det passar kl 13 på fredag.", {("2026-11-27", "13:00", "14:00")}),
        ("en", "At 3 pm next Monday would be good.", {("2026-11-30", "15:00", "16:00")}),
        ("en", "Jan 12th, 10am works for me.", {("2027-01-12", "10:00", "11:00")}),
        # ranges in every spelling
        ("fi", "Torstaina 8.30–10 sopisi.", {("2026-11-26", "08:30", "10:00")}),
        ("en", "Thursday 1-3pm suits me.", {("2026-11-26", "13:00", "15:00")}),
        ("en", "Thursday, no earlier than 10 and no later than 12.", {("2026-11-26", "10:00", "12:00")}),
        ("sv", "Torsdag från 9:30 till 11:00.", {("2026-11-26", "09:30", "11:00")}),
        ("fi", "Torstaina aikaisintaan klo 10 ja viimeistään klo 12.", {("2026-11-26", "10:00", "12:00")}),
        # hours in words, moved by a modifier
        ("fi", "Torstaina puoli yksitoista.", {("2026-11-26", "10:30", "11:30")}),
        ("sv", "Torsdag kvart i tre.", {("2026-11-26", "14:45", "15:45")}),
        ("en", "Thursday at a quarter to three.", {("2026-11-26", "14:45", "15:45")}),
        ("fi", "Torstaina kolmesta puoli viiteen.", {("2026-11-26", "15:00", "16:30")}),
        ("fi", "Torstaina kahdeksalta.", {("2026-11-26", "08:00", "09:00")}),
        # numeric dates in every shape and days of the month
        ("fi", "Sopisiko 2026-12-03?", {("2026-12-03", "08:00", "20:00")}),
        ("sv", "Den 7:e mellan 13 och 15.", {("2026-12-07", "13:00", "15:00")}),
        ("en", "The 2nd of next month.", {("2026-12-02", "08:00", "20:00")}),
        # lists of abbreviated weekdays with dots, and a short weekday next to a time
        ("sv", "Nästa vecka ti., to. eller fre. efter lunch.",
         {("2026-12-01", "12:00", "16:00"), ("2026-12-03", "12:00", "16:00"), ("2026-12-04", "12:00", "16:00")}),
        ("fi", "ti klo 11-13", {("2026-12-01", "11:00", "13:00")}),
        ("sv", "fre kl 13", {("2026-11-27", "13:00", "14:00")}),
        # ordinal and relative weekdays
        ("fi", "Kuun viimeinen perjantai käy.", {("2026-11-27", "08:00", "20:00")}),
        ("sv", "Första fredagen i april.", set()),  # beyond the 90-day horizon: nothing, and said so
        ("en", "The second Wednesday of January.", {("2027-01-13", "08:00", "20:00")}),
        ("en", "Monday after next.", {("2026-12-07", "08:00", "20:00")}),
        # today and tomorrow with a part of the day; parts of the week
        ("en", "This afternoon would be fine.", {("2026-11-24", "12:00", "16:00")}),
        ("sv", "I morgon eftermiddag.", {("2026-11-25", "12:00", "16:00")}),
        ("fi", "Loppuviikosta sopisi.", {("2026-11-26", "08:00", "20:00"), ("2026-11-27", "08:00", "20:00")}),
        ("sv", "I slutet av veckan.", {("2026-11-26", "08:00", "20:00"), ("2026-11-27", "08:00", "20:00")}),
        # in N days / weeks
        ("sv", "Om fem dagar.", {("2026-11-29", "08:00", "20:00")}),
        ("en", "In a week, on Tuesday.", {("2026-12-01", "08:00", "20:00")}),
    ],
)
def test_constructions(lang: str, text: str, want: set[tuple[str, str, str]]) -> None:
    windows, problems = read(text, lang)
    assert windows == want, problems
    assert not [p for p in problems if p.startswith("time expression not understood")]


def test_habitual_range_and_parts() -> None:
    windows, _ = read("Viikoittain keskiviikosta perjantaihin.", "fi")
    assert {d for d, _, _ in windows} >= {"2026-11-25", "2026-11-26", "2026-11-27", "2026-12-02", "2026-12-04"}
    mornings, _ = read("Tuesday mornings suit me.", "en", now=datetime(2026, 11, 23, 9, 0, tzinfo=TZ))
    assert len(mornings) > 10 and {(a, b) for _, a, b in mornings} == {("08:00", "12:00")}
    monthly, _ = read("Aina kuun ensimmäinen tiistai aamupäivällä.", "fi")
    assert sorted(d for d, _, _ in monthly) == ["2026-12-01", "2027-01-05", "2027-02-02"]


def test_intersection_and_exclusion_compose() -> None:
    windows, _ = read("Helmikuussa torstaisin klo 13–15.", "fi")
    assert {d for d, _, _ in windows} == {"2027-02-04", "2027-02-11", "2027-02-18"}
    windows, _ = read("En pääse tiistaisin. Iltapäivä käy mutta ei kolmen jälkeen.", "fi")
    assert {(a, b) for _, a, b in windows} == {("12:00", "15:00")}
    assert not any(datetime.fromisoformat(d).weekday() == 1 for d, _, _ in windows)


def test_time_before_its_day_is_a_separate_alternative() -> None:
    windows, _ = read("Ensi viikolla joko keskiviikkona klo 8 ja 10 välillä tai 14.30 torstaina.", "fi")
    assert windows == {("2026-12-02", "08:00", "10:00"), ("2026-12-03", "14:30", "15:30")}


def test_a_day_offered_as_alternative_is_whole() -> None:
    windows, _ = read("Huomenna aamupäivällä tai ylihuomenna.", "fi")
    assert windows == {("2026-11-25", "08:00", "12:00"), ("2026-11-26", "08:00", "20:00")}


def test_negation_inside_a_time_expression_negates_nothing() -> None:
    windows, _ = read("We are free the remainder of this week, no earlier than 10 and no later than 12.", "en")
    assert {(a, b) for _, a, b in windows} == {("10:00", "12:00")}


def test_a_hyphen_between_clock_times_is_no_bullet() -> None:
    assert read("9:30 - 11:00 on Thursday.", "en")[0] == {("2026-11-26", "09:30", "11:00")}


# --- what the grammar did not read ----------------------------------------------------------------

def test_unread_time_tokens_are_shown_to_staff() -> None:
    got = parse("Hei, haluaisin työnohjausta. Sopisiko torstaina 8 tai jotain 7-ish?")
    assert got["needs_review"]
    assert any(str(r).startswith("time expression not understood: «") for r in got["reasons"])  # type: ignore[union-attr]


def test_numbers_known_to_be_no_time_are_explained() -> None:
    lex = load("fi")
    text = "soita 040 718 2293, postinumero 00510, hinta 120 €, kesto 90 min, lasku nro 4711, 35-vuotias"
    assert not re.search(r"\d", numbers_explained(text, lex))
    assert missed("Minulle sopii 14.30", "minulle sopii 14.30", [], lex) == ["Minulle sopii 14.30"]


def test_a_signature_and_counts_do_not_need_review() -> None:
    got = parse("Hei,\n\nhaluaisimme ryhmätyönohjausta 8 hengelle, 5 kertaa, tiistaisin klo 13–15.\n\n"
                "Terveisin\nMaija Virtanen\npuh. 040 123 4567\nTeollisuuskatu 14 B, 00510 Helsinki")
    assert got["needs_review"] is False, got["reasons"]
    assert got["participants"] == 8 and got["sessions"] == 5


def test_a_message_full_of_numbers_gives_no_windows_automatically() -> None:
    got = parse("LASKU\nLaskun numero: 2026-1187\nEräpäivä: 18.12.2026\nViitenumero: 12345 67897\n"
                "IBAN FI21 1234 5600 0007 85\nMaksettava yhteensä 1 449,53 €\nYlläpitosiivous ma 7.12. klo 17")
    assert got["intent"] == "other" or got["needs_review"]


# --- who asks, and what a person must see -----------------------------------------------------------

@pytest.mark.parametrize(
    "body",
    [
        "moi haluisin työnohjausta ens viikol. en jaksa enää mitään ja välil tuntuu ettei oo mitään järkee elää",
        "Hej, jag vill boka handledning. Ibland tänker jag att det vore lika bra om jag inte vaknade.",
        "Hi, I'd like to book supervision. Honestly everyone would be better off if I just disappeared for good.",
    ],
)
def test_crisis_cues_always_go_to_a_person(body: str) -> None:
    got = parse(body)
    assert got["needs_review"] and "sensitive or crisis content" in got["reasons"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "body",
    ["Hei, voisitteko soittaa minulle työnohjauksesta? 040 123 4567",
     "Hej, kan ni ringa mig om handledningen?",
     "Hello, please call me back about the supervision."],
)
def test_a_call_back_wish_is_a_question(body: str) -> None:
    got = parse(body)
    assert got["intent"] == "question" and got["needs_review"]


def test_the_supervisor_wanted_not_the_one_complained_about() -> None:
    got = parse("Hei, olen käynyt Mikko Laisella neljä kertaa, mutta kokemus ei ole ollut hyvä. "
                "Haluaisin jatkaa Aino Virtasen kanssa, vielä kaksi kertaa. Keskiviikot klo 14–16 sopivat.")
    assert got["supervisor"] == "Aino Virtanen"
    assert got["sessions"] == 2
    assert got["needs_review"] and "complaint" in got["reasons"]  # type: ignore[operator]


def test_phishing_with_deadlines_is_other() -> None:
    got = parse("Sähköpostitilisi tallennustila on täynnä. Vahvista tilisi viimeistään torstaina 26.11. "
                "klo 23.59 alla olevasta linkistä, muuten tilisi poistetaan käytöstä.")
    assert got["intent"] == "other" and got["windows"] == []


@pytest.mark.parametrize(
    ("body", "field", "value"),
    [
        ("Hei, osastomme hoitajat tarvitsisivat työnohjausta, meitä on kymmenen hengen porukka.", "service", "group"),
        ("Hej! Hela vår enhet, tolv personer, skulle behöva handledning.", "participants", 12),
        ("Hej, jag är nybliven enhetschef och skulle behöva handledning.", "service", "leader"),
        ("Hi, I'm a newly promoted manager and would like supervision.", "service", "leader"),
        ("Hej, vi vill ha handledning på plats i Vasa.", "location", "Vaasa"),
        ("moi, mul ois tarve työnohjaukselle ihan itelle", "service", "individual"),
        ("Hei, varaisin työnohjausta, olemme sopineet viidestä kerrasta.", "sessions", 5),
        ("Haluaisin työnohjausta mieluummin kasvotusten kuin Teamsissa.", "mode", "onsite"),
        ("Haluaisin työnohjausta. Etänä en saa rauhaa, joten paikan päällä Helsingissä.", "mode", "onsite"),
        ("Hei, haluaisin työnohjausta. Olen ensi viikon koulutuksessa Kuopiossa, muuten etänä.", "location", None),
    ],
)
def test_fields_from_the_phrasings_people_use(body: str, field: str, value: object) -> None:
    assert parse(body)[field] == value


def test_a_request_with_nothing_to_book_is_weak_evidence() -> None:
    got = parse("Hei, tässä tiedoksi uudet yhteystietoni.", subject="tiedoksi")
    assert got["needs_review"] and any("weak evidence" in r for r in got["reasons"])  # type: ignore[union-attr]


def test_mentions_are_found_once_each() -> None:
    ms = find_mentions("ti., to. eller fre. efter lunch", load("sv"))
    assert [m.kind for m in ms] == ["weekday", "time"]
    assert ms[0].weekdays == frozenset({1, 3, 4})
