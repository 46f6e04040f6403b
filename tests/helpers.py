"""Test helpers: a workspace with its own sources and warehouse, and running the real pipeline in it."""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import yaml

REPO = Path(__file__).resolve().parents[1]
# The hand-checked seeds gold and its scorer, kept in the repository (copies of the project's shared originals).
SEEDS_GOLD = REPO / "tests" / "seeds_gold"


def dagster_home(path: Path) -> Path:
    """A Dagster instance folder at `path` holding the project's instance template (as `make` sets one up)."""
    path.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "config" / "dagster.yaml", path / "dagster.yaml")
    return path


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes in process group `pgid`."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


def stop_group(proc: subprocess.Popen, timeout: float = 30) -> None:
    """End a process started with `start_new_session=True` and everything it started: SIGTERM to the group, and
    SIGKILL to whatever of it is still there after `timeout` (a code server Dagster started may outlive its parent
    until its heartbeat runs out)."""
    deadline = time.monotonic() + timeout
    os.killpg(proc.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=timeout)
    while group_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    gone = time.monotonic() + 10  # SIGKILL lands asynchronously: on a loaded machine a member lives a moment more
    while group_members(proc.pid) and time.monotonic() < gone:
        time.sleep(0.05)


@dataclass
class RunOutcome:
    code: int
    out: str
    err: str


@dataclass
class Workspace:
    root: Path

    @property
    def sources_file(self) -> Path:
        return self.root / "sources.yaml"

    @property
    def warehouse(self) -> Path:
        return self.root / "out" / "warehouse.duckdb"

    @property
    def state(self) -> Path:
        return self.root / "out" / "warehouse.duckdb.state"

    def env(self) -> dict[str, str]:
        return {"CLAIMHOUSE_SOURCES": str(self.sources_file), "CLAIMHOUSE_WAREHOUSE": str(self.warehouse),
                "CLAIMHOUSE_BATCH_SIZE": "2"}

    def write_sources(self, sources: list[dict]) -> None:
        self.sources_file.write_text(yaml.safe_dump({"sources": sources}))

    def folder(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def run(self, full: bool = False) -> RunOutcome:
        """Run the pipeline in this process, exactly as `make run` does (in-process Dagster execution)."""
        from pipeline.cli import run

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(full)
        return RunOutcome(code, out.getvalue(), err.getvalue())

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    def scalar(self, sql: str, params: list | None = None):
        return self.query(sql, params)[0][0]


def counts_line(outcome: RunOutcome) -> dict[str, int]:
    """The numbers of the summary's first line ("documents: read 5, new 5, ...")."""
    line = next(x for x in outcome.out.splitlines() if x.startswith("documents:"))
    pairs = [p.strip().rsplit(" ", 1) for p in line.removeprefix("documents:").split(",")]
    return {k: int(v) for k, v in pairs}


def env_without_claimhouse() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("CLAIMHOUSE_")}


_TOPICS = ["housing", "transport", "skills", "adult social care", "flood defences", "high streets", "libraries"]
_BODIES = ["Derby City Council", "the Local Government Association", "Transport for the North", "Localis",
           "the Resolution Foundation", "Leeds City Council", "the Department for Education"]


def news_page(i: int, words: int = 300) -> str:
    """A plain-text scrape of a made-up local-government news page (navigation, title, body, footer)."""
    topic = _TOPICS[i % len(_TOPICS)]
    body = _BODIES[i % len(_BODIES)]
    paras = []
    n = 0
    while n < words:
        p = (f"{body[0].upper() + body[1:]} said on Tuesday that spending on {topic} would rise by {3 + i % 17}% "
             f"next year, with £{12 + i % 40}m set aside for the programme across {20 + i % 90} towns. "
             f"Council leaders warned that the settlement still left a gap of about £{1 + i % 9}.{i % 10}bn "
             f"over the next three years, according to figures published by {body}.")
        paras.append(p)
        n += len(p.split())
    return "\n\n".join(["Skip to main content", "Home | News | Council | Contact",
                        f"Council sets out plans for {topic} (story {i})", *paras,
                        "Share this page", "Subscribe to our newsletter", "© Example News 2024"]) + "\n"
