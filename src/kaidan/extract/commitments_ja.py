"""Commitments in Japanese clauses: nouns of intention (決意, 意思, 方針 …), promise verbs, the
speaker's own undertakings reported as …していく / …に協力する, and stances stated inside larger sentences.
Mixed into :class:`clauses_ja.JaClauses`, whose state (ctx, found, carry, named) it uses.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..normalize import deadline_of, parse_amount
from ..text import Gated, alternation, dice, norm
from ..records import Commitment
from .grammar_ja import ACTION_PROMISES, PLAIN, STATIVE, _lex, cited, rule_id, rules
from .subjects import Subject, subjects_in
from .topics import topics_of


def _rule(name: str) -> dict:
    return rules("commitments")[name]


# an intention said to be unchanged (…取り組む考えは変わらない / …方針に変わりはない) restates it; a stance
# (姿勢は変わらない) does not
UNCHANGED = re.compile(r"(考え|方針|決意|意思)(?:は|に)変わ(?:らない|りない|りはない|りありません|りません)$")

# nouns heading a clause of time or condition (必要な時は、): a topic that is no subject
TIME_NOUNS = {"時", "とき", "際", "場合", "折"}

# the fixed end of the embedded-stance construction (…姿勢を示した): every match of it contains this
_STANCE_SHOWN = re.compile(r"(?:姿勢|方針|意向|決意)を(?:明確に|鮮明に|示|表明|伝え|説明|強調)")

# a clause closed by quotative として (…増しているとして、/ …貢献してきたとして,): the reason the speaker gave;
# a noun before として (G7議長国として) is a role, not a clause
REASON = re.compile(r"^[^「」]*(?:[たるいだ]|ない)として[、,，]\s*")


@lru_cache(maxsize=1)
def _general_aim() -> re.Pattern:
    rule = _rule("intent_noun")
    rel = alternation(rule["relations"])
    deepen = alternation(rule["deepen"])
    return re.compile(rf"(?:{rel})(?:を|の)?(?:一層|さらに|更に|より一層|より|一段と|着実に|大きく)?(?:{deepen})"
                      r"(?:させる|させていく|する|していく|る|ていく)?$")


def general_aim(body: str) -> bool:
    """The content only deepens a relationship (…協力関係を深化させる, …関係を一層強化する): a general aim,
    no verifiable action (FACTS.md)."""
    return bool(_general_aim().search(body))


@lru_cache(maxsize=1)
def _preparation() -> re.Pattern:
    rule = _rule("preparation")
    goals = alternation(rule["goals"])
    verbs = alternation(rule["verbs"])
    return re.compile(rf"(?:{goals})(?:に向け(?:て|た)?|のため(?:の)?|の)[、,，]?[^、,，。]{{0,10}}?準備を(?:{verbs})$")


def preparation(body: str) -> bool:
    """…早期供与に向け準備を進める: the speaker prepares a verifiable act, an undertaking of that act."""
    return bool(_preparation().search(body))


def helps(toks, k: int) -> bool:
    """Token k is なる of a noun of help + に (助けになる, 力になる): the idiom of the verb "to help", with no
    subject of its own before it (この合意は大きな力になる is an evaluation of the agreement); a clause of time
    (必要な時は、) is no subject."""
    if not (toks[k].lemma == "なる" and k >= 2 and toks[k - 1].text == "に"
            and toks[k - 2].text in _rule("own_action")["help_nouns"]):
        return False
    if toks[k - 3].pos in ("形容詞", "連体詞") if k >= 3 else False:
        return False    # 大きな力になる: a measure of worth, not help given
    start = max((n + 1 for n in range(1, k - 2) if toks[n].text == "は" and toks[n - 1].text in TIME_NOUNS), default=0)
    return not any(t.text in ("は", "が") and t.pos == "助詞" for t in toks[start:k - 2])


@lru_cache(maxsize=1)
def _thanked() -> Gated:
    rule = _rule("thanked_pledge")
    said = alternation(rule["announcements"])
    acts = alternation(rule["acts"])
    return Gated(re.compile(rf"([^、。「」,，]{{0,30}}?(?:{acts}))の?(?:{said})に(?:対し(?:て)?|対する)?"
                            r"(?:深く|心から|改めて|大きな)?(?:感謝|謝意)"), "感謝", "謝意")


def same_undertaking(commitments: list, who=lambda c: c.actor) -> list:
    """One actor's undertaking told twice with different reasons (a lead and the body: …負担も増しているとして、
    ODAを通じて支えていく / …増えているとして、ODA=政府開発援助を通じて支えていく) is one commitment: the
    acts after the reasons are compared, the fuller wording kept. ``who`` gives the side a fact belongs to
    (a statement's speaker and mode: the same lead and body are also one statement, FACTS.md)."""
    def keys(c):
        """The fact's side and its wording after the reason, normalised (None when it has no reason)."""
        m = REASON.match(c.text)
        core = norm(c.text[m.end():] if m and len(c.text) - m.end() >= 4 else c.text)
        return who(c), (core if core != norm(c.text) else None)
    out: list = []
    out_keys: list = []      # keys(out[i]), each computed once
    for c in commitments:
        side, k = ck = keys(c)
        for i, (o_side, ko) in enumerate(out_keys):
            if o_side == side and k is not None and ko is not None and (k in ko or ko in k or dice(k, ko) >= 0.7):
                if len(c.text) > len(out[i].text):
                    out[i], out_keys[i] = c, ck
                break
        else:
            out.append(c)
            out_keys.append(ck)
    return out


class CommitmentReader:
    def own_intention(self, text: str, toks, speaker: Subject | None = None) -> str | None:
        """Reported content that is the speaker's own undertaking: …を支持していく / …に全面的に協力する,
        with no other subject inside it (日米関係は…なっていく is a forecast, not a promise); the speaker's own
        country as that subject (総理から、日本は…していく) is the speaker's side."""
        if re.match(r"^[^、]{0,15}?(?:は|が)、?", text) and not re.match(r"^(?:我が国|わが国|日本)として", text):
            head = re.match(r"^([^、]{0,15}?)(?:は|が)", text).group(1)
            ent = self.ctx.gaz.lookup(head) if head else None
            if ent and len(self.ctx.gaz.entities[ent].name("ja")) * 2 < len(head) and not re.search(r"側$", head):
                ent = None      # …日本にとって必要な時は、: a name inside a clause of time, not the subject
            own = speaker is not None and speaker.entity and ent == f"country:{self.ctx.gaz.country_of(speaker.entity)}"
            if head and not own and (ent or re.search(r"関係|情勢|同盟|状況", head)):
                return None
        if re.search(r"[てで]いく$|[てで]いきます$", text) and not re.search(r"なっていく$|られていく$", text):
            return "own_action"
        if preparation(text):
            return "preparation"
        if self.wish_action(toks):
            return "wish_action"
        verbs = [k for k, t in enumerate(toks) if t.pos == "動詞"]
        if not verbs:
            return None
        k = verbs[-1]
        v = toks[k]
        head = toks[k - 1].text if v.lemma == "する" and k > 0 and toks[k - 1].pos == "名詞" else v.lemma
        if helps(toks, k):
            head = "支援"       # …いつでも助けになる: the idiom of the verb "to help"
        return "own_action" if v.form.startswith(PLAIN) and head in ACTION_PROMISES else None

    def wish_action(self, toks) -> bool:
        """…たい about a verifiable action of the speaker's own (お目にかかりたい, 訪日したい, 首脳会談を行いたい),
        not a general wish (協力したい, 関係を深めたい): the verb before たい, or the verbal noun before する."""
        rule = _rule("wish_action")
        k = len(toks) - 1
        while k >= 0 and toks[k].pos in ("助詞", "補助記号") or (k >= 0 and toks[k].text in ("旨", "との", "という")):
            k -= 1
        if k < 1 or toks[k].lemma != "たい":
            return False
        v = toks[k - 1]
        if v.pos != "動詞":
            return False
        head = toks[k - 2].text if v.lemma == "する" and k >= 2 and toks[k - 2].pos == "名詞" else v.lemma
        if v.lemma == "かかる" and k >= 3 and toks[k - 2].text == "に" and toks[k - 3].text == "目":
            head = "お目にかかる"
        return head in rule["verbs"] and head not in rule["general"]

    def commitment_of(self, text: str, subject: Subject, cite, promise: bool = False, tokens=None,
                      via: str = "promise_verb") -> None:
        """A commitment of the clause's subject: its content ends in a noun of intention (rule intent_noun), or
        the clause is a promise (rule ``via``: promise_verb, own_action or party_clause)."""
        lex = _lex()
        dm = re.search(r"^(.{4,}?)を(?:決定|決め)(?:し)?た(?:こと|の)?$", text)
        if dm and subject.kind not in ("group", "self"):
            # …の供与を決定したことを伝達しました: a decision reported by its maker
            self.add_commitment(subject, dm.group(1), cited(cite, "commitments", "decision"))
            return
        if promise and tokens and not re.search(r"(?:こと|の)$", text):
            # …推薦すると伝えました is a report; …推薦すると約束/表明しました a promise: keep only plain action verbs
            verbs = [t for t in tokens if t.pos == "動詞"]
            wish = bool(re.search(r"たい$", text))
            if re.search(rf"(?:{'|'.join(_rule('promise_verb')['stances'])})$", text):
                promise = False     # …歓待に謝意を表明 / …への期待を伝え: a feeling expressed, not an undertaking
            elif not wish and (not verbs or not verbs[-1].form.startswith(PLAIN) or (
                    verbs[-1].lemma in STATIVE and not helps(tokens, len(tokens) - 1 - tokens[::-1].index(verbs[-1])))):
                promise = False
        nouns = alternation(lex["commitment_nouns"])
        m = re.search(rf"^(.*?)(?:という|との|とする)?(?:への|に対する|の)?(?:揺るぎない|強い|確固たる|断固たる|不動の|固い|前向きな|積極的な)?"
                      rf"(?:{nouns})(?:であること|であり|である)?$", UNCHANGED.sub(r"\1", text))
        body = m.group(1) if m else (text if promise else None)
        how = "intent_noun" if m else via
        if body is None and re.search(r"(?:関与|コミットメント|防衛義務)は(?:揺るぎない|揺るぎません|不変|変わらない)$", text):
            body, how = text, "unwavering"   # the formula: 日本の防衛に対する米国のコミットメントは揺るぎない
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
            body, how = em.group(2), "embedded_noun"
        body = body.strip(" 、")
        body = re.sub(r"(?:こと|の)$", "", body)
        lead = re.match(r"^([^、。]{2,15}?)(?:が|は)、?", body)
        if lead and re.search(r"(?:との間|の間|とともに|と共に|にとって|として)[でに]?$", lead.group(1)):
            lead = None      # カンボジアとの間では、…: the partner of the action, not its actor
        if lead:
            ent = self.ctx.gaz.lookup(lead.group(1))
            if ent and self.ctx.gaz.entities[ent].kind in ("country", "org") and \
                    len(self.ctx.gaz.entities[ent].name("ja")) * 2 >= len(lead.group(1)):
                e = self.ctx.gaz.entities[ent]
                subject = Subject(e.kind, e.id, e.name("ja"), 0, 0, "が")
                body = body[lead.end():]
        if len(body) < 4 or re.search(r"べき(?:だ)?$|一致したい|確認したい|(?:歓迎|評価|期待|感謝)する$", body):
            return
        if how == "intent_noun" and general_aim(body) and not self.concrete(body):
            return      # …協力関係を深化させるとの意向: a general aim, a statement only
        self.add_commitment(subject, body, cited(cite, "commitments", how))

    def concrete(self, body: str) -> bool:
        """The content states an amount or a deadline: something one could check was done."""
        ctx = self.ctx
        ref = dt.date.fromisoformat(ctx.event_date) if ctx.event_date else ctx.ref_date
        return bool(parse_amount(body) or deadline_of(body, ref))

    def add_commitment(self, subject: Subject, body: str, cite) -> None:
        ctx = self.ctx
        ref = dt.date.fromisoformat(ctx.event_date) if ctx.event_date else ctx.ref_date
        self.found.commitments.append(Commitment(subject.name, body, parse_amount(body), deadline_of(body, ref),
                                                 cite, topics_of(body)))

    def embedded_stance(self, s) -> None:
        """Xが…に取り組む姿勢を明確にした / Xは…する方針を示した, inside a larger sentence."""
        if not _STANCE_SHOWN.search(s.text):
            return      # the construction's fixed core is absent: spare the slow scan of every start
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
                                self.ctx.cite(s.start + m.start(), s.start + m.end(),
                                              rule_id("commitments", "embedded_stance")))

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
        if re.search(rf"(?:{'|'.join(_rule('sentence_final')['itinerary'])})(?:する)?$", body):
            return    # …日本に帰国する予定です: the trip's own schedule, not an undertaking
        if len(body) >= 4:
            self.add_commitment(subj, body, self.ctx.cite(s.start, s.end, rule_id("commitments", "sentence_final")))

    def thanked_pledges(self) -> None:
        """…支援の表明に深く感謝する: a speaker thanking for an announced act reports the undertaking of the one
        thanked (rule thanked_pledge), unless the document states that act as a commitment already."""
        ctx, pattern = self.ctx, _thanked()
        for st in list(self.found.statements):
            c = st.citation
            for m in pattern.finditer(ctx.text, c.start, c.end):
                act = m.group(1).strip("、,， ")
                actor, named = self.thanked_side(act, st.speaker)
                if named:
                    act = act[named:]       # 日本からの…供与: the side is the actor, the rest the act
                if actor is None or len(act) < 4 or any(
                        norm(act) in norm(o.text) or dice(act, o.text) >= 0.5 for o in self.found.commitments):
                    continue    # 日本の支援表明に謝意: an act that says no more than "support" is nothing to check
                self.add_commitment(actor, act, ctx.cite(m.start(1), m.end(), rule_id("commitments", "thanked_pledge")))

    def thanked_side(self, act: str, speaker: str) -> tuple[Subject | None, int]:
        """The side thanked for an act and the length of its name in the act: named before the act (日本の支援 /
        日本からの供与), else the other leader's country (no name: 0)."""
        gaz = self.ctx.gaz
        lead = re.match(r"^([^、,，]{1,12}?)(?:からの|による|の)", act)
        ent = gaz.lookup(lead.group(1)) if lead else None
        if ent and gaz.entities[ent].kind in ("country", "org") and len(gaz.entities[ent].name("ja")) * 2 >= len(lead.group(1)):
            e = gaz.entities[ent]
            return Subject(e.kind, e.id, e.name("ja"), 0, 0, "が"), lead.end()
        me = gaz.lookup(speaker)
        others = {gaz.country_of(p) for p in self.ctx.event_leaders if p != me} - {gaz.country_of(me), None}
        if len(others) != 1 or f"country:{next(iter(others))}" not in gaz.entities:
            return None, 0
        e = gaz.entities[f"country:{others.pop()}"]
        return Subject("country", e.id, e.name("ja"), 0, 0, "が"), 0

    # -- inside quotations ----------------------------------------------------
