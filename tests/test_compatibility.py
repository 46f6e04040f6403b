"""The published file opens in the DuckDB CLI 1.5.x and in Python duckdb 1.4 (a separate environment)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.tables import WAREHOUSE
from tests.helpers import REPO, Workspace
from tests.test_pipeline_runs import VIEWS

COMPAT_ENV = REPO / ".venv" / "compat-duckdb14"


def test_duckdb_cli_15_opens_the_published_file_read_only(seeds_workspace: Workspace) -> None:
    assert seeds_workspace.run().code == 0
    cli = Path(sys.executable).with_name("duckdb")
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1.5.")
    sql = "; ".join(f"SELECT count(*) FROM {t}" for t in [*WAREHOUSE, *VIEWS])
    out = subprocess.run([cli, "-readonly", "-csv", "-noheader", str(seeds_workspace.warehouse), "-c", sql],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    counts = dict(zip([*WAREHOUSE, *VIEWS], out.stdout.split(), strict=True))
    assert counts["documents"] == "5" and counts["document_summary"] == "5"


def _duckdb14_python() -> Path:
    py = COMPAT_ENV / "bin" / "python"
    if not py.exists():
        uv = Path(sys.executable).with_name("uv")
        subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(COMPAT_ENV)], check=True)
        try:
            subprocess.run([uv, "pip", "install", "--quiet", "--python", str(py), "duckdb==1.4.*"], check=True,
                           timeout=300)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            shutil.rmtree(COMPAT_ENV, ignore_errors=True)
            pytest.skip("duckdb 1.4 could not be installed from the package registry")
    return py


def test_python_duckdb_14_selects_every_table_and_view(seeds_workspace: Workspace) -> None:
    assert seeds_workspace.run().code == 0
    py = _duckdb14_python()
    script = (
        "import duckdb, sys\n"
        "assert duckdb.__version__.startswith('1.4'), duckdb.__version__\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        f"for name in {[*WAREHOUSE, *VIEWS]!r}:\n"
        "    con.execute(f'SELECT * FROM {name}').fetchall()\n"
        "print(con.execute('SELECT count(*) FROM documents').fetchone()[0])\n")
    out = subprocess.run([py, "-c", script, str(seeds_workspace.warehouse)], capture_output=True, text=True,
                         env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON")})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "5"
