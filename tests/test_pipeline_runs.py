"""End-to-end runs of the real pipeline (in-process Dagster, real files, real DuckDB)."""
from __future__ import annotations

import hashlib
import json
import os
import time

import pytest

from pipeline.tables import WAREHOUSE
from tests.helpers import Workspace, counts_line, news_page
from tests.test_cleaning_classes import MODAL, PARAS
from tests.warcs import write_warc

VIEWS = ["document_summary", "claims_by_unit", "body_mention_counts", "claims_with_bodies", "money_claims"]


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_seeds_publish_every_table_and_view_then_rerun_does_nothing(seeds_workspace: Workspace) -> None:
    ws = seeds_workspace
    first = ws.run()
    assert first.code == 0, first.err
    assert counts_line(first)["new"] == 5
    tables = {r[0] for r in ws.query("SELECT table_name FROM information_schema.tables "
                                     "WHERE table_type = 'BASE TABLE'")}
    views = {r[0] for r in ws.query("SELECT view_name FROM duckdb_views() WHERE NOT internal")}
    assert set(WAREHOUSE) <= tables
    assert set(VIEWS) <= views
    for view in VIEWS:
        ws.query(f"SELECT * FROM {view}")
    assert ws.scalar("SELECT count(*) FROM documents") == 5
    assert ws.scalar("SELECT documents FROM warehouse_info") == 5
    assert not ws.warehouse.with_name(ws.warehouse.name + ".wal").exists()

    again = ws.run()
    assert again.code == 0, again.err
    assert counts_line(again) | {} == {"read": 5, "new": 0, "changed": 0, "unchanged": 5, "removed": 0,
                                      "failed": 0}
    assert "nothing to re-extract" in again.out

    seed = sorted((ws.root / "seeds").iterdir())[2]
    seed.write_text(seed.read_text() + "\nA new closing paragraph about £5m of extra funding for buses.\n")
    third = ws.run()
    assert counts_line(third)["changed"] == 1
    assert "extracted 1 documents" in third.out


def test_add_change_remove_and_mtime_only(workspace: Workspace) -> None:
    docs = workspace.folder("news")
    for i in range(4):
        (docs / f"page{i}.txt").write_text(news_page(i))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    assert workspace.run().code == 0
    ingested = dict(workspace.query("SELECT uri, ingested_at FROM documents"))

    os.utime(docs / "page0.txt", (time.time() + 100, time.time() + 100))  # a new mtime alone is no change
    (docs / "page1.txt").write_text(news_page(101))
    (docs / "page2.txt").unlink()
    (docs / "page9.txt").write_text(news_page(9))
    out = workspace.run()
    assert out.code == 0, out.err
    c = counts_line(out)
    assert (c["new"], c["changed"], c["removed"], c["unchanged"]) == (1, 1, 1, 2)
    uris = {r[0] for r in workspace.query("SELECT uri FROM documents")}
    assert uris == {"page0.txt", "page1.txt", "page3.txt", "page9.txt"}
    now = dict(workspace.query("SELECT uri, ingested_at FROM documents"))
    assert now["page0.txt"] == ingested["page0.txt"] and now["page1.txt"] > ingested["page1.txt"]
    orphans = "SELECT count(*) FROM document_blocks WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
    assert workspace.scalar(orphans) == 0


def test_results_do_not_depend_on_batch_size(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = workspace.folder("news")
    for i in range(5):
        (docs / f"p{i}.txt").write_text(news_page(i))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    snapshot = ("SELECT doc_id, body_text, (SELECT count(*) FROM numeric_claims c WHERE c.doc_id = d.doc_id), "
                "(SELECT count(*) FROM document_blocks b WHERE b.doc_id = d.doc_id) FROM documents d ORDER BY 1")
    monkeypatch.setenv("CLAIMHOUSE_BATCH_SIZE", "1")
    assert workspace.run().code == 0
    small = workspace.query(snapshot)
    monkeypatch.setenv("CLAIMHOUSE_BATCH_SIZE", "500")
    assert workspace.run(full=True).code == 0
    assert workspace.query(snapshot) == small


def test_bad_inputs_become_errors_and_the_run_goes_on(workspace: Workspace) -> None:
    docs = workspace.folder("mixed")
    (docs / "good.txt").write_text(news_page(1))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "blank.txt").write_text("   \n\n  ")
    (docs / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3 binary")
    (docs / "nul.bin").write_bytes(b"abc\x00def" * 10)
    (docs / "liar.html").write_bytes(b'<html><head><meta charset="utf-8"></head><body><p>caf\xe9 cr\xe8me br\xfbl\xe9e'
                                     b'</p></body></html>')
    (docs / "cut.txt").write_bytes("Funding of £1.7bn was announced today for trains and buses.".encode() + b"\xc2")
    with (docs / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    crawl = workspace.folder("crawl")
    records = [{"uri": f"https://ex.org/{i}", "body": news_page(i).encode()} for i in range(3)]
    write_warc(workspace.root / "whole.warc.gz", records)
    write_warc(workspace.root / "two.warc.gz", records[:2])
    data = (workspace.root / "whole.warc.gz").read_bytes()
    two = (workspace.root / "two.warc.gz").stat().st_size  # the third record starts here (sizes vary by a byte or
    (crawl / "cut.warc.gz").write_bytes(data[: (two + len(data)) // 2])  # two with its random id): cut inside it
    workspace.write_sources([{"name": "mixed", "kind": "files", "path": "mixed"},
                             {"name": "crawl", "kind": "warc", "path": "crawl"}])
    out = workspace.run()
    assert out.code == 0, out.err
    errors = {(r[0], r[1]): (r[2], r[3]) for r in workspace.query(
        "SELECT source, uri, stage, error FROM ingest_errors")}
    expect = {"empty.txt": ("read", "empty"), "blank.txt": ("read", "whitespace"), "report.pdf": ("read", "PDF"),
              "nul.bin": ("read", "NUL"), "liar.html": ("decode", "charset"), "cut.txt": ("decode", "truncated"),
              "huge.txt": ("read", "max_document_mb")}
    for uri, (stage, needle) in expect.items():
        assert ("mixed", uri) in errors, f"no error for {uri}: {errors}"
        assert errors[("mixed", uri)][0] == stage and needle in errors[("mixed", uri)][1]
    assert any(src == "crawl" and "truncated" in err for (src, _), (_, err) in errors.items())
    assert workspace.query("SELECT uri FROM documents WHERE source = 'mixed'") == [("good.txt",)]
    assert workspace.scalar("SELECT count(*) FROM documents WHERE source = 'crawl'") >= 1


def test_broken_sources_file_or_missing_path_stops_before_writing(workspace: Workspace) -> None:
    docs = workspace.folder("news")
    (docs / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    assert workspace.run().code == 0
    before = _sha(workspace.warehouse)
    workspace.sources_file.write_text("sources:\n  - name: news\n    kind: files\n    path: [unclosed\n")
    bad = workspace.run()
    assert bad.code == 2 and "not valid YAML" in bad.err
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"},
                             {"name": "more", "kind": "files", "path": "missing-folder"}])
    missing = workspace.run()
    assert missing.code == 2 and "'more'" in missing.err and "does not exist" in missing.err
    assert _sha(workspace.warehouse) == before


def test_jsonl_hints_and_warc_latest_capture_win(workspace: Workspace) -> None:
    import json

    feed = workspace.folder("feed")
    (feed / "a.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "x1", "url": "https://ex.org/x1", "text": news_page(3), "title": "Given title",
         "author": "Ann Writer", "published": "2024-03-05"},
        {"id": "x2", "url": "https://ex.org/x2", "html": f"<html><body><h1>H</h1><p>{news_page(4)}</p></body></html>"},
    ]) + "\n")
    crawl = workspace.folder("crawl")
    def page(label: str) -> bytes:
        paras = "".join(f"<p>{p}</p>" for p in news_page(7).split("\n\n")[3:-3])
        return f"<html><body><h1>{label} capture of the story</h1>{paras}</body></html>".encode()

    write_warc(crawl / "one.warc.gz", [
        {"uri": "https://ex.org/p", "body": page("NEWER"), "date": "2024-05-02T00:00:00Z"},
        {"uri": "https://ex.org/p", "body": page("OLDER"), "date": "2024-05-01T00:00:00Z"}])
    workspace.write_sources([{"name": "feed", "kind": "jsonl", "path": "feed"},
                             {"name": "crawl", "kind": "warc", "path": "crawl"}])
    out = workspace.run()
    assert out.code == 0, out.err
    rows = dict(workspace.query("SELECT uri, format FROM documents"))
    assert rows == {"https://ex.org/x1": "text", "https://ex.org/x2": "html", "https://ex.org/p": "html"}
    assert workspace.query("SELECT title, author, published_date::VARCHAR FROM documents WHERE uri LIKE '%x1'") == [
        ("Given title", "Ann Writer", "2024-03-05")]
    [(loc, title)] = workspace.query("SELECT location, title FROM documents WHERE uri = 'https://ex.org/p'")
    assert loc == "one.warc.gz@0" and title == "NEWER capture of the story"


def test_clean_false_keeps_every_non_whitespace_character(workspace: Workspace) -> None:
    docs = workspace.folder("api")
    text = "Menu\n\nSkip to content\n\nThe council will spend £4m.\n  Indented line.\n\nShare this\n"
    (docs / "a.txt").write_text(text)
    workspace.write_sources([{"name": "api", "kind": "files", "path": "api", "clean": False}])
    assert workspace.run().code == 0
    [(body,)] = workspace.query("SELECT body_text FROM documents")
    assert "".join(body.split()) == "".join(text.split())
    assert workspace.query("SELECT DISTINCT role, reason FROM document_blocks") == [
        ("body", "source declares clean text")]


def test_a_paywalled_pages_hidden_article_is_published_with_checked_spans(workspace: Workspace) -> None:
    """The article text a page declares but does not show (JSON-LD articleBody) becomes body blocks that pass
    the publish's span check like any other."""
    paras = [*PARAS, *MODAL[:1]]
    ld = json.dumps({"@type": "NewsArticle", "headline": "Library saved", "articleBody": "\n\n".join(paras)})
    docs = workspace.folder("paywalled")
    (docs / "a.html").write_text(
        f"<html><head><script type='application/ld+json'>{ld}</script></head><body><article>"
        f"<h1>Library saved</h1><p>{paras[0]}</p><p>Subscribe to keep reading.</p></article></body></html>")
    workspace.write_sources([{"name": "paywalled", "kind": "files", "path": "paywalled"}])
    assert workspace.run().code == 0
    [(body,)] = workspace.query("SELECT body_text FROM documents")
    assert body == "\n\n".join(paras)
    hidden = workspace.query("SELECT text, char_start, char_end FROM document_blocks WHERE reason = "
                             "'body: the article text the page declares (JSON-LD articleBody) but does not show' "
                             "ORDER BY block_no")
    assert [t for t, _, _ in hidden] == paras[1:]
    assert all(body[a:b] == t for t, a, b in hidden)


def test_disabled_source_keeps_its_documents_and_removed_source_drops_them(workspace: Workspace) -> None:
    for name in ("a", "b"):
        (workspace.folder(name) / "p.txt").write_text(news_page(ord(name)))
    workspace.write_sources([{"name": "a", "kind": "files", "path": "a"}, {"name": "b", "kind": "files", "path": "b"}])
    assert workspace.run().code == 0
    workspace.write_sources([{"name": "a", "kind": "files", "path": "a"},
                             {"name": "b", "kind": "files", "path": "b-moved", "enabled": False}])
    assert workspace.run().code == 0
    assert workspace.scalar("SELECT count(DISTINCT source) FROM documents") == 2
    workspace.write_sources([{"name": "a", "kind": "files", "path": "a"}])
    out = workspace.run()
    assert counts_line(out)["removed"] == 1
    assert workspace.query("SELECT DISTINCT source FROM documents") == [("a",)]


def test_a_rerun_with_nothing_changed_keeps_the_published_file(workspace: Workspace) -> None:
    """No rebuild when nothing the warehouse holds changed (a touched file included); any change rebuilds."""
    docs = workspace.folder("news")
    for i in range(3):
        (docs / f"page{i}.txt").write_text(news_page(i))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    first = workspace.run()
    assert first.code == 0, first.err
    built = _sha(workspace.warehouse)
    inode = workspace.warehouse.stat().st_ino
    run_id = workspace.scalar("SELECT run_id FROM warehouse_info")
    report = workspace.warehouse.with_suffix(".report.html")
    rendered = report.stat().st_mtime_ns

    os.utime(docs / "page0.txt", (time.time() - 50, time.time() - 50))  # a new mtime alone
    again = workspace.run()
    assert again.code == 0, again.err
    assert "it was not rebuilt" in again.out and "bulk load" not in again.out
    assert workspace.warehouse.stat().st_ino == inode and _sha(workspace.warehouse) == built
    assert workspace.scalar("SELECT run_id FROM warehouse_info") == run_id
    record = json.loads((workspace.state / "published.json").read_text())
    assert record["run_id"] == run_id and record["last_run"] != run_id
    assert report.stat().st_mtime_ns == rendered  # the report of the same warehouse is not rendered again

    (docs / "page1.txt").unlink()
    third = workspace.run()
    assert third.code == 0, third.err
    assert "it was not rebuilt" not in third.out
    assert workspace.scalar("SELECT count(*) FROM documents") == 2
    assert workspace.scalar("SELECT run_id FROM warehouse_info") not in (run_id, record["last_run"])
    assert report.stat().st_mtime_ns != rendered
