"""One run over a hostile corpus: every good document is published, every bad input is one actionable row.

The corpus (tests/hostile.py) is made at test time, in the test's own folder: names with invalid UTF-8 bytes,
symbolic links, a named pipe and a folder too deep to list exist only on a real disk.
"""
from __future__ import annotations

from tests.helpers import Workspace, counts_line, news_page
from tests.hostile import PATH_MAX, build, deep_folder, page, unlistable
from tests.warcs import write_warc


def test_a_hostile_corpus_publishes_every_good_document_and_one_row_per_bad_input(workspace: Workspace) -> None:
    expected = build(workspace.root)
    workspace.write_sources(expected.sources)
    out = workspace.run()
    assert out.code == 0, out.err
    assert set(workspace.query("SELECT source, uri FROM documents")) == expected.good
    errors = workspace.query("SELECT source, uri, stage, error FROM ingest_errors")
    got = {(source, uri): (stage, error) for source, uri, stage, error in errors}
    assert len(errors) == len(got) and set(got) == set(expected.bad), sorted(got)
    for key, (stage, words) in expected.bad.items():
        assert got[key][0] == stage and all(w in got[key][1] for w in words), (key, got[key])
        assert "\n" not in got[key][1]
    locations = dict(workspace.query("SELECT source, bool_and(location IS NULL) FROM ingest_errors GROUP BY 1"))
    assert locations == {"pages": True, "feed": False, "crawl": False}  # the container file, for jsonl and warc
    for (source, uri), phrase in expected.texts.items():
        text = workspace.scalar("SELECT concat_ws(' ', title, body_text) FROM documents WHERE source = ? AND uri = ?",
                                [source, uri])
        assert phrase in text, (source, uri, text[:200])
    assert workspace.scalar("SELECT count(*) FROM numeric_claims WHERE isinf(value) OR isnan(value)") == 0
    assert workspace.scalar("SELECT published_date FROM documents WHERE uri = 'year-one.html'") is None
    assert workspace.scalar("SELECT count(*) FROM numeric_claims JOIN documents USING (doc_id) "
                            "WHERE uri = 'huge-number.txt'") > 0  # its other claims are there

    again = workspace.run()  # duplicate keys and bad inputs never make a later run fail
    assert again.code == 0, again.err
    assert "nothing to re-extract" in again.out
    assert set(workspace.query("SELECT source, uri FROM documents")) == expected.good


def test_a_number_too_large_for_a_double_is_not_a_claim() -> None:
    from pipeline.claims import extract_claims

    claims = extract_claims(f"The debt was £{'9' * 400} and then £5m, then {'9' * 310} pounds and 40 pence.")
    assert [c.surface for c in claims] == ["£5m", "40 pence"]


def test_a_recrawl_is_a_routine_change_whatever_order_the_files_are_read_in(workspace: Workspace) -> None:
    crawl = workspace.folder("crawl")
    workspace.write_sources([{"name": "crawl", "kind": "warc", "path": "crawl"}])
    captures = [("b.warc.gz", "FIRST", "2024-05-01T00:00:00Z"), ("c.warc.gz", "SECOND", "2024-05-02T00:00:00Z"),
                ("a.warc.gz", "THIRD", "2024-05-03T00:00:00Z")]  # the newest is read first
    for n, (name, label, date) in enumerate(captures):
        write_warc(crawl / name, [{"uri": "https://ex.org/p", "body": page(label, 30), "date": date}])
        out = workspace.run()
        assert out.code == 0, out.err
        assert counts_line(out)["new" if n == 0 else "changed"] == 1
        assert workspace.query("SELECT title FROM documents") == [(f"{label} capture of story 30",)]
    again = workspace.run()
    assert again.code == 0 and "nothing to re-extract" in again.out


def test_a_folder_that_cannot_be_listed_keeps_its_published_documents(workspace: Workspace) -> None:
    short = workspace.folder("s") / "docs"
    short.mkdir()
    (short / "top.txt").write_text(news_page(1))
    deep = deep_folder(short, PATH_MAX - 150).relative_to(short)
    workspace.write_sources([{"name": "docs", "kind": "files", "path": "s/docs"}])
    assert workspace.run().code == 0
    published = workspace.query("SELECT doc_id, uri, ingested_at FROM documents ORDER BY uri")
    assert len(published) == 2

    (workspace.root / "s").rename(workspace.root / ("s" * 250))  # the deepest folder's path is now too long
    workspace.write_sources([{"name": "docs", "kind": "files", "path": "s" * 250 + "/docs"}])
    out = workspace.run()
    assert out.code == 0, out.err
    assert counts_line(out)["removed"] == 0
    assert workspace.query("SELECT doc_id, uri, ingested_at FROM documents ORDER BY uri") == published
    [(uri, stage, error)] = workspace.query("SELECT uri, stage, error FROM ingest_errors")
    moved = workspace.root / ("s" * 250) / "docs"
    assert uri == unlistable(moved / deep, moved) and stage == "read"
    assert "cannot list the folder" in error

    (workspace.root / ("s" * 250)).rename(workspace.root / "s")
    workspace.write_sources([{"name": "docs", "kind": "files", "path": "s/docs"}])
    back = workspace.run()
    assert back.code == 0 and "nothing to re-extract" in back.out
    assert workspace.scalar("SELECT count(*) FROM ingest_errors") == 0


def test_the_sensor_fingerprints_a_hostile_corpus(workspace: Workspace) -> None:
    from pipeline.automation import sources_fingerprint
    from pipeline.config import Settings

    expected = build(workspace.root)
    workspace.write_sources(expected.sources)
    first = sources_fingerprint(Settings.from_env())
    assert not first.startswith("invalid:") and sources_fingerprint(Settings.from_env()) == first
    (workspace.root / "pages" / "good.txt").write_text(news_page(50))
    assert sources_fingerprint(Settings.from_env()) != first
