from kaidan.ingest import iter_sources


def test_folders_expand_recursively_in_sorted_order_without_hidden_entries(tmp_path):
    for name in ["b.txt", "a.html", "sub/c.pdf", "sub/deeper/d", ".hidden.txt", ".git/config", "sub/.cache/e.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [str(p) for p in iter_sources([str(tmp_path)])]
    assert found == [str(tmp_path / name) for name in ["a.html", "b.txt", "sub/c.pdf", "sub/deeper/d"]]


def test_urls_files_and_missing_paths_pass_through(tmp_path):
    file = tmp_path / ".explicit-hidden.txt"
    file.write_text("x")
    args = ["https://example.org/readout.html", "http://example.org/a", str(file), "missing.txt", "ftp://x/y"]
    assert list(iter_sources(args)) == args


def test_empty_folder_yields_nothing(tmp_path):
    assert list(iter_sources([str(tmp_path)])) == []
