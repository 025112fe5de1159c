"""Agreements, commitments and statements in Japanese, from Sudachi tokens.

A sentence is cut into clauses at its clause-final predicates (述べ、/ 確認しました /
一致し、 …) outside quotations; a predicate that modifies a noun (確認する文書)
or is nominalised (…したこと) does not end a clause. For each clause:

* the subject is the first は / から / からは phrase naming a person, a country,
  both sides or an official (else the first が / も phrase), else the subject
  carried from the clause or sentence before;
* the content runs from after the subject to the complement marker before the
  predicate (…旨 / …と / …ことで / …ことを / …を / …について認識を);
* a speech predicate gives a statement (direct when the content is a 「…」
  quotation), an agreement predicate with both sides as subject gives an
  agreement, and a content that ends in a noun of intention (決意, 意思, 方針,
  計画 …) or a promise predicate (約束) gives a commitment of the subject.

Inside a leader's quotation, agreement predicates (…ことで一致した) give
agreements and clauses of intention (…していく, …するつもりだ, …したい) give
commitments of the quotation's own subject (アメリカは, われわれは) or speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..nlp import Sentence, Token
from ..normalize import deadline_of, parse_amount
from ..records import Agreement, Commitment, Statement
from .context import DocContext
from .lexicon import load
from .subjects import Subject, subjects_in
from .topics import topics_of

OPEN, CLOSE = "「『“", "」』”"
AUX_LEMMAS = {"する", "いる", "おる", "ある", "いく", "くる", "来る", "しまう", "おく", "れる", "られる", "せる", "させる", "行く"}
# Predicates that close a clause without being a fact themselves (…文書に署名し、…を確認しました).
BOUNDARY = {"署名", "調印", "発出", "面会", "意見交換", "会談", "発表"}
# Agreement verbs that end a point only at the end of a sentence: "…試みに反対し、…を確認した" is one point.
FINAL_ONLY = {"反対", "非難", "重視"}
# Adverbs between the content and its predicate (…重要性を改めて確認).
TRAILING_ADVERBS = re.compile(r"(?:を|で|と)?(?:改めて|再度|再び|強く|しっかりと|共に|引き続き|一致して|互いに|明確に)$")
CLAUSE_NOUNS = {"上", "後", "際", "ところ", "一方", "中", "うえ"}
CONNECTIVES = re.compile(r"^(?:また|さらに|その上で|そのうえで|これに対し(?:て)?|一方|そして|加えて|併せて|なお|"
                         r"同時に|その中で|この中で|最後に|冒頭|冒頭で|はじめに|まず|次に|続いて|これを受け|その後)[、,]?")
TOPIC_PREFIX = re.compile(r"(?:について|に関し(?:て)?|をめぐり|を巡り|では)[、,]$")
INTENT_END = re.compile(r"(ていく|ていきたい|ていきます|たい|つもり|予定|方針|考え|決意|ことを決定|ことにした|"
                        r"く用意|ていこう)(?:だ|です|である)?[。」]?$")


@dataclass
class Found:
    agreements: list[Agreement] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


def _lex():
    return load("predicates.json", ("ja",))["ja"]


def depths(tokens: list[Token]) -> list[int]:
    out, d = [], 0
    for t in tokens:
        if t.text in OPEN:
            out.append(d)
            d += 1
        elif t.text in CLOSE:
            d = max(0, d - 1)
            out.append(d)
        else:
            out.append(d)
    return out


def group_end(tokens: list[Token], i: int) -> int:
    """Index after the predicate's auxiliaries (し/まし/た/て/い/ます …)."""
    j = i + 1
    n = len(tokens)
    while j < n:
        t = tokens[j]
        if t.pos == "助動詞" or (t.pos == "動詞" and t.lemma in AUX_LEMMAS and t.pos2 == "非自立可能"):
            j += 1
        elif t.text in ("て", "で") and t.pos == "助詞" and j + 1 < n and tokens[j + 1].lemma in AUX_LEMMAS:
            j += 1
        elif t.pos == "動詞" and t.lemma in ("する", "いる", "おる", "ある", "いく"):
            j += 1
        else:
            break
    return j


def clause_final(tokens: list[Token], j: int) -> bool:
    if j >= len(tokens):
        return True
    t = tokens[j]
    if t.pos == "補助記号" and t.text not in OPEN + CLOSE:
        return True
    if t.pos == "助詞" and t.pos2 == "接続助詞":
        return True
    return t.text in CLAUSE_NOUNS and (j + 1 >= len(tokens) or tokens[j + 1].text in ("で", "、", "に", "は"))


def predicate(tokens: list[Token], i: int) -> tuple[str, str, int] | None:
    """(type, label, index after the verb group) when token i heads a clause-final predicate."""
    lex = _lex()
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    agree = lex["agreement"]
    verbal = nxt is not None and nxt.lemma in ("する", "為る") and nxt.pos == "動詞"
    if t.pos == "名詞" and t.text in BOUNDARY and verbal:
        j = group_end(tokens, i + 1)
        return ("boundary", t.text, j) if clause_final(tokens, j) else None
    if t.pos == "名詞" and t.text in agree and verbal:
        label = agree[t.text]
        if t.text in FINAL_ONLY:
            j = group_end(tokens, i + 1)
            return ("agreement", label, j) if j >= len(tokens) or tokens[j].text == "。" else None
        if t.text == "確認" and i > 0 and tokens[i - 1].text == "再":
            label = "confirmed"
        j = group_end(tokens, i + 1)
        return ("agreement", label, j) if clause_final(tokens, j) else None
    speech = lex["speech"]
    if t.pos == "動詞" and t.lemma in speech and (t.pos2 != "非自立可能" or t.lemma == "得る"):
        j = group_end(tokens, i)
        if _progressive(tokens, i, j):
            return None
        return ("speech", t.lemma, j) if clause_final(tokens, j) else None
    if t.pos == "名詞" and t.text in speech and verbal:
        j = group_end(tokens, i + 1)
        if _progressive(tokens, i + 1, j):
            return None
        return ("speech", t.text, j) if clause_final(tokens, j) else None
    if t.text == "明らか" and nxt is not None and nxt.text == "に" and i + 2 < len(tokens) and tokens[i + 2].lemma == "する":
        j = group_end(tokens, i + 2)
        return ("speech", "明らか", j) if clause_final(tokens, j) else None
    if t.text in lex["speech_nouns_have"] and nxt is not None and nxt.text == "が" and i + 2 < len(tokens) \
            and tokens[i + 2].lemma in ("ある", "有る"):
        j = group_end(tokens, i + 2)
        return ("speech", t.text, j) if clause_final(tokens, j) else None
    return None


def _progressive(tokens: list[Token], i: int, j: int) -> bool:
    """…訴えてきており、 / …説明しており、: an aspect form continuing the sentence, not the end of a clause."""
    forms = "".join(t.text for t in tokens[i + 1:j])
    return j < len(tokens) and tokens[j].text == "、" and bool(re.search(r"て(?:き)?(?:おり|い(?:て)?)$", forms))


def skip_after(tokens: list[Token], j: int) -> int:
    """Start of the next clause: past 上で、 / 後、 / punctuation after a predicate."""
    while j < len(tokens) and (tokens[j].pos == "補助記号" or tokens[j].text in CLAUSE_NOUNS
                               or (tokens[j].text in ("で", "に", "は") and j > 0 and tokens[j - 1].text in CLAUSE_NOUNS)):
        j += 1
    return j


def _strip_content(text: str, kind: str, label: str) -> str:
    s = TRAILING_ADVERBS.sub("", text.strip(" 、,")).strip(" 、,")
    if kind == "agreement":
        s = re.sub(r"(?:こと(?:で|を)?も?|との認識で|という認識で|との考えで|旨で|を|で|に|も)$", "", s)
        s = re.sub(r"こと$", "", s)
        if label == "shared_view":
            s = re.sub(r"(?:について|に関し)?、?認識$", lambda m: "について" if m.group(0).startswith("について") else "", s)
    else:
        s = re.sub(r"(?:旨|という旨|との旨|と|、と|ことを|を|が|に|の)$", "", s)
    return s.strip(" 、,")


def _quote_span(tokens: list[Token], depth: list[int], k: int, lo: int) -> tuple[int, int] | None:
    """Token range inside the quotation that ends at token k (a closing bracket)."""
    d = depth[k]
    for i in range(k - 1, lo - 1, -1):
        if tokens[i].text in OPEN and depth[i] == d:
            return i + 1, k
    return None


def _at_start(tokens: list[Token], lo: int, subj: Subject) -> bool:
    """The subject phrase opens its clause (only connectives and punctuation before it)."""
    head = "".join(t.text for t in tokens[lo:] if t.start < subj.start)
    return not CONNECTIVES.sub("", head).strip(" 、,")


class JaClauses:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.found = Found()
        self.carry: Subject | None = None
        self.named: list[str] = []

    # -- one sentence ---------------------------------------------------------
    def sentence(self, s: Sentence) -> None:
        ctx = self.ctx
        toks = ctx.tokens(s)
        if not toks:
            return
        for m in ctx.mentions(s):
            if m.kind == "person" and m.entity not in self.named:
                self.named.append(m.entity)
        dep = depths(toks)
        heading = "。" not in s.text and len(s.text) < 45 and not s.text.endswith(("た", "す"))
        preds = []
        for i in range(len(toks)):
            if dep[i] == 0:
                p = predicate(toks, i)
                if p:
                    preds.append((i,) + p)
        lo = 0
        subject = None if heading else self.carry
        for i, kind, label, j in preds:
            cands = subjects_in(ctx, toks, dep, lo, i, self.named)
            if subject is not None:
                # with a subject already in force, a country or company marked by は/が later in the clause
                # is the subject of the reported content (日本は…パートナーであること), not a new speaker
                cands = [c for c in cands if c[1].particle in ("から", "からは") or c[1].kind in ("person", "group", "unnamed")
                         or _at_start(toks, lo, c[1])]
            strong = [c for c in cands if c[1].particle in ("は", "から", "からは", "では")]
            pick = (strong or cands or [None])[0]
            c_lo = lo
            prefix = ""
            if pick:
                pi, subj = pick
                subject = subj
                c_lo = pi + 1
                while c_lo < i and (toks[c_lo].text in ("は", "、", ",") or toks[c_lo].pos == "補助記号"):
                    c_lo += 1
                pre = ctx.text[toks[lo].start:subj.start] if lo < len(toks) else ""
                pre = CONNECTIVES.sub("", pre.strip(" 、,"))
                if TOPIC_PREFIX.search(pre + "、"):
                    prefix = pre.rstrip("、, ") + "、"
            if i <= c_lo or kind == "boundary":
                lo = skip_after(toks, j)
                continue
            raw_start = toks[c_lo].start
            raw = ctx.text[raw_start:toks[i].start]
            stripped_lead = CONNECTIVES.match(raw)
            if stripped_lead:
                raw_start += stripped_lead.end()
                raw = raw[stripped_lead.end():]
            self.emit(s, toks, dep, c_lo, i, j, kind, label, subject, raw, raw_start, prefix)
            lo = skip_after(toks, j)
        if preds and subject is not None:
            self.carry = subject
        elif heading:
            self.carry = None
        self.sentence_final_intent(s, toks, dep)
        self.quotes(s, toks, dep, subject)

    # -- facts of one clause --------------------------------------------------
    def emit(self, s, toks, dep, c_lo, i, j, kind, label, subject, raw, raw_start, prefix) -> None:
        ctx = self.ctx
        if subject is None:
            return
        text = _strip_content(raw, kind, label)
        if len(text) < 2:
            return
        end = toks[j - 1].end if j > 0 else s.end
        cite = ctx.cite(raw_start, end, f"kaidan.{'agreement' if kind == 'agreement' else 'statement'}_ja.v1")
        group = subject.kind in ("group", "self")
        # quotative と + する (…とする / としています) by both sides: what they agreed
        if kind == "agreement" and not group and label in ("welcomed", "opposed"):
            kind = "speech"      # one leader welcoming or opposing: what that leader said
        elif kind == "agreement" or (group and label in ("歓迎",)):
            verb = label if kind == "agreement" else "welcomed"
            if group or subject.kind in ("person", "country"):
                self.found.agreements.append(Agreement(text, verb, topics_of(text), cite))
            return
        if group:
            return
        # speech
        mode, body = "reported", prefix + text
        k = i - 1
        while k > c_lo and toks[k].pos == "補助記号" and toks[k].text not in CLOSE:
            k -= 1
        if toks[k].text in ("と",) and k - 1 >= c_lo and toks[k - 1].text in CLOSE:
            span = _quote_span(toks, dep, k - 1, c_lo)
            if span and span[0] <= span[1]:
                mode = "direct"
                body = ctx.text[toks[span[0]].start:toks[span[1]].start] if span[1] > span[0] else ""
        if label == "得る" and subject.particle not in ("から", "からは"):
            return
        if re.fullmatch(r"(?:これ|それ|この点|その点|こうした考え|この考え)", body.strip()):
            # これを歓迎: what was welcomed is the point stated just before in the same sentence
            prev = [st for st in self.found.statements if st.citation.start >= s.start]
            if not prev:
                return
            body = prev[-1].text
        if not body.strip():
            return
        self.found.statements.append(Statement(subject.name, body, mode, cite))
        if mode == "reported":
            self.commitment_of(text, subject, cite, promise=label in ("約束", "確約", "誓う"))

    def commitment_of(self, text: str, subject: Subject, cite, promise: bool = False) -> None:
        lex = _lex()
        nouns = "|".join(sorted(lex["commitment_nouns"], key=len, reverse=True))
        m = re.search(rf"^(.*?)(?:という|との|とする)?(?:への|に対する|の)?(?:揺るぎない|強い|確固たる|断固たる|不動の|固い)?"
                      rf"(?:{nouns})(?:であること|であり|である)?$", text)
        body = m.group(1) if m else (text if promise else None)
        if not body or len(body) < 4 or subject.kind in ("group", "self"):
            # embedded: …日本が防衛費を増額する方針であること
            em = re.search(rf"([^、。]*?)(?:が|は)([^、。]*?)(?:という|との)?(?:{nouns})(?:である|であること|だ)", text)
            if not em:
                return
            actor = self.ctx.gaz.lookup(em.group(1))
            if not actor:
                return
            e = self.ctx.gaz.entities[actor]
            subject = Subject(e.kind, e.id, e.name("ja"), 0, 0, "が")
            body = em.group(2)
        body = body.strip(" 、")
        if len(body) < 4 or re.search(r"べき$", body):
            return
        self.add_commitment(subject, body, cite)

    def add_commitment(self, subject: Subject, body: str, cite) -> None:
        ctx = self.ctx
        import datetime as dt
        ref = dt.date.fromisoformat(ctx.event_date) if ctx.event_date else ctx.ref_date
        self.found.commitments.append(Commitment(subject.name, body, parse_amount(body), deadline_of(body, ref),
                                                 cite, topics_of(body)))

    def sentence_final_intent(self, s, toks, dep) -> None:
        """…する方針です / …考えです: a commitment of the sentence's subject without a speech verb."""
        m = re.search(r"(方針|考え|計画|予定|意向)(?:です|だ|である)。?$", s.text)
        if not m or not self.carry:
            return
        cands = subjects_in(self.ctx, toks, dep, 0, len(toks), self.named)
        subj = cands[0][1] if cands else self.carry
        if subj.kind in ("group", "self", "unnamed"):
            return
        body = s.text[:m.start()]
        if cands:
            body = self.ctx.text[cands[0][1].end:s.start + m.start()]
        body = re.sub(r"^[はがも、\s]+", "", body)
        body = re.sub(r"(という|との)$", "", body).strip("、 ")
        if len(body) >= 4:
            self.add_commitment(subj, body, self.ctx.cite(s.start, s.end, "kaidan.commitment_ja.v1"))

    # -- inside quotations ----------------------------------------------------
    def quotes(self, s, toks, dep, speaker: Subject | None) -> None:
        if speaker is None or speaker.kind not in ("person", "unnamed"):
            return
        i = 0
        n = len(toks)
        while i < n:
            if toks[i].text in OPEN and dep[i] == 0:
                k = i + 1
                while k < n and not (toks[k].text in CLOSE and dep[k] == 0):
                    k += 1
                self.quote_body(toks, dep, i + 1, k, speaker)
                i = k
            i += 1

    def quote_body(self, toks, dep, lo, hi, speaker: Subject) -> None:
        ctx = self.ctx
        start = lo
        for k in range(lo, hi + 1):
            if k == hi or (toks[k].text == "。" and dep[k] == 1):
                if k > start:
                    self.quote_sentence(toks, dep, start, k, speaker)
                start = k + 1
        del ctx

    def quote_sentence(self, toks, dep, lo, hi, speaker: Subject) -> None:
        ctx = self.ctx
        text = ctx.text[toks[lo].start:toks[hi - 1].end]
        # agreements reported by the speaker: …ことで一致した / …を確認した
        for i in range(lo, hi):
            if dep[i] != 1:
                continue
            p = predicate(toks[:hi], i)
            if p and p[0] == "agreement":
                a_lo = lo
                for q in range(i - 1, lo, -1):
                    if toks[q].text == "。":
                        a_lo = q + 1
                        break
                raw = ctx.text[toks[a_lo].start:toks[i].start]
                raw = re.sub(r"^.*?(?:との間で|と私は|私は|私から|われわれは)、?", "", raw)
                body = _strip_content(CONNECTIVES.sub("", raw), "agreement", p[1])
                if len(body) >= 4:
                    cite = ctx.cite(toks[a_lo].start, toks[p[2] - 1].end, "kaidan.agreement_ja.v1")
                    self.found.agreements.append(Agreement(body, p[1], topics_of(body), cite))
        # commitments: clauses of intention
        if not INTENT_END.search(text.rstrip("。」")) and not re.search(r"(?:は|も)[^、。]*(?:関与する|持つ|もたらす)$", text):
            return
        if re.search(r"だろう|でしょう|かもしれない|と思う|と聞いて|期待", text):
            return
        actor = speaker
        body = text
        cands = subjects_in(ctx, toks, dep, lo, hi, self.named) if False else []
        m = re.match(r"^(?:[^、。「」]*?、)?(アメリカ|米国|日本|われわれ|我々|私たち|私|わが国|我が国)(?:は|も|が)、?", text)
        if m:
            who = m.group(1)
            if who in ("われわれ", "我々", "私たち", "わが国", "我が国"):
                c = ctx.gaz.country_of(speaker.entity)
                if c:
                    e = ctx.gaz.entities[f"country:{c}"]
                    actor = Subject("country", e.id, e.name("ja"), 0, 0, "は")
            elif who != "私":
                ent = ctx.gaz.lookup(who)
                if ent:
                    e = ctx.gaz.entities[ent]
                    actor = Subject(e.kind, e.id, e.name("ja"), 0, 0, "は")
            body = text[m.end():]
        body = re.sub(r"(?:つもり|予定|方針|考え|決意)?(?:だ|です|である)?[。]?$", "", body).strip("、 ")
        if actor.kind == "unnamed" or len(body) < 4:
            return
        cite = ctx.cite(toks[lo].start, toks[hi - 1].end, "kaidan.commitment_ja.v1")
        self.add_commitment(actor, body, cite)


def extract(ctx: DocContext, sentences: list[Sentence]) -> Found:
    an = JaClauses(ctx)
    for s in sentences:
        an.sentence(s)
    return an.found
