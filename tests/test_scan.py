"""The scan decodes new documents over the worker pool with the same outcome as in one process."""
from __future__ import annotations

import json
import os
import random
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from pipeline.scan import scan
from pipeline.sources import load_sources
from pipeline.state import StateDir
from tests.helpers import news_page
from tests.warcs import write_warc

NOW = datetime(2026, 11, 1, 12, 0)


def _corpus(root: Path) -> Path:
    """Thirty files of mixed kinds and faults, and a feed whose ids repeat (the last line of an id wins)."""
    docs = root / "docs"
    docs.mkdir()
    for i in range(24):
        page = news_page(i, words=120)
        if i % 3 == 0:
            (docs / f"p{i:02}.html").write_text(f"<html><body><article><p>{page}</p></article></body></html>")
        else:
            (docs / f"p{i:02}.txt").write_text(page)
    (docs / "binary.txt").write_bytes(b"\x00\x01PK" * 50)
    (docs / "blank.txt").write_text("   \n\n")
    cp1252 = "The council\u2019s \u00a35m plan \u2014 caf\u00e9 owners object."
    (docs / "cp1252.txt").write_bytes(cp1252.encode("cp1252"))
    (docs / "mojibake.txt").write_text("The council\u2019s plan".encode().decode("cp1252"))
    feed = root / "feed"
    feed.mkdir()
    lines = [json.dumps({"id": f"n{i % 7}", "text": f"Version {i} of story {i % 7}. " + news_page(i, words=40)})
             for i in range(28)]
    (feed / "items.jsonl").write_text("\n".join(lines + ["not json"]) + "\n")
    sources = root / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{"name": "docs", "kind": "files", "path": "docs"},
                                                   {"name": "feed", "kind": "jsonl", "path": "feed"}]}))
    return sources


def _scan_with(workers: int, root: Path, sources: Path) -> dict:
    state = StateDir(root / f"state-{workers}")
    result = scan(state, load_sources(sources), "run1", NOW, batch_size=10, workers=workers)
    texts = {}
    for f in sorted(state.store.glob("raw-*.parquet")):
        texts.update({r["doc_id"]: (r["text"], r["keys"]) for r in pq.read_table(f).to_pylist()})
    manifest = pq.read_table(result.run_dir / "manifest_next.parquet").to_pylist()
    return {"counts": dict(result.counts), "manifest": manifest, "texts": texts,
            "errors": pq.read_table(result.run_dir / "scan_errors.parquet").to_pylist()}


def test_scan_over_two_workers_equals_one_process(tmp_path: Path) -> None:
    sources = _corpus(tmp_path)
    one = _scan_with(1, tmp_path, sources)
    two = _scan_with(2, tmp_path, sources)
    assert one == two
    assert one["counts"]["new"] == 26 + 7 and one["counts"]["failed"] == 3
    by_uri = {r["uri"]: r for r in one["manifest"]}
    assert by_uri["p00.html"]["format"] == "html" and by_uri["p01.txt"]["format"] == "text"
    assert {e["uri"] for e in one["errors"]} == {"binary.txt", "blank.txt", "items.jsonl:29"}
    latest = [t.split(" of ")[0] for t, _ in one["texts"].values() if t.startswith("Version ")]
    assert sorted(latest) == sorted(f"Version {i}" for i in range(21, 28))
    cp1252 = next(t for t, _ in one["texts"].values() if t.startswith("The council\u2019s \u00a35m"))
    assert "caf\u00e9" in cp1252
    assert "The council\u2019s plan" in [t for t, _ in one["texts"].values()]


@pytest.mark.parametrize("batch_size", [1, 3, 500])
def test_a_repeated_key_is_planned_once_with_its_last_version(tmp_path: Path, batch_size: int) -> None:
    """Whether the earlier version of a record is staged in the same raw chunk or an earlier one, a batch reads
    each document once, with the text of its last record."""
    from pipeline.batches import _plan_rows

    sources = _corpus(tmp_path)
    state = StateDir(tmp_path / "state")
    result = scan(state, load_sources(sources), "run1", NOW, batch_size=batch_size)
    rows = [r for n in range(result.batches) for r in _plan_rows(state, "run1", n)]
    ids = [r["doc_id"] for r in rows]
    assert len(ids) == len(set(ids)) == 26 + 7
    latest = sorted(r["text"].split(" of ")[0] for r in rows if r["text"].startswith("Version "))
    assert latest == sorted(f"Version {i}" for i in range(21, 28))


def test_html_pages_are_parsed_once_per_run_and_clean_as_if_parsed_again(tmp_path: Path) -> None:
    """The scan hands each HTML page's parsed blocks to this run's cleaning (plain text is split again); a page
    cleaned from them comes out exactly as one cleaned from its text."""
    import pickle

    from pipeline import cleaning
    from pipeline.batches import _plan_rows

    sources = _corpus(tmp_path)
    state = StateDir(tmp_path / "state")
    result = scan(state, load_sources(sources), "run1", NOW, batch_size=50)
    rows = [r for n in range(result.batches) for r in _plan_rows(state, "run1", n)]
    html = [r for r in rows if r["format"] == "html"]
    assert len(html) == 8 and all(r["parsed"] is not None for r in html)
    assert all(r["parsed"] is None for r in rows if r["format"] != "html")
    for r in html:
        kept = cleaning.clean_document(r["text"], "html", repeated=json.loads(r["repeated"]), now=NOW,
                                       parsed=pickle.loads(r["parsed"]))
        assert kept == cleaning.clean_document(r["text"], "html", repeated=json.loads(r["repeated"]), now=NOW)
        assert kept.body_text


CHROME = ["Skip to main content", "Home | News | Council | Contact", "Share this page", "© Example News 2024"]
COPY_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def _story(seed: int) -> list[str]:
    rng = random.Random(seed)
    words = ["council", "budget", "housing", "buses", "schools", "funding", "plan", "residents", "minister",
             "growth", "region", "care"]
    return [" ".join(rng.choice(words) for _ in range(40)) + "." for _ in range(6)]


def test_copies_of_a_page_count_once_and_an_edited_copy_changes_no_other_verdict(tmp_path: Path) -> None:
    """Twelve copies of one story, each with a line of its own, are one page: their shared paragraphs are not
    template, while the site's chrome on six distinct pages is; editing one copy moves nobody else's verdicts."""
    from pipeline import cleaning

    docs = tmp_path / "docs"
    docs.mkdir()
    for n, word in enumerate(COPY_WORDS):
        (docs / f"a{n:02}.txt").write_text("\n\n".join([*CHROME[:2], *_story(0), f"Copy {word} of this story.",
                                                        *CHROME[2:]]))
    for i in range(1, 6):
        (docs / f"b{i}.txt").write_text("\n\n".join([*CHROME[:2], *_story(i), *CHROME[2:]]))
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{"name": "docs", "kind": "files", "path": "docs"}]}))
    state = StateDir(tmp_path / "state")
    result = scan(state, load_sources(sources), "run1", NOW, batch_size=50)
    state.commit_manifest(result.run_dir / "manifest_next.parquet")
    from pipeline.batches import _plan_rows

    verdicts = {r["doc_id"].rsplit("/", 1)[-1]: json.loads(r["repeated"]) for r in _plan_rows(state, "run1", 0)}
    chrome = set(cleaning.block_keys("\n\n".join(CHROME), "text"))
    story = set(cleaning.block_keys("\n\n".join(_story(0)), "text"))
    for name, repeated in verdicts.items():
        assert set(repeated) == chrome and set(repeated.values()) == {5}, name
        assert not story & set(repeated)
    before = {r["doc_id"]: r["repeat_sig"] for r in state.read_manifest().to_pylist()}
    (docs / "a03.txt").write_text((docs / "a03.txt").read_text().replace("Copy four", "Copy four, edited,"))
    scan(state, load_sources(sources), "run2", NOW, batch_size=50)
    after = {r["doc_id"]: r["repeat_sig"] for r in
             pq.read_table(state.run_dir("run2") / "manifest_next.parquet").to_pylist()}
    assert {d for d in before if before[d] != after[d]} <= {d for d in before if d.endswith("a03.txt")}


def test_a_manifest_from_before_near_copy_sketches_is_read_again_once(tmp_path: Path) -> None:
    """Rows with an older kind of sketch are read and sketched again (not new, not changed); then kept unread."""
    import pyarrow as pa

    from pipeline.cleaning import nearcopies

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(4):
        (docs / f"p{i}.txt").write_text(news_page(i, words=60))
        _set_mtime(docs / f"p{i}.txt", 3600)
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{"name": "docs", "kind": "files", "path": "docs"}]}))
    state = StateDir(tmp_path / "state")
    _scan_and_commit(state, sources, "run1")
    old = state.read_manifest()
    old = old.set_column(old.schema.get_field_index("sketch"), "sketch", pa.array(["0123456789abcdef"] * len(old)))
    pq.write_table(old, state.manifest)
    again = _scan_and_commit(state, sources, "run2")
    assert again["not_reread"] == 0 and again["new"] == again["changed"] == 0
    assert all(nearcopies.current(r["sketch"]) for r in state.read_manifest().to_pylist())
    assert _scan_and_commit(state, sources, "run3")["not_reread"] == 4


def _scan_and_commit(state: StateDir, sources: Path, run_id: str, full: bool = False) -> Counter:
    result = scan(state, load_sources(sources), run_id, NOW, batch_size=10, full=full)
    state.commit_manifest(result.run_dir / "manifest_next.parquet")
    return Counter(result.counts)


def _committed(state: StateDir, run_id: str) -> tuple[list[dict], list[dict]]:
    """What a scan committed of each document (not its processing plan) and the error rows it would publish."""
    errors = pq.read_table(state.run_dir(run_id) / "scan_errors.parquet").to_pylist()
    kept = ("doc_id", "uri", "location", "content_sha256", "raw_file", "ingested_at")
    return [{k: r[k] for k in kept} for r in state.read_manifest().to_pylist()], errors


def _set_mtime(path: Path, seconds_ago: int) -> None:
    then = time.time_ns() - seconds_ago * 1_000_000_000
    os.utime(path, ns=(then, then))


def test_unchanged_files_are_skipped_by_stat_signature_and_full_reads_all(tmp_path: Path) -> None:
    """A file whose size, mtime and inode are the manifest's is not read; a new mtime makes it read and hashed
    (an mtime alone is no change); a file written just now is never trusted by signature; FULL reads all."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(6):
        (docs / f"p{i}.txt").write_text(news_page(i, words=60))
        _set_mtime(docs / f"p{i}.txt", 3600)
    (docs / "fresh.txt").write_text(news_page(9, words=60))  # mtime now: racily clean, no signature kept
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{"name": "docs", "kind": "files", "path": "docs"}]}))
    state = StateDir(tmp_path / "state")
    first = _scan_and_commit(state, sources, "run00001")
    assert first["new"] == 7 and first["not_reread"] == 0
    sigs = {r["uri"]: r["file_sig"] for r in state.read_manifest().to_pylist()}
    assert sigs["fresh.txt"] is None and all(sigs[f"p{i}.txt"] for i in range(6))

    again = _scan_and_commit(state, sources, "run00002")
    assert again["not_reread"] == 6 and again["new"] == again["changed"] == 0 and again["unchanged"] == 7

    (docs / "p1.txt").write_text(news_page(101, words=80))  # new content
    _set_mtime(docs / "p1.txt", 600)
    _set_mtime(docs / "p2.txt", 600)  # touched only
    third = _scan_and_commit(state, sources, "run00003")
    assert third["not_reread"] == 4 and third["changed"] == 1 and third["unchanged"] == 6

    # the trade-off: a rewrite keeping size, mtime and inode is unseen until FULL=1 reads and hashes everything
    st = (docs / "p3.txt").stat()
    text = (docs / "p3.txt").read_text()
    with (docs / "p3.txt").open("r+") as fh:
        fh.write(text.swapcase()[:10])
    os.utime(docs / "p3.txt", ns=(st.st_atime_ns, st.st_mtime_ns))
    assert _scan_and_commit(state, sources, "run00004")["changed"] == 0
    full = _scan_and_commit(state, sources, "run00005", full=True)
    assert full["not_reread"] == 0 and full["changed"] == 1

    # new source settings: every file is read again (the signatures were recorded under the old ones)
    sources.write_text(yaml.safe_dump({"sources": [{"name": "docs", "kind": "files", "path": "docs",
                                                    "format": "text"}]}))
    assert _scan_and_commit(state, sources, "run00006")["not_reread"] == 0
    assert _scan_and_commit(state, sources, "run00007")["not_reread"] == 6


def test_unchanged_jsonl_and_warc_sources_are_kept_unread_with_their_errors(tmp_path: Path) -> None:
    """A container source whose files all keep their stat signatures keeps its documents and errors unread; any
    file changed, added or removed reads the whole source again (records move between files and win by order)."""
    feed, crawl = tmp_path / "feed", tmp_path / "crawl"
    feed.mkdir()
    crawl.mkdir()
    (feed / "a.jsonl").write_text("\n".join([json.dumps({"id": f"n{i}", "text": news_page(i, words=40)})
                                             for i in range(4)] + ["not json"]) + "\n")
    (feed / "b.jsonl").write_text(json.dumps({"id": "n1", "text": "Later version. " + news_page(1, words=40)}) + "\n")
    write_warc(crawl / "c.warc.gz", [{"uri": f"https://example.org/{i}",
                                     "body": f"<html><body><p>{news_page(20 + i)}</p></body></html>".encode()}
                                    for i in range(3)])
    for f in [*feed.iterdir(), *crawl.iterdir()]:
        _set_mtime(f, 3600)
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{"name": "feed", "kind": "jsonl", "path": "feed"},
                                                   {"name": "crawl", "kind": "warc", "path": "crawl"}]}))
    state = StateDir(tmp_path / "state")
    first = _scan_and_commit(state, sources, "run00001")
    assert first["new"] == 7 and first["failed"] == 1 and first["not_reread"] == 0
    manifest, errors = _committed(state, "run00001")

    again = _scan_and_commit(state, sources, "run00002")
    assert again["not_reread"] == 7 and again["failed"] == 1 and again["unchanged"] == 7
    assert _committed(state, "run00002") == (manifest, errors)  # the same documents, the same error row

    (feed / "b.jsonl").unlink()  # n1's earlier line in a.jsonl wins again: only a full read of the source knows
    third = _scan_and_commit(state, sources, "run00003")
    assert third["not_reread"] == 3 and third["changed"] == 1 and third["failed"] == 1
    assert _scan_and_commit(state, sources, "run00004", full=True)["not_reread"] == 0
    state.manifest.unlink()  # a lost manifest: the signatures alone never stand for documents
    assert _scan_and_commit(state, sources, "run00005")["new"] == 7


def test_verdicts_and_batches_are_the_contracts_json_hash_and_doc_id_order(tmp_path: Path) -> None:
    """A line on five distinct pages is in bucket 5, on three or four in bucket 3, on two in none; a document's
    verdicts are the JSON `json.dumps(sort_keys=True)` writes and its repeat_sig the first 16 hex of its sha256;
    the documents to process are numbered into batches in doc_id order."""
    import hashlib

    from pipeline import cleaning
    from pipeline.batches import _plan_rows

    docs = tmp_path / "docs"
    docs.mkdir()
    on = {"Subscribe to our weekly newsletter today": range(6), "Follow the council on social media": range(3),
          "Read our cookie policy and terms": range(2)}
    for i in range(6):
        lines = [line for line, pages in on.items() if i in pages] + list(_story(i))
        (docs / f"p{i}.txt").write_text("\n\n".join(lines))
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{"name": "docs", "kind": "files", "path": "docs"}]}))
    state = StateDir(tmp_path / "state")
    result = scan(state, load_sources(sources), "run1", NOW, batch_size=4)
    key = {line: cleaning.block_keys(line, "text")[0] for line in on}
    manifest = {r["doc_id"]: r for r in pq.read_table(result.run_dir / "manifest_next.parquet").to_pylist()}
    plan = sorted((r for n in range(result.batches) for r in _plan_rows(state, "run1", n)), key=lambda r: r["doc_id"])
    assert [r["doc_id"] for r in plan] == sorted(manifest) and result.batches == 2
    for k, r in enumerate(plan):
        name = r["doc_id"]
        i = int(manifest[name]["uri"].rsplit("p", 1)[-1].split(".")[0])
        want = json.dumps({key[line]: 5 if len(pages) >= 5 else 3 for line, pages in on.items()
                           if i in pages and len(pages) >= 3}, sort_keys=True)
        assert r["repeated"] == want
        assert manifest[name]["repeat_sig"] == hashlib.sha256(want.encode()).hexdigest()[:16]
        assert (r["batch_no"], r["out_batch"]) == (k // 4, state.out_batch("run1", k // 4))
        assert manifest[name]["out_batch"] == r["out_batch"]


def test_a_batch_reads_its_texts_from_the_few_row_groups_of_its_doc_id_range(tmp_path: Path) -> None:
    """Raw chunks are written in reading order but stored by doc_id in small row groups, so a batch (a doc_id
    range) overlaps a few of them (it used to read every chunk whole); its rows are its plan rows with their texts."""
    from pipeline.batches import _plan_rows
    from pipeline.scan import RAW_ROW_GROUP

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(160):
        (docs / f"p{i:03}.txt").write_text(news_page(i, words=30))
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{"name": "docs", "kind": "files", "path": "docs"}]}))
    state = StateDir(tmp_path / "state")
    result = scan(state, load_sources(sources), "run1", NOW, batch_size=20, chunk_size=80)
    texts, groups = {}, []  # every row group's (first, last) doc_id
    for f in sorted(state.store.glob("raw-*.parquet")):
        table, meta = pq.read_table(f), pq.ParquetFile(f).metadata
        ids = table["doc_id"].to_pylist()
        assert ids == sorted(ids)
        texts.update(zip(ids, table["text"].to_pylist(), strict=True))
        doc_id = meta.schema.names.index("doc_id")
        for g in range(meta.num_row_groups):
            assert meta.row_group(g).num_rows <= RAW_ROW_GROUP
            stats = meta.row_group(g).column(doc_id).statistics
            groups.append((stats.min, stats.max))
    assert len(texts) == 160 and len(groups) == 10
    plan = pq.read_table(result.run_dir / "plan.parquet").to_pylist()
    for batch_no in range(8):
        ids = sorted(p["doc_id"] for p in plan if p["batch_no"] == batch_no)
        rows = _plan_rows(state, "run1", batch_no)
        assert [r["doc_id"] for r in rows] == ids and all(r["text"] == texts[r["doc_id"]] for r in rows)
        assert sum(first <= ids[-1] and last >= ids[0] for first, last in groups) <= 4  # of 10
