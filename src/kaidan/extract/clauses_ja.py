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

from ..nlp import Sentence
from ..records import Agreement, Commitment, Statement
from ..text import alternation
from .commitments_ja import CommitmentReader, same_undertaking
from .context import DocContext
from .grammar_ja import (CLOSE, CONNECTIVES, OPEN, GROUP_SPEECH, PROMISE, STANCE, TOPIC_PREFIX, _at_start, _passive,
                         group_end, _lex, _quote_span, _strip_content, cited, depths, heads, predicate, rule_id, rules, skip_after,
                         thought_frame, together)
from .quotes_ja import QuoteReader, headline_quotes, introduced_quotes
from .subjects import Subject, subjects_in
from .topics import topics_of

DECISION = set(rules("commitments")["decision"]["verbs"])
LIST = rules("agreements")["list_item"]
MANNER = rules("statements")["quote_manner"]["verbs"]    # verbs that report speech only after 」と
CUT_TAIL = re.compile(rules("agreements")["cut_tail"]["tail"])
# verbs that with a case particle form a compound particle (に対し / について / として / に向け): no predicate
PARTICLE_VERBS = {"対する", "関する", "つく", "付く", "する", "よる", "因る", "向ける", "おく", "於く", "わたる", "渡る",
                  "際する", "伴う", "基づく", "通じる", "通ずる", "めぐる", "巡る"}
_REPORTED = rules("statements")["reported"]
# the occasion or the addressee of a speech right after its speaker (会談で、/ 記者団に対し、)
OCCASION = re.compile(
    rf"^(?:(?:{alternation(_REPORTED['occasions'])})(?:の冒頭|の席|の場)?(?:では|で|において)"
    rf"|(?:{alternation(_REPORTED['addressees'])})に(?:対し(?:て)?)?)[、,，]?")
CLAUSE_ADJUNCTS = ("他", "ほか")    # …一致している他,: a nominal "besides" closing a point
SENTENCE_END = ("。", "．", "！", "？", "!", "?", "」", "』", ")", "）")
# a headline's subject set off by a space or comma, with no particle (日英首脳 防衛協力の強化で一致)
HEADLINE_SIDES = re.compile(r"^[^\s、,]{0,8}(?:首脳|両国|両首相)[\s　、,]+")

@dataclass(frozen=True)
class Clause:
    """One clause of a sentence, as the readers of each fact type see it: who (subject), the predicate (kind,
    label, the token that heads it), the content (its tokens and text) and the modality of the content."""
    sentence: Sentence
    tokens: tuple             # the sentence's tokens
    depth: tuple              # bracket depth of each token
    lo: int                   # first token of the content
    head: int                 # the predicate's token
    end: int                  # the token after the predicate's verb group
    kind: str                 # agreement, speech, decision
    label: str                # verb label (agreed, confirmed …) or the speech verb's lemma
    subject: Subject
    raw: str                  # the content as written, from raw_start
    raw_start: int
    prefix: str = ""          # a topic phrase the content inherits (…については、)
    how: str | None = None    # the rule when the caller fixes it (embedded)
    stated: bool = True       # the subject is named in this clause (not carried from before)

    @property
    def content_tokens(self) -> tuple:
        return self.tokens[self.lo:self.head]

    @property
    def nominal(self) -> bool:
        """体言止め: the predicate is a bare verbal noun ending the sentence (…で一致。 / …と強調。)."""
        return self.end == self.head + 1 and self.tokens[self.head].pos == "名詞"

    @property
    def modality(self) -> str:
        """promise (a promise verb), decision, wish (…たい), intent (…していく / a noun of intention), plain
        (a plain non-past verb) or other: what the content says about the future."""
        if self.kind == "decision" or (self.kind == "agreement" and self.tokens[self.head].text in DECISION):
            return "decision"
        if self.label in PROMISE:
            return "promise"
        words = [t for t in self.content_tokens if t.pos not in ("助詞", "補助記号") and t.text not in ("旨",)]
        if not words:
            return "other"
        last = words[-1]
        if last.lemma == "たい":
            return "wish"
        if last.text in _lex()["commitment_nouns"] or (last.lemma in ("いく", "行く") and len(words) > 1):
            return "intent"
        if last.pos == "動詞" and last.form.startswith(("終止形", "連体形")):
            return "plain"
        return "other"


@dataclass
class Found:
    agreements: list[Agreement] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@dataclass(slots=True)
class _Reading:
    """One sentence as its predicates are read in turn, and what each hands on to the next."""
    s: Sentence
    toks: list
    dep: list[int]
    heading: bool                          # a headline (no 。, short, no past or polite end)
    preds: list[tuple[int, str, str, int]]  # (head, kind, label, end) of each predicate
    cut_at: int | None                     # the cut point of a document cut inside this sentence
    subject: Subject | None                # the subject in force: stated in the sentence, or carried into it
    carried: Subject | None                # the subject carried from the sentence before
    lo: int = 0                            # first token of the next predicate's content
    chain: bool | None = None              # a chain of both sides' agreements, read without the carried speaker
    topic: str = ""                        # the topic phrase (…については、) the contents after it inherit


class JaClauses(CommitmentReader, QuoteReader):
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.found = Found()
        self.lex_agreement = _lex()["agreement"]
        self.carry: Subject | None = None
        self.named: list[str] = []
        self._topic_third = False
        self._quote_lo = 0
        self._anchor = 0
        self._dep: list[int] = []
        self._list: tuple[str, int] | None = None     # (verb, line) of an agreement pointing to a list
        self._item_line = -1
        self._told: list[tuple[int, int]] = []        # spans of nominalised reports (「…」と首相が述べた)

    # -- one sentence ---------------------------------------------------------
    def sentence(self, s: Sentence) -> None:
        """Read one sentence: each predicate in turn with its subject and content, then what is read over the
        whole sentence (a cut speech, a sentence-final intent, a stance, the quotations)."""
        toks = self.ctx.tokens(s)
        if not toks:
            return
        if self._list and self.list_item(s):
            return
        self._note_named(s)
        dep = depths(toks, s.text)
        self._dep = dep
        self.nominalised_speech(s, toks, dep)
        heading = "。" not in s.text and len(s.text) < 45 and not s.text.endswith(("た", "す"))
        preds, cut_at = self._predicates(s, toks, dep)
        carried = None if heading else self.carry
        r = _Reading(s, toks, dep, heading, preds, cut_at, subject=carried, carried=carried)
        for n_pred, (i, kind, label, j) in enumerate(preds):
            if not self._read_predicate(r, n_pred, i, kind, label, j):
                break
        self._end_sentence(r)

    def _note_named(self, s: Sentence) -> None:
        """The people the sentence names, added in order of first mention to those of the document so far."""
        for m in self.ctx.mentions(s):
            if m.kind == "person" and m.entity not in self.named:
                self.named.append(m.entity)

    def _predicates(self, s: Sentence, toks, dep) -> tuple[list[tuple[int, str, str, int]], int | None]:
        """(head, kind, label, end) of each predicate outside brackets, in order, then the cut point of a
        document cut inside its last sentence as an agreement; and that cut point (None where there is none)."""
        preds = []
        for i in heads(toks):       # no other token heads a predicate
            if dep[i] == 0:
                p = predicate(toks, i)
                if p:
                    preds.append((i,) + p)
        cut_at = self.cut_tail(s, toks, dep)
        if cut_at is not None:
            preds.append((cut_at, "agreement", "other", len(toks)))
        return preds, cut_at

    def _read_predicate(self, r: _Reading, n_pred: int, i: int, kind: str, label: str, j: int) -> bool:
        """Read the clause that predicate ``n_pred`` (head i, verb group ending before j) closes; False when
        the rest of the sentence is not to be read."""
        toks = r.toks
        cands = subjects_in(self.ctx, toks, r.dep, r.lo, i, self.named)
        self._anchor = i
        pick = self.choose(toks, r.lo, cands, kind, label, r.subject)
        who = pick[1] if pick else r.subject
        if self._passed_over(r, n_pred, i, kind, label, j, pick, who):
            return True
        c_lo, prefix = self._content_start(r, i, kind, pick)
        if kind == "speech_embedded":
            self._embedded_speech(r, cands, i, label, j)
            return True
        if kind == "agreement_embedded":
            self._embedded_agreement(r, i, label, j)
            return True
        if kind == "boundary" and label == "発表" and who is not None and who.kind == "unnamed" \
                and self.quoted_before(toks, r.dep, c_lo, i):
            kind = "speech"     # 報道官は「…」と発表した: an official's announcement quoted is what it said
        if i <= c_lo or kind == "boundary":
            r.lo = skip_after(toks, j)
            return True
        if r.subject is None and kind == "agreement" and r.heading and label in ("welcomed", "opposed"):
            r.lo = skip_after(toks, j)
            return True     # a headline's 総理笑顔で歓迎: one side's welcome, no subject to make it both sides'
        if i == r.cut_at and (r.subject is None or r.subject.kind not in ("group", "self")):
            return False    # a cut point of one side only: what it would have said is unknown
        if kind == "agreement" and pick is None and r.subject is not None and r.subject is r.carried \
                and r.subject.kind not in ("group", "self") and _both_sides_chain(toks, i, j):
            # …協力にも合意し、…姿勢を鮮明にした: the chain's subject is both sides, not the one speaker
            # carried from the sentence before; the rest of the chain states no speaker, and the sentence
            # hands on the speaker carried into it
            r.subject, r.chain = None, True
        if r.subject is None and kind == "agreement":
            r.subject = Subject("group", None, "両首脳", 0, 0, "は")   # a readout's agreement verb with no subject
        raw, raw_start = self._content(r, c_lo, i, kind)
        if r.subject is not None:
            self.emit(Clause(r.s, tuple(toks), tuple(r.dep), c_lo, i, j, kind, label, r.subject, raw, raw_start,
                             prefix, how="cut_tail" if i == r.cut_at else
                             "quote_manner" if kind == "speech" and label in MANNER else None,
                             stated=pick is not None))
        r.lo = skip_after(toks, j)
        if r.chain:
            r.subject = r.chain = None
        return True

    def _passed_over(self, r: _Reading, n_pred: int, i: int, kind: str, label: str, j: int, pick, who) -> bool:
        """A predicate that closes no clause of its own: a stance ahead of the same speaker's turn, a predicate
        joined to the next one, a passive report with no speaker (True; what comes next is set for the next)."""
        toks = r.toks
        if kind == "agreement" and toks[i].text == "重視" and who is not None and who.kind == "person" \
                and any(k == "speech" for _, k, _, _ in r.preds[n_pred + 1:]):
            # 安倍総理から、日本は…を極めて重視しており、…と述べた: one speaker's stance ahead of the turn
            r.subject, r.lo = who, skip_after(toks, j)
            return True
        if self.joins_next(toks, i, j, kind, label, who, r.preds[n_pred + 1:]):
            return True     # 安倍総理から、…訪日を歓迎し、…に感謝を述べた: one speaker's turn, one statement
        if kind == "speech" and pick is None and _passive(toks, i, j) and not (
                r.subject is not None and r.subject.start >= r.s.start and r.subject.particle in ("から", "からは")):
            r.lo = skip_after(toks, j)
            return True     # …が紹介されました: no speaker stated
        return False

    def _content_start(self, r: _Reading, i: int, kind: str, pick) -> tuple[int, str]:
        """(first token of the content, the topic phrase it inherits): after the subject picked, which becomes
        the subject in force, and its particles; a topic phrase before the subject is remembered."""
        toks, lo = r.toks, r.lo
        c_lo, prefix = lo, ""
        if pick:
            pi, subj = pick
            r.subject = subj
            c_lo = pi + 1
            while c_lo < i and toks[c_lo].text in ("は", "も", "、", ",", "，"):
                c_lo += 1
            pre = self.ctx.text[toks[lo].start:subj.start] if lo < len(toks) else ""
            pre = CONNECTIVES.sub("", pre.strip(" 、,"))
            if TOPIC_PREFIX.search(pre + "、"):
                prefix = r.topic = pre.rstrip("、, ") + "、"
            elif r.topic and not pre:
                prefix = r.topic
        if pick and kind == "speech" and self.quote_then_speaker(toks, r.dep, lo, c_lo, i, pick[1]):
            c_lo = lo       # 「…」と岸田首相は(記者団に)述べた: the quotation before the speaker is what was said
        return c_lo, prefix

    def _embedded_speech(self, r: _Reading, cands, i: int, label: str, j: int) -> None:
        """Xは…考えを示したと(関係者が)明らかにした: the last person among the subjects said the content; the
        next content starts after the reporting verb."""
        people = [c for c in cands if c[1].kind in ("person", "unnamed")]
        if not people:
            return
        toks = r.toks
        pi, who = people[-1]
        e_lo = pi + 1
        while e_lo < i and toks[e_lo].text in ("は", "、", ",", "，"):
            e_lo += 1
        raw = self.ctx.text[toks[e_lo].start:toks[i].start]
        self.emit(Clause(r.s, tuple(toks), tuple(r.dep), e_lo, i, j, "speech", label, who, raw,
                         toks[e_lo].start, "", "embedded"))
        lo = skip_after(toks, j + 1)
        if lo < len(toks) and toks[lo].text in ("共に", "ともに"):
            lo = skip_after(toks, lo + 1)     # …謝意が示されると共に、…: "as well as" opens the next clause
        elif lo + 1 < len(toks) and toks[lo].text in ("共", "とも") and toks[lo + 1].text == "に":
            lo = skip_after(toks, lo + 2)
        r.lo = lo

    def _embedded_agreement(self, r: _Reading, i: int, label: str, j: int) -> None:
        """…認識を共有したと明らかにした: both sides agreed on the content before the embedded agreement."""
        toks = r.toks
        a_lo = skip_after(toks, r.lo) if r.lo else 0
        raw = CONNECTIVES.sub("", self.ctx.text[toks[a_lo].start:toks[i].start])
        self.emit(Clause(r.s, tuple(toks), tuple(r.dep), a_lo, i, j, "agreement", label,
                         Subject("group", None, "両首脳", 0, 0, "は"), raw, toks[i].start - len(raw), "",
                         "embedded"))

    def _content(self, r: _Reading, c_lo: int, i: int, kind: str) -> tuple[str, int]:
        """(content as written, its offset) from token c_lo to the predicate's head, without a leading
        connective (a headline's sides) and, for speech, the occasion it was said on."""
        raw_start = r.toks[c_lo].start
        raw = self.ctx.text[raw_start:r.toks[i].start]
        stripped_lead = CONNECTIVES.match(raw) or (r.heading and HEADLINE_SIDES.match(raw))
        if stripped_lead:
            raw_start += stripped_lead.end()
            raw = raw[stripped_lead.end():]
        occasion = OCCASION.match(raw) if kind == "speech" else None
        if occasion and len(raw) - occasion.end() >= 4:
            raw_start += occasion.end()      # 首相は会談で、…と伝えた: where it was said, not what
            raw = raw[occasion.end():]
        return raw, raw_start

    def _end_sentence(self, r: _Reading) -> None:
        """The subject handed on to the next sentence, then the readers of the whole sentence."""
        if r.preds and r.subject is not None:
            self.carry = r.subject
        elif r.heading:
            self.carry = None
        s, toks, dep = r.s, r.toks, r.dep
        self.cut_speech(s, toks, dep, r.lo, r.subject, any(p[1] == "speech" for p in r.preds))
        self.sentence_final_intent(s, toks, dep)
        self.embedded_stance(s)
        self.quotes(s, toks, dep, r.subject)

    def cut_tail(self, s: Sentence, toks, dep) -> int | None:
        """The token where a document cut in the middle of its last sentence stops after the complement marker
        of an agreement (…緊密に協力していくことで一): the head of a predicate whose verb is lost, or None."""
        text = self.ctx.text
        if text[s.end:].strip() or s.text.rstrip().endswith(SENTENCE_END) or dep[-1]:
            return None
        m = CUT_TAIL.search(s.text.rstrip())
        if m is None:
            return None
        at = s.start + m.start()
        return next((n for n, t in enumerate(toks) if t.start == at), None)

    def cut_speech(self, s: Sentence, toks, dep, lo: int, subject: Subject | None, spoke: bool) -> None:
        """A speaker's turn cut by the end of the document before its speech verb (安倍総理から,…貢献していく,
        …推進中であり,大統) : the points complete before the last comma are what was said (rule cut_speech),
        and a point in the declarative future (…していく,) is the speaker's undertaking, as before 旨."""
        ctx = self.ctx
        if ctx.text[s.end:].strip() or s.text.rstrip().endswith(SENTENCE_END) or dep[-1] or lo >= len(toks):
            return
        cands = [c for c in subjects_in(ctx, toks, dep, lo, len(toks), self.named)
                 if c[1].kind == "person" and _at_start(toks, lo, c[1])]
        if cands:
            pi, subject = cands[0]
            lo = pi + 1
        if subject is None or subject.kind != "person" or not (
                subject.particle in rules("statements")["cut_speech"]["speaker_marks"] or spoke):
            return      # only a speaker's turn: a cut clause of another verb (首相は…を訪問し、…) may say nothing
        commas = [k for k in range(lo, len(toks)) if toks[k].text in ("、", ",", "，") and not dep[k]]
        if not commas:
            return
        k, forms = commas[-1] - 1, ("終止形", "連用形")
        if toks[k].text in CLAUSE_ADJUNCTS:
            k, forms = k - 1, ("連体形",)      # …で一致している他,: "besides" after a complete point
        if k <= lo or toks[k].pos not in ("動詞", "助動詞") or not toks[k].form.startswith(forms) or (
                toks[k - 1].text in ("に", "と", "を") and toks[k].lemma in PARTICLE_VERBS):
            return      # the content before the cut is no complete point (…無償譲渡は, / …協力に対し,)
        while lo < k and toks[lo].text in ("は", "も", "、", ",", "，"):
            lo += 1
        start = toks[lo].start
        lead = CONNECTIVES.match(ctx.text[start:toks[k].end])
        if lead:
            start += lead.end()
        text = ctx.text[start:toks[k].end]
        if len(text) < 4:
            return
        cite = ctx.cite(start, toks[k].end, rule_id("statements", "cut_speech"))
        self.found.statements.append(Statement(subject.name, text, "reported", cite))
        first = next((n for n in range(lo, k + 1) if toks[n].start >= start), lo)
        for a, b in self._points(toks, dep, first, k + 1):
            part = ctx.text[toks[a].start:toks[b - 1].end]
            own = self.own_intention(part, toks[a:b], subject)
            if own:
                self.commitment_of(part, subject, cite, promise=True, tokens=toks[a:b],
                                   via=own)

    @staticmethod
    def _points(toks, dep, lo: int, hi: int) -> list[tuple[int, int]]:
        """Token ranges of the points of one reported content, split at a comma after a plain non-past form
        (…貢献していく,この一環として…): the way readouts list one speaker's points before 旨."""
        out, a = [], lo
        for n in range(lo, hi):
            if toks[n].text in ("、", ",", "，") and not dep[n] and n > a and toks[n - 1].form.startswith("終止形"):
                out.append((a, n))
                a = n + 1
        if a < hi:
            out.append((a, hi))
        return out

    def nominalised_speech(self, s, toks, dep) -> None:
        """「…」と首相が述べたことを強調した: a quotation, its speaker (が/は) and a past speech verb nominalised
        by こと/の inside a larger clause: what that speaker said."""
        speech = _lex()["speech"]
        for i in range(3, len(toks) - 2):
            t = toks[i]
            if dep[i] or t.pos != "動詞" or t.lemma not in speech or toks[i - 1].text not in ("が", "は"):
                continue
            j = group_end(toks, i)
            if j >= len(toks) or toks[j].text not in ("こと", "の") or toks[j - 1].text != "た":
                continue
            cands = [c for c in subjects_in(self.ctx, toks, dep, 0, i, self.named)
                     if c[0] == i - 1 and c[1].kind in ("person", "unnamed")]
            if not cands:
                continue
            who = cands[0][1]
            k = next((n for n in range(i - 2, 0, -1) if toks[n].start < who.start), None)
            if k is None or toks[k].text != "と" or toks[k - 1].text not in CLOSE or dep[k - 1]:
                continue
            span = _quote_span(toks, dep, k - 1, 0)
            if span and span[1] > span[0]:
                a, b = toks[span[0]].start, toks[span[1]].start
                # what leads to the quotation in its clause (…宣言を含め、「…」) and the topic it inherits
                # (…については、) are part of what was said
                lead = CONNECTIVES.sub("", self.ctx.text[s.start:a - 1].strip())
                text, mode = (lead + self.ctx.text[a - 1:b + 1], "reported") if lead.strip() else \
                    (self.ctx.text[a:b], "direct")
                cite = self.ctx.cite(b + 1 - len(text) if lead.strip() else a - 1, toks[j - 1].end,
                                     rule_id("statements", "embedded"))
                self.found.statements.append(Statement(who.name, text, mode, cite))
                self._told.append((a, toks[j - 1].end))

    def quote_then_speaker(self, toks, dep, lo, c_lo, i, subj) -> bool:
        """News order 「…」と + speaker + (adjunct) + speech verb: a top-level quotation closed by 」と right
        before the speaker's phrase, and no quotation between the speaker and the verb."""
        if any(t.text in OPEN and not dep[n] for n, t in enumerate(toks[c_lo:i], c_lo)):
            return False
        for k in range(lo, c_lo):
            if toks[k].text in CLOSE and not dep[k] and k + 2 < len(toks) and toks[k + 1].text == "と" \
                    and toks[k + 2].start == subj.start:
                return True
        return False

    @staticmethod
    def joins_next(toks, i, j, kind, label, who, rest) -> bool:
        """A stance verb in the continuative form (歓迎し、/ 感謝し、) of one speaker, before that speaker's
        speech verb later in the sentence, continues the same statement instead of ending one; both sides'
        歓迎し、…で一致 stays two agreements."""
        if who is None or who.kind not in ("person", "unnamed"):
            return False
        stance = (kind == "agreement" and label == "welcomed") or (kind == "speech" and label in STANCE)
        continuative = j < len(toks) and toks[j].text in ("、", ",", "，") and toks[j - 1].text == "し"
        if not stance or not (continuative or together(toks, j)):
            return False     # …を歓迎し、/ …を歓迎するとともに、: the same turn goes on
        if i > 0 and toks[i - 1].text in ("旨", "と"):
            return False
        nxt = next((h for h, k, _, _ in rest if k == "speech"), None)
        # …を歓迎し、「…」と述べた: the quotation is a statement of its own
        return nxt is not None and not any(t.text in OPEN for t in toks[j:nxt])

    def list_item(self, s: Sentence) -> bool:
        """One point of the list an agreement pointed to ((ア)…こと。 / • …の開催。これを含む…の確認。)."""
        ctx = self.ctx
        m = re.match(LIST["markers"], s.text)
        if not m and s.line != self._item_line:
            if s.line > self._list[1] and s.text.strip():
                self._list = None       # the list has ended
            return False
        self._item_line = s.line
        body = s.text[m.end():] if m else s.text
        off = s.start + (m.end() if m else 0)
        lead = len(body) - len(body.lstrip())
        body, off = body.strip(), off + lead
        verb = self._list[0]
        text = re.sub(r"[。.]$", "", body)
        closing = re.search(r"(?:の|を)?(確認|一致|合意)$", text)
        if closing:
            verb = self.lex_agreement[closing.group(1)]
            text = text[:closing.start()]
        text = re.sub(r"こと$", "", text).strip("、, ")
        cut = not re.search(r"[。.]$", body) and not ctx.text[s.end:].strip()   # the page ends inside the item
        if len(text) >= 4 and not cut:
            cite = ctx.cite(off, off + len(body), rule_id("agreements", "list_item"))
            self.found.agreements.append(Agreement(text, verb, topics_of(text), cite))
        return True

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
                     and not any(t.pos == "動詞" and not self._dep[n]
                                 for n, t in enumerate(toks[c[0] + 1:self._anchor], c[0] + 1))]
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
            told = [c for c in others if c[1].particle in ("から", "からは")]
            if told:
                return told[0]      # EU側から、…考えである旨述べた: the side that spoke, as MOFA readouts mark it
            if others and (current is None or current.kind not in ("person", "unnamed") or label in PROMISE):
                return others[0] if _at_start(toks, lo, others[0][1]) or current is None else None
            groups = [c for c in usable if c[1].kind == "group"]
            if groups and (current is None or label == "とする"):
                return groups[0]
            return None
        return (usable or [None])[0]

    # -- facts of one clause: one reader per fact type ----------------------------
    def emit(self, c: Clause) -> None:
        text = _strip_content(c.raw, c.kind, c.label)
        if len(text) < 2:
            return
        end = c.tokens[c.end - 1].end if c.end > 0 else c.sentence.end
        cite = self.ctx.cite(c.raw_start, end, "")
        group = c.subject.kind in ("group", "self")
        if c.modality == "decision" and c.subject.kind in ("person", "country", "org"):
            # one actor's decision about its own action: a commitment only (首相は…供与を決めた)
            self.add_commitment(c.subject, _strip_content(c.raw, "speech", c.label), cited(cite, "commitments", "decision"))
            return
        if c.kind == "decision":
            return
        if c.kind == "agreement" and not group and c.label in ("welcomed", "opposed"):
            self.read_statement(c, text, cite)     # one leader welcoming or opposing: what that leader said
        elif c.kind == "agreement" or (group and c.label in GROUP_SPEECH):
            self.read_agreement(c, text, cite)
        elif not group:
            self.read_statement(c, text, cite)

    def read_agreement(self, c: Clause, text: str, cite) -> None:
        """Both sides' point (両首脳は…で一致); the quotative と + する (…とする) and 表明 of both sides too."""
        verb = c.label if c.kind == "agreement" else {"歓迎": "welcomed", "とする": "agreed"}.get(c.label, "other")
        if not (c.subject.kind in ("group", "self", "person", "country")):
            return
        if c.kind == "agreement" and re.search(rf"(?:{'|'.join(LIST['pointers'])})$", text):
            self._list = (verb, c.sentence.line)    # …以下の点で一致。: the points are the list lines that follow
            return
        group = c.tokens[c.head + (c.tokens[c.head].pos != "動詞"):c.end]    # the verb group, with a verb head itself
        if c.kind == "agreement" and c.how is None and not c.stated and group \
                and group[-1].form.startswith("終止形") and not any(t.lemma in ("た", "ます") for t in group):
            return     # 首脳会合は…新設で合意する。: no subject, plain non-past: a forecast of a meeting to come
        how = c.how or ("group_speech" if c.kind != "agreement" else "nominal_end" if c.nominal else "verb")
        self.found.agreements.append(Agreement(text, verb, topics_of(text), cited(cite, "agreements", how)))

    def read_statement(self, c: Clause, text: str, cite) -> None:
        """What one speaker said, and the speaker's commitments in it; a country or company is no speaker
        unless the readout marks it as one with から (EU側から、…)."""
        ctx, subject, s = self.ctx, c.subject, c.sentence
        toks, dep, c_lo, i = c.tokens, c.depth, c.lo, c.head
        if c.label == "得る" and subject.particle not in ("から", "からは"):
            return
        if any(c.raw_start < b <= toks[i].start and b >= toks[i].start - 3 for a, b in self._told):
            return      # …と首相が述べたことを強調した: the content is a report of another's words, told above
        if subject.kind in ("country", "org"):
            self.commitment_of(text, subject, cite, promise=c.modality == "promise", tokens=c.content_tokens,
                               via="party_clause")
            if subject.particle in ("から", "からは") and not self.quoted_before(toks, dep, c_lo, i):
                self.found.statements.append(Statement(subject.name, c.prefix + text, "reported",
                                                       cited(cite, "statements", c.how or "reported")))
            return
        quotes = self.quoted_before(toks, dep, c_lo, i)
        if quotes:
            for qs, qe in quotes:
                body = re.sub(r"[」』”]\s*[「『“]", " ", ctx.text[qs:qe])
                if body.strip():
                    self.found.statements.append(Statement(subject.name, body, "direct",
                                                           cited(cite, "statements", c.how or "direct")))
            return
        body = c.prefix + text
        resolved = False
        if re.fullmatch(r"(?:これ|それ|この点|その点|こうした考え|この考え)(?:を(?:支持|歓迎|評価|称賛)する)?", text):
            # これを歓迎: what was welcomed is the point stated just before in the same sentence
            prev = [st for st in self.found.statements if st.citation.start >= s.start]
            if not prev:
                return
            body = prev[-1].text
            resolved = True          # what another said and this one welcomed: not this one's commitment
        if len(body.strip()) < 4 or re.search(r"(?:に|にも|へ|から|[^こ]とで|[^とこ]で)$", body):
            # …が昨年4月の首脳会談で提案した: an adjunct (place, occasion) before the verb, no reported content
            return
        for part in re.split(r"旨[、,，](?:また[、,，])?", body):     # 文大統領から、…した旨、また、…していく旨の発言
            part = part.strip("、,， ")
            if len(part) < 4:
                continue
            said = thought_frame().sub("", part) or part     # …を評価するとの前向きな考え: what precedes との
            self.found.statements.append(Statement(subject.name, said, "reported", cited(
                cite, "statements", c.how or ("nominal_end" if c.nominal else "reported"))))
            if subject.kind == "person" and not resolved and c.label not in STANCE \
                    and c.label not in ("welcomed", "opposed"):
                own = "promise_verb" if c.modality == "promise" else self.own_intention(part, c.content_tokens, subject)
                self.commitment_of(part, subject, cite, promise=bool(own), tokens=c.content_tokens,
                                   via=own or "own_action")
            elif subject.kind == "unnamed" and not resolved and c.label not in STANCE \
                    and c.label not in ("welcomed", "opposed"):
                side = self.country_of_speaker(subject)
                if side is not None:
                    self.commitment_of(part, side, cite)

    def quoted_before(self, toks, dep, lo, i) -> list[tuple[int, int]]:
        """Offsets of the top-level quotations in tokens[lo:i] that end in 」と (…」と述べ / …」と期待を示し)."""
        out = []
        for k in range(lo, i - 1):
            to = k + 1 + (toks[k + 1].text in ("など", "等") and k + 2 < i)
            if toks[k].text in CLOSE and dep[k] == 0 and toks[to].text == "と":
                if to + 2 < i and toks[to + 1].lemma == "する" and toks[to + 2].text == "て":
                    to += 2     # 「…」として…を評価した: the quotation is what was said, として its quotative
                if any(t.pos == "動詞" and dep[n] == 0 for n, t in enumerate(toks[to + 1:i], to + 1)):
                    continue   # 「…」と質問されたのに対し「…」とかわし: the first quotation belongs to another verb
                span = _quote_span(toks, dep, k, lo)
                if span and span[1] > span[0]:
                    first = span[0]
                    # 「…」「…」「…」などと挨拶した: quotations side by side before one と are one turn
                    while first - 2 > lo and toks[first - 2].text in CLOSE and dep[first - 2] == 0:
                        prev = _quote_span(toks, dep, first - 2, lo)
                        if not prev or prev[1] <= prev[0]:
                            break
                        first = prev[0]
                    out.append((toks[first].start, toks[span[1]].start))
        return out


# agreement verbs that need two sides (一致, 合意, 申し合わせる): one leader alone does not agree
TWO_SIDED = frozenset({"一致", "合意", "申し合わせる"})


def _both_sides_chain(toks, i: int, j: int) -> bool:
    """A two-sided agreement verb in the continuative form before a comma (…にも合意し、…): grammar, the clauses
    of one continuative chain share one subject, and an agreement verb's subject is both sides."""
    return (toks[i].text in TWO_SIDED or toks[i].lemma in TWO_SIDED) and j < len(toks) \
        and toks[j].text in ("、", ",", "，") and toks[j - 1].form.startswith("連用形")


def extract(ctx: DocContext, sentences: list[Sentence]) -> Found:
    an = JaClauses(ctx)
    for s in sentences:
        an.sentence(s)
    introduced_quotes(an, sentences)
    headline_quotes(an, sentences)
    an.thanked_pledges()
    an.found.commitments[:] = same_undertaking(an.found.commitments)
    an.found.statements[:] = same_undertaking(an.found.statements, lambda st: (st.speaker, st.mode))
    return an.found
