"""Incremental runs give exactly what a full rebuild gives: table by table, after random edits, additions,
deletions and touches (real pipeline runs, real files, real DuckDB; files skipped by stat signature included)."""
from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest

from pipeline.tables import WAREHOUSE
from tests.helpers import Workspace, news_page

# differ by when a run happened, not by what it produced
RUN_TIME_COLUMNS = {"processed_at", "ingested_at", "occurred_at"}
NAV = "<nav><p>Home | News | Councils | Contact the newsroom</p></nav>"
FOOT = "<footer><p>Copyright Example Local News Ltd, all rights reserved</p></footer>"


def _age(path: Path, seconds: int) -> None:
    """An mtime in the past (past the racy window), different for each call, so signatures are trusted."""
    then = time.time_ns() - seconds * 1_000_000_000
    os.utime(path, ns=(then, then))


def _write_page(folder: Path, i: int, version: int, rng: random.Random) -> None:
    body = news_page(i * 31 + version, words=90)
    if i % 2:
        (folder / f"page{i:02}.html").write_text(
            f"<html><body>{NAV}<article><h1>Story {i}</h1><p>{body}</p></article>{FOOT}</body></html>")
    else:
        (folder / f"page{i:02}.txt").write_text(body)
    _age(next(folder.glob(f"page{i:02}.*")), rng.randint(100, 10_000))


def _write_feed(folder: Path, ids: list[int], version: int) -> None:
    lines = [json.dumps({"id": f"n{i}", "text": news_page(500 + i + version, words=60)}) for i in ids]
    (folder / "items.jsonl").write_text("\n".join([*lines, "not json"]) + "\n")  # and an ingest error
    _age(folder / "items.jsonl", 100 + version)


def _tables(ws: Workspace) -> dict[str, list[tuple]]:
    out = {}
    for table in WAREHOUSE:
        if table == "warehouse_info":
            continue
        cols = [r[0] for r in ws.query("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                       "ORDER BY ordinal_position", [table]) if r[0] not in RUN_TIME_COLUMNS]
        out[table] = ws.query(f"SELECT {', '.join(cols)} FROM {table} ORDER BY ALL")
    return out


def test_incremental_runs_equal_a_full_rebuild_after_random_changes(workspace: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipeline.publish.MAX_CHANGED_SHARE", 1.0)  # every rerun builds on the published file
    monkeypatch.setattr("pipeline.publish.MAX_GROWTH", 100.0)
    rng = random.Random(16)
    docs, feed = workspace.folder("docs"), workspace.folder("feed")
    alive = set(range(10))
    for i in alive:
        _write_page(docs, i, 0, rng)
    feed_ids = list(range(5))
    _write_feed(feed, feed_ids, 0)
    workspace.write_sources([{"name": "docs", "kind": "files", "path": "docs"},
                             {"name": "feed", "kind": "jsonl", "path": "feed"}])
    assert workspace.run().code == 0
    next_id, carried = 10, 0
    for round_no in range(1, 4):
        for i in rng.sample(sorted(alive), 2):  # edited
            _write_page(docs, i, round_no, rng)
        for i in rng.sample(sorted(alive), 1):  # touched only
            _age(next(docs.glob(f"page{i:02}.*")), rng.randint(100, 10_000))
        gone = rng.choice(sorted(alive))  # deleted
        next(docs.glob(f"page{gone:02}.*")).unlink()
        alive.discard(gone)
        for _ in range(2):  # added
            _write_page(docs, next_id, 0, rng)
            alive.add(next_id)
            next_id += 1
        if round_no != 2:  # round 2 leaves the feed as it is: kept unread, its error row with it
            feed_ids = [*feed_ids[1:], 10 + round_no]
            _write_feed(feed, feed_ids, round_no)
        out = workspace.run()
        assert out.code == 0, out.err
        carried += "changed documents' rows loaded, the rest carried over" in out.out
    assert carried == 3, "every rerun is built on the last published file (the path this test is for)"
    incremental = _tables(workspace)

    fresh = Workspace(workspace.root / "fresh")
    monkeypatch.setenv("CLAIMHOUSE_WAREHOUSE", str(fresh.warehouse))
    out = fresh.run(full=True)
    assert out.code == 0, out.err
    rebuilt = _tables(fresh)
    assert incremental["documents"] and incremental["bodies"] and incremental["numeric_claims"]
    assert len(incremental["ingest_errors"]) == 1
    assert len(incremental["documents"]) == len(alive) + len(feed_ids)
    for table in rebuilt:
        assert incremental[table] == rebuilt[table], table


def test_a_rerun_builds_on_the_published_file_until_it_has_grown_too_much(workspace: Workspace,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """One edited page of five: the rerun loads its rows into a copy of the published file; once the file has
    grown past MAX_GROWTH times the last full build's size (deleted rows stay in it), a rerun builds afresh."""
    rng = random.Random(3)
    docs = workspace.folder("docs")
    for i in range(5):
        _write_page(docs, i, 0, rng)
    workspace.write_sources([{"name": "docs", "kind": "files", "path": "docs"}])
    assert workspace.run().code == 0
    full_size = json.loads((workspace.state / "published.json").read_text())["full_size"]
    assert full_size == workspace.warehouse.stat().st_size
    _write_page(docs, 0, 1, rng)
    out = workspace.run()
    assert "built on the last published file: 1 changed documents' rows loaded" in out.out, out.out
    assert json.loads((workspace.state / "published.json").read_text())["full_size"] == full_size
    monkeypatch.setattr("pipeline.publish.MAX_GROWTH", 0.5)
    _write_page(docs, 2, 1, rng)
    out = workspace.run()
    assert "bulk load:" in out.out and "built on" not in out.out, out.out


def test_a_carried_claim_follows_its_body_when_another_document_renames_it(workspace: Workspace,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Body ids are resolved across documents: an acronym known alone ("PWLN") joins the body a new document
    spells out ("Pennine Water Levels Network (PWLN)"). The claim of the unchanged page, carried over from the
    published file, is attributed to the body's new id, as a full build would."""
    monkeypatch.setattr("pipeline.publish.MAX_CHANGED_SHARE", 1.0)
    docs = workspace.folder("docs")
    (docs / "a.txt").write_text("Housing report\n\nThe PWLN said that rents in Manchester rose by 12 per cent last "
                                "year, the fastest rise in a decade, and that the council should build more homes.\n")
    _age(docs / "a.txt", 1000)
    workspace.write_sources([{"name": "docs", "kind": "files", "path": "docs"}])
    assert workspace.run().code == 0
    attributed = "SELECT attributed_body_id FROM numeric_claims WHERE attributed_to = 'PWLN'"
    assert workspace.scalar(attributed) == "org:pwln"
    (docs / "b.txt").write_text("Research news\n\nThe Pennine Water Levels Network (PWLN) at the University of "
                                "Manchester published its annual report on Tuesday, with 30 new studies.\n")
    _age(docs / "b.txt", 900)
    out = workspace.run()
    assert "built on the last published file: 1 changed documents' rows loaded" in out.out, out.out
    assert workspace.scalar(attributed) == "org:pennine-water-levels-network"
