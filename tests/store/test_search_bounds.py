"""The SQLite store's search reads a bounded part of the index: the latest window of matches, the entries
of a few documents, or the documents walked from the latest event back; never every match of a word."""
from __future__ import annotations

import datetime as dt

import pytest

from kaidan.store import Store, search
from kaidan.store import sqlite
from kaidan.store.sqlite import EventFilter

from .test_sqlite import make_doc


def _archive(n: int, *, country: str = "JP", first_latest: bool = True) -> tuple[Store, list[str]]:
    """n documents with 会談, each in an event of its own; the first indexed has the latest date."""
    store = Store(":memory:")
    ids = []
    for i in range(n):
        doc = make_doc(f"会談 第{i}回", source=f"d{i}.txt")
        store.add_document(doc)
        store.index_search(doc.id, search.entries(None, doc.text, None))
        day = 10_000 - i if first_latest else i
        date = (dt.date(2000, 1, 1) + dt.timedelta(days=day)).isoformat()
        store.put_event({"id": f"{date}-{country}-US-{i}", "countries": f"{country}-US", "date_start": date,
                         "date_end": date}, doc.id)
        ids.append(doc.id)
    return store, ids


def _vm_steps(store: Store, run) -> int:
    """How many SQLite virtual-machine steps (in hundreds) ``run`` takes: work, not time."""
    steps = [0]

    def tick():
        steps[0] += 1
        return 0

    store._db.set_progress_handler(tick, 100)
    try:
        run()
    finally:
        store._db.set_progress_handler(None, 100)
    return steps[0]


def test_sort_by_date_gives_the_latest_documents_not_the_latest_indexed():
    store, ids = _archive(12)                   # indexed from the latest date to the oldest
    match = search.match_query("会談")
    latest = store.search(match, limit=3, window=4, by_date=True)
    assert [d for d, *_ in latest] == ids[:3]   # more matches than the window: documents walked by date
    assert [d for d, *_ in store.search(match, limit=3, window=50, by_date=True)] == ids[:3]  # all matches sorted
    assert [d for d, *_ in store.search(match, limit=2, offset=3, window=4, by_date=True)] == ids[3:5]


def test_relevance_ranks_the_latest_window_shorter_entries_first():
    store, ids = _archive(6, first_latest=False)
    long_doc = make_doc("会談 " + "両国の経済関係について長く説明した。" * 30, source="long.txt")
    store.add_document(long_doc)
    store.index_search(long_doc.id, search.entries(None, long_doc.text, None))
    hits = store.search(search.match_query("会談"), limit=3, window=3)
    assert [d for d, *_ in hits] == [ids[5], ids[4], long_doc.id]   # the 3 latest indexed, the long one last
    assert hits[0][3] < hits[-1][3] < 0


@pytest.mark.parametrize("within", [EventFilter(country="JP"), EventFilter(date_from="2001-01-01"),
                                    EventFilter(event="202")])
def test_a_broad_filter_costs_the_same_at_ten_times_the_events(within, monkeypatch):
    monkeypatch.setattr(sqlite, "FEW_DOCS", 20)
    match = search.match_query("会談")
    cost = []
    for n in (60, 600):
        store, _ = _archive(n)
        hits = []
        cost.append(_vm_steps(store, lambda: hits.extend(store.search(match, limit=5, window=30, within=within))))
        assert len(hits) == 5
    assert cost[1] < 1.5 * cost[0]


def test_a_rare_country_reads_its_documents_entries_only():
    store, ids = _archive(200)
    au = make_doc("会談 豪州", source="au.txt")
    store.add_document(au)
    store.index_search(au.id, search.entries(None, au.text, None))
    store.put_event({"id": "1999-01-01-AU-JP", "countries": "AU-JP", "date_start": "1999-01-01",
                     "date_end": "1999-01-01"}, au.id)
    for doc_id in ids[:150]:                    # indexed again: AU's entry is now far behind the window
        search.index_document(store, doc_id)
    hits = store.search(search.match_query("会談"), window=10, within=EventFilter(country="au"))
    assert [(d, k) for d, k, *_ in hits] == [(au.id, "document")]
    sql, params = sqlite._filter_docs_sql(EventFilter(country="AU"))
    plan = " ".join(r[-1] for r in store._db.execute(f"EXPLAIN QUERY PLAN {sql}", (*params, 5)))
    assert plan.startswith("SEARCH ec USING PRIMARY KEY (country=?)")      # the country's events only


def test_a_filter_rare_among_the_matches_still_fills_the_page(monkeypatch):
    monkeypatch.setattr(sqlite, "FEW_DOCS", 2)
    store, ids = _archive(40)
    au = []
    for i in range(5):                          # indexed first, far behind the window of the latest matches
        doc = make_doc(f"会談 豪州 {i}", source=f"au{i}.txt")
        store.add_document(doc)
        store.index_search(doc.id, search.entries(None, doc.text, None))
        store.put_event({"id": f"2024-05-0{i + 1}-AU-JP", "countries": "AU-JP", "date_start": f"2024-05-0{i + 1}",
                         "date_end": f"2024-05-0{i + 1}"}, doc.id)
        au.append(doc.id)
    for doc_id in ids:
        search.index_document(store, doc_id)
    hits = store.search(search.match_query("会談"), limit=4, window=5, within=EventFilter(country="AU"))
    assert len(hits) == 4 and {d for d, *_ in hits} <= set(au)


def _pg_archive(pg_url, n: int):
    """The PostgreSQL store with n documents, every third one with 会談 (the others with 外交), in indexing order."""
    from kaidan.store import open_store

    store = open_store(pg_url)
    ids = []
    for i in range(n):
        doc = make_doc(f"{'会談' if i % 3 == 0 else '外交'} 第{i}回", source=f"d{i}.txt")
        store.add_document(doc)
        store.index_search(doc.id, search.entries(None, doc.text, None))
        ids.append(doc.id)
    return store, ids


def test_postgres_reads_the_newest_window_of_matches_each_step_the_cheapest_for_the_density_seen(pg_url, monkeypatch):
    from kaidan.store import postgres

    monkeypatch.setattr(postgres, "SCAN_SPAN", 4)             # the first step walks the newest 4 rowids
    store, ids = _pg_archive(pg_url, 60)                      # rowid i + 1 for document i; 会談 in every third
    ranges, steps = [], []
    real_step, real_next = store._step, postgres._next_step
    monkeypatch.setattr(store, "_step", lambda sql, params: ranges.append(tuple(params[-3:-1]))
                        or real_step(sql, params))
    monkeypatch.setattr(postgres, "_next_step", lambda *a: steps.append(real_next(*a)) or steps[-1])
    matching = [d for i, d in enumerate(ids) if i % 3 == 0]

    def newest(q: str, window: int) -> list[str]:
        ranges.clear()
        steps.clear()
        return sorted(d for d, *_ in store.search(search.match_query(q), limit=min(window, 50), window=window))

    try:
        # one match in the newest 4 rows: 4 more need 24 rows at that density (times 1.5); walking them costs
        # less than reading the index when its entries cost enough
        monkeypatch.setattr(postgres, "ENTRY_COST", 5.0)
        assert newest("会談", 5) == sorted(matching[-5:])
        assert ranges == [(56, 60), (32, 56)] and [h for h, _ in steps] == ["walk"]
        monkeypatch.setattr(postgres, "ENTRY_COST", 0.0)
        # else the range through the index costs less than the walk (0.12 a rowid against 1.2)
        assert newest("会談", 5) == sorted(matching[-5:])
        assert ranges == [(56, 60), (32, 56)] and [h for h, _ in steps] == ["range"]
        # 999 more: the range would be every older row and then some; reading every older match costs less
        assert newest("会談", 1000) == sorted(matching)
        assert ranges == [(56, 60), (0, 56)] and [h for h, _ in steps] == ["index"]
        # none in the newest rows: the older ones through the index
        assert newest("第0回", 5) == [ids[0]]
        assert ranges == [(56, 60), (0, 56)] and [h for h, _ in steps] == ["index"]
        monkeypatch.setattr(postgres, "MARGIN", 0.5)
        # a range that falls short (half what the density says) is followed by the next step from where it stopped
        assert newest("会談", 9) == sorted(matching[-9:])
        assert ranges[:2] == [(56, 60), (40, 56)] and len(ranges) > 2 and ranges[2][1] == 40
        page = store.search(search.match_query("会談"), limit=3, offset=4, window=5)
        assert len(page) == 3 and {d for d, *_ in page} <= set(matching[-7:])  # a deeper page widens the window
    finally:
        store.close()


def test_postgres_and_sqlite_give_the_same_hits_within_the_window(pg_url, monkeypatch):
    from kaidan.store import postgres

    monkeypatch.setattr(postgres, "SCAN_SPAN", 4)
    pg, ids = _pg_archive(pg_url, 30)
    lite = Store(":memory:")
    try:
        for i in range(30):
            doc = make_doc(f"{'会談' if i % 3 == 0 else '外交'} 第{i}回", source=f"d{i}.txt")
            lite.add_document(doc)
            lite.index_search(doc.id, search.entries(None, doc.text, None))
        for q in ("会談", "外交", "第1回", "会談 OR 第2回"):
            match = search.match_query(q)
            for limit, window in ((3, 3), (50, 1000)):
                hits = sorted(d for d, *_ in pg.search(match, limit=limit, window=window))
                assert hits and hits == sorted(d for d, *_ in lite.search(match, limit=limit, window=window)), q
    finally:
        pg.close()
        lite.close()


def test_postgres_costs_a_filtered_step_by_the_rows_it_reads_not_only_by_those_the_filter_keeps():
    from kaidan.store import postgres

    # 64 kept of 326 matching rows in the newest 10,000 of 1.84 million, 936 more to find: unfiltered, every
    # older match through the index is cheapest; when the filter keeps a fifth of the matches, that read checks
    # it on five times as many rows, and the range the density says holds the rest costs less
    args = (64 / 10_000, 936, 1_830_000, 1_840_000, 1)
    assert postgres._next_step(*args) == ("index", 0)
    how, lo = postgres._next_step(*args, 64 / 326)
    assert how == "range" and lo == 1_830_000 - 219_375
    assert postgres._next_step(*args, 1.0) == postgres._next_step(*args)     # the filter keeps every match


def test_postgres_filtered_search_measures_the_filters_share_and_finds_the_same_hits(pg_url, monkeypatch):
    from kaidan.store import postgres

    monkeypatch.setattr(postgres, "SCAN_SPAN", 7)   # documents 53-59: 会談 in 54 (2024), 57 (2023)
    store, ids = _pg_archive(pg_url, 60)                      # 会談 in every third document
    try:
        kept = [d for i, d in enumerate(ids) if i % 3 == 0 and i % 2 == 0]   # 会談 and in an event of 2024
        for i, doc_id in enumerate(ids):
            day = f"{2024 if i % 2 == 0 else 2023}-05-{i % 28 + 1:02d}"
            store.put_event({"id": f"{day}-JP-US-{i}", "countries": "JP-US", "date_start": day, "date_end": day},
                            doc_id)
        shares = []
        real_share = store._share
        monkeypatch.setattr(store, "_share", lambda *a: shares.append(real_share(*a)) or shares[-1])
        within = EventFilter(country="JP", date_from="2024-01-01")
        hits = store.search(search.match_query("会談"), limit=6, window=6, within=within)
        assert sorted(d for d, *_ in hits) == sorted(kept[-6:])
        assert shares == [0.5]                                  # of the walk's two matches, 2024 keeps one
        assert store.search(search.match_query("会談"), limit=6, window=6) and len(shares) == 1  # no filter
    finally:
        store.close()


def test_postgres_country_filter_is_read_from_the_index_with_the_terms(pg_url, monkeypatch):
    from kaidan.store import postgres

    monkeypatch.setattr(postgres, "SCAN_SPAN", 7)
    store, ids = _pg_archive(pg_url, 60)                      # indexed before they are placed in events
    try:
        kept = [d for i, d in enumerate(ids) if i % 3 == 0 and i % 2 == 0]   # 会談 and in a JP event
        for i, doc_id in enumerate(ids):
            country = "JP" if i % 2 == 0 else "AU"
            store.put_event({"id": f"2024-05-{i % 28 + 1:02d}-{country}-US-{i}", "countries": f"{country}-US",
                             "date_start": f"2024-05-{i % 28 + 1:02d}", "date_end": f"2024-05-{i % 28 + 1:02d}"},
                            doc_id)
        shares, statements = [], []
        monkeypatch.setattr(store, "_share", lambda *a: shares.append(a) or 1.0)
        real_step = store._step
        monkeypatch.setattr(store, "_step", lambda sql, params: statements.append(sql) or real_step(sql, params))
        hits = store.search(search.match_query("会談"), limit=6, window=6, within=EventFilter(country="jp"))
        assert sorted(d for d, *_ in hits) == sorted(kept[-6:])
        assert shares == []                                     # no look-up of events to cost: nothing to measure
        assert statements and all("countries @>" in q and "doc_events" not in q for q in statements)
        # the plan reads the rows of both the word and the country from the one GIN index (60 rows: a table
        # this small is otherwise read whole)
        with store._db.transaction():
            store._db.execute("SET LOCAL enable_seqscan = off")
            plan = "\n".join(r for r, in store._db.execute(
                "EXPLAIN SELECT rowid FROM search_rows WHERE terms @@ phraseto_tsquery('kaidan', '会談') "
                "AND countries @> ARRAY['JP']::text[]"))
        assert "search_rows_terms" in plan and "countries @>" in plan.split("Index Cond:")[1].split("\n")[0]
    finally:
        store.close()


def test_postgres_never_prepares_a_search_step(pg_url):
    # a prepared statement may get a generic plan, made without the words and the range each step is planned by
    store, ids = _pg_archive(pg_url, 30)
    try:
        for _ in range(12):                                    # psycopg prepares what runs five times
            assert store.search(search.match_query("会談"), limit=5, within=EventFilter(country="JP")) == []
            assert len(store.search(search.match_query("会談"), limit=5)) == 5
        prepared = [q for q, in store._db.execute("SELECT statement FROM pg_prepared_statements")]
        assert prepared and not [q for q in prepared if "search_rows" in q and "@@" in q]
    finally:
        store.close()
