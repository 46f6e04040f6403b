"""Settings from the environment (CONTRACT section 2); relative paths resolve against the repository root."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BATCH_SIZE = 500


def _path(value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (REPO_ROOT / p)


def _positive(env: dict[str, str], name: str, unset_means: str) -> int | None:
    """The variable as a positive whole number (None when unset), or a ValueError saying how to fix it."""
    raw = env.get(name) or ""
    if not raw:
        return None
    try:
        value = int(raw)
        if value < 1:
            raise ValueError
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a positive whole number; set one, or unset it for "
                         f"{unset_means}") from None
    return value


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
    """Where a run reads its sources and writes its warehouse and working state."""

    sources_file: Path
    warehouse: Path
    state_dir: Path
    batch_size: int

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        warehouse = _path(env.get("CLAIMHOUSE_WAREHOUSE") or "data/warehouse.duckdb")
        state = env.get("CLAIMHOUSE_STATE")
        batch_size = _positive(env, "CLAIMHOUSE_BATCH_SIZE", str(DEFAULT_BATCH_SIZE)) or DEFAULT_BATCH_SIZE
        _positive(env, "CLAIMHOUSE_WORKERS", "one worker per core (make run) or one (Dagster executors)")
        return cls(
            sources_file=_path(env.get("CLAIMHOUSE_SOURCES") or "sources.yaml"),
            warehouse=warehouse,
            state_dir=_path(state) if state else warehouse.with_name(warehouse.name + ".state"),
            batch_size=batch_size,
        )

    def make_folders(self) -> None:
        """Create the warehouse's folder and the state folder (ValueError with a one-line fix when impossible)."""
        make_folder(self.warehouse.parent, "CLAIMHOUSE_WAREHOUSE")
        make_folder(self.state_dir, "CLAIMHOUSE_STATE" if self.state_dir != self.warehouse.with_name(
            self.warehouse.name + ".state") else "CLAIMHOUSE_WAREHOUSE")
