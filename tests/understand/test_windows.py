"""Phrase → windows, in all three languages: every row of CONTRACT §2.1 and its settled readings."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from mailbot.understand.lexicon import load
from mailbot.understand.times import read_times
from mailbot.understand.windows import Context

TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=TZ)  # Tuesday, ISO week 48


def read(text: str, lang: str, now: datetime = NOW, horizon: int = 90) -> tuple[set[tuple[str, str, str]], list[str]]:
    reading = read_times(text, load(lang), Context(now=now, horizon_days=horizon, tz=TZ))
    out = set()
    for s, e in reading.windows:
        out.add((s.date().isoformat(), s.strftime("%H:%M"), e.strftime("%H:%M")))
    return out, reading.problems


def days(windows: set[tuple[str, str, str]]) -> list[str]:
    return sorted({d for d, _, _ in windows})


def times(windows: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(a, b) for _, a, b in windows}


@pytest.mark.parametrize(
    ("lang", "text", "want_days", "want_times"),
    [
        # a whole day
        ("fi", "Sopisiko torstaina?", ["2026-11-26"], {("08:00", "20:00")}),
        ("sv", "Skulle torsdag passa?", ["2026-11-26"], {("08:00", "20:00")}),
        ("en", "Would Thursday work?", ["2026-11-26"], {("08:00", "20:00")}),
        ("fi", "Huomenna sopisi.", ["2026-11-25"], {("08:00", "20:00")}),
        ("sv", "I morgon går bra.", ["2026-11-25"], {("08:00", "20:00")}),
        ("en", "Tomorrow is fine.", ["2026-11-25"], {("08:00", "20:00")}),
        ("fi", "Sopisiko 3.12.?", ["2026-12-03"], {("08:00", "20:00")}),
        ("fi", "Sopisiko 3.12.2026?", ["2026-12-03"], {("08:00", "20:00")}),
        ("fi", "Kävisikö 3. joulukuuta?", ["2026-12-03"], {("08:00", "20:00")}),
        ("fi", "Entä joulukuun 3. päivänä?", ["2026-12-03"], {("08:00", "20:00")}),
        ("sv", "Passar den 3 december?", ["2026-12-03"], {("08:00", "20:00")}),
        ("en", "Is December 3 possible?", ["2026-12-03"], {("08:00", "20:00")}),
        ("en", "Is 3 December possible?", ["2026-12-03"], {("08:00", "20:00")}),
        ("fi", "Sopisiko 3/12?", ["2026-12-03"], {("08:00", "20:00")}),
        # parts of the day
        ("fi", "Torstaina aamupäivällä.", ["2026-11-26"], {("08:00", "12:00")}),
        ("sv", "Torsdag på förmiddagen.", ["2026-11-26"], {("08:00", "12:00")}),
        ("en", "Thursday morning.", ["2026-11-26"], {("08:00", "12:00")}),
        ("fi", "Torstaina lounasaikaan.", ["2026-11-26"], {("10:00", "14:00")}),
        ("sv", "Torsdag vid lunch.", ["2026-11-26"], {("10:00", "14:00")}),
        ("en", "Thursday around lunch.", ["2026-11-26"], {("10:00", "14:00")}),
        ("fi", "Torstaina iltapäivällä.", ["2026-11-26"], {("12:00", "16:00")}),
        ("fi", "Torstai-iltapäivänä.", ["2026-11-26"], {("12:00", "16:00")}),
        ("sv", "Torsdag eftermiddag.", ["2026-11-26"], {("12:00", "16:00")}),
        ("en", "Thursday afternoon.", ["2026-11-26"], {("12:00", "16:00")}),
        ("fi", "Torstaina työajan jälkeen.", ["2026-11-26"], {("16:00", "20:00")}),
        ("sv", "Torsdag på kvällen.", ["2026-11-26"], {("16:00", "20:00")}),
        ("en", "Thursday evening.", ["2026-11-26"], {("16:00", "20:00")}),
        # clock times
        ("fi", "Torstaina klo 14.", ["2026-11-26"], {("14:00", "15:00")}),
        ("fi", "Torstaina kello 14.30.", ["2026-11-26"], {("14:30", "15:30")}),
        ("sv", "Torsdag kl. 14.", ["2026-11-26"], {("14:00", "15:00")}),
        ("en", "Thursday at 2 pm.", ["2026-11-26"], {("14:00", "15:00")}),
        ("fi", "Torstaina klo 12–14.", ["2026-11-26"], {("12:00", "14:00")}),
        ("sv", "Torsdag kl. 12-14.", ["2026-11-26"], {("12:00", "14:00")}),
        ("en", "Thursday between 12 and 2.", ["2026-11-26"], {("12:00", "14:00")}),
        ("fi", "Torstaina klo 12 jälkeen.", ["2026-11-26"], {("12:00", "20:00")}),
        ("sv", "Torsdag efter kl. 12.", ["2026-11-26"], {("12:00", "20:00")}),
        ("en", "Thursday after 12.", ["2026-11-26"], {("12:00", "20:00")}),
        ("fi", "Torstaina ennen klo 10.", ["2026-11-26"], {("08:00", "10:00")}),
        ("sv", "Torsdag före kl. 10.", ["2026-11-26"], {("08:00", "10:00")}),
        ("en", "Thursday before 10.", ["2026-11-26"], {("08:00", "10:00")}),
        # weeks
        ("fi", "Tällä viikolla.", ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"], {("08:00", "20:00")}),
        ("sv", "Denna vecka.", ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"], {("08:00", "20:00")}),
        ("fi", "Ensi viikolla.", ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"],
         {("08:00", "20:00")}),
        ("en", "Next week.", ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"],
         {("08:00", "20:00")}),
        ("sv", "Vecka 50.", ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"],
         {("08:00", "20:00")}),
        ("fi", "Viikolla 2.", ["2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14", "2027-01-15"],
         {("08:00", "20:00")}),
        ("fi", "Kahden viikon päästä.", ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"],
         {("08:00", "20:00")}),
        ("sv", "Om två veckor.", ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"],
         {("08:00", "20:00")}),
        ("en", "In 2 weeks.", ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"],
         {("08:00", "20:00")}),
        # weekday ranges, a weekday within a span
        ("fi", "Ensi viikolla ma–ke.", ["2026-11-30", "2026-12-01", "2026-12-02"], {("08:00", "20:00")}),
        ("sv", "Nästa vecka måndag–onsdag.", ["2026-11-30", "2026-12-01", "2026-12-02"], {("08:00", "20:00")}),
        ("en", "Next week Monday to Wednesday.", ["2026-11-30", "2026-12-01", "2026-12-02"], {("08:00", "20:00")}),
        ("fi", "Ensi viikolla tiistaina tai keskiviikkona iltapäivällä.", ["2026-12-01", "2026-12-02"],
         {("12:00", "16:00")}),
        ("fi", "Huomenna tai torstaina klo 12–14.", ["2026-11-25", "2026-11-26"], {("12:00", "14:00")}),
        # months and their parts
        ("fi", "Joulukuun alussa.", [f"2026-12-{d:02d}" for d in range(1, 11)], {("08:00", "20:00")}),
        ("fi", "Joulukuun puolivälissä.", [f"2026-12-{d:02d}" for d in range(11, 21)], {("08:00", "20:00")}),
        ("sv", "I mitten av december.", [f"2026-12-{d:02d}" for d in range(11, 21)], {("08:00", "20:00")}),
        ("en", "Late December.", [f"2026-12-{d:02d}" for d in range(21, 32)], {("08:00", "20:00")}),
        ("sv", "I slutet av januari.", [f"2027-01-{d:02d}" for d in range(21, 32)], {("08:00", "20:00")}),
        ("fi", "Ensi kuussa.", [f"2026-12-{d:02d}" for d in range(1, 32)], {("08:00", "20:00")}),
        ("en", "Next month.", [f"2026-12-{d:02d}" for d in range(1, 32)], {("08:00", "20:00")}),
    ],
)
def test_expression(lang: str, text: str, want_days: list[str], want_times: set[tuple[str, str]]) -> None:
    got, _ = read(text, lang)
    assert days(got) == want_days
    today_from_now = {(a, b) for d, a, b in got if d == NOW.date().isoformat()}
    assert times(got) - today_from_now == want_times


@pytest.mark.parametrize(
    ("lang", "text", "weekday"),
    [("fi", "Tiistaisin iltapäivällä.", 1), ("sv", "På tisdagar på eftermiddagen.", 1),
     ("en", "On Tuesdays in the afternoon.", 1), ("fi", "Keskiviikkoisin klo 12–14.", 2)],
)
def test_habitual_weekday_repeats_over_the_horizon(lang: str, text: str, weekday: int) -> None:
    got, _ = read(text, lang)
    ds = [date.fromisoformat(d) for d in days(got)]
    assert len(ds) >= 12 and {d.weekday() for d in ds} == {weekday}


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fi", "En pääse perjantaisin."), ("sv", "Jag kan inte på fredagar."), ("en", "I can't do Fridays.")],
)
def test_exclusion_only_is_every_day_but_those(lang: str, text: str) -> None:
    got, _ = read(text, lang)
    ds = {date.fromisoformat(d).weekday() for d in days(got)}
    assert 4 not in ds and {0, 1, 2, 3} <= ds
    full_days = {(a, b) for d, a, b in got if NOW.date().isoformat() < d < "2027-02-22"}
    assert full_days == {("08:00", "20:00")}


def test_exclusion_removes_from_include() -> None:
    got, _ = read("Joulukuussa sopisi, mutta en pääse perjantaisin.", "fi")
    ds = [date.fromisoformat(d) for d in days(got)]
    assert ds[0] == date(2026, 12, 1) and ds[-1] == date(2026, 12, 31)
    assert all(d.weekday() != 4 for d in ds)


def test_time_part_without_day_applies_to_the_named_span() -> None:
    got, _ = read("Ensi viikolla sopisi. Aamupäivisin pääsen parhaiten.", "fi")
    assert days(got) == ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]
    assert times(got) == {("08:00", "12:00")}


def test_weekday_and_date_disagree_keeps_both_and_asks_review() -> None:
    got, problems = read("Sopisiko torstaina 15.1.2027 klo 13?", "fi")  # 15.1.2027 is a Friday
    assert days(got) == ["2027-01-14", "2027-01-15"]
    assert "weekday and date disagree" in problems


def test_impossible_time_is_dropped_and_day_kept() -> None:
    got, problems = read("Sopisiko ensi viikon tiistaina klo 25?", "fi")
    assert days(got) == ["2026-12-01"] and times(got) == {("08:00", "20:00")}
    assert "impossible time" in problems


def test_past_date_gives_no_window_and_review() -> None:
    got, problems = read("Skulle måndagen den 23 november kl. 10 passa?", "sv")
    assert got == set()
    assert "requested date is in the past" in problems


def test_past_tense_and_last_weekday_are_not_windows() -> None:
    got, _ = read("Elokuussa aloitimme, ja viime torstaina oli viimeinen kerta. Tammikuun lopussa sopisi.", "fi")
    assert days(got)[0] == "2027-01-21" and days(got)[-1] == "2027-01-31"


def test_english_slashed_date_that_reads_both_ways_is_ambiguous() -> None:
    got, problems = read("Would 2/3 work?", "en", now=datetime(2027, 1, 10, 9, 0, tzinfo=TZ))
    assert days(got) == ["2027-02-03", "2027-03-02"]
    assert "ambiguous date" in problems


@pytest.mark.parametrize(("lang", "text"), [("fi", "Mahdollisimman pian, kiitos."), ("sv", "Så snart som möjligt."),
                                            ("en", "Any time is fine.")])
def test_no_constraint(lang: str, text: str) -> None:
    assert read(text, lang)[0] == set()


def test_holiday_by_name_is_not_read_and_asks_review() -> None:
    got, problems = read("Pääsiäisen jälkeen sopisi.", "fi")
    assert got == set() and "time expression not understood" in problems


def test_dst_change_keeps_local_hours() -> None:
    now = datetime(2027, 3, 24, 9, 0, tzinfo=TZ)  # DST starts on Sunday 28 March 2027
    reading = read_times("Maanantaina klo 9.", load("fi"), Context(now=now, horizon_days=90, tz=TZ))
    (start, end), = reading.windows
    assert start.date() == date(2027, 3, 29) and start.hour == 9 and start.utcoffset().total_seconds() == 3 * 3600


def test_weekday_and_date_across_a_comma_are_one_expression() -> None:
    got, problems = read("Would Monday, January 26 at 1 pm be possible?", "en", now=datetime(2027, 1, 5, 10, tzinfo=TZ))
    assert days(got) == ["2027-01-25", "2027-01-26"] and "weekday and date disagree" in problems


def test_each_negation_excludes_on_its_own() -> None:
    got, _ = read("Vi är flexibla, men inte på fredagar och inte efter kl. 15.", "sv")
    assert all(date.fromisoformat(d).weekday() != 4 for d in days(got))
    assert {b for d, _, b in got if d < "2027-02-22"} == {"15:00"}  # the horizon's last day ends at 09:00


def test_a_whole_day_flag_keeps_its_own_day_in_one_sentence() -> None:
    got, _ = read("Passar det i morgon, när som helst, eller på torsdag eftermiddag?", "sv")
    assert got == {("2026-11-25", "08:00", "20:00"), ("2026-11-26", "12:00", "16:00")}


def test_a_plural_weekday_range_repeats() -> None:
    got, _ = read("Minulle sopivat parhaiten ma–ke-päivät klo 15 jälkeen.", "fi")
    assert len(days(got)) > 30 and {date.fromisoformat(d).weekday() for d in days(got)} == {0, 1, 2}


def test_the_booked_appointment_is_no_window_in_a_reschedule() -> None:
    reading = read_times("Please move my appointment on Thursday to next week, Tuesday or Wednesday after 2 pm.",
                         load("en"), Context(now=NOW, horizon_days=90, tz=TZ), skip_references=True)
    assert {s.date().isoformat() for s, _ in reading.windows} == {"2026-12-01", "2026-12-02"}


@pytest.mark.parametrize(("lang", "text"), [("en", "Good morning,\n\nCould we meet next Tuesday?\n\nHave a nice evening!"),
                                            ("fi", "Sopisiko ensi tiistaina? Hyvää illanjatkoa!")])
def test_greetings_are_no_time_wishes(lang: str, text: str) -> None:
    got, _ = read(text, lang)
    assert times(got) - {("09:00", "20:00")} == {("08:00", "20:00")}


def test_a_salutation_word_inside_a_wish_still_counts() -> None:
    got, _ = read("Good morning, could we meet on Tuesday morning?", "en")
    assert times(got) == {("08:00", "12:00")}


def test_week_of_a_date_and_day_of_month() -> None:
    got, _ = read("Could we do the week of 18 January, afternoons?", "en")
    assert days(got) == ["2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21", "2027-01-22"]
    got, _ = read("Could we meet on the 12th at 10am?", "en")
    assert got == {("2026-12-12", "10:00", "11:00")}


def test_abbreviated_weekdays_joined_by_or() -> None:
    got, _ = read("Ensi viikolla ma tai ti aamupäivällä sopisi.", "fi")
    assert days(got) == ["2026-11-30", "2026-12-01"] and times(got) == {("08:00", "12:00")}


def test_the_same_week_as_the_booked_time_and_its_hour_are_not_wishes() -> None:
    reading = read_times("Something came up for my session on Tuesday 1 December at 2 pm. Could we move it to "
                         "Thursday or Friday of the same week, in the afternoon?", load("en"),
                         Context(now=NOW, horizon_days=90, tz=TZ), skip_references=True)
    assert [(s.date().isoformat(), s.hour, e.hour) for s, e in reading.windows] == [
        ("2026-12-03", 12, 16), ("2026-12-04", 12, 16)]


@pytest.mark.parametrize(("lang", "text"), [("fi", "Joulukuun viimeisellä viikolla."), ("en", "The last week of December."),
                                            ("sv", "Sista veckan i december.")])
def test_the_last_week_of_a_month_is_its_last_calendar_week_not_the_past(lang: str, text: str) -> None:
    # 31.12.2026 is a Thursday: the week of 28 December, to the month's end
    got, _ = read(text, lang)
    assert days(got) == ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"]


@pytest.mark.parametrize(("lang", "text"), [("fi", "Maaliskuun viimeisellä viikolla."), ("en", "The last week of March.")])
def test_a_month_that_ends_early_in_a_week_has_the_week_before_as_its_last(lang: str, text: str) -> None:
    # 31.3.2027 is a Wednesday: the last whole week is 22–28 March
    got, _ = read(text, lang, now=datetime(2027, 2, 1, 9, 0, tzinfo=TZ))
    assert days(got)[0] == "2027-03-22" and days(got)[-1] == "2027-03-28"


def test_a_finnish_weekday_range_by_cases() -> None:
    got, _ = read("Maanantaista keskiviikkoon ensi viikolla.", "fi")
    assert days(got) == ["2026-11-30", "2026-12-01", "2026-12-02"]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("fi", "Maanantaina kello yhdeksän.", {("2026-11-30", "09:00", "10:00")}),
    ("fi", "Maanantaina iltapäivällä kahden jälkeen.", {("2026-11-30", "14:00", "16:00")}),
    ("sv", "Måndag klockan nio.", {("2026-11-30", "09:00", "10:00")}),
    ("en", "Monday at nine.", {("2026-11-30", "09:00", "10:00")}),
])
def test_hours_written_as_words(lang: str, text: str, want: set[tuple[str, str, str]]) -> None:
    assert read(text, lang)[0] == want


def test_parts_of_a_week() -> None:
    assert days(read("Viikon 50 alkupuolella sopisi.", "fi")[0]) == ["2026-12-07", "2026-12-08", "2026-12-09"]
    assert days(read("Ensi viikon loppupuolella sopisi.", "fi")[0]) == ["2026-12-03", "2026-12-04"]


def test_a_consequence_clause_takes_back_the_days_before_it() -> None:
    got, _ = read("Viikolla 50 sopisi. Viikko 49 on lomaviikko, joten se ei käy.", "fi")
    assert days(got)[0] == "2026-12-07"
    got, _ = read("Viikko 49 on lomaviikko, joten se ei käy.", "fi")
    assert "2026-12-01" not in days(got) and "2026-12-08" in days(got)


def test_a_month_turn_is_not_read_and_asks_review() -> None:
    got, problems = read("Maalis-huhtikuun vaihteessa sopisi.", "fi")
    assert got == set() and "time expression not understood" in problems


def test_a_spoken_reason_clause_is_no_wish() -> None:
    # "ku iltapäivisin meil on asiakkaita": why not afternoons, so mornings only
    got, _ = read("Torstai tai perjantai, mieluiten aamusta ku iltapäivisin meil on asiakkaita.", "fi")
    assert days(got) == ["2026-11-26", "2026-11-27"]
    assert times(got) == {("08:00", "12:00")}


HORIZON_END = "2027-02-22"  # NOW + 90 days


@pytest.mark.parametrize(
    ("lang", "text", "first"),
    [
        # "after" a week or a date: every day from the next one on, to the end of the horizon
        ("fi", "Ensi viikon jälkeen sopii.", "2026-12-07"),
        ("fi", "Viikon 50 jälkeen sopii.", "2026-12-14"),  # "50 jälkeen" is no clock time after a week noun
        ("en", "Any time after week 50.", "2026-12-14"),
        ("sv", "Efter vecka 50 passar det.", "2026-12-14"),
        ("fi", "Joulukuun 20. päivän jälkeen.", "2026-12-21"),
        ("fi", "20.12. jälkeen.", "2026-12-21"),
        # "from" a week or a date: from its first day on
        ("fi", "20.12. alkaen.", "2026-12-20"),
        ("sv", "Från och med v. 50.", "2026-12-07"),
    ],
)
def test_after_or_from_a_day_opens_a_span_to_the_horizon(lang: str, text: str, first: str) -> None:
    got, _ = read(text, lang)
    ds = days(got)
    assert ds[0] == first and ds[-1] == HORIZON_END


def test_from_a_week_with_habitual_weekdays() -> None:
    got, _ = read("Från och med v. 50, måndagar kl. 13–16.", "sv")
    ds = [date.fromisoformat(d) for d in days(got)]
    assert ds[0] == date(2026, 12, 7) and all(d.weekday() == 0 for d in ds) and len(ds) == 11  # 22.2. ends at 09:00
    assert times(got) == {("13:00", "16:00")}


def test_a_suspended_month_compound_is_a_range_of_months() -> None:
    got, _ = read("Tammi–helmikuussa olisi hyvä.", "fi")
    ds = days(got)
    assert ds[0] == "2027-01-01" and ds[-1] == HORIZON_END


@pytest.mark.parametrize(
    ("lang", "text", "want_days", "want_times"),
    [
        ("fi", "ensviikol ti tai to illalla kay", ["2026-12-01", "2026-12-03"], {("16:00", "20:00")}),
        ("sv", "Före kl 10 eller efter 15 passar bäst, mitt på dagen har jag mina teammöten. Nästa vecka.",
         ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"], {("08:00", "10:00"), ("15:00", "20:00")}),
        # the holiday week told as news is out; the cottage says so too
        ("fi", "Hiihtoloma on vk 50 ja ollaan silloin mökillä. Vk 51 ma tai ti käy.", ["2026-12-14", "2026-12-15"],
         {("08:00", "20:00")}),
        # another meeting's own schedule is context, not a wish and not busy time
        ("fi", "Johtoryhmä kokoontuu maanantaisin, joten työnohjaus sopisi ensi viikon tiistaina.", ["2026-12-01"],
         {("08:00", "20:00")}),
    ],
)
def test_more_spoken_and_compound_forms(lang: str, text: str, want_days: list[str],
                                        want_times: set[tuple[str, str]]) -> None:
    got, _ = read(text, lang)
    assert days(got) == want_days
    assert times(got) == want_times


@pytest.mark.parametrize(
    ("lang", "text", "weekday_out", "want_times"),
    [
        ("en", "Any morning but Monday works for me.", 0, {("08:00", "12:00")}),
        ("fi", "Mikä tahansa aamu paitsi maanantai käy.", 0, {("08:00", "12:00")}),
        ("fi", "Pääsen vasta klo 14 jälkeen muttei perjantaina.", 4, {("14:00", "20:00")}),
        ("en", "Mornings are fine. Our sprint review is every other Friday, so Fridays are best avoided.", 4,
         {("08:00", "12:00")}),
        ("en", "Any day before 10 am works, except Friday, when I have the morning clinic.", 4, {("08:00", "10:00")}),
    ],
)
def test_every_day_but_one_weekday(lang: str, text: str, weekday_out: int, want_times: set[tuple[str, str]]) -> None:
    got, problems = read(text, lang)
    ds = [date.fromisoformat(d) for d in days(got)]
    assert len(ds) > 50 and all(d.weekday() != weekday_out for d in ds), problems
    assert {(a, b) for d, a, b in got if NOW.date().isoformat() < d < HORIZON_END} == want_times


def test_then_nothing_takes_the_week_back() -> None:
    got, _ = read("Vk 50 on lomaviikko, silloin ei mitään.", "fi")
    ds = days(got)
    assert len(ds) > 60 and not any("2026-12-07" <= d <= "2026-12-11" for d in ds)


@pytest.mark.parametrize(
    ("lang", "text", "want_days", "want_times"),
    [
        # "…, ja sen jälkeen" inside one sentence: after what the sentence named before
        ("fi", "Loma on 1.12.–13.12., ja sen jälkeen pääsen maanantaisin aamupäivällä.",
         ["2026-12-14", "2026-12-21", "2026-12-28"], {("08:00", "12:00")}),
        # a day and two bare hours: a table row, "ma 30.11. 9–11"
        ("fi", "Ajat: ma 30.11. 9–11 tai ti 1.12. 13–16", ["2026-11-30", "2026-12-01"],
         {("09:00", "11:00"), ("13:00", "16:00")}),
        ("en", "Mon 30.11. 9-11", ["2026-11-30"], {("09:00", "11:00")}),
    ],
)
def test_after_that_in_a_clause_and_hours_after_a_day(lang: str, text: str, want_days: list[str],
                                                      want_times: set[tuple[str, str]]) -> None:
    got, _ = read(text, lang, horizon=35)
    assert days(got) == want_days
    assert times(got) == want_times


def test_from_the_start_of_a_month_on_is_open_but_starting_in_a_month_is_that_month() -> None:
    got, _ = read("Joulukuun alusta alkaen keskiviikkoisin iltapäivällä.", "fi")
    ds = days(got)
    assert ds[0] == "2026-12-02" and ds[-1] > "2027-01-31"
    got, _ = read("Med start i december, tisdagar.", "sv")
    assert days(got)[0] == "2026-12-01" and days(got)[-1] == "2026-12-29"  # CONTRACT §2.1.1: that month


def test_usually_makes_the_weekdays_habits() -> None:
    got, _ = read("Ti–to klo 13–15 on yleensä vapaata kaikilla.", "fi")
    ds = [date.fromisoformat(d) for d in days(got)]
    assert len(ds) > 30 and {d.weekday() for d in ds} == {1, 2, 3}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "I'd like to start when the kids are back at school. Afternoons work best."),
    ("fi", "Aloitetaan kun lapset on taas koulussa. Iltapäivät käy."),
    ("sv", "Vi börjar när barnen har börjat skolan. Eftermiddagar passar."),
])
def test_a_start_tied_to_the_school_year_is_not_read(lang: str, text: str) -> None:
    _, problems = read(text, lang)
    assert "time expression not understood" in problems


@pytest.mark.parametrize(("lang", "text"), [
    ("fi", "Lukuvuosi päättyy 18.12., ja viikolla 51 tiistai käy."),
    ("en", "The school year ends on 18 December; in week 51 Tuesday works."),
    ("sv", "Terminen slutar den 18 december, vecka 51 passar tisdag."),
])
def test_a_date_told_as_news_of_another_calendar_is_no_wish(lang: str, text: str) -> None:
    got, _ = read(text, lang)
    assert days(got) == ["2026-12-15"]


def test_a_project_or_ticket_code_is_no_time() -> None:
    for text in ("Tiistaisin käy. Jira-projekti on DEV-1402, jos tarvitsette viitteen.", "Tiistaisin käy. PRJ-2231."):
        _, problems = read(text, "fi")
        assert not any(p.startswith("time expression not understood") for p in problems), problems


def test_spoken_but_splits_and_an_hour_at_the_parts_end_is_that_hour() -> None:
    got, _ = read("Joulukuun alussa iltapäivät ois parhaat mut maanantait ja tiistait ei käy.", "fi")
    assert days(got)[0] == "2026-12-02" and times(got) == {("12:00", "16:00")}
    assert not {"2026-12-01", "2026-12-07", "2026-12-08"} & set(days(got))
    got, _ = read("Perjantaina kahdelta päivällä.", "fi")  # 14:00, not the midday part as well
    assert times(got) == {("14:00", "15:00")}
