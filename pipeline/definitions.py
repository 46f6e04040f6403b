"""Dagster definitions: `dagster dev` loads them from the repository root ([tool.dagster] in pyproject)."""
from __future__ import annotations

from dagster import Definitions, load_asset_checks_from_modules, load_assets_from_modules

from . import assets
from .automation import daily_refresh, purge_old_runs, refresh_warehouse, sources_changed
from .resources import ClaimhouseSettings

defs = Definitions(
    assets=load_assets_from_modules([assets]),
    asset_checks=load_asset_checks_from_modules([assets]),
    jobs=[refresh_warehouse, purge_old_runs],
    schedules=[daily_refresh],
    sensors=[sources_changed],
    resources={"claimhouse": ClaimhouseSettings()},
)
