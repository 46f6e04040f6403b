"""The one configuration object of a run: a Dagster resource whose fields come from the CLAIMHOUSE_* variables.

`ClaimhouseSettings.from_env()` is called once at start-up (loading the definitions, or by the CLI); it validates
every variable (config.Settings) and backs each one that is set with an `EnvVar`, so the UI shows where a value
comes from. Assets, the schedule, the sensor and the CLI receive this resource; nothing below reads the
environment. A run launched by the CLI carries the resolved values in its run config, so steps on other machines
use exactly the settings the run started with.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from dagster import ConfigurableResource, EnvVar

from .config import DEFAULT_BATCH_SIZE, DEFAULT_SCAN_CHUNK_SIZE, Settings, doc_timeout, resolve_path
from .state import StateDir

RESOURCE_KEY = "claimhouse"
ENV_VARS = {
    "sources_file": "CLAIMHOUSE_SOURCES",
    "warehouse": "CLAIMHOUSE_WAREHOUSE",
    "state_dir": "CLAIMHOUSE_STATE",
    "batch_size": "CLAIMHOUSE_BATCH_SIZE",
    "scan_chunk_size": "CLAIMHOUSE_SCAN_CHUNK_SIZE",
    "workers": "CLAIMHOUSE_WORKERS",
    "doc_timeout": "CLAIMHOUSE_DOC_TIMEOUT",
}
_NUMERIC = {"batch_size": EnvVar.int, "scan_chunk_size": EnvVar.int, "workers": EnvVar.int}


class ClaimhouseSettings(ConfigurableResource):
    """Where a run reads and writes, and how it splits the work (CONTRACT section 2)."""

    sources_file: str = "sources.yaml"
    warehouse: str = "data/warehouse.duckdb"
    state_dir: str = ""  # empty: <warehouse>.state beside the warehouse
    batch_size: int = DEFAULT_BATCH_SIZE  # documents per extraction batch (one step each)
    scan_chunk_size: int = DEFAULT_SCAN_CHUNK_SIZE  # decoded documents per parquet chunk of the scan
    workers: int = 0  # processes per step for per-document work; 0: one per core for make run, else one
    doc_timeout: str = ""  # the per-document time budget in seconds (CLAIMHOUSE_DOC_TIMEOUT); empty: default

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, resolve: bool = False,
                 **overrides: Any) -> ClaimhouseSettings:
        """The resource for this environment, validated once. Each variable that is set is backed by an EnvVar
        (resolved by Dagster where the step runs), or with `resolve` its value now (what the CLI passes down)."""
        env = dict(os.environ if env is None else env)
        Settings.from_env(env)  # raises ValueError naming a bad variable and the fix
        fields: dict[str, Any] = {}
        for name, var in ENV_VARS.items():
            if env.get(var):
                numeric = name in _NUMERIC
                fields[name] = (int(env[var]) if numeric else env[var]) if resolve else _NUMERIC.get(name, EnvVar)(var)
        return cls(**{**fields, **overrides})

    def settings(self) -> Settings:
        warehouse = resolve_path(self.warehouse)
        return Settings(
            sources_file=resolve_path(self.sources_file),
            warehouse=warehouse,
            state_dir=resolve_path(self.state_dir) if self.state_dir
            else warehouse.with_name(warehouse.name + ".state"),
            batch_size=self.batch_size,
            scan_chunk_size=self.scan_chunk_size,
            workers=self.workers or None,
            doc_timeout=doc_timeout(self.doc_timeout),
        )

    def state(self) -> StateDir:
        return StateDir(self.settings().state_dir)

    def step_workers(self) -> int:
        """Worker processes a step spreads its documents over (0, unset, means one under an executor)."""
        return max(1, self.workers)

    def run_config(self) -> dict:
        """These values as run config, so every step of the run, wherever it runs, uses them (needs a resource
        built with plain values, such as `from_env(resolve=True)`)."""
        values = {name: getattr(self, name) for name in ENV_VARS}
        return {"resources": {RESOURCE_KEY: {"config": values}}}
