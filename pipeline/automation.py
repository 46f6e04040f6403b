"""When runs start on their own: a daily schedule and a sensor on the sources' files (both off by default)."""

import hashlib
import json
from datetime import UTC, datetime, timedelta

from dagster import (
    AssetSelection,
    Config,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    OpExecutionContext,
    RunRequest,
    RunsFilter,
    ScheduleEvaluationContext,
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    job,
    op,
    schedule,
    sensor,
)

from . import runlock
from .config import Settings
from .resources import ClaimhouseSettings
from .sources import SourcesError, load_sources
from .sources.files import matching_files

refresh_warehouse = define_asset_job("refresh_warehouse", selection=AssetSelection.all(),
                                     description="Read every source and publish the warehouse.")


def sources_fingerprint(settings: Settings) -> str:
    """A hash of the sources file and of every enabled source file's path, size and mtime."""
    digest = hashlib.sha256()
    try:
        st = settings.sources_file.stat()
        digest.update(f"{settings.sources_file}|{st.st_size}|{st.st_mtime_ns}".encode())
        specs = load_sources(settings.sources_file)
    except (OSError, SourcesError) as exc:
        return "invalid:" + hashlib.sha256(str(exc).encode()).hexdigest()[:16]
    for spec in specs:
        if not spec.enabled:
            continue
        digest.update(f"source {spec.name}".encode())
        for found in matching_files(spec):
            try:
                st = found.path.stat() if found.path else None
            except OSError:
                continue
            seen = f"{st.st_size}|{st.st_mtime_ns}" if st else found.problem
            digest.update(f"{found.rel}|{seen}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


def _locked(settings: Settings, instance) -> str | None:
    holder = runlock.current_holder(settings.state_dir, runlock.dagster_run_alive(instance))
    return f"a run holds the warehouse: {holder.describe()}" if holder else None


@schedule(job=refresh_warehouse, cron_schedule="0 2 * * *", execution_timezone="Europe/London",
          default_status=DefaultScheduleStatus.STOPPED, description="Refresh the warehouse daily at 02:00.")
def daily_refresh(context: ScheduleEvaluationContext, claimhouse: ClaimhouseSettings):
    busy = _locked(claimhouse.settings(), context.instance)
    if busy:
        return SkipReason(busy)
    return RunRequest(run_key=None, tags={"claimhouse/trigger": "schedule"})


@sensor(job=refresh_warehouse, minimum_interval_seconds=60, default_status=DefaultSensorStatus.STOPPED,
        description="Start a run when the sources file or a source's files change (once the change is stable "
                    "for one interval).")
def sources_changed(context: SensorEvaluationContext, claimhouse: ClaimhouseSettings):
    settings = claimhouse.settings()
    fingerprint = sources_fingerprint(settings)
    cursor = json.loads(context.cursor) if context.cursor else {}
    if fingerprint != cursor.get("seen"):
        context.update_cursor(json.dumps({**cursor, "seen": fingerprint}))
        return SkipReason("sources changed; waiting one interval for them to settle")
    if fingerprint == cursor.get("launched"):
        return SkipReason("no change since the last run the sensor started")
    busy = _locked(settings, context.instance)
    if busy:
        return SkipReason(busy)
    context.update_cursor(json.dumps({**cursor, "launched": fingerprint}))
    return RunRequest(run_key=fingerprint, tags={"claimhouse/trigger": "sensor"})


class PurgeConfig(Config):
    older_than_days: int = 30


@op
def purge_runs(context: OpExecutionContext, config: PurgeConfig) -> int:
    """Delete finished runs older than `older_than_days` (and their event logs) from the Dagster instance."""
    cutoff = datetime.now(UTC) - timedelta(days=config.older_than_days)
    records = context.instance.get_run_records(filters=RunsFilter(created_before=cutoff))
    deleted = 0
    for record in records:
        if record.dagster_run.is_finished and record.dagster_run.run_id != context.run_id:
            context.instance.delete_run(record.dagster_run.run_id)
            deleted += 1
    context.log.info(f"deleted {deleted} runs older than {config.older_than_days} days")
    return deleted


@job(description="Housekeeping: delete finished Dagster runs older than N days (default 30).")
def purge_old_runs():
    purge_runs()
