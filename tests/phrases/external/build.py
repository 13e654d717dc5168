#!/usr/bin/env python3
"""Regenerate phrases.jsonl: test phrases of other date parsers, answered under OUR contract.

    python build.py            # writes phrases.jsonl next to this file
    python build.py --check    # rebuild in memory and compare with the file on disk

Each entry below is a phrase taken (lower-cased or lightly adapted where noted) from the public
test data of another date parser, with the reading our contract (CONTRACT.md 2.1, 2.1.1) gives it.
The expected availability is computed here with datetime, never written by hand. Standard library
only; the output is deterministic (fixed `now` values, fixed order).

Record: {"id", "lang", "construction", "text", "now", "availability", "source"}; `availability` is
the compact rule form of shared/tools/eval_parse.py ({"include": [RULE]} or null).
"""
from __future__ import annotations

import argparse
import calendar
import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Helsinki")
OUT = Path(__file__).with_name("phrases.jsonl")
WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# --- reference times ("now"), local Helsinki time; the offset is computed -----------------
NOWS = {
    "wed": "2026-12-02 09:00",   # Wednesday
    "thu": "2026-11-05 09:00",   # Thursday
    "mon": "2027-01-11 09:00",   # Monday
    "tue": "2027-02-16 09:00",   # Tuesday
    "fri": "2027-01-15 09:00",   # Friday
    "sun": "2026-11-29 12:00",   # Sunday (for "Monday to Friday")
    "mar27": "2027-03-01 09:00",  # Monday, spring (May inside the horizon)
    "mar15": "2027-03-15 09:00",  # Monday
    "mar26": "2026-03-02 09:00",  # Monday (15 May 2026 is a Friday)
    "apr27": "2027-04-12 09:00",  # Monday, summer time (+03:00)
    "jun26": "2026-06-15 09:00",  # Monday, summer time
    "jul26": "2026-07-20 09:00",  # Monday, summer time
    "sep26": "2026-09-14 09:00",  # Monday, summer time
    "oct26": "2026-10-01 09:00",  # Thursday, summer time (27.10.2026 is a Tuesday)
    "jun27": "2027-06-14 09:00",  # Monday (12 July 2027 is a Monday)
    "aug27": "2027-08-16 09:00",  # Monday (3 September 2027 is a Friday)
    "dec27": "2027-12-08 09:00",  # Wednesday (3 January 2028 is a Monday)
    "jul28": "2028-07-17 09:00",  # Monday (15 August 2028 is a Tuesday)
    "mar28": "2028-03-01 09:00",  # Wednesday (25 April 2028 is a Tuesday)
    "oct28": "2028-10-02 09:00",  # Monday (24 October 2028 is a Tuesday)
    "jan30": "2030-01-21 09:00",  # Monday (18 February 2030 is a Monday)
}

# --- sources --------------------------------------------------------------------------------
S = {
    "c_fi_cas": "wanasit/chrono:test/fi/fi_casual.test.ts",
    "c_fi_ct": "wanasit/chrono:test/fi/fi_casual_time.test.ts",
    "c_fi_wd": "wanasit/chrono:test/fi/fi_weekday.test.ts",
    "c_fi_mon": "wanasit/chrono:test/fi/fi_month_name_little_endian.test.ts",
    "c_fi_time": "wanasit/chrono:test/fi/fi_time_exp.test.ts",
    "c_fi_within": "wanasit/chrono:test/fi/fi_time_units_within.test.ts",
    "c_sv_cas": "wanasit/chrono:test/sv/sv_casual.test.ts",
    "c_sv_mon": "wanasit/chrono:test/sv/sv_month_name_little_endian.test.ts",
    "c_sv_wd": "wanasit/chrono:test/sv/sv_weekday.test.ts",
    "c_en": "wanasit/chrono:test/en/en.test.ts",
    "c_en_cas": "wanasit/chrono:test/en/en_casual.test.ts",
    "c_en_wd": "wanasit/chrono:test/en/en_weekday.test.ts",
    "c_en_time": "wanasit/chrono:test/en/en_time_exp.test.ts",
    "c_en_rel": "wanasit/chrono:test/en/en_relative.test.ts",
    "c_en_month": "wanasit/chrono:test/en/en_month.test.ts",
    "c_en_mme": "wanasit/chrono:test/en/en_month_name_middle_endian.test.ts",
    "c_en_mle": "wanasit/chrono:test/en/en_month_name_little_endian.test.ts",
    "c_en_slash": "wanasit/chrono:test/en/en_slash.test.ts",
    "c_en_later": "wanasit/chrono:test/en/en_time_units_later.test.ts",
    "c_en_within": "wanasit/chrono:test/en/en_time_units_within.test.ts",
    "s_fi": "andrewplummer/Sugar:test/tests/locales/fi.js",
    "s_sv": "andrewplummer/Sugar:test/tests/locales/sv.js",
    "d_sv": "facebook/duckling:Duckling/Time/SV/Corpus.hs",
    "d_en": "facebook/duckling:Duckling/Time/EN/Corpus.hs",
    "dp_lang": "scrapinghub/dateparser:tests/test_languages.py",
    "dp_search": "scrapinghub/dateparser:tests/test_search.py",
    "dp_fresh": "scrapinghub/dateparser:tests/test_freshness_date_parser.py",
    "dp_fi_cldr": "scrapinghub/dateparser:dateparser_data/cldr_language_data/date_translation_data/fi.json",
    "dp_sv_cldr": "scrapinghub/dateparser:dateparser_data/cldr_language_data/date_translation_data/sv.json",
    "dp_fi_sup": "scrapinghub/dateparser:dateparser_data/supplementary_language_data/date_translation_data/fi.yaml",
}

# --- time parts (CONTRACT 2.1 table) --------------------------------------------------------
MORNING = [("08:00", "12:00")]
MIDDAY = [("10:00", "14:00")]
AFTERNOON = [("12:00", "16:00")]     # also "after lunch"
EVENING = [("16:00", "20:00")]       # also tonight / this evening


def AT(h: int, m: int = 0):
    """A start time: that time to one hour later."""
    return [(f"{h:02d}:{m:02d}", f"{h + 1:02d}:{m:02d}")]


def AFTER(h: int):
    return [(f"{h:02d}:00", "20:00")]


def BEFORE(h: int):
    return [("08:00", f"{h:02d}:00")]


def R(a: str, b: str):
    return [(a, b)]


# --- the phrases ----------------------------------------------------------------------------
# (lang, construction, text, now key, day expression, times, source key, original text if adapted)
# Day expressions: ("rel", n) today+n | ("wd", d) next such day after today | ("wd_next_week", d)
# | ("wd_this_week", d) | ("wd_range", d1, d2) | ("this_week",) | ("next_week",) | ("in_weeks", n)
# | ("date", m, d[, y[, weekday]]) | ("dates", [(m, d), ...]) | ("drange", (m, d[, y]), (m, d))
# | ("month", m[, y]) | ("month_part", m, "early"|"mid"|"late") | ("month_range", m1, m2)
# | ("this_month",) | ("next_month",) | ("next_month_day", d) | ("every",) | None (no preference)
P = [
    # ============================== Finnish ==============================
    ("fi", "relative_day", "tänään", "wed", ("rel", 0), None, "c_fi_cas", None),
    ("fi", "relative_day", "huomenna", "thu", ("rel", 1), None, "c_fi_cas", None),
    ("fi", "relative_day", "ylihuomenna", "mon", ("rel", 2), None, "c_fi_cas", None),
    ("fi", "relative_day_part", "tänään aamulla", "wed", ("rel", 0), MORNING, "c_fi_cas", None),
    ("fi", "relative_day_part", "tänään aamupäivällä", "thu", ("rel", 0), MORNING, "c_fi_cas", None),
    ("fi", "relative_day_part", "tänään päivällä", "mon", ("rel", 0), MIDDAY, "c_fi_cas", None),
    ("fi", "relative_day_part", "tänään iltapäivällä", "tue", ("rel", 0), AFTERNOON, "c_fi_cas", None),
    ("fi", "relative_day_part", "tänään illalla", "wed", ("rel", 0), EVENING, "c_fi_cas", None),
    ("fi", "part_of_day", "aamulla", "wed", ("every",), MORNING, "c_fi_ct", None),
    ("fi", "part_of_day", "aamupäivällä", "mon", ("every",), MORNING, "c_fi_ct", None),
    ("fi", "part_of_day", "päivällä", "thu", ("every",), MIDDAY, "c_fi_ct", None),
    ("fi", "part_of_day", "iltapäivällä", "wed", ("every",), AFTERNOON, "c_fi_ct", None),
    ("fi", "part_of_day", "illalla", "tue", ("every",), EVENING, "c_fi_ct", None),
    ("fi", "weekday", "maanantai", "wed", ("wd", "mon"), None, "c_fi_wd", None),
    ("fi", "weekday", "maanantaina", "mon", ("wd", "mon"), None, "c_fi_wd", None),
    ("fi", "weekday", "ensi maanantai", "thu", ("wd_next_week", "mon"), None, "c_fi_wd", None),
    ("fi", "weekday", "tiistai", "wed", ("wd", "tue"), None, "c_fi_wd", None),
    ("fi", "weekday", "keskiviikko", "thu", ("wd", "wed"), None, "c_fi_wd", None),
    ("fi", "weekday", "torstai", "mon", ("wd", "thu"), None, "c_fi_wd", None),
    ("fi", "weekday", "perjantai", "tue", ("wd", "fri"), None, "c_fi_wd", None),
    ("fi", "weekday", "ma", "wed", ("wd", "mon"), None, "c_fi_wd", None),
    ("fi", "weekday", "pe", "thu", ("wd", "fri"), None, "c_fi_wd", None),
    ("fi", "date", "15. elokuuta", "jul28", ("date", 8, 15), None, "c_fi_mon", None),
    ("fi", "date", "3 tammikuuta", "dec27", ("date", 1, 3), None, "c_fi_mon", None),
    ("fi", "date_range", "15-16 elokuuta", "jul28", ("drange", (8, 15), (8, 16)), None, "c_fi_mon", None),
    ("fi", "date", "15 elokuuta 2028", "jul28", ("date", 8, 15, 2028), None, "c_fi_mon", "15 elokuuta 2012"),
    ("fi", "date", "1 joulukuuta 2026", "thu", ("date", 12, 1, 2026), None, "c_fi_mon", "1 joulukuuta 2023"),
    ("fi", "time", "klo 15:00", "wed", ("every",), AT(15), "c_fi_time", None),
    ("fi", "time", "klo 13.00", "mon", ("every",), AT(13), "c_fi_time", None),
    ("fi", "time_range", "klo 10:00-12:00", "thu", ("every",), R("10:00", "12:00"), "c_fi_time", None),
    ("fi", "date_time", "15 elokuuta 2028 klo 14:00", "jul28", ("date", 8, 15, 2028), AT(14), "c_fi_time",
     "15 elokuuta 2012 klo 14:00"),
    ("fi", "in_n_days", "3 päivää päästä", "mon", ("rel", 3), None, "c_fi_within", None),
    ("fi", "week", "2 viikkoa päästä", "wed", ("in_weeks", 2), None, "c_fi_within", None),
    ("fi", "date", "15. toukokuuta", "mar26", ("date", 5, 15), None, "s_fi", None),
    ("fi", "date", "tiistaina 5. tammikuuta 2027", "wed", ("date", 1, 5, 2027, "tue"), None, "s_fi",
     "torstaina 5. tammikuuta 2012"),
    ("fi", "date", "tiistai 5. tammikuuta 2027", "thu", ("date", 1, 5, 2027, "tue"), None, "s_fi",
     "torstai 5. tammikuuta 2012"),
    ("fi", "month", "toukokuu 2026", "mar26", ("month", 5, 2026), None, "s_fi", "toukokuu 2011"),
    ("fi", "month", "tammikuu", "wed", ("month", 1), None, "s_fi", None),
    ("fi", "month", "helmikuu", "mon", ("month", 2), None, "s_fi", None),
    ("fi", "month", "maaliskuu", "tue", ("month", 3), None, "s_fi", None),
    ("fi", "month", "joulukuu", "thu", ("month", 12), None, "s_fi", None),
    ("fi", "in_n_days", "5 päivän päästä", "wed", ("rel", 5), None, "s_fi", None),
    ("fi", "week", "5 viikon päästä", "thu", ("in_weeks", 5), None, "s_fi", None),
    ("fi", "week", "ensi viikko", "wed", ("next_week",), None, "s_fi", None),
    ("fi", "week", "ensi viikolla", "fri", ("next_week",), None, "s_fi", None),
    ("fi", "week", "tällä viikolla", "mon", ("this_week",), None, "s_fi", None),
    ("fi", "week", "tämä viikko", "wed", ("this_week",), None, "s_fi", None),
    ("fi", "month", "tässä kuussa", "thu", ("this_month",), None, "s_fi", None),
    ("fi", "month", "seuraava kuukausi", "wed", ("next_month",), None, "s_fi", None),
    ("fi", "month", "ensi kuussa", "tue", ("next_month",), None, "s_fi", None),
    ("fi", "weekday", "ensi maanantaina", "wed", ("wd_next_week", "mon"), None, "s_fi", None),
    ("fi", "in_n_days", "3 päivän kuluttua", "mon", ("rel", 3), None, "s_fi", None),
    ("fi", "in_n_days", "1 päivän kuluttua", "wed", ("rel", 1), None, "s_fi", None),
    ("fi", "week", "1 viikon kuluttua", "tue", ("in_weeks", 1), None, "s_fi", None),
    ("fi", "week", "3 viikon kuluttua", "wed", ("in_weeks", 3), None, "s_fi", None),
    ("fi", "week", "3 viikon päästä", "mon", ("in_weeks", 3), None, "dp_lang", None),
    ("fi", "date", "tiistaina, 27. lokakuuta 2026", "oct26", ("date", 10, 27, 2026, "tue"), None, "dp_lang",
     "tiistaina, 27. lokakuuta 2015"),
    ("fi", "week", "ensi vk", "thu", ("next_week",), None, "dp_fi_cldr", None),
    ("fi", "week", "tällä vk", "tue", ("this_week",), None, "dp_fi_cldr", None),
    ("fi", "month", "tässä kk", "wed", ("this_month",), None, "dp_fi_cldr", None),
    ("fi", "month", "ensi kk", "mon", ("next_month",), None, "dp_fi_cldr", None),
    ("fi", "in_n_days", "2 pv päästä", "tue", ("rel", 2), None, "dp_fi_cldr", "{0} pv päästä"),
    ("fi", "week", "2 vk päästä", "mon", ("in_weeks", 2), None, "dp_fi_cldr", "{0} vk päästä"),
    ("fi", "month", "tammikuussa", "thu", ("month", 1), None, "dp_fi_sup", None),
    ("fi", "month", "helmikuussa", "wed", ("month", 2), None, "dp_fi_sup", None),
    ("fi", "month", "maaliskuussa", "mon", ("month", 3), None, "dp_fi_sup", None),
    ("fi", "month", "huhtikuussa", "tue", ("month", 4), None, "dp_fi_sup", None),
    ("fi", "month", "toukokuussa", "mar27", ("month", 5), None, "dp_fi_sup", None),
    ("fi", "month", "joulukuussa", "thu", ("month", 12), None, "dp_fi_sup", "Joulukuussa"),

    # ============================== Swedish ==============================
    ("sv", "relative_day", "idag", "wed", ("rel", 0), None, "d_sv", None),
    ("sv", "relative_day", "imorgon", "mon", ("rel", 1), None, "d_sv", None),
    ("sv", "relative_day", "i morgon", "wed", ("rel", 1), None, "d_sv", None),
    ("sv", "weekday", "måndag", "wed", ("wd", "mon"), None, "d_sv", None),
    ("sv", "weekday", "mån", "thu", ("wd", "mon"), None, "d_sv", None),
    ("sv", "weekday", "på måndag", "tue", ("wd", "mon"), None, "d_sv", None),
    ("sv", "weekday", "tisdag", "wed", ("wd", "tue"), None, "d_sv", None),
    ("sv", "weekday", "torsdag", "mon", ("wd", "thu"), None, "d_sv", None),
    ("sv", "weekday", "tors", "wed", ("wd", "thu"), None, "d_sv", None),
    ("sv", "weekday", "fredag", "thu", ("wd", "fri"), None, "d_sv", None),
    ("sv", "date", "måndag den 18 februari", "jan30", ("date", 2, 18, None, "mon"), None, "d_sv",
     "Måndag den 18 februari"),
    ("sv", "date", "den förste mars", "mon", ("date", 3, 1), None, "d_sv", "Den förste mars"),
    ("sv", "date", "den första mars", "tue", ("date", 3, 1), None, "d_sv", "Den första mars"),
    ("sv", "date", "1:a mars", "mon", ("date", 3, 1), None, "d_sv", None),
    ("sv", "date", "3 mars", "mon", ("date", 3, 3), None, "d_sv", None),
    ("sv", "date", "den 3:e mars", "mon", ("date", 3, 3), None, "d_sv", None),
    ("sv", "date", "den 15:e februari", "mon", ("date", 2, 15), None, "d_sv", None),
    ("sv", "date", "15:e februari", "wed", ("date", 2, 15), None, "d_sv", None),
    ("sv", "date", "15/02", "wed", ("date", 2, 15), None, "d_sv", None),
    ("sv", "month", "oktober 2026", "sep26", ("month", 10, 2026), None, "d_sv", "Oktober 2014"),
    ("sv", "week", "denna vecka", "wed", ("this_week",), None, "d_sv", None),
    ("sv", "week", "nästa vecka", "thu", ("next_week",), None, "d_sv", None),
    ("sv", "month", "nästa månad", "mon", ("next_month",), None, "d_sv", None),
    ("sv", "weekday", "nästa tisdag", "wed", ("wd_next_week", "tue"), None, "d_sv", None),
    ("sv", "weekday", "nästa måndag", "thu", ("wd_next_week", "mon"), None, "d_sv", None),
    ("sv", "week_weekday", "onsdag i nästa vecka", "mon", ("wd_next_week", "wed"), None, "d_sv", None),
    ("sv", "week_weekday", "onsdag nästa vecka", "wed", ("wd_next_week", "wed"), None, "d_sv", None),
    ("sv", "week_weekday", "måndag denna veckan", "mon", ("wd_this_week", "mon"), None, "d_sv", None),
    ("sv", "week_weekday", "tisdag denna vecka", "mon", ("wd_this_week", "tue"), None, "d_sv", None),
    ("sv", "week_weekday", "onsdag denna vecka", "mon", ("wd_this_week", "wed"), None, "d_sv", None),
    ("sv", "relative_day", "i överimorgon", "mon", ("rel", 2), None, "d_sv", None),
    ("sv", "time", "klockan 15", "wed", ("every",), AT(15), "d_sv", None),
    ("sv", "time", "omkring klockan 15", "tue", ("every",), AT(15), "d_sv", None),
    ("sv", "time", "klockan 3", "wed", ("every",), AT(15), "d_sv", None),   # bare hour in the working day
    ("sv", "relative_day_time", "imorgon klockan 17 exakt", "wed", ("rel", 1), AT(17), "d_sv", None),
    ("sv", "week", "om en vecka", "thu", ("in_weeks", 1), None, "d_sv", None),
    ("sv", "in_n_days", "om 5 dagar", "thu", ("rel", 5), None, "d_sv", None),
    ("sv", "in_n_days", "om fem dagar", "fri", ("rel", 5), None, "d_sv", None),
    ("sv", "relative_day_part", "ikväll", "wed", ("rel", 0), EVENING, "d_sv", None),
    ("sv", "relative_day_part", "imorgon kväll", "thu", ("rel", 1), EVENING, "d_sv", None),
    ("sv", "relative_day_part", "imorgon lunch", "mon", ("rel", 1), MIDDAY, "d_sv", None),
    ("sv", "weekday_part", "måndag morgon", "wed", ("wd", "mon"), MORNING, "d_sv", None),
    ("sv", "date_range", "13-15 juli", "jun26", ("drange", (7, 13), (7, 15)), None, "d_sv", None),
    ("sv", "date_range", "13 juli till 15 juli", "jun26", ("drange", (7, 13), (7, 15)), None, "d_sv", None),
    ("sv", "date_range", "8 augusti - 12 augusti", "jul26", ("drange", (8, 8), (8, 12)), None, "d_sv", None),
    ("sv", "time_range", "9:30 - 11:00", "wed", ("every",), R("09:30", "11:00"), "d_sv", None),
    ("sv", "weekday_time", "från 9:30 - 11:00 på torsdag", "wed", ("wd", "thu"), R("09:30", "11:00"), "d_sv", None),
    ("sv", "weekday_time", "mellan 9:30 och 11:00 på torsdag", "mon", ("wd", "thu"), R("09:30", "11:00"), "d_sv",
     None),
    ("sv", "weekday_time", "efter 9:30 men före 11:00 på torsdag", "wed", ("wd", "thu"), R("09:30", "11:00"),
     "d_sv", None),
    ("sv", "weekday_time", "torsdag från 9:30 till 11:00", "thu", ("wd", "thu"), R("09:30", "11:00"), "d_sv", None),
    ("sv", "weekday_time", "torsdag från 9 till 11", "mon", ("wd", "thu"), R("09:00", "11:00"), "d_sv", None),
    ("sv", "time_range", "11:30-13:30", "thu", ("every",), R("11:30", "13:30"), "d_sv", None),
    ("sv", "time_bound", "innan kl. 14", "wed", ("every",), BEFORE(14), "d_sv", None),
    ("sv", "relative_day_time", "idag kl. 14", "wed", ("rel", 0), AT(14), "d_sv", None),
    ("sv", "time", "kl. 14", "thu", ("every",), AT(14), "d_sv", None),
    ("sv", "date_time", "25/4 kl. 16:00", "mar28", ("date", 4, 25), AT(16), "d_sv", None),
    ("sv", "relative_day_time", "15:00 imorgon", "wed", ("rel", 1), AT(15), "d_sv", None),
    ("sv", "relative_day_time", "klockan 15:00 imorgon", "tue", ("rel", 1), AT(15), "d_sv", None),
    ("sv", "time_bound", "efter kl. 14", "wed", ("every",), AFTER(14), "d_sv", None),
    ("sv", "relative_day_time", "imorgon efter kl. 14", "wed", ("rel", 1), AFTER(14), "d_sv", None),
    ("sv", "time_bound", "före kl. 11", "tue", ("every",), BEFORE(11), "d_sv", None),
    ("sv", "relative_day_time", "imorgon före kl. 11", "mon", ("rel", 1), BEFORE(11), "d_sv", None),
    ("sv", "part_of_day", "under eftermiddagen", "thu", ("every",), AFTERNOON, "d_sv", None),
    ("sv", "part_of_day", "efter lunch", "mon", ("every",), AFTERNOON, "d_sv", None),
    ("sv", "relative_day_part", "idag på morgonen", "mon", ("rel", 0), MORNING, "c_sv_cas", None),
    ("sv", "relative_day_part", "idag på förmiddagen", "thu", ("rel", 0), MORNING, "c_sv_cas", None),
    ("sv", "relative_day_part", "idag på eftermiddagen", "wed", ("rel", 0), AFTERNOON, "c_sv_cas", None),
    ("sv", "relative_day_part", "idag på kvällen", "tue", ("rel", 0), EVENING, "c_sv_cas", None),
    ("sv", "date", "den 15 augusti", "jul28", ("date", 8, 15), None, "c_sv_mon", None),
    ("sv", "date_range", "15-16 augusti", "jul28", ("drange", (8, 15), (8, 16)), None, "c_sv_mon", None),
    ("sv", "date", "15 augusti 2028", "jul28", ("date", 8, 15, 2028), None, "c_sv_mon", "15 augusti 2012"),
    ("sv", "date", "15 maj", "mar26", ("date", 5, 15), None, "s_sv", None),
    ("sv", "date", "tisdag 5 januari 2027", "wed", ("date", 1, 5, 2027, "tue"), None, "s_sv",
     "torsdag 5 januari 2012"),
    ("sv", "month", "maj", "mar27", ("month", 5), None, "s_sv", None),
    ("sv", "week", "om 5 veckor", "wed", ("in_weeks", 5), None, "s_sv", None),
    ("sv", "relative_day", "i dag", "thu", ("rel", 0), None, "s_sv", None),
    ("sv", "relative_day", "i övermorgon", "mon", ("rel", 2), None, "s_sv", None),
    ("sv", "relative_day", "i overmorgon", "tue", ("rel", 2), None, "s_sv", None),
    ("sv", "week", "nasta vecka", "mon", ("next_week",), None, "s_sv", None),
    ("sv", "month", "nasta manad", "wed", ("next_month",), None, "s_sv", None),
    ("sv", "weekday", "mandag", "tue", ("wd", "mon"), None, "s_sv", None),
    ("sv", "week", "nästa v", "wed", ("next_week",), None, "dp_sv_cldr", None),
    ("sv", "week", "denna v", "thu", ("this_week",), None, "dp_sv_cldr", None),
    ("sv", "month", "den här månaden", "mon", ("this_month",), None, "dp_sv_cldr", None),
    ("sv", "month", "denna mån", "tue", ("this_month",), None, "dp_sv_cldr", None),
    ("sv", "month", "nästa mån", "thu", ("next_month",), None, "dp_sv_cldr", None),
    ("sv", "date", "fredag, 03 september 2027", "aug27", ("date", 9, 3, 2027, "fri"), None, "dp_lang",
     "fredag, 03 september 2014"),

    # ============================== English ==============================
    ("en", "relative_day_time", "this afternoon at 3", "mon", ("rel", 0), AT(15), "c_en_cas", None),
    ("en", "relative_day_part", "this evening", "thu", ("rel", 0), EVENING, "c_en_cas", None),
    ("en", "relative_day_time", "tomorrow after 4pm", "wed", ("rel", 1), AFTER(16), "c_en_cas", None),
    ("en", "relative_day_time", "tomorrow before 4pm", "tue", ("rel", 1), BEFORE(16), "c_en_cas", None),
    ("en", "relative_day_part", "tomorrow morning", "mon", ("rel", 1), MORNING, "c_en_cas", None),
    ("en", "relative_day_part", "tonight", "wed", ("rel", 0), EVENING, "c_en_cas", None),
    ("en", "weekday_time", "Friday of next week at 9am", "mon", ("wd_next_week", "fri"), AT(9), "c_en_wd", None),
    ("en", "week_weekday", "Let's have a meeting on Friday next week", "thu", ("wd_next_week", "fri"), None,
     "c_en_wd", None),
    ("en", "week_weekday", "Let's sync on Tuesday of next week", "wed", ("wd_next_week", "tue"), None, "c_en_wd",
     None),
    ("en", "weekday_part", "Lets meet on Tuesday morning", "thu", ("wd", "tue"), MORNING, "c_en_wd", None),
    ("en", "week_weekday", "Monday of next week", "tue", ("wd_next_week", "mon"), None, "c_en_wd", None),
    ("en", "weekday_range", "Monday to Friday", "sun", ("wd_range", "mon", "fri"), None, "c_en_wd", None),
    ("en", "weekday", "Monday", "wed", ("wd", "mon"), None, "c_en_wd", None),
    ("en", "weekday", "Thursday", "mon", ("wd", "thu"), None, "c_en_wd", None),
    ("en", "weekday_time", "Tuesday of next week after 2pm", "mon", ("wd_next_week", "tue"), AFTER(14), "c_en_wd",
     None),
    ("en", "week_weekday", "Tuesday of this week", "mon", ("wd_this_week", "tue"), None, "c_en_wd", None),
    ("en", "week_weekday", "This Wednesday", "tue", ("wd_this_week", "wed"), None, "c_en_wd", None),
    ("en", "weekday_time", "Thursday 9AM", "tue", ("wd", "thu"), AT(9), "c_en", None),
    ("en", "time_range", "10am to 12pm", "wed", ("every",), R("10:00", "12:00"), "c_en_time", "  10am to 12pm  "),
    ("en", "time_range", "12-3pm", "mon", ("every",), R("12:00", "15:00"), "c_en_time", None),
    ("en", "time_range", "1pm-3", "tue", ("every",), R("13:00", "15:00"), "c_en_time", None),
    ("en", "time", "1 in the afternoon", "wed", ("every",), AT(13), "c_en_time", None),
    ("en", "week", "next week", "thu", ("next_week",), None, "c_en_rel", None),
    ("en", "month", "next month", "wed", ("next_month",), None, "c_en_rel", None),
    ("en", "week", "this week", "tue", ("this_week",), None, "c_en_rel", None),
    ("en", "month", "this month", "mon", ("this_month",), None, "c_en_rel", None),
    ("en", "month", "In January", "wed", ("month", 1), None, "c_en_month", None),
    ("en", "month", "in December", "wed", ("month", 12), None, "c_en_month", None),
    ("en", "month", "in May", "mar27", ("month", 5), None, "c_en_month", None),
    ("en", "month_range", "From December to May", "thu", ("month_range", 12, 5), None, "c_en_month", None),
    ("en", "date", "Dec. 21", "wed", ("date", 12, 21), None, "c_en_mme", None),
    ("en", "date", "May twenty-fourth", "mar27", ("date", 5, 24), None, "c_en_mme", None),
    ("en", "date", "Wed, Jan 20th, 2027", "wed", ("date", 1, 20, 2027, "wed"), None, "c_en_mme",
     "Wed, Jan 20th, 2016"),
    ("en", "date_range", "August 10 - November 12", "jul26", ("drange", (8, 10), (11, 12)), None, "c_en_mme", None),
    ("en", "date_range", "10 August - 12 September", "jul26", ("drange", (8, 10), (9, 12)), None, "c_en_mle", None),
    ("en", "date_time", "12th of July at 19:00", "jun27", ("date", 7, 12), AT(19), "c_en_mle", None),
    ("en", "date_time", "22-23 Feb at 7pm", "tue", ("drange", (2, 22), (2, 23)), AT(19), "c_en_mle", None),
    ("en", "date_time", "24th October, 9 am", "oct28", ("date", 10, 24), AT(9), "c_en_mle", None),
    ("en", "date_time", "5 May 12:00", "apr27", ("date", 5, 5), AT(12), "c_en_mle", None),
    ("en", "date", "31st March", "mon", ("date", 3, 31), None, "c_en_mle", "31st March, 2016"),
    ("en", "date_ambiguous", "8/10", "jul26", ("dates", [(8, 10), (10, 8)]), None, "c_en_slash", None),
    ("en", "date", "5/31", "mar15", ("date", 5, 31), None, "c_en_slash", None),
    ("en", "date_ambiguous", "1/8 at 12pm", "wed", ("dates", [(1, 8), (8, 1)]), AT(12), "c_en_slash", None),
    ("en", "week", "in a week", "thu", ("in_weeks", 1), None, "c_en_within", None),
    ("en", "relative_day", "the day after tomorrow", "wed", ("rel", 2), None, "c_en_later", None),
    ("en", "relative_day", "tomorrow", "mon", ("rel", 1), None, "d_en", None),
    ("en", "date", "the 1st of march", "mon", ("date", 3, 1), None, "d_en", None),
    ("en", "date", "march 3", "tue", ("date", 3, 3), None, "d_en", None),
    ("en", "date", "the 15th of february", "mon", ("date", 2, 15), None, "d_en", None),
    ("en", "date", "2/15", "mon", ("date", 2, 15), None, "d_en", None),
    ("en", "weekday", "next tuesday", "wed", ("wd_next_week", "tue"), None, "d_en", None),
    ("en", "weekday", "next wednesday", "thu", ("wd_next_week", "wed"), None, "d_en", None),
    ("en", "week_weekday", "wednesday of next week", "mon", ("wd_next_week", "wed"), None, "d_en", None),
    ("en", "week_weekday", "monday of this week", "mon", ("wd_this_week", "mon"), None, "d_en", None),
    ("en", "week", "the following week", "wed", ("next_week",), None, "d_en", None),
    ("en", "date", "20 of next month", "wed", ("next_month_day", 20), None, "d_en", None),
    ("en", "relative_day_time", "day after tomorrow 5pm", "mon", ("rel", 2), AT(17), "d_en", None),
    ("en", "time", "at 3pm", "wed", ("every",), AT(15), "d_en", None),
    ("en", "time", "3 o'clock in the afternoon", "mon", ("every",), AT(15), "d_en", None),
    ("en", "relative_day_time", "today at 2pm", "wed", ("rel", 0), AT(14), "d_en", None),
    ("en", "relative_day_time", "3pm tomorrow", "thu", ("rel", 1), AT(15), "d_en", None),
    ("en", "relative_day_time", "tomorrow at 5pm", "wed", ("rel", 1), AT(17), "d_en", None),
    ("en", "time_bound", "after 2 pm", "tue", ("every",), AFTER(14), "d_en", None),
    ("en", "time_bound", "from 2 pm", "wed", ("every",), AFTER(14), "d_en", None),
    ("en", "time_bound", "before 11 am", "thu", ("every",), BEFORE(11), "d_en", None),
    ("en", "part_of_day", "in the afternoon", "mon", ("every",), AFTERNOON, "d_en", None),
    ("en", "time_range", "8am until 6", "wed", ("every",), R("08:00", "18:00"), "d_en", None),
    ("en", "part_of_day", "after lunch", "thu", ("every",), AFTERNOON, "d_en", None),
    ("en", "relative_day_part", "this morning", "wed", ("rel", 0), MORNING, "d_en", None),
    ("en", "month", "in March", "tue", ("month", 3), None, "d_en", None),
    ("en", "relative_day_part", "tomorrow afternoon", "tue", ("rel", 1), AFTERNOON, "d_en", None),
    ("en", "relative_day_time", "1pm-2pm tomorrow", "wed", ("rel", 1), R("13:00", "14:00"), "d_en", None),
    ("en", "month_part", "early March", "mon", ("month_part", 3, "early"), None, "d_en", None),
    ("en", "month_part", "mid March", "tue", ("month_part", 3, "mid"), None, "d_en", None),
    ("en", "month_part", "late March", "mon", ("month_part", 3, "late"), None, "d_en", None),
    ("en", "month_part", "end of April", "tue", ("month_part", 4, "late"), None, "d_en", None),
    ("en", "month_part", "beginning of January", "wed", ("month_part", 1, "early"), None, "d_en", None),
    ("en", "week", "rest of the week", "tue", ("this_week",), None, "d_en", None),
    ("en", "relative_day_part", "tomorrow evening", "thu", ("rel", 1), EVENING, "d_en", None),
    ("en", "relative_day_part", "tomorrow at lunch", "wed", ("rel", 1), MIDDAY, "d_en", None),
    ("en", "weekday_part", "monday morning", "thu", ("wd", "mon"), MORNING, "d_en", "monday mOrnIng"),
    ("en", "date_part", "february the 15th in the morning", "mon", ("date", 2, 15), MORNING, "d_en", None),
    ("en", "date_part", "morning of the 15th of february", "mon", ("date", 2, 15), MORNING, "d_en", None),
    ("en", "date_range", "July 13-15", "jun26", ("drange", (7, 13), (7, 15)), None, "d_en", None),
    ("en", "date_range", "from the 13th to the 15th of July", "jun26", ("drange", (7, 13), (7, 15)), None, "d_en",
     None),
    ("en", "date_range", "23rd to 26th Oct", "sep26", ("drange", (10, 23), (10, 26)), None, "d_en", None),
    ("en", "date_range", "19th To 21st aug", "jul26", ("drange", (8, 19), (8, 21)), None, "d_en", None),
    ("en", "time_range", "9:30 - 11:00", "thu", ("every",), R("09:30", "11:00"), "d_en", None),
    ("en", "weekday_time", "between 9:30 and 11:00 on thursday", "wed", ("wd", "thu"), R("09:30", "11:00"), "d_en",
     None),
    ("en", "weekday_time", "later than 9:30 but before 11:00 on Thursday", "tue", ("wd", "thu"),
     R("09:30", "11:00"), "d_en", None),
    ("en", "relative_day_time", "tomorrow in between 1-2:30 ish", "wed", ("rel", 1), R("13:00", "14:30"), "d_en",
     None),
    ("en", "time_range", "3-4pm", "wed", ("every",), R("15:00", "16:00"), "d_en", None),
    ("en", "time_range", "3:30 to 6 PM", "tue", ("every",), R("15:30", "18:00"), "d_en", None),
    ("en", "time_range", "between 3:30pm and 6 pm", "thu", ("every",), R("15:30", "18:00"), "d_en", None),
    ("en", "weekday_time", "Thursday from 9a to 11a", "mon", ("wd", "thu"), R("09:00", "11:00"), "d_en", None),
    ("en", "weekday_time", "this Thu 9-11am", "wed", ("wd_this_week", "thu"), R("09:00", "11:00"), "d_en", None),
    ("en", "time_range", "11:30-1:30", "wed", ("every",), R("11:30", "13:30"), "d_en", None),
    ("en", "asap", "as soon as possible", "wed", None, None, "d_en", None),
    ("en", "asap", "ASAP", "mon", None, None, "d_en", None),
    ("en", "week", "in three weeks", "wed", ("in_weeks", 3), None, "dp_fresh", None),
    ("en", "relative_day_time", "tomorrow at 2 PM", "mon", ("rel", 1), AT(14), "dp_fresh", None),
    ("en", "relative_day_time", "I will meet you tomorrow at noon", "thu", ("rel", 1), AT(12), "dp_search", None),
]


# --- resolution -----------------------------------------------------------------------------
def now_of(key: str) -> datetime:
    return datetime.strptime(NOWS[key], "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


def next_occurrence(today: date, m: int, d: int) -> date:
    x = date(today.year, m, d)
    return x if x >= today else date(today.year + 1, m, d)


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def month_span(y: int, m: int, first: int = 1, last: int | None = None) -> tuple[date, date]:
    return date(y, m, first), date(y, m, last or calendar.monthrange(y, m)[1])


def next_month_start(today: date) -> date:
    return date(today.year + (today.month == 12), today.month % 12 + 1, 1)


def resolve(expr: tuple, today: date) -> dict:
    """Day part of a rule: {"dates": [...]}, {"from", "to"} or {} (every day)."""
    kind, *a = expr
    if kind == "every":
        return {}
    if kind == "rel":
        return {"dates": [(today + timedelta(days=a[0])).isoformat()]}
    if kind == "wd":                      # a weekday named once: the next such day after today
        k = WD.index(a[0])
        n = (k - today.weekday() - 1) % 7 + 1
        return {"dates": [(today + timedelta(days=n)).isoformat()]}
    if kind == "wd_next_week":
        return {"dates": [(monday(today) + timedelta(days=7 + WD.index(a[0]))).isoformat()]}
    if kind == "wd_this_week":
        d = monday(today) + timedelta(days=WD.index(a[0]))
        assert d >= today, (expr, today)
        return {"dates": [d.isoformat()]}
    if kind == "wd_range":                # "Monday to Friday": from the next first day to the last day after it
        k1, k2 = WD.index(a[0]), WD.index(a[1])
        start = today + timedelta(days=(k1 - today.weekday() - 1) % 7 + 1)
        end = start + timedelta(days=(k2 - k1) % 7)
        return {"from": start.isoformat(), "to": end.isoformat()}
    if kind == "this_week":               # rest of the current ISO week, Monday-Friday
        fri = monday(today) + timedelta(days=4)
        assert today <= fri, (expr, today)
        return {"from": today.isoformat(), "to": fri.isoformat()}
    if kind in ("next_week", "in_weeks"):  # Monday-Friday of the ISO week containing today + 7N
        n = 1 if kind == "next_week" else a[0]
        mon = monday(today + timedelta(days=7 * n))
        return {"from": mon.isoformat(), "to": (mon + timedelta(days=4)).isoformat()}
    if kind == "date":
        m, d = a[0], a[1]
        y = a[2] if len(a) > 2 else None
        x = date(y, m, d) if y else next_occurrence(today, m, d)
        if len(a) > 3:                    # the written weekday must agree with the date
            assert WD[x.weekday()] == a[3], (expr, x)
        return {"dates": [x.isoformat()]}
    if kind == "dates":                   # ambiguous slash date: every reading
        return {"dates": sorted(next_occurrence(today, m, d).isoformat() for m, d in a[0])}
    if kind == "drange":
        (m1, d1, *y1), (m2, d2) = a
        start = date(y1[0], m1, d1) if y1 else next_occurrence(today, m1, d1)
        end = date(start.year, m2, d2)
        if end < start:
            end = date(start.year + 1, m2, d2)
        return {"from": start.isoformat(), "to": end.isoformat()}
    if kind == "month":                   # next occurrence (this month counts), clipped by the horizon
        m = a[0]
        y = a[1] if len(a) > 1 else (today.year if m >= today.month else today.year + 1)
        f, t = month_span(y, m)
        return {"from": f.isoformat(), "to": t.isoformat()}
    if kind == "month_part":              # alussa / puolivälissä / lopussa: 1-10 / 11-20 / 21-last
        m, part = a
        y = today.year if m >= today.month else today.year + 1
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}[part]
        f, t = month_span(y, m, first, last)
        return {"from": f.isoformat(), "to": t.isoformat()}
    if kind == "month_range":
        m1, m2 = a
        y1 = today.year if m1 >= today.month else today.year + 1
        y2 = y1 if m2 >= m1 else y1 + 1
        return {"from": date(y1, m1, 1).isoformat(), "to": month_span(y2, m2)[1].isoformat()}
    if kind == "this_month":
        return {"from": today.isoformat(), "to": month_span(today.year, today.month)[1].isoformat()}
    if kind == "next_month":
        s = next_month_start(today)
        return {"from": s.isoformat(), "to": month_span(s.year, s.month)[1].isoformat()}
    if kind == "next_month_day":
        s = next_month_start(today)
        return {"dates": [date(s.year, s.month, a[0]).isoformat()]}
    raise ValueError(expr)


def build() -> list[dict]:
    out, count = [], {}
    for lang, cons, text, now_key, expr, times, src, _orig in P:
        now = now_of(now_key)
        if expr is None:
            avail = None
        else:
            rule = resolve(expr, now.date())
            if times:
                rule["times"] = [list(t) for t in times]
            avail = {"include": [rule]}
        count[lang] = count.get(lang, 0) + 1
        out.append({
            "id": f"ext-{lang}-{count[lang]:03d}",
            "lang": lang,
            "construction": cons,
            "text": text,
            "now": now.isoformat(),
            "availability": avail,
            "source": S[src],
        })
    seen = set()
    for r in out:                          # no phrase twice with the same reference time
        key = (r["lang"], r["text"].lower(), r["now"])
        assert key not in seen, key
        seen.add(key)
    return out


def render(recs: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with phrases.jsonl instead of writing it")
    args = ap.parse_args()
    text = render(build())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("phrases.jsonl is up to date" if same else "phrases.jsonl differs from build.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10))} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
