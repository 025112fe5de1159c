"""Sanity check of the gold files in this folder (not a pytest module).

    python tests/corpus/check_gold.py

Checks that every NN_slug.json has exactly the FACTS.md fields and enums, that
each evidence string and each agreement / commitment / statement text occurs
verbatim in its .txt (after NFKC and white-space collapsing), that documents
are 200-1,500 characters, and that every participant, speaker and actor
contains an alias from src/kaidan/data/people.json.
"""
import glob
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEOPLE = json.load(open(f"{ROOT}/src/kaidan/data/people.json", encoding="utf-8"))

KINDS = {"summit", "small_group", "working_lunch", "dinner", "signing_ceremony", "press_conference",
         "telephone", "video", "courtesy_call", "visit", "other"}
VERBS = {"agreed", "confirmed", "shared_view", "opposed", "welcomed", "signed", "other"}
TOPICS = {"security", "defense_spending", "nuclear_deterrence", "bases_okinawa", "economy", "trade_tariffs",
          "investment", "energy", "critical_minerals", "technology", "shipbuilding", "space", "cyber",
          "regional_partners", "china", "taiwan", "north_korea", "abductions", "russia_ukraine", "middle_east",
          "exchange", "other"}
KEYS = ["doc", "lang", "event", "meetings", "signed_documents", "agreements", "commitments", "statements",
        "quantities"]
ANON = {"政府高官", "日本政府高官", "米政府高官", "官邸幹部", "外務省幹部", "a senior administration official",
        "officials", "a Canadian official"}


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", s).split())


def aliases():
    out = []
    for p in PEOPLE["people"] + PEOPLE["orgs"]:
        for lang in ("ja", "en"):
            out += [(a, p["id"]) for a in p["names"][lang]]
    for code, c in PEOPLE["countries"].items():
        for lang in ("ja", "en"):
            out += [(a, code) for a in c[lang]]
    return out


ALIASES = aliases()


def resolves(name):
    n = norm(name).lower()
    return [i for a, i in ALIASES if norm(a).lower() in n]


def check(jpath):
    errs = []
    g = json.load(open(jpath, encoding="utf-8"))
    tpath = os.path.join(os.path.dirname(jpath), g["doc"])
    if list(g.keys()) != KEYS:
        errs.append(f"keys {list(g.keys())}")
    if os.path.basename(jpath)[:-5] + ".txt" != g["doc"]:
        errs.append("doc name mismatch")
    text = open(tpath, encoding="utf-8").read()
    nt = norm(text)
    n = len(text)
    if "corpus" in jpath and not 200 <= n <= 1500:
        errs.append(f"length {n}")

    def ev(f, where):
        e = f.get("evidence")
        if e is None:
            errs.append(f"{where}: no evidence")
        elif norm(e) not in nt:
            errs.append(f"{where}: evidence not in text: {e}")

    date = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    if not date.match(g["event"]["date"]):
        errs.append("event date")
    cs = g["event"]["countries"]
    if cs != sorted(cs) or any(c not in PEOPLE["countries"] for c in cs):
        errs.append(f"event countries {cs}")
    for i, m in enumerate(g["meetings"]):
        w = f"meeting{i}"
        if set(m) - {"kind", "participants", "date", "start", "duration_minutes", "place", "evidence"}:
            errs.append(f"{w} keys")
        if m["kind"] not in KINDS:
            errs.append(f"{w} kind")
        if not date.match(m["date"] or ""):
            errs.append(f"{w} date")
        if m["start"] is not None and not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", m["start"]):
            errs.append(f"{w} start")
        if m["duration_minutes"] is not None and not isinstance(m["duration_minutes"], int):
            errs.append(f"{w} duration")
        for p in m["participants"]:
            if not resolves(p):
                errs.append(f"{w} participant unresolved: {p}")
        ev(m, w)
    for i, s in enumerate(g["signed_documents"]):
        if s["date"] is not None and not date.match(s["date"]):
            errs.append(f"sd{i} date")
        if norm(s["title"]) not in nt:
            errs.append(f"sd{i} title not verbatim: {s['title']}")
    for i, a in enumerate(g["agreements"]):
        w = f"agr{i}"
        if a["verb"] not in VERBS:
            errs.append(f"{w} verb")
        if any(t not in TOPICS for t in a.get("topics", [])):
            errs.append(f"{w} topics")
        if norm(a["text"]) not in nt:
            errs.append(f"{w} text not verbatim: {a['text']}")
        ev(a, w)
    for i, c in enumerate(g["commitments"]):
        w = f"com{i}"
        if not resolves(c["actor"]):
            errs.append(f"{w} actor unresolved {c['actor']}")
        if c["amount"] is not None and (set(c["amount"]) != {"value", "unit"}):
            errs.append(f"{w} amount")
        d = c["deadline"]
        if d is not None and not (date.match(d) or re.match(r"^FY\d{4}$", d) or re.match(r"^within_days:\d+$", d)):
            errs.append(f"{w} deadline {d}")
        if norm(c["text"]) not in nt:
            errs.append(f"{w} text not verbatim: {c['text']}")
        ev(c, w)
    for i, s in enumerate(g["statements"]):
        w = f"st{i}"
        if s["mode"] not in ("direct", "reported"):
            errs.append(f"{w} mode")
        if not resolves(s["speaker"]) and s["speaker"] not in ANON:
            errs.append(f"{w} speaker unresolved {s['speaker']}")
        if norm(s["text"]) not in nt:
            errs.append(f"{w} text not verbatim: {s['text']}")
        ev(s, w)
    for i, q in enumerate(g["quantities"]):
        w = f"q{i}"
        if not isinstance(q["value"], (int, float)):
            errs.append(f"{w} value")
        if norm(q["text"]) not in nt:
            errs.append(f"{w} text not verbatim {q['text']}")
        ev(q, w)
    counts = {k: len(g[k]) for k in KEYS[3:]}
    return n, counts, errs


def main():
    files = sorted(glob.glob(f"{ROOT}/tests/corpus/*.json"))
    bad = 0
    for f in files:
        n, counts, errs = check(f)
        print(os.path.basename(f), n, counts)
        for e in errs:
            print("   ERR", e)
        bad += len(errs)
    print("errors:", bad)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
