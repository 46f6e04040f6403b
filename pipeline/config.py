"""Settings from the environment (CONTRACT section 2), read once at start-up and validated with a message that
names the variable and the fix. Relative paths resolve against the repository root."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BATCH_SIZE = 500
DEFAULT_SCAN_CHUNK_SIZE = 500
DEFAULT_DOC_TIMEOUT = 60.0  # seconds one document may take in one stage (pipeline/budget.py)


def resolve_path(value: str) -> Path:
    """A configured path: `~` expanded, relative paths against the repository root."""
    p = Path(value).expanduser()
    return p if p.is_absolute() else (REPO_ROOT / p)


def positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    """The whole number > 0 that `name` holds, `default` when unset; ValueError naming it otherwise."""
    raw = env.get(name) or str(default)
    try:
        value = int(raw)
        if value < 1:
            raise ValueError
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a positive whole number; set one, or unset it for {default}"
                         ) from None
    return value


def doc_timeout(raw: str | None) -> float:
    """CLAIMHOUSE_DOC_TIMEOUT: seconds one document may take per stage (0: no limit)."""
    if not raw:
        return DEFAULT_DOC_TIMEOUT
    try:
        seconds = float(raw)
        if not 0 <= seconds < float("inf"):
            raise ValueError
    except ValueError:
        raise ValueError(f"CLAIMHOUSE_DOC_TIMEOUT={raw!r} is not a number of seconds (0 for no limit); unset it "
                         f"for {DEFAULT_DOC_TIMEOUT:g}") from None
    return seconds


def make_folder(path: Path, variable: str) -> None:
    """Create a folder the run writes to, or raise a ValueError naming the variable and what is in the way."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
        why = f"{blocker} is a file, not a folder" if blocker else (exc.strerror or str(exc))
        raise ValueError(f"cannot create the folder {path} ({why}); point {variable} at a place where folders "
                         "can be created") from None


@dataclass(frozen=True)
class Settings:
    """Where a run reads its sources and writes its warehouse and working state, and how it splits the work."""

    sources_file: Path
    warehouse: Path
    state_dir: Path
    batch_size: int
    scan_chunk_size: int = DEFAULT_SCAN_CHUNK_SIZE
    workers: int | None = None  # worker processes per step; None: one per core for make run, else one
    doc_timeout: float = DEFAULT_DOC_TIMEOUT

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        warehouse = resolve_path(env.get("CLAIMHOUSE_WAREHOUSE") or "data/warehouse.duckdb")
        state = env.get("CLAIMHOUSE_STATE")
        return cls(
            sources_file=resolve_path(env.get("CLAIMHOUSE_SOURCES") or "sources.yaml"),
            warehouse=warehouse,
            state_dir=resolve_path(state) if state else warehouse.with_name(warehouse.name + ".state"),
            batch_size=positive_int(env, "CLAIMHOUSE_BATCH_SIZE", DEFAULT_BATCH_SIZE),
            scan_chunk_size=positive_int(env, "CLAIMHOUSE_SCAN_CHUNK_SIZE", DEFAULT_SCAN_CHUNK_SIZE),
            workers=positive_int(env, "CLAIMHOUSE_WORKERS", 1) if env.get("CLAIMHOUSE_WORKERS") else None,
            doc_timeout=doc_timeout(env.get("CLAIMHOUSE_DOC_TIMEOUT")),
        )

    def make_folders(self) -> None:
        """Create the warehouse's folder and the state folder (ValueError with a one-line fix when impossible)."""
        make_folder(self.warehouse.parent, "CLAIMHOUSE_WAREHOUSE")
        make_folder(self.state_dir, "CLAIMHOUSE_STATE" if self.state_dir != self.warehouse.with_name(
            self.warehouse.name + ".state") else "CLAIMHOUSE_WAREHOUSE")
