#!/usr/bin/env python3
"""Score mailbot's time-expression understanding on the generated phrase suite.

    . .venv/bin/activate
    python tests/phrases/score.py                         # tests/phrases/phrases.jsonl (generated if missing)
    python tests/phrases/score.py --lang fi --construction day_clock,hour_words --show-failures 20
    python tests/phrases/score.py --file other_phrases.jsonl --json
    python tests/phrases/score.py --sort j                # worst (lang, construction) rows first

Every record ({"id", "lang", "construction", "text", "now", "availability"}, optional "subject")
becomes a plain-text RFC 5322 message (From/To/Subject/Date/Message-ID) that goes through the
public API only: ``mailbot.mail.read_message`` and ``mailbot.understand.understand(msg, now=...)``.
Windows are scored with the probe-Jaccard method of /work/shared/tools/eval_parse.py (its functions
are imported, not copied; they are called one probe day at a time, which gives the same sets
much faster): one-hour probes on the full hours 08..19, Mon-Fri, after ``now``, within
90 days.  As a second view, J30 uses the same functions on half-hour probes 08:00..19:30, so that
start times such as 14:30 or 10:15 (invisible to the hourly probes) count too.

A phrase whose result has ``needs_review: true`` is counted as *abstained*: the table reports the
flagged count, the abstention rate and the accuracy among the phrases that were not flagged.
"""
from __future__ import annotations

import argparse
import email.utils
import importlib.util
import json
import re
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from datetime import time as dtime
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
EVAL_PARSE = Path("/work/shared/tools/eval_parse.py")
DEFAULT_FILE = HERE / "phrases.jsonl"
SENDERS = {"fi": "Liisa Korhonen", "sv": "Anna Lindqvist", "en": "Sarah Miller"}
SUBJECTS = {"fi": "Ajanvaraus", "sv": "Bokning", "en": "Booking"}


def load_eval_parse():
    sp = importlib.util.spec_from_file_location("eval_parse", EVAL_PARSE)
    mod = importlib.util.module_from_spec(sp)
    sp.loader.exec_module(mod)
    return mod


def load_records(path: Path | None, regenerate: bool) -> list[dict]:
    if path is None and (regenerate or not DEFAULT_FILE.exists()):
        import generate
        return generate.generate()
    path = path or DEFAULT_FILE
    recs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            missing = {"id", "lang", "construction", "text", "now", "availability"} - set(rec)
            if missing:
                raise SystemExit(f"{path}:{n}: record lacks {sorted(missing)}")
            recs.append(rec)
    return recs


def sender_of(rec: dict) -> str:
    lines = [ln.strip() for ln in rec["text"].strip().splitlines() if ln.strip()]
    last = lines[-1].lstrip("/").removeprefix("T. ").strip() if lines else ""
    if re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+){1,2}", last):
        return last
    return SENDERS.get(rec["lang"], "Sam Client")


# a bare phrase (the adapted records of other parsers) goes into a short request in its language,
# as a client would write it
WRAPPERS = {
    "fi": "Hei,\n\nhaluaisin varata työnohjausajan. Minulle sopiva aika: {p}.\n\nTerveisin\nMaija Virtanen",
    "sv": "Hej,\n\njag skulle vilja boka en tid för handledning. Tid som passar mig: {p}.\n\nHälsningar\nAnna Berg",
    "en": "Hello,\n\nI would like to book a supervision session. Time that suits me: {p}.\n\nBest regards\nJohn Smith",
}


def build_message(rec: dict, now: datetime) -> bytes:
    if "\n" not in rec["text"].strip():
        rec = {**rec, "text": WRAPPERS[rec["lang"]].format(p=rec["text"].strip().rstrip("."))}
    name = sender_of(rec)
    local = re.sub(r"[^a-z.]", "", name.lower().replace(" ", ".")
                   .translate(str.maketrans("äöåé", "aoae"))) or "client"
    m = EmailMessage()
    m["From"] = email.utils.formataddr((name, f"{local}@example.com"))
    m["To"] = "ajanvaraus@example.fi"
    m["Subject"] = rec.get("subject") or SUBJECTS.get(rec["lang"], "Booking")
    m["Date"] = email.utils.format_datetime(now)
    m["Message-ID"] = f"<phrase-{re.sub(r'[^A-Za-z0-9_.-]', '_', str(rec['id']))}@phrases.example>"
    m.set_content(rec["text"])
    return m.as_bytes()


def window_dicts(windows) -> list[dict]:
    """The parser's windows as [{"start": iso, "end": iso}] whatever their type."""
    out = []
    for w in windows or []:
        if isinstance(w, dict):
            a, b = w["start"], w["end"]
        elif isinstance(w, (tuple, list)):
            a, b = w[0], w[1]
        else:
            a, b = w.start, w.end
        out.append({"start": a.isoformat() if hasattr(a, "isoformat") else str(a),
                    "end": b.isoformat() if hasattr(b, "isoformat") else str(b)})
    return out


def jaccard(want: set, have: set) -> float:
    return 1.0 if not want and not have else len(want & have) / len(want | have)


def compact_windows(ws: list[dict], limit: int = 4) -> str:
    if not ws:
        return "[]"
    parts = [f"{w['start'][:10]} {w['start'][11:16]}-{w['end'][11:16]}" for w in ws[:limit]]
    more = f" (+{len(ws) - limit} more, {len(ws)} in all)" if len(ws) > limit else ""
    return "; ".join(parts) + more


def probes_by_day(probe_list) -> dict:
    days = defaultdict(list)
    for p in probe_list:
        days[p[0].date()].append(p)
    return dict(days)


def expected_probes(ep, avail, days: dict) -> set:
    """ep.expected_set, evaluated one probe day at a time (same result, much faster).

    expected_set takes the span of days from its ``now`` and ``horizon_days`` arguments only; the
    probes are passed in.  Calling it with now = midnight of day D, horizon 0 and D's probes
    gives exactly the probes of D that the whole-horizon call accepts (the only-exclusions
    fallback looks at the rules, not at the span, so it is unchanged)."""
    out = set()
    for d, pl in days.items():
        out |= ep.expected_set(avail, datetime.combine(d, dtime(0), ep.TZ), 0, pl)
    return out


def predicted_probes(ep, ws: list[dict], days: dict) -> set:
    """ep.predicted_set, evaluated per probe day with only the windows that touch that day."""
    spans = []
    for w in ws:
        a, b = datetime.fromisoformat(w["start"]), datetime.fromisoformat(w["end"])
        if a.tzinfo is None:
            a, b = a.replace(tzinfo=ep.TZ), b.replace(tzinfo=ep.TZ)
        spans.append((a, b, w))
    out = set()
    for d, pl in days.items():
        lo = datetime.combine(d, dtime(0), ep.TZ)
        hi = lo + timedelta(days=1)
        sub = [w for a, b, w in spans if a < hi and b > lo]
        if sub:
            out |= ep.predicted_set(sub, pl)
    return out


def run(recs: list[dict]) -> list[dict]:
    import generate

    from mailbot.mail import read_message
    from mailbot.understand import understand

    ep = load_eval_parse()
    tz = ep.TZ
    probe_cache, want_cache = {}, {}
    results = []
    for rec in recs:
        now = datetime.fromisoformat(rec["now"]).astimezone(tz)
        if now not in probe_cache:
            probe_cache[now] = (probes_by_day(ep.probes(now, ep.HORIZON_DAYS)),
                                probes_by_day(generate.fine_probes(now, ep.HORIZON_DAYS)))
        coarse, fine = probe_cache[now]
        key = (json.dumps(rec["availability"], sort_keys=True), now)
        if key not in want_cache:
            want_cache[key] = (expected_probes(ep, rec["availability"], coarse),
                               expected_probes(ep, rec["availability"], fine))
        want, want30 = want_cache[key]
        res = {"id": rec["id"], "lang": rec["lang"], "construction": rec["construction"],
               "phrase": rec.get("phrase") or " ".join(rec["text"].split())[:160], "now": rec["now"], "availability": rec["availability"]}
        try:
            msg = read_message(build_message(rec, now))
            out = understand(msg, now=now)
            ws = window_dicts(getattr(out, "windows", None))
            res.update(windows=ws, needs_review=bool(getattr(out, "needs_review", False)),
                       reasons=list(getattr(out, "reasons", []) or []), error=None)
        except Exception as e:  # noqa: BLE001 - a crash scores 0 and is reported
            res.update(windows=[], needs_review=False, reasons=[], error=f"{type(e).__name__}: {e}")
            res.update(j=0.0, j30=0.0, want=len(want), have=0)
            results.append(res)
            continue
        have = predicted_probes(ep, ws, coarse)
        have30 = predicted_probes(ep, ws, fine)
        res.update(j=jaccard(want, have), j30=jaccard(want30, have30), want=len(want), have=len(have))
        results.append(res)
    return results


def summarise(rows: list[dict]) -> dict:
    n = len(rows)
    if not n:
        return {"n": 0}
    flagged = [r for r in rows if r["needs_review"]]
    kept = [r for r in rows if not r["needs_review"]]

    def mean(xs):
        xs = list(xs)
        return round(sum(xs) / len(xs), 3) if xs else None

    return {"n": n,
            "mean_jaccard": mean(r["j"] for r in rows),
            "exact": mean(r["j"] == 1.0 for r in rows),
            "mean_j30": mean(r["j30"] for r in rows),
            "exact_j30": mean(r["j30"] == 1.0 for r in rows),
            "flagged": len(flagged),
            "abstention_rate": round(len(flagged) / n, 3),
            "answered_mean_jaccard": mean(r["j"] for r in kept),
            "answered_exact": mean(r["j"] == 1.0 for r in kept),
            "errors": sum(1 for r in rows if r.get("error"))}


def fmt(x, w=6):
    return f"{'-':>{w}}" if x is None else f"{x:>{w}.3f}" if isinstance(x, float) else f"{x:>{w}}"


def main() -> int:
    ap = argparse.ArgumentParser(description="Score mailbot on the generated time-expression phrases.")
    ap.add_argument("--file", type=Path, help="JSONL of phrase records (default: tests/phrases/phrases.jsonl)")
    ap.add_argument("--regenerate", action="store_true", help="generate the phrases in memory instead of reading")
    ap.add_argument("--lang", help="only these languages (comma-separated)")
    ap.add_argument("--construction", help="only these constructions (comma-separated)")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N", help="print the N worst phrases")
    ap.add_argument("--sort", choices=["name", "j"], default="name", help="table order (j: worst first)")
    ap.add_argument("--json", action="store_true", help="print the summary (and failures) as JSON")
    a = ap.parse_args()

    recs = load_records(a.file, a.regenerate)
    if a.lang:
        langs = set(a.lang.split(","))
        recs = [r for r in recs if r["lang"] in langs]
    if a.construction:
        cons = set(a.construction.split(","))
        recs = [r for r in recs if r["construction"] in cons]
    if not recs:
        print("no phrases selected", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    results = run(recs)
    elapsed = time.perf_counter() - t0

    groups = defaultdict(list)
    for r in results:
        groups[(r["lang"], r["construction"])].append(r)
    rows = [dict(lang=k[0], construction=k[1], **summarise(v)) for k, v in groups.items()]
    if a.sort == "j":
        rows.sort(key=lambda x: (x["mean_jaccard"], x["lang"], x["construction"]))
    else:
        rows.sort(key=lambda x: (x["lang"], x["construction"]))
    overall = summarise(results)
    per_lang = {lang: summarise([r for r in results if r["lang"] == lang])
                for lang in sorted({r["lang"] for r in results})}
    failures = sorted((r for r in results if r["j"] < 1.0 or r.get("error")),
                      key=lambda r: (r["j"], r["j30"], r["id"]))[:a.show_failures]

    if a.json:
        print(json.dumps({"overall": overall, "per_language": per_lang, "rows": rows,
                          "seconds": round(elapsed, 1),
                          "failures": [{k: f[k] for k in ("id", "lang", "construction", "phrase", "now",
                                                          "availability", "windows", "needs_review",
                                                          "reasons", "j", "j30", "error")}
                                       for f in failures]}, ensure_ascii=False))
        return 0

    print(f"{overall['n']} phrases scored in {elapsed:.1f} s"
          + (f", {overall['errors']} parser errors" if overall["errors"] else ""))
    print(f"overall: mean Jaccard {overall['mean_jaccard']:.3f}, exact {overall['exact']:.3f}, "
          f"J30 {overall['mean_j30']:.3f} (exact {overall['exact_j30']:.3f})")
    print(f"abstained (needs_review): {overall['flagged']} ({overall['abstention_rate']:.3f}); "
          f"among the others: mean Jaccard {fmt(overall['answered_mean_jaccard'], 0)}, "
          f"exact {fmt(overall['answered_exact'], 0)}")
    for lang, s in per_lang.items():
        print(f"  {lang}: n {s['n']}, J {s['mean_jaccard']:.3f}, exact {s['exact']:.3f}, "
              f"J30 {s['mean_j30']:.3f}, flagged {s['flagged']}")
    print()
    print(f"{'lang':4} {'construction':24} {'n':>4} {'J':>6} {'exact':>6} {'J30':>6} {'flag':>5} "
          f"{'abst':>6} {'J|ans':>6} {'ex|ans':>6}")
    for x in rows:
        print(f"{x['lang']:4} {x['construction']:24} {x['n']:>4} {fmt(x['mean_jaccard'])} {fmt(x['exact'])} "
              f"{fmt(x['mean_j30'])} {x['flagged']:>5} {fmt(x['abstention_rate'])} "
              f"{fmt(x['answered_mean_jaccard'])} {fmt(x['answered_exact'])}")
    if failures:
        print(f"\n{len(failures)} worst phrases:")
        for f in failures:
            flag = " [needs_review: " + "; ".join(f["reasons"]) + "]" if f["needs_review"] else ""
            print(f"- {f['id']} J={f['j']:.2f} J30={f['j30']:.2f} now={f['now'][:16]}{flag}")
            print(f"    phrase:   {f['phrase']!r}")
            print(f"    expected: {json.dumps(f['availability'], ensure_ascii=False)}")
            print(f"    got:      {f['error'] or compact_windows(f['windows'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
