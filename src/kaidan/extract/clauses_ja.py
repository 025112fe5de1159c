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

from ..nlp import Sentence, Token, tokenize
from ..normalize import deadline_of, parse_amount
from ..records import Agreement, Commitment, Statement
from .context import DocContext
from .lexicon import load
from .subjects import Subject, resolve_phrase, subjects_in
from .topics import topics_of
from .zones import BARE_QUOTE, INTRODUCER

OPEN, CLOSE = "「『“", "」』”"
AUX_LEMMAS = {"する", "いる", "おる", "ある", "いく", "くる", "来る", "しまう", "おく", "れる", "られる", "せる", "させる", "行く"}
# Predicates that close a clause without being a fact themselves (…文書に署名し、…を確認しました).
BOUNDARY = {"署名", "調印", "発出", "面会", "意見交換", "会談", "発表", "協議", "議論", "握手"}
# Agreement verbs that end a point only at the end of a sentence: "…試みに反対し、…を確認した" is one point.
FINAL_ONLY = {"反対", "非難", "重視"}
# Speech verbs that, with both sides as subject, state a joint position (両首脳は…するとしています).
GROUP_SPEECH = {"とする", "歓迎", "表明", "鮮明", "明確", "強調", "発表", "呼び掛ける", "呼びかける"}
# Agreement verbs that still give an agreement inside reported speech (…認識を共有したと述べた).
EMBEDDABLE = {"一致", "合意", "共有"}
# Adverbs between the content and its predicate (…重要性を改めて確認).
TRAILING_ADVERBS = re.compile(r"(?:を|で|と)?(?:改めて|再度|再び|強く|高く|しっかりと|共に|引き続き|一致して|互いに|明確に)$")
CLAUSE_NOUNS = {"上", "後", "際", "ところ", "一方", "中", "うえ", "ほか", "他"}
PUNCT = {"、", "，", ",", "。"}
PROMISE = {"約束", "確約", "誓う", "表明", "明言", "伝える"}
# the plain non-past form, also before 旨 (…協力する旨の発言: attributive there)
PLAIN = ("終止形", "連体形")
# verbs whose plain form, reported as what a leader will do, is a promise (…全面的に協力する旨述べた)
ACTION_PROMISES = {"協力", "支援", "支持", "推進", "取り組む", "強化", "実施", "実現", "派遣", "提供", "拡大",
                   "投資", "開催", "訪問", "招待", "推薦", "貢献", "後押し", "対応"}
# speech acts about another's position, never the speaker's own commitment
STANCE = {"歓迎", "評価", "称賛", "感謝", "祝意", "謝意", "期待", "理解", "支持", "懸念", "得る"}
STATIVE = {"ある", "いる", "なる", "思う", "考える", "できる", "見る", "分かる", "わかる"}   # speech acts whose content is the speaker's own commitment
CONNECTIVES = re.compile(r"^(?:また|さらに|その上で|そのうえで|これに対し(?:て)?|一方|そして|加えて|併せて|なお|"
                         r"同時に|その中で|この中で|最後に|冒頭|冒頭で|はじめに|まず|次に|続いて|これを受け|その後)[、,]?")
TOPIC_PREFIX = re.compile(r"(?:について|に関し(?:て)?|をめぐり|を巡り|では)[、,]$")
INTENT_END = re.compile(r"([てで]いく|[てで]いきます|つもり|予定|方針|考え|決意|ことを決定した|ことを決めた|ことにした|く用意|[てで]いこう)"
                        r"(?:だ|です|である)?[。」]?$")


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
    if t.text == "の" and j + 2 < len(tokens) and tokens[j + 1].text == "に" and tokens[j + 2].lemma == "対する":
        return True     # …旨述べたのに対し、…: the reply opens a new clause
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
    if t.text == "と" and t.pos == "助詞" and nxt is not None and nxt.lemma == "する" and i > 0 and (
            tokens[i - 1].text in CLOSE or tokens[i - 1].pos in ("動詞", "助動詞", "形容詞")):
        j = group_end(tokens, i + 1)
        if (tokens[j - 1].text == "て" and j < len(tokens) and tokens[j].lemma not in ("いる", "おる")) or (
                j < len(tokens) and tokens[j].text == "て" and tokens[j].pos == "助詞"):
            return None   # …として、/ …としても: "as" or "considering that", not a report
        return ("speech", "とする", j) if clause_final(tokens, j) else None
    if t.lemma == "行う" and i >= 2 and tokens[i - 1].text == "を" and tokens[i - 2].text in BOUNDARY:
        j = group_end(tokens, i)
        return ("boundary", "行う", j) if clause_final(tokens, j) else None
    if t.pos == "名詞" and t.text in BOUNDARY and verbal:
        j = group_end(tokens, i + 1)
        return ("boundary", t.text, j) if clause_final(tokens, j) else None
    if t.pos == "名詞" and t.text in agree and not verbal and (nxt is None or nxt.text in ("。", "！")) and i > 0 \
            and tokens[i - 1].text in ("で", "を", "も", "と"):
        return ("agreement", agree[t.text], i + 1)    # 体言止め: …推進することで一致。
    if t.pos == "名詞" and t.text in agree and verbal:
        label = agree[t.text]
        if t.text in FINAL_ONLY:
            j = group_end(tokens, i + 1)
            if j >= len(tokens) or tokens[j].text == "。":
                return ("agreement", label, j)
            return ("agreement", label, j) if _own_point(tokens, j) else None
        if t.text == "確認" and i > 0 and tokens[i - 1].text == "再":
            label = "confirmed"
        j = group_end(tokens, i + 1)
        if j < len(tokens) and tokens[j].text == "と" and t.text in EMBEDDABLE:
            return ("agreement_embedded", label, j)     # …認識を共有したと明らかにした
        return ("agreement", label, j) if clause_final(tokens, j) else None
    speech = lex["speech"]
    if t.pos == "動詞" and t.lemma in speech and (t.pos2 != "非自立可能" or t.lemma == "得る"):
        j = group_end(tokens, i)
        if _progressive(tokens, i, j):
            return None
        if j + 1 < len(tokens) and tokens[j].text == "と" and tokens[j - 1].pos == "助動詞" and \
                tokens[j + 1].pos in ("動詞", "名詞", "補助記号"):
            return ("speech_embedded", t.lemma, j)   # Xは…考えを示したと(関係者が)明らかにした
        return ("speech", t.lemma, j) if clause_final(tokens, j) else None
    if t.pos == "名詞" and t.text in speech and verbal:
        j = group_end(tokens, i + 1)
        if _progressive(tokens, i + 1, j):
            return None
        return ("speech", t.text, j) if clause_final(tokens, j) else None
    if t.text in ("明らか", "鮮明", "明確") and nxt is not None and nxt.text == "に" and i + 2 < len(tokens) \
            and tokens[i + 2].lemma == "する":
        j = group_end(tokens, i + 2)
        return ("speech", t.text, j) if clause_final(tokens, j) else None
    if t.text in lex["speech_nouns_have"] and nxt is not None and nxt.text == "が" and i + 2 < len(tokens) \
            and tokens[i + 2].lemma in ("ある", "有る"):
        j = group_end(tokens, i + 2)
        return ("speech", t.text, j) if clause_final(tokens, j) else None
    return None


def _passive(tokens: list[Token], i: int, j: int) -> bool:
    return any(t.lemma in ("れる", "られる") for t in tokens[i + 1:j])


def _own_point(tokens: list[Token], j: int) -> bool:
    """After …に反対し、: does the next agreement verb take a noun of its own (…の重要性を確認) rather than
    a こと-clause that the opposition is part of (…反対し、…連携していくことを確認)?"""
    agree = _lex()["agreement"]
    for k in range(j, len(tokens) - 1):
        if tokens[k].text in agree and tokens[k + 1].lemma == "する":
            m = k - 1
            while m > j and tokens[m].pos in ("副詞",) or (m > j and tokens[m].text in ("を", "で", "も")):
                m -= 1
            return tokens[m].text != "こと"
        if tokens[k].text == "。":
            break
    return False


def _progressive(tokens: list[Token], i: int, j: int) -> bool:
    """…訴えてきており、 / …説明しており、: an aspect form continuing the sentence, not the end of a clause."""
    forms = "".join(t.text for t in tokens[i + 1:j])
    return j < len(tokens) and tokens[j].text == "、" and bool(re.search(r"て(?:き)?(?:おり|い(?:て)?)$", forms))


def skip_after(tokens: list[Token], j: int) -> int:
    """Start of the next clause: past 上で、 / 後、 / のに対し、 / punctuation after a predicate."""
    if j + 2 < len(tokens) and tokens[j].text == "の" and tokens[j + 1].text == "に" and tokens[j + 2].lemma == "対する":
        j += 3
        if j < len(tokens) and tokens[j].text == "て":
            j += 1
    while j < len(tokens) and (tokens[j].text in PUNCT or tokens[j].text in CLAUSE_NOUNS
                               or (tokens[j].pos == "助詞" and tokens[j].pos2 == "接続助詞")
                               or (tokens[j].text in ("で", "に", "は") and j > 0 and tokens[j - 1].text in CLAUSE_NOUNS)):
        j += 1
    return j


def _strip_content(text: str, kind: str, label: str) -> str:
    s = TRAILING_ADVERBS.sub("", text.strip(" 、,")).strip(" 、,")
    if kind == "agreement":
        s = re.sub(r"(?:こと(?:で|を)?も?|との認識で|という認識で|との考えで|旨で|を|で|に|も|と)$", "", s)
        s = re.sub(r"こと$", "", s)
        if label == "shared_view":
            s = re.sub(r"(?:について|に関し)?、?認識$", lambda m: "について" if m.group(0).startswith("について") else "", s)
            s = re.sub(r"(?:という|との)$", "", s)
    else:
        s = re.sub(r"(?:旨の|旨|という旨|との旨|と|、と|ことを|ことも|を|が|に|の|も)$", "", s)
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
        self._topic_third = False
        self._quote_lo = 0
        self._anchor = 0

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
        topic = ""
        for i, kind, label, j in preds:
            cands = subjects_in(ctx, toks, dep, lo, i, self.named)
            self._anchor = i
            pick = self.choose(toks, lo, cands, kind, label, subject)
            if kind == "speech" and pick is None and _passive(toks, i, j):
                lo = skip_after(toks, j)
                continue    # …が紹介されました: no speaker stated
            c_lo = lo
            prefix = ""
            if pick:
                pi, subj = pick
                subject = subj
                c_lo = pi + 1
                while c_lo < i and toks[c_lo].text in ("は", "、", ",", "，"):
                    c_lo += 1
                pre = ctx.text[toks[lo].start:subj.start] if lo < len(toks) else ""
                pre = CONNECTIVES.sub("", pre.strip(" 、,"))
                if TOPIC_PREFIX.search(pre + "、"):
                    prefix = topic = pre.rstrip("、, ") + "、"
                elif topic and not pre:
                    prefix = topic
            if kind == "speech_embedded":
                people = [c for c in cands if c[1].kind in ("person", "unnamed")]
                if people:
                    pi, who = people[-1]
                    e_lo = pi + 1
                    while e_lo < i and toks[e_lo].text in ("は", "、", ",", "，"):
                        e_lo += 1
                    raw = ctx.text[toks[e_lo].start:toks[i].start]
                    self.emit(s, toks, dep, e_lo, i, j, "speech", label, who, raw, toks[e_lo].start, "")
                    lo = skip_after(toks, j + 1)
                continue
            if kind == "agreement_embedded":
                a_lo = skip_after(toks, lo) if lo else 0
                raw = CONNECTIVES.sub("", ctx.text[toks[a_lo].start:toks[i].start])
                self.emit(s, toks, dep, a_lo, i, j, "agreement", label,
                          Subject("group", None, "両首脳", 0, 0, "は"), raw, toks[i].start - len(raw), "")
                continue
            if i <= c_lo or kind == "boundary":
                lo = skip_after(toks, j)
                continue
            if subject is None and kind == "agreement":
                subject = Subject("group", None, "両首脳", 0, 0, "は")   # a readout's agreement verb with no subject
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
        self.embedded_stance(s)
        self.quotes(s, toks, dep, subject)

    def choose(self, toks, lo, cands, kind, label, current):
        """The subject of a clause among its candidate phrases (None: keep the one in force).

        A speech verb wants a person or an official: a country or company named inside the clause is
        the subject of what was said (日本が…方針であることに触れ), unless nobody else is in
        force or the verb is a promise (日本は…と約束しました). With a subject in force, a が-marked
        phrase is taken to belong to the content (トランプ大統領が…写真に触れ「…」と述べた).
        Agreement verbs want both sides (両首脳は) first."""
        strong = [c for c in cands if c[1].particle in ("は", "から", "からは", "では")]
        # a が-phrase with no verb between it and the predicate is the predicate's own subject
        # (岸田総理大臣が最初に発言した); one followed by a verb belongs to a clause inside the content
        # (トランプ大統領が…銃撃された際の写真に触れ「…」と述べた)
        direct_ga = [c for c in cands if c[1].particle not in ("は", "から", "からは", "では")
                     and not any(t.pos == "動詞" for t in toks[c[0] + 1:self._anchor])]
        usable = (strong + direct_ga) if current is not None else (strong or cands)
        usable.sort(key=lambda c: c[0])
        if kind == "agreement":
            groups = [c for c in cands if c[1].kind == "group"]
            people = [c for c in usable if c[1].kind == "person"]
            return (groups or people or [None])[0]
        if kind == "speech":
            people = [c for c in usable if c[1].kind in ("person", "unnamed")]
            if people:
                return people[-1] if any(c[1].particle in ("から", "からは") for c in people) or len(people) == 1 \
                    else people[0]
            others = [c for c in usable if c[1].kind in ("country", "org")]
            if others and (current is None or current.kind not in ("person", "unnamed") or label in PROMISE):
                return others[0] if _at_start(toks, lo, others[0][1]) or current is None else None
            groups = [c for c in usable if c[1].kind == "group"]
            if groups and (current is None or label == "とする"):
                return groups[0]
            return None
        return (usable or [None])[0]

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
        elif kind == "agreement" or (group and label in GROUP_SPEECH):
            verb = label if kind == "agreement" else {"歓迎": "welcomed", "とする": "agreed"}.get(label, "other")
            if group or subject.kind in ("person", "country"):
                self.found.agreements.append(Agreement(text, verb, topics_of(text), cite))
            return
        if group:
            return
        # speech
        if label == "得る" and subject.particle not in ("から", "からは"):
            return
        if subject.kind in ("country", "org"):
            # a country or company is no speaker; what it undertakes is a commitment
            self.commitment_of(text, subject, cite, promise=label in PROMISE, tokens=toks[c_lo:i])
            return
        quotes = self.quoted_before(toks, dep, c_lo, i)
        if quotes:
            for qs, qe in quotes:
                body = ctx.text[qs:qe]
                if body.strip():
                    self.found.statements.append(Statement(subject.name, body, "direct", cite))
            return
        body = prefix + text
        resolved = False
        if re.fullmatch(r"(?:これ|それ|この点|その点|こうした考え|この考え)(?:を(?:支持|歓迎|評価|称賛)する)?", text):
            # これを歓迎: what was welcomed is the point stated just before in the same sentence
            prev = [st for st in self.found.statements if st.citation.start >= s.start]
            if not prev:
                return
            body = prev[-1].text
            resolved = True          # what another said and this one welcomed: not this one's commitment
        if len(body.strip()) < 4 or re.search(r"(?:に|にも|へ|から)$", body):
            return
        for part in re.split(r"旨[、,，](?:また[、,，])?", body):     # 文大統領から、…した旨、また、…していく旨の発言
            part = part.strip("、,， ")
            if len(part) < 4:
                continue
            self.found.statements.append(Statement(subject.name, part, "reported", cite))
            if subject.kind == "person" and not resolved and label not in STANCE:
                own = label in PROMISE or self.own_intention(part, toks[c_lo:i])
                self.commitment_of(part, subject, cite, promise=own, tokens=toks[c_lo:i])

    def own_intention(self, text: str, toks) -> bool:
        """Reported content that is the speaker's own undertaking: …を支持していく / …に全面的に協力する,
        with no other subject inside it (日米関係は…なっていく is a forecast, not a promise)."""
        if re.match(r"^[^、]{0,15}?(?:は|が)、?", text) and not re.match(r"^(?:我が国|わが国|日本)として", text):
            head = re.match(r"^([^、]{0,15}?)(?:は|が)", text).group(1)
            if head and (self.ctx.gaz.lookup(head) or re.search(r"関係|情勢|同盟|状況", head)):
                return False
        if re.search(r"[てで]いく$|[てで]いきます$", text) and not re.search(r"なっていく$|られていく$", text):
            return True
        verbs = [k for k, t in enumerate(toks) if t.pos == "動詞"]
        if not verbs:
            return False
        k = verbs[-1]
        v = toks[k]
        head = toks[k - 1].text if v.lemma == "する" and k > 0 and toks[k - 1].pos == "名詞" else v.lemma
        return v.form.startswith(PLAIN) and head in ACTION_PROMISES

    def quoted_before(self, toks, dep, lo, i) -> list[tuple[int, int]]:
        """Offsets of the top-level quotations in tokens[lo:i] that end in 」と (…」と述べ / …」と期待を示し)."""
        out = []
        for k in range(lo, i - 1):
            if toks[k].text in CLOSE and dep[k] == 0 and toks[k + 1].text == "と":
                if any(t.pos == "動詞" and dep[n] == 0 for n, t in enumerate(toks[k + 2:i], k + 2)):
                    continue   # 「…」と質問されたのに対し「…」とかわし: the first quotation belongs to another verb
                span = _quote_span(toks, dep, k, lo)
                if span and span[1] > span[0]:
                    out.append((toks[span[0]].start, toks[span[1]].start))
        return out

    def commitment_of(self, text: str, subject: Subject, cite, promise: bool = False, tokens=None) -> None:
        lex = _lex()
        if promise and tokens and not re.search(r"(?:こと|の)$", text):
            # …推薦すると伝えました is a report; …推薦すると約束/表明しました a promise: keep only plain action verbs
            verbs = [t for t in tokens if t.pos == "動詞"]
            wish = bool(re.search(r"たい$", text))
            if not wish and (not verbs or not verbs[-1].form.startswith(PLAIN) or verbs[-1].lemma in STATIVE):
                promise = False
        nouns = "|".join(sorted(lex["commitment_nouns"], key=len, reverse=True))
        m = re.search(rf"^(.*?)(?:という|との|とする)?(?:への|に対する|の)?(?:揺るぎない|強い|確固たる|断固たる|不動の|固い)?"
                      rf"(?:{nouns})(?:であること|であり|である)?$", text)
        body = m.group(1) if m else (text if promise else None)
        if body is None and re.search(r"(?:関与|コミットメント|防衛義務)は(?:揺るぎない|揺るぎません|不変|変わらない)$", text):
            body = text    # the formula of a commitment: 日本の防衛に対する米国のコミットメントは揺るぎない
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
        body = re.sub(r"(?:こと|の)$", "", body)
        lead = re.match(r"^([^、。]{2,15}?)(?:が|は)、?", body)
        if lead:
            ent = self.ctx.gaz.lookup(lead.group(1))
            if ent and self.ctx.gaz.entities[ent].kind in ("country", "org") and \
                    len(self.ctx.gaz.entities[ent].name("ja")) * 2 >= len(lead.group(1)):
                e = self.ctx.gaz.entities[ent]
                subject = Subject(e.kind, e.id, e.name("ja"), 0, 0, "が")
                body = body[lead.end():]
        if len(body) < 4 or re.search(r"べき(?:だ)?$|一致したい|確認したい|(?:歓迎|評価|期待|感謝)する$", body):
            return
        self.add_commitment(subject, body, cite)

    def add_commitment(self, subject: Subject, body: str, cite) -> None:
        ctx = self.ctx
        import datetime as dt
        ref = dt.date.fromisoformat(ctx.event_date) if ctx.event_date else ctx.ref_date
        self.found.commitments.append(Commitment(subject.name, body, parse_amount(body), deadline_of(body, ref),
                                                 cite, topics_of(body)))

    def embedded_stance(self, s) -> None:
        """Xが…に取り組む姿勢を明確にした / Xは…する方針を示した, inside a larger sentence."""
        for m in re.finditer(r"([^、。「」]{2,20}?)(?:が|は)、?([^。「」]{4,80}?)(?:という|との)?(姿勢|方針|意向|決意)を"
                             r"(?:明確に|鮮明に|示|表明|伝え|説明|強調)", s.text):
            if m.start(2) < 0:
                continue
            ent = self.ctx.gaz.lookup(m.group(1))
            if not ent:
                continue
            e = self.ctx.gaz.entities[ent]
            tail = s.text[m.end():m.end() + 4]
            if not re.match(r"(?:した|し)(?:こと|ため|の)", tail):
                continue     # the clause-final case is handled by the clause reader
            self.add_commitment(Subject(e.kind, e.id, e.name("ja"), 0, 0, "が"), m.group(2),
                                self.ctx.cite(s.start + m.start(), s.start + m.end(), "kaidan.commitment_ja.v1"))

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
        if re.search(r"一致したい|確認したい|共有したい", body):
            return
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
                self._quote_lo = i + 1
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
        cite = ctx.cite(toks[lo].start, toks[hi - 1].end, "kaidan.commitment_ja.v1")
        third = self.third_party(toks, self._quote_lo)
        # agreements reported by the speaker: …ことで一致した / …を確認した
        m_dec = re.search(r"^(?:[^。]*?については)?(.+?)ことになった$", text.rstrip("。」"))
        if m_dec and not self._topic_third:
            body = text[:m_dec.end(1)]
            self.found.agreements.append(Agreement(body, "agreed", topics_of(body), cite))
        for i in range(lo, hi):
            if dep[i] != 1:
                continue
            p = predicate(toks[:hi], i)
            if p and p[0] == "agreement":
                raw = ctx.text[toks[lo].start:toks[i].start]
                m = re.match(r"^(?:[^、。]*?(?:との間で|と私は|私は|私から|われわれは)、?)", raw)
                who = re.match(r"^(彼ら|同社|同国)(?:は|も|が)、?", raw)
                raw = raw[m.end():] if m else raw
                if who and third:
                    self.add_commitment(third, _strip_content(raw[who.end():], "agreement", p[1]), cite)
                    continue
                if self._topic_third and third:
                    continue       # a company's decision quoted under "Xについて": its commitment, found below
                body = _strip_content(CONNECTIVES.sub("", raw), "agreement", p[1])
                if len(body) >= 4:
                    acite = ctx.cite(toks[lo].start, toks[p[2] - 1].end, "kaidan.agreement_ja.v1")
                    self.found.agreements.append(Agreement(body, p[1], topics_of(body), acite))
        # a pledge passed on inside the quotation: 私から『…したい』とトランプ大統領に伝えた / …用意があると伝えた
        for m in re.finditer(r"『([^『』]+)』と[^。]*?伝え", text):
            self.add_commitment(speaker, m.group(1), cite)
        for m in re.finditer(r"(?:^|。|、)(?:また)?(?:私からは|私から|私は)?、?([^。「」『』]+?)(?:への|に向けた)?"
                             r"(?:という|との)?(用意|決意|意思)(?:が|を)(?:改めて)?(?:ある|あり|表明|伝え|示)", text):
            body = re.sub(r"^(?:私からは|私から|私は)、?", "", m.group(1))
            self.add_commitment(speaker, body, cite)
        for m in re.finditer(r"([^。「」]+?)(?:という|との)?(?:考え|方針|決意|姿勢)(?:は|に)変わり?(?:ない|はない|ありません)", text):
            self.add_commitment(self.country_of_speaker(speaker) or speaker, m.group(1), cite)
        # clauses of intention: …していく / …するつもりだ / …する予定だ / …を目指している
        for part in re.split(r"(?:(?<=つもりだ)|(?<=予定だ)|(?<=予定です))が、", text):
            self.intent(part, speaker, third, cite)

    def intent(self, text: str, speaker: Subject, third: Subject | None, cite) -> None:
        ctx = self.ctx
        t = text.rstrip("。」")
        m = re.match(r"^(?:[^、。「」はが]*?、)?(アメリカ|米国|日本|われわれ|我々|私たち|私|わが国|我が国|彼ら|同社|[^、。「」]{2,12}?)(?:は|も|が)、?", t)
        actor, body = speaker, t
        explicit = False
        if m:
            who = m.group(1)
            if any(who.endswith(g) for g in _lex()["group_subjects"]):
                return
            if who in ("われわれ", "我々", "私たち", "わが国", "我が国"):
                actor, explicit = self.country_of_speaker(speaker) or speaker, True
            elif who in ("彼ら", "同社") and third:
                actor, explicit = third, True
            elif who == "私":
                explicit = True
            else:
                # the phrase must be headed by the entity: 日本との貿易赤字は is about a deficit, not Japan
                subj = resolve_phrase(ctx, who, 0, 0, "は", self.named)
                if subj and subj.kind in ("person", "country", "org"):
                    actor, explicit = subj, True
            if explicit:
                body = t[m.end():]
        if not explicit and third is not None and self._topic_third:
            actor = third
        intent = INTENT_END.search(t) or re.search(r"(?:を)?目指(?:す|している|します)$", t)
        plain = explicit and self.plain_action(t)
        if not (intent or plain):
            return
        if re.search(r"だろう|でしょう|かもしれない|と思う|と聞いて|期待|一致したい|確認したい|べき", t):
            return
        body = re.sub(r"(?:ことを)?(?:つもり|予定|方針|考え|決意|目指(?:す|している|します))?(?:だ|です|である)?$", "", body)
        body = body.strip("、 ")
        if actor.kind == "unnamed":
            actor = self.country_of_speaker(actor)
            if actor is None:
                return
        if len(body) >= 4:
            self.add_commitment(actor, body, cite)

    def plain_action(self, text: str) -> bool:
        """Ends in the plain non-past form of an action verb (…に関与する, …つながりを持つ)."""
        toks = tokenize(text)
        verbs = [t for t in toks if t.pos == "動詞"]
        if not toks or not verbs or toks[-1] is not verbs[-1]:
            return False
        return verbs[-1].form.startswith("終止形") and verbs[-1].lemma not in STATIVE

    def third_party(self, toks, lo) -> Subject | None:
        """The company or country named right before a quotation (Xについて「…」), for 彼ら / 同社 inside it."""
        ctx = self.ctx
        before = ctx.text[max(0, toks[lo].start - 60):toks[lo].start]
        self._topic_third = bool(re.search(r"について(?:も)?[、,]?「$", before))
        ms = ctx.gaz.mentions(before)
        orgs = [m for m in ms if m.kind == "org"]
        if orgs:
            e = ctx.gaz.entities[orgs[0].entity]
            return Subject(e.kind, e.id, e.name("ja"), 0, 0, "は")
        return None

    def country_of_speaker(self, speaker: Subject) -> Subject | None:
        ctx = self.ctx
        c = ctx.gaz.country_of(speaker.entity) if speaker.entity else None
        if c is None and speaker.kind == "unnamed":
            ent = ctx.gaz.lookup(speaker.name)
            c = ctx.gaz.country_of(ent) if ent else None
            if c is None:
                m = re.match(r"^(米|日|英|仏|独|中|韓|印|露|豪)", speaker.name)
                c = {"米": "US", "日": "JP", "英": "GB", "仏": "FR", "独": "DE", "中": "CN", "韓": "KR", "印": "IN",
                     "露": "RU", "豪": "AU"}.get(m.group(1)) if m else None
        if not c or f"country:{c}" not in ctx.gaz.entities:
            return None
        e = ctx.gaz.entities[f"country:{c}"]
        return Subject("country", e.id, e.name("ja"), 0, 0, "は")


def introduced_quotes(an: JaClauses, sentences: list[Sentence]) -> None:
    """A quotation standing alone, with its speaker in the sentence before or after it
    (「…」。 石破総理大臣はこう強調しました。 / 首相は次のように述べた。「…」)."""
    ctx = an.ctx
    for n, s in enumerate(sentences):
        if not BARE_QUOTE.match(s.text):
            continue
        for other in (sentences[n + 1] if n + 1 < len(sentences) else None, sentences[n - 1] if n else None):
            if other is None or not INTRODUCER.search(other.text):
                continue
            toks = ctx.tokens(other)
            cands = subjects_in(ctx, toks, depths(toks), 0, len(toks), an.named)
            people = [c[1] for c in cands if c[1].kind in ("person", "unnamed")]
            if people:
                inner = s.text.strip().rstrip("。")
                an.found.statements.append(Statement(people[0].name, inner[1:-1], "direct",
                                                     ctx.cite(s.start, s.end, "kaidan.statement_ja.v1")))
                break


def extract(ctx: DocContext, sentences: list[Sentence]) -> Found:
    an = JaClauses(ctx)
    for s in sentences:
        an.sentence(s)
    introduced_quotes(an, sentences)
    return an.found
