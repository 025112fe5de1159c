"""Statements that something did not happen, which contradict sources saying it did.

For now: that no document was signed or issued (会談は共同文書を作成せず, "no joint statement was
issued"). Listed in a record's ``claims``; the event record sets them against signed documents.
"""
from __future__ import annotations

import re

from ..text import Gated, first_char_gate
from .context import DocContext

RULE = "kaidan.claim.v1"
NO_DOCUMENT = re.compile(
    first_char_gate(["共同文書", "成果文書", "文書", "署名", "no", "did", "without"]) +     # where a match can start
    r"(?:共同文書|共同声明|成果文書|文書)(?:を|は)?(?:作成せず|作成しなかった|発出せず|発出されなかった|発表されなかった|"
    r"署名されなかった|出さなかった|見送)|署名(?:は|も)(?:なかった|行われなかった|見送られ)|"
    r"\bno (?:joint )?(?:statement|document|agreement)s? (?:was|were) (?:issued|signed|released)\b|"
    r"\bdid not sign\b|\bwithout (?:signing|a joint statement)\b", re.I)
NO_DOCUMENT = Gated(NO_DOCUMENT, "文書", "共同声明", "署名", "no ", "did not sign", "without ")   # one is in every match


def extract(ctx: DocContext) -> list[dict]:
    out = []
    for s in ctx.sentences:
        m = NO_DOCUMENT.search(s.text)
        if m:
            out.append({"type": "no_document", "text": s.text, "evidence": m.group(0),
                        "offsets": [s.start + m.start(), s.start + m.end()], "rule": RULE})
    return out
