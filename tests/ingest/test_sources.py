from kaidan.ingest import iter_sources


def _tree(tmp_path, names):
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_folders_expand_recursively_in_sorted_order_without_hidden_entries(tmp_path):
    _tree(tmp_path, ["b.txt", "a.html", "sub/c.pdf", "sub/deeper/d.HTM", ".hidden.txt", ".git/config",
                     "sub/.cache/e.txt"])
    found = [str(p) for p in iter_sources([str(tmp_path)])]
    assert found == [str(tmp_path / name) for name in ["a.html", "b.txt", "sub/c.pdf", "sub/deeper/d.HTM"]]


def test_folders_give_documents_only_unless_all_files(tmp_path):
    _tree(tmp_path, ["README.md", "gold/001.json", "readout.txt", "page.xhtml", "photo.jpg", "notes"])
    skipped: list[str] = []
    found = list(iter_sources([str(tmp_path)], skipped=skipped))
    assert found == [str(tmp_path / "page.xhtml"), str(tmp_path / "readout.txt")]
    assert sorted(skipped) == sorted(str(tmp_path / n) for n in ["README.md", "gold/001.json", "photo.jpg", "notes"])
    every = list(iter_sources([str(tmp_path)], all_files=True))
    assert len(every) == 6 and str(tmp_path / "README.md") in every


def test_a_file_named_on_its_own_is_taken_whatever_its_suffix(tmp_path):
    _tree(tmp_path, ["README.md"])
    assert list(iter_sources([str(tmp_path / "README.md")])) == [str(tmp_path / "README.md")]


def test_urls_files_and_missing_paths_pass_through(tmp_path):
    file = tmp_path / ".explicit-hidden.txt"
    file.write_text("x")
    args = ["https://example.org/readout.html", "http://example.org/a", str(file), "missing.txt", "ftp://x/y"]
    assert list(iter_sources(args)) == args


def test_empty_folder_yields_nothing(tmp_path):
    assert list(iter_sources([str(tmp_path)])) == []
