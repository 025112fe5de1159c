"""Agreements, commitments and statements in English joint statements, readouts and news.

A sentence is read as SUBJECT + PREDICATE + CONTENT, where the predicate is a
verb from ``data/predicates.json`` ("reaffirmed", "shared views on", "will seek
to", "reiterated its commitment to" …) and coordinated predicates ("…, and
reaffirmed …") start a new point with the same subject. Both sides as subject
(the two leaders, both countries, "Japan and the United States", they) give
agreements; one country, leader or company with a verb or object of intention
gives a commitment; a person with a speech verb, or a quotation with its
attribution before or after, gives a statement.
"""
from __future__ import annotations

import re

from ..nlp import Sentence
from ..normalize import deadline_of, parse_amount
from ..records import Agreement, Commitment, Statement
from .clauses_ja import Found
from .context import DocContext
from .lexicon import load
from .topics import topics_of

QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
OFFICIAL = re.compile(r"\b(?:an?|the)\s+(?:(?:senior|high-ranking|top|government|foreign ministry)\s+)*(?:[A-Z][a-z]+\s+)?"
                      r"(?:(?:government|administration|foreign ministry)\s+)?official\b")
SAID_AFTER = re.compile(r"^[,\s]*(?:(he|she|the official|an official|officials)|([A-Z][\w.\-’' ]{1,60}?))\s+"
                        r"(said|stated|added|noted|told [\w ]+|stressed|emphasized)\b")
SAID_BEFORE = re.compile(r"(?:^|\b)([A-Z][\w.\-’' ]{1,60}?)\s+(?:said|stated|added|noted|told [\w ]+|stressed|emphasized)[,:]?\s*$")
SAID_END = re.compile(r"^(.{12,}?),\s+((?:he|she|the official)|[A-Z][\w.\-’' ]{1,40}?)\s+(?:said|added|told reporters)\.?$")
REPORTED_WILL = re.compile(
    r"(?:^|\bthat\s+|[.;]\s+)((?:the\s+)?[A-Z][\w.\-’' ]{1,40}?|he|she|we|(?:his|her|their|its|my|our) "
    r"(?:government|country|administration))\s+(?:would|will|is committed to|are committed to|intends to|plans to|"
    r"is determined to|pledged to|has committed to|is ready to|stands ready to|is prepared to)\s+(.+?)"
    r"(?=,?\s+and that\b|$)")
CUT = re.compile(r",\s+which\b|,\s+(?:as|while)\b|,\s+according to\b")


def _lex():
    return load("predicates.json", ("en",))["en"]


def _verbs() -> list[tuple[str, str]]:
    """Predicate words with their agreement label ("speech" for verbs that only report speech)."""
    lex = _lex()
    table = {v: "speech" for v in lex["speech"]}
    table.update(lex["agreement"])
    return sorted(table.items(), key=lambda kv: len(kv[0]), reverse=True)


def _verb_re():
    alts = "|".join(re.escape(v) for v, _ in _verbs())
    return re.compile(rf"\b(?:also |further |again |jointly |strongly |fully )?({alts})\b", re.I)


def _clean(text: str) -> str:
    t = text.strip(" ,;:.")
    t = re.sub(r"^(?:that|on|to)(?:[:\s]+)", "", t)
    t = re.sub(r"^(?:their |its )?(?:(?:strong|firm|shared|resolute|unwavering|steadfast|continued) )*"
               r"(?:opposition to|determination to|intention to|desire for|views? on|support for|commitment to)\s*", "", t)
    t = re.sub(r"^(?:they intend to |they will |they would |to )", "", t)
    return CUT.split(t)[0].strip(" ,;:.")


class EnClauses:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.found = Found()
        self.last_person: str | None = None     # the last person named
        self.last_subject: str | None = None    # the last person who was the subject of a sentence
        self.last_official: str | None = None   # "a senior Japanese official", for "the official said"
        self.group_words = sorted(_lex()["group_subjects"], key=len, reverse=True)

    def subject(self, head: str):
        """('group'|'person'|'country'|'org'|None, name, entity) of a sentence head."""
        h = re.sub(r"^(?:In addition|Also|Further|Furthermore|Moreover|As part of [^,]+|In order to [^,]+|"
                   r"With [^,]+|Through [^,]+|In line with [^,]+|To [^,]+),\s*", "", head.strip(), flags=re.I)
        low = h.lower().replace("bothcountries", "both countries").strip()
        for g in self.group_words:
            if low == g or low.endswith(" " + g) or low.startswith(g):
                return "group", "両首脳" if self.ctx.lang == "ja" else "the two leaders", None
        ms = self.ctx.gaz.mentions(h)
        kinds = {self.ctx.gaz.entities[m.entity].kind for m in ms}
        if len({self.ctx.gaz.country_of(m.entity) for m in ms}) >= 2 and re.search(r"\band\b", h):
            return "group", "the two leaders", None
        if ms:
            m = ms[-1] if len(ms) > 1 and "person" in kinds else ms[0]
            e = self.ctx.gaz.entities[m.entity]
            return e.kind, e.name("en"), e.id
        t = re.search(r"\bthe (?:U\.S\. )?(President|Prime Minister|Chancellor)\b", h, re.I)
        if t:
            office = {"president": "president", "prime minister": "prime_minister",
                      "chancellor": "chancellor"}[t.group(1).lower()]
            who = self.ctx.gaz.holder(office, self.ctx.event_date or self.ctx.ref_iso,
                                      prefer=tuple(self.ctx.event_leaders))
            if who:
                return "person", self.ctx.gaz.name(who, "en"), who
        if low in ("the official", "an official", "officials"):
            return ("unnamed", self.last_official, None) if self.last_official else (None, None, None)
        if re.fullmatch(r"(?:he|she)", low) and (self.last_subject or self.last_person):
            e = self.ctx.gaz.entities[self.last_subject or self.last_person]
            return "person", e.name("en"), e.id
        if re.search(r"\b(?:official|spokesperson|spokesman|spokeswoman|aide|source)s?\b", low):
            return "unnamed", h, None
        return None, None, None

    def sentence(self, s: Sentence) -> None:
        text = s.text
        for m in self.ctx.mentions(s):
            if m.kind == "person":
                self.last_person = m.entity
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
        said = SAID_END.match(text)
        if said:
            # "Canada would keep its counter-tariffs in place …, he said."
            kind, name, ent = self.subject(said.group(2))
            if kind == "person":
                self.last_subject = ent
            if kind in ("person", "unnamed"):
                body = said.group(1).strip(" ,")
                cite = self.ctx.cite(s.start, s.start + said.end(1), "kaidan.statement_en.v1")
                self.found.statements.append(Statement(name, body, "reported", cite))
                self.reported_commitment(body, cite)
                return
        vre = _verb_re()
        hits = list(vre.finditer(text))
        if not hits:
            return
        for first in hits:
            kind, name, ent = self.subject(text[:first.start()])
            if kind is not None:
                break
        else:
            return
        if kind == "person":
            self.last_subject = ent
        # coordinated predicates: "..., and reaffirmed ..." / "... and opposed ..."
        points = [first]
        for h in hits[hits.index(first) + 1:]:
            before = text[max(0, h.start() - 7):h.start()]
            if re.search(r"(?:,\s*and|\band|,)\s*(?:also )?$", before) and h.group(1).lower() in dict(_verbs()):
                points.append(h)
        for n, h in enumerate(points):
            end = points[n + 1].start() if n + 1 < len(points) else len(text)
            content = text[h.end():end]
            content = re.sub(r"(?:,?\s*and\s*(?:also)?)\s*$", "", content)
            verb = h.group(1).lower()
            label = dict(_verbs())[verb]
            raw = content
            if verb == "expressed":
                obj = re.match(r"\s*(?:their|its|his|her)?\s*(?:(?:serious|strong|shared|deep|grave|firm) )*"
                               r"(shared desire|determination|intention|commitment|resolve|desire|concerns?|support|"
                               r"opposition|hope|satisfaction|welcome)\b", content)
                label = _lex()["expressed_objects"].get(obj.group(1), "other") if obj else "other"
                if obj and obj.group(1).startswith("concern"):
                    content = content  # keep "their serious concerns over …"
            if re.match(r"\s*(?:their|its)?\s*(?:strong |firm )?opposition", content):
                label = "opposed"
            body = _clean(content)
            if len(body) < 6:
                continue
            start = s.start + h.start()
            cite = self.ctx.cite(start, s.start + end - (len(raw) - len(raw.rstrip(" ,;."))), "kaidan.clause_en.v1")
            if kind == "group":
                if label != "speech":
                    self.found.agreements.append(Agreement(body, label, topics_of(body), cite))
            elif kind in ("country", "person", "org", "unnamed"):
                self.single(kind, name, ent, verb, content, body, cite)

    def single(self, kind, name, ent, verb, content, body, cite) -> None:
        lex = _lex()
        objs = "|".join(lex["commitment_objects"])
        m = re.match(rf"\s*(?:its|his|her|their|the|(?:the\s+)?(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)[’']s?)\s+"
                     rf"(?:[\w.\-]+\s+){{0,3}}?(?:{objs})\b[^,]*?(?:\s+(?:to|in|for)\s*)(.*)$", content)
        if m and m.group("owner"):
            # the United States' commitment: the owner commits, whoever reports it
            who = self.ctx.gaz.lookup(m.group("owner"))
            owner = self.ctx.gaz.entities[who].name("en") if who else m.group("owner")
            if owner != name and self.ctx.gaz.country_of(who) != self.ctx.gaz.country_of(ent):
                self.commit(owner, _clean(m.group(m.lastindex)), cite)
                if kind in ("person", "unnamed"):
                    self.found.statements.append(Statement(name, content.strip(" ,.;"), "reported", cite))
                return
        if verb == "accepted" and re.match(r"\s*(?:an|the) invitation", content):
            self.commit(name, "accepted" + content.rstrip(" ."), cite)
            return
        if m or verb in ("will", "intend", "intends", "committed", "is committed", "are committed", "pledged", "pledges",
                         "vowed", "resolved", "plan", "plans", "aim", "aims", "commits"):
            text = _clean(m.group(m.lastindex)) if m else body
            self.commit(name, text, cite)
            if kind in ("person", "unnamed"):      # a leader's stated intention is also what the leader said
                self.found.statements.append(Statement(name, content.strip(" ,.;"), "reported", cite))
            return
        if verb == "welcomed":
            w = re.match(r"\s*(?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*)*)[’']s\s+(?:commitment|plan|intention|decision|pledge)"
                         r"[^,]*?(?:,[^,]*,)?\s*to\s+(.*)$", content)
            if w:
                who = self.ctx.gaz.lookup(w.group(1))
                actor = self.ctx.gaz.entities[who].name("en") if who else w.group(1)   # a company as written
                if actor:
                    self.commit(actor, _clean(w.group(2)), cite)
                    if kind in ("person", "unnamed"):
                        self.found.statements.append(Statement(name, content.strip(" ,.;"), "reported", cite))
                    return
        if kind in ("person", "unnamed"):
            self.found.statements.append(Statement(name, body, "reported", cite))
            self.reported_commitment(body, cite)

    def reported_commitment(self, body: str, cite, speaker: str | None = None) -> None:
        """…stated that Japan would provide … / Canada will keep …, he said / "Japan is ready to …": the
        named party's commitment (one per that-clause)."""
        for m in REPORTED_WILL.finditer(body):
            who = m.group(1).strip()
            kind, name, _ent = self.subject(who)
            if kind is None and re.fullmatch(r"(?:his|her|their|its|my|our) (?:government|country|administration)|we",
                                             who.lower()):
                if self.last_subject:
                    kind, name = "person", self.ctx.gaz.name(self.last_subject, "en")
                elif speaker:
                    kind, name = "person", speaker
            if kind in ("country", "person", "org"):
                self.commit(name, _clean(m.group(2)), cite)

    def commit(self, actor: str, text: str, cite) -> None:
        import datetime as dt
        ref = dt.date.fromisoformat(self.ctx.event_date) if self.ctx.event_date else self.ctx.ref_date
        self.found.commitments.append(Commitment(actor, text, parse_amount(text), deadline_of(text, ref), cite,
                                                 topics_of(text)))

    def quotes(self, s: Sentence) -> bool:
        """“…,” he said. / X said: “…” — direct statements."""
        text = s.text
        hit = False
        for q in QUOTE.finditer(text):
            after = SAID_AFTER.match(text[q.end():])
            before = SAID_BEFORE.search(text[:q.start()])
            who = None
            if after:
                who = self.subject(after.group(1) or after.group(2))
            elif before:
                who = self.subject(before.group(1))
            if who and who[0] == "person":
                self.last_subject = who[2]
            if who and who[0] in ("person", "unnamed"):
                body = q.group(1).strip(" ,.")
                qcite = self.ctx.cite(s.start + q.start(1), s.start + q.end(1), "kaidan.statement_en.v1")
                self.found.statements.append(Statement(who[1], body, "direct", qcite))
                if who[0] == "person":
                    self.reported_commitment(body, qcite, speaker=who[1])
                hit = True
        return hit


# ", and Prime Minister Modi accepted …": a second clause with a subject of its own is read on its own
NEW_SUBJECT = re.compile(r",?\s+(?:and|while|but)\s+(?=(?:the\s+)?(?:Prime Minister|President|Chancellor|King)\b|"
                         r"(?:Japan|the United States|the U\.S\.)\s+[a-z]+ed\b)")


def clauses(s: Sentence) -> list[Sentence]:
    out, start = [], 0
    for m in NEW_SUBJECT.finditer(s.text):
        if m.start() > start:
            out.append(Sentence(s.start + start, s.start + m.start(), s.text[start:m.start()], s.lang, s.line))
        start = m.end()
    if start == 0:
        return [s]
    out.append(Sentence(s.start + start, s.end, s.text[start:], s.lang, s.line))
    return out


def extract(ctx: DocContext, sentences: list[Sentence]) -> Found:
    an = EnClauses(ctx)
    for s in sentences:
        for c in (clauses(s) if not QUOTE.search(s.text) else [s]):
            an.sentence(c)
    return an.found
