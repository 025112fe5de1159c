"""Event records and the ledger as a briefing: Markdown a reader who has not seen the sources can follow.

Every fact ends with footnote marks; each footnote quotes the evidence and names its source document.
"""
from __future__ import annotations

from collections import defaultdict

TOPIC_NAMES = {
    "security": "Security", "defense_spending": "Defence spending", "nuclear_deterrence": "Nuclear deterrence",
    "bases_okinawa": "Bases and Okinawa", "economy": "Economy", "trade_tariffs": "Trade and tariffs",
    "investment": "Investment", "energy": "Energy", "critical_minerals": "Critical minerals",
    "technology": "Technology", "shipbuilding": "Shipbuilding", "space": "Space", "cyber": "Cyber",
    "regional_partners": "Regional partners", "china": "China", "taiwan": "Taiwan", "north_korea": "North Korea",
    "abductions": "Abductions", "russia_ukraine": "Russia and Ukraine", "middle_east": "Middle East",
    "exchange": "Exchange", "other": "Other",
}


class _Notes:
    def __init__(self):
        self.items: list[str] = []
        self.index: dict[tuple, int] = {}

    def mark(self, citations: list[dict]) -> str:
        marks = []
        for c in citations:
            key = (c.get("doc_id"), tuple(c.get("offsets") or ()))
            if key not in self.index:
                self.items.append(f"{c.get('doc')}: “{(c.get('evidence') or '').strip()}”")
                self.index[key] = len(self.items)
            n = self.index[key]
            if f"[^{n}]" not in marks:
                marks.append(f"[^{n}]")
        return "".join(marks)


def _amount(a: dict | None) -> str:
    if not a:
        return ""
    v = a["value"]
    return f" — {v:,.0f} {a['unit']}" if float(v).is_integer() else f" — {v:,} {a['unit']}"


def event_markdown(ev: dict) -> str:
    n = _Notes()
    lines = [f"# {ev['countries']} — {ev['date_start']}" + (f" to {ev['date_end']}" if ev['date_end'] != ev['date_start']
                                                            else ""),
             "", f"Event `{ev['id']}` ({ev.get('kind') or 'meeting'}), from {len(ev['sources'])} source(s).", ""]
    if ev["programme"]:
        lines += ["## Programme", ""]
        for m in ev["programme"]:
            when = " ".join(x for x in (m["date"], m.get("start")) if x)
            dur = f", {m['duration_minutes']} min" if m.get("duration_minutes") else ""
            place = f", {m['place']}" if m.get("place") else ""
            who = f" — {', '.join(m['participants'])}" if m.get("participants") else ""
            lines.append(f"- **{m['kind']}** {when}{dur}{place}{who} {n.mark(m['citations'])}")
        lines.append("")
    if ev["signed_documents"]:
        lines += ["## Documents signed", ""]
        lines += [f"- {d['title']}{' (issued jointly, not signed)' if d.get('issued') else ''} {n.mark(d['citations'])}"
                  for d in ev["signed_documents"]]
        lines.append("")
    if ev["agreements"]:
        lines += ["## Agreed by both sides", ""]
        by_topic = defaultdict(list)
        for a in ev["agreements"]:
            by_topic[a["topics"][0]].append(a)
        for topic, items in sorted(by_topic.items()):
            lines.append(f"### {TOPIC_NAMES.get(topic, topic)}")
            lines += [f"- ({a['verb']}) {a['text']} {n.mark(a['citations'])}" for a in items]
            lines.append("")
    if ev["commitments"]:
        lines += ["## Commitments", ""]
        for c in ev["commitments"]:
            dl = f" (deadline {c['deadline']})" if c.get("deadline") else ""
            lines.append(f"- **{c['actor']}**: {c['text']}{_amount(c.get('amount'))}{dl} {n.mark(c['citations'])}")
        lines.append("")
    if ev["statements"]:
        lines += ["## Statements", ""]
        by_speaker = defaultdict(list)
        for s in ev["statements"]:
            by_speaker[s["speaker"]].append(s)
        for speaker, items in by_speaker.items():
            lines.append(f"### {speaker}")
            for s in items:
                text = f"“{s['text']}”" if s["mode"] == "direct" else s["text"]
                lines.append(f"- {text} {n.mark(s['citations'])}")
            lines.append("")
    if ev["conflicts"]:
        lines += ["## Where the sources disagree", ""]
        for c in ev["conflicts"]:
            vals = "; ".join(f"{v['value']} {n.mark(v['citations'])}" for v in c["values"])
            lines.append(f"- **{c['field']}** ({c['about']}): {vals}")
        lines.append("")
    lines += ["## Sources", ""]
    lines += [f"- {s['doc']} ({s['lang']}, `{s['doc_id']}`){'' if s['main'] else ' — also reports this event'}"
              for s in ev["sources"]]
    lines += ["", *[f"[^{i}]: {t}" for i, t in enumerate(n.items, 1)], ""]
    return "\n".join(lines)
