"""The people data file: validated on load; names, titles and terms resolve."""
from __future__ import annotations

import pytest

from kaidan.errors import DataFileError
from kaidan.people import Gazetteer, gazetteer


def test_bundled_file_loads_and_covers_leaders_of_both_languages():
    gaz = gazetteer()
    for name in ("高市総理大臣", "高市首相", "Prime Minister Takaichi", "トランプ大統領", "President Trump",
                 "スターマー首相", "マクロン大統領", "モディ首相", "尹錫悦大統領"):
        assert gaz.lookup(name), name
    assert gaz.lookup("高市総理大臣") == gaz.lookup("Prime Minister Takaichi")


@pytest.mark.parametrize("office, date, country, expected", [
    ("president", "2025-10-28", "US", "Trump"),
    ("president", "2022-05-23", "US", "Biden"),
    ("president", "2019-05-27", "US", "Trump"),
    ("prime_minister", "2025-10-28", "JP", "Takaichi"),
    ("prime_minister", "2025-02-07", "JP", "Ishiba"),
    ("prime_minister", "2018-04-18", "JP", "Abe"),
    ("prime_minister", "2024-05-20", "NZ", "Luxon"),         # leaders of countries beyond Japan's main partners
    ("prime_minister", "2022-11-17", "SA", "Mohammed bin Salman"),
    ("prime_minister", "2023-05-20", "PL", "Morawiecki"),
    ("prime_minister", "2024-05-20", "PL", "Tusk"),
])
def test_title_alone_resolves_by_date(office, date, country, expected):
    gaz = gazetteer()
    who = gaz.holder(office, date, country=country)
    assert who and expected in gaz.name(who, "en")


def test_a_short_katakana_alias_inside_another_name_is_not_kept():
    gaz = gazetteer()
    assert gaz.lookup("シーシ大統領") == "sisi" and gaz.lookup("マシシ大統領") != "sisi"


def test_mentions_take_the_title_with_the_name_and_skip_company_names():
    gaz = gazetteer()
    ms = gaz.mentions("高市総理大臣は日本製鉄の件でトランプ大統領と話した")
    assert [m.text for m in ms] == ["高市総理大臣", "日本製鉄", "トランプ大統領"]
    assert [gaz.entities[m.entity].kind for m in ms] == ["person", "org", "person"]


@pytest.mark.parametrize("data, message", [
    ({}, "people"),
    ({"people": [{"id": "x"}]}, "needs an 'id' and 'names'"),
    ({"offices": {}, "people": [{"id": "x", "names": {"ja": ["甲"]}, "terms": [{"office": "emperor"}]}]},
     "unknown office"),
    ({"countries": {"Japan": {"ja": ["日本"]}}, "people": []}, "ISO alpha-2"),
])
def test_invalid_entries_raise_a_one_line_error_naming_them(data, message):
    with pytest.raises(DataFileError, match=message):
        Gazetteer(data, "test.json")


def test_every_cldr_country_is_a_country_and_the_people_data_keeps_its_own():
    gaz = gazetteer()
    for name, code in (("コロンビア", "CO"), ("Colombia", "CO"), ("Colombian", "CO"), ("Senegalese", "SN"),
                       ("Nigerian", "NG"), ("ケニア", "KE"), ("Japanese", "JP"), ("米国", "US")):
        ent = gaz.lookup(name)
        assert (gaz.country_of(ent) if ent else None) == code, name
    found = [(m.text, m.entity) for m in gaz.mentions("コロンビアは、Colombian investment")]
    assert found == [("コロンビア", "country:CO"), ("Colombian", "country:CO")]


@pytest.mark.parametrize("text", ["Chad said", "Georgia's governor", "ジャージーを着た", "アマリ氏は", "マリ氏は",
                                  "南極の氷"])
def test_cldr_names_that_are_people_states_or_words_are_no_country(text):
    assert [m for m in gazetteer().mentions(text) if m.kind == "country"] == []


def test_cldr_countries_stay_with_a_documents_extra_people_and_the_longer_name_wins():
    gaz = gazetteer().with_people(({"id": "named:ruto", "names": {"ja": ["ルト"], "en": ["Ruto"]}, "country": "KE"},))
    found = [(m.text, m.entity) for m in gaz.mentions("ケニアのルト大統領 met in American Samoa")]
    assert found == [("ケニア", "country:KE"), ("ルト大統領", "named:ruto"), ("American Samoa", "country:AS")]
