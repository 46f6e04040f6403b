"""Dagster definitions: `dagster dev` loads them from the repository root ([tool.dagster] in pyproject).

The settings resource is built here once, from the environment at start-up (resources.py)."""
from __future__ import annotations

from dagster import Definitions

from .assets import ASSETS
from .automation import daily_refresh, purge_old_runs, refresh_warehouse, sources_changed
from .dask_executor import refresh_warehouse_on_dask
from .resources import RESOURCE_KEY, ClaimhouseSettings

defs = Definitions(
    assets=ASSETS,
    jobs=[refresh_warehouse, refresh_warehouse_on_dask, purge_old_runs],
    schedules=[daily_refresh],
    sensors=[sources_changed],
    resources={RESOURCE_KEY: ClaimhouseSettings.from_env()},
)


def refresh_job():
    """The refresh job, for `reconstructable` (out-of-process execution loads it by this module)."""
    return defs.resolve_job_def("refresh_warehouse")


def refresh_on_dask_job():
    return defs.resolve_job_def("refresh_warehouse_on_dask")
