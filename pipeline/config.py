"""Settings from the environment (CONTRACT section 2); relative paths resolve against the repository root."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BATCH_SIZE = 500
DEFAULT_DOC_TIMEOUT = 60.0  # seconds one document may take in one stage (pipeline/budget.py)


def _path(value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (REPO_ROOT / p)


def _doc_timeout(raw: str | None) -> float:
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


@dataclass(frozen=True)
class Settings:
    """Where a run reads its sources and writes its warehouse and working state."""

    sources_file: Path
    warehouse: Path
    state_dir: Path
    batch_size: int
    doc_timeout: float = DEFAULT_DOC_TIMEOUT

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
            doc_timeout=_doc_timeout(env.get("CLAIMHOUSE_DOC_TIMEOUT")),
            sources_file=_path(env.get("CLAIMHOUSE_SOURCES") or "sources.yaml"),
            warehouse=warehouse,
            state_dir=_path(state) if state else warehouse.with_name(warehouse.name + ".state"),
            batch_size=batch_size,
        )
