"""Shared fixtures: an isolated Claimhouse environment (sources file, warehouse, state) per test."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, Workspace


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A fresh sources folder, sources file, warehouse path and state folder, wired through CLAIMHOUSE_*."""
    ws = Workspace(tmp_path)
    for key in [k for k in os.environ if k.startswith("CLAIMHOUSE_") or k == "DAGSTER_HOME"]:
        monkeypatch.delenv(key)
    for key, value in ws.env().items():
        monkeypatch.setenv(key, value)
    return ws


@pytest.fixture
def seeds_workspace(workspace: Workspace) -> Workspace:
    """A workspace whose one source is a copy of the five seed pages."""
    shutil.copytree(REPO / "seeds", workspace.root / "seeds")
    workspace.write_sources([{"name": "seeds", "kind": "files", "path": "seeds"}])
    return workspace
