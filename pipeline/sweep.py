"""Remove what dead runs left behind: their staging, unreferenced store files, candidate warehouses, report temps.

Called by a run that holds the run lock, before it reads anything: no other run is live, so every staged run
folder but its own, every store file the manifest does not name and every candidate warehouse (with its `.wal`)
belongs to a run that died. Report temporaries are written after the lock is released, so they carry their
writer's pid and are removed only when that process is gone.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq

from .procs import pid_alive
from .state import StateDir


def candidate_path(warehouse: Path, run_id: str) -> Path:
    """The file a run builds its warehouse in, beside the published one."""
    return warehouse.with_name(f".{warehouse.name}.{run_id[:8]}.tmp")


def report_temp_prefixes(warehouse: Path, pid: int) -> tuple[str, str]:
    """Name prefixes of the report's spill folder and of its half-written page (both carry the writer's pid)."""
    return f".{warehouse.name}.report-{pid}-", f"{warehouse.with_suffix('.report.html').name}.{pid}."


def _remove(path: Path) -> bool:
    try:
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    except FileNotFoundError:
        return False
    return True


def _dead_state(state: StateDir, run_id: str) -> list[Path]:
    found = [p for p in (state.root / "runs").glob("*") if p.name != run_id]
    if state.store.exists():
        keep: set[str] = set()
        if state.manifest.exists():
            current = pq.read_table(state.manifest, columns=["raw_file", "out_batch"])
            keep = set(current.column("raw_file").to_pylist()) | set(current.column("out_batch").to_pylist())
        found += [p for p in state.store.iterdir() if p.name not in keep]
    return found


def _dead_beside(warehouse: Path, run_id: str) -> list[Path]:
    if not warehouse.parent.is_dir():
        return []
    mine = candidate_path(warehouse, run_id).name
    candidate = re.compile(rf"\.{re.escape(warehouse.name)}\.[^.]+\.tmp(\.wal)?")
    spill, page = report_temp_prefixes(warehouse, 0)
    report = re.compile(rf"(?:{re.escape(spill[:-2])}|{re.escape(page[:-2])})(\d+)[-.].*")

    def dead(name: str) -> bool:
        if candidate.fullmatch(name):
            return not name.startswith(mine)
        m = report.fullmatch(name)
        return m is not None and not pid_alive(int(m.group(1)))

    return [entry for entry in warehouse.parent.iterdir() if dead(entry.name)]


def sweep(state: StateDir, warehouse: Path, run_id: str) -> list[Path]:
    """Remove every file and folder of a dead run; return what was removed. The caller holds the run lock."""
    return [p for p in _dead_state(state, run_id) + _dead_beside(warehouse, run_id) if _remove(p)]
