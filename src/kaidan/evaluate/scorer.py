"""Score fact records against gold records, following FACTS.md to the letter.

Matching is greedy, best match first, one-to-one per fact type:

* meetings: same kind and same date; start, duration and participants are
  then scored as attribute accuracies of the matched pairs;
* signed_documents: normalised titles contain one another, or their
  character-bigram Dice similarity is at least 0.8;
* agreements, commitments, statements: Dice of at least 0.5 on the
  normalised text; commitments also need the actor, statements the speaker;
* quantities: same unit and value within 0.5 %;
* event: date and country set both right;
* citations: the share of output facts whose evidence occurs in the
  document (NFKC on both sides, white space collapsed).
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalError
from ..text import bigrams, dice, norm  # noqa: F401  (extraction imports them from here)

TEXT_DICE = 0.5      # FACTS.md: agreements, commitments, statements
TITLE_DICE = 0.8     # FACTS.md: signed documents
VALUE_TOLERANCE = 0.005
TYPES = ("meetings", "signed_documents", "agreements", "commitments", "statements", "quantities")





def evidence_ok(evidence: str | None, doc_text: str) -> bool:
    if not evidence:
        return False
    flat = lambda s: " ".join(unicodedata.normalize("NFKC", s).split())  # noqa: E731
    return flat(evidence) in flat(doc_text)


@dataclass
class Names:
    """Aliases of people, organisations and countries (people.json of the gold)."""

    aliases: list[tuple[str, str]] = field(default_factory=list)  # (normalised alias, entity id)
    country_of: dict[str, str] = field(default_factory=dict)      # person id -> country code

    def resolve(self, name: str | None) -> str | None:
        """The entity whose longest alias the name contains (case-insensitive, NFKC)."""
        n = unicodedata.normalize("NFKC", name or "").lower()
        best: tuple[int, str] | None = None
        for alias, ent in self.aliases:
            if alias and alias in n and (best is None or len(alias) > best[0]):
                best = (len(alias), ent)
        return best[1] if best else None

    def same(self, a: str | None, b: str | None, *, leader_is_country: bool = False) -> bool:
        ea, eb = self.resolve(a), self.resolve(b)
        if ea is None or eb is None:
            return ea is None and eb is None and bool(norm(a)) and (norm(a) in norm(b) or norm(b) in norm(a))
        if ea == eb:
            return True
        if leader_is_country:
            ca = ea[len("country:"):] if ea.startswith("country:") else self.country_of.get(ea)
            cb = eb[len("country:"):] if eb.startswith("country:") else self.country_of.get(eb)
            return ca is not None and ca == cb and (ea.startswith("country:") or eb.startswith("country:"))
        return False


def load_names(*paths: Path) -> Names:
    """Merge people.json files, later ones over earlier ones."""
    files = []
    for path in paths:
        if not path or not path.is_file():
            continue
        try:
            files.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as e:
            raise EvalError(f"{path}: not a readable people.json ({e}); fix or remove it") from e
    return names_of(files)


def names_of(people_files: list[dict]) -> Names:
    """The aliases and countries of people.json contents, later files over earlier ones."""
    names = Names()
    for data in people_files:
        for pid, person in (data.get("people") or {}).items():
            for alias in person.get("aliases", []):
                names.aliases.append((unicodedata.normalize("NFKC", alias).lower(), pid))
            if person.get("country"):
                names.country_of[pid] = person["country"]
        for code, aliases in (data.get("countries") or {}).items():
            for alias in aliases:
                names.aliases.append((unicodedata.normalize("NFKC", alias).lower(), f"country:{code}"))
    return names


def load_gold(gold_dir: Path) -> dict[str, dict]:
    if not gold_dir.is_dir():
        raise EvalError(f"{gold_dir}: gold folder not found; give the folder holding the gold .json records")
    gold = {}
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == "people.json":
            continue
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as e:
            raise EvalError(f"{path}: invalid JSON ({e})") from e
        if "doc" not in rec:
            raise EvalError(f"{path}: gold record has no 'doc' field naming its document")
        gold[rec["doc"]] = rec
    if not gold:
        raise EvalError(f"{gold_dir}: no gold .json records found")
    return gold


def _greedy(golds: list, outs: list, score) -> list[tuple[int, int]]:
    """One-to-one matching, best pairs first; score returns None for no match."""
    pairs = []
    for gi, g in enumerate(golds):
        for oi, o in enumerate(outs):
            s = score(g, o)
            if s is not None:
                pairs.append((s, gi, oi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g, used_o, matched = set(), set(), []
    for _, gi, oi in pairs:
        if gi not in used_g and oi not in used_o:
            used_g.add(gi)
            used_o.add(oi)
            matched.append((gi, oi))
    return matched


def _value_ok(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b)) if (a or b) else True


def _amount_ok(g, o) -> bool:
    if not g or not o:
        return not g and not o
    return g.get("unit") == o.get("unit") and _value_ok(g.get("value"), o.get("value"))


def _participants_ok(names: Names, gold: list, out: list) -> bool:
    """Every gold participant who is a known person is among the output's."""
    out_ids = {names.resolve(p) for p in out or []}
    for p in gold or []:
        ent = names.resolve(p)
        if ent and not ent.startswith("country:") and ent not in out_ids:
            return False
    return True


def score_type(kind: str, golds: list, outs: list, names: Names, *,
               date_stated: bool = True) -> tuple[list[tuple[int, int]], dict]:
    """Matched (gold, output) index pairs and the attribute tallies of one type.

    In a document whose text does not fix the date (``date_stated`` false), meetings match on kind alone."""
    if kind == "meetings":
        def sc(g, o):
            if g.get("kind") != o.get("kind") or (date_stated and g.get("date") != o.get("date")):
                return None
            return (g.get("start") == o.get("start")) + (g.get("duration_minutes") == o.get("duration_minutes"))
    elif kind == "signed_documents":
        def sc(g, o):
            a, b = norm(g.get("title")), norm(o.get("title"))
            if a and b and (a in b or b in a):
                return 1.0 + min(len(a), len(b)) / max(len(a), len(b))
            d = dice(a, b)
            return d if d >= TITLE_DICE else None
    elif kind == "quantities":
        def sc(g, o):
            if g.get("unit") != o.get("unit") or not _value_ok(g.get("value"), o.get("value")):
                return None
            return dice(g.get("text", ""), o.get("text", ""))
    else:
        def sc(g, o):
            d = dice(g.get("text", ""), o.get("text", ""))
            if d < TEXT_DICE:
                return None
            if kind == "commitments" and not names.same(g.get("actor"), o.get("actor"), leader_is_country=True):
                return None
            if kind == "statements" and not names.same(g.get("speaker"), o.get("speaker")):
                return None
            return d
    matched = _greedy(golds, outs, sc)
    attrs: dict[str, list[int]] = {}

    def tally(name, ok):
        attrs.setdefault(name, [0, 0])
        attrs[name][0] += bool(ok)
        attrs[name][1] += 1

    for gi, oi in matched:
        g, o = golds[gi], outs[oi]
        if kind == "meetings":
            tally("start", g.get("start") == o.get("start"))
            tally("duration_minutes", g.get("duration_minutes") == o.get("duration_minutes"))
            tally("participants", _participants_ok(names, g.get("participants"), o.get("participants")))
        elif kind == "commitments":
            tally("amount", _amount_ok(g.get("amount"), o.get("amount")))
            tally("deadline", g.get("deadline") == o.get("deadline"))
        elif kind == "statements":
            tally("mode", g.get("mode") == o.get("mode"))
        elif kind == "agreements":
            tally("verb", g.get("verb") == o.get("verb"))
    return matched, attrs


def _prf(m: int, n_out: int, n_gold: int) -> dict:
    p = m / n_out if n_out else (1.0 if not n_gold else 0.0)
    r = m / n_gold if n_gold else (1.0 if not n_out else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "matched": m, "output": n_out, "gold": n_gold}


def score_documents(gold: dict[str, dict], output: dict[str, dict], texts: dict[str, str],
                    names: Names) -> dict:
    """Scores of output records against gold records (both keyed by document name)."""
    totals = {t: [0, 0, 0] for t in TYPES}
    attrs: dict[str, list[int]] = {}
    per_doc = {}
    events_ok = events_scored = 0
    cites = [0, 0]
    for doc, g in sorted(gold.items()):
        o = output.get(doc) or {}
        ge, oe = g.get("event") or {}, o.get("event") or {}
        date_stated = ge.get("date_stated", True) is not False
        doc_scores = {}
        for t in TYPES:
            gs, os_ = g.get(t) or [], o.get(t) or []
            matched, a = score_type(t, gs, os_, names, date_stated=date_stated)
            totals[t][0] += len(matched)
            totals[t][1] += len(os_)
            totals[t][2] += len(gs)
            doc_scores[t] = _prf(len(matched), len(os_), len(gs))
            for k, (ok, n) in a.items():
                key = f"{t}.{k}"
                attrs.setdefault(key, [0, 0])
                attrs[key][0] += ok
                attrs[key][1] += n
            for fact in os_:
                cites[1] += 1
                cites[0] += evidence_ok(fact.get("evidence"), texts.get(doc, ""))
        ev_ok = bool(oe) and ge.get("date") == oe.get("date") and sorted(ge.get("countries") or []) == sorted(
            oe.get("countries") or [])
        if ge.get("date") and date_stated:     # a date the text does not fix is not scored
            events_scored += 1
            events_ok += ev_ok
            doc_scores["event"] = ev_ok
        else:
            doc_scores["event"] = None
        per_doc[doc] = doc_scores
    every = [sum(totals[t][i] for t in TYPES) for i in range(3)]
    return {
        "documents": len(gold),
        "types": {t: _prf(*totals[t]) for t in TYPES},
        "all": _prf(*every),
        "attributes": {k: round(ok / n, 4) if n else None for k, (ok, n) in sorted(attrs.items())},
        "attribute_counts": {k: [ok, n] for k, (ok, n) in sorted(attrs.items())},
        "event_accuracy": round(events_ok / events_scored, 4) if events_scored else None,
        "events_scored": events_scored,
        "citation_validity": round(cites[0] / cites[1], 4) if cites[1] else 1.0,
        "per_document": per_doc,
    }
