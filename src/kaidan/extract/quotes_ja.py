"""Inside quotations: agreements a leader reports (…ことで一致した), pledges passed on
(私から『…したい』と伝えた), clauses of intention (…していく, …するつもりだ) of the quotation's own
subject, and quotations that stand alone with their speaker in the sentence before or after.
Mixed into :class:`clauses_ja.JaClauses`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..nlp import Sentence, tokenize
from ..records import Agreement, Statement
from .commitments_ja import helps
from .grammar_ja import (CLOSE, CONNECTIVES, INTENT_END, OPEN, STATIVE, _lex, _strip_content, cited, depths, heads, predicate,
                         rule_id)
from .subjects import Subject, np_before, resolve_phrase, subjects_in, titled_name
from ..text import alternation, bigrams, norm
from .topics import topics_of
from .zones import BARE_QUOTE, INTRODUCER


# verbs of agreement that, in one leader's own words, state that leader's stance (歓迎する, 重視する, 反対する)
IN_QUOTE_SPEAKERS_OWN = {"歓迎", "重視", "反対", "非難", "強く非難"}


# the fixed cores of two slow scans below (…用意がある, …方針は変わらない): no core, no match
_READY = re.compile(r"(?:用意|決意|意思)(?:が|を)")
_UNCHANGED = re.compile(r"(?:考え|方針|決意|姿勢)(?:は|に)変わ")
_READY_CLAUSE = re.compile(r"(?:^|。|、)(?:また)?(?:私からは|私から|私は)?、?([^。「」『』]+?)(?:への|に向けた)?"
                           r"(?:という|との)?(用意|決意|意思)(?:が|を)(?:改めて)?(?:ある|あり|表明|伝え|示)")
_UNCHANGED_CLAUSE = re.compile(r"([^。「」]+?)(?:という|との)?(?:考え|方針|決意|姿勢)(?:は|に)変わり?(?:ない|はない|ありません)")

@lru_cache(maxsize=1)
def _sides_first() -> re.Pattern:
    """Both sides as the quotation's own subject, at its start (「両首脳は、…ことで一致した」)."""
    sides = alternation(_lex()["group_subjects"])
    return re.compile(rf"^(?:{sides})(?:は|も|が)[、,]?")


def _helps_at_end(toks) -> bool:
    """The quoted sentence ends in the idiom of help (「…いつでも助けになる」): the speaker's own undertaking."""
    return bool(toks) and helps(toks, len(toks) - 1)


def span_tokens(toks, lo: int, hi: int, start: int, text: str) -> list:
    """The tokens of ``text`` (at document offset ``start``) within the sentence's tokens toks[lo:hi], when the
    span begins and ends at token boundaries; otherwise the span is tokenised on its own."""
    end = start + len(text)
    k = lo
    while k < hi and toks[k].start < start:
        k += 1
    j = k
    while j < hi and toks[j].end <= end:
        j += 1
    if k < hi and toks[k].start == start and j > k and toks[j - 1].end == end:
        return toks[k:j]
    return tokenize(text, start)


class QuoteReader:
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
        start = lo
        for k in range(lo, hi + 1):
            if k == hi or (toks[k].text == "。" and dep[k] == 1):
                if k > start:
                    self.quote_sentence(toks, dep, start, k, speaker)
                start = k + 1

    def quote_sentence(self, toks, dep, lo, hi, speaker: Subject) -> None:
        ctx = self.ctx
        text = ctx.text[toks[lo].start:toks[hi - 1].end]
        cite = ctx.cite(toks[lo].start, toks[hi - 1].end, "")
        third = self.third_party(toks, self._quote_lo)
        # agreements reported by the speaker: …ことで一致した / …を確認した
        m_dec = re.search(r"^(?:[^。]*?については)?(.+?)ことになった$", text.rstrip("。」"))
        if m_dec and not self._topic_third:
            body = text[:m_dec.end(1)]
            self.found.agreements.append(Agreement(body, "agreed", topics_of(body),
                                                   cited(cite, "agreements", "in_quote_decided")))
        head = toks[:hi]
        for i in heads(toks, lo, hi):       # no other token heads a predicate
            if dep[i] != 1:
                continue
            p = predicate(head, i)
            if p and p[0] == "agreement" and (toks[i].text in IN_QUOTE_SPEAKERS_OWN
                                              or any(t.lemma in ("いる", "おる") for t in toks[i + 1:p[2]])):
                continue   # 「…訪日を心から歓迎する」「…を重視している」「…原則を共有している」: the speaker's own stance
            if p and p[0] == "agreement":
                raw = ctx.text[toks[lo].start:toks[i].start]
                m = re.match(r"^(?:[^、。]*?(?:との間で|と私は|私は|私から|われわれは)、?)", raw)
                who = re.match(r"^(彼ら|同社|同国)(?:は|も|が)、?", raw)
                raw = raw[m.end():] if m else raw
                sides = _sides_first().match(raw)
                raw = raw[sides.end():] if sides else raw     # 「両首脳は、…で一致した」と発表した: who agreed
                if who and third:
                    self.add_commitment(third, _strip_content(raw[who.end():], "agreement", p[1]),
                                        cited(cite, "commitments", "quote_third"))
                    continue
                if self._topic_third and third:
                    continue       # a company's decision quoted under "Xについて": its commitment, found below
                body = _strip_content(CONNECTIVES.sub("", raw), "agreement", p[1])
                if len(body) >= 4:
                    acite = ctx.cite(toks[lo].start, toks[p[2] - 1].end, rule_id("agreements", "in_quote"))
                    self.found.agreements.append(Agreement(body, p[1], topics_of(body), acite))
        # a pledge passed on inside the quotation: 私から『…したい』とトランプ大統領に伝えた / …用意があると伝えた
        for m in re.finditer(r"『([^『』]+)』と[^。]*?伝え", text):
            self.add_commitment(speaker, m.group(1), cited(cite, "commitments", "quote_passed_on"))
        for m in (_READY_CLAUSE.finditer(text) if _READY.search(text) else ()):
            body = re.sub(r"^(?:私からは|私から|私は)、?", "", m.group(1))
            self.add_commitment(speaker, body, cited(cite, "commitments", "quote_ready"))
        for m in (_UNCHANGED_CLAUSE.finditer(text) if _UNCHANGED.search(text) else ()):
            self.add_commitment(self.country_of_speaker(speaker) or speaker, m.group(1),
                                cited(cite, "commitments", "quote_unchanged"))
        # clauses of intention: …していく / …するつもりだ / …する予定だ / …を目指している
        at = toks[lo].start
        for part in re.split(r"(?:(?<=つもりだ)|(?<=予定だ)|(?<=予定です))が、", text):
            t = part.rstrip("。」")
            self.intent(t, lambda t=t, at=at: span_tokens(toks, lo, hi, at, t), speaker, third, cite)
            at += len(part) + len("が、")

    def intent(self, t: str, span, speaker: Subject, third: Subject | None, cite) -> None:
        """One clause ``t`` of a quoted sentence; ``span()`` gives its tokens."""
        ctx = self.ctx
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
        intent = INTENT_END.search(t) or re.search(r"(?:を)?目指(?:す|している|します)$", t) or (
            not explicit and _helps_at_end(span()))
        plain = explicit and self.plain_action(span())
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
            self.add_commitment(actor, body, cited(cite, "commitments", "quote_intent"))

    def plain_action(self, toks) -> bool:
        """Ends in the plain non-past form of an action verb (…に関与する, …つながりを持つ)."""
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


def introduced_quotes(an: "QuoteReader", sentences: list[Sentence]) -> None:
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
                                                     ctx.cite(s.start, s.end,
                                                              rule_id("statements", "standalone_quote"))))
                break


# the part of a headline outside its quotations: a name or a topic, no sentence end and no clause predicate
_HEADLINE_FRAME = re.compile(r"[^。！？!?]{0,40}")
HEADLINE_SAME = 0.5     # share of a headline quotation's bigrams found in one body statement of its speaker


def headline_quotes(an: "QuoteReader", sentences: list[Sentence]) -> None:
    """SPEAKER「…」 on a line of its own, as news headlines, sub-headings and transcripts give a leader's
    words (安倍首相「訪中楽しみ」 / 日中首脳会談 李首相「…」 / ポーランド首相「…」): a direct statement of the
    first person named before the quotation. A heading that sums up a quotation of the body (石破首相
    「…黄金時代を」 over 「…黄金時代を築いていきたい」) is that statement, not another one."""
    ctx = an.ctx
    found = []
    turn = None      # the statement of a transcript turn that bare quotations on the next lines continue
    for s in sentences:
        if turn is not None and BARE_QUOTE.match(s.text) and s.line > turn[1]:
            st = found[-1]
            found[-1] = Statement(st.speaker, st.text + " " + s.text.strip()[1:-1].rstrip("。"), "direct",
                                  ctx.cite(st.citation.start, s.end, st.citation.rule))
            turn = (turn[0], s.line)
            continue
        turn = None
        toks = ctx.tokens(s)
        if not toks or toks[-1].text not in CLOSE and not s.text.rstrip().endswith(tuple(CLOSE)):
            continue
        dep = depths(toks)
        outside = [t for t, d in zip(toks, dep) if d == 0 and t.text not in OPEN + CLOSE]
        frame = "".join(t.text for t in outside)
        if not _HEADLINE_FRAME.fullmatch(frame) or any(t.pos in ("動詞", "助動詞") for t in outside) \
                or any(t.text in ("と", "は", "が", "を") and t.pos == "助詞" for t in outside):
            continue    # …「…」と述べた / 首相は「…」: a clause, read by the clause reader
        seg_lo = 0
        for k, t in enumerate(toks):
            if t.text not in OPEN or dep[k]:
                continue
            close = next((n for n in range(k + 1, len(toks)) if toks[n].text in CLOSE and dep[n] == 0), None)
            if close is None:
                break
            who = _first_person(ctx, toks, seg_lo, k, an.named)
            if who is not None and close > k + 1:
                inner = ctx.text[toks[k + 1].start:toks[close - 1].end]
                found.append(Statement(who.name, inner, "direct", ctx.cite(
                    toks[k].start, toks[close].end, rule_id("statements", "headline_quote"))))
            seg_lo = close + 1
        if found and found[-1].citation.start >= s.start and sum(t.text in OPEN and not d for t, d in zip(toks, dep)) == 1:
            turn = (found[-1], s.line)
    if not found:
        return
    body = [(ctx.gaz.lookup(st.speaker) or st.speaker, norm(st.text)) for st in an.found.statements]
    for st in found:
        grams = bigrams(norm(st.text))
        key = ctx.gaz.lookup(st.speaker) or st.speaker
        total = sum(grams.values())
        if any(k == key and total and sum(n for g, n in grams.items() if g in b) / total >= HEADLINE_SAME
               for k, b in body):
            continue    # the heading of a body quotation
        an.found.statements.append(st)


def _first_person(ctx, toks, lo: int, hi: int, named) -> Subject | None:
    """The first noun phrase in tokens[lo:hi] naming a person (安倍首相 / ポーランド首相 / フン・セン首相)."""
    for k in range(lo, hi):
        nxt = toks[k + 1] if k + 1 < hi else None
        if nxt is not None and (nxt.pos in ("名詞", "接尾辞") or nxt.text in ("・", "=", "＝")):
            continue
        j = max(np_before(toks, k + 1), lo)
        if j > k:
            continue
        phrase = ctx.text[toks[j].start:toks[k].end]
        who = resolve_phrase(ctx, phrase, toks[j].start, toks[k].end, "", named) or titled_name(
            toks[j:k + 1], phrase, toks[j].start, toks[k].end, "")
        if who is not None and who.kind == "person":
            return who
    return None
