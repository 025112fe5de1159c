"""Signed documents: the titles of what the leaders signed (or had signed before them).

The constructions are data: ``data/rules/ja_signed.json`` and ``en_signed.json``,
each rule with an id, a version, the construction it covers, an example and a note.

Japanese is read on Sudachi tokens: a signing predicate (署名, 調印, 締結, 交わす)
whose object stands before the case particle of a rule (に署名, の署名, が交わされ,
を締結); the title is the noun phrase before the particle, read back to the clause
boundary (a comma, a topic or subject particle, the previous signing). A bracketed
title in that phrase wins (「…」に署名). English is read with patterns compiled once
from the data: signed/inked/finalized NP, the signing/exchange of NP, NP was signed,
where NP ends in a document noun (agreement, memorandum, pact …).

A document signed on another day and only recalled (2007年に署名した, "signed in
Manila on 8 July 2024") is background; a signing still to come (締結に向けた, "will
sign") is not a signing. Near-identical titles are merged, keeping the longer; a
counted umbrella (7つの協定・覚書, "seven agreements") gives way when the document
names its members.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..evaluate.scorer import dice, norm
from ..nlp import Sentence, Token
from ..normalize import find_dates
from ..records import SignedDocument
from .context import DocContext
from .lexicon import load

TITLE_MERGE = 0.5  # titles this similar are one document told twice (measured on the seeds: distinct ones < 0.3)
QUOTED = re.compile(r"「([^「」]{4,120})」|『([^『』]{4,120})』|“([^“”]{4,120})”")
COMMAS = {"、", ",", "，"}
OPENERS, CLOSERS = "「『（(［【〈《“", "」』）)］】〉》”"
COORD = {"や", "と", "及び", "並びに", "および"}       # a comma after these coordinates, it does not end the phrase
STOP_PARTICLES = {"は", "も", "が", "を", "こそ"}
LEADING = re.compile(r"^(?:及び|並びに|および|や|と|また|さらに|併せて|その後|会談後)、?")
BULLET = r"(?:[-・•*◇]|[(（]?[0-9０-９①-⑳]+[)）.．、]?)"
JA_ITEM = re.compile(rf"^{BULLET}?\s*「([^「」]{{4,120}})」")       # （１）「…」 / 「…」:説明
EN_ITEM = re.compile(rf"^{BULLET}\s*(.{{4,160}}?)[.;]?$")


@dataclass(frozen=True)
class Found:
    title: str
    start: int       # document offsets of the cited span
    end: int
    rule: str        # exact rule id and version
    anaphor: bool = False   # "the trade agreement": names a document told of elsewhere


def _rid(rule: dict) -> str:
    return f"{rule['id']}.v{rule['version']}"


# ---------------------------------------------------------------- Japanese

@lru_cache(maxsize=1)
def _ja() -> dict:
    data = load("rules/ja_signed.json", ("doc_heads", "triggers", "rules"))
    heads = sorted(data["doc_heads"], key=len, reverse=True)
    rules = {r["id"].rsplit(".", 1)[-1]: r for r in data["rules"]}
    return {
        "data": data,
        "rules": rules,
        "head_end": re.compile("(?:" + "|".join(map(re.escape, heads)) + r")(?:\s*[(（][^)）]*[)）])?$"),
        "heads": set(heads),
        "background": re.compile(data["background"]),
        "umbrella": re.compile(data["umbrella"]),
        "triggers": frozenset(data["triggers"]),
        "nado": re.compile(rules["nado"]["pattern"]),
        "fukumu": re.compile(rules["fukumu"]["pattern"]),
    }


def _phrase_start(toks: list[Token], end: int, floor: int) -> int:
    """Index of the first token of the noun phrase ending at toks[end], walking back to a clause boundary."""
    depth = 0
    i = end
    while i - 1 > floor:
        t = toks[i - 1]
        if t.text and t.text[-1] in CLOSERS:
            depth += 1
        elif t.text and t.text[0] in OPENERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            if t.text in COMMAS and not (i - 2 > floor and toks[i - 2].text in COORD):
                break
            if t.pos == "補助記号" and t.text in ("。", "◇", "◆", "■", "●"):
                break
            if t.pos == "助詞" and t.text in STOP_PARTICLES and t.pos2 in ("係助詞", "格助詞"):
                break
            if t.pos == "助詞" and t.text == "で" and toks[i].text != "の":
                break
            if t.pos == "接続詞" and t.text not in COORD:
                break
        i -= 1
    return i


def _split_coordinated(phrase: str) -> list[str]:
    """A や B に関する文書 → one title each; a closed list (…等に関する, …など3件の) is one title."""
    tail = re.search(r"(?:に関する|に向けた|のための|についての)[^やに]*$", phrase)
    if not tail or "や" not in phrase[:tail.start()]:
        return [phrase]
    if re.search(r"(?:等|など)(?:[0-9０-９]+件)?$", phrase[:tail.start()]):
        return [phrase]
    return [p.strip("、, ") + tail.group(0) for p in phrase[:tail.start()].split("や") if p.strip("、, ")]


def _ja_trigger_titles(ctx: DocContext, s: Sentence, toks: list[Token], i: int, floor: int) -> list[Found]:
    J = _ja()
    data = J["data"]
    nxt = [t.lemma for t in toks[i + 1:i + 4]]
    if any(x in data["not_after"] for x in nxt):
        return []
    p = i - 1
    while p > floor and toks[p].pos == "副詞":          # をそれぞれ締結
        p -= 1
    if p <= floor or toks[p].pos != "助詞":
        return []
    rule = next((r for r in J["rules"].values() if toks[p].text in r.get("case", ())
                 and toks[i].lemma in r.get("triggers", ())), None)
    if rule is None:
        return []
    start = _phrase_start(toks, p, floor)
    if start >= p:
        return []
    a, b = toks[start].start, toks[p - 1].end
    region = ctx.text[a:b]
    before = ctx.text[max(s.start, a - 12):a]
    if J["background"].search(before + region):
        return []                                         # 2007年に署名した共同宣言: an earlier signing recalled
    quoted = [(q.start(), next(g for g in q.groups() if g)) for q in QUOTED.finditer(region)]
    if quoted:
        r = J["rules"]["quoted"]
        return [Found(t, a + off + 1, a + off + 1 + len(t), _rid(r)) for off, t in quoted]
    m = LEADING.match(region)
    if m:
        a, region = a + m.end(), region[m.end():]
    if not J["head_end"].search(region):
        return []
    nado = J["nado"].match(region)
    if nado:
        members = _ja_members(ctx, a + nado.start("list"), a + nado.end("list"), J["rules"]["nado"])
        if members:
            return members
    if _generic(region, "ja"):                            # a bare 覚書 / 交換公文・融資契約: named elsewhere in the clause
        members = _toshite(ctx, s, toks[i].end)
        if members:
            return members
    if region in J["heads"]:                              # a bare 覚書: named by its について complement, if any
        topic = _nitsuite(ctx, toks, start, floor)
        if topic:
            return topic
    out = []
    for title in _split_coordinated(region):
        off = ctx.text.find(title, a, b)
        out.append(Found(title, off if off >= 0 else a, (off if off >= 0 else a) + len(title), _rid(rule)))
    return out


def _ja_members(ctx: DocContext, a: int, b: int, rule: dict) -> list[Found]:
    """X、Y や Z: one title per listed item when every item is a title (bracketed or ending in a document noun)."""
    J = _ja()
    out, pos = [], a
    for piece in _split_top(ctx.text[a:b], COMMAS | {"や"}):
        seg = piece.strip("、, ")
        q = QUOTED.fullmatch(seg)
        title = next(g for g in q.groups() if g) if q else seg
        if not q and not J["head_end"].search(seg):
            return []
        off = ctx.text.find(title, pos, b)
        out.append(Found(title, off, off + len(title), _rid(rule)))
        pos += len(piece) + 1
    return out


def _ja_include(ctx: DocContext, s: Sentence) -> list[Found]:
    """署名された文書には X、Y が含まれる: the members of a set of signed documents."""
    if "含ま" not in s.text:
        return []
    J = _ja()
    m = J["fukumu"].search(s.text)
    if not m:
        return []
    return _ja_members(ctx, s.start + m.start("list"), s.start + m.end("list"), J["rules"]["fukumu"])


def _toshite(ctx: DocContext, s: Sentence, after: int) -> list[Found]:
    """覚書が交わされた分野として、X、Y があった: the members that として…があった enumerates."""
    r = _ja()["rules"]["toshite"]
    m = re.match(r["pattern"], ctx.text[after:s.end])
    if not m:
        return []
    a = after + m.start(1)
    out, pos = [], a
    for piece in _split_top(m.group(1)):
        seg = re.sub(r"^[^、]{1,12}としては、?", "", piece).strip("、, ")   # 融資契約としては X: a sub-category, X the title
        if len(norm(seg)) >= 4 and not _generic(seg, "ja"):
            off = ctx.text.find(seg, pos, after + m.end(1))
            out.append(Found(seg, off, off + len(seg), _rid(r)))
        pos += len(piece) + 1
    return out


def _split_top(text: str, separators: set[str] = COMMAS) -> list[str]:
    """Split on one-character separators (、 by default) outside brackets: NSCR計画(マロロス~トゥトゥバン、第2期)
    and 「食料や農業に関する覚書」 stay whole."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in OPENERS
        depth -= ch in CLOSERS and depth > 0
        if ch in separators and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return parts + [cur]


def _nitsuite(ctx: DocContext, toks: list[Token], start: int, floor: int) -> list[Found]:
    """X や、Y について(も) 覚書が…: the について complement names the documents."""
    j = start - 1
    while j > floor and toks[j].pos == "助詞" and toks[j].text in ("も", "は"):
        j -= 1
    if j <= floor or not ctx.text[:toks[j].end].endswith("について"):
        return []
    k = j
    while k > floor + 1 and toks[k].start > toks[j].end - 4:
        k -= 1
    if k <= floor + 1:
        return []
    first = _phrase_start(toks, k - 1, floor)
    a, b = toks[first].start, toks[k - 1].end
    r = _ja()["rules"]["nitsuite"]
    out = []
    for part in re.split(r"や、?", ctx.text[a:b]):
        part = part.strip("、, ")
        if len(norm(part)) >= 4:
            off = ctx.text.find(part, a, b)
            out.append(Found(part, off, off + len(part), _rid(r)))
    return out


def _ja_ceremony(ctx: DocContext, s: Sentence, toks: list[Token]) -> list[Found]:
    """調印式では、A、B のほか ◇C◇D: every listed phrase that ends in a document noun."""
    if "式" not in s.text:
        return []       # each ceremony word below is or ends in 式 (調印式, 署名式, 署名 + 式)
    J = _ja()
    for i, t in enumerate(toks[:-1]):
        if t.text in ("調印式", "署名式") or (t.lemma in ("署名", "調印") and toks[i + 1].text == "式"):
            k = i + (2 if t.text not in ("調印式", "署名式") else 1)
            if k + 1 < len(toks) and toks[k].text == "で" and toks[k + 1].text == "は":
                rest_start = toks[k + 1].end
                break
    else:
        return []
    r = J["rules"]["ceremony"]
    rest = ctx.text[rest_start:s.end]
    out, pos = [], rest_start
    for piece in re.split(r"(◇|のほか、?|、|及び)", rest):
        seg = piece.strip(" 、,")
        if seg and seg not in ("◇",) and not seg.startswith("のほか") and J["head_end"].search(seg) \
                and len(norm(seg)) >= 4:
            off = ctx.text.find(seg, pos, s.end)
            out.append(Found(seg, off, off + len(seg), _rid(r)))
        pos += len(piece)
    return out


def _ja_titles(ctx: DocContext, s: Sentence) -> list[Found]:
    toks = ctx.tokens(s)
    triggers = _ja()["triggers"]
    out: list[Found] = []
    floor = -1
    for i, t in enumerate(toks):
        if t.lemma in triggers:
            out += _ja_trigger_titles(ctx, s, toks, i, floor)
            floor = i
    return sorted(out + _ja_ceremony(ctx, s, toks) + _ja_include(ctx, s), key=lambda f: f.start)


# ---------------------------------------------------------------- English

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NOT_MOD = ("to|with|that|which|worth|than|has|have|had|was|were|is|are|be|been|by|during|after|at|from|into|"
            "this|these|those|its|their|his|her|our|as|views|while|when|the|a|an|more|total|also|following")
_MOD = rf"(?!(?:{_NOT_MOD})\b)[\w’'\-]+"
# a name's own list of capitalised words: the Climate, Critical Minerals and Clean Energy Transformation Compact
_TITLE_COMMA = r"[A-Z][\w’'\-]*,(?=\s+[A-Z])"
_STOP = (r"(?=,\s*(?:which|who|where|covering|including|as|while|to|during|after|and\s+(?:the|a|an|also|agreed)\b)"
         r"|\s+(?:after|during|to|which|that|with|at|worth|when|as|while|before|following|between\s+the\s+two)\b|[.;:]|$)")
_TAIL = (rf"(?:\s+(?:on|for|of|between|concerning|regarding|relating\s+to)\s+(?!(?:{_WEEKDAYS}|{_MONTHS}|\d))"
         rf"[^.;:]*?{_STOP})?")


@lru_cache(maxsize=1)
def _en() -> dict:
    data = load("rules/en_signed.json", ("heads", "rules"))
    head = "(?:" + "|".join(data["heads"]) + ")"
    rules = {r["id"].rsplit(".", 1)[-1]: r for r in data["rules"]}
    np = rf"[“\"]?(?P<np>(?:(?:{_TITLE_COMMA}|{_MOD})\s+){{0,10}}?{head}\b(?:\s*\([^)]*\))?{_TAIL})"
    compiled = {}
    for name in ("active", "nominal"):
        compiled[name] = re.compile(rf"\b(?:{rules[name]['verbs']})\s+(?P<det>(?:the|a|an)\s+)?{np}", re.I)
    return {
        "data": data, "rules": rules, "compiled": compiled,
        "passive": re.compile(rf"\b{rules['passive']['verbs']}\b", re.I),
        "passive_np": re.compile(rf"{head}\b(?:\s*\([^)]*\))?(?:\s+(?:on|for|of|between|concerning|regarding|in)"
                                 rf"\s+[^,;.]*?)?\s*$", re.I),
        "mod": re.compile(rf"^{_MOD}$", re.I),
        "future": re.compile(data["future"], re.I),
        "future_after": re.compile(data["future_after"], re.I),
        "classes": {c: re.compile(r"\b(?:" + "|".join(ws) + ")", re.I) for c, ws in data["head_classes"].items()},
        "background": re.compile(data["background"], re.I),
        "umbrella": re.compile(data["umbrella"], re.I),
        "list": re.compile(r"\b(?:signed|exchanged|concluded)\b[^:]*\bfollowing\b[^:]*:\s*$|\b(?:signed|exchanged)\b[^:]*:\s*$",
                           re.I),
        **_include_patterns(rules["include"], head),
    }


def _include_patterns(rule: dict, head: str) -> dict:
    """The set-of-signed-documents forms of the include rule, compiled once."""
    forms = {k: f.format(set=rule["set"], verbs=rule["verbs"]) for k, f in rule["forms"].items()}
    return {
        "include": [re.compile(f) if k == "among" else re.compile(f, re.I) for k, f in forms.items()],
        "include_gate": tuple(rule["gate"]),
        "include_end": re.compile(rule["list_end"], re.I),
        "include_head": re.compile(rf"\b{head}\b", re.I),
    }


def _clean_en(title: str) -> str:
    return title.strip(" ,;“”\"")


def _en_titles(ctx: DocContext, s: Sentence) -> list[Found]:
    E = _en()
    text = s.text
    out: list[Found] = []
    for name, rx in E["compiled"].items():
        rid = _rid(E["rules"][name])
        for m in rx.finditer(text):
            after = text[m.end():m.end() + 40]
            if E["future"].search(text[:m.start()]) or E["background"].search(after) or E["future_after"].search(after):
                continue
            title = _clean_en(m.group("np"))
            # "the trade agreement": a definite common noun names a document already told of
            anaphor = bool(m.group("det") and m.group("det").lower().startswith("the")
                           and not re.search(r"[A-Z]", title))
            out.append(Found(title, s.start + m.start("np"), s.start + m.start("np") + len(title), rid, anaphor))
    for m in E["passive"].finditer(text):
        if E["background"].search(text[m.end():m.end() + 40]):
            continue
        pre = text[:m.start()].rstrip()
        hm = E["passive_np"].search(pre)
        if not hm:
            continue
        start = hm.start()
        words = list(re.finditer(r"\S+", pre[:start]))
        for w in reversed(words[-8:]):
            if not E["mod"].match(w.group(0)) or w.group(0).lower() == "of":
                break
            start = w.start()
        title = _clean_en(pre[start:])
        out.append(Found(title, s.start + start, s.start + start + len(title), _rid(E["rules"]["passive"])))
    return out


ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as)\s+")
ARTICLE = re.compile(r"^(?:a|an|the|one|another)\s+", re.I)


def _include_titles(ctx: DocContext, s: Sentence) -> list[Found]:
    """The agreements signed include X, Y and Z / Among the deals signed were … / signed six MoUs, including …"""
    low = s.text.lower()
    if "signed" not in low and "inked" not in low and "exchanged" not in low:
        return []
    E = _en()
    if not any(w in low for w in E["include_gate"]):
        return []
    rid = _rid(E["rules"]["include"])
    for rx in E["include"]:
        m = rx.search(s.text)
        if not m:
            continue
        v = m.start("v")
        if E["future"].search(s.text[:v]) or E["background"].search(s.text[m.start():m.start("list")]):
            return []
        a, b = m.span("list")
        cut = E["include_end"].search(s.text, a, b)
        return _list_items(s, a, cut.start() if cut else b, rid)
    return []


def _list_items(s: Sentence, a: int, b: int, rid: str) -> list[Found]:
    """Items of a coordinated list that name documents; an item without a document noun continues the one before."""
    E = _en()
    spans, pos = [], a
    for sep in ITEM_SPLIT.finditer(s.text, a, b):
        spans.append((pos, sep.start()))
        pos = sep.end()
    spans.append((pos, b))
    items: list[list[int]] = []
    for x, y in spans:
        piece = s.text[x:y]
        if E["include_head"].search(piece) or not items:
            items.append([x, y])
        else:
            items[-1][1] = y
    out = []
    for x, y in items:
        piece = s.text[x:y]
        art = ARTICLE.match(piece)
        x += art.end() if art else 0
        title = _clean_en(s.text[x:y])
        if not E["include_head"].search(title) or len(norm(title)) < 4:
            continue
        x = s.text.find(title, x)
        out.append(Found(title, s.start + x, s.start + x + len(title), rid))
    return out


def _other_day(ctx: DocContext, s: Sentence) -> bool:
    """…Agreement, signed in Manila on 8 July 2024: a document signed on another day is background."""
    other = [d.value for d in find_dates(s.text, ctx.ref_date) if d.kind == "date" and d.value != ctx.event_date]
    return bool(other and re.search(r"signed\s+(?:in\s+[A-Z]\w+\s+)?on\b", s.text))


# ---------------------------------------------------------------- lists after a signing sentence

def _list_titles(ctx: DocContext, s: Sentence, rule: dict) -> list[Found]:
    """Bracketed (ja) or bulleted (en) items on the lines right after a signing sentence."""
    lines = ctx.text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    out: list[Found] = []
    for n in range(s.line + 1, min(len(lines), s.line + 12)):
        t = lines[n].strip()
        if t in ("-", "・", "") or (t.startswith(("-", "・", "•")) and len(t) < 3):
            continue
        m = (JA_ITEM if s.lang == "ja" else EN_ITEM).match(t)
        if not m:
            break
        title = m.group(1).strip()
        off = ctx.text.find(title, offsets[n])
        out.append(Found(title, off, off + len(title), _rid(rule)))
    return out


# ---------------------------------------------------------------- the document

def _sentence_titles(ctx: DocContext, s: Sentence) -> list[Found]:
    if s.lang == "ja":
        found = _ja_titles(ctx, s)
        if all(_generic(f.title, "ja") for f in found) and re.search(r"以下の(?:文書|協定|覚書)|(?:文書|覚書)[^。]*署名され", s.text):
            found = _list_titles(ctx, s, _ja()["rules"]["list"])
        return found
    if _other_day(ctx, s):
        return []
    found = _en_titles(ctx, s) + _include_titles(ctx, s)
    if _en()["list"].search(s.text):
        found += _list_titles(ctx, s, _en()["rules"]["list"])
    return found


def extract(ctx: DocContext) -> list[SignedDocument]:
    found: list[tuple[Found, bool]] = []
    for s in ctx.sentences:
        for f in _sentence_titles(ctx, s):
            if len(norm(f.title)) < 2:
                continue
            found.append((f, _generic(f.title, s.lang)))
    named = [f for f, g in found if not g and not f.anaphor]
    docs = []
    for f, generic in found:
        if (generic or f.anaphor) and named:
            continue   # 7つの協定・覚書 or "the agreement" when the document names the documents themselves
        if _redescribes(f, named):
            continue   # "a landmark defence pact" beside "the Pukpuk Treaty"
        span_ok = f.start >= 0 and ctx.text[f.start:f.end] == f.title
        cite = ctx.cite(f.start, f.end, f.rule) if span_ok else ctx.cite(*_sentence_span(ctx, f), f.rule)
        docs.append(SignedDocument(f.title, ctx.event_date, cite))
    return _merge(docs)


def _generic(title: str, lang: str) -> bool:
    """A counted umbrella (7つの協定・覚書, "8 MoUs") or a title made of document nouns only (覚書, 交換公文・融資契約)."""
    if lang == "ja":
        J = _ja()
        return bool(J["umbrella"].search(title)) or all(p in J["heads"] for p in title.split("・"))
    return bool(_en()["umbrella"].search(title))


def _redescribes(f: Found, named: list[Found]) -> bool:
    """A lower-case English description whose head is of the class of a capitalised title told in the same text."""
    if re.search(r"[A-Z]", f.title) or not re.fullmatch(r"[\x00-\x7f’]+", f.title):
        return False
    classes = _en()["classes"]
    mine = {c for c, rx in classes.items() if rx.search(f.title)}
    return any(o is not f and re.search(r"[A-Z]", o.title) and mine & {c for c, rx in classes.items() if rx.search(o.title)}
               for o in named)


def _sentence_span(ctx: DocContext, f: Found) -> tuple[int, int]:
    pos = ctx.text.find(f.title)
    return (pos, pos + len(f.title)) if pos >= 0 else (0, 0)


def _count(title: str) -> str | None:
    m = re.match(r"^\s*([0-9]+)\s", title)
    return m.group(1) if m else None


def _differing(a: str, b: str) -> tuple[str, str]:
    """The two titles without their common ending (…に関する文書): what tells them apart."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return (a[:len(a) - n], b[:len(b) - n]) if n < min(len(a), len(b)) else (a, b)


def _merge(docs: list[SignedDocument]) -> list[SignedDocument]:
    out: list[SignedDocument] = []
    for d in docs:
        for i, o in enumerate(out):
            a, b = norm(d.title), norm(o.title)
            da, db = _differing(a, b)
            same_count = _count(d.title) is not None and _count(d.title) == _count(o.title)   # "8 MoUs" / "8 Memoranda"
            if a in b or b in a or dice(da, db) >= TITLE_MERGE or same_count:
                if len(a) > len(b):
                    out[i] = d
                break
        else:
            out.append(d)
    return out
