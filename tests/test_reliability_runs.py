"""Runs that are killed, or whose paths are hostile, leave no processes, no files and no injected SQL behind."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import REPO, Workspace, news_page

HOSTILE = "it's \"quoted\"'); COPY (SELECT 42) TO 'pwned.csv'; --"


def test_paths_with_both_quote_kinds_are_bound_not_pasted(workspace: Workspace,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "seeds", workspace.root / "seeds")
    workspace.write_sources([{"name": "seeds", "kind": "files", "path": "seeds"}])
    out_dir = workspace.root / HOSTILE
    monkeypatch.setenv("CLAIMHOUSE_WAREHOUSE", str(out_dir / "warehouse.duckdb"))
    monkeypatch.setenv("CLAIMHOUSE_STATE", str(out_dir / HOSTILE))
    result = workspace.run()
    assert result.code == 0, result.err
    assert sorted(p.name for p in Path.cwd().glob("pwned.csv")) == []
    assert not list(workspace.root.rglob("pwned.csv"))
    assert (out_dir / "warehouse.duckdb").exists()


def _naive_offset_faults(con) -> set[tuple]:
    """The check as plain SQL (a substring of the whole body per span): right, but quadratic on big pages."""
    from pipeline.checks import SPANS_SQL

    return set(con.execute(f"""SELECT t.doc_id, t.what FROM ({SPANS_SQL}) t LEFT JOIN documents d USING (doc_id)
        WHERE t.char_start IS NULL OR t.char_end IS NULL OR d.body_text IS NULL OR t.char_start < 0
           OR t.char_end > length(d.body_text)
           OR substring(d.body_text, t.char_start + 1, t.char_end - t.char_start) IS DISTINCT FROM t.surface
        """).fetchall())


@pytest.mark.parametrize(("group", "alphabet", "longest"), [
    (2_000, "ab £€😀\n", 6),  # documents held at once: all, or a few (stored out of doc_id order)
    (3, "ab £€😀\n", 6),
    (3, "ab c\n", 6),  # bodies all ASCII: compared a byte per character
    (3, "ab £€😀\n", 150),  # spans longer than span_check.LONG_SPAN: compared as slices
])
def test_offset_check_finds_exactly_what_the_naive_sql_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           group: int, alphabet: str, longest: int) -> None:
    import random

    import duckdb

    from pipeline import checks
    from pipeline.checks import CHECKS, offset_faults, run_checks
    from pipeline.tables import create_sql

    monkeypatch.setattr(checks, "CHECK_DOCS", group)

    rng = random.Random(7)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for table in ("documents", "document_blocks", "numeric_claims", "body_mentions", "person_mentions",
                  "place_mentions"):
        con.execute(create_sql(table))
    for d in range(40):
        size = rng.randint(0, 60 + 2 * longest)
        body = None if d % 13 == 0 else "".join(rng.choice(alphabet) for _ in range(size))
        doc_id = f"{d:04x}" if d % 11 else f"z{d}"
        if d % 17 != 5:  # some spans point at a document that is not there
            con.execute("INSERT INTO documents (doc_id, body_text) VALUES (?, ?)", [doc_id, body])
        for k in range(rng.randint(0, 6)):
            start = rng.randint(-2, size + 4) if k != 5 else None
            end = None if start is None else start + rng.randint(0, longest)
            text = body or ""
            surface = text[start:end] if start is not None and start >= 0 and rng.random() < .7 else "x"
            if surface and rng.random() < .2:  # one character changed: only comparing the text finds it
                at = rng.randrange(len(surface))
                surface = surface[:at] + ("b" if surface[at] != "b" else "a") + surface[at + 1:]
            con.execute("INSERT INTO body_mentions VALUES (?, ?, ?, ?, ?)", [doc_id, f"b{k}", surface, start, end])
            con.execute("INSERT INTO document_blocks (doc_id, block_no, text, role, char_start, char_end) "
                        "VALUES (?, ?, ?, 'body', ?, ?)", [doc_id, k, surface, start, end])
    con.execute("INSERT INTO person_mentions (doc_id, person_id, surface, char_start, char_end) "
                "VALUES (NULL, 'p', 'x', 0, 1)")
    expected = _naive_offset_faults(con)
    found = {(f["doc_id"], f["what"]) for f in offset_faults(con)}
    assert found == expected and len(expected) > 20
    some = sorted({doc for doc, _ in expected if doc})[:4] + ["0001"]  # a publish that loaded these documents only
    scoped = {(f["doc_id"], f["what"]) for f in offset_faults(con, some)}
    assert scoped == {e for e in expected if e[0] in some} and len(scoped) >= 4
    (outcome,) = run_checks(con, [c for c in CHECKS if c.name == "offsets_valid"])
    assert outcome.failures == len(expected) and len(outcome.sample) == 20


def _session_processes(sid: int) -> list[str]:
    """Every process in session `sid` (a run started with start_new_session), as "pid cmdline"."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmd = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(f"{stat.parent.name} {cmd[:120]}")
    return found


def _start_run(ws: Workspace) -> subprocess.Popen:
    env = {**os.environ, "CLAIMHOUSE_WORKERS": "2", "CLAIMHOUSE_BATCH_SIZE": "40", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run"], cwd=REPO, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_until_gone(sid: int, seconds: float = 20.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := _session_processes(sid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


@pytest.mark.slow
def test_sigkill_mid_extraction_leaves_no_process_and_the_next_run_no_file(workspace: Workspace) -> None:
    docs = workspace.folder("news")
    for i in range(80):
        (docs / f"p{i:03d}.txt").write_text(news_page(i, 400))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    run = _start_run(workspace)
    try:
        for line in run.stderr:
            if line.startswith("extraction:"):
                break
        running = _session_processes(run.pid)
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.kill()
        run.wait()
    assert len(running) >= 4, running  # the run, its forkserver, resource tracker and pool workers
    assert _wait_until_gone(run.pid) == []
    staged = list((workspace.state / "runs").iterdir())
    assert len(staged) == 1  # the dead run's plan and spill folder

    beside = workspace.warehouse.parent
    dead_pid = 2 ** 22 + 1  # above any pid_max: a process that cannot be alive
    planted = [beside / ".warehouse.duckdb.deadbeef.tmp", beside / ".warehouse.duckdb.deadbeef.tmp.wal",
               beside / f".warehouse.duckdb.report-{dead_pid}-x1y2",
               beside / f"warehouse.report.html.{dead_pid}.ab.tmp",
               workspace.state / "store" / ".raw-deadbeef-00000.parquet.123.tmp"]
    for path in planted:
        path.mkdir() if "report-" in path.name else path.write_bytes(b"left by a killed run")
    live = beside / f".warehouse.duckdb.report-{os.getpid()}-live"
    live.mkdir()

    again = workspace.run()
    assert again.code == 0, again.err
    assert list((workspace.state / "runs").iterdir()) == []
    assert [p for p in planted if p.exists()] == []
    assert live.exists()  # a live process's report folder is not touched
    live.rmdir()
    kept = {r[0] for r in workspace.query("SELECT DISTINCT raw_file FROM read_parquet(?)",
                                          [str(workspace.state / "manifest.parquet")])}
    assert {p.name for p in (workspace.state / "store").glob("raw-*")} == kept
    assert workspace.scalar("SELECT count(*) FROM documents") == 80
