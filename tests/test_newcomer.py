"""A newcomer's first hour, as a test: a fresh clone of this commit with nothing beside it, `make run`, the README's
Python snippet and queries, and `make test` leaving nothing in the clone's Dagster history."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("heavy")]


def _env() -> dict[str, str]:
    """The user's environment as a newcomer has it: no CLAIMHOUSE_* and no DAGSTER_HOME (the uv cache is kept)."""
    drop = ("CLAIMHOUSE_", "DAGSTER_HOME", "VIRTUAL_ENV", "PYTEST_")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


def _make(clone: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", *args, f"PYTHON={sys.executable}"], cwd=clone, env=_env(), capture_output=True,
                          text=True, timeout=900)


def _runs(clone: Path) -> int:
    """Runs in the clone's Dagster history (.dagster, the default DAGSTER_HOME)."""
    con = sqlite3.connect(clone / ".dagster" / "history" / "runs.db")
    try:
        return con.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """This commit, cloned alone into an empty folder, after `make run`."""
    dest = tmp_path_factory.mktemp("newcomer") / "claimhouse"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(dest)], check=True, timeout=120)
    out = _make(dest, "run")
    assert out.returncode == 0, out.stderr
    assert "published: " + str(dest / "data" / "warehouse.duckdb") in out.stdout.splitlines()
    return dest


def test_make_run_prints_the_readme_summary(clone: Path) -> None:
    readme = (clone / "README.md").read_text()
    sample = re.search(r"`make run` shows its progress.*?```text\n(.*?)```", readme, re.S).group(1)
    out = _make(clone, "run", "FULL=1")
    assert out.returncode == 0, out.stderr
    first_words = [line.split(":")[0].split(" ")[0] for line in sample.splitlines() if line.strip()]
    shown = [line.split(":")[0].split(" ")[0] for line in (out.stderr + out.stdout).splitlines() if line.strip()]
    assert [w for w in first_words if w in shown] == first_words, (first_words, shown)


def test_readme_python_snippet_and_every_query_return_rows(clone: Path) -> None:
    readme = (clone / "README.md").read_text()
    snippet = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    out = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-c", snippet], cwd=clone, env=_env(),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip(), out.stderr
    queries = re.findall(r"```sql\n(.*?)```", readme, re.S)
    script = ("import duckdb, json, sys\ncon = duckdb.connect('data/warehouse.duckdb', read_only=True)\n"
              "print(json.dumps([len(con.sql(q).fetchall()) for q in json.load(sys.stdin)]))")
    counts = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-c", script], cwd=clone, env=_env(),
                            input=json.dumps(queries), capture_output=True, text=True, timeout=120, check=True)
    rows = json.loads(counts.stdout)
    titles = [q.splitlines()[0] for q in queries]
    assert len(rows) == len(queries) >= 13 and all(rows), dict(zip(titles, rows, strict=True))


def test_make_test_leaves_no_run_in_the_dagster_history(clone: Path) -> None:
    before = _runs(clone)
    assert before >= 1  # make run's own runs are there
    out = _make(clone, "test", "PYTEST_ARGS=tests/test_readme_queries.py tests/test_cli_summary.py")
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert _runs(clone) == before
