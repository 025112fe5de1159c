"""Token-level grammar of Japanese readout sentences: bracket depth, clause-final predicates, clause
boundaries and the complement markers that end a clause's content. Word lists come from
``data/predicates.json``; the constants below are the closed-class words of the grammar itself.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..nlp import Token
from ..text import alternation
from .lexicon import load
from .subjects import Subject

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
# speech acts whose content is the speaker's own commitment
PROMISE = {"約束", "確約", "誓う", "表明", "明言", "伝える"}
# the plain non-past form, also before 旨 (…協力する旨の発言: attributive there)
PLAIN = ("終止形", "連体形")
# verbs whose plain form, reported as what a leader will do, is a promise (…全面的に協力する旨述べた)
ACTION_PROMISES = {"協力", "支援", "支持", "推進", "取り組む", "強化", "実施", "実現", "派遣", "提供", "拡大",
                   "投資", "開催", "訪問", "招待", "推薦", "貢献", "後押し", "対応"}
# speech acts about another's position, never the speaker's own commitment
STANCE = {"歓迎", "評価", "称賛", "感謝", "祝意", "謝意", "期待", "理解", "支持", "懸念", "得る"}
STATIVE = {"ある", "いる", "なる", "思う", "考える", "できる", "見る", "分かる", "わかる"}
CONNECTIVES = re.compile(r"^(?:また|さらに|その上で|そのうえで|これに対し(?:て)?|一方|そして|加えて|併せて|なお|"
                         r"同時に|その中で|この中で|最後に|冒頭|冒頭で|はじめに|まず|次に|続いて|これを受け|その後)[、,]?")
TOPIC_PREFIX = re.compile(r"(?:について|に関し(?:て)?|をめぐり|を巡り|では)[、,]$")
INTENT_END = re.compile(r"([てで]いく|[てで]いきます|つもり|予定|方針|考え|決意|ことを決定した|ことを決めた|ことにした|く用意|[てで]いこう)"
                        r"(?:だ|です|である)?[。」]?$")


def _lex():
    return load("predicates.json", ("ja",))["ja"]


RULE_FIELDS = ("id", "version", "construction", "example", "note")


@lru_cache(maxsize=None)
def rules(fact: str) -> dict[str, dict]:
    """The rules of one fact type (``data/rules/ja_<fact>.json``), keyed by the last part of their id.
    Word lists a rule carries are frozen so that a caller cannot change the cached rule."""
    data = load(f"rules/ja_{fact}.json", ("version", "rules"))
    return {r["id"].rsplit(".", 1)[-1]: {k: frozenset(v) if isinstance(v, list) else v for k, v in r.items()}
            for r in data["rules"]}


def rule_id(fact: str, name: str) -> str:
    """The versioned id a fact found by rule ``name`` carries: kaidan.ja.commitment.intent_noun.v1."""
    r = rules(fact)[name]
    return f"{r['id']}.v{r['version']}"


def cited(cite, fact: str, name: str):
    """The citation with the exact rule that made the fact."""
    return replace(cite, rule=rule_id(fact, name))


_BRACKETS = re.compile("[" + re.escape(OPEN + CLOSE) + "]")


def depths(tokens: list[Token], text: str | None = None) -> list[int]:
    """Each token's depth inside quotation brackets. ``text``: the text the tokens cover, when the caller
    has it; a text with no bracket has every token at 0. A token with an empty surface (Sudachi gives one
    for each character its normalisation adds: … is read as three dots) is no bracket, although the empty
    string is part of every string."""
    if text is not None and _BRACKETS.search(text) is None:
        return [0] * len(tokens)
    out, d = [], 0
    for t in tokens:
        if not t.text:
            out.append(d)
        elif t.text in OPEN:
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
    if t.text == "と" and j + 2 < len(tokens) and tokens[j + 1].lemma in ("いう", "言う") and tokens[j + 2].text == "こと":
        return True     # …招待したということです: hearsay closing a reported predicate (news style)
    if t.pos == "補助記号" and t.text not in OPEN + CLOSE:
        return True
    if together(tokens, j):
        return True     # …を提案するとともに、…: "and at the same time" joins two clauses
    if t.text in OPEN and j > 0 and (tokens[j - 1].form.startswith("連用形") or tokens[j - 1].text in ("て", "で")) \
            and any(tokens[k].text == "と" and tokens[k - 1].text in CLOSE for k in range(max(1, j - 5), j - 1)):
        return True     # 「…」と歓迎し「…」と述べた: a quoted turn in the continuative form before a new quotation
    if t.pos == "助詞" and t.pos2 == "接続助詞":
        # …感謝してもしきれない: concessive ても belongs to the predicate after it
        return not (t.text in ("て", "で") and j + 1 < len(tokens) and tokens[j + 1].text == "も")
    return t.text in CLAUSE_NOUNS and (j + 1 >= len(tokens) or tokens[j + 1].text in ("で", "、", "に", "は"))


@lru_cache(maxsize=1)
def _heads() -> tuple[frozenset[str], frozenset[str]]:
    """The surfaces and lemmas a predicate can be headed by (every branch of :func:`predicate` asks for one
    of them): any other token is rejected at once."""
    lex = _lex()
    texts = {"と", "明らか", "鮮明", "明確"} | BOUNDARY | set(lex["agreement"]) | set(lex["speech"]) \
        | set(lex["speech_nouns_have"]) | set(rules("statements")["nominal_end"]["nouns"])
    lemmas = {"行う"} | set(lex["speech"]) | set(rules("commitments")["decision"]["verbs"]) | set(lex["agreement"]) \
        | set(rules("statements")["quote_manner"]["verbs"])
    return frozenset(texts), frozenset(lemmas)


def heads(tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[int]:
    """The indices in [lo, hi) whose token can head a predicate: the first test of :func:`_predicate`
    (a surface or lemma of :func:`_heads`, or a boundary compound with the noun before it, whose second
    part is an end of a boundary noun), which returns None for every other token. It reads only the token
    and the one before it, so the answer is the same for any prefix of the sentence's tokens that holds
    the index."""
    texts, lemmas = _heads()
    ends = _boundary_ends()
    return [i for i in range(lo, len(tokens) if hi is None else hi)
            if (t := tokens[i]).text in texts or t.lemma in lemmas
            or (t.text in ends and i > 0 and t.pos == "名詞" and tokens[i - 1].pos == "名詞"
                and tokens[i - 1].text + t.text in BOUNDARY)]


@lru_cache(maxsize=1)
def _boundary_ends() -> frozenset[str]:
    """What a token after another can be when the two spell a boundary noun: an end of one, down to the
    empty one (a token Sudachi gives an empty surface)."""
    return frozenset(w[k:] for w in BOUNDARY for k in range(1, len(w) + 1))


def predicate(tokens: list[Token], i: int) -> tuple[str, str, int] | None:
    """(type, label, index after the verb group) when token i heads a clause-final predicate."""
    p = _predicate(tokens, i)
    if p and p[0] in ("speech", "agreement") and in_mune_list(tokens, p[2]):
        return None
    return p


def in_mune_list(tokens: list[Token], j: int) -> bool:
    """…招待に感謝する,…関係である,…パートナーである旨の発言があった: a plain non-past form before a comma,
    with 旨 later in the sentence, is one point of the reported content that 旨 closes, not the end of a clause
    (readouts list one speaker's points so)."""
    if j >= len(tokens) or tokens[j].text not in ("、", ",", "，") or not tokens[j - 1].form.startswith("終止形"):
        return False
    depth = 0
    for t in tokens[j + 1:]:
        if t.text in OPEN:
            depth += 1
        elif t.text in CLOSE:
            depth -= 1
        elif t.text == "。":
            return False
        elif t.text == "旨" and depth == 0:
            return True
    return False


# The readers of one kind of predicate each, called with (tokens, i, the token, the next token or None,
# whether the next token is the verb する, the compound of the noun before and the token or ""). What one
# answers for a head not of its kind: the next reader is asked (None, by contrast, is a head of its kind that
# heads no clause-final predicate: no other reader is asked).
_NOT_MINE = object()


def _predicate(tokens: list[Token], i: int) -> tuple[str, str, int] | None:
    t = tokens[i]
    texts, lemmas = _heads()
    # a compound the tokeniser splits (意見 + 交換): the boundary noun it spells
    compound = tokens[i - 1].text + t.text if i > 0 and tokens[i - 1].pos == "名詞" and t.pos == "名詞" else ""
    if t.text not in texts and t.lemma not in lemmas and compound not in BOUNDARY:
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    verbal = nxt is not None and nxt.lemma in ("する", "為る") and nxt.pos == "動詞"
    for read in _PREDICATE_READERS:       # in this order: the first reader of the head's kind answers
        p = read(tokens, i, t, nxt, verbal, compound)
        if p is not _NOT_MINE:
            return p
    return None


def _quotative_suru(tokens: list[Token], i: int, t: Token, nxt: Token | None, verbal: bool,
                    compound: str):
    """…とした / …としている: a report closed by the quotative と and する."""
    if not (t.text == "と" and t.pos == "助詞" and nxt is not None and nxt.lemma == "する" and i > 0 and (
            tokens[i - 1].text in CLOSE or tokens[i - 1].pos in ("動詞", "助動詞", "形容詞"))):
        return _NOT_MINE
    j = group_end(tokens, i + 1)
    if (tokens[j - 1].text == "て" and j < len(tokens) and tokens[j].lemma not in ("いる", "おる")) or (
            j < len(tokens) and tokens[j].text == "て" and tokens[j].pos == "助詞"):
        return None   # …として、/ …としても: "as" or "considering that", not a report
    return ("speech", "とする", j) if clause_final(tokens, j) else None


def _boundary(tokens: list[Token], i: int, t: Token, nxt: Token | None, verbal: bool,
              compound: str):
    """The meeting's own clauses (会談を行った, 会談は…行われ、, 署名した): no content, a bound between clauses."""
    if t.lemma == "行う" and i >= 2 and tokens[i - 1].text == "を" and (tokens[i - 2].text in BOUNDARY or (
            i >= 3 and tokens[i - 3].text + tokens[i - 2].text in BOUNDARY)):
        j = group_end(tokens, i)
        return ("boundary", "行う", j) if clause_final(tokens, j) else None
    if t.lemma == "行う" and nxt is not None and nxt.lemma in ("れる", "られる"):
        j = group_end(tokens, i)      # 会談は約30分間行われ、…で一致した: the meeting's own clause, no content
        return ("boundary", "行われる", j) if j < len(tokens) and tokens[j].text in ("、", ",", "，") else None
    if t.pos == "名詞" and (t.text in BOUNDARY or compound in BOUNDARY) and verbal:
        j = group_end(tokens, i + 1)
        return ("boundary", t.text, j) if clause_final(tokens, j) else None
    if t.pos == "名詞" and (t.text in BOUNDARY or compound in BOUNDARY) and nxt is not None \
            and nxt.text in ("、", ",", "，") and _case_marked(tokens, i):
        return ("boundary", t.text, i + 1)      # 両首脳が会談、…で一致: news style's する left out after the noun
    return _NOT_MINE


def _case_marked(tokens: list[Token], i: int) -> bool:
    """A phrase marked by が or を in the same comma-delimited stretch before token i: those case particles
    attach to a predicate, never to a noun, so the noun they reach before a comma is one (the omitted する of
    headlines and ledes: 首脳が会談、 / 声明を発表、) and not an item of a list (…の強化、…の推進で一致)."""
    for k in range(i - 1, -1, -1):
        t = tokens[k]
        if t.text in ("、", ",", "，", "。") or t.text in OPEN or t.text in CLOSE:
            return False
        if t.text in ("が", "を") and t.pos == "助詞" and t.pos2 == "格助詞":
            return True
        if t.pos in ("動詞", "助動詞", "形容詞"):
            return False      # a predicate between them takes the particle (…を行った会談、)
    return False


def _agreement(tokens: list[Token], i: int, t: Token, nxt: Token | None, verbal: bool,
               compound: str):
    """A noun of agreement ending the sentence, a noun of agreement with する, or a verb of agreement."""
    agree = _lex()["agreement"]
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
    if t.pos == "動詞" and t.lemma in agree and t.pos2 != "非自立可能":
        j = group_end(tokens, i)      # a verb of agreement itself (…の強化を申し合わせた)
        return ("agreement", agree[t.lemma], j) if clause_final(tokens, j) else None
    return _NOT_MINE


def _decision(tokens: list[Token], i: int, t: Token, nxt: Token | None, verbal: bool,
              compound: str):
    """…を決めた: a verb of decision after its object."""
    if not (t.pos == "動詞" and t.lemma in rules("commitments")["decision"]["verbs"] and i > 0
            and tokens[i - 1].text == "を"):
        return _NOT_MINE
    j = group_end(tokens, i)
    # 首相は…供与を決めた。 / …を決めたほか、: a completed decision ends its clause; 決め、 inside a reported
    # content (…投資を決め、…雇用を生み出したこと) does not
    done = tokens[j - 1].text == "た" and (j >= len(tokens) or tokens[j].text in ("。", "ほか", "他"))
    return ("decision", t.lemma, j) if done else None


def _speech(tokens: list[Token], i: int, t: Token, nxt: Token | None, verbal: bool,
            compound: str):
    """A noun of speech ending the sentence, a verb of speech (or of manner governing a quotation), a noun of
    speech with する, 明らかにする and its kin, or a noun of speech with があった."""
    lex = _lex()
    speech = lex["speech"]
    nominal_end = rules("statements")["nominal_end"]
    if t.pos == "名詞" and t.text in nominal_end["nouns"] and not verbal and i > 0 \
            and (nxt is None or nxt.text in ("。", "！")) and (tokens[i - 1].text in ("と", "を", "旨") or (
                tokens[i - 1].text == "に" and t.text in nominal_end["dative"])):
        return ("speech", t.text, i + 1)              # 体言止め: 首相は「…」と強調。
    if t.pos == "動詞" and t.lemma in speech and (t.pos2 != "非自立可能" or t.lemma == "得る"):
        j = group_end(tokens, i)
        if _progressive(tokens, i, j):
            return None
        if j + 1 < len(tokens) and tokens[j].text == "と" and tokens[j - 1].pos == "助動詞" and \
                tokens[j + 1].pos in ("動詞", "名詞", "補助記号"):
            return ("speech_embedded", t.lemma, j)   # Xは…考えを示したと(関係者が)明らかにした
        return ("speech", t.lemma, j) if clause_final(tokens, j) else None
    if t.pos == "動詞" and t.lemma in rules("statements")["quote_manner"]["verbs"] and quoted_manner(tokens, i):
        j = group_end(tokens, i)      # 「…」と笑顔で迎えた: a verb of manner governing a quotation
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
    return _NOT_MINE


_PREDICATE_READERS = (_quotative_suru, _boundary, _agreement, _decision, _speech)


def quoted_manner(tokens: list[Token], i: int) -> bool:
    """Token i follows a quotation closed by 」と, with at most a few nouns and particles between
    (「…」と笑顔で迎えた / 「…」と胸を張った): the quotative と makes the verb report those words."""
    most = rules("statements")["quote_manner"]["between"]
    for k in range(i - 1, max(i - most - 2, 0), -1):
        t = tokens[k]
        if t.text == "と" and t.pos == "助詞" and tokens[k - 1].text in CLOSE:
            return True
        if t.pos not in ("名詞", "助詞", "接頭辞", "接尾辞") or t.text in ("と", "、", ",", "，"):
            return False
    return False


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


def together(tokens: list[Token], j: int) -> int:
    """The number of tokens of とともに / と共に at token j (the conjunctive "and at the same time" after a
    predicate in the attributive form), else 0."""
    if j + 1 >= len(tokens) or tokens[j].text != "と" or j == 0 or tokens[j - 1].pos not in ("動詞", "助動詞"):
        return 0
    if tokens[j + 1].text in ("共に", "ともに"):
        return 2
    if j + 2 < len(tokens) and tokens[j + 1].text in ("共", "とも") and tokens[j + 2].text == "に":
        return 3
    return 0


def skip_after(tokens: list[Token], j: int) -> int:
    """Start of the next clause: past 上で、 / 後、 / のに対し、 / とともに、 / punctuation after a predicate."""
    j += together(tokens, j)
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
        s = _late_sides().sub("", s)    # …関係をつくることで両首脳が一致した: both sides named after the point
        s = re.sub(r"(?:こと(?:で|を)?も?|との認識で|という認識で|との考えで|旨で|でも|をも|を|で|に|も|と)$", "", s)
        s = re.sub(r"こと$", "", s)
        if label == "shared_view":
            s = re.sub(r"(?:について|に関し)?、?認識$", lambda m: "について" if m.group(0).startswith("について") else "", s)
            s = re.sub(r"(?:という|との)$", "", s)
    else:
        s = re.sub(r"(?:旨を|旨の|旨|という旨|との旨|との|という|と|、と|ことを|ことも|を|が|に|の|も)$", "", s)
    return s.strip(" 、,")


@lru_cache(maxsize=1)
def _late_sides() -> re.Pattern:
    sides = alternation(_lex()["group_subjects"])
    return re.compile(rf"(?<=こと[でを])[、,]?(?:{sides})(?:が|は|も)$")


@lru_cache(maxsize=1)
def thought_frame() -> re.Pattern:
    """…を評価するとの前向きな考え / …深化させるとの意向: the frame noun of a reported thought after との/という."""
    nouns = alternation(rules("statements")["reported"]["frame_nouns"])
    return re.compile(rf"(?<=[^、,。])(?:との|という)(?:[^、,。とい]{{1,6}}な|強い|固い)?(?:{nouns})$")


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
