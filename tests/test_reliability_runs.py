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
