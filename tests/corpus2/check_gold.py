"""Sanity check of the gold files in this folder (not a pytest module).

    python tests/corpus2/check_gold.py

Checks that every NN_slug.json has exactly the FACTS.md fields, in order, with
legal enums and value formats; that each evidence string, each signed-document
title and each agreement / commitment / statement / quantity text occurs
verbatim in its .txt (after NFKC and white-space collapsing); that agreement,
commitment and quantity texts lie inside their own evidence; that documents
are 300-1,500 characters; that dates are real calendar dates; and that every
participant, speaker and actor contains an alias from ../shared/gold/people.json
merged with this folder's people.json (the scorer's merge rule). Anonymous
sources (外務省幹部, "a senior Japanese official") are allowed as speakers.

It reads nothing under src/: this corpus is meant to test the extractor blind.
"""
import datetime
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED_PEOPLE = os.path.join(os.path.dirname(ROOT), "shared", "gold", "people.json")
LOCAL_PEOPLE = os.path.join(HERE, "people.json")

KINDS = {"summit", "small_group", "working_lunch", "dinner", "signing_ceremony", "press_conference",
         "telephone", "video", "courtesy_call", "visit", "other"}
VERBS = {"agreed", "confirmed", "shared_view", "opposed", "welcomed", "signed", "other"}
TOPICS = {"security", "defense_spending", "nuclear_deterrence", "bases_okinawa", "economy", "trade_tariffs",
          "investment", "energy", "critical_minerals", "technology", "shipbuilding", "space", "cyber",
          "regional_partners", "china", "taiwan", "north_korea", "abductions", "russia_ukraine", "middle_east",
          "exchange", "other"}
UNITS = {"USD", "JPY", "GBP", "AUD", "EUR", "KRW", "percent", "percent_gdp", "people", "count"}
KEYS = ["doc", "lang", "event", "meetings", "signed_documents", "agreements", "commitments", "statements",
        "quantities"]
MEETING_KEYS = {"kind", "participants", "date", "start", "duration_minutes", "place", "evidence"}
ANON = {"政府高官", "外務省幹部", "a senior Japanese official"}
MIN_LEN, MAX_LEN = 300, 1500


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", s).split())


def load_people():
    """Shared people.json with this folder's additions merged over it."""
    shared = json.load(open(SHARED_PEOPLE, encoding="utf-8"))
    local = json.load(open(LOCAL_PEOPLE, encoding="utf-8"))
    people = dict(shared["people"])
    people.update(local.get("people", {}))
    countries = dict(shared["countries"])
    countries.update(local.get("countries", {}))
    return people, countries


PEOPLE, COUNTRIES = load_people()
ALIASES = [(a, pid) for pid, p in PEOPLE.items() for a in p["aliases"]]
ALIASES += [(a, code) for code, names in COUNTRIES.items() for a in names]


def resolves(name):
    n = norm(name).lower()
    return [i for a, i in ALIASES if norm(a).lower() in n]


def is_date(s):
    if not isinstance(s, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", s):
        return False
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def check(jpath):
    errs = []
    g = json.load(open(jpath, encoding="utf-8"))
    if list(g.keys()) != KEYS:
        errs.append(f"keys {list(g.keys())}")
        return 0, {}, errs
    if os.path.basename(jpath)[:-5] + ".txt" != g["doc"]:
        errs.append("doc name mismatch")
    text = open(os.path.join(HERE, g["doc"]), encoding="utf-8").read()
    nt = norm(text)
    n = len(text)
    if not MIN_LEN <= n <= MAX_LEN:
        errs.append(f"length {n}")
    if g["lang"] not in ("ja", "en"):
        errs.append(f"lang {g['lang']}")

    def verbatim(s, where, what="text"):
        if not isinstance(s, str) or not s:
            errs.append(f"{where}: empty {what}")
        elif norm(s) not in nt:
            errs.append(f"{where}: {what} not in document: {s}")

    def ev(f, where, inside=None):
        e = f.get("evidence")
        if e is None:
            errs.append(f"{where}: no evidence")
            return
        verbatim(e, where, "evidence")
        if inside is not None and norm(inside) not in norm(e):
            errs.append(f"{where}: text not inside its evidence")

    if set(g["event"]) != {"date", "countries"}:
        errs.append("event keys")
    if not is_date(g["event"]["date"]):
        errs.append("event date")
    cs = g["event"]["countries"]
    if cs != sorted(cs) or len(cs) != len(set(cs)) or any(c not in COUNTRIES for c in cs):
        errs.append(f"event countries {cs}")

    for i, m in enumerate(g["meetings"]):
        w = f"meeting{i}"
        if set(m) != MEETING_KEYS:
            errs.append(f"{w} keys {sorted(set(m) ^ MEETING_KEYS)}")
            continue
        if m["kind"] not in KINDS:
            errs.append(f"{w} kind {m['kind']}")
        if not is_date(m["date"]):
            errs.append(f"{w} date")
        if m["start"] is not None and not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", m["start"]):
            errs.append(f"{w} start")
        d = m["duration_minutes"]
        if d is not None and (not isinstance(d, int) or isinstance(d, bool) or d <= 0):
            errs.append(f"{w} duration")
        if not m["participants"]:
            errs.append(f"{w} no participants")
        for p in m["participants"]:
            if not resolves(p):
                errs.append(f"{w} participant unresolved: {p}")
        if m["place"] is not None:
            verbatim(m["place"], w, "place")
        ev(m, w)

    for i, s in enumerate(g["signed_documents"]):
        w = f"sd{i}"
        if set(s) - {"title", "date", "evidence"} or not {"title", "date"} <= set(s):
            errs.append(f"{w} keys")
            continue
        if s["date"] is not None and not is_date(s["date"]):
            errs.append(f"{w} date")
        verbatim(s["title"], w, "title")

    for i, a in enumerate(g["agreements"]):
        w = f"agr{i}"
        if set(a) - {"text", "verb", "topics", "evidence"} or not {"text", "verb"} <= set(a):
            errs.append(f"{w} keys")
            continue
        if a["verb"] not in VERBS:
            errs.append(f"{w} verb {a['verb']}")
        if any(t not in TOPICS for t in a.get("topics", [])):
            errs.append(f"{w} topics")
        verbatim(a["text"], w)
        ev(a, w, inside=a["text"])

    for i, c in enumerate(g["commitments"]):
        w = f"com{i}"
        if set(c) != {"actor", "text", "amount", "deadline", "evidence"}:
            errs.append(f"{w} keys")
            continue
        if not resolves(c["actor"]):
            errs.append(f"{w} actor unresolved {c['actor']}")
        amt = c["amount"]
        if amt is not None and (set(amt) != {"value", "unit"} or not isinstance(amt["value"], (int, float))
                                or amt["unit"] not in UNITS):
            errs.append(f"{w} amount {amt}")
        dl = c["deadline"]
        if dl is not None and not (is_date(dl) or re.match(r"^FY\d{4}$", dl) or re.match(r"^within_days:\d+$", dl)):
            errs.append(f"{w} deadline {dl}")
        verbatim(c["text"], w)
        ev(c, w, inside=c["text"])

    for i, s in enumerate(g["statements"]):
        w = f"st{i}"
        if set(s) != {"speaker", "mode", "text", "evidence"}:
            errs.append(f"{w} keys")
            continue
        if s["mode"] not in ("direct", "reported"):
            errs.append(f"{w} mode")
        if not resolves(s["speaker"]) and s["speaker"] not in ANON:
            errs.append(f"{w} speaker unresolved {s['speaker']}")
        verbatim(s["text"], w)
        ev(s, w)

    for i, q in enumerate(g["quantities"]):
        w = f"q{i}"
        if set(q) != {"text", "value", "unit", "evidence"}:
            errs.append(f"{w} keys")
            continue
        if not isinstance(q["value"], (int, float)) or isinstance(q["value"], bool):
            errs.append(f"{w} value")
        if q["unit"] not in UNITS:
            errs.append(f"{w} unit {q['unit']}")
        verbatim(q["text"], w)
        ev(q, w, inside=q["text"])

    for k in ("agreements", "commitments", "statements"):
        texts = [(f.get("speaker") or f.get("actor") or "", norm(f["text"])) for f in g[k]]
        if len(texts) != len(set(texts)):
            errs.append(f"duplicate {k}")
    qs = [(q["unit"], q["value"]) for q in g["quantities"]]
    if len(qs) != len(set(qs)):
        errs.append("duplicate quantities")

    counts = {k: len(g[k]) for k in KEYS[3:]}
    return n, counts, errs


def main():
    files = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.json")))
    txts = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.txt")))
    bad = 0
    if [f[:-5] for f in files] != [t[:-4] for t in txts]:
        print("   ERR .txt and .json files do not pair up")
        bad += 1
    for f in files:
        n, counts, errs = check(f)
        print(os.path.basename(f), n, " / ".join(str(v) for v in counts.values()))
        for e in errs:
            print("   ERR", e)
        bad += len(errs)
    print("errors:", bad)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
