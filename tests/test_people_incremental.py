"""A document's extra people (``Gazetteer.with_people``) join the people data's gazetteer without building
its name pattern again, and it answers as the gazetteer built from the data and the extra people together."""
from __future__ import annotations

import pytest

from kaidan.people import Gazetteer, gazetteer


def _person(pid: str, ja: list[str] = (), en: list[str] = (), kind: str = "person") -> dict:
    return {"id": f"named:{pid}", "kind": kind, "country": "KE", "names": {"ja": list(ja), "en": list(en)},
            "terms": [{"office": "president", "from": "0000-00-00", "to": None}]}


def _rebuilt(entries: tuple[dict, ...]) -> Gazetteer:
    base = gazetteer()
    people = list(base._data["people"]) + sorted(entries, key=lambda e: e["id"])
    return Gazetteer({**base._data, "people": people}, "rebuilt")


CASES = [
    pytest.param((_person("takaichi_ichiro", ja=["高市一郎"]),),
                 ["高市一郎氏と高市総理大臣が会談した", "高市早苗首相は高市一郎大統領と話した", "高市一"],
                 id="a longer extra name holding a data name"),
    pytest.param((_person("makuro", ja=["マクロ"]), _person("ichisana", ja=["市早"])),
                 ["マクロン大統領とマクロ大統領", "高市早苗総理大臣", "市早氏と高市氏"],
                 id="extra names inside data names"),
    pytest.param((_person("john_tora", ja=["ジョン・トラ"]),),
                 ["ジョン・トランプ大統領と会談", "トランプ大統領とジョン・トラ氏"],
                 id="an extra name overlapping the start of a data name"),
    pytest.param((_person("ruto", en=["Ruto", "William Ruto"]), _person("pmts", en=["Prime Minister Takaichi Sanae"])),
                 ["President Ruto met Prime Minister Takaichi Sanae and RUTO William Ruto.",
                  "Prime Minister Takaichi met President William Ruto; Rutoville is no name",
                  "Secretary of State Blinken and Ruto on May 18, 2023"],
                 id="English names, titles before them and capitals"),
    pytest.param((_person("toyota_ken", ja=["トヨタ"], en=["Toyota"]), _person("shu", ja=["周"])),
                 ["トヨタ大統領はトヨタ自動車を訪れ、周主席と会談", "Toyota met Toyota Motor"],
                 id="an extra name that an org has and a one-character name"),
]


@pytest.mark.parametrize("entries, texts", CASES)
def test_extra_people_find_the_mentions_of_the_rebuilt_gazetteer(entries, texts):
    inc, full = gazetteer().with_people(entries), _rebuilt(entries)
    assert inc._name_re is gazetteer()._name_re and inc._extra_re is not None    # the data's pattern is kept
    for text in texts:
        assert inc.mentions(text, 7) == full.mentions(text, 7), text
    assert any(m.entity.startswith("named:") for t in texts for m in inc.mentions(t))    # the extras count
    assert inc.aliases() == full.aliases()
    assert list(inc.entities.items()) == list(full.entities.items())
    assert inc._long_aliases == full._long_aliases and inc._by_alias == full._by_alias
    for text in texts + ["トヨタ", "toyota", "RUTO", "高市一郎総理", "周"]:
        assert inc.lookup(text) == full.lookup(text), text


def test_the_extra_names_win_where_the_rebuilt_gazetteer_has_them_win():
    entries = (_person("takaichi_ichiro", ja=["高市一郎"]), _person("john_tora", ja=["ジョン・トラ"]))
    inc = gazetteer().with_people(entries)
    got = [(m.text, m.entity) for m in inc.mentions("高市一郎氏とジョン・トランプ大統領、高市首相")]
    assert got == [("高市一郎氏", "named:takaichi_ichiro"), ("ジョン・トラ", "named:john_tora"),
                   ("高市首相", "takaichi")]
    assert gazetteer().mentions("ジョン・トランプ大統領")[0].text == "トランプ大統領"    # the data alone


def test_an_extra_entry_with_a_data_id_builds_the_whole_gazetteer():
    entry = {"id": "takaichi", "kind": "person", "country": "JP", "names": {"ja": ["高市一郎"], "en": []}}
    g = gazetteer().with_people((entry,))
    assert g._extra_re is None and g._name_re is not gazetteer()._name_re
    assert [m.entity for m in g.mentions("高市一郎氏")] == ["takaichi"]
