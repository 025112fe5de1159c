"""Full-text search over documents and facts that works for Japanese.

SQLite's FTS5 cuts text at spaces and punctuation, and Japanese puts neither between words, so the index
(the store's ``search_text`` table) is fed SudachiPy tokens joined by spaces: each line is tokenized in
split mode A (short units: 防衛 / 費) and in mode C (long units: 防衛費), and both are indexed (one
Sudachi pass: the mode C morphemes, each split into its mode A parts). A query is
tokenized the same way, and each of its words must match as a phrase of its A tokens or of its C tokens,
so 防衛費, 防衛 and 会談 all find text written without spaces. Lines of plain ASCII skip Sudachi: FTS5's
own tokenizer splits them, and its porter stemmer folds "commitments" into "commitment".

Queries are built from quoted phrases only, so nothing a user types is read as FTS5 syntax. What a user
may write: words (every one must match), "a phrase" in quotes (also 「…」 and “…”: its words in this
order), and OR (or |) between two terms that may stand for each other.

Sudachi is used directly here (the NLP layer's tokenizer is mode C only); no morpheme leaves this module,
only strings.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from kaidan.records import FACT_TYPES

from .base import metadata

MAX_CHUNK = 4000          # characters per Sudachi call (its input limit is 49,149 bytes)
SNIPPET = 80              # characters of context on each side of a hit in a document snippet
FACT_FIELDS = ("title", "evidence", "speaker", "actor", "place")
_lock = threading.Lock()  # a Sudachi tokenizer is not safe to share between threads


@lru_cache(maxsize=1)
def _sudachi():
    from sudachipy import dictionary, tokenizer

    modes = tokenizer.Tokenizer.SplitMode
    return dictionary.Dictionary().create(), modes.A, modes.C


def _keep(surfaces) -> list[str]:
    return [t for t in surfaces if any(ch.isalnum() for ch in t)]


def _tokens_ac(text: str) -> tuple[list[str], list[str]]:
    """The text's mode A and mode C tokens from one Sudachi pass: mode C, each morpheme then split into its
    mode A parts (what a mode A call gives, since Sudachi splits the same best path into either mode)."""
    tok, mode_a, mode_c = _sudachi()
    a, c = [], []
    with _lock:
        for base in range(0, len(text), MAX_CHUNK):
            for m in tok.tokenize(text[base:base + MAX_CHUNK], mode_c):
                surface = m.surface()
                c.append(surface)
                parts = m.split(mode_a)
                if len(parts) > 1:
                    a.extend(p.surface() for p in parts)
                else:
                    a.append(surface)
    return _keep(a), _keep(c)


def variants(word: str) -> list[list[str]]:
    """The token sequences a word is indexed as: itself when ASCII, else its mode A and mode C tokens."""
    if word.isascii():
        return [[word]] if any(ch.isalnum() for ch in word) else []
    a, c = _tokens_ac(word)
    return [v for v in ([a, c] if c != a else [a]) if v]


@lru_cache(maxsize=4096)  # boilerplate lines repeat across documents of one source
def _line_terms(line: str) -> str:
    return "\n".join(" ".join(v) for v in variants(line))


def terms(text: str) -> str:
    """What the index stores for a text: per line, its mode A tokens and (when different) its mode C tokens."""
    return "\n".join(t for t in (_line_terms(line) for line in text.splitlines() if line.strip()) if t)


def entries(title: str | None, text: str, record: dict | None) -> list[tuple[str, int | None, str]]:
    """The search entries of a document: (kind, ref, terms) for its text and for each of its facts."""
    out = [("document", None, terms(f"{title or ''}\n{text}"))]
    for kind in FACT_TYPES:
        for i, fact in enumerate((record or {}).get(kind) or []):
            parts = [str(fact[k]) for k in FACT_FIELDS if fact.get(k)]
            if fact.get("text") and fact["text"] not in (fact.get("evidence") or ""):
                parts.append(str(fact["text"]))
            parts += [str(p) for p in fact.get("participants") or []]
            out.append((kind, i, terms("\n".join(parts))))
    return out


def index_document(store, doc_id: str) -> None:
    """(Re)index one stored document and its current facts."""
    doc = store.get_document(doc_id)
    if doc is not None:
        store.index_search(doc_id, entries(doc.title, doc.text, store.get_facts(doc_id)))


def index_missing(store, stop: threading.Event | None = None) -> int:
    """Index the documents stored before the search index existed; how many were indexed."""
    n = 0
    while not (stop and stop.is_set()):
        batch = store.docs_without_search(100)
        if not batch:
            break
        for doc_id in batch:
            if stop and stop.is_set():
                break
            index_document(store, doc_id)
            n += 1
    return n


_QUERY_TERM = re.compile(r'"([^"]*)"?|「([^」]*)」?|“([^”]*)”?|(\S+)')
OR_WORDS = ("OR", "|", "｜")


def query_terms(q: str) -> list[list[str]]:
    """What a user typed as groups of alternatives: every group must match, one term of a group enough.

    >>> query_terms('防衛費 "critical minerals" Japan OR 日本')
    [['防衛費'], ['critical minerals'], ['Japan', '日本']]
    """
    groups: list[list[str]] = []
    join_next = False
    for m in _QUERY_TERM.finditer(q):
        bare = m.group(4)
        if bare is not None and bare in OR_WORDS:
            join_next = bool(groups)
            continue
        term = " ".join((bare if bare is not None else next(g for g in m.groups()[:3] if g is not None)).split())
        if not any(ch.isalnum() for ch in term):
            continue
        if join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return groups


def query_words(q: str) -> list[str]:
    return [term for group in query_terms(q) for term in group]


def _phrases(term: str) -> list[str]:
    """The FTS5 phrases a term is matched as: each word's variants, a quoted phrase's words in sequence."""
    if " " not in term:
        return ['"' + " ".join(v).replace('"', '""') + '"' for v in variants(term)]
    parts = [variants(w) for w in term.split()]
    if not all(parts):
        parts = [p for p in parts if p]
    # the phrase in mode A tokens and in mode C tokens (ASCII words are their own single variant)
    out = []
    for pick in (0, -1):
        out.append('"' + " ".join(" ".join(p[pick] if len(p) > 1 else p[0]) for p in parts).replace('"', '""') + '"')
    return list(dict.fromkeys(out))


def match_query(q: str, scope: str | None = None) -> str | None:
    """The FTS5 query for what a user typed (every group must match), or None when it has no word."""
    groups = []
    for group in query_terms(q):
        phrases = [p for term in group for p in _phrases(term)]
        if phrases:
            groups.append("(" + " OR ".join(dict.fromkeys(phrases)) + ")")
    if not groups:
        return None
    expr = f"terms : ({' AND '.join(groups)})"
    return f"{expr} AND scope : {scope}" if scope in ("doc", "fact") else expr


def find_hit(text: str, q: str) -> tuple[int, int] | None:
    """Where the query first occurs in a text (a whole word, else its first token), for highlighting."""
    candidates = []
    for word in query_words(q):
        candidates.append(word)
        for v in variants(word):
            candidates.extend(sorted(v, key=len, reverse=True))
    for cand in candidates:
        m = re.search(re.escape(cand), text, re.IGNORECASE)
        if m:
            return m.start(), m.end()
    return None


def search(store, q: str, *, scope: str | None = None, limit: int = 20, offset: int = 0,
           within=None, by_date: bool = False) -> list[dict]:
    """Documents and facts matching a query, best first (or the latest event first), each with what is needed
    to show and cite it; ``within`` (a :class:`kaidan.store.sqlite.EventFilter`) keeps documents reporting
    one of its events."""
    return search_page(store, q, scope=scope, limit=limit, offset=offset, within=within, by_date=by_date)[0]


def search_page(store, q: str, *, scope: str | None = None, limit: int = 20, offset: int = 0,
                within=None, by_date: bool = False) -> tuple[list[dict], dict[str, dict]]:
    """:func:`search`'s results, and the documents' metadata (:meth:`document_metadata`'s form, by id) read with
    them: the hits in one query, then their documents, events and records in one more."""
    match = match_query(q, scope)
    if match is None:
        return [], {}
    hits = store.search(match, limit=limit, offset=offset, within=within, by_date=by_date)
    page = store.search_page((h[0] for h in hits), (h[0] for h in hits if h[1] != "document"))
    results = []
    for doc_id, kind, ref, rank in hits:
        if doc_id not in page:
            continue
        doc, events, record = page[doc_id]
        item = {"kind": kind, "doc_id": doc_id, "title": doc.title, "source": doc.source, "lang": doc.lang,
                "events": list(events), "rank": rank}
        if kind == "document":
            hit = find_hit(doc.text, q)
            s, e = hit or (0, 0)
            lo, hi = max(0, s - SNIPPET), min(len(doc.text), e + SNIPPET)
            item["snippet"] = {"before": ("…" if lo else "") + doc.text[lo:s], "match": doc.text[s:e],
                               "after": doc.text[e:hi] + ("…" if hi < len(doc.text) else "")}
            item["offsets"] = [s, e] if hit else None
        else:
            facts = (record or {}).get(kind) or []
            if ref is None or not 0 <= ref < len(facts):
                continue
            fact = facts[ref]
            item.update(text=fact.get("text") or fact.get("title") or fact.get("evidence"),
                        evidence=fact.get("evidence"), offsets=fact.get("offsets"),
                        speaker=fact.get("speaker"), actor=fact.get("actor"))
        results.append(item)
    meta = {doc_id: metadata(doc) for doc_id, (doc, _, _) in page.items()}
    return results, meta
