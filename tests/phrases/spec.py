"""Data-driven specification of the time expressions a booking request may contain.

Independent of mailbot: only the standard library.  The source of truth for the readings is
/work/shared/design/CONTRACT.md §2.1 and §2.1.1; where the contract is silent, the readings below
are documented in README.md (and next to the code).

Vocabulary
----------
* A *construction* (``Construction``) is one kind of expression ("day_clock", "month_part", ...).
  It has one or more *variants*.
* A *variant* (``Variant``) has
    - ``values(today, now)``: the semantic instances it can take at that ``now`` (plain dicts),
    - ``templates``: per language, a list of ``(kind, template)``; a template is a surface string
      with ``{slot}`` or ``{slot:key}`` placeholders rendered by the per-language slot functions in
      ``SLOTS`` (they pick surface variants: abbreviations, dots, "klo"/"kl."/"at", dashes ...),
    - ``expect(now, v)``: the EXPECTED availability in the compact rule form of
      /work/shared/tools/eval_parse.py: ``{"include": [RULE...], "exclude": [RULE...]}`` or ``None``
      (no constraint).  RULE keys: dates / from / to / weekdays / times.
  ``kind`` says how the phrase fits a wrapper sentence: "adv" (adverbial: "torstaina klo 14",
  "on Friday at 10"), "nom" (noun-like: "torstai", "Friday at 10"), "clause" (a sentence of its
  own: "En pääse tiistaisin").
* A slot function or ``values``/``expect`` raises ``Skip`` when an instance would be debatable or
  cannot be rendered unambiguously: such variants are left out rather than guessed.
"""
from __future__ import annotations

import calendar
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Helsinki")
HORIZON_DAYS = 90
WD_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# §2.1 table: parts of the day, as minutes after midnight
PARTS = {"morning": (8 * 60, 12 * 60), "midday": (10 * 60, 14 * 60),
         "afternoon": (12 * 60, 16 * 60), "evening": (16 * 60, 20 * 60)}
DAY_START, DAY_END = 8 * 60, 20 * 60


class Skip(Exception):
    """This instance/template combination is debatable or not expressible: leave it out."""


# ---------------------------------------------------------------------------------------------
# calendar helpers (own code, independent of mailbot)

def hhmm(mins: int) -> str:
    return f"{mins // 60:02d}:{mins % 60:02d}"


def next_weekday(today: date, wd: int) -> date:
    """The next such weekday strictly after today's date (§2.1 'a weekday named once')."""
    d = today + timedelta(days=1)
    while d.weekday() != wd:
        d += timedelta(days=1)
    return d


def week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def iso_week_monday(today: date, n: int) -> date:
    """Monday of ISO week n, next occurrence (the current week counts while its Friday is ahead)."""
    y = today.isocalendar()[0]
    for yy in (y, y + 1):
        try:
            mon = date.fromisocalendar(yy, n, 1)
        except ValueError:
            continue
        if mon + timedelta(days=4) >= today:
            return mon
    raise Skip("week not found")


def month_last(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def month_next(today: date, m: int) -> tuple[date, date]:
    """The month's days, next occurrence (the current month counts)."""
    y = today.year if m >= today.month else today.year + 1
    return date(y, m, 1), month_last(y, m)


def add_month(y: int, m: int, k: int = 1) -> tuple[int, int]:
    m0 = m - 1 + k
    return y + m0 // 12, m0 % 12 + 1


def dom_next(today: date, dom: int) -> date:
    """Next occurrence of a day of month, strictly after today."""
    if dom > today.day and dom <= calendar.monthrange(today.year, today.month)[1]:
        return date(today.year, today.month, dom)
    y, m = add_month(today.year, today.month)
    if dom > calendar.monthrange(y, m)[1]:
        raise Skip("no such day next month")
    return date(y, m, dom)


def nth_weekday(y: int, m: int, wd: int, n: int) -> date:
    """n-th (1..4) or last (n == -1) weekday wd of month m."""
    if n == -1:
        d = month_last(y, m)
        while d.weekday() != wd:
            d -= timedelta(days=1)
        return d
    d = date(y, m, 1)
    while d.weekday() != wd:
        d += timedelta(days=1)
    return d + timedelta(days=7 * (n - 1))


def in_horizon(now: datetime, d: date) -> bool:
    return now.date() <= d <= (now + timedelta(days=HORIZON_DAYS)).date()


def is_workday(d: date) -> bool:
    return d.weekday() < 5


# ---------------------------------------------------------------------------------------------
# rule builders (the compact availability form of eval_parse.py)

def rule(dates=None, frm=None, to=None, weekdays=None, times=None) -> dict:
    r: dict = {}
    if dates is not None:
        r["dates"] = sorted(d.isoformat() for d in dates)
    if frm is not None:
        r["from"] = frm.isoformat()
    if to is not None:
        r["to"] = to.isoformat()
    if weekdays is not None:
        r["weekdays"] = [WD_KEYS[w] for w in sorted(weekdays)]
    if times is not None:
        r["times"] = [[hhmm(a), hhmm(b)] for a, b in times]
    return r


def inc(*rules) -> dict:
    return {"include": list(rules), "exclude": []}


def span(a: int, b: int | None = None) -> list[tuple[int, int]]:
    """Times for a start time (one hour) or a range."""
    if b is None:
        b = a + 60
    if not (DAY_START <= a < b <= 24 * 60):
        raise Skip("time outside the day")
    return [(a, b)]


# ---------------------------------------------------------------------------------------------
# lexicon

FI_WD = [
    dict(nom="maanantai", ess="maanantaina", hab="maanantaisin", abbr="ma", ela="maanantaista",
         ill="maanantaihin", plur="maanantait", gen="maanantain"),
    dict(nom="tiistai", ess="tiistaina", hab="tiistaisin", abbr="ti", ela="tiistaista",
         ill="tiistaihin", plur="tiistait", gen="tiistain"),
    dict(nom="keskiviikko", ess="keskiviikkona", hab="keskiviikkoisin", abbr="ke",
         ela="keskiviikosta", ill="keskiviikkoon", plur="keskiviikot", gen="keskiviikon"),
    dict(nom="torstai", ess="torstaina", hab="torstaisin", abbr="to", ela="torstaista",
         ill="torstaihin", plur="torstait", gen="torstain"),
    dict(nom="perjantai", ess="perjantaina", hab="perjantaisin", abbr="pe", ela="perjantaista",
         ill="perjantaihin", plur="perjantait", gen="perjantain"),
]
SV_WD = [
    dict(nom="måndag", abbr=["mån"], defn="måndagen", pl="måndagar", pldef="måndagarna"),
    dict(nom="tisdag", abbr=["tis"], defn="tisdagen", pl="tisdagar", pldef="tisdagarna"),
    dict(nom="onsdag", abbr=["ons"], defn="onsdagen", pl="onsdagar", pldef="onsdagarna"),
    dict(nom="torsdag", abbr=["tors", "tor"], defn="torsdagen", pl="torsdagar", pldef="torsdagarna"),
    dict(nom="fredag", abbr=["fre"], defn="fredagen", pl="fredagar", pldef="fredagarna"),
]
EN_WD = [
    dict(nom="Monday", abbr=["Mon"]), dict(nom="Tuesday", abbr=["Tue", "Tues"]),
    dict(nom="Wednesday", abbr=["Wed"]), dict(nom="Thursday", abbr=["Thu", "Thurs"]),
    dict(nom="Friday", abbr=["Fri"]),
]
FI_MONTH = ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu",
            "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu"]
SV_MONTH = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
            "september", "oktober", "november", "december"]
SV_MONTH_ABBR = ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"]
EN_MONTH = ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"]
EN_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# parts of the day: once-forms (after/before a named day) and habitual forms (no day)
FI_PART = {"morning": ["aamupäivällä", "aamulla"], "midday": ["keskipäivällä", "lounasaikaan"],
           "afternoon": ["iltapäivällä", "lounaan jälkeen"], "evening": ["illalla", "työajan jälkeen"]}
FI_PART_HAB = {"morning": ["aamupäivisin", "aamuisin"], "midday": ["lounasaikaan"],
               "afternoon": ["iltapäivisin", "lounaan jälkeen"],
               "evening": ["iltaisin", "työajan jälkeen"]}
FI_PART_COMPOUND = {"morning": "aamupäivänä", "afternoon": "iltapäivänä", "evening": "iltana"}
FI_PART_PLUR = {"morning": "aamupäivät", "afternoon": "iltapäivät", "evening": "illat"}
SV_PART = {"morning": ["på förmiddagen", "på morgonen"], "midday": ["mitt på dagen", "vid lunch"],
           "afternoon": ["på eftermiddagen", "efter lunch"], "evening": ["på kvällen"]}
SV_PART_BARE = {"morning": "förmiddag", "afternoon": "eftermiddag", "evening": "kväll"}
SV_PART_HAB = {"morning": ["på förmiddagarna", "förmiddagar", "på morgnarna"],
               "midday": ["mitt på dagen", "vid lunchtid"],
               "afternoon": ["på eftermiddagarna", "eftermiddagar", "efter lunch"],
               "evening": ["på kvällarna", "kvällar"]}
SV_PART_PLUR = {"morning": "förmiddagar", "afternoon": "eftermiddagar", "evening": "kvällar"}
EN_PART = {"morning": ["in the morning"], "midday": ["around midday", "around lunch", "around lunchtime"],
           "afternoon": ["in the afternoon", "after lunch"], "evening": ["in the evening", "after work"]}
EN_PART_BARE = {"morning": "morning", "afternoon": "afternoon", "evening": "evening"}
EN_PART_HAB = {"morning": ["mornings", "in the mornings"], "midday": ["around lunchtime", "around midday"],
               "afternoon": ["afternoons", "in the afternoons", "after lunch"],
               "evening": ["evenings", "in the evenings", "after work"]}

# number words 1..12 (7 is left out: 07 or 19 is debatable)
FI_NUM = {1: dict(nom="yksi", abl="yhdeltä", gen="yhden", ela="yhdestä", ill="yhteen"),
          2: dict(nom="kaksi", abl="kahdelta", gen="kahden", ela="kahdesta", ill="kahteen"),
          3: dict(nom="kolme", abl="kolmelta", gen="kolmen", ela="kolmesta", ill="kolmeen"),
          4: dict(nom="neljä", abl="neljältä", gen="neljän", ela="neljästä", ill="neljään"),
          5: dict(nom="viisi", abl="viideltä", gen="viiden", ela="viidestä", ill="viiteen"),
          6: dict(nom="kuusi", abl="kuudelta", gen="kuuden", ela="kuudesta", ill="kuuteen"),
          8: dict(nom="kahdeksan", abl="kahdeksalta", gen="kahdeksan", ela="kahdeksasta", ill="kahdeksaan"),
          9: dict(nom="yhdeksän", abl="yhdeksältä", gen="yhdeksän", ela="yhdeksästä", ill="yhdeksään"),
          10: dict(nom="kymmenen", abl="kymmeneltä", gen="kymmenen", ela="kymmenestä", ill="kymmeneen"),
          11: dict(nom="yksitoista", abl="yhdeltätoista", gen="yhdentoista", ela="yhdestätoista",
                   ill="yhteentoista"),
          12: dict(nom="kaksitoista", abl="kahdeltatoista", gen="kahdentoista", ela="kahdestatoista",
                   ill="kahteentoista")}
SV_NUM = {1: "ett", 2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 8: "åtta", 9: "nio",
          10: "tio", 11: "elva", 12: "tolv"}
EN_NUM = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 9: "nine",
          10: "ten", 11: "eleven", 12: "twelve"}
FI_ORD = {1: ("ensimmäinen", "ensimmäisenä"), 2: ("toinen", "toisena"), 3: ("kolmas", "kolmantena"),
          4: ("neljäs", "neljäntenä"), -1: ("viimeinen", "viimeisenä")}
SV_ORD = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde", -1: "sista"}
EN_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
FI_WEEKS = {1: "viikon", 2: "kahden", 3: "kolmen", 4: "neljän"}
SV_WEEKS = {1: "en vecka", 2: "två veckor", 3: "tre veckor", 4: "fyra veckor"}
EN_WEEKS = {1: "a week", 2: "two weeks", 3: "three weeks", 4: "four weeks"}


def word_hour(x: int) -> int:
    """A bare hour read within the working day (§2.1.1): 8..12 as is, 1..6 in the afternoon."""
    return x if 8 <= x <= 12 else x + 12


def en_ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def sv_ordinal(n: int) -> str:
    return f"{n}:{'a' if n % 10 in (1, 2) and n not in (11, 12) else 'e'}"


# ---------------------------------------------------------------------------------------------
# surface helpers for clock times

def pick(r: random.Random, options, weights=None):
    return r.choices(options, weights=weights)[0] if weights else r.choice(options)


def dash(r):
    return pick(r, ["–", "-", " – ", " - ", "—"], [5, 5, 2, 2, 1])


def num_fi(mins: int, r, allow_hour_only=True) -> str:
    """14 / 14.00 / 14:00 / 14.30 / 08.30 (Finnish and Swedish write the same digits)."""
    h, m = divmod(mins, 60)
    hs = f"{h:02d}" if h < 10 and r.random() < 0.2 else str(h)
    if m == 0:
        opts = [hs, f"{hs}.00", f"{hs}:00"] if allow_hour_only else [f"{hs}.00", f"{hs}:00"]
        return pick(r, opts, [5, 2, 1][:len(opts)] if allow_hour_only else [2, 1])
    return pick(r, [f"{hs}.{m:02d}", f"{hs}:{m:02d}"], [3, 1])


def clock_fi(mins, r, bare=True) -> str:
    pre = pick(r, ["klo ", "kello ", "klo. ", ""], [10, 3, 1, 4 if bare else 0])
    body = num_fi(mins, r, allow_hour_only=pre != "")
    return pre + body


def clock_sv(mins, r, bare=True) -> str:
    pre = pick(r, ["kl. ", "kl ", "klockan ", "kl.", ""], [8, 6, 3, 1, 4 if bare else 0])
    body = num_fi(mins, r, allow_hour_only=pre != "")
    return pre + body


def en12(mins, r, style=None) -> str:
    h, m = divmod(mins, 60)
    h12 = h % 12 or 12
    ap = "am" if h < 12 else "pm"
    style = style or pick(r, ["sp", "nosp", "dots", "caps"], [4, 4, 1, 1])
    body = str(h12) if m == 0 else pick(r, [f"{h12}:{m:02d}", f"{h12}.{m:02d}"], [4, 1])
    if style == "sp":
        return f"{body} {ap}"
    if style == "nosp":
        return f"{body}{ap}"
    if style == "dots":
        return f"{body} {ap[0]}.m."
    return f"{body} {ap.upper()}"


def en_bare(mins) -> str:
    """A bare hour as an English writer would say it ('at 2' = 14:00)."""
    h, m = divmod(mins, 60)
    if not (8 * 60 <= mins <= 17 * 60 + 30):
        raise Skip("bare hour out of range")
    h12 = h % 12 or 12
    return str(h12) if m == 0 else f"{h12}:{m:02d}"


def clock_en(mins, r, bare=True) -> str:
    """A time as it follows 'at'."""
    h, m = divmod(mins, 60)
    form = pick(r, ["12h", "24h", "bare"], [6, 1, 3 if bare else 0])
    if form == "12h":
        return en12(mins, r)
    if form == "24h":
        return f"{h:02d}:{m:02d}" if r.random() < 0.5 else f"{h}:{m:02d}"
    return en_bare(mins)


def range_fi(a, b, r) -> str:
    form = pick(r, ["klo", "kello", "bare", "valilla", "valilla_n", "aikaisintaan"], [6, 2, 3, 2, 1, 1])
    if form in ("klo", "kello", "bare"):
        pre = {"klo": "klo ", "kello": "kello ", "bare": ""}[form]
        return f"{pre}{num_fi(a, r)}{dash(r)}{num_fi(b, r)}"
    if form == "valilla":
        return f"{pick(r, ['klo ', 'kello '])}{num_fi(a, r)} ja {num_fi(b, r)} välillä"
    if form == "valilla_n":
        if a % 60 or b % 60:
            raise Skip
        return f"klo {a // 60}:n ja {b // 60}:n välillä"
    return f"aikaisintaan klo {num_fi(a, r)} ja viimeistään klo {num_fi(b, r)}"


def range_sv(a, b, r) -> str:
    form = pick(r, ["kl", "klockan", "bare", "mellan", "mellan_kl", "fran", "tidigast"], [6, 2, 3, 3, 2, 2, 1])
    if form in ("kl", "klockan", "bare"):
        pre = {"kl": pick(r, ["kl. ", "kl "]), "klockan": "klockan ", "bare": ""}[form]
        return f"{pre}{num_fi(a, r)}{dash(r)}{num_fi(b, r)}"
    if form == "mellan":
        return f"mellan {num_fi(a, r)} och {num_fi(b, r)}"
    if form == "mellan_kl":
        return f"mellan kl. {num_fi(a, r)} och {num_fi(b, r)}"
    if form == "fran":
        return f"från kl. {num_fi(a, r)} till {num_fi(b, r)}"
    return f"tidigast kl. {num_fi(a, r)} och senast kl. {num_fi(b, r)}"


def range_en(a, b, r) -> str:
    noon = 12 * 60
    form = pick(r, ["compact", "from_to", "between_bare", "between_12", "24h", "noearlier"], [4, 3, 3, 2, 1, 1])
    if form == "compact":
        if a >= noon:                      # 1-3pm, 12-2 pm, 12:30-2:30pm
            return f"{en_bare(a)}{dash(r)}{en_bare(b)}{pick(r, ['', ' '])}pm"
        if b < noon:                       # 9-11am
            return f"{en_bare(a)}{dash(r)}{en_bare(b)}{pick(r, ['', ' '])}am"
        return f"{en12(a, r, 'nosp')}{dash(r)}{en12(b, r, 'nosp')}"   # 10am-2pm, 10am-12pm
    if form == "from_to":
        if a >= noon:
            return f"from {en_bare(a)} to {en12(b, r, 'sp')}"       # from 1 to 3 pm
        return f"from {en12(a, r)} to {en12(b, r)}"
    if form == "between_bare":
        return f"between {en_bare(a)} and {en_bare(b)}"             # between 12 and 2
    if form == "between_12":
        return f"between {en12(a, r)} and {en12(b, r)}"
    if form == "24h":
        return f"{a // 60:02d}:{a % 60:02d}{dash(r)}{b // 60:02d}:{b % 60:02d}"
    return f"no earlier than {en_bare(a)} and no later than {en_bare(b)}"


# ---------------------------------------------------------------------------------------------
# slot functions: f(v, r, arg) -> str.  ``arg`` is the key after ":" in "{slot:key}".

def _wd(v, arg):
    return v[arg or "wd"]


def _fi_day(v, r, arg=None):
    """A day given as ("wd", n) or ("rel", k): torstaina / to / huomenna / ylihuomenna."""
    kind, x = v[arg or "day"]
    if kind == "rel":
        return {1: "huomenna", 2: "ylihuomenna"}[x]
    w = FI_WD[x]
    return pick(r, [w["ess"], w["abbr"], w["abbr"] + "."], [6, 2, 1])


def _sv_day(v, r, arg=None):
    kind, x = v[arg or "day"]
    if kind == "rel":
        return {1: pick(r, ["i morgon", "imorgon"]), 2: "i övermorgon"}[x]
    w = SV_WD[x]
    return pick(r, ["på " + w["nom"], w["nom"], pick(r, w["abbr"]), pick(r, w["abbr"]) + "."], [6, 2, 1, 1])


def _en_day(v, r, arg=None):
    kind, x = v[arg or "day"]
    if kind == "rel":
        return {1: "tomorrow", 2: "the day after tomorrow"}[x]
    w = EN_WD[x]
    return pick(r, ["on " + w["nom"], w["nom"], "on " + pick(r, w["abbr"]), pick(r, w["abbr"]) + "."], [6, 2, 1, 1])


def _day_full(lang):
    """Like the day slot, but weekday names are never abbreviated (for hours in words)."""
    def f(v, r, arg=None):
        kind, x = v[arg or "day"]
        if kind == "rel":
            return {"fi": _fi_day, "sv": _sv_day, "en": _en_day}[lang](v, r, arg)
        if lang == "fi":
            return FI_WD[x]["ess"]
        if lang == "sv":
            return pick(r, ["på ", ""], [3, 1]) + SV_WD[x]["nom"]
        return pick(r, ["on ", ""], [3, 1]) + EN_WD[x]["nom"]
    return f


def _fi_date(v, r, arg=None):
    d: date = v[arg or "date"]
    form = pick(r, ["dm.", "dm.y", "slash", "iso", "dm0."], [6, 2, 3, 2, 1])
    if form == "dm.":
        return f"{d.day}.{d.month}."
    if form == "dm.y":
        return f"{d.day}.{d.month}.{d.year}"
    if form == "slash":
        return f"{d.day}/{d.month}"
    if form == "iso":
        return d.isoformat()
    return f"{d.day:02d}.{d.month:02d}."


def _fi_date_named(v, r, arg=None):
    d: date = v[arg or "date"]
    mo = FI_MONTH[d.month - 1]
    return pick(r, [f"{d.day}. {mo}ta", f"{mo}n {d.day}. päivänä", f"{mo}n {d.day}. päivä"], [3, 2, 1])


def _sv_date(v, r, arg=None):
    d: date = v[arg or "date"]
    form = pick(r, ["slash", "den_slash", "dm.", "iso", "dm.y"], [4, 3, 2, 2, 1])
    if form == "slash":
        return f"{d.day}/{d.month}"
    if form == "den_slash":
        return f"den {d.day}/{d.month}"
    if form == "dm.":
        return f"{d.day}.{d.month}."
    if form == "dm.y":
        return f"{d.day}.{d.month}.{d.year}"
    return d.isoformat()


def _sv_date_named(v, r, arg=None):
    d: date = v[arg or "date"]
    mo = pick(r, [SV_MONTH[d.month - 1], SV_MONTH_ABBR[d.month - 1]], [3, 1])
    return pick(r, [f"den {d.day} {mo}", f"{d.day} {mo}", f"den {sv_ordinal(d.day)} {mo}"], [4, 2, 1])


def _en_date(v, r, arg=None):
    d: date = v[arg or "date"]
    form = pick(r, ["slash", "slash_y", "iso"], [4, 1, 2])
    if form.startswith("slash"):
        if d.day <= 12:  # 2/3 reads both ways in English mail (§2.1.1): only unambiguous ones
            form = "iso"
    if form == "slash":
        return f"{d.day}/{d.month}"
    if form == "slash_y":
        return f"{d.day}/{d.month}/{d.year}"
    return d.isoformat()


def _en_date_named(v, r, arg=None):
    d: date = v[arg or "date"]
    mo = pick(r, [EN_MONTH[d.month - 1], EN_MONTH_ABBR[d.month - 1], EN_MONTH_ABBR[d.month - 1] + "."], [4, 2, 1])
    form = pick(r, ["md", "mdth", "dm", "the_of"], [3, 3, 2, 1])
    if form == "md":
        return f"{mo} {d.day}"
    if form == "mdth":
        return f"{mo} {en_ordinal(d.day)}"
    if form == "dm":
        return f"{d.day} {mo}"
    return f"the {en_ordinal(d.day)} of {EN_MONTH[d.month - 1]}"


def _fi_part_once(v, r, arg=None):
    return pick(r, FI_PART[v[arg or "part"]])


def _sv_part_once(v, r, arg=None):
    return pick(r, SV_PART[v[arg or "part"]])


def _en_part_once(v, r, arg=None):
    return pick(r, EN_PART[v[arg or "part"]])


def _fi_wd_compound(v, r, arg=None):
    p = v["part"]
    if p not in FI_PART_COMPOUND:
        raise Skip
    nom, tail = FI_WD[v[arg or "wd"]]["nom"], FI_PART_COMPOUND[p]
    return nom + ("-" if nom[-1] == tail[0] else "") + tail


def _sv_wd_part_bare(v, r, arg=None):
    p = v["part"]
    if p not in SV_PART_BARE:
        raise Skip
    w = SV_WD[v[arg or "wd"]]["nom"]
    return pick(r, [f"{w} {SV_PART_BARE[p]}", f"på {w} {SV_PART_BARE[p]}", f"{w}s{SV_PART_BARE[p]}"], [3, 3, 1])


def _en_wd_part_bare(v, r, arg=None):
    p = v["part"]
    if p not in EN_PART_BARE:
        raise Skip
    w = EN_WD[v[arg or "wd"]]["nom"]
    return pick(r, [f"{w} {EN_PART_BARE[p]}", f"on {w} {EN_PART_BARE[p]}"])


def _fi_hour_word(v, r, arg=None):
    """Finnish hour in words: kahdelta, kello kahdelta, kello kahden, puoli yksitoista, varttia vaille kolme."""
    x, mod = v["hw"]
    n = FI_NUM[x]
    kello = pick(r, ["kello ", "klo ", ""], [3, 1, 3] if mod in (0, -30) else [1, 0, 1])
    if mod == 0:
        return kello + pick(r, [n["abl"], n["abl"], n["gen"] if kello == "kello " else n["abl"]])
    if mod == -30:
        return kello + "puoli " + pick(r, [n["nom"], n["abl"]])
    if mod == -15:
        return kello + "varttia vaille " + n["nom"]
    if mod == 15:
        return kello + "varttia yli " + n["nom"]
    raise Skip


def _sv_hour_word(v, r, arg=None):
    x, mod = v["hw"]
    n = SV_NUM[x]
    kl = pick(r, ["klockan ", "kl. ", ""], [3, 1, 2])
    if mod == 0:
        if kl == "":
            kl = "klockan "
        return kl + n
    if mod == -30:
        return kl + "halv " + n
    if mod == -15:
        return kl + "kvart i " + n
    if mod == 15:
        return kl + "kvart över " + n
    raise Skip


def _en_hour_word(v, r, arg=None):
    x, mod = v["hw"]
    n = EN_NUM[x]
    if mod == 0:
        return "at " + pick(r, [n, n + " o'clock"])
    if mod == -30:
        raise Skip  # 'half X' means X:30 in English, see below
    if mod == 30:
        return "at half past " + n
    if mod == -15:
        return "at " + pick(r, ["quarter to ", "a quarter to "]) + n
    if mod == 15:
        return "at " + pick(r, ["quarter past ", "a quarter past "]) + n
    raise Skip


def _fi_month_ine(v, r, arg=None):
    return FI_MONTH[v[arg or "month"] - 1] + "ssa"


def _fi_month_gen(v, r, arg=None):
    return FI_MONTH[v[arg or "month"] - 1] + "n"


def _sv_month(v, r, arg=None):
    return SV_MONTH[v[arg or "month"] - 1]


def _en_month(v, r, arg=None):
    return EN_MONTH[v[arg or "month"] - 1]


SLOTS: dict[str, dict[str, Callable]] = {
    "fi": {
        "wd_ess": lambda v, r, a=None: FI_WD[_wd(v, a)]["ess"],
        "wd_nom": lambda v, r, a=None: FI_WD[_wd(v, a)]["nom"],
        "wd_hab": lambda v, r, a=None: FI_WD[_wd(v, a)]["hab"],
        "wd_abbr": lambda v, r, a=None: FI_WD[_wd(v, a)]["abbr"] + pick(r, ["", "."], [3, 1]),
        "wd_ela": lambda v, r, a=None: FI_WD[_wd(v, a)]["ela"],
        "wd_ill": lambda v, r, a=None: FI_WD[_wd(v, a)]["ill"],
        "wd_plur": lambda v, r, a=None: FI_WD[_wd(v, a)]["plur"],
        "wd_gen": lambda v, r, a=None: FI_WD[_wd(v, a)]["gen"],
        "wd_compound": _fi_wd_compound,
        "day": _fi_day,
        "day_full": _day_full("fi"),
        "date": _fi_date,
        "date_named": _fi_date_named,
        "part": _fi_part_once,
        "part_hab": lambda v, r, a=None: pick(r, FI_PART_HAB[v[a or "part"]]),
        "part_plur": lambda v, r, a=None: FI_PART_PLUR[v[a or "part"]],
        "clock": lambda v, r, a=None: clock_fi(v[a or "t"], r),
        "klo": lambda v, r, a=None: clock_fi(v[a or "t"], r, bare=False),
        "clockx": lambda v, r, a=None: num_fi(v[a or "t"], r, allow_hour_only=False),
        "num": lambda v, r, a=None: num_fi(v[a or "t"], r),
        "hour": lambda v, r, a=None: str(v[a or "t"] // 60),
        "range": lambda v, r, a=None: range_fi(v["a"], v["b"], r),
        "dash": lambda v, r, a=None: dash(r),
        "hw": _fi_hour_word,
        "month_ine": _fi_month_ine,
        "month_gen": _fi_month_gen,
        "mp": lambda v, r, a=None: {"early": "alussa", "mid": "puolivälissä", "late": "lopussa"}[v["mp"]],
        "ord_nom": lambda v, r, a=None: FI_ORD[v["n"]][0],
        "ord_ess": lambda v, r, a=None: FI_ORD[v["n"]][1],
        "weeknum": lambda v, r, a=None: str(v["week"]),
        "weeks_gen": lambda v, r, a=None: (FI_WEEKS[v["nw"]] if v["nw"] == 1 or r.random() < 0.7
                                          else str(v["nw"])),
        "dom": lambda v, r, a=None: str(v["dom"]),
    },
    "sv": {
        "wd_nom": lambda v, r, a=None: SV_WD[_wd(v, a)]["nom"],
        "wd_on": lambda v, r, a=None: pick(r, ["på ", ""], [3, 1]) + SV_WD[_wd(v, a)]["nom"],
        "wd_abbr": lambda v, r, a=None: pick(r, SV_WD[_wd(v, a)]["abbr"]) + pick(r, ["", "."], [3, 1]),
        "wd_def": lambda v, r, a=None: SV_WD[_wd(v, a)]["defn"],
        "wd_pl": lambda v, r, a=None: SV_WD[_wd(v, a)]["pl"],
        "wd_hab": lambda v, r, a=None: pick(r, ["på " + SV_WD[_wd(v, a)]["pl"], SV_WD[_wd(v, a)]["pl"],
                                                "på " + SV_WD[_wd(v, a)]["pldef"]], [3, 2, 1]),
        "wd_part_bare": _sv_wd_part_bare,
        "day": _sv_day,
        "day_full": _day_full("sv"),
        "date": _sv_date,
        "date_named": _sv_date_named,
        "part": _sv_part_once,
        "part_hab": lambda v, r, a=None: pick(r, SV_PART_HAB[v[a or "part"]]),
        "part_plur": lambda v, r, a=None: SV_PART_PLUR[v[a or "part"]],
        "clock": lambda v, r, a=None: clock_sv(v[a or "t"], r),
        "kl": lambda v, r, a=None: clock_sv(v[a or "t"], r, bare=False),
        "clockx": lambda v, r, a=None: num_fi(v[a or "t"], r, allow_hour_only=False),
        "num": lambda v, r, a=None: num_fi(v[a or "t"], r),
        "range": lambda v, r, a=None: range_sv(v["a"], v["b"], r),
        "dash": lambda v, r, a=None: dash(r),
        "hw": _sv_hour_word,
        "month": _sv_month,
        "mp": lambda v, r, a=None: {"early": "i början av", "mid": "i mitten av", "late": "i slutet av"}[v["mp"]],
        "ord": lambda v, r, a=None: SV_ORD[v["n"]],
        "weeknum": lambda v, r, a=None: str(v["week"]),
        "weekabbr": lambda v, r, a=None: pick(r, ["vecka ", "v. ", "v.", "v "], [4, 2, 1, 1]),
        "weeks": lambda v, r, a=None: (SV_WEEKS[v["nw"]] if v["nw"] == 1 or r.random() < 0.7
                                      else f"{v['nw']} veckor"),
        "domord": lambda v, r, a=None: pick(r, [sv_ordinal(v["dom"]), f"{v['dom']}e"], [4, 1]),
    },
    "en": {
        "wd_nom": lambda v, r, a=None: EN_WD[_wd(v, a)]["nom"],
        "wd_on": lambda v, r, a=None: pick(r, ["on ", ""], [3, 1]) + EN_WD[_wd(v, a)]["nom"],
        "wd_abbr": lambda v, r, a=None: pick(r, EN_WD[_wd(v, a)]["abbr"]) + pick(r, ["", "."], [3, 1]),
        "wd_hab": lambda v, r, a=None: pick(r, ["on ", ""], [3, 2]) + EN_WD[_wd(v, a)]["nom"] + "s",
        "wd_pl": lambda v, r, a=None: EN_WD[_wd(v, a)]["nom"] + "s",
        "wd_part_bare": _en_wd_part_bare,
        "day": _en_day,
        "day_full": _day_full("en"),
        "weeks_time": lambda v, r, a=None: {1: "a week's time", 2: "two weeks' time", 3: "three weeks' time",
                                             4: "four weeks' time"}[v["nw"]],
        "date": _en_date,
        "date_named": _en_date_named,
        "part": _en_part_once,
        "part_hab": lambda v, r, a=None: pick(r, EN_PART_HAB[v[a or "part"]]),
        "clock": lambda v, r, a=None: clock_en(v[a or "t"], r),
        "clockn": lambda v, r, a=None: clock_en(v[a or "t"], r, bare=False),
        "t12": lambda v, r, a=None: en12(v[a or "t"], r),
        "bare": lambda v, r, a=None: en_bare(v[a or "t"]),
        "range": lambda v, r, a=None: range_en(v["a"], v["b"], r),
        "dash": lambda v, r, a=None: dash(r),
        "hw": _en_hour_word,
        "month": _en_month,
        "month_abbr": lambda v, r, a=None: pick(r, [EN_MONTH[v["month"] - 1], EN_MONTH_ABBR[v["month"] - 1]]),
        "mp_pre": lambda v, r, a=None: pick(r, {"early": ["early", "in early", "at the beginning of"],
                                                 "mid": ["mid-", "in mid-", "in the middle of"],
                                                 "late": ["late", "in late", "at the end of"]}[v["mp"]]),
        "ord": lambda v, r, a=None: EN_ORD[v["n"]],
        "weeknum": lambda v, r, a=None: str(v["week"]),
        "weeks": lambda v, r, a=None: (EN_WEEKS[v["nw"]] if v["nw"] == 1 or r.random() < 0.7
                                      else f"{v['nw']} weeks"),
        "domord": lambda v, r, a=None: en_ordinal(v["dom"]),
    },
}

_SLOT_RE = re.compile(r"\{(\w+)(?::(\w+))?\}")


def render(lang: str, template: str, v: dict, r: random.Random) -> str:
    def sub(m):
        fn = SLOTS[lang].get(m.group(1))
        if fn is None:
            raise KeyError(f"{lang}: unknown slot {m.group(1)!r} in {template!r}")
        return fn(v, r, m.group(2))
    out = _SLOT_RE.sub(sub, template)
    out = out.replace("mid- ", "mid-")
    return re.sub(r"\s+", " ", out).strip()


# ---------------------------------------------------------------------------------------------
# constructions

@dataclass
class Variant:
    values: Callable[[date, datetime], list]
    templates: dict[str, list[tuple[str, str]]]
    expect: Callable[[datetime, dict], dict | None]
    name: str = ""


@dataclass
class Construction:
    name: str
    doc: str
    variants: list[Variant] = field(default_factory=list)

    def langs(self) -> set[str]:
        return {lang for v in self.variants for lang in v.templates}


WORKDAYS = range(5)
CLOCK_STARTS = [h * 60 for h in range(8, 18)] + [8 * 60 + 30, 9 * 60 + 30, 10 * 60 + 30, 13 * 60 + 30,
                                                    14 * 60 + 30, 15 * 60 + 30]
RANGES = [(8 * 60, 10 * 60), (8 * 60 + 30, 10 * 60), (9 * 60, 11 * 60), (10 * 60, 12 * 60),
          (9 * 60, 12 * 60), (12 * 60, 14 * 60), (13 * 60, 15 * 60), (13 * 60, 15 * 60 + 30),
          (14 * 60, 16 * 60), (15 * 60, 17 * 60), (10 * 60, 14 * 60), (16 * 60, 18 * 60),
          (12 * 60 + 30, 14 * 60 + 30), (11 * 60, 13 * 60)]
# hours in words: (number word, modifier minutes relative to word_hour(x))
HOUR_WORDS = [(x, 0) for x in (1, 2, 3, 4, 8, 9, 10, 11, 12)] + \
             [(x, -30) for x in (9, 10, 11, 12, 1, 2, 3, 4)] + \
             [(x, 30) for x in (8, 9, 10, 11, 12, 1, 2, 3)] + \
             [(x, -15) for x in (9, 10, 11, 12, 1, 2, 3, 4)] + \
             [(x, 15) for x in (8, 9, 10, 11, 12, 1, 2, 3)]


def _days(today, now, rel=True):
    """Day values: the five weekdays named once, and tomorrow / the day after (working days only)."""
    out = [{"day": ("wd", w), "date": next_weekday(today, w)} for w in WORKDAYS]
    if rel:
        for k in (1, 2):
            d = today + timedelta(days=k)
            if is_workday(d):
                out.append({"day": ("rel", k), "date": d})
    return out


def _day_times(today, now, starts=CLOCK_STARTS):
    return [dict(dv, t=t) for dv in _days(today, now) for t in starts]


def _future_workdays(today, now, lo=1, hi=85):
    return [today + timedelta(days=k) for k in range(lo, hi) if is_workday(today + timedelta(days=k))]


def _habitual(wds, times=None):
    return inc(rule(weekdays=wds, times=times))


C: list[Construction] = []


def construction(name, doc):
    c = Construction(name, doc)
    C.append(c)
    return c


# --- weekday named once ------------------------------------------------------------------------
c = construction("weekday_once", "a weekday named once -> the next such day after today's date, 08-20")
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w} for w in WORKDAYS],
    templates={
        "fi": [("adv", "{wd_ess}"), ("nom", "{wd_nom}"), ("adv", "tulevana {wd_ess}")],
        "sv": [("adv", "på {wd_nom}"), ("nom", "{wd_nom}"), ("adv", "på {wd_abbr}")],
        "en": [("adv", "on {wd_nom}"), ("nom", "{wd_nom}"), ("adv", "on {wd_abbr}"),
               ("adv", "this coming {wd_nom}")],
    },
    expect=lambda now, v: inc(rule(dates=[next_weekday(now.date(), v["wd"])]))))


def _upcoming_only(today, now):
    """'nu på fredag' / 'this Friday': only when that day is still ahead in the current week."""
    return [{"wd": w} for w in WORKDAYS if w > today.weekday()]


c.variants.append(Variant(
    values=_upcoming_only,
    templates={"sv": [("adv", "nu på {wd_nom}")], "en": [("nom", "this {wd_nom}")],
               "fi": [("adv", "tämän viikon {wd_ess}"), ("adv", "nyt {wd_ess}")]},
    expect=lambda now, v: inc(rule(dates=[next_weekday(now.date(), v["wd"])]))))

# --- "next Monday": only where "the next such day" and "the day in next week" coincide -----------
c = construction("weekday_next", "ensi maanantaina / nästa måndag / next Monday; generated only when "
                 "the named day is not later in the current week than today, so both readings agree")
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w} for w in WORKDAYS if w <= today.weekday()],
    templates={"fi": [("adv", "ensi {wd_ess}"), ("nom", "ensi {wd_nom}")],
               "sv": [("adv", "nästa {wd_nom}"), ("adv", "på {wd_nom} nästa vecka")],
               "en": [("nom", "next {wd_nom}"), ("adv", "next {wd_nom}")]},
    expect=lambda now, v: inc(rule(dates=[next_weekday(now.date(), v["wd"])]))))

# --- habitual weekday ----------------------------------------------------------------------------
c = construction("weekday_habitual", "tiistaisin / tisdagar / on Tuesdays -> every such day in the horizon")
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w} for w in WORKDAYS],
    templates={"fi": [("adv", "{wd_hab}"), ("adv", "aina {wd_hab}"), ("nom", "{wd_plur}")],
               "sv": [("adv", "på {wd_pl}"), ("nom", "{wd_pl}"), ("adv", "på {wd_pl}na")],
               "en": [("adv", "on {wd_pl}"), ("nom", "{wd_pl}"), ("adv", "any {wd_nom}")]},
    expect=lambda now, v: _habitual([v["wd"]])))


# --- lists of weekdays ---------------------------------------------------------------------------
def _wd_lists(today, now):
    out = []
    for a in WORKDAYS:
        for b in WORKDAYS:
            if b > a:
                out.append({"wd": a, "wd2": b, "n": 2})
                for c3 in WORKDAYS:
                    if c3 > b:
                        out.append({"wd": a, "wd2": b, "wd3": c3, "n": 3})
    return out


def _once_list_expect(now, v):
    ws = [v["wd"], v["wd2"]] + ([v["wd3"]] if v["n"] == 3 else [])
    return inc(rule(dates=[next_weekday(now.date(), w) for w in ws]))


def _hab_list_expect(now, v):
    ws = [v["wd"], v["wd2"]] + ([v["wd3"]] if v["n"] == 3 else [])
    return _habitual(ws)


c = construction("weekday_list", "ti, to tai pe / tis eller tors / Mon, Wed or Fri -> the next "
                 "occurrence of each named day")
c.variants.append(Variant(
    values=lambda t, n: [v for v in _wd_lists(t, n) if v["n"] == 2],
    templates={"fi": [("adv", "{wd_abbr} tai {wd_abbr:wd2}"), ("adv", "{wd_ess} tai {wd_ess:wd2}"),
                      ("adv", "{wd_ess} tai {wd_abbr:wd2}"), ("adv", "joko {wd_ess} tai {wd_ess:wd2}")],
               "sv": [("adv", "{wd_abbr} eller {wd_abbr:wd2}"), ("adv", "på {wd_nom} eller {wd_nom:wd2}"),
                      ("nom", "{wd_nom} eller {wd_nom:wd2}")],
               "en": [("adv", "on {wd_nom} or {wd_nom:wd2}"), ("nom", "{wd_abbr} or {wd_abbr:wd2}"),
                      ("nom", "{wd_nom} or {wd_nom:wd2}"), ("nom", "either {wd_nom} or {wd_nom:wd2}")]},
    expect=_once_list_expect, name="two"))
c.variants.append(Variant(
    values=lambda t, n: [v for v in _wd_lists(t, n) if v["n"] == 3],
    templates={"fi": [("adv", "{wd_abbr}, {wd_abbr:wd2} tai {wd_abbr:wd3}"),
                      ("adv", "{wd_ess}, {wd_ess:wd2} tai {wd_ess:wd3}")],
               "sv": [("adv", "{wd_abbr}, {wd_abbr:wd2} eller {wd_abbr:wd3}"),
                      ("adv", "på {wd_nom}, {wd_nom:wd2} eller {wd_nom:wd3}")],
               "en": [("nom", "{wd_abbr}, {wd_abbr:wd2} or {wd_abbr:wd3}"),
                      ("adv", "on {wd_nom}, {wd_nom:wd2} or {wd_nom:wd3}")]},
    expect=_once_list_expect, name="three"))

c = construction("weekday_list_habitual", "tiistaisin ja torstaisin / tisdagar och torsdagar / "
                 "Tuesdays and Thursdays -> every such day")
c.variants.append(Variant(
    values=lambda t, n: [v for v in _wd_lists(t, n) if v["n"] == 2],
    templates={"fi": [("adv", "{wd_hab} ja {wd_hab:wd2}"), ("adv", "{wd_hab} tai {wd_hab:wd2}")],
               "sv": [("adv", "på {wd_pl} och {wd_pl:wd2}"), ("nom", "{wd_pl} eller {wd_pl:wd2}")],
               "en": [("adv", "on {wd_pl} and {wd_pl:wd2}"), ("nom", "{wd_pl} or {wd_pl:wd2}")]},
    expect=_hab_list_expect))
c.variants.append(Variant(
    values=lambda t, n: [v for v in _wd_lists(t, n) if v["n"] == 3],
    templates={"fi": [("adv", "{wd_hab}, {wd_hab:wd2} ja {wd_hab:wd3}")],
               "sv": [("adv", "på {wd_pl}, {wd_pl:wd2} och {wd_pl:wd3}")],
               "en": [("adv", "on {wd_pl}, {wd_pl:wd2} and {wd_pl:wd3}")]},
    expect=_hab_list_expect))


# --- weekday ranges --------------------------------------------------------------------------------
def _ranges_once(today, now):
    """Only when today is outside the range, so that the week meant is not debatable:
    before the range in this week -> this week; after it -> next week."""
    out = []
    for a in WORKDAYS:
        for b in WORKDAYS:
            if b - a >= 1 and not (a <= today.weekday() <= b):
                out.append({"wd": a, "wd2": b})
    return out


def _range_once_expect(now, v):
    today = now.date()
    start = next_weekday(today, v["wd"])
    return inc(rule(frm=start, to=start + timedelta(days=v["wd2"] - v["wd"])))


c = construction("weekday_range", "ma–ke / måndag–onsdag / Monday to Wednesday -> those days of the "
                 "week meant (generated only when today is outside the range)")
c.variants.append(Variant(
    values=_ranges_once,
    templates={"fi": [("adv", "{wd_abbr}{dash}{wd_abbr:wd2}"), ("adv", "{wd_ela} {wd_ill:wd2}"),
                      ("nom", "{wd_nom}{dash}{wd_nom:wd2}")],
               "sv": [("nom", "{wd_nom}{dash}{wd_nom:wd2}"), ("nom", "{wd_abbr}{dash}{wd_abbr:wd2}"),
                      ("adv", "från {wd_nom} till {wd_nom:wd2}"), ("nom", "{wd_nom} till {wd_nom:wd2}")],
               "en": [("nom", "{wd_nom} to {wd_nom:wd2}"), ("nom", "{wd_abbr}{dash}{wd_abbr:wd2}"),
                      ("nom", "{wd_nom} through {wd_nom:wd2}"), ("adv", "from {wd_nom} to {wd_nom:wd2}")]},
    expect=_range_once_expect))

c = construction("weekday_range_habitual", "joka viikko ma–ke / måndagar–onsdagar / Mondays to "
                 "Wednesdays -> those weekdays every week")
c.variants.append(Variant(
    values=lambda today, now: [{"wd": a, "wd2": b} for a in WORKDAYS for b in WORKDAYS if b - a >= 1],
    templates={"fi": [("adv", "joka viikko {wd_abbr}{dash}{wd_abbr:wd2}"),
                      ("adv", "viikoittain {wd_ela} {wd_ill:wd2}"),
                      ("adv", "aina {wd_ela} {wd_ill:wd2}")],
               "sv": [("nom", "{wd_pl}{dash}{wd_pl:wd2}"), ("nom", "{wd_pl} till {wd_pl:wd2}"),
                      ("adv", "varje vecka {wd_nom}{dash}{wd_nom:wd2}")],
               "en": [("nom", "{wd_pl} to {wd_pl:wd2}"), ("nom", "{wd_pl} through {wd_pl:wd2}"),
                      ("adv", "every week {wd_nom} to {wd_nom:wd2}")]},
    expect=lambda now, v: _habitual(list(range(v["wd"], v["wd2"] + 1)))))

# --- day x part of day ------------------------------------------------------------------------------
c = construction("day_part", "torstaina iltapäivällä / iltapäivällä torstaina / Thursday afternoon "
                 "-> that day at the part's hours")
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w, "part": p} for w in WORKDAYS for p in PARTS],
    templates={"fi": [("adv", "{wd_ess} {part}"), ("adv", "{part} {wd_ess}"), ("adv", "{wd_abbr} {part}"),
                      ("adv", "{wd_compound}")],
               "sv": [("adv", "på {wd_nom} {part}"), ("adv", "{part} på {wd_nom}"), ("nom", "{wd_part_bare}"),
                      ("adv", "{wd_abbr} {part}")],
               "en": [("nom", "{wd_part_bare}"), ("adv", "on {wd_nom} {part}"), ("adv", "{part} on {wd_nom}"),
                      ("adv", "{wd_abbr} {part}")]},
    expect=lambda now, v: inc(rule(dates=[next_weekday(now.date(), v["wd"])], times=[PARTS[v["part"]]]))))

c = construction("habitual_part", "tiistaisin iltapäivällä / på tisdagar på eftermiddagen / Tuesday "
                 "afternoons -> every such day at the part's hours")
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w, "part": p} for w in WORKDAYS for p in PARTS],
    templates={"fi": [("adv", "{wd_hab} {part}"), ("adv", "{part_hab} {wd_hab}"), ("adv", "{wd_hab} {part_hab}")],
               "sv": [("adv", "på {wd_pl} {part}"), ("adv", "{part_hab} på {wd_pl}"),
                      ("nom", "{wd_pl} {part}")],
               "en": [("adv", "on {wd_pl} {part}"), ("adv", "{part_hab} on {wd_pl}"),
                      ("nom", "{wd_nom} {part_hab_en_nom}")]},
    expect=lambda now, v: _habitual([v["wd"]], times=[PARTS[v["part"]]])))


# --- day x clock time ---------------------------------------------------------------------------
def _wd_times(today, now):
    return [{"wd": w, "t": t} for w in WORKDAYS for t in CLOCK_STARTS]


c = construction("day_clock", "torstaina 14.30 / 14.30 torstaina / kl 13 på fredag / on Friday at 10 "
                 "-> that day, the start time to one hour later")
c.variants.append(Variant(
    values=_wd_times,
    templates={"fi": [("adv", "{wd_ess} {clock}"), ("adv", "{klo} {wd_ess}"), ("adv", "{wd_abbr} {klo}"),
                      ("adv", "{wd_ess} {clockx}"), ("adv", "{clockx} {wd_ess}"), ("adv", "{wd_ess} {clock}")],
               "sv": [("adv", "på {wd_nom} {kl}"), ("adv", "{kl} på {wd_nom}"), ("nom", "{wd_nom} {clock}"),
                      ("nom", "{wd_abbr} {kl}"), ("adv", "{kl} {wd_nom}")],
               "en": [("adv", "on {wd_nom} at {clock}"), ("adv", "at {clock} on {wd_nom}"),
                      ("nom", "{wd_nom} at {clock}"), ("nom", "{wd_nom} {clockn}"), ("nom", "{wd_abbr} {t12}")]},
    expect=lambda now, v: inc(rule(dates=[next_weekday(now.date(), v["wd"])], times=span(v["t"])))))
c.variants.append(Variant(  # "at 3 pm next Monday": only where next-Monday readings agree
    values=lambda today, now: [x for x in _wd_times(today, now) if x["wd"] <= today.weekday()],
    templates={"en": [("adv", "at {clock} next {wd_nom}"), ("nom", "next {wd_nom} at {clock}")],
               "fi": [("adv", "ensi {wd_ess} {klo}"), ("adv", "{klo} ensi {wd_ess}")],
               "sv": [("adv", "nästa {wd_nom} {kl}"), ("adv", "{kl} nästa {wd_nom}")]},
    expect=lambda now, v: inc(rule(dates=[next_weekday(now.date(), v["wd"])], times=span(v["t"])))))

# --- twelve-hour clocks (English) --------------------------------------------------------------------
c = construction("twelve_hour", "2:30 pm / 10am / 3 p.m. with a day -> that start time, one hour")
c.variants.append(Variant(
    values=lambda today, now: _day_times(today, now),
    templates={"en": [("adv", "{day} at {t12}"), ("adv", "at {t12} {day}"), ("adv", "{day}, {t12}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=span(v["t"])))))

# --- clock time alone ----------------------------------------------------------------------------------
c = construction("clock_only", "klo 14 / kl. 14 / at 2 pm with no day -> every day at that time (§2.1.1)")
c.variants.append(Variant(
    values=lambda today, now: [{"t": t} for t in CLOCK_STARTS],
    templates={"fi": [("nom", "{klo}"), ("adv", "aina {klo}")],
               "sv": [("nom", "{kl}"), ("adv", "alltid {kl}")],
               "en": [("adv", "at {clock}"), ("nom", "{t12}"), ("adv", "always at {clock}")]},
    expect=lambda now, v: inc(rule(times=span(v["t"])))))


# --- numeric dates ---------------------------------------------------------------------------------------
def _dates(today, now):
    return [{"date": d} for d in _future_workdays(today, now)]


c = construction("numeric_date", "3.12. / 3.12.2026 / 3/12 / 2026-12-03 -> that day 08-20 (slashes are "
                 "day/month; English slashed dates only when the day is > 12)")
c.variants.append(Variant(
    values=_dates,
    templates={"fi": [("adv", "{date}")], "sv": [("adv", "{date}")], "en": [("nom", "{date}"), ("adv", "on {date}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]]))))
c = construction("named_date", "3. joulukuuta / den 3 december / December 3rd -> that day 08-20")
c.variants.append(Variant(
    values=_dates,
    templates={"fi": [("adv", "{date_named}")], "sv": [("adv", "{date_named}")],
               "en": [("nom", "{date_named}"), ("adv", "on {date_named}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]]))))
def _dates_wd(today, now):
    return [{"date": d, "wd": d.weekday()} for d in _future_workdays(today, now)]


c.variants.append(Variant(  # weekday + date that agree
    values=_dates_wd,
    templates={"fi": [("adv", "{wd_ess} {date}")], "sv": [("adv", "{wd_on} {date_named}")],
               "en": [("nom", "{wd_nom} {date_named}"), ("adv", "on {wd_nom}, {date_named}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]]))))


def _date_times(today, now):
    return [{"date": d, "wd": d.weekday(), "t": t} for d in _future_workdays(today, now)[::2]
            for t in CLOCK_STARTS[::2]]


c = construction("date_clock", "12/1 klo 10 / 3.12. klo 9 / den 3/12 kl. 10 / Jan 12th, 10am -> that day, "
                 "one hour from the start time")
c.variants.append(Variant(
    values=_date_times,
    templates={"fi": [("adv", "{date} {klo}"), ("adv", "{klo} {date}"), ("adv", "{date_named} {klo}"),
                      ("adv", "{wd_ess} {date} {klo}")],
               "sv": [("adv", "{date} {kl}"), ("adv", "{kl} {date}"), ("adv", "{date_named} {kl}"),
                      ("adv", "{kl} {date_named}")],
               "en": [("nom", "{date_named}, {t12}"), ("adv", "on {date} at {clock}"),
                      ("adv", "at {clock} on {date_named}"), ("nom", "{date_named} at {clock}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=span(v["t"])))))


# --- day of month alone ------------------------------------------------------------------------------------
def _doms(today, now):
    out = []
    for dom in range(1, 29):
        if dom == today.day:
            continue
        d = dom_next(today, dom)
        if is_workday(d):
            out.append({"dom": dom, "date": d})
    return out


c = construction("day_of_month", "the 3rd / den 7:e / 7. päivä -> the next occurrence of that day of month")
c.variants.append(Variant(
    values=_doms,
    templates={"fi": [("adv", "{dom}. päivänä"), ("adv", "kuun {dom}. päivänä"), ("nom", "{dom}. päivä"),
                      ("nom", "kuun {dom}. päivä")],
               "sv": [("adv", "den {domord}"), ("adv", "den {domord} i månaden")],
               "en": [("nom", "the {domord}"), ("adv", "on the {domord}"), ("nom", "the {domord} of the month")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]]))))


# --- months ----------------------------------------------------------------------------------------------------
def _months(today, now):
    """The current month while at least a week of it is left, and the next two months."""
    out = []
    for k in range(0, 3):
        y, m = add_month(today.year, today.month, k)
        if k == 0 and (month_last(y, m) - today).days < 7:
            continue
        out.append({"month": m})
    return out


def _month_expect(now, v):
    a, b = month_next(now.date(), v["month"])
    return inc(rule(frm=a, to=b))


c = construction("month", "joulukuussa / i december / in December -> the days of that month (next occurrence)")
c.variants.append(Variant(
    values=_months,
    templates={"fi": [("adv", "{month_ine}"), ("adv", "{month_gen} aikana"), ("adv", "joskus {month_ine}")],
               "sv": [("adv", "i {month}"), ("adv", "under {month}"), ("adv", "någon gång i {month}")],
               "en": [("adv", "in {month}"), ("adv", "during {month}"), ("adv", "sometime in {month}")]},
    expect=_month_expect))

c = construction("next_month", "ensi kuussa / nästa månad / next month -> the days of the next calendar month")
c.variants.append(Variant(
    values=lambda today, now: [{}],
    templates={"fi": [("adv", "ensi kuussa"), ("adv", "ensi kuun aikana"), ("adv", "joskus ensi kuussa")],
               "sv": [("adv", "nästa månad"), ("adv", "under nästa månad"), ("adv", "i nästa månad")],
               "en": [("adv", "next month"), ("adv", "sometime next month"), ("adv", "during next month")]},
    expect=lambda now, v: inc(rule(frm=date(*add_month(now.year, now.month), 1),
                                   to=month_last(*add_month(now.year, now.month))))))

c = construction("start_in_month", "aloittaa helmikuussa / börja i februari / starting in February -> that month")
c.variants.append(Variant(
    values=_months,
    templates={"fi": [("clause", "Haluaisin aloittaa {month_ine}"), ("clause", "Voisimme aloittaa {month_ine}"),
                      ("clause", "Aloitus {month_ine} sopisi minulle")],
               "sv": [("clause", "Jag skulle vilja börja i {month}"), ("clause", "Vi kunde börja i {month}"),
                      ("clause", "Att börja i {month} skulle passa mig")],
               "en": [("clause", "I would like to start in {month}"), ("clause", "Starting in {month} would suit me"),
                      ("clause", "We could start in {month}")]},
    expect=_month_expect))

MP = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _month_parts(today, now):
    out = []
    for mv in _months(today, now) + [{"month": add_month(today.year, today.month, 3)[1]}]:
        for mp, (a, b) in MP.items():
            first, last = month_next(today, mv["month"])
            lo, hi = first.replace(day=a), min(last, first.replace(day=min(b, last.day)))
            if hi < today + timedelta(days=1) or not in_horizon(now, lo):
                continue  # already over (or beyond the horizon): no clean reading
            out.append({"month": mv["month"], "mp": mp})
    return out


def _month_part_expect(now, v):
    first, last = month_next(now.date(), v["month"])
    a, b = MP[v["mp"]]
    return inc(rule(frm=first.replace(day=a), to=min(last, first.replace(day=min(b, last.day)))))


c = construction("month_part", "joulukuun alussa/puolivälissä/lopussa -> 1–10 / 11–20 / 21–last")
c.variants.append(Variant(
    values=_month_parts,
    templates={"fi": [("adv", "{month_gen} {mp}")],
               "sv": [("adv", "{mp} {month}")],
               "en": [("adv", "{mp_pre} {month}")]},
    expect=_month_part_expect))


# --- relative days ------------------------------------------------------------------------------------
def _rel(today, now):
    return [{"day": ("rel", k), "date": today + timedelta(days=k)} for k in (1, 2)
            if is_workday(today + timedelta(days=k))]


c = construction("relative_day", "huomenna / ylihuomenna / i morgon / i övermorgon / tomorrow / the day after "
                 "tomorrow, alone or with a part of day")
c.variants.append(Variant(
    values=_rel,
    templates={"fi": [("adv", "{day}")], "sv": [("adv", "{day}")], "en": [("adv", "{day}"), ("nom", "{day}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]]))))
c.variants.append(Variant(
    values=lambda today, now: [dict(x, part=p) for x in _rel(today, now) for p in PARTS],
    templates={"fi": [("adv", "{day} {part}"), ("adv", "{part} {day}")],
               "sv": [("adv", "{day} {part}"), ("adv", "{part} {day}")],
               "en": [("adv", "{day} {part}"), ("adv", "{part} {day}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=[PARTS[v["part"]]]))))
c.variants.append(Variant(  # "tomorrow afternoon" etc.
    values=lambda today, now: [dict(x, part=p) for x in _rel(today, now) if x["day"][1] == 1
                               for p in ("morning", "afternoon", "evening")],
    templates={"sv": [("adv", "i morgon {part_bare_sv}")], "en": [("nom", "tomorrow {part_bare_en}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=[PARTS[v["part"]]]))))
SLOTS["sv"]["part_bare_sv"] = lambda v, r, a=None: SV_PART_BARE[v["part"]]
SLOTS["en"]["part_bare_en"] = lambda v, r, a=None: EN_PART_BARE[v["part"]]
c.variants.append(Variant(
    values=lambda today, now: [dict(x, t=t) for x in _rel(today, now) for t in CLOCK_STARTS],
    templates={"fi": [("adv", "{day} {klo}"), ("adv", "{klo} {day}")],
               "sv": [("adv", "{day} {kl}"), ("adv", "{kl} {day}")],
               "en": [("adv", "{day} at {clock}"), ("adv", "at {clock} {day}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=span(v["t"])))))


# --- today ------------------------------------------------------------------------------------------------
def _today_parts(today, now):
    out = []
    cur = now.hour * 60 + now.minute
    if not is_workday(today):
        return out
    for p, (a, b) in PARTS.items():
        if p in ("morning", "afternoon", "evening") and b - max(a, cur) >= 120:
            out.append({"part": p, "date": today})
    return out


c = construction("today_part", "tänä iltana / ikväll / tonight / this morning / this afternoon -> today at "
                 "that part, clipped to now (only when at least two hours of it are ahead)")
c.variants.append(Variant(
    values=_today_parts,
    templates={"fi": [("adv", "{today_fi}")], "sv": [("adv", "{today_sv}")], "en": [("adv", "{today_en}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=[PARTS[v["part"]]]))))
SLOTS["fi"]["today_fi"] = lambda v, r, a=None: pick(r, {"morning": ["tänä aamuna", "tänään aamupäivällä"],
                                                        "afternoon": ["tänään iltapäivällä", "tänä iltapäivänä"],
                                                        "evening": ["tänä iltana", "tänään illalla"]}[v["part"]])
SLOTS["sv"]["today_sv"] = lambda v, r, a=None: pick(r, {"morning": ["i förmiddag", "idag på förmiddagen"],
                                                        "afternoon": ["i eftermiddag", "idag på eftermiddagen"],
                                                        "evening": ["ikväll", "i kväll"]}[v["part"]])
SLOTS["en"]["today_en"] = lambda v, r, a=None: pick(r, {"morning": ["this morning"],
                                                        "afternoon": ["this afternoon"],
                                                        "evening": ["tonight", "this evening"]}[v["part"]])


# --- weeks ---------------------------------------------------------------------------------------------------
def _this_week(now, v=None):
    today = now.date()
    return inc(rule(frm=today, to=week_monday(today) + timedelta(days=4)))


c = construction("this_week", "tällä viikolla / denna vecka / this week -> rest of the current ISO week Mon–Fri")
c.variants.append(Variant(
    values=lambda today, now: [{}] if today.weekday() < 4 else [],
    templates={"fi": [("adv", "tällä viikolla"), ("adv", "tämän viikon aikana")],
               "sv": [("adv", "denna vecka"), ("adv", "den här veckan")],
               "en": [("adv", "this week"), ("adv", "sometime this week"), ("adv", "during this week")]},
    expect=_this_week))


def _next_week(now, v=None):
    mon = week_monday(now.date()) + timedelta(days=7)
    return inc(rule(frm=mon, to=mon + timedelta(days=4)))


c = construction("next_week", "ensi viikolla / nästa vecka / next week -> Mon–Fri of the next ISO week")
c.variants.append(Variant(
    values=lambda today, now: [{}],
    templates={"fi": [("adv", "ensi viikolla"), ("adv", "ensi viikon aikana"), ("adv", "seuraavalla viikolla")],
               "sv": [("adv", "nästa vecka"), ("adv", "under nästa vecka"), ("adv", "i nästa vecka")],
               "en": [("adv", "next week"), ("adv", "sometime next week"), ("adv", "during next week")]},
    expect=_next_week))


def _weeknums(today, now):
    out = []
    for k in range(0, 11):
        d = today + timedelta(days=7 * k)
        n = d.isocalendar()[1]
        mon = iso_week_monday(today, n)
        if k == 0 and today.weekday() >= 3:
            continue
        out.append({"week": n, "mon": mon})
    return out


def _weeknum_expect(now, v):
    mon = iso_week_monday(now.date(), v["week"])
    return inc(rule(frm=mon, to=mon + timedelta(days=4)))


c = construction("week_number", "viikolla 50 / vecka 50 / week 50 -> Mon–Fri of that ISO week (next occurrence)")
c.variants.append(Variant(
    values=_weeknums,
    templates={"fi": [("adv", "viikolla {weeknum}"), ("adv", "viikon {weeknum} aikana"), ("adv", "vk {weeknum}"),
                      ("adv", "vko {weeknum}")],
               "sv": [("adv", "{weekabbr}{weeknum}"), ("adv", "under vecka {weeknum}")],
               "en": [("adv", "in week {weeknum}"), ("nom", "week {weeknum}"), ("adv", "during week {weeknum}")]},
    expect=_weeknum_expect))


def _in_weeks_expect(now, v):
    mon = week_monday(now.date() + timedelta(days=7 * v["nw"]))
    return inc(rule(frm=mon, to=mon + timedelta(days=4)))


c = construction("in_n_weeks", "N viikon päästä / om N veckor / in N weeks -> Mon–Fri of the week of today+7N")
c.variants.append(Variant(
    values=lambda today, now: [{"nw": n} for n in (1, 2, 3, 4)],
    templates={"fi": [("adv", "{weeks_gen} viikon päästä"), ("adv", "{weeks_gen} viikon kuluttua")],
               "sv": [("adv", "om {weeks}")],
               "en": [("adv", "in {weeks}"), ("adv", "in {weeks_time}"), ("adv", "{weeks} from now")]},
    expect=_in_weeks_expect))
c.variants.append(Variant(
    values=lambda today, now: [{"nw": 2}],
    templates={"fi": [("adv", "parin viikon päästä"), ("adv", "parin viikon kuluttua")],
               "sv": [("adv", "om ett par veckor")],
               "en": [("adv", "in a couple of weeks"), ("adv", "in a couple of weeks' time")]},
    expect=_in_weeks_expect))
# "viikon päästä" is N=1: FI_WEEKS[1] renders "viikon" which would double: fix the template output
SLOTS["fi"]["weeks_gen"] = lambda v, r, a=None: ({1: "yhden", 2: "kahden", 3: "kolmen", 4: "neljän"}[v["nw"]]
                                                if r.random() < 0.7 else str(v["nw"]))


# --- clock ranges ---------------------------------------------------------------------------------------
c = construction("clock_range", "klo 8.30–10 / klo 8 ja 10 välillä / mellan 13 och 15.30 / 1-3pm / between "
                 "12 and 2 / no earlier than 10 and no later than 12, with no day -> every day, that range")
c.variants.append(Variant(
    values=lambda today, now: [{"a": a, "b": b} for a, b in RANGES],
    templates={"fi": [("nom", "{range}"), ("adv", "aina {range}")],
               "sv": [("nom", "{range}"), ("adv", "alltid {range}")],
               "en": [("nom", "{range}"), ("adv", "any day {range}")]},
    expect=lambda now, v: inc(rule(times=span(v["a"], v["b"])))))

c = construction("clock_range_day", "a clock range with a day, both orders -> that day, that range")
c.variants.append(Variant(
    values=lambda today, now: [dict(d, a=a, b=b) for d in _days(today, now) for a, b in RANGES],
    templates={"fi": [("adv", "{day} {range}"), ("adv", "{range} {day}")],
               "sv": [("adv", "{day} {range}"), ("adv", "{range} {day}")],
               "en": [("adv", "{day} {range}"), ("adv", "{range} {day}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=span(v["a"], v["b"])))))

# --- after / before / onwards ------------------------------------------------------------------------
AFTER = [h * 60 for h in range(10, 18)] + [12 * 60 + 30, 14 * 60 + 30]
BEFORE = [h * 60 for h in range(9, 17)] + [10 * 60 + 30, 11 * 60 + 30]
SLOTS["fi"]["after"] = lambda v, r, a=None: pick(r, [
    f"{pick(r, ['klo ', 'kello ', ''])}{num_fi(v['t'], r)} jälkeen",
    f"klo {v['t'] // 60}:n jälkeen" if v["t"] % 60 == 0 else f"klo {num_fi(v['t'], r)} jälkeen"], [4, 1])
SLOTS["fi"]["before"] = lambda v, r, a=None: f"ennen {pick(r, ['klo ', 'kello ', 'klo. '], [4, 2, 1])}{num_fi(v['t'], r)}"
SLOTS["sv"]["after"] = lambda v, r, a=None: f"efter {pick(r, ['kl. ', 'kl ', 'klockan ', ''], [4, 2, 1, 2])}{num_fi(v['t'], r)}"
SLOTS["sv"]["before"] = lambda v, r, a=None: (f"{pick(r, ['före', 'innan'], [3, 1])} "
                                              f"{pick(r, ['kl. ', 'kl ', 'klockan ', ''], [4, 2, 1, 2])}{num_fi(v['t'], r)}")
SLOTS["en"]["after"] = lambda v, r, a=None: "after " + clock_en(v["t"], r)
SLOTS["en"]["before"] = lambda v, r, a=None: "before " + clock_en(v["t"], r)

c = construction("after_time", "klo 12 jälkeen / efter kl. 12 / after 12 -> that time to 20:00, with or without a day")
c.variants.append(Variant(
    values=lambda today, now: [{"t": t} for t in AFTER],
    templates={"fi": [("adv", "{after}"), ("adv", "aina {after}")], "sv": [("adv", "{after}")],
               "en": [("adv", "{after}"), ("adv", "any day {after}")]},
    expect=lambda now, v: inc(rule(times=span(v["t"], DAY_END)))))
c.variants.append(Variant(
    values=lambda today, now: [dict(d, t=t) for d in _days(today, now) for t in AFTER],
    templates={"fi": [("adv", "{day} {after}"), ("adv", "{after} {day}")],
               "sv": [("adv", "{day} {after}"), ("adv", "{after} {day}")],
               "en": [("adv", "{day} {after}"), ("adv", "{after} {day}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=span(v["t"], DAY_END)))))

c = construction("before_time", "ennen klo 10 / före kl. 10 / before 10 -> 08:00 to that time, with or without a day")
c.variants.append(Variant(
    values=lambda today, now: [{"t": t} for t in BEFORE],
    templates={"fi": [("adv", "{before}"), ("adv", "aina {before}")], "sv": [("adv", "{before}")],
               "en": [("adv", "{before}"), ("adv", "any day {before}")]},
    expect=lambda now, v: inc(rule(times=span(DAY_START, v["t"])))))
c.variants.append(Variant(
    values=lambda today, now: [dict(d, t=t) for d in _days(today, now) for t in BEFORE],
    templates={"fi": [("adv", "{day} {before}"), ("adv", "{before} {day}")],
               "sv": [("adv", "{day} {before}"), ("adv", "{before} {day}")],
               "en": [("adv", "{day} {before}"), ("adv", "{before} {day}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=span(DAY_START, v["t"])))))

SLOTS["fi"]["onwards"] = lambda v, r, a=None: pick(r, [
    f"klo {num_fi(v['t'], r)} ->", f"klo {num_fi(v['t'], r)} ->", f"{num_fi(v['t'], r)} eteenpäin",
    f"klo {num_fi(v['t'], r)} eteenpäin", f"klo {num_fi(v['t'], r)} alkaen", f"kello {num_fi(v['t'], r)} lähtien"])
SLOTS["sv"]["onwards"] = lambda v, r, a=None: pick(r, [
    f"från kl. {num_fi(v['t'], r)}", f"från kl {num_fi(v['t'], r)}", f"från {num_fi(v['t'], r)} och framåt",
    f"kl. {num_fi(v['t'], r)} och framåt", f"från klockan {num_fi(v['t'], r)}"])
SLOTS["en"]["onwards"] = lambda v, r, a=None: pick(r, [
    f"from {en12(v['t'], r)} on", f"from {en12(v['t'], r)} onwards", f"from {en12(v['t'], r)} onward",
    f"{en12(v['t'], r)} onwards", f"from {v['t'] // 60:02d}:{v['t'] % 60:02d} on"])

c = construction("from_on", "klo 15 -> / 15 eteenpäin / från kl. 15 / from 3 pm on -> that time to 20:00")
c.variants.append(Variant(
    values=lambda today, now: [{"t": t} for t in AFTER],
    templates={"fi": [("adv", "{onwards}")], "sv": [("adv", "{onwards}")], "en": [("adv", "{onwards}")]},
    expect=lambda now, v: inc(rule(times=span(v["t"], DAY_END)))))
c.variants.append(Variant(
    values=lambda today, now: [dict(d, t=t) for d in _days(today, now) for t in AFTER],
    templates={"fi": [("adv", "{day} {onwards}")], "sv": [("adv", "{day} {onwards}")],
               "en": [("adv", "{day} {onwards}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=span(v["t"], DAY_END)))))


# --- hours in words ------------------------------------------------------------------------------------
def _hw_values(today, now):
    out = []
    for d in _days(today, now):
        for x, mod in HOUR_WORDS:
            out.append(dict(d, hw=(x, mod), t=word_hour(x) * 60 + mod))
    return out


c = construction("hour_words", "kello kahdelta = 14:00, puoli yksitoista = 10:30, kvart i tre = 14:45, "
                 "quarter to three = 14:45, half past ten = 10:30, with a day -> one hour from that time")
c.variants.append(Variant(
    values=_hw_values,
    templates={"fi": [("adv", "{day_full} {hw}"), ("adv", "{hw} {day_full}")],
               "sv": [("adv", "{day_full} {hw}"), ("adv", "{hw} {day_full}")],
               "en": [("adv", "{day_full} {hw}"), ("adv", "{hw} {day_full}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]], times=span(v["t"])))))

c.variants.append(Variant(  # no day: every day at that time (§2.1.1)
    values=lambda today, now: [{"hw": (x, mod), "t": word_hour(x) * 60 + mod} for x, mod in HOUR_WORDS],
    templates={"fi": [("adv", "{hw}"), ("adv", "aina {hw}")], "sv": [("adv", "{hw}")], "en": [("adv", "{hw}")]},
    expect=lambda now, v: inc(rule(times=span(v["t"])))))

WORD_RANGES = [(3, 0, 5, -30), (1, 0, 3, 0), (10, 0, 12, 0), (8, 0, 10, 0), (9, 0, 11, 0), (12, 0, 2, 0),
               (2, 0, 4, 0), (1, 0, 3, -30)]


def _fi_word_range(v, r, a=None):
    x1, m1, x2, m2 = v["wr"]
    left = FI_NUM[x1]["ela"]
    right = FI_NUM[x2]["ill"] if m2 == 0 else "puoli " + FI_NUM[x2]["ill"]
    return f"{pick(r, ['kello ', ''])}{left} {right}"


def _sv_word_range(v, r, a=None):
    x1, m1, x2, m2 = v["wr"]
    right = SV_NUM[x2] if m2 == 0 else "halv " + SV_NUM[x2]
    return pick(r, [f"mellan {SV_NUM[x1]} och {right}", f"från {SV_NUM[x1]} till {right}"])


def _en_word_range(v, r, a=None):
    x1, m1, x2, m2 = v["wr"]
    if m2 != 0:
        raise Skip
    # not "from ten to twelve": "ten to twelve" also reads as 11:50
    return f"between {EN_NUM[x1]} and {EN_NUM[x2]}"


SLOTS["fi"]["wrange"] = _fi_word_range
SLOTS["sv"]["wrange"] = _sv_word_range
SLOTS["en"]["wrange"] = _en_word_range
c.variants.append(Variant(
    values=lambda today, now: [dict(d, wr=w) for d in _days(today, now) for w in WORD_RANGES],
    templates={"fi": [("adv", "{day_full} {wrange}"), ("adv", "{wrange} {day_full}")],
               "sv": [("adv", "{day_full} {wrange}")], "en": [("adv", "{day_full} {wrange}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]],
                                   times=span(word_hour(v["wr"][0]) * 60 + v["wr"][1],
                                              word_hour(v["wr"][2]) * 60 + v["wr"][3])))))


# --- ordinal weekday of a month ----------------------------------------------------------------------------
def _ord_month_current(today, now):
    """'kuun ensimmäinen tiistai' / 'the first Tuesday of the month': this month's if still ahead
    (strictly after today), else next month's."""
    out = []
    for n in (1, 2, 3, 4, -1):
        for w in WORKDAYS:
            d = nth_weekday(today.year, today.month, w, n)
            if d <= today:
                y, m = add_month(today.year, today.month)
                d = nth_weekday(y, m, w, n)
            if in_horizon(now, d):
                out.append({"n": n, "wd": w, "date": d})
    return out


def _ord_month_named(today, now):
    """'helmikuun toinen keskiviikko': that month's next occurrence; left out when the named month
    is the current one and its day has passed (it would be next year, outside the horizon)."""
    out = []
    for k in range(0, 3):
        y, m = add_month(today.year, today.month, k)
        for n in (1, 2, 3, 4, -1):
            for w in WORKDAYS:
                d = nth_weekday(y, m, w, n)
                if d > today and in_horizon(now, d):
                    out.append({"n": n, "wd": w, "month": m, "date": d})
    return out


SLOTS["fi"]["wd_nom_l"] = SLOTS["fi"]["wd_nom"]
c = construction("ordinal_weekday", "kuun ensimmäinen tiistai / första fredagen i april / the second "
                 "Wednesday of January -> that date")
c.variants.append(Variant(
    values=_ord_month_current,
    templates={"fi": [("nom", "kuun {ord_nom} {wd_nom}"), ("adv", "kuun {ord_ess} {wd_ess}")],
               "sv": [("nom", "{ord} {wd_def} i månaden"), ("adv", "den {ord} {wd_def} i månaden")],
               "en": [("nom", "the {ord} {wd_nom} of the month"), ("adv", "on the {ord} {wd_nom} of the month")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]]))))
c.variants.append(Variant(
    values=_ord_month_named,
    templates={"fi": [("nom", "{month_gen} {ord_nom} {wd_nom}"), ("adv", "{month_gen} {ord_ess} {wd_ess}")],
               "sv": [("nom", "{ord} {wd_def} i {month}"), ("adv", "den {ord} {wd_def} i {month}")],
               "en": [("nom", "the {ord} {wd_nom} of {month}"), ("adv", "on the {ord} {wd_nom} in {month}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]]))))


# --- "Tuesday after next" --------------------------------------------------------------------------------
def _after_next(today, now):
    """Read as the second upcoming such day counting from tomorrow; generated only when the day
    named is not later in this week than today, where that reading and 'the day in the week after
    next week' coincide."""
    out = []
    for w in WORKDAYS:
        if w <= today.weekday():
            d1 = next_weekday(today, w)
            out.append({"wd": w, "date": d1 + timedelta(days=7)})
    return out


c = construction("weekday_after_next", "Tuesday after next / tisdagen veckan efter nästa / ensi viikon "
                 "jälkeisen viikon tiistaina -> the second upcoming such day")
c.variants.append(Variant(
    values=_after_next,
    templates={"fi": [("adv", "ensi viikon jälkeisen viikon {wd_ess}"), ("adv", "{wd_ess} kahden viikon päästä"),
                      ("adv", "{wd_ess} ensi viikon jälkeisellä viikolla")],
               "sv": [("adv", "{wd_def} veckan efter nästa"), ("adv", "på {wd_nom} om två veckor"),
                      ("adv", "på {wd_nom} veckan efter nästa")],
               "en": [("nom", "{wd_nom} after next"), ("nom", "the {wd_nom} after next"),
                      ("adv", "on {wd_nom} in two weeks"), ("adv", "on the {wd_nom} after next")]},
    expect=lambda now, v: inc(rule(dates=[v["date"]]))))


# --- spans: rest of the week, end of the week --------------------------------------------------------------
c = construction("rest_of_week", "later this week / the remainder of this week / resten av veckan / "
                 "myöhemmin tällä viikolla -> from now to Friday of the current week (as 'this week')")
c.variants.append(Variant(
    values=lambda today, now: [{}] if today.weekday() < 4 else [],
    templates={"fi": [("adv", "myöhemmin tällä viikolla"), ("adv", "vielä tällä viikolla"),
                      ("adv", "tämän viikon loppuun mennessä")],
               "sv": [("adv", "senare i veckan"), ("adv", "under resten av veckan"), ("nom", "resten av veckan")],
               "en": [("adv", "later this week"), ("nom", "the remainder of this week"), ("nom", "the rest of this week"),
                      ("adv", "any time during the rest of the week")]},
    expect=_this_week))


def _end_of_week(now, v=None):
    mon = week_monday(now.date())
    return inc(rule(frm=mon + timedelta(days=3), to=mon + timedelta(days=4)))


c = construction("end_of_week", "loppuviikosta / i slutet av veckan / at the end of the week -> Thursday–Friday "
                 "of the current week (generated only Mon–Wed)")
c.variants.append(Variant(
    values=lambda today, now: [{}] if today.weekday() <= 2 else [],
    templates={"fi": [("adv", "loppuviikosta"), ("adv", "loppuviikolla"), ("adv", "tämän viikon lopulla")],
               "sv": [("adv", "i slutet av veckan"), ("adv", "mot slutet av veckan")],
               "en": [("adv", "at the end of the week"), ("adv", "towards the end of this week"),
                      ("adv", "toward the end of the week")]},
    expect=_end_of_week))


# --- intersections ----------------------------------------------------------------------------------------
def _month_hab(today, now):
    return [dict(m, wd=w) for m in _months(today, now) for w in WORKDAYS]


def _month_hab_expect(now, v, times=None):
    a, b = month_next(now.date(), v["month"])
    return inc(rule(frm=a, to=b, weekdays=[v["wd"]], times=times))


c = construction("intersection", "helmikuussa torstaisin / ensi viikolla tiistaina / tammikuussa tiistaisin "
                 "iltapäivällä / viikolla 50 keskiviikkona -> the weekdays inside the span")
c.variants.append(Variant(
    values=_month_hab,
    templates={"fi": [("adv", "{month_ine} {wd_hab}"), ("adv", "{wd_hab} {month_ine}")],
               "sv": [("adv", "i {month} på {wd_pl}"), ("adv", "på {wd_pl} i {month}")],
               "en": [("adv", "on {wd_pl} in {month}"), ("nom", "{wd_pl} in {month}"),
                      ("adv", "in {month} on {wd_pl}")]},
    expect=_month_hab_expect, name="month_x_habitual"))
c.variants.append(Variant(
    values=lambda today, now: [dict(x, part=p) for x in _month_hab(today, now) for p in PARTS],
    templates={"fi": [("adv", "{month_ine} {wd_hab} {part}"), ("adv", "{wd_hab} {part} {month_ine}")],
               "sv": [("adv", "i {month} på {wd_pl} {part}"), ("adv", "på {wd_pl} {part} i {month}")],
               "en": [("adv", "on {wd_pl} {part} in {month}"), ("adv", "in {month}, on {wd_pl} {part}")]},
    expect=lambda now, v: _month_hab_expect(now, v, times=[PARTS[v["part"]]]), name="month_x_habitual_x_part"))


def _next_week_wd_expect(now, v):
    mon = week_monday(now.date()) + timedelta(days=7)
    return inc(rule(dates=[mon + timedelta(days=v["wd"])]))


c.variants.append(Variant(
    values=lambda today, now: [{"wd": w} for w in WORKDAYS],
    templates={"fi": [("adv", "ensi viikolla {wd_ess}"), ("adv", "{wd_ess} ensi viikolla"),
                      ("adv", "ensi viikon {wd_ess}")],
               "sv": [("adv", "nästa vecka på {wd_nom}"), ("adv", "på {wd_nom} nästa vecka"),
                      ("adv", "{wd_def} nästa vecka")],
               "en": [("adv", "on {wd_nom} next week"), ("adv", "next week on {wd_nom}"),
                      ("nom", "{wd_nom} next week")]},
    expect=_next_week_wd_expect, name="next_week_x_weekday"))


def _weeknum_wd(today, now):
    return [dict(x, wd=w) for x in _weeknums(today, now) for w in WORKDAYS
            if x["mon"] + timedelta(days=w) > today]


c.variants.append(Variant(
    values=_weeknum_wd,
    templates={"fi": [("adv", "viikolla {weeknum} {wd_ess}"), ("adv", "{wd_ess} viikolla {weeknum}")],
               "sv": [("adv", "på {wd_nom} vecka {weeknum}"), ("adv", "vecka {weeknum} på {wd_nom}")],
               "en": [("adv", "on {wd_nom} of week {weeknum}"), ("adv", "in week {weeknum} on {wd_nom}")]},
    expect=lambda now, v: inc(rule(dates=[iso_week_monday(now.date(), v["week"]) + timedelta(days=v["wd"])])),
    name="week_number_x_weekday"))


def _mp_hab(today, now):
    return [dict(x, wd=w) for x in _month_parts(today, now) for w in WORKDAYS]


def _mp_hab_expect(now, v):
    r = _month_part_expect(now, v)["include"][0]
    r["weekdays"] = [WD_KEYS[v["wd"]]]
    return inc(r)


c.variants.append(Variant(
    values=_mp_hab,
    templates={"fi": [("adv", "{month_gen} {mp} {wd_hab}")],
               "sv": [("adv", "{mp} {month} på {wd_pl}")],
               "en": [("adv", "on {wd_pl} {mp_pre} {month}")]},
    expect=_mp_hab_expect, name="month_part_x_habitual"))
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w} for w in WORKDAYS if w > today.weekday()],
    templates={"fi": [("adv", "tällä viikolla {wd_ess}"), ("adv", "{wd_ess} tällä viikolla")],
               "sv": [("adv", "på {wd_nom} den här veckan"), ("adv", "denna vecka på {wd_nom}")],
               "en": [("adv", "on {wd_nom} this week"), ("nom", "{wd_nom} this week")]},
    expect=lambda now, v: inc(rule(dates=[next_weekday(now.date(), v["wd"])])), name="this_week_x_weekday"))


# --- several days with one time part --------------------------------------------------------------------------
def _list_time(today, now):
    out = []
    for dv in _days(today, now):
        for w2 in WORKDAYS:
            d2 = next_weekday(today, w2)
            if d2 <= dv["date"]:
                continue
            for a, b in RANGES[::2]:
                out.append(dict(dv, wd2=w2, date2=d2, a=a, b=b))
    return out


c = construction("list_time", "huomenna tai torstaina klo 12–14 / ti tai to klo 12-14 -> the time part on each day")
c.variants.append(Variant(
    values=_list_time,
    templates={"fi": [("adv", "{day} tai {wd_ess:wd2} {range}"), ("adv", "{day} tai {wd_abbr:wd2} {range}")],
               "sv": [("adv", "{day} eller på {wd_nom:wd2} {range}")],
               "en": [("adv", "{day} or {wd_nom:wd2} {range}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"], v["date2"]], times=span(v["a"], v["b"])))))
c.variants.append(Variant(
    values=lambda today, now: [dict(x, part=p) for x in _list_time(today, now)[::3] for p in PARTS],
    templates={"fi": [("adv", "{day} tai {wd_ess:wd2} {part}")],
               "sv": [("adv", "{day} eller på {wd_nom:wd2} {part}")],
               "en": [("adv", "{day} or on {wd_nom:wd2} {part}")]},
    expect=lambda now, v: inc(rule(dates=[v["date"], v["date2"]], times=[PARTS[v["part"]]]))))

# --- part of day with no day ------------------------------------------------------------------------------------
c = construction("part_only", "iltapäivisin / työajan jälkeen / lounaan jälkeen / på förmiddagarna / afternoons "
                 "/ after work -> every day at the part's hours")
c.variants.append(Variant(
    values=lambda today, now: [{"part": p} for p in PARTS],
    templates={"fi": [("adv", "{part_hab}"), ("adv", "aina {part_hab}"), ("nom", "{part_plur_fi}")],
               "sv": [("adv", "{part_hab}"), ("nom", "{part_plur}")],
               "en": [("adv", "{part_hab}"), ("nom", "{part_hab_en_nom}")]},
    expect=lambda now, v: inc(rule(times=[PARTS[v["part"]]]))))


def _fi_part_plur(v, r, a=None):
    if v["part"] not in FI_PART_PLUR:
        raise Skip
    return FI_PART_PLUR[v["part"]]


def _sv_part_plur(v, r, a=None):
    if v["part"] not in SV_PART_PLUR:
        raise Skip
    return SV_PART_PLUR[v["part"]]


def _en_part_nom(v, r, a=None):
    if v["part"] == "midday":
        raise Skip
    return EN_PART_BARE[v["part"]] + "s"


SLOTS["fi"]["part_plur_fi"] = _fi_part_plur
SLOTS["sv"]["part_plur"] = _sv_part_plur
SLOTS["en"]["part_hab_en_nom"] = _en_part_nom


# --- exclusions ---------------------------------------------------------------------------------------------
def exc(*rules, include=()) -> dict:
    return {"include": list(include), "exclude": list(rules)}


c = construction("exclusion_only", "en pääse tiistaisin / tisdagar passar inte / I can't do Tuesdays -> every "
                 "day 08–20 minus the exclusion")
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w} for w in WORKDAYS],
    templates={"fi": [("clause", "En pääse {wd_hab}"), ("clause", "{wd_plur_cap} eivät käy minulle"),
                      ("clause", "{wd_hab_cap} en valitettavasti pääse")],
               "sv": [("clause", "Jag kan inte på {wd_pl}"), ("clause", "{wd_pl_cap} passar inte"),
                      ("clause", "{wd_pl_cap} fungerar tyvärr inte för mig")],
               "en": [("clause", "I can't do {wd_pl}"), ("clause", "{wd_pl} don't work for me"),
                      ("clause", "Not {wd_pl}, please")]},
    expect=lambda now, v: exc(rule(weekdays=[v["wd"]])), name="weekday"))
c.variants.append(Variant(
    values=lambda today, now: [{"part": p} for p in ("morning", "afternoon", "evening")],
    templates={"fi": [("clause", "{part_plur_cap} eivät käy minulle"), ("clause", "En pääse {part_hab_fi1}")],
               "sv": [("clause", "{part_plur_cap_sv} passar inte mig"), ("clause", "Jag kan inte {part_hab_sv1}")],
               "en": [("clause", "{part_nom_cap_en} don't work for me"), ("clause", "I can't make it {part_hab_en1}")]},
    expect=lambda now, v: exc(rule(times=[PARTS[v["part"]]])), name="part"))
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w, "wd2": w2} for w in WORKDAYS for w2 in WORKDAYS if w2 > w],
    templates={"fi": [("clause", "{wd_plur_cap} ja {wd_plur:wd2} eivät sovi")],
               "sv": [("clause", "{wd_pl_cap} och {wd_pl:wd2} passar inte")],
               "en": [("clause", "{wd_pl} and {wd_pl:wd2} are impossible for me")]},
    expect=lambda now, v: exc(rule(weekdays=[v["wd"], v["wd2"]])), name="two_weekdays"))
c.variants.append(Variant(
    values=lambda today, now: [{}],
    templates={"fi": [("clause", "Ensi viikolla en pääse")], "sv": [("clause", "Nästa vecka kan jag inte")],
               "en": [("clause", "I'm not available next week")]},
    expect=lambda now, v: exc(_next_week(now)["include"][0]), name="next_week"))
SLOTS["fi"]["wd_plur_cap"] = lambda v, r, a=None: FI_WD[_wd(v, a)]["plur"].capitalize()
SLOTS["fi"]["wd_hab_cap"] = lambda v, r, a=None: FI_WD[_wd(v, a)]["hab"].capitalize()
SLOTS["sv"]["wd_pl_cap"] = lambda v, r, a=None: SV_WD[_wd(v, a)]["pl"].capitalize()
SLOTS["fi"]["part_plur_cap"] = lambda v, r, a=None: FI_PART_PLUR[v["part"]].capitalize()
SLOTS["fi"]["part_hab_fi1"] = lambda v, r, a=None: FI_PART_HAB[v["part"]][0]
SLOTS["sv"]["part_plur_cap_sv"] = lambda v, r, a=None: SV_PART_PLUR[v["part"]].capitalize()
SLOTS["sv"]["part_hab_sv1"] = lambda v, r, a=None: SV_PART_HAB[v["part"]][0]
SLOTS["en"]["part_nom_cap_en"] = lambda v, r, a=None: (EN_PART_BARE[v["part"]] + "s").capitalize()
SLOTS["en"]["part_hab_en1"] = lambda v, r, a=None: EN_PART_HAB[v["part"]][1]

c = construction("exclusion_mixed", "iltapäivisin mutta ei kolmen jälkeen -> 12–15; en pääse tiistaisin + "
                 "aamupäivät käy -> mornings except Tuesdays; next week but not Monday")
c.variants.append(Variant(
    values=lambda today, now: [{"t": t} for t in (13 * 60, 14 * 60, 15 * 60)],
    templates={"fi": [("clause", "Iltapäivisin käy, mutta ei {fi_after_word}"),
                      ("clause", "Iltapäivät sopivat, mutta ei klo {hour} jälkeen")],
               "sv": [("clause", "Eftermiddagar går bra, men inte efter {sv_word}"),
                      ("clause", "På eftermiddagarna, men inte efter kl. {num}")],
               "en": [("clause", "Afternoons work, but not after {en_word}"),
                      ("clause", "Afternoons are fine, but not after {t12}")]},
    expect=lambda now, v: {"include": [rule(times=[PARTS["afternoon"]])],
                           "exclude": [rule(times=span(v["t"], DAY_END))]}, name="part_not_after"))
SLOTS["fi"]["fi_after_word"] = lambda v, r, a=None: FI_NUM[(v["t"] // 60) - 12]["gen"] + " jälkeen"
SLOTS["sv"]["sv_word"] = lambda v, r, a=None: SV_NUM[(v["t"] // 60) - 12]
SLOTS["en"]["en_word"] = lambda v, r, a=None: EN_NUM[(v["t"] // 60) - 12]
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w, "part": p} for w in WORKDAYS for p in ("morning", "afternoon", "evening")],
    templates={"fi": [("clause", "En pääse {wd_hab}, mutta {part_plur} käyvät muuten hyvin"),
                      ("clause", "{part_plur_cap} käyvät, paitsi {wd_hab}")],
               "sv": [("clause", "{part_plur_cap_sv} passar bra, men inte på {wd_pl}"),
                      ("clause", "Jag kan inte på {wd_pl}, men annars går {part_plur} bra")],
               "en": [("clause", "{part_nom_cap_en} work, but not on {wd_pl}"),
                      ("clause", "I can't do {wd_pl}, but otherwise {part_nom_en} are fine")]},
    expect=lambda now, v: {"include": [rule(times=[PARTS[v["part"]]])], "exclude": [rule(weekdays=[v["wd"]])]},
    name="part_except_weekday"))
SLOTS["fi"]["part_plur"] = lambda v, r, a=None: FI_PART_PLUR[v["part"]]
SLOTS["en"]["part_nom_en"] = lambda v, r, a=None: EN_PART_BARE[v["part"]] + "s"
c.variants.append(Variant(
    values=lambda today, now: [{"wd": w} for w in WORKDAYS],
    templates={"fi": [("clause", "Ensi viikolla sopii, mutta ei {wd_ess}"),
                      ("clause", "Ensi viikko käy, paitsi {wd_ess}")],
               "sv": [("clause", "Nästa vecka går bra, men inte på {wd_nom}")],
               "en": [("clause", "Next week works, but not {wd_nom}"),
                      ("clause", "Any day next week except {wd_nom}")]},
    expect=lambda now, v: {"include": _next_week(now)["include"],
                           "exclude": [rule(dates=[week_monday(now.date()) + timedelta(days=7 + v["wd"])])]},
    name="next_week_except_day"))
c.variants.append(Variant(
    values=lambda today, now: [dict(m, wd=w) for m in _months(today, now) for w in WORKDAYS],
    templates={"fi": [("clause", "{month_ine_cap} sopii, mutta en pääse {wd_hab}")],
               "sv": [("clause", "I {month} går det bra, men inte på {wd_pl}")],
               "en": [("clause", "{month} is fine, but I can't do {wd_pl}")]},
    expect=lambda now, v: {"include": _month_expect(now, v)["include"], "exclude": [rule(weekdays=[v["wd"]])]},
    name="month_except_weekday"))
SLOTS["fi"]["month_ine_cap"] = lambda v, r, a=None: _fi_month_ine(v, r).capitalize()


# --- no constraint ---------------------------------------------------------------------------------------------
c = construction("asap_any", "mahdollisimman pian / så snart som möjligt / as soon as possible / any time -> "
                 "no constraint (availability null)")
c.variants.append(Variant(
    values=lambda today, now: [{}],
    templates={"fi": [("clause", "Aika mahdollisimman pian olisi hyvä"), ("clause", "Toivoisin aikaa mahdollisimman pian"),
                      ("clause", "Mikä tahansa aika käy"), ("clause", "Minulle käy mikä tahansa aika"),
                      ("clause", "Tarvitsisin ajan niin pian kuin mahdollista")],
               "sv": [("clause", "Så snart som möjligt, tack"), ("clause", "Jag vill gärna ha en tid så snart som möjligt"),
                      ("clause", "Vilken tid som helst passar"), ("clause", "Jag kan komma vilken tid som helst"),
                      ("clause", "Jag behöver en tid snarast möjligt")],
               "en": [("clause", "As soon as possible, please"), ("clause", "I'd like a time as soon as possible"),
                      ("clause", "Any time works for me"), ("clause", "I can come any time"),
                      ("clause", "ASAP would be great")]},
    expect=lambda now, v: None))


CONSTRUCTIONS = {c.name: c for c in C}
