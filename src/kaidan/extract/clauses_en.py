"""Agreements, commitments and statements in English joint statements, readouts, press statements and news.

A clause is read on tokens as SUBJECT + PREDICATE + CONTENT. Predicates are token patterns
(spaCy Matcher patterns over spaCy's English tokens, read by ``nlp.en`` without spaCy) in three rule files, each rule with an id and a version that the
facts it finds carry:

* ``data/rules/en_agreements.json``: joint verbs (reaffirmed, agreed, shared the view, condemned …),
  read when the subject is both sides (the two leaders, both countries, "X and Y", joint "we");
* ``data/rules/en_commitments.json``: one actor's own future action (will, pledged to, announced,
  its commitment to …, looked forward to);
* ``data/rules/en_statements.json``: verbs that report one person's speech (said, stressed, expressed …).

The subject is the text before the predicate; it is resolved through the gazetteer and the
document's :class:`~kaidan.extract.profile.SourceProfile`: a bare title ("The Prime Minister")
is the publisher's own leader, "I" in a leader's statement is that leader, "we" in a joint text
is both sides. Coordinated predicates ("…, and reaffirmed …") start a new point with the same
subject. Quotations with their attribution, "…, X said" and every sentence of a leader's own
statement give direct statements.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from ..nlp import EnMatch, EnRules, Sentence
from ..normalize import deadline_of, parse_amount
from ..normalize.dates import WEEKDAY_NAMES
from ..records import Agreement, Commitment, Statement
from .clauses_ja import Found
from .context import DocContext
from .lexicon import load
from .profile import SourceProfile
from .topics import topics_of

QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
OFFICIAL = re.compile(r"\b(?:an?|the)\s+(?:(?:senior|high-ranking|top|government|foreign ministry)\s+)*(?:[A-Z][a-z]+\s+)?"
                      r"(?:(?:government|administration|foreign ministry)\s+)?official\b")
SAY = r"(?:said|stated|added|noted|declared|remarked|told [\w ]+|stressed|emphasized|underlined|wrote|replied)"
SAID_AFTER = re.compile(rf"^[,\s]*(?:(he|she|the official|an official|officials)|([A-Z][\w.\-’' ]{{1,60}}?))\s+{SAY}\b")
SAID_AFTER_INV = re.compile(rf"^[,\s]*{SAY}\s+((?:the\s+)?[A-Z][\w.\-’' ]{{1,60}}?)(?=[,.]|$)")
SAID_BEFORE = re.compile(rf"(?:^|\b)([A-Z][\w.\-’' ]{{1,60}}?)\s+{SAY}[,:]?\s*$")
SAID_END = re.compile(r"^(.{12,}?),\s+((?:he|she|the official)|[A-Z][\w.\-’' ]{1,40}?)\s+(?:said|added|told reporters)\.?$")
REPORTED_WILL = re.compile(
    r"(?:^|\bthat\s+|[.;]\s+|,\s+(?:while|whereas)\s+)((?:the\s+)?[A-Z][\w.\-’' ]{1,40}?|he|she|we|(?:his|her|their|its|my|our) "
    r"(?:government|country|administration))\s+(?:would|will|is committed to|are committed to|intends to|plans to|"
    r"is determined to|pledged to|has committed to|is ready to|stands ready to|is prepared to)\s+(.+?)"
    r"(?=,?\s+and that\b|,\s+(?:while|whereas)\s|$)")
# "…," adding, "…" / "…," and added: "…": a participle or coordinated verb of saying whose subject is the speaker before
# "It is similar to the ANZUS Treaty, as Mr Albanese noted in his remarks.": the as-clause names who said the content
AS_SAID = re.compile(r"^(.{12,}?),\s+as\s+((?:he|she)|[A-Z][\w.\-’' ]{1,40}?)\s+(?:said|noted|pointed out|observed|"
                     r"stressed|remarked|put it|told [\w ]+)\b[^,;“”\"]{0,40}\.?$")
# the occasion of speaking between the verb and its that-clause: "said in a press briefing (in Gyeongju) that …"
OCCASION_THAT = re.compile(r"\s*(?:in|at|during|on)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:briefing|"
                           r"press conference|news conference|interview|speech|address|statement|remarks|session|call)"
                           r"(?:\s+(?:in|at|on|with)\s+[\w’'. -]{2,40}?)?\s+that\s+")
ADDING = re.compile(r"[”\"]\s*,?\s*(?:adding|and added|he added|she added|continuing)\s*[,:]?\s*$")
# where a point's content ends: an adverbial clause set off by a comma (", as negotiators struggled", ", while …",
# also after a closing quotation mark: 'the “details of a deal,” as …'), or an attribution; a non-restrictive
# relative clause (", which is the linchpin of …") belongs to the noun it describes and stays
CUT = re.compile(r",[”\"’]?\s+(?:(?:as|while)\b(?!\s+(?:well|part|such|much|many|long|soon)\b)|according to\b)")
BARE_TITLE = re.compile(r"^(?:the\s+)?(?:U\.S\.\s+|US\s+)?(Prime Minister|President|Federal Chancellor|Chancellor|PM)$", re.I)
COORD = re.compile(r"(?:,\s*and|\band|;)\s*(?:(?:also|further|then|strongly|firmly|jointly|fully|again)\s+)*$")
# "ANTHONY ALBANESE, PRIME MINISTER OF AUSTRALIA: …" opens a speaker's turn in a transcript
TURN = re.compile(r"^([A-Z][A-Z.\-' ]{3,60}),\s*[A-Z][A-Z ,'’\-]{3,80}:\s*")
INTRO = re.compile(r"^(?:Here[’']s what|Here is what|This is what|Key points from|Excerpts from|Highlights from)\s+(.+?)"
                   r"(?:\s+(?:said|says|stated|told [\w ]+)|\s+(?:address|remarks|speech|statement))?\s*:$")
PROVISION = re.compile(r"\b(?:support|investment|investments|loan|loans|aid|grant|grants|assistance|package|fund|funding|"
                       r"visas|contribution)\b", re.I)
# "will further deepen ties": a general stance, a statement and not a commitment (FACTS.md)
GENERAL = re.compile(r"^\s*(?:like\s+to\s+)?(?:to\s+)?(?:further\s+|continue\s+to\s+|continue\s+)?(?:deepen|strengthen|enhance|"
                     r"expand|take|develop|bolster|elevate|promote|advance|build|work\s+together|working\s+together|cooperate|"
                     r"co-operate|cooperating)\b.{0,80}?\b(?:relationship|relations|ties|partnership|cooperation|co-operation|"
                     r"friendship|area|areas)\b", re.I)
NOUN_PLEDGE = "kaidan.en.commitment.noun_pledge"
SCHEDULED = "kaidan.en.commitment.scheduled"
PLEDGE_PART = "kaidan.en.commitment.pledge_part"
AMOUNT = re.compile(r"(?:more than |up to |about |nearly )?(?:(?:US|A|C)?[$£€¥]\s?\d[\d.,]*(?:\s?(?:million|billion|trillion|bn|m)\b)?|"
                    r"\d[\d.,]*\s?(?:million|billion|trillion)\s(?:yen|dollars|euros|pounds|won|rupees)\b)")
# the noun that refers back to the pledge: "the agreement includes", "the package comprises"
PART_HOLDER = re.compile(r"\b(?:the|this)\s+(?:\w+\s+)?(?:agreement|pledge|package|deal|commitment|investment)\s+$", re.I)
# the premodifiers of a pledge noun: [OWNER's] AMOUNT [Demonym]
NOUN_AMOUNT = re.compile(r"(?:(?P<own>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})[’']s\s+)?"
                         r"(?P<amt>(?:US|A|C)?[$£€¥]\s?\d[\d.,]*(?:\s?(?:million|billion|trillion|bn|m)\b)?|"
                         r"\d[\d.,]*\s?(?:million|billion|trillion)\s(?:yen|dollars|euros|pounds|won|rupees)\b)"
                         r"[\s-]+(?P<adj>[A-Z][a-z]+\s+)?$")
# the end of one clause before another: a comma or semicolon, or a subordinating conjunction
SAME_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:as|while|whereas|because|since|after|before|when|that|which)\b")
NOUN_PP = re.compile(r"[ \t]+(?:to|for|in)[ \t]+(?:the[ \t]+)?[A-Z](?:[\w\-]|\.(?=\w))*(?:[ \t]+[A-Z](?:[\w\-]|\.(?=\w))*){0,3}")
# "… – a sentiment that Mr Marape echoed": the words a first speaker said, taken up by a second
ECHO = re.compile(r"\s*[–—-]+\s*(?:a|the)\s+(?:sentiment|view|point|message|remark|call)\s+(?:that|which)\s+"
                  r"((?:Mr\.?|Ms\.?|Mrs\.?|President|Prime Minister)?\s*[A-Z][\w.\-’']*(?:\s[A-Z][\w.\-’']*){0,2})\s+"
                  r"(?:echoed|shared|repeated|endorsed|reiterated)\b.*$")
# "… are expected to be announced": a passive future names what is done, not who does it
PASSIVE = re.compile(r"^\s*(?:also\s+)?be\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b(?!\s+to\b)")
# "continue to work together to realize …": working together is a stance of cooperation, not one actor's deed
TOGETHER = re.compile(r"^\s*(?:to\s+)?(?:continue\s+(?:to\s+)?)?(?:work|working)\s+(?:together|closely|hand in hand)\b", re.I)
# "Yoon is set to take office on May 10": a change of office the calendar brings, not an action one undertakes
OFFICE = re.compile(r"^\s*(?:take|assume|leave)\s+office\b|^\s*be\s+(?:sworn\s+in|inaugurated)\b", re.I)
# "would like to thank …": a courtesy, said and not promised
COURTESY = re.compile(r"^\s*like\s+to\s+(?:thank|express|congratulate|welcome|say|reiterate|salute|pay|extend|convey|begin)\b",
                      re.I)
# "had provided …": something done already, not a promise
DONE = re.compile(r"\b(?:had|has|have)\s+(?:already\s+)?[a-z]+ed\b")
# "The U.S. Agency for International Development", "VietJet": an organisation the people data does not know, as written
ORG_SUBJECT = re.compile(r"^(?:[Tt]he\s+)?((?:[A-Z][\w.&\-]*\s+){0,5}?(?:Agency|Ministry|Department|Corporation|Company|Bank|"
                         r"Fund|Council|Group|Airlines|Motors|Electric|Industries)\b(?:\s+(?:for|of)(?:\s+[A-Z][\w.\-]*)+)?|"
                         r"[A-Z][a-z]+[A-Z]\w+|[A-Z]{2,6})(?:\s+(?:on\s+\w+day|already|also|today))*\s*$")
# "The White House said in a statement that …": an institution that issues the text is no speaker (NOTES_en), but
# what it reports one side will do is that side's commitment
INSTITUTION = re.compile(r"^(?:[Tt]he\s+)?(?:White House|Kremlin|Élysée(?: Palace)?|Elysee(?: Palace)?|Blue House|"
                         r"Presidential Office|Office of the President|(?:10\s+)?Downing Street|Prime Minister[’']s Office|"
                         r"(?:[A-Z][\w.\-]*\s+){0,3}(?:Ministry|Department|Government|Embassy|Secretariat)"
                         r"(?:\s+of(?:\s+[A-Z][\w.\-]*|\s+the)+)?)(?:\s+(?:on\s+\w+day|also|later|earlier))*\s*$")
# "New Delhi: …" / "SEOUL, Nov. 17 (Yonhap) -- …": a news dateline before the first sentence's subject
DATELINE = re.compile(r"^(?:[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
                      r"(?:\s*\([A-Za-z ]+\))?\s*(?::|--|—|–|-)\s+)")
# "… Kishida on Friday (March 19) announced": a time adverbial between the subject and its verb
WHEN_AFTER = (r"\s+on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
              r"(?:\s*\([^)]{1,30}\))?|\s+(?:earlier|later|yesterday|already)")
# "Looking ahead, …" / "In one of the most significant signings, …": a fronted phrase with no finite verb of its own
FRONTED = re.compile(r"^(?:(?!\b(?:has|have|had|is|are|was|were|will|would|said|says)\b)[^,;:]){3,70},\s+")
VERBISH = re.compile(r"\b[a-z]{3,}ed\b|\b(?:has|have|had|is|are|was|were|will|would)\b")
# an irregular past tense after a group word ("The two leaders held talks …, where the Indian leader said …": the
# leaders are the subject of "held", not of the later verb)
IRREGULAR_PAST = re.compile(r"\b(?:held|met|made|took|gave|told|spoke|saw|led|began|sent|paid|went|came|brought|"
                            r"found|kept|left|sought|stood|won|became|chose|drew|flew|wrote|struck|laid|shook|sat)\b")
# a non-restrictive relative clause set off by commas ("The two leaders, who met on the last day, reiterated …")
APPOSITIVE_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^,]*(?:,|$)")
# "said Biden looked forward …": reported words whose first words are a name, then a lower-case verb
NAMED_LEAD = re.compile(r"\s*(?:that\s+)?((?:the\s+)?[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,4})\s+(?:[a-z]+ly\s+)?[a-z]{3,}")
# "he especially hoped to": an adverb in -ly between the subject and its verb (not a noun in -ly)
ADVERB = r"\s+(?!(?:assembly|family|supply|ally|rally|anomaly|monopoly|july|italy)\b)[a-z]{4,}ly"
# "He has repeatedly urged …": the perfect with an adverb of frequency tells a habit before this event (background)
HABITUAL = re.compile(r"\b(?:has|have|had)\s+(?:repeatedly|often|long|always|previously|consistently|frequently|"
                      r"regularly|never)\s*$")
HABITUAL_IN = re.compile(HABITUAL.pattern.replace(r"\s*$", r"\s+[a-z]{3,}ed\b"))
# "has committed", "had pledged": the perfect reports an act done
PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:already\s+)?$")
# "that" after a noun opens a relative clause; after a verb of saying or its object it opens what was said
# (a noun of saying takes what was said: "a statement that …", "his assurance that …"; "and that …" goes on with it)
RELATIVE_THAT = re.compile(r"\b(?!(?:said|say|says|saying|told|tell|tells|think|believe|know|hope|hopes|than|so|now|and|but|or|"
                           r"him|her|them|us|me|reporters|journalists|lawmakers|parliament|statement|announcement|"
                           r"assurances?|promise|pledge|view|belief|message|readout|remarks)\b)[a-z]+(?<!ed)\s+that\s+$")
# a relative pronoun as the subject: the predicate after it is said of its antecedent noun, not of the main clause's
# subject ("the leaders witnessed the signing of terms for a taskforce, which will comprise experts …")
RELATIVE_SUBJECT = re.compile(r",\s*(?:which|who)\s+(?:(?:also|further|then)\s+)?$")
# a modal of the future: "Modi said the two countries will …" is one leader's account, not both sides' pledge
MODAL = re.compile(r"will|would")
CONTENTS = "kaidan.en.agreement.contents"
ASSERTION = "kaidan.en.agreement.joint_assertion"
# a subject that points back or is a person: "This is …", "He is …" narrate, they do not assert for both sides
DEICTIC = re.compile(r"^\W*(?:this|that|these|those|it|he|she|they|i|we|there|which|who)\b", re.I)
# a definite description of a country's leader: "the Japanese leader", "the Chinese president"
LEADER_NOUN = re.compile(r"(?:leader|president|prime minister|premier|chancellor|head of state|head of government)", re.I)
# a joint document as the subject: named as joint ("the joint statement", "the treaty"), or "the statement" /
# "the document" in a text that tells both sides issued one
JOINT_DOC = re.compile(r"(?:(?:the|its)\s+(?:main\s+|key\s+|core\s+)?(?:pillars|elements|provisions|goals|aims|objectives)\s+"
                       r"of\s+)?(?:the|this)\s+(?:(joint\s+(?:statement|declaration|communiqu[eé]|press statement|"
                       r"vision statement)|treaty|joint document)|(?:outcome\s+)?(?:statement|document|declaration|"
                       r"agreement|accord|pact))")
JOINT_DOC_NAMED = re.compile(r"\bjoint (?:statement|declaration|communiqu|document)|\b(?:released|issued|adopted)\b[\w’' ]{0,40}"
                             r"\b(?:statement|document|declaration)\b", re.I)
# a named official the people data does not know, by the title written with the name: "Foreign Secretary Vikram
# Misri", "press secretary Jane Roe", "Kim Yong-beom, the presidential chief of staff for policy,"
_TITLE = (r"(?:[Ss]ecretary|[Mm]inister|[Aa]dvis[eo]r|[Aa]mbassador|[Ss]pokes(?:person|man|woman)|[Dd]irector|"
          r"[Cc]hief of [Ss]taff|[Ee]nvoy|[Ss]ecretary-[Gg]eneral|[Cc]ounsel(?:l)?or)")
_NAME = r"[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){1,2}"
TITLED_NAME = re.compile(rf"^(?:the\s+)?(?:[A-Za-z][\w-]*\s+){{0,3}}?{_TITLE}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*"
                         rf"(?:\s+[A-Z][\w-]*){{0,3}})?\s+(?P<name>{_NAME})$")
NAME_TITLED = re.compile(rf"^(?P<name>{_NAME}),\s+(?:the|a|an)\s+[^,]{{0,60}}?\b(?i:{_TITLE[3:-1]}|official)\b[^,]*,?$")
FIRST_SINGULAR = {"i", "my"}
FIRST_PLURAL = {"we", "our"}


def _lex():
    return load("predicates.json", ("en",))["en"]


@lru_cache(maxsize=None)
def _rules(kind: str) -> tuple[EnRules, dict[str, dict]]:
    """The rule set of one file (agreements, commitments, statements), built once per process."""
    data = load(f"rules/en_{kind}.json", ("rules",))
    table = {}
    for r in data["rules"]:
        for key in ("id", "version", "construction", "example", "note", "patterns"):
            if key not in r:
                from ..errors import DataFileError
                raise DataFileError(f"rules/en_{kind}.json: rule {r.get('id', '?')} has no '{key}'")
        table[r["id"]] = r
    return EnRules({rid: r["patterns"] for rid, r in table.items()}), table


def rule_name(kind: str, rid: str) -> str:
    """The name a fact carries: the rule id and its version (kaidan.en.agreement.reaffirm.v1)."""
    return f"{rid}.v{_rules(kind)[1][rid]['version']}"


# A time adjunct between a verb and its complement ("agreed on Thursday to …", "said today that …", wire style)
# dates the act; it is not part of what was agreed or said.
_DAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})(?:\s+(?:morning|afternoon|evening|night))?"
_MONTH_DAY = (rf"(?:{'|'.join(m for m in calendar.month_name if m)}|{'|'.join(m for m in calendar.month_abbr if m)}|Sept)"
              r"\.?\s+\d{1,2}(?:,\s*\d{4})?")
TIME_ADJUNCT = re.compile(
    rf"^(?:on\s+(?:{_DAY}|{_MONTH_DAY})|{_DAY}|today|yesterday|earlier today|"
    r"(?:this|last)\s+(?:week|month|morning|afternoon|evening|night))\s*,?\s+"
    r"(?=(?:that|to|the|a|an|it|they|he|she|we|both)\b|[A-Z])")


def _without_adjunct(content: str) -> str:
    """A predicate's content without a time adjunct before it: "on Thursday to provide X" → "provide X", as
    "pledged to provide X" gives."""
    t = content.strip(" ,.;")
    bare = TIME_ADJUNCT.sub("", t)
    return re.sub(r"^to\s+", "", bare) if bare != t else t


def _clean(text: str) -> str:
    t = TIME_ADJUNCT.sub("", text.strip(" ,;:."))
    t = re.sub(r",\s+(?:(?:an?|the)\s+)?[\w.\-’' ]{2,60}?\s+(?:said|told [\w ]+|added)(?:\s+on\s+\w+)?$", "", t)  # ", a spokesperson said"
    t = re.sub(r"^(?:that|on|to|upon|in)(?:[:\s]+)", "", t)
    t = re.sub(r"^(?:their |its |our |his |her )?(?:(?:strong|firm|shared|resolute|unwavering|steadfast|continued) )*"
               r"(?:opposition to|determination to|intention to|desire for|views? on|support for|commitment to)\s*", "", t)
    t = re.sub(r"^(?:they intend to |they will |they would |to )", "", t)
    head = CUT.split(t)[0].strip(" ,;:.")
    return head if len(head) >= 20 else t      # "Japan, as G7 Presidency, and India …": an apposition, not a clause


class EnClauses:
    def __init__(self, ctx: DocContext, profile: SourceProfile):
        self.ctx = ctx
        self.profile = profile
        self.found = Found()
        self.last_person: str | None = None     # the last person named
        self.last_named: str | None = None      # the last named official the people data does not know
        self.last_subject = None                # the last person who was the subject of a sentence
        self.last_official: str | None = None   # "a senior Japanese official", for "the official said"
        self.turn: str | None = None            # the speaker of the current turn of a transcript
        self.listing: str | None = None         # the speaker whose words the lines after "X said:" are
        self.speaking: str | None = None        # while a statement's own words are read again
        self.list_line = self.listed_line = -1
        self.last_quoted = None                 # the speaker of the last attributed quotation, and its line
        self.quoted_line = -2
        self.quoted_until = -1                  # the end of a quotation that runs on across paragraphs
        self.group_words = sorted(_lex()["group_subjects"], key=len, reverse=True)
        self._written: dict[str, str] = {}
        self.date = ctx.event_date or ctx.ref_iso
        self.officials: dict[str, str] = {}    # named officials the people data does not know: surname -> name

    # -- subjects --------------------------------------------------------------
    def _person(self, ent: str):
        return "person", self.written(ent), ent

    def written(self, ent: str) -> str:
        """A person's name as this document writes it in full (ISHIBA Shigeru, Suga Yoshihide, Joko Widodo), so
        a name is cited in the source's spelling; the people data's English name when the text has no full form."""
        if ent in self._written:
            return self._written[ent]
        canon = self.ctx.gaz.name(ent, "en")
        e = self.ctx.gaz.entities.get(ent)
        parts = {p.lower().strip(".,") for p in canon.split()} if e and e.kind == "person" else set()
        best = canon
        if parts:
            found = []
            for s in self.ctx.sentences:
                for m in self.ctx.mentions(s):
                    if m.entity != ent:
                        continue
                    core = re.sub(r"^(?:President|Prime Minister|Chancellor|Premier|Mr\.|Ms\.|Mrs\.|Secretary)\s+", "", m.text)
                    after = re.match(r"\s+([A-Z][a-z]+)\b", self.ctx.text[m.end:m.end + 30])
                    before = re.search(r"\b([A-Z][a-z]+)\s+$", self.ctx.text[max(0, m.start - 30):m.start])
                    if len(core.split()) == 1 and after and after.group(1).lower() in parts:
                        core = f"{core} {after.group(1)}"          # MOFA order: ISHIBA Shigeru
                    elif len(core.split()) == 1 and before and before.group(1).lower() in parts:
                        core = f"{before.group(1)} {core}"
                    if len(core.split()) >= 2:
                        found.append(core)
            if found:
                best = max(found, key=lambda x: (len(x.split()), found.count(x)))
        self._written[ent] = best
        return best

    def bare(self, title: str) -> str | None:
        """Who a title standing alone is: the profile's leader, else (news) the event leader holding it."""
        t = title.lower()
        office = "prime_minister" if t in ("prime minister", "pm") else (
            "chancellor" if "chancellor" in t else "president")
        who = self.profile.bare_title(office)
        if who is None and (self.profile.self_leader is None and self.profile.kind in ("news", "joint_statement")
                            or self.profile.self_leader and self.ctx.event_leaders):
            # (in a leader's own readout, a title that leader does not hold is the counterpart's: "The President")
            who = self.ctx.gaz.holder(office, self.date, prefer=tuple(
                e for e in self.ctx.event_leaders if e != self.profile.self_leader) if self.profile.self_leader
                else tuple(self.ctx.event_leaders))
            if self.profile.self_leader and who not in self.ctx.event_leaders:
                who = None
        return who

    def subject(self, head: str):
        """('group'|'person'|'country'|'org'|'unnamed'|None, name, entity) of the words before a predicate."""
        h = re.sub(r"^(?:In addition|Also|Further|Furthermore|Moreover|Together|Meanwhile|However|At the outset|"
                   r"In response|Then|Finally|First|Second|Third|Lastly|As part of [^,]+|In order to [^,]+|"
                   r"With [^,]+|Through [^,]+|In line with [^,]+|To [^,]+|During [^,]+|At [^,]+|On [^,]+|In [^,]+),\s*",
                   "", head.strip(), flags=re.I)
        h = re.sub(r"^(?:And|But|So)\s+", "", DATELINE.sub("", h.strip()))
        h = re.sub(r"\b([A-Z])\.([A-Z])\.(?=[\s’']|$)", r"\1\2", h)     # "the U.S. military": the people data writes US
        h = re.sub(r"^(?:\(?\d{1,2}[.)]|\W)+\s*|(?:\s+(?:also|further|then|again|both|jointly|today|strongly|firmly|fully|warmly|"
                   r"once|together|each|had|have|has)|" + ADVERB + "|" + WHEN_AFTER + r")+$", "", h.strip(),
                   flags=re.I)
        low = h.lower().replace("bothcountries", "both countries").strip()
        if not low:
            return None, None, None
        for g in self.group_words:
            if low == g or low.endswith(" " + g) or (low.startswith(g + " ") and not VERBISH.search(low[len(g):])
                                                                and not IRREGULAR_PAST.search(
                                                                    APPOSITIVE_RELATIVE.sub(" ", low[len(g):]))):
                return "group", "the two leaders", None
            # "The leaders discussed …, and reaffirmed …": a second verb coordinated with the group's first one
            if low.startswith(g + " ") and re.match(r"\s*[a-z]{3,}ed\b", low[len(g):]) and re.search(r"(?:,\s*and|;)$", low):
                return "group", "the two leaders", None
        doc = JOINT_DOC.fullmatch(low)
        if doc and (doc.group(1) or JOINT_DOC_NAMED.search(self.ctx.text)):
            # "The document pledges …, calls for …": the joint document both sides issued says what they agreed
            return "group", "the two leaders", None
        if low in FIRST_PLURAL and self.profile.kind in ("joint_statement", "press_statement"):
            return "group", "the two leaders", None
        if low in FIRST_SINGULAR:
            who = self.turn or self.profile.first_person or self.speaking     # "I" in the words a person said
            return self._person(who) if who else (None, None, None)
        sir = re.fullmatch(r"(?:Sir|Dame)\s+([A-Z][a-z]+)", h)
        if sir:
            # "Sir Keir said": a knight is called by honorific and given name; the event leader of that given name
            given = [e for e in self.ctx.event_leaders if sir.group(1).lower() in self.ctx.gaz.name(e, "en").lower().split()]
            if len(given) == 1:
                return self._person(given[0])
        ms = self.ctx.gaz.mentions(h)
        ents = [m.entity for m in ms]
        # "The Prime Minister and Prime Minister Modi": a bare title beside a named leader
        for part in re.split(r"\s+and\s+", h):
            t = BARE_TITLE.match(part.strip())
            if t:
                who = self.bare(t.group(1))
                if who:
                    ents.append(who)
        # "Seoul and Washington reached a deal for the United States to … a Korean pledge": the countries named after
        # a verb of the head are in its clause, not in the subject; a that-clause starts a subject of its own
        # ("we confirmed our understanding that Japan and China will …")
        that = max((t.end() for t in re.finditer(r"\bthat\s+", h)), default=0)
        verb = VERBISH.search(h, that)
        before_verb = [m.entity for m in ms if m.start >= that and (not verb or m.start < verb.start())] + ents[len(ms):]
        countries = {self.ctx.gaz.country_of(e) for e in before_verb}
        if len(countries) >= 2 and re.search(r"\band\b", h) and not re.search(r"\bwith\b", h):
            return "group", "the two leaders", None
        if ms and re.search(r"\b(?:has|have|had|was|were|is|are)\b|\b[a-z]{2,}ed\b", h[:ms[-1].start]):
            ms = []            # "India has signed 8 MoUs, Foreign Secretary X": a clause, not a subject
        if ms:
            kinds = {self.ctx.gaz.entities[m.entity].kind for m in ms}
            m = ms[-1] if len(ms) > 1 and "person" in kinds else ms[0]
            e = self.ctx.gaz.entities[m.entity]
            # the named entity must end the subject: "the UK's ambition" is not the UK
            rest = h[m.end:].strip()
            if e.kind == "country" and len(ms) == 1 and LEADER_NOUN.fullmatch(rest) and \
                    re.fullmatch(r"(?:the)?", h[:m.start].strip(), re.I):
                # "The Japanese leader", "the South Korean president": the event leader of that country
                who = [x for x in self.ctx.event_leaders if self.ctx.gaz.country_of(x) == self.ctx.gaz.country_of(e.id)]
                if len(who) == 1:
                    return self._person(who[0])
            if not re.search(r"[’']s?\s*$", rest) and (not rest or re.match(
                    r"(?:government|side|administration|delegation|military|forces|officials?|leader|counterpart)\b|,", rest)):
                return e.kind, (self.written(e.id) if e.kind == "person" else e.name("en")), e.id
        t = BARE_TITLE.match(h)
        if t:
            who = self.bare(t.group(1))
            return self._person(who) if who else (None, None, None)
        named = self.named_official(h)
        if named:
            return "unnamed", named, None
        if low in ("the official", "an official", "officials"):
            return ("unnamed", self.last_official, None) if self.last_official else (None, None, None)
        if re.fullmatch(r"(?:he|she)", low) and self.last_named:
            return "unnamed", self.last_named, None
        if re.fullmatch(r"(?:he|she)", low) and (self.last_subject or self.last_person):
            return self._person(self.last_subject or self.last_person)
        if re.search(r"\b(?:official|spokesperson|spokesman|spokeswoman|aide|source)s?\b", low) and len(low) < 60:
            return "unnamed", h, None
        front = FRONTED.match(h)
        if front and front.end() < len(h):
            # "Looking ahead, the Prime Minister …": a fronted adverbial set off by a comma is not the subject
            return self.subject(h[front.end():])
        that = list(re.finditer(r"\bthat\s+", h))
        if that and that[-1].end() < len(h) and not RELATIVE_THAT.search(h[:that[-1].end()]):
            # "I would like to reiterate that France is fully committed …": a that-clause has its own subject
            inner = self.subject(h[that[-1].end():])
            if inner[0] in ("person", "country", "org", "group"):
                return inner
        verb = VERBISH.search(h)
        if verb and verb.start() > 0 and re.search(r"(?:,\s*|\s)and$", h) and not re.search(r"[,;:]", h[:verb.start()]):
            # "Takaichi called China an important neighbour and said …": coordinated verbs share the first one's subject
            first = self.subject(h[:verb.start()])
            if first[0] in ("person", "country", "org", "group"):
                return first
        return None, None, None

    def document_subject(self, head: str, parts: bool = False) -> bool:
        """The words before a predicate are a joint document ("The agreement also", "The main pillars of the
        joint declaration"); with ``parts``, the parts of one ("The pillars of the declaration are to …": the
        declaration itself "is to serve as a guideline" tells its role, not its content)."""
        h = re.sub(r"^(?:In addition|Also|Further|Furthermore|Moreover|Under [^,]+),\s*", "", head.strip(), flags=re.I)
        h = re.sub(r"(?:\s+(?:also|further|then|again|both))+$", "", h, flags=re.I).lower()
        doc = JOINT_DOC.fullmatch(h)
        if parts and not re.match(r"(?:the|its)\s+\w+(?:\s+\w+)?\s+of\s", h):
            return False
        return bool(doc) and bool(doc.group(1) or JOINT_DOC_NAMED.search(self.ctx.text))

    def named_official(self, h: str) -> str | None:
        """The name of an official the people data does not know, written with a title ("Foreign Secretary
        Vikram Misri") or, once named so, by the surname alone ("Misri said"; "Kim said" of Kim Yong-beom: Korean,
        Chinese and Japanese names put the family name first, so either end of the name may be the surname)."""
        m = TITLED_NAME.match(h) or NAME_TITLED.match(h)
        if m:
            name = m.group("name")
            words = name.split()
            self.officials[words[-1]] = name
            if len(words) > 1 and words[0] not in self.officials:
                self.officials[words[0]] = name
        else:
            name = self.officials.get(h.strip())
        if name:
            self.last_named = name
        return name

    @property
    def last_subject(self) -> str | None:
        """The last person who was the subject of a sentence (a named official who speaks after them is "he")."""
        return self._last_subject

    @last_subject.setter
    def last_subject(self, ent: str | None) -> None:
        self._last_subject = ent
        if ent:
            self.last_named = None

    # -- one sentence ------------------------------------------------------------
    def begin(self, s: Sentence, body: bool) -> Sentence:
        """A whole sentence before its clauses are read: a transcript's speaker label opens a turn, and in
        a leader's own statement the sentence is that leader's words."""
        turn = TURN.match(s.text)
        if turn:
            self.turn = self.ctx.gaz.lookup(turn.group(1).title()) or self.turn
            s = Sentence(s.start + turn.end(), s.end, s.text[turn.end():], s.lang, s.line)
        intro = INTRO.match(s.text.strip())
        if intro and len(s.text) < 90:
            # "Here's what PM Modi said:" / "Key points from Japan PM's address:": the lines below are theirs
            self.listing = self.intro_speaker(intro.group(1))
            self.list_line = s.line
            return s
        if self.listing and s.line > self.list_line:
            if s.line != self.listed_line:
                self.listed_line = s.line
                self.own_words(s, self.listing, whole_line=True)
            return s
        if body and self.profile.kind == "press_statement" and (self.turn or self.profile.first_person):
            if not self.list_item(s):
                self.own_words(s)
        return s

    def intro_speaker(self, phrase: str) -> str | None:
        kind, _name, ent = self.subject(phrase)
        if kind == "person":
            return ent
        # "Japan PM's": a country and a bare title
        m = re.match(r"(?:the\s+)?(.+?)\s+(PM|Prime Minister|President|Chancellor)(?:[’']s)?$", phrase.strip())
        if m:
            c = self.ctx.gaz.country_of(self.ctx.gaz.lookup(m.group(1)))
            office = {"pm": "prime_minister", "prime minister": "prime_minister"}.get(m.group(2).lower(), m.group(2).lower())
            if c:
                return self.ctx.gaz.holder(office, self.date, country=c, prefer=tuple(self.ctx.event_leaders))
        return None

    def list_item(self, s: Sentence) -> bool:
        """A short line under a line ending with a colon is an item of that sentence's list, not a statement."""
        lines = self.ctx.text.split("\n")
        if s.line <= 0 or len(s.text) > 60:
            return False
        k = s.line - 1
        while k > 0 and (not lines[k].strip() or len(lines[k].strip()) <= 60):
            if not lines[k].strip() or lines[k].strip().endswith((";", ".", ",")) and len(lines[k].strip()) <= 60:
                k -= 1
            else:
                break
        return lines[k].strip().endswith(":")

    def sentence(self, s: Sentence) -> None:
        text = s.text
        quoted = [(s.start + q.start(), s.start + q.end()) for q in QUOTE.finditer(text)]
        for m in self.ctx.mentions(s):
            if m.kind == "person" and not any(a <= m.start < b for a, b in quoted):
                self.last_person = m.entity     # a name inside a quotation is addressed or spoken of, not the speaker
        off = OFFICIAL.search(text)
        if off and not off.group(0).lower().startswith("the"):
            self.last_official = off.group(0)
        head = re.match(r"^(?:The (?:U\.S\. )?(?:President|Prime Minister|Chancellor)|"
                        r"(?:President|Prime Minister|Chancellor) [A-Z][\w-]+)", text)
        if head:
            kind, _, ent = self.subject(head.group(0))
            if kind == "person":
                self.last_subject = ent
        if self.quotes(s):
            return
        said = SAID_END.match(text) or AS_SAID.match(text)
        if said:
            # "Canada would keep its counter-tariffs in place …, he said."
            kind, name, ent = self.subject(said.group(2))
            if kind == "person":
                self.last_subject = ent
            if kind in ("person", "unnamed"):
                body_text = said.group(1).strip(" ,")
                cite = self.ctx.cite(s.start, s.start + said.end(1), rule_name("statements", "kaidan.en.statement.said"))
                self.found.statements.append(Statement(name, body_text, "reported", cite))
                self.reported_commitment(body_text, cite, teller=name if kind == "person" else None)
                self.nested(s.start, s.start + said.end(1), speaker=ent if kind == "person" else None)
                return
        self.predicates(s)

    def own_words(self, s: Sentence, who: str | None = None, whole_line: bool = False) -> None:
        """Every sentence of a leader's own statement (a press statement, a transcript turn) is what
        that leader said, word for word; under "X said:" each line (a numbered point) is one statement."""
        who = who or self.turn or self.profile.first_person
        start, end = s.start, s.end
        if whole_line:
            ls = self.ctx.text.rfind("\n", 0, s.start) + 1
            le = self.ctx.text.find("\n", s.start)
            start, end = max(ls, s.start), (le if le >= 0 else len(self.ctx.text))
            num = re.match(r"\s*\d{1,2}[.)]\s+", self.ctx.text[start:end])
            if num:
                start += num.end()
        body = self.ctx.text[start:end].strip()
        if not who or len(body) < 20 or not re.search(r"[.!?:;,”\"]$", body):
            return
        start += len(self.ctx.text[start:end]) - len(self.ctx.text[start:end].lstrip())
        cite = self.ctx.cite(start, start + len(body), "kaidan.en.statement.own_words.v1")
        self.found.statements.append(Statement(self.written(who), body, "direct", cite))

    def predicates(self, s: Sentence, nested: bool = False) -> None:
        text = s.text
        sets = {k: _rules(k)[0].read(text, s.start)[1] for k in ("agreements", "commitments", "statements")}
        asserted = [m for m in sets["agreements"] if m.rule == ASSERTION]
        if asserted:
            sets["agreements"] = tuple(m for m in sets["agreements"] if m.rule != ASSERTION)
            if not nested and self.profile.kind == "joint_statement":
                self.joint_assertion(s, asserted[0], sets)
        wholes = [m for m in sets["commitments"] if m.rule == PLEDGE_PART]
        if wholes:
            sets["commitments"] = tuple(m for m in sets["commitments"] if m.rule != PLEDGE_PART)
            if not nested:
                self.pledge_part(s, wholes[0])
        parts = [m for m in sets["commitments"] if m.rule == SCHEDULED]
        if parts:
            sets["commitments"] = tuple(m for m in sets["commitments"] if m.rule != SCHEDULED)
            if not nested:
                for m in parts:
                    self.scheduled(s, m)
        nouns = [m for m in sets["commitments"] if m.rule == NOUN_PLEDGE]
        if nouns:
            sets["commitments"] = tuple(m for m in sets["commitments"] if m.rule != NOUN_PLEDGE)
            # "announced a $5 billion package" is read by the verb's rule; a verb of another clause ("agreed on
            # the deal, as negotiators struggled to finance a $350 billion Korean pledge") does not take it
            if not nested and not any(m.start_char < nouns[0].start_char and not SAME_CLAUSE_BREAK.search(
                    self.ctx.text[m.end_char:nouns[0].start_char]) for m in sets["commitments"]):
                for m in nouns:
                    self.noun_pledge(s, m)
        starts = sorted({m.start_char for ms in sets.values() for m in ms})
        for pos in starts:
            head = self.ctx.text[s.start:pos]
            if HABITUAL.search(head) or re.search(r"\band\s*$", head) and HABITUAL_IN.search(head):
                continue       # (a verb coordinated with a habitual one shares its aspect)
            if RELATIVE_SUBJECT.search(head):
                continue       # "a taskforce, which will comprise …": the relative pronoun's antecedent is the subject
            kind, name, ent = self.subject(head)
            front = FRONTED.match(head.strip())
            org = ORG_SUBJECT.match(head.strip()[front.end():] if front else head.strip()) if kind is None else None
            if org and any(m.start_char == pos for m in sets["commitments"]):
                kind, name, ent = "org", self.org_name(org.group(1).strip()), None
            if kind is None:
                # "… at length and we both firmly believe that …": the subject of a coordinated clause
                tail = re.split(r",\s+and\s+|\s+and\s+|;\s+", head)[-1]
                if tail != head and len(tail) < 40:
                    k2 = self.subject(tail)
                    if k2[0] == "group":
                        kind, name, ent = k2
            if nested and kind is None and re.fullmatch(r"(?i)\W*we", head.strip()):
                kind, name, ent = "group", "the two leaders", None
            if kind is None:
                if not nested and (self.inverted(s, pos, sets["statements"]) or self.inverted_joint(s, sets["agreements"])):
                    return
                st = [m for m in sets["statements"] if m.start_char == pos]
                if st and INSTITUTION.match(head.strip()):
                    said = self.ctx.text[st[0].end_char:s.end]
                    self.reported_commitment(said, self.ctx.cite(st[0].end_char, s.end, rule_name("statements", st[0].rule)))
                    return
                continue
            if kind == "group":
                firsts = [m for m in sets["agreements"] if m.start_char == pos]
                if firsts and not self.ctx.text[firsts[0].end_char:s.end].strip(" .") and self.inverted_joint(s, sets["agreements"]):
                    return
                told = nested and self.speaking and not re.fullmatch(r"(?i)\W*we", head.strip())
                if firsts and told and MODAL.fullmatch(self.ctx.text[firsts[0].start_char:firsts[0].end_char].lower()):
                    continue   # "Modi said the two countries will …": one leader's account of the future, his statement
                if firsts and firsts[0].rule == CONTENTS and not self.document_subject(
                        head, parts=self.ctx.text[firsts[0].start_char:firsts[0].end_char].lower() in ("is to", "are to")):
                    continue   # "the leaders are to …": a verb of content needs a document as its subject
                if firsts:
                    self.points(s, ("agreements", firsts[0]), [("agreements", m) for m in sets["agreements"]],
                                kind, name, ent)
                    return
                continue
            com = [m for m in sets["commitments"] if m.start_char == pos]
            st = [m for m in sets["statements"] if m.start_char == pos]
            if kind == "unnamed" and com and ORG_SUBJECT.match(head.strip()):
                kind = "org"
            if kind == "person":
                self.last_subject = ent
            pool = [("commitments", m) for m in sets["commitments"]] + [("statements", m) for m in sets["statements"]]
            if com and (not st or com[0].end_char >= st[0].end_char):
                self.points(s, ("commitments", com[0]), pool, kind, name, ent)
                return
            if st:
                self.points(s, ("statements", st[0]), pool, kind, name, ent)
                return

    def joint_assertion(self, s: Sentence, m: EnMatch, sets: dict) -> None:
        """'The security of Europe and that of the Indo-Pacific are closely interlinked.' in a joint statement: the
        text speaks for both sides, so its assertion is their shared view. The subject is a noun phrase of the
        clause's own (no pronoun, no person, no other predicate before the copula); the content is the clause, up
        to a coordinated clause with its own predicate ("…, and we support …")."""
        head = self.ctx.text[s.start:m.start_char]
        if DEICTIC.match(head) or len(head.strip()) < 8 or any(
                x.start_char < m.start_char for ms in sets.values() for x in ms):
            return
        if self.subject(head)[0] in ("person", "group", "country", "unnamed"):
            return
        end = s.end
        later = sorted(x.start_char for ms in sets.values() for x in ms if x.start_char > m.end_char)
        for pos in later:
            cut = re.search(r"(?:,\s*and|;)\s*(?:\w+\s+){0,2}$", self.ctx.text[m.end_char:pos])
            if cut:
                end = m.end_char + cut.start()
                break
        body = self.ctx.text[s.start:end].strip(" ,;.")
        body = re.sub(r"^(?:\(?\d{1,2}[.)]\s+)", "", body)
        if len(body) < 20:
            return
        start = self.ctx.text.index(body, s.start)
        self.found.agreements.append(Agreement(body, "shared_view", topics_of(body),
                                               self.ctx.cite(start, start + len(body), rule_name("agreements", ASSERTION))))

    def pledge_part(self, s: Sentence, m: EnMatch) -> None:
        """'The agreement includes $200 billion in cash and $150 billion in shipbuilding' / 'Seoul set a cap of $20
        billion toward this pledge': parts of the pledge with an amount named before, each its owner's commitment."""
        before = [c for c in self.found.commitments if c.amount and c.citation.end <= s.start]
        if not before:
            return
        actor = before[-1].actor
        words = self.ctx.text[m.start_char:m.end_char].lower()
        cite_rule = rule_name("commitments", m.rule)
        if words.split()[0] in ("toward", "towards", "under"):
            if AMOUNT.search(s.text):
                body = s.text.strip().rstrip(".")
                start = s.start + (len(s.text) - len(s.text.lstrip()))
                self.commit(actor, body, self.ctx.cite(start, start + len(body), cite_rule))
            return
        if not PART_HOLDER.search(self.ctx.text[s.start:m.start_char]):
            return
        at = m.end_char
        rest = self.ctx.text[at:s.end]
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", rest):
            p = part.strip().rstrip(".")
            if not p or not AMOUNT.match(p):
                continue
            start = self.ctx.text.index(p, at)
            at = start + len(p)
            self.commit(actor, p, self.ctx.cite(start, at, cite_rule))

    def scheduled(self, s: Sentence, m: EnMatch) -> None:
        """'With aircraft of the German air force scheduled to visit Japan, …': the noun phrase before the participle
        is its subject; the country or organisation it names is the actor, and the phrase with its action the text."""
        before = self.ctx.text[s.start:m.start_char]
        if re.search(r"\b(?:is|are|was|were|be|been|being|had|has|have|not)\s+$", before, re.I):
            return
        cut = max((x.end() for x in re.finditer(r",\s*|\b[Ww]ith\s+|;\s*|\bthat\s+", before)), default=0)
        np_ = re.sub(r"^(?:and|while|but)\s+", "", before[cut:]).strip()
        if not np_ or VERBISH.search(np_) or len(np_.split()) > 12:
            return
        ents = [x for x in self.ctx.gaz.mentions(np_) if x.kind in ("country", "org")]
        if len({self.ctx.gaz.country_of(x.entity) or x.entity for x in ents}) != 1:
            return
        end = re.search(r",|;|\.(?:\s|$)|\s+(?:while|and then)\s", self.ctx.text[m.end_char:s.end])
        stop = m.end_char + end.start() if end else s.end
        start = s.start + cut + (len(before[cut:]) - len(before[cut:].lstrip())) + (len(before[cut:].lstrip()) - len(
            re.sub(r"^(?:and|while|but)\s+", "", before[cut:].lstrip())))
        body = self.ctx.text[start:stop].strip(" ,.;")
        if len(self.ctx.text[m.end_char:stop].strip()) < 4:
            return
        self.commit(self.ctx.gaz.name(ents[0].entity, "en"), body,
                    self.ctx.cite(start, start + len(body), rule_name("commitments", m.rule)))

    def noun_pledge(self, s: Sentence, m: EnMatch) -> None:
        """'a $350 billion Korean investment pledge to the United States': the owner before the amount
        ("Japan's ¥5 trillion package") or the nationality adjective before the head is the actor."""
        before = self.ctx.text[s.start:m.start_char]
        am = NOUN_AMOUNT.search(before)
        if not am:
            return
        owner = (am.group("own") or am.group("adj") or "").strip()
        ent = self.ctx.gaz.lookup(owner) if owner else None
        if not ent or self.ctx.gaz.entities[ent].kind not in ("country", "person", "org"):
            return
        pp = NOUN_PP.match(self.ctx.text, m.end_char)
        end = pp.end() if pp else m.end_char
        end -= len(self.ctx.text[:end]) - len(self.ctx.text[:end].rstrip(" .,;"))
        start = s.start + am.start("amt")
        body = self.ctx.text[start:end]
        self.commit(self.ctx.gaz.name(ent, "en"), body, self.ctx.cite(start, end, rule_name("commitments", m.rule)))

    def nested(self, start: int, end: int, speaker: str | None = None, others: bool = True) -> None:
        """The words a person said, read again for both sides' agreements ("We agreed to coordinate
        closely," Suga said / he said the two leaders had agreed to …): a leader's "we" is both sides."""
        text = self.ctx.text[start:end]
        saved = self.found.statements, self.last_subject
        self.found.statements = []
        self.speaking = speaker
        if speaker:
            self.last_subject = speaker
        try:
            for piece in re.finditer(r"[^.;!?]+[.;!?]?", text):
                if piece.group(0).strip():
                    sub = Sentence(start + piece.start(), start + piece.end(), piece.group(0), "en", -1)
                    self.predicates(sub, nested=True)
        finally:
            kept = [x for x in self.found.statements if others and speaker and x.speaker != self.written(speaker)
                    and self.ctx.gaz.lookup(x.speaker) != speaker]
            self.found.statements, self.last_subject = saved
            self.found.statements.extend(kept)        # "The president also said he wanted …," Suga said
            self.speaking = None

    def inverted(self, s: Sentence, pos: int, statements: tuple[EnMatch, ...]) -> bool:
        """'India has signed 8 agreements, Foreign Secretary X said during a briefing': content, SPEAKER said."""
        m = next((m for m in statements if m.start_char >= pos), None)
        if m is None or self.ctx.text[m.start_char:m.end_char].split()[-1].lower() not in ("said", "says", "stated", "added", "told"):
            return False
        before = self.ctx.text[s.start:m.start_char]
        c = before.rfind(", ")
        if c < 12:
            return False
        kind, name, ent = self.subject(before[c + 2:])
        if kind not in ("person", "unnamed") or not ms_is_name(before[c + 2:]):
            return False
        if kind == "person":
            self.last_subject = ent
        body = before[:c].strip(" ,")
        cite = self.ctx.cite(s.start, s.start + c, rule_name("statements", "kaidan.en.statement.said"))
        self.found.statements.append(Statement(name, body, "reported", cite))
        self.reported_commitment(body, cite, teller=name if kind == "person" else None)
        return True

    def inverted_joint(self, s: Sentence, agreements: tuple[EnMatch, ...]) -> bool:
        """'An all-out trade war is in no-one's interest, they agreed': content, BOTH agreed."""
        m = agreements[-1] if agreements else None
        if m is None or self.ctx.text[m.end_char:s.end].strip(" .") or m.rule != "kaidan.en.agreement.agree":
            return False
        before = self.ctx.text[s.start:m.start_char]
        c = before.rfind(", ")
        if c < 12 or not re.fullmatch(r"(?i)\s*(?:they|both|the (?:two )?leaders|both leaders)\s*", before[c + 2:]):
            return False
        body = before[:c].strip(" ,")
        self.found.agreements.append(Agreement(body, "agreed", topics_of(body),
                                               self.ctx.cite(s.start, s.start + c, rule_name("agreements", m.rule))))
        return True

    def points(self, s: Sentence, first: tuple[str, EnMatch], pool: list[tuple[str, EnMatch]], kind, name, ent) -> None:
        """The first predicate and the ones coordinated with it ("…, and reaffirmed …"), each with the
        content up to the next one."""
        pts = [first]
        ordered = sorted(pool, key=lambda p: p[1].start_char)
        for n, (ks, m) in enumerate(ordered):
            if m.start_char <= pts[-1][1].end_char:
                continue
            if COORD.search(self.ctx.text[max(s.start, m.start_char - 24):m.start_char]):
                pts.append((ks, m))
            elif ks == first[0] == "agreements" and re.search(r",\s*$", self.ctx.text[max(s.start, m.start_char - 3):m.start_char]) \
                    and any(k2 == ks and COORD.search(self.ctx.text[max(s.start, m2.start_char - 24):m2.start_char])
                            for k2, m2 in ordered[n + 1:]):
                pts.append((ks, m))     # "pledges A, calls for B, and confirms C": a series of three predicates
        for n, (ks, m) in enumerate(pts):
            end = pts[n + 1][1].start_char if n + 1 < len(pts) else s.end
            raw = self.ctx.text[m.end_char:end]
            content = re.sub(r"(?:,?\s*(?:and|;)\s*(?:also)?)\s*$", "", raw)
            body = _clean(content)
            if len(body) < 6 and m.rule != "kaidan.en.commitment.accept":
                continue
            cite = self.ctx.cite(m.start_char, end - (len(raw) - len(raw.rstrip(" ,;."))), rule_name(ks, m.rule))
            if ks == "agreements":
                parts = re.split(r",?\s+and\s+to\s+(?=[a-z])", content) if re.match(r"\s*to\s", content) else [content]
                if any(len(x.strip()) < 40 for x in parts):
                    parts = [content]      # "…, and to enhance resilience": a short add-on to the same point
                if len(parts) == 1:
                    # "our support to Ukraine and our opposition to the war": a second stance is a second point
                    parts = re.split(r",?\s+and\s+(?=(?:our|their|its)\s+(?:(?:strong|firm|unwavering|continued)\s+)?"
                                     r"(?:opposition|support|commitment|condemnation|concern)\b)", content)
                at = m.end_char
                for part in parts:
                    pstart = self.ctx.text.index(part, at)
                    at = pstart + len(part)
                    if len(parts) > 1:
                        cite = self.ctx.cite(m.start_char if part is parts[0] else pstart, at, rule_name(ks, m.rule))
                    if len(_clean(part)) >= 6:
                        self.agreement(m, part, _clean(part), cite)
            elif ks == "commitments":
                self.single_commit(m, kind, name, ent, content, body, cite)
            else:
                occasion = OCCASION_THAT.match(content)
                if occasion:      # "said in a press briefing in Gyeongju that …": what was said follows "that"
                    content, body = content[occasion.end():], _clean(content[occasion.end():])
                self.single_statement(m, kind, name, content, body, cite)

    def agreement(self, m: EnMatch, content: str, body: str, cite) -> None:
        label = _rules("agreements")[1][m.rule]["label"]
        verb = self.ctx.text[m.start_char:m.end_char].lower().split()[-1]
        if verb in ("expressed", "express", "expresses"):
            obj = re.match(r"\s*(?:their|its|his|her|our)?\s*(?:(?:serious|strong|shared|deep|grave|firm) )*"
                           r"(shared desire|determination|intention|commitment|resolve|desire|concerns?|support|"
                           r"opposition|hope|satisfaction|welcome)\b", content)
            label = _lex()["expressed_objects"].get(obj.group(1), "other") if obj else "other"
        if re.match(r"\s*(?:their|its|our)?\s*(?:strong |firm )?opposition", content):
            label = "opposed"
        self.found.agreements.append(Agreement(body, label, topics_of(body), cite))

    def single_commit(self, m: EnMatch, kind, name, ent, content: str, body: str, cite) -> None:
        rid = m.rule
        words = self.ctx.text[m.start_char:m.end_char]
        if kind == "country" and self.speaking and self.ctx.gaz.country_of(self.speaking) == self.ctx.gaz.country_of(ent):
            kind, name, ent = "person", self.written(self.speaking), self.speaking   # a leader's "Japan will …"
        if kind == "unnamed":
            self.single_statement(m, kind, name, content, body, cite)
            return
        if rid == "kaidan.en.commitment.object":
            actor = self.owner(m, words) or name
            if ent and self.ctx.gaz.country_of(self.ctx.gaz.lookup(actor)) == self.ctx.gaz.country_of(ent):
                actor = name           # "Biden reaffirmed the U.S.' commitment": the leader stands for his country
            rest = re.sub(r"^\s*,[^,]{3,120},\s*(?=to\b)", " ", content)     # "commitment, underpinned by …, to …"
            what = _clean(re.sub(r"^\s*(?:(?:of|for|in)\s+|to\s*)", "", rest))
            if re.match(r"\s*(?:to|of|for|in)\b|\s*to(?=[a-z]{4})", rest) and not (      # "toachieve": a lost space
                    (GENERAL.match(what) or TOGETHER.match(what)) and not parse_amount(what)):
                self.commit(actor, what, cite)
            if kind == "person":
                self.found.statements.append(Statement(
                    name, (words.split(None, 1)[1] + content if " " in words else content).strip(" .;,"), "reported", cite))
            return
        if rid == "kaidan.en.commitment.accept":
            self.commit(name, (words + content).strip(" .;,"), cite)
            return
        if rid == "kaidan.en.commitment.announce":
            if re.match(r"\s*that\b", content):
                self.single_statement(m, kind, name, content, body, cite)
            elif (parse_amount(content) or PROVISION.search(content[:80])) and not DONE.search(content):
                actor = name
                own = re.match(r"\s*(?:the\s+)?([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)*)[’']s\s", content)
                if own and self.ctx.gaz.lookup(own.group(1)):
                    actor = self.ctx.gaz.name(self.ctx.gaz.lookup(own.group(1)), "en")
                self.commit(actor, body, cite)
            elif kind == "person":
                self.found.statements.append(Statement(name, body, "reported", cite))
            return
        if rid == "kaidan.en.commitment.pledge" and not re.search(r"\bto$", words.strip()) and \
                PERFECT.search(self.ctx.text[max(0, m.start_char - 12):m.start_char]):
            return     # "the United States has committed $60 billion … since 2022": an act already done
        if rid == "kaidan.en.commitment.pledge" and not re.search(r"\bto$", words.strip()) and \
                not parse_amount(content) and not re.match(r"\s*to\b", content):
            # "pledged greater co-operation": a general pledge is a statement (FACTS.md)
            if kind == "person":
                self.found.statements.append(Statement(name, body, "reported", cite))
            return
        if rid == "kaidan.en.commitment.will" and OFFICE.match(content):
            return
        if rid == "kaidan.en.commitment.will" and ((GENERAL.match(content) or TOGETHER.match(content))
                                                   and not parse_amount(content)
                                                   or COURTESY.match(content) or PASSIVE.match(content)):
            if kind == "person":
                self.found.statements.append(Statement(name, _without_adjunct(content), "reported", cite))
            return
        self.commit(name, body, cite)
        if kind == "person":
            self.found.statements.append(Statement(name, _without_adjunct(content), "reported", cite))

    def owner(self, m: EnMatch, words: str) -> str | None:
        """Whose intention the noun names: "the United Kingdom's plan", "the U.S. commitment", "Micron's plan"."""
        inner = words.split(None, 1)[1] if " " in words else ""
        ms = [x for x in self.ctx.gaz.mentions(inner) if x.kind in ("country", "org", "person")]
        if ms:
            return self.ctx.gaz.name(ms[-1].entity, "en")
        own = re.search(r"(?:the\s+)?([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)*)\s*[’']s?\s", inner)
        if not own:
            return None
        who = self.ctx.gaz.lookup(own.group(1))
        return self.ctx.gaz.name(who, "en") if who else own.group(1)

    def single_statement(self, m: EnMatch, kind, name, content: str, body: str, cite) -> None:
        if kind not in ("person", "unnamed"):
            return
        verb = self.ctx.text[m.start_char:m.end_char]
        # "congratulated Prime Minister Modi on …": the speech act and its object are what was said
        if re.search(r"(?i)(?:congratulated|thanked|welcomed|invited|praised|commended)$", verb.strip()):
            body = (verb.split()[-1] + content).strip(" ,.;")
        elif re.search(r"(?i)(?:expressed|conveyed|extended|offered|voiced)$", verb.strip()):
            parts = re.split(r"\s+and\s+(?=(?:his|her|its|their)\s)", content)
            if len(parts) > 1:
                for part in parts:
                    pm = re.match(r"\s*(?:his|her|its|their)\s+(?:strong\s+|firm\s+)?(?:willingness|intention|determination|"
                                  r"commitment|readiness|resolve)\s+to\s+(.+)", part)
                    if pm:
                        self.commit(name, _clean(pm.group(1)), cite)
                    self.found.statements.append(Statement(name, part.strip(" ,.;"), "reported", cite))
                return
            body = content.strip(" ,.;")
            body = CUT.split(body)[0] if not re.match(r"\s*(?:his|her)\s+(?:intention|desire|pleasure)", content) else body
        echo = ECHO.search(body)
        if echo:
            body = body[:echo.start()].strip(" ,.;")
            k2, n2, e2 = self.subject(echo.group(1))
            named = re.match(r"(?:Mr\.?|Ms\.?|Mrs\.?)\s+([A-Z][\w\-’']+(?:\s[A-Z][\w\-’']+)?)$", echo.group(1).strip())
            if k2 is None and named:
                k2, n2, e2 = "person", named.group(1), None      # an honorific marks a person the people data lacks
            if k2 == "person":
                self.found.statements.append(Statement(n2, re.sub(r"^(?:it|this|that) (?:was|is)\s+", "", body).strip(
                    " “”\""), "reported", cite))
        self.found.statements.append(Statement(name, body, "reported", cite))
        self.reported_commitment(body, cite, teller=name if kind == "person" else None)
        if echo and k2 == "person" and e2:
            self.last_subject = e2       # the one who echoed is the subject the next "he" refers to
        if not self.speaking and re.match(r"\s*(?:that\s+)?(?:the two|both|the leaders|they|he|she|we)\b", content, re.I):
            self.nested(m.end_char, cite.end, speaker=self.last_subject if kind == "person" else None)
        elif not self.speaking and self.named_lead(content):
            # "… said Biden looked forward to working with …": reported words with a subject of their own are read
            # as that subject's clause (its commitments and agreements; what it "said" there is not re-told)
            self.nested(m.end_char, cite.end, speaker=self.last_subject if kind == "person" else None, others=False)

    def named_lead(self, content: str) -> bool:
        """The reported words open with a named person, country or organisation as their subject."""
        lead = NAMED_LEAD.match(content)
        return bool(lead) and self.subject(lead.group(1))[0] in ("person", "country", "org")

    def reported_commitment(self, body: str, cite, speaker: str | None = None, teller: str | None = None) -> None:
        """…stated that Japan would provide … / Canada will keep …, he said / "Japan is ready to …": the
        named party's commitment (one per that-clause). When the one who tells it (``teller``, or the
        speaker of a quotation) is a leader of the country named, the commitment is that leader's: a leader
        speaks for his country ("Prime Minister Kishida stated that Japan would extend …")."""
        teller = teller or speaker
        for m in REPORTED_WILL.finditer(body):
            if RELATIVE_THAT.search(body[:m.start(1)]):
                continue       # "the summit that Canada will host": a relative clause of a noun, not what was said
            who = m.group(1).strip()
            kind, name, _ent = self.subject(who)
            if kind == "country" and teller:
                t = self.ctx.gaz.lookup(teller)
                if t and t != _ent and self.ctx.gaz.entities[t].kind == "person" and \
                        self.ctx.gaz.country_of(t) == self.ctx.gaz.country_of(_ent):
                    kind, name = "person", teller
            org = ORG_SUBJECT.match(who) if kind is None else None
            if org:
                kind, name = "org", self.org_name(org.group(1).strip())
            if kind is None and re.fullmatch(r"(?:his|her|their|its|my|our) (?:government|country|administration)|we",
                                             who.lower()):
                if self.last_subject:
                    kind, name = "person", self.written(self.last_subject)
                elif speaker:
                    kind, name = "person", speaker
            if kind in ("country", "person", "org") and not COURTESY.match(m.group(2)) and not (
                    GENERAL.match(m.group(2)) and not parse_amount(m.group(2))):
                self.commit(name, _clean(m.group(2)), cite)

    def org_name(self, name: str) -> str:
        """An acronym the text defines ("Nuclear Consultative Group (NCG)") by its definition, else as written."""
        if re.fullmatch(r"[A-Z]{2,6}", name):
            d = re.search(r"((?:[A-Z][\w\-]*\s+(?:(?:of|for|and|on)\s+)?){1,7})\(" + name + r"\)", self.ctx.text)
            if d and len(d.group(1).split()) >= 2:
                return f"{d.group(1).strip()} ({name})"
        return name

    def commit(self, actor: str, text: str, cite) -> None:
        if len(text) < 6:
            return
        ref = dt.date.fromisoformat(self.ctx.event_date) if self.ctx.event_date else self.ctx.ref_date
        self.found.commitments.append(Commitment(actor, text, parse_amount(text), deadline_of(text, ref), cite,
                                                 topics_of(text)))

    def open_quote(self, s: Sentence) -> bool:
        """A paragraph that opens a quotation and does not close it: news style for a quotation that runs on into
        the next paragraph, which opens with a quote mark again. One statement, of the speaker quoted just
        before or of the attribution after the closing mark."""
        text = self.ctx.text
        ls = text.rfind("\n", 0, s.start) + 1
        le = text.find("\n", s.start)
        le = len(text) if le < 0 else le
        if s.start < self.quoted_until:
            return True                            # a later sentence of a quotation already read
        if text[ls:s.start].strip() or not s.text.startswith("“") or "”" in text[ls:le]:
            return False
        parts, end, close = [(s.start + 1, le)], le, None
        while close is None:
            nxt = re.compile(r"\n\s*(“)").match(text, end)
            if not nxt:
                break
            ne = text.find("\n", nxt.end())
            ne = len(text) if ne < 0 else ne
            c = text.find("”", nxt.end(), ne)
            close = c if c >= 0 else None
            parts.append((nxt.end(), c if c >= 0 else ne))
            end = ne
        if len(parts) < 2:
            return False
        after = SAID_AFTER.match(text[close + 1:end]) if close is not None else None
        who = self.subject(after.group(1) or after.group(2)) if after else None
        if who is None and self.last_quoted and self.quoted_line == s.line - 1:
            who = self.last_quoted
        if not who or who[0] not in ("person", "unnamed"):
            return False
        self.quoted_until = end
        self.last_quoted, self.quoted_line = who, s.line + text.count("\n", s.start, end)
        body = " ".join(text[a:b].strip() for a, b in parts).strip(" ,")
        qcite = self.ctx.cite(s.start + 1, parts[-1][1], "kaidan.en.statement.quotation.v1")
        self.found.statements.append(Statement(who[1], body, "direct", qcite))
        if who[0] == "person":
            self.last_subject = who[2]
            self.reported_commitment(body, qcite, speaker=who[1])
            self.nested(s.start + 1, parts[-1][1], speaker=who[2])
        return True

    def running_quote(self, s: Sentence) -> bool:
        """He said, "There has been … MoUs. The PM also announced …": a quotation opened in this sentence and
        closed in a later one of the same paragraph is one direct statement, its sentences the speaker's words."""
        text = self.ctx.text
        le = text.find("\n", s.end)
        le = len(text) if le < 0 else le
        opened = None
        for m in re.finditer(r"[“”\"]", s.text):
            if m.group(0) == "“" or (m.group(0) == '"' and opened is None):
                opened = m
            else:
                opened = None
        if opened is None:
            return False
        shut = re.compile(r"[”\"]").search(text, s.end, le)     # (a curly quote is often closed by a straight one)
        if not shut:
            return False
        close = shut.start()
        start = s.start + opened.end()
        before = SAID_BEFORE.search(s.text[:opened.start()])
        tail = text[close + 1:le]
        after = SAID_AFTER.match(tail) if not before else None
        inv = SAID_AFTER_INV.match(tail) if not before and not after else None
        who = self.subject(before.group(1)) if before else (
            self.subject(after.group(1) or after.group(2)) if after else (self.subject(inv.group(1)) if inv else None))
        if not who or who[0] not in ("person", "unnamed"):
            return False
        self.last_quoted, self.quoted_line = who, s.line
        body = text[start:close].strip(" ,")
        qcite = self.ctx.cite(start, start + len(text[start:close].rstrip(" ,")), "kaidan.en.statement.quotation.v1")
        self.found.statements.append(Statement(who[1], body, "direct", qcite))
        if who[0] == "person":
            self.last_subject = who[2]
            self.reported_commitment(text[start:s.end], qcite, speaker=who[1])
            self.nested(start, s.end, speaker=who[2])
        return True     # the later sentences of the quotation are read on their own, as the speaker's words

    def quotes(self, s: Sentence) -> bool:
        """“…,” he said. / X said: “…” / “…,” said X. — direct statements."""
        if self.open_quote(s) or self.running_quote(s):
            return True
        text = s.text
        hit = False
        prev = None                               # the speaker of the quotation before, in this sentence
        for q in QUOTE.finditer(text):
            if len(q.group(1).split()) < 5 and (text[:q.start()].strip() and text[q.end():].strip(" .,")) and \
                    not re.match(r"[,\s]*(?:he|she|[A-Z][\w.\-’' ]{1,40}?)\s+(?:said|added)\b", text[q.end():]):
                continue       # “historic day”, “step change”: words quoted inside reported speech
            after = SAID_AFTER.match(text[q.end():])
            inv = SAID_AFTER_INV.match(text[q.end():]) if not after else None
            before = SAID_BEFORE.search(text[:q.start()])
            who = None
            if after:
                who = self.subject(after.group(1) or after.group(2))
            elif inv:
                who = self.subject(inv.group(1))
            elif before:
                who = self.subject(before.group(1))
            if who is None and prev and ADDING.search(text[:q.start()]):
                who = prev                        # X said, "…," adding, "…": the same speaker goes on
            if who is None and self.last_quoted and q.start() == 0 and self.quoted_line in (s.line - 1, s.line):
                who = self.last_quoted            # a quotation standing on its own after an attributed one
            prev = who
            if who and who[0] in ("person", "unnamed"):
                self.last_quoted, self.quoted_line = who, s.line
            if who and who[0] == "person":
                self.last_subject = who[2]
            if who and who[0] in ("person", "unnamed"):
                body = q.group(1).strip(" ,.")
                qcite = self.ctx.cite(s.start + q.start(1), s.start + q.end(1), "kaidan.en.statement.quotation.v1")
                self.found.statements.append(Statement(who[1], body, "direct", qcite))
                if who[0] == "person":
                    self.reported_commitment(body, qcite, speaker=who[1])
                    self.nested(s.start + q.start(1), s.start + q.end(1), speaker=who[2])
                hit = True
        return hit


def ms_is_name(phrase: str) -> bool:
    """The words are a name or a title with a name (not a clause that merely mentions someone)."""
    return bool(re.fullmatch(r"(?:[A-Z][\w.\-’']*\s?){1,6}|(?:he|she)", phrase.strip()))


# ", and Prime Minister Modi accepted …": a second clause with a subject of its own is read on its own
# (", to which President Joko expressed his gratitude": a relative clause with a subject of its own answers the first)
NEW_SUBJECT = re.compile(r"(?:,\s+(?:and|while|but|whereas|(?:to|for|in\s+response\s+to)\s+which)|\s+(?:while|but|whereas))\s+(?=(?:the\s+)?(?:Prime Minister|President|Chancellor|King)\b|"
                         r"(?:Japan|the United States|the U\.S\.)\s+[a-z]+ed\b)")


# "… in person and the Prime Minister congratulated …": "and" + a titled subject + a verb, after a clause that has a verb
AND_SUBJECT = re.compile(r"\s+and\s+(?=(?:the\s+)?(?:Prime Minister|President|Chancellor)(?:\s+[A-Z][\w-]+){0,3}\s+"
                         r"(?:also\s+)?[a-z]{3,}ed\b)")


def clauses(s: Sentence) -> list[Sentence]:
    out, start = [], 0
    cuts = list(NEW_SUBJECT.finditer(s.text)) + [m for m in AND_SUBJECT.finditer(s.text)
                                                 if re.search(r"\b[a-z]{3,}ed\b", s.text[:m.start()])]
    for m in sorted(cuts, key=lambda m: m.start()):
        if m.start() < start:
            continue
        if m.start() > start:
            out.append(Sentence(s.start + start, s.start + m.start(), s.text[start:m.start()], s.lang, s.line))
        start = m.end()
    if start == 0:
        return [s]
    out.append(Sentence(s.start + start, s.end, s.text[start:], s.lang, s.line))
    return out


def _body_lines(ctx: DocContext, sentences: list[Sentence]) -> int:
    """The line where the body starts: title, date and credit lines above it are not what a leader said."""
    for s in sentences:
        if len(s.text) > 60 and re.search(r"[.!?:”\"]$", s.text.strip()):
            return s.line
    return 0


def extract(ctx: DocContext, sentences: list[Sentence], profile: SourceProfile | None = None) -> Found:
    an = EnClauses(ctx, profile or SourceProfile())
    first = _body_lines(ctx, sentences)
    for s in sentences:
        if s.line == 0 and first > 0 and not re.search(r"[.!?”\"]$", s.text.strip()):
            continue       # the headline: told again in the body
        s = an.begin(s, s.line >= first)
        for c in (clauses(s) if not QUOTE.search(s.text) else [s]):
            an.sentence(c)
    return an.found
