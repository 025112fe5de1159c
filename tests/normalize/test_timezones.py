from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaidan.errors import DataFileError
from kaidan.normalize import country_of_place, find_zone_marker, load_places, to_local, zone_of_place
from kaidan.normalize.timezones import PLACES_FILE

MARKERS = [
    ("現地時間2月7日、午前11時55分(日本時間2月8日、午前1時55分)", "local"),  # the first marker wins
    ("日本時間の8日午前2時前", "Asia/Tokyo"),
    ("at 3:30 p.m. (EDT)", "America/New_York"),
    ("10 a.m. (EST)", "America/New_York"),
    ("11 a.m. ET", "America/New_York"),
    ("9:00 (JST)", "Asia/Tokyo"),
    ("2 a.m. Japan time", "Asia/Tokyo"),
    ("noon local time", "local"),
    ("(GMT)", "Europe/London"),
    ("(BST)", "Europe/London"),
    ("(CET)", "Europe/Paris"),
    ("(CEST)", "Europe/Paris"),
    ("(IST)", "Asia/Kolkata"),
    ("(KST)", "Asia/Seoul"),
    ("米東部時間の午後3時", "America/New_York"),
    ("BETTER ESTIMATES", None),
    ("a pet", None),
    ("会談を行った", None),
]


@pytest.mark.parametrize("text,zone", MARKERS)
def test_find_zone_marker(text, zone):
    assert find_zone_marker(text) == zone


PLACES = [
    ("ワシントン", "America/New_York", "US"),
    ("米国・ワシントンD. C.", "America/New_York", "US"),
    ("White House", "America/New_York", "US"),
    ("ホワイトハウス", "America/New_York", "US"),
    ("東京・迎賓館", "Asia/Tokyo", "JP"),
    ("迎賓館", "Asia/Tokyo", "JP"),
    ("総理大臣官邸", "Asia/Tokyo", "JP"),
    ("Akasaka Palace", "Asia/Tokyo", "JP"),
    ("米海軍横須賀基地に停泊中の米原子力空母ジョージ・ワシントン", "Asia/Tokyo", "JP"),  # earliest name wins
    ("ロンドン", "Europe/London", "GB"),
    ("10 Downing Street", "Europe/London", "GB"),
    ("エリゼ宮", "Europe/Paris", "FR"),
    ("Élysée Palace", "Europe/Paris", "FR"),
    ("ニューデリー", "Asia/Kolkata", "IN"),
    ("New Delhi", "Asia/Kolkata", "IN"),
    ("ソウル", "Asia/Seoul", "KR"),
    ("北京", "Asia/Shanghai", "CN"),
    ("キャンベラ", "Australia/Sydney", "AU"),
    ("ベルリン", "Europe/Berlin", "DE"),
    ("ローマ", "Europe/Rome", "IT"),
    ("オタワ", "America/Toronto", "CA"),
    ("マニラ", "Asia/Manila", "PH"),
    ("ジャカルタ", "Asia/Jakarta", "ID"),
    ("ハノイ", "Asia/Ho_Chi_Minh", "VN"),
    ("ニューヨーク", "America/New_York", "US"),
    ("Mar-a-Lago, Palm Beach", "America/New_York", "US"),
    ("パームビーチ", "America/New_York", "US"),
    ("広島", "Asia/Tokyo", "JP"),
    ("大阪", "Asia/Tokyo", "JP"),
    ("Camp David", "America/New_York", "US"),
    ("キャンプ・デービッド", "America/New_York", "US"),
    ("横須賀", "Asia/Tokyo", "JP"),
]


@pytest.mark.parametrize("place,zone,country", PLACES)
def test_zone_of_place(place, zone, country):
    assert zone_of_place(place) == zone
    assert country_of_place(place) == country


@pytest.mark.parametrize("place", ["Romeo and Juliet", "Parisian", "どこか", "", None])
def test_unknown_places(place):
    assert zone_of_place(place) is None


def test_bundled_places_file_is_valid():
    places = load_places()
    assert len(places) >= 30
    names = [n for p in places for n in p.names]
    assert len(names) == len(set(names)), "a name must identify one place"


@pytest.mark.parametrize("entry,fragment", [
    ({"names": ["Nowhere"], "country": "JP", "tz": "Asia/Atlantis"}, "tz"),
    ({"names": ["Nowhere"], "country": "Japan", "tz": "Asia/Tokyo"}, "country"),
    ({"names": [], "country": "JP", "tz": "Asia/Tokyo"}, "names"),
    ({"names": [""], "country": "JP", "tz": "Asia/Tokyo"}, "names"),
    ("Tokyo", "names"),
])
def test_invalid_places_file(tmp_path, entry, fragment):
    path = tmp_path / "places.json"
    path.write_text(json.dumps({"version": 1, "places": [{"names": ["東京"], "country": "JP", "tz": "Asia/Tokyo"},
                                                         entry]}), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_places(path)
    msg = str(err.value)
    assert "places.json" in msg and "entry 1" in msg and fragment in msg and "\n" not in msg


@pytest.mark.parametrize("content", ["not json", "[]", '{"places": 3}'])
def test_unreadable_places_file(tmp_path, content):
    path = tmp_path / "places.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match="places.json"):
        load_places(path)


def test_places_file_is_where_the_package_data_is():
    assert PLACES_FILE.name == "places.json" and PLACES_FILE.parent.name == "data"


CONVERSIONS = [
    # seed 001: 日本時間の8日午前2時前 in Washington (EST, UTC-5)
    (("2025-02-08", 2, 0, "Asia/Tokyo", "America/New_York"), ("2025-02-07", "12:00")),
    # seed 002: 日本時間2月8日、午前1時55分 = 現地時間2月7日、午前11時55分
    (("2025-02-08", 1, 55, "Asia/Tokyo", "America/New_York"), ("2025-02-07", "11:55")),
    (("2025-02-07", 11, 55, "America/New_York", "Asia/Tokyo"), ("2025-02-08", "01:55")),
    # summer: EDT, UTC-4
    (("2025-07-08", 1, 55, "Asia/Tokyo", "America/New_York"), ("2025-07-07", "12:55")),
    # the day DST starts in New York (9 March 2025, 02:00 → 03:00)
    (("2025-03-09", 12, 0, "America/New_York", "Asia/Tokyo"), ("2025-03-10", "01:00")),
    (("2025-03-08", 12, 0, "America/New_York", "Asia/Tokyo"), ("2025-03-09", "02:00")),
    (("2025-10-28", 9, 50, "Asia/Tokyo", "Asia/Tokyo"), ("2025-10-28", "09:50")),
    (("2025-06-15", 15, 0, "Europe/London", "Asia/Kolkata"), ("2025-06-15", "19:30")),
]


@pytest.mark.parametrize("args,expected", CONVERSIONS)
def test_to_local(args, expected):
    assert to_local(*args) == expected


@pytest.mark.parametrize("args", [
    ("2025-02-08", 2, 0, "local", "America/New_York"),
    ("2025-02-08", 2, 0, "Asia/Tokyo", "Mars/Olympus"),
    ("2025-02-08", 25, 0, "Asia/Tokyo", "UTC"),
    ("2025-02-30", 2, 0, "Asia/Tokyo", "UTC"),
])
def test_to_local_rejects(args):
    with pytest.raises(ValueError):
        to_local(*args)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=60))
def test_markers_and_places_never_raise(text):
    assert find_zone_marker(text) == find_zone_marker(text)
    zone_of_place(text)
