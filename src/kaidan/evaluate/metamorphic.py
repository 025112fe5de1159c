"""Metamorphic evaluation: the same documents with other people and other countries.

A gold set is scored twice: as it is, and after one consistent substitution applied to the documents AND
the gold records (and the gold's people file the scorer resolves names with):

* every person the gold's people files or Kaidan's own people data name gets an invented name, in both
  scripts: a Japanese leader a made-up kanji name and its romanisation (石破茂 / Shigeru Ishiba →
  鷲尾蒼一 / Soichi Washio), other leaders made-up katakana and Latin names, Chinese and Korean kanji
  names made-up kanji;
* every country but Japan (the side the Japanese readouts are written from) is moved to a country none
  of Kaidan's data names (Japan–India → Japan–Kenya): its Japanese and English names from the Unicode
  CLDR (Babel), its English adjective from ``data/metamorphic.json``; a one-kanji abbreviation inside
  a compound (日韓関係) becomes the name between middle dots (日・ケニア関係), as Japanese writes
  countries that have no abbreviation.

The scorer matches by text (Dice on normalised text, names by alias), not by offsets, so substituting
the strings of the gold records in the same way as the text keeps every gold fact matchable; the
citation check runs against the substituted text. What the scores lose under substitution is what the
people data, rather than the extraction rules, was carrying.

The tables are data (``data/metamorphic.json``); the substitution is computed at run time from the
people files and the documents, so no corpus text is kept.
"""
from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import EvalError
from ..extract.lexicon import load
from .scorer import TYPES, load_gold, names_of, score_documents

KANJI = "一-龥々"
KATA = "ァ-ヺー"
# what may follow a one-kanji family name for it to be that name (文大統領, 習主席, 李氏)
ONE_KANJI_TAIL = "(?=(?:大統領|首相|主席|国家主席|総理|総書記|氏|外相|外務大臣|委員長|議長|長官|大臣|首席|前大統領|元大統領))"
# keys of gold records whose strings are codes or labels, not text
CODE_KEYS = {"doc", "lang", "kind", "verb", "mode", "topics", "date", "start", "unit", "countries", "id",
             "date_stated", "duration_minutes", "value"}
JP = "JP"


@dataclass(frozen=True)
class Substitution:
    """One consistent rewrite: source strings (with the context each needs) to targets, and country codes."""
    variant: str
    pairs: tuple[tuple[str, str, str], ...]       # (context kind of the source, source, target)
    countries: tuple[tuple[str, str], ...]        # (source code, target code)

    @property
    def country_map(self) -> dict[str, str]:
        return dict(self.countries)

    def apply(self, text: str) -> str:
        rx, table = _compiled(self)
        return rx.sub(lambda m: table[(m.lastgroup, m.group(0))], text)


# the context each kind of source needs, in the order they are tried at one position (longest first within one)
CONTEXTS = {
    "compound": "(?:{})(?=[" + KANJI + "ァ-ヶ・])",     # 日韓 before 関係 / 首脳: a compound of abbreviations
    "plain": "(?:{})",                                   # kanji names, Japanese country names, protected words
    "one_kanji": "(?:{})" + ONE_KANJI_TAIL,              # 文 only before a title: 文大統領, not 文書
    "kata": f"(?<![{KATA}])(?:{{}})(?![{KATA}])",         # a whole katakana word
    "latin": "(?<![A-Za-z])(?:{})(?![A-Za-z])",         # a whole Latin word
}


@lru_cache(maxsize=16)
def _compiled(sub: Substitution) -> tuple[re.Pattern, dict[tuple[str, str], str]]:
    from ..people import trie_pattern

    groups: dict[str, list[str]] = {}
    table: dict[tuple[str, str], str] = {}
    for kind, src, dst in sub.pairs:
        groups.setdefault(kind, []).append(src)
        table[(kind, src)] = dst
    pattern = "|".join(f"(?P<{k}>{CONTEXTS[k].format(trie_pattern(groups[k]))})" for k in CONTEXTS if k in groups)
    return re.compile(pattern or r"(?!x)x"), table


def tables() -> dict:
    return load("metamorphic.json", ("ja_family", "ja_given", "kanji_family", "kanji_given", "syllables",
                                     "targets", "variants", "protected", "ja_abbreviations", "latin_keep"))


def _pick(items: list, key: str, seed: int, used: set) -> object:
    """A deterministic choice from ``items`` for ``key``, skipping ones already taken."""
    h = int(hashlib.sha256(f"{seed}:{key}".encode()).hexdigest(), 16)
    for k in range(len(items)):
        item = items[(h + k) % len(items)]
        if json.dumps(item, ensure_ascii=False) not in used:
            used.add(json.dumps(item, ensure_ascii=False))
            return item
    return items[h % len(items)]


def _invented_word(key: str, seed: int, n: int, used: set) -> tuple[str, str]:
    """A made-up word of ``n`` syllables, in Latin and in katakana (the same sounds)."""
    syl = tables()["syllables"]
    for salt in range(50):
        h = int(hashlib.sha256(f"{seed}:{salt}:{key}".encode()).hexdigest(), 16)
        parts = [syl[(h >> (8 * i)) % len(syl)] for i in range(n)]
        latin = "".join(p[0] for p in parts).capitalize()
        kata = "".join(p[1] for p in parts)
        if latin not in used and kata not in used:
            used.update((latin, kata))
            return latin, kata
    raise EvalError(f"no invented word left for {key!r}; add syllables to data/metamorphic.json")


# ------------------------------------------------------------------ people

@dataclass(frozen=True)
class Person:
    id: str
    country: str | None
    aliases: tuple[str, ...]


def people_from(gold_people: list[dict], bundled: dict) -> list[Person]:
    """Every person of the gold's people files and of Kaidan's people data (the gold's aliases joined in)."""
    found: dict[str, Person] = {}
    for data in gold_people:
        for pid, p in (data.get("people") or {}).items():
            if p.get("kind", "person") != "person":
                continue
            found[pid] = Person(pid, p.get("country"), tuple(p.get("aliases") or ()))
    for p in bundled.get("people") or []:
        names = p.get("names") or {}
        al = tuple(names.get("ja", [])) + tuple(names.get("en", []))
        if p.get("kind", "person") != "person":
            continue
        old = found.get(p["id"])
        found[p["id"]] = Person(p["id"], p.get("country") or (old.country if old else None),
                                tuple(dict.fromkeys((old.aliases if old else ()) + al)))
    return [found[k] for k in sorted(found)]


def _title_suffix(bundled: dict) -> re.Pattern:
    titles = {t for o in (bundled.get("offices") or {}).values() for t in o.get("ja", [])}
    titles |= {"氏", "さん", "元首相", "前首相", "元総理", "前大統領", "元大統領"}
    return re.compile("(?:" + "|".join(sorted(map(re.escape, titles), key=len, reverse=True)) + ")$")


def _kanji_split(names: list[str], japanese: bool) -> tuple[str, str] | None:
    """(family, given) of a kanji name from its aliases: the shortest alias the full name starts with."""
    if not names:
        return None
    full = max(names, key=len)
    fams = [n for n in names if n != full and full.startswith(n)]
    if fams:
        fam = min(fams, key=len)
    elif len(full) <= 2:
        fam = full
    elif len(full) == 3:
        fam = full[:2] if japanese else full[:1]
    else:
        fam = full[:2]
    return fam, full[len(fam):]


def _person_pairs(people: list[Person], bundled: dict, seed: int) -> list[tuple[str, str, str]]:
    t = tables()
    keep = set(t["latin_keep"])
    # a katakana word of a name that is also a country's name (キャサリン・タイ, タイ = Thailand) is kept:
    # rewriting it would rewrite the country wherever the text names it
    country_words = {a for names in (bundled.get("countries") or {}).values() for a in names.get("ja", [])}
    suffix = _title_suffix(bundled)
    used: set = set()
    kanji: dict[str, str] = {}
    latin: dict[str, str] = {}
    kata: dict[str, str] = {}
    for p in people:
        stripped = [suffix.sub("", a) or a for a in p.aliases]
        kan = sorted({a for a in stripped if re.fullmatch(f"[{KANJI}]+", a)})
        lat = [a for a in p.aliases if a.isascii()]
        japanese = p.country == JP
        split = _kanji_split(kan, japanese)
        if japanese and split:
            (fk, fr), (gk, gr) = (_pick(t["ja_family"], p.id + "/f", seed, used),
                                  _pick(t["ja_given"], p.id + "/g", seed, used))
            kanji.setdefault(split[0], fk)
            if split[1]:
                kanji.setdefault(split[0] + split[1], fk + gk)
            # the romanised family name: the Latin alias written alone, else the last word of the longest
            singles = [a for a in lat if " " not in a and a[:1].isupper() and a not in keep]
            longest = max(lat, key=len) if lat else ""
            family = singles[0] if singles else (longest.split()[-1] if longest else "")
            for word in {w for a in lat for w in a.split()}:
                if word in keep or not re.fullmatch(r"[A-Z][A-Za-z'\-]+", word):
                    continue
                to = fr if word.lower() == family.lower() else gr
                latin.setdefault(word, to.upper() if word.isupper() and len(word) > 1 else to)
            continue
        if split:
            fk = _pick(t["kanji_family"], p.id + "/kf", seed, used)
            gk = _pick(t["kanji_given"], p.id + "/kg", seed, used)
            kanji.setdefault(split[0], fk)
            if split[1]:
                kanji.setdefault(split[0] + split[1], fk + gk)
        for a in p.aliases:
            if re.fullmatch(f"[{KATA}・＝=]+", a):
                for w in re.split("[・＝=]", a):
                    if len(w) >= 2 and w not in kata and w not in country_words:
                        kata[w] = _invented_word("k:" + w, seed, max(2, min(4, len(w) // 2 + 1)), used)[1]
            elif a.isascii():
                for w in a.split():
                    if w in keep or w in latin or not re.fullmatch(r"[A-Z][A-Za-z'\-]+", w):
                        continue
                    new = _invented_word("l:" + w.lower(), seed, max(2, min(4, (len(w) + 1) // 3)), used)[0]
                    latin[w] = new.upper() if w.isupper() and len(w) > 1 else new
    pairs = []
    for src, dst in kanji.items():
        pairs.append(("one_kanji" if len(src) == 1 else "plain", src, dst))
    for src, dst in kata.items():
        pairs.append(("kata", src, dst))
    for src, dst in latin.items():
        pairs.append(("latin", src, dst))
        if src[:1].isupper() and not src.isupper() and len(src) > 3:
            pairs.append(("latin", src.upper(), dst.upper()))
    return pairs


# ------------------------------------------------------------------ countries

def _demonym(alias: str, cldr_en: str) -> bool:
    return alias != cldr_en and bool(re.search(r"(?:an|ese|ish|ian|ch|i|ans)$", alias)) and alias[:1].isupper()


def _country_pairs(bundled: dict, gold_people: list[dict], seed: int,
                   moved: tuple[str, ...]) -> tuple[list, list]:
    """The pairs that move the countries ``moved`` (a document's pair, Japan aside) to target countries;
    third countries the document names in passing stay as they are."""
    from babel import Locale

    t = tables()
    ja_names, en_names = Locale("ja").territories, Locale("en").territories
    aliases: dict[str, set[str]] = {}
    for code, names in (bundled.get("countries") or {}).items():
        aliases.setdefault(code, set()).update(names.get("ja", []) + names.get("en", []))
    for data in gold_people:
        for code, names in (data.get("countries") or {}).items():
            aliases.setdefault(code, set()).update(names)
    for code in list(aliases):
        for loc in (ja_names, en_names):
            if code in loc:
                aliases[code].add(loc[code])
    sources = sorted(c for c in moved if c in aliases and c not in (JP, "EU"))
    targets = list(t["targets"])
    cmap = {}
    for c in sources:
        h = int(hashlib.sha256(f"{seed}:{c}".encode()).hexdigest(), 16)
        taken = {x["code"] for x in cmap.values()}
        cmap[c] = next(x for k in range(len(targets)) if (x := targets[(h + k) % len(targets)])["code"] not in taken)
    pairs: list[tuple[str, str, str]] = []
    abbr = t["ja_abbreviations"]
    for code, target in cmap.items():
        tc = target["code"]
        ja, en = ja_names[tc], en_names[tc]
        for a in sorted(aliases[code], key=len, reverse=True):
            if len(a) == 1:
                continue
            if a.isascii():
                to = target["en_adj"] if _demonym(a, en_names.get(code, "")) else en
                to = to + "s" if a.endswith("ans") and not to.endswith("s") else to
                pairs.append(("latin", a, to))
            else:
                to = ja + "政府" if a.endswith("政府") else ja
                pairs.append(("plain", a, to))
    # one-kanji abbreviations in a compound of abbreviations: 日韓 → 日・ケニア, 日米韓 → 日米・ケニア
    one = {a: code for code in cmap for a in aliases[code] if len(a) == 1 and a in abbr}
    compounds = set()
    for a, code in one.items():
        for other in abbr:
            if other != a:
                compounds.add(other + a)
                compounds.add(a + other)
    for c in sorted(compounds):
        parts = [ja_names[cmap[one[ch]]["code"]] if ch in one else ch for ch in c]
        out = parts[0]
        for prev, p in zip(parts, parts[1:]):
            out += ("・" if len(prev) > 1 or len(p) > 1 else "") + p
        pairs.append(("compound", c, out))
    for p in t["protected"]:
        pairs.append(("latin" if p.isascii() else "plain", p, p))
    return pairs, [(c, cmap[c]["code"]) for c in sources]


def build(variant: str, gold_people: list[dict], bundled: dict | None = None,
          countries: tuple[str, ...] = ()) -> Substitution:
    """The substitution of one variant (a key of ``variants`` in data/metamorphic.json) for a document
    whose event is between ``countries``."""
    t = tables()
    if variant not in t["variants"]:
        raise EvalError(f"unknown variant {variant!r}; choose one of {', '.join(t['variants'])}")
    v = t["variants"][variant]
    if bundled is None:
        from ..people import DATA
        bundled = json.loads(DATA.read_text(encoding="utf-8"))
    pairs: list[tuple[str, str, str]] = []
    moved: list[tuple[str, str]] = []
    if v.get("names"):
        pairs += _person_pairs(people_from(gold_people, bundled), bundled, v["seed"])
    if v.get("countries"):
        cp, moved = _country_pairs(bundled, gold_people, v["seed"], tuple(countries))
        pairs += cp
    seen, unique = set(), []
    for p in pairs:
        if p[:2] not in seen:
            seen.add(p[:2])
            unique.append(p)
    return Substitution(variant, tuple(unique), tuple(moved))


# ------------------------------------------------------------------ applying it

def substitute_record(sub: Substitution, rec: dict) -> dict:
    """A gold record with its text fields rewritten and its event's country codes moved."""
    cmap = sub.country_map

    def walk(x, key=None):
        if isinstance(x, dict):
            return {k: walk(v, k) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v, key) for v in x]
        if isinstance(x, str):
            if key == "countries":
                return cmap.get(x, x)
            return x if key in CODE_KEYS else sub.apply(x)
        return x

    return walk(copy.deepcopy(rec))


def substitute_people(sub: Substitution, data: dict) -> dict:
    """A gold people file with its aliases rewritten and its country codes moved."""
    cmap = sub.country_map
    people = {pid: {**p, "aliases": [sub.apply(a) for a in p.get("aliases", [])],
                    "country": cmap.get(p.get("country"), p.get("country"))}
              for pid, p in (data.get("people") or {}).items()}
    countries = {cmap.get(c, c): [sub.apply(a) for a in al] for c, al in (data.get("countries") or {}).items()}
    return {"people": people, "countries": countries}


def _people_files(gold_dir: Path) -> list[dict]:
    out = []
    for path in (gold_dir.parent / "people.json", gold_dir / "people.json"):
        if path.is_file():
            try:
                out.append(json.loads(path.read_text(encoding="utf-8")))
            except ValueError as e:
                raise EvalError(f"{path}: not a readable people.json ({e})") from e
    return out


def _load_docs(gold: dict, docs_dir: Path):
    from ..ingest import load as load_doc

    if not docs_dir.is_dir():
        raise EvalError(f"{docs_dir}: documents folder not found")
    docs = {}
    for name in gold:
        path = docs_dir / name
        if not path.is_file():
            raise EvalError(f"{path}: document named by the gold is missing from --docs")
        docs[name] = load_doc(str(path))
    return docs


def _extract(docs: dict, texts: dict[str, str]) -> dict[str, dict]:
    from ..pipeline import extract_text

    return {n: extract_text(texts[n], n, docs[n].lang, docs[n].page_date, docs[n].origin).to_dict() for n in texts}


def aggregate(per_doc: dict[str, dict]) -> dict:
    """One score table from documents scored one by one (each with its own substitution and names)."""
    from .scorer import _prf

    totals = {t: [0, 0, 0] for t in TYPES}
    attrs: dict[str, list[int]] = {}
    events = [0, 0]
    cites = [0, 0]
    for s in per_doc.values():
        for t in TYPES:
            x = s["types"][t]
            totals[t] = [totals[t][0] + x["matched"], totals[t][1] + x["output"], totals[t][2] + x["gold"]]
        for k, (ok, n) in s["attribute_counts"].items():
            attrs[k] = [attrs.get(k, [0, 0])[0] + ok, attrs.get(k, [0, 0])[1] + n]
        events[0] += s["events_scored"] and bool(s["event_accuracy"])
        events[1] += s["events_scored"]
        n_out = sum(s["types"][t]["output"] for t in TYPES)
        cites[0] += round(s["citation_validity"] * n_out)
        cites[1] += n_out
    every = [sum(totals[t][i] for t in TYPES) for i in range(3)]
    return {"documents": len(per_doc), "types": {t: _prf(*totals[t]) for t in TYPES}, "all": _prf(*every),
            "attributes": {k: round(ok / n, 4) if n else None for k, (ok, n) in sorted(attrs.items())},
            "attribute_counts": attrs, "event_accuracy": round(events[0] / events[1], 4) if events[1] else None,
            "events_scored": events[1], "citation_validity": round(cites[0] / cites[1], 4) if cites[1] else 1.0,
            "per_document": {d: s["per_document"][d] for d, s in per_doc.items()}}


def substituted(variant: str, gold: dict, texts: dict[str, str], people: list[dict], bundled: dict | None = None):
    """Each document's substitution, its rewritten text, gold record and scorer names."""
    for name, g in gold.items():
        countries = tuple((g.get("event") or {}).get("countries") or ())
        sub = build(variant, people, bundled, countries)
        yield name, sub, sub.apply(texts[name]), substitute_record(sub, g), \
            names_of([substitute_people(sub, p) for p in people])


def evaluate(gold_dir: Path, docs_dir: Path, variants: list[str], *, original: bool = True) -> dict:
    """Scores of the gold set as it is (``original``) and under each substitution variant."""
    gold = load_gold(gold_dir)
    docs = _load_docs(gold, docs_dir)
    people = _people_files(gold_dir)
    texts = {n: d.text for n, d in docs.items()}
    results: dict[str, dict] = {}
    if original:
        results["original"] = score_documents(gold, _extract(docs, texts), texts, names_of(people))
    from ..people import DATA
    bundled = json.loads(DATA.read_text(encoding="utf-8"))
    for v in variants:
        per_doc, changed = {}, 0
        for name, _sub, text, sgold, names in substituted(v, gold, texts, people, bundled):
            out = _extract(docs, {name: text})
            per_doc[name] = score_documents({name: sgold}, out, {name: text}, names)
            changed += text != texts[name]
        results[v] = aggregate(per_doc)
        results[v]["changed_documents"] = changed
    return results


def check_floors(results: dict, floors_path: Path) -> list[str]:
    """Scores under their floors: the floors file holds one table of floors per variant (``original`` too),
    each of the form of quality/real.json. A variant the results lack is an error, never skipped."""
    from ..commands import floors_failed, read_floors

    failed = []
    for variant, floors in read_floors(floors_path).items():
        if variant.startswith("_"):
            continue
        if variant not in results or not isinstance(floors, dict):
            raise EvalError(f"{floors_path}: floors for '{variant}', a variant that was not scored")
        failed += [f"{variant} {line}" for line in floors_failed(results[variant], floors, floors_path)]
    return failed


def format_table(results: dict) -> str:
    cols = list(results)
    lines = [f"{'type':<18}" + "".join(f"{c:>13}" for c in cols)]
    for t in list(TYPES) + ["all"]:
        row = [results[c]["all"]["f1"] if t == "all" else results[c]["types"][t]["f1"] for c in cols]
        lines.append(f"{t:<18}" + "".join(f"{x:>13.3f}" for x in row))
    lines.append(f"{'event':<18}" + "".join(f"{(results[c]['event_accuracy'] or 0):>13.3f}" for c in cols))
    lines.append(f"{'participants':<18}" + "".join(
        f"{(results[c]['attributes'].get('meetings.participants') or 0):>13.3f}" for c in cols))
    lines.append(f"{'citations':<18}" + "".join(f"{results[c]['citation_validity']:>13.3f}" for c in cols))
    return "\n".join(lines)
