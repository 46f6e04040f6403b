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
        raw_batch = env.get("CLAIMHOUSE_BATCH_SIZE") or str(DEFAULT_BATCH_SIZE)
        try:
            batch_size = int(raw_batch)
            if batch_size < 1:
                raise ValueError
        except ValueError:
            raise ValueError(
                f"CLAIMHOUSE_BATCH_SIZE={raw_batch!r} is not a positive whole number; unset it for {DEFAULT_BATCH_SIZE}"
            ) from None
        return cls(
            sources_file=_path(env.get("CLAIMHOUSE_SOURCES") or "sources.yaml"),
            warehouse=warehouse,
            state_dir=_path(state) if state else warehouse.with_name(warehouse.name + ".state"),
            batch_size=batch_size,
        )
