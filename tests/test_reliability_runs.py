"""Runs that are killed, or whose paths are hostile, leave no processes, no files and no injected SQL behind."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, Workspace

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


def test_offset_check_finds_exactly_what_the_naive_sql_finds(tmp_path: Path) -> None:
    import random

    import duckdb

    from pipeline.checks import CHECKS, offset_faults, run_checks
    from pipeline.tables import create_sql

    rng = random.Random(7)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for table in ("documents", "document_blocks", "numeric_claims", "body_mentions", "person_mentions",
                  "place_mentions"):
        con.execute(create_sql(table))
    alphabet = "ab £€😀\n"
    for d in range(40):
        body = None if d % 13 == 0 else "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        doc_id = f"{d:04x}" if d % 11 else f"z{d}"
        if d % 17 != 5:  # some spans point at a document that is not there
            con.execute("INSERT INTO documents (doc_id, body_text) VALUES (?, ?)", [doc_id, body])
        for k in range(rng.randint(0, 6)):
            start = rng.randint(-2, 64) if k != 5 else None
            end = None if start is None else start + rng.randint(0, 6)
            text = body or ""
            surface = text[start:end] if start is not None and start >= 0 and rng.random() < .7 else "x"
            con.execute("INSERT INTO body_mentions VALUES (?, ?, ?, ?, ?)", [doc_id, f"b{k}", surface, start, end])
            con.execute("INSERT INTO document_blocks (doc_id, block_no, text, role, char_start, char_end) "
                        "VALUES (?, ?, ?, 'body', ?, ?)", [doc_id, k, surface, start, end])
    con.execute("INSERT INTO person_mentions (doc_id, person_id, surface, char_start, char_end) "
                "VALUES (NULL, 'p', 'x', 0, 1)")
    expected = _naive_offset_faults(con)
    found = {(f["doc_id"], f["what"]) for f in offset_faults(con)}
    assert found == expected and len(expected) > 20
    (outcome,) = run_checks(con, [c for c in CHECKS if c.name == "offsets_valid"])
    assert outcome.failures == len(expected) and len(outcome.sample) == 20
