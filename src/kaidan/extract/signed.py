"""Signed documents: the titles of what the leaders signed.

A title is taken from a sentence whose predicate is signing (署名, 調印,
締結, "signed"): a bracketed title (「…」, "…") before the predicate, else
the noun phrase that ends in a document word right before に署名 (…に関する
文書, …覚書, …協定); coordinated phrases (A や B に関する文書) give one title each.
A signing sentence without a title takes the bracketed titles of the list
items that follow it. Near-identical titles are merged, keeping the longer.
"""
from __future__ import annotations

import re

from ..evaluate.scorer import dice, norm
from ..normalize import find_dates
from ..records import SignedDocument
from .context import DocContext

RULE = "kaidan.signed.v1"
JA_SIGN = re.compile(r"(?:に|を)?(?:署名|調印|締結|署名式で署名)(?:し|した|しました|され|する|を行|。|$)")
EN_SIGN = re.compile(r"\b(?:signed|signing of|concluded)\b", re.I)
DOC_WORD = r"(?:文書|覚書|協定|協力覚書|枠組み|フレームワーク|声明|宣言|ファクトシート|合意文書|議定書|条約|取決め|取り決め|協力文書)"
JA_NP = re.compile(r"([^、。は「」]*?" + DOC_WORD + r")(?:\s*[(（][^)）]*[)）])?\s*に(?:署名|調印)")
QUOTED = re.compile(r"「([^「」]{4,120})」|『([^『』]{4,120})』|“([^“”]{4,120})”|\"([^\"]{4,120})\"")
_EN_NAME = r"[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|on|the|and|for|in|to|between|concerning|regarding))*\s+[A-Z][\w’']*"
EN_TITLE = re.compile(rf"\b(?:signed|signing of) (?:the |a |an )?({_EN_NAME})")
EN_PASSIVE = re.compile(rf"\b(?:the\s+)?({_EN_NAME})\s+(?:was|were)\s+signed\b")
TITLE_MERGE = 0.5  # titles this similar are one document told twice (measured on the seeds: distinct ones < 0.3)


def _ja_titles(sentence: str) -> list[tuple[str, int]]:
    m = JA_SIGN.search(sentence)
    if not m:
        return []
    head = sentence[:m.start() + 1]
    out = []
    for q in QUOTED.finditer(head):
        t = next(g for g in q.groups() if g)
        out.append((t, q.start()))
    if out:
        return out
    np = JA_NP.search(sentence)
    if np:
        phrase = np.group(1).strip()
        phrase = re.sub(r"^(?:会談後|その後|また|さらに|併せて)、?", "", phrase)
        tail = re.search(r"(に関する|に向けた|のための|についての)" + DOC_WORD + "$", phrase)
        if tail and "や" in phrase[:tail.start()]:
            parts = phrase[:tail.start()].split("や")
            return [(p.strip() + tail.group(0), np.start()) for p in parts if p.strip()]
        return [(phrase, np.start(1))]
    return []


def extract(ctx: DocContext) -> list[SignedDocument]:
    found: list[SignedDocument] = []
    lines = ctx.text.split("\n")
    for s in ctx.sentences:
        titles: list[tuple[str, int]] = []
        if s.lang == "ja":
            titles = _ja_titles(s.text)
            if not titles and JA_SIGN.search(s.text) and re.search(r"文書|署名され", s.text):
                titles = _list_titles(lines, s.line, ctx, s)
        elif EN_SIGN.search(s.text):
            for q in QUOTED.finditer(s.text):
                titles.append((next(g for g in q.groups() if g), q.start()))
            if not titles:
                titles = [(m.group(1).strip(), m.start(1)) for m in EN_TITLE.finditer(s.text)]
                titles += [(m.group(1).strip(), m.start(1)) for m in EN_PASSIVE.finditer(s.text)]
            # a document signed on another day (…Agreement, signed in Manila on 8 July 2024) is background
            other_day = [d.value for d in find_dates(s.text, ctx.ref_date) if d.kind == "date" and d.value != ctx.event_date]
            if other_day and re.search(r"signed\s+(?:in\s+[A-Z]\w+\s+)?on\b", s.text):
                titles = []
        for title, pos in titles:
            title = title.strip(" 、,")
            if len(norm(title)) < 4:
                continue
            span = ctx.text.find(title, s.start if pos >= 0 else 0)
            cite = ctx.cite(span, span + len(title), RULE) if span >= 0 else ctx.cite(s.start, s.end, RULE)
            found.append(SignedDocument(title, ctx.event_date, cite))
    return _merge(found)


def _list_titles(lines: list[str], line_no: int, ctx: DocContext, s) -> list[tuple[str, int]]:
    """Bracketed titles of the list items right after a signing sentence."""
    out = []
    for ln in lines[line_no + 1:line_no + 10]:
        t = ln.strip()
        if t in ("-", "・", "") or t.startswith(("-", "・", "•")) and len(t) < 3:
            continue
        if not out and not t.startswith(("「", "-", "・", "•", "(", "（")) and not re.match(r"[0-9０-９①-⑳]", t):
            break
        q = re.match(r"^(?:[-・•]|[(（]?[0-9０-９①-⑳]+[)）.．、]?)?\s*「([^「」]{4,120})」", t)
        if not q:
            break
        out.append((q.group(1), -1))
    return out


def _merge(docs: list[SignedDocument]) -> list[SignedDocument]:
    out: list[SignedDocument] = []
    for d in docs:
        for i, o in enumerate(out):
            a, b = norm(d.title), norm(o.title)
            if a in b or b in a or dice(a, b) >= TITLE_MERGE:
                if len(a) > len(b):
                    out[i] = d
                break
        else:
            out.append(d)
    return out
