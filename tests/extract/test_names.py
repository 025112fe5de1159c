"""How the document writes people's full names: each alias's name key, for the data and a document's people."""
from __future__ import annotations

from kaidan.extract import names
from kaidan.people import gazetteer


def _direct(gaz) -> dict[str, frozenset[str]]:
    known: dict[str, set[str]] = {}
    for alias, ent in gaz.aliases():
        known.setdefault(ent, set()).add(names._key(alias))
    return {ent: frozenset(keys) for ent, keys in known.items()}


def test_name_keys_ignore_order_middle_initials_and_dots():
    assert names._key("Donald J. Trump") == names._key("Trump Donald") == "donald trump"
    assert names._key("ノザ・マゾ") == names._key("マゾ・ノザ")


def test_the_known_keys_of_a_document_gazetteer_are_those_of_its_own_aliases():
    base = gazetteer()
    entry = {"id": "named:testperson", "kind": "person", "country": "KE",
             "names": {"ja": ["ゾラン・ミキッチ"], "en": ["Zoran Mikic"]}}
    doc_gaz = base.with_people((entry,))
    assert names._known(base) == _direct(base)
    # the document's gazetteer is read after the data's: the keys remembered from the data are its keys too
    known = names._known(doc_gaz)
    assert known == _direct(doc_gaz)
    assert known["named:testperson"] == frozenset({"ゾラン ミキッチ", "mikic zoran"})
