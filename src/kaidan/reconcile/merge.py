"""One record per event: the facts its sources share, merged, each with every citation; and the conflicts.

Facts are clustered per type in document order (the documents whose main event this is first): a
fact joins the cluster holding a fact it matches (:func:`match.same_fact`), else starts one. A merged
fact keeps the fullest wording, the wording in each language, and the citations of every source;
``support`` is the number of distinct documents behind it.

Conflicts are listed, never resolved silently: a meeting's start, duration or place given differently,
the event's date, the same commitment with different amounts, a person's name written differently
(ロナルド・トランプ against ドナルド・J・トランプ), and a source saying no document was signed where
others list signed documents.
"""
from __future__ import annotations

from collections import defaultdict

from ..evaluate.scorer import norm
from ..people import gazetteer
from .match import lang_of, same_concepts, same_fact

CLAUSE_TYPES = ("agreements", "commitments", "statements")


def _cite(doc_id: str, record: dict, fact: dict) -> dict:
    return {"doc_id": doc_id, "doc": record.get("doc"), "evidence": fact.get("evidence"),
            "offsets": fact.get("offsets"), "rule": fact.get("rule")}


def _cluster(items: list[tuple[str, dict, dict]], kind: str) -> list[dict]:
    clusters: list[dict] = []
    for doc_id, record, fact in items:
        best, best_score = None, 0.0
        for c in clusters:
            # compare with the members in the fact's own language, or with the first member across
            # languages: comparing with every member would let a cluster drift by chaining
            lang = lang_of(fact.get("text", ""))
            peers = [m for m in c["_members"] if lang_of(m.get("text", "")) == lang] or c["_members"][:1]
            score = max(same_fact(kind, m, fact) for m in peers)
            if score > best_score:
                best, best_score = c, score
        if best is None:
            best = {"_members": [], "citations": [], "texts": {}}
            clusters.append(best)
        best["_members"].append(fact)
        best["citations"].append(_cite(doc_id, record, fact))
        lang = lang_of(fact.get("text", ""))
        if len(fact.get("text", "")) > len(best["texts"].get(lang, "")):
            best["texts"][lang] = fact["text"]
    out = []
    for c in clusters:
        members = c.pop("_members")
        first = max(members, key=lambda f: len(f.get("text", "")) if lang_of(f.get("text", "")) == lang_of(
            members[0].get("text", "")) else -1)
        merged = {k: v for k, v in first.items() if k not in ("evidence", "offsets", "rule")}
        seen_topics = list(dict.fromkeys(t for m in members for t in m.get("topics") or [] if t != "other"))
        merged["topics"] = seen_topics or ["other"]
        merged["support"] = len({ci["doc_id"] for ci in c["citations"]})
        merged["citations"] = c["citations"]
        merged["texts"] = c["texts"]
        if kind == "commitments":
            amounts = {(m["amount"]["unit"], m["amount"]["value"]) for m in members if m.get("amount")}
            merged["_amounts"] = [(m.get("amount"), ci) for m, ci in zip(members, c["citations"]) if m.get("amount")]
            if not merged.get("amount") and amounts:
                merged["amount"] = next(m["amount"] for m in members if m.get("amount"))
            merged["deadline"] = merged.get("deadline") or next((m["deadline"] for m in members if m.get("deadline")),
                                                                None)
        out.append(merged)
    out.sort(key=lambda f: -f["support"])
    return out


def _values(members: list[tuple[dict, dict]], field: str, same=lambda a, b: a == b) -> list[dict]:
    """Distinct non-null values of a field with the citations behind each."""
    groups: list[dict] = []
    for fact, cite in members:
        v = fact.get(field)
        if v in (None, "", []):
            continue
        for g in groups:
            if same(g["value"], v):
                g["citations"].append(cite)
                break
        else:
            groups.append({"value": v, "citations": [cite]})
    return groups


def _place_same(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    return na in nb or nb in na


def _programme(items: list[tuple[str, dict, dict]], conflicts: list[dict]) -> list[dict]:
    by_key: dict[tuple, list] = defaultdict(list)
    for doc_id, record, m in items:
        by_key[(m["kind"], m.get("date"))].append((m, _cite(doc_id, record, m)))
    out = []
    for (kind, date), members in sorted(by_key.items(), key=lambda kv: (kv[0][1] or "", _start_of(kv[1]))):
        merged = {"kind": kind, "date": date}
        for field, same in (("start", lambda a, b: a == b), ("duration_minutes", lambda a, b: a == b),
                            ("place", _place_same)):
            groups = _values(members, field, same)
            groups.sort(key=lambda g: -len(g["citations"]))
            merged[field] = groups[0]["value"] if groups else None
            if len(groups) > 1:
                conflicts.append({"field": f"meetings.{field}", "about": f"{kind} {date}", "values": groups})
        parts = []
        for m, _ in members:
            for p in m.get("participants") or []:
                pid = gazetteer().lookup(p) or p
                if pid not in [gazetteer().lookup(x) or x for x in parts]:
                    parts.append(p)
        merged["participants"] = parts
        merged["support"] = len({c["doc_id"] for _, c in members})
        merged["citations"] = [c for _, c in members]
        out.append(merged)
    return out


def _start_of(members) -> str:
    return next((m.get("start") for m, _ in members if m.get("start")), "99:99")


def _name_conflicts(docs, conflicts: list[dict]) -> None:
    written: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    for doc_id, record, _ in docs:
        for n in record.get("names") or []:
            written[n["person"]].append((n, _cite(doc_id, record, n)))
    for person, members in written.items():
        groups = _values(members, "written", lambda a, b: norm(a) == norm(b))
        if len(groups) > 1 and any(not m["known"] for m, _ in members):
            conflicts.append({"field": "person.name", "about": gazetteer().name(person, "en")
                              if person in gazetteer().entities else person, "values": groups})


def _signed_conflicts(docs, signed: list[dict], conflicts: list[dict]) -> None:
    denials = [(c, _cite(doc_id, record, c)) for doc_id, record, _ in docs
               for c in (record.get("claims") or []) if c.get("type") == "no_document"]
    if denials and signed:
        conflicts.append({"field": "signed_documents", "about": "whether documents were signed", "values": [
            {"value": f"{len(signed)} signed: " + "; ".join(s["title"] for s in signed),
             "citations": [ci for s in signed for ci in s["citations"]]},
            {"value": "no document", "citations": [c for _, c in denials]}]})


def merge_event(event: dict, docs: list[tuple[str, dict, bool]]) -> dict:
    """The event record from the fact records of its documents ((doc id, record, is main event))."""
    docs = sorted(docs, key=lambda d: not d[2])
    conflicts: list[dict] = []
    rec = {k: event.get(k) for k in ("id", "countries", "date_start", "date_end", "kind")}
    rec["sources"] = [{"doc_id": d, "doc": r.get("doc"), "lang": r.get("lang"), "main": main,
                       "event_date": (r.get("event") or {}).get("date"),
                       "placed_by": "date" if (r.get("event") or {}).get("date") else "content"}
                      for d, r, main in docs]
    dates = _values([(r.get("event") or {}, {"doc_id": d, "doc": r.get("doc")}) for d, r, main in docs if main],
                    "date")
    if len(dates) > 1:
        conflicts.append({"field": "event.date", "about": rec["id"], "values": dates})
    in_range = lambda f: not f.get("date") or event["date_start"] <= f["date"] <= event["date_end"]  # noqa: E731
    rec["programme"] = _programme([(d, r, m) for d, r, _ in docs for m in r.get("meetings") or [] if in_range(m)],
                                  conflicts)
    signed = []
    for d, r, _ in docs:
        for s in r.get("signed_documents") or []:
            for g in signed:
                if _place_same(g["title"], s["title"]) or same_fact("agreements", {"text": g["title"]},
                                                                     {"text": s["title"]}) or same_concepts(
                        g["title"], s["title"]):
                    g["citations"].append(_cite(d, r, s))
                    if len(s["title"]) > len(g["title"]):
                        g["title"] = s["title"]
                    break
            else:
                signed.append({"title": s["title"], "date": s.get("date"), "citations": [_cite(d, r, s)]})
    for g in signed:
        g["support"] = len({c["doc_id"] for c in g["citations"]})
    rec["signed_documents"] = signed
    main_docs = [(d, r) for d, r, main in docs if main]
    for kind in CLAUSE_TYPES:
        rec[kind] = _cluster([(d, r, f) for d, r in main_docs for f in r.get(kind) or []], kind)
    for c in rec["commitments"]:
        amounts = _values([(a, ci) for a, ci in c.pop("_amounts")], "value")
        if len({(a["value"]) for a in amounts}) > 1:
            conflicts.append({"field": "commitments.amount", "about": c["text"], "values": amounts})
    qs: list[dict] = []
    for d, r in main_docs:
        for q in r.get("quantities") or []:
            for g in qs:
                if g["unit"] == q["unit"] and abs(g["value"] - q["value"]) <= 0.005 * max(abs(g["value"]), 1e-9):
                    g["citations"].append(_cite(d, r, q))
                    break
            else:
                qs.append({"text": q["text"], "value": q["value"], "unit": q["unit"], "citations": [_cite(d, r, q)]})
    for g in qs:
        g["support"] = len({c["doc_id"] for c in g["citations"]})
    rec["quantities"] = qs
    _name_conflicts(docs, conflicts)
    _signed_conflicts(docs, signed, conflicts)
    rec["conflicts"] = conflicts
    return rec
