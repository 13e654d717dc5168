#!/usr/bin/env python3
"""Expand spec.py into a deterministic set of phrase records (JSONL).

    python tests/phrases/generate.py [--out tests/phrases/phrases.jsonl] [--seed N] [--per-lang N]

Each record: {"id", "lang", "construction", "text", "now", "availability"} plus, for reading
failures, "phrase" (the bare time expression), "variant", "subject" and "tags" (surface choices).
"text" is the whole body of a request message in which the phrase is the only time expression.

Standard library only; independent of mailbot.  The check that a phrase's expected availability
is not empty on the probes uses the probe functions of /work/shared/tools/eval_parse.py.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import spec  # noqa: E402

EVAL_PARSE = Path("/work/shared/tools/eval_parse.py")
SEED = 20261123
LANGS = ["fi", "sv", "en"]
PER_LANG = 1150
NOWS = [datetime(2026, 11, 23, 9, 0, tzinfo=spec.TZ),    # Mon
        datetime(2026, 12, 2, 14, 30, tzinfo=spec.TZ),   # Wed
        datetime(2026, 12, 11, 8, 15, tzinfo=spec.TZ),   # Fri
        datetime(2027, 1, 14, 10, 0, tzinfo=spec.TZ),    # Thu
        datetime(2027, 2, 16, 16, 40, tzinfo=spec.TZ)]   # Tue, late afternoon

# Wrappers.  "{P}" = the phrase at the start of a sentence, "{p}" = inside one, "{C}" = a clause.
# Each wrapper lists the phrase kinds it takes.
WRAPPERS = {
    "fi": [
        (("adv", "nom"), "Hei,\n\nhaluaisin varata työnohjausajan. {P} sopisi minulle.\n\nTerveisin\n{name}"),
        (("adv", "nom"), "Hei!\n\nOlen kiinnostunut yksilötyönohjauksesta. Minulle sopisi parhaiten {p}.\n\n"
                         "Ystävällisin terveisin\n{name}"),
        (("adv", "nom"), "Moi,\n\nvoisinko varata ajan työnohjaukseen? {P} kävisi hyvin.\n\n{name}"),
        (("adv", "nom"), "Hyvä vastaanottaja,\n\npyytäisin aikaa yksilötyönohjaukseen etänä. Sopiva ajankohta "
                         "minulle olisi {p}.\n\nKiitos ja terveisin,\n{name}"),
        (("adv",), "Hei,\n\nhaluaisin tulla työnohjaukseen {p}.\n\nTerveisin\n{name}"),
        (("adv",), "Hei,\n\nvaraisin mielelläni ajan työnohjaukseen {p}.\n\nYstävällisesti\n{name}"),
        (("clause",), "Hei,\n\nhaluaisin varata työnohjausajan. {C}.\n\nTerveisin\n{name}"),
        (("clause",), "Moi!\n\nKaipaisin työnohjausta. {C}.\n\nKiitos,\n{name}"),
        (("clause",), "Hyvä vastaanottaja,\n\ntoivoisin yksilötyönohjausta etäyhteydellä. {C}.\n\n"
                      "Ystävällisin terveisin\n{name}"),
    ],
    "sv": [
        (("nom",), "Hej,\n\njag skulle vilja boka en tid för handledning. {P} skulle passa mig bra.\n\n"
                   "Med vänliga hälsningar\n{name}"),
        (("nom",), "Hej!\n\nJag är intresserad av individuell handledning. För mig passar {p} bäst.\n\n"
                   "Hälsningar\n{name}"),
        (("adv", "nom"), "Hej,\n\njag skulle gärna vilja komma på handledning {p}.\n\nVänliga hälsningar\n{name}"),
        (("adv", "nom"), "Hej!\n\nKan jag få boka en handledningstid? Jag kan komma {p}.\n\nMvh\n{name}"),
        (("adv", "nom"), "Hej,\n\njag önskar boka individuell handledning på distans. Det skulle passa mig "
                         "{p}.\n\nHälsningar\n{name}"),
        (("clause",), "Hej,\n\njag vill boka handledning. {C}.\n\nHälsningar\n{name}"),
        (("clause",), "Hej!\n\nJag skulle behöva individuell handledning. {C}.\n\nTack på förhand,\n{name}"),
    ],
    "en": [
        (("nom",), "Hello,\n\nI would like to book a supervision session. {P} would suit me.\n\n"
                   "Best regards,\n{name}"),
        (("nom",), "Hi,\n\nI'm interested in individual supervision. {P} works best for me.\n\n"
                   "Kind regards,\n{name}"),
        (("adv", "nom"), "Hi,\n\nI'd like to book a supervision appointment. I could come {p}.\n\nBest,\n{name}"),
        (("adv", "nom"), "Dear booking team,\n\nI would like to arrange a work supervision session. I am "
                         "available {p}.\n\nThank you,\n{name}"),
        (("adv", "nom"), "Hello,\n\nI'd like to book an individual supervision session {p}, please.\n\n"
                         "Regards,\n{name}"),
        (("clause",), "Hello,\n\nI'd like to book a supervision session. {C}.\n\nRegards,\n{name}"),
        (("clause",), "Hi,\n\nI need individual supervision. {C}.\n\nThanks,\n{name}"),
    ],
}
NAMES = {"fi": ["Liisa Korhonen", "Mikko Nieminen", "Anna Mäkinen", "Jari Heikkinen", "Sanna Koskinen",
                "Timo Järvinen", "Elina Laaksonen", "Pekka Salo"],
         "sv": ["Anna Lindqvist", "Erik Johansson", "Maria Nyström", "Johan Björk", "Karin Holm",
                "Sofia Åberg"],
         "en": ["Sarah Miller", "James Walker", "Emily Clarke", "David Brown", "Laura Evans", "Tom Harris"]}
SUBJECTS = {"fi": ["Ajanvaraus", "Työnohjaus", "Työnohjausaika", "Ajanvarauspyyntö"],
            "sv": ["Bokning", "Handledning", "Boka handledning"],
            "en": ["Booking", "Supervision appointment", "Booking request"]}
NAME_STEMS = tuple([w["nom"][:5].lower() for w in spec.FI_WD + spec.SV_WD + spec.EN_WD]
                   + [m[:4].lower() for m in spec.FI_MONTH + spec.SV_MONTH + spec.EN_MONTH])
NAME_ABBRS = {"fi": {w["abbr"] for w in spec.FI_WD},
              "sv": {a.lower() for w in spec.SV_WD for a in w["abbr"]},
              "en": {a.lower() for w in spec.EN_WD for a in w["abbr"]}}


def is_name(word: str, lang: str) -> bool:
    w = word.lower()
    return w.startswith(NAME_STEMS) or w.rstrip(".,") in NAME_ABBRS[lang]
ASCII_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "A", "Ö": "O", "Å": "A"})


def load_eval_parse():
    sp = importlib.util.spec_from_file_location("eval_parse", EVAL_PARSE)
    mod = importlib.util.module_from_spec(sp)
    sp.loader.exec_module(mod)
    return mod


def fine_probes(now: datetime, horizon_days: int) -> list:
    """Half-hour probes 08:00..19:30, Mon-Fri (so that 14:30 or 10:15 starts are visible too)."""
    out = []
    d = now.date()
    end = now + timedelta(days=horizon_days)
    while datetime.combine(d, dtime(0), spec.TZ) <= end:
        if d.weekday() < 5:
            for k in range(16, 40):
                s = datetime.combine(d, dtime(k // 2, 30 * (k % 2)), spec.TZ)
                e = s + timedelta(minutes=30)
                if s >= now and e <= end:
                    out.append((s, e))
        d += timedelta(days=1)
    return out


def casing(text: str, r: random.Random, lang: str) -> tuple[str, str]:
    mode = r.choices(["keep", "lower", "capfirst", "capwords", "upper"], [62, 16, 10, 8, 4])[0]
    if mode == "lower":
        return text.lower(), mode
    if mode == "capfirst":
        return text[:1].upper() + text[1:], mode
    if mode == "capwords":  # weekday and month names capitalised (in fi/sv that is a mistake people make)
        return " ".join(w[:1].upper() + w[1:] if is_name(w, lang) else w
                        for w in text.split(" ")), mode
    if mode == "upper":
        return text.upper(), mode
    return text, mode


def wrap(lang: str, kind: str, phrase: str, case_mode: str, r: random.Random) -> str:
    wrappers = [w for kinds, w in WRAPPERS[lang] if kind in kinds]
    w = r.choice(wrappers)
    initial = phrase if case_mode == "lower" else phrase[:1].upper() + phrase[1:]
    body = (w.replace("{P}", initial).replace("{C}", initial).replace("{p}", phrase)
            .replace("{name}", r.choice(NAMES[lang])))
    return body


def generate(seed: int = SEED, per_lang: int = PER_LANG, nows=NOWS) -> list[dict]:
    ep = load_eval_parse()
    probe_cache = {}

    def nonempty(avail, now) -> bool:
        if now not in probe_cache:
            probe_cache[now] = (ep.probes(now, ep.HORIZON_DAYS), fine_probes(now, ep.HORIZON_DAYS))
        coarse, fine = probe_cache[now]
        return bool(ep.expected_set(avail, now, ep.HORIZON_DAYS, fine)) or \
            bool(ep.expected_set(avail, now, ep.HORIZON_DAYS, coarse))

    records = []
    for lang in LANGS:
        cons = [c for c in spec.C if lang in c.langs()]
        target = math.ceil(per_lang / len(cons))
        for c in cons:
            r = random.Random(f"{seed}/{lang}/{c.name}")
            # strata: (now, variant, template) -> instances; drawn round-robin for balance
            strata = []
            for now in nows:
                for vi, var in enumerate(c.variants):
                    for kind, tpl in var.templates.get(lang, []):
                        try:
                            vals = list(var.values(now.date(), now))
                        except spec.Skip:
                            continue
                        if vals:
                            r.shuffle(vals)
                            strata.append([now, vi, var, kind, tpl, vals])
            r.shuffle(strata)
            chosen, seen, fails = [], set(), 0
            while len(chosen) < target and strata and fails < 50 * target:
                for st in list(strata):
                    if len(chosen) >= target:
                        break
                    now, vi, var, kind, tpl, vals = st
                    if not vals:
                        strata.remove(st)
                        continue
                    v = vals.pop()
                    try:
                        phrase = spec.render(lang, tpl, v, r)
                        avail = var.expect(now, v)
                    except spec.Skip:
                        fails += 1
                        continue
                    if avail is not None and not nonempty(avail, now):
                        fails += 1
                        continue
                    phrase_c, case_mode = casing(phrase, r, lang)
                    key = (phrase_c.lower(), now)
                    if key in seen:
                        fails += 1
                        continue
                    seen.add(key)
                    text = wrap(lang, kind, phrase_c, case_mode, r)
                    subject = r.choice(SUBJECTS[lang])
                    tags = {"template": tpl, "kind": kind, "case": case_mode}
                    if lang in ("fi", "sv") and r.random() < 0.2:
                        text, subject = text.translate(ASCII_FOLD), subject.translate(ASCII_FOLD)
                        phrase_c = phrase_c.translate(ASCII_FOLD)
                        tags["ascii"] = True
                    chosen.append({"lang": lang, "construction": c.name,
                                   "variant": var.name or f"v{vi}", "phrase": phrase_c, "text": text,
                                   "subject": subject, "now": now.isoformat(), "availability": avail,
                                   "tags": tags})
            chosen.sort(key=lambda x: (x["now"], x["variant"], x["phrase"]))
            for i, rec in enumerate(chosen, 1):
                rec["id"] = f"{lang}-{c.name}-{i:03d}"
                records.append({k: rec[k] for k in ("id", "lang", "construction", "text", "now",
                                                     "availability", "phrase", "variant", "subject", "tags")})
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(HERE / "phrases.jsonl"))
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--per-lang", type=int, default=PER_LANG, help="target phrases per language")
    a = ap.parse_args()
    recs = generate(a.seed, a.per_lang)
    with open(a.out, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    by_lang = Counter(r["lang"] for r in recs)
    by_cell = defaultdict(Counter)
    for rec in recs:
        by_cell[rec["construction"]][rec["lang"]] += 1
    print(f"{len(recs)} phrases -> {a.out}")
    print("per language: " + ", ".join(f"{k} {v}" for k, v in sorted(by_lang.items())))
    for cname in [c.name for c in spec.C]:
        cnt = by_cell[cname]
        print(f"  {cname:24s} " + "  ".join(f"{lang} {cnt.get(lang, 0):3d}" for lang in LANGS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
