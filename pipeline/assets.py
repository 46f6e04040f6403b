"""The asset graph: `sources` (the sources file and its folders, outside Dagster) → `warehouse` → `report`.

`warehouse` is one graph, the data flow of a run:

    take_run_lock → scan_sources ⇉ clean_and_extract (one step per batch of changed documents) → publish_warehouse

Each op is a thin wrapper over a plain module (runlock, scan, batches, publish) and reports its stage counts as
metadata. The ops share only the state folder and Dagster's storage, so the steps can run in one process, in
several, or on other machines (multiprocess, dask, Kubernetes executors) with identical results. The run lock is
taken by the first op and released by the last, or by the failure hook of whichever op fails.
"""
from datetime import UTC, datetime

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetIn,
    AssetSpec,
    Config,
    DagsterRun,
    DynamicOut,
    DynamicOutput,
    HookContext,
    In,
    MaterializeResult,
    MetadataValue,
    Nothing,
    OpExecutionContext,
    Out,
    Output,
    asset,
    failure_hook,
    graph_asset,
    op,
)

from . import runlock, unchanged
from .batches import clean_batch, extract_batch
from .checks import CHECKS, CheckOutcome
from .explained import explained_failure
from .previews import previews
from .progress import Progress
from .publish import PublishRefused, publish
from .resources import ClaimhouseSettings
from .scan import scan
from .sources import SourcesError, SourceSpec, load_sources
from .sweep import sweep
from .tables import CLEAN_TABLES, EXTRACT_TABLES

SHRINK_CHECK = "source_not_shrunk"
LOCK_OWNER_TAG = "claimhouse/lock_owner"  # set by the CLI: the run adopts the lock its process already holds
CHECK_SPECS = [AssetCheckSpec(c.name, asset="warehouse", description=c.description) for c in CHECKS] + [
    AssetCheckSpec(SHRINK_CHECK, asset="warehouse", description="no source lost half its documents")]
CHECK_OUTPUTS = {spec.get_python_identifier(): spec.name for spec in CHECK_SPECS}

sources = AssetSpec("sources", group_name="ingest", kinds={"yaml"},
                    description="The sources file (CLAIMHOUSE_SOURCES) and the folders it names: read by every "
                                "warehouse run, never written. Not materialisable: edit the file or the folders.")

# The scan's counts, every one of them on every materialisation (zero included), so the UI's metadata plots and
# tables keep the same keys from run to run.
COUNT_KEYS = ("read", "new", "changed", "unchanged", "removed", "failed", "to_process", "reprocessed")


def _counts(counts: dict) -> dict[str, int]:
    return {k: int(counts.get(k, 0)) for k in COUNT_KEYS}


class ScanConfig(Config):
    full: bool = False  # reprocess every document (make run FULL=1)


def lock_owner(run: DagsterRun) -> str:
    """Who holds the run lock for this run: the launching CLI process when it set the tag, else the run itself."""
    return run.tags.get(LOCK_OWNER_TAG) or f"run:{run.run_id}"


@op(ins={"sources": In(Nothing)}, description="Takes the warehouse's run lock for this run (or fails naming the "
                                               "run that holds it); validates the sources file.")
def take_run_lock(context: OpExecutionContext, claimhouse: ClaimhouseSettings) -> dict:
    settings = claimhouse.settings()
    try:
        held = runlock.acquire(settings.state_dir, run_id=context.run_id, owner=lock_owner(context.run),
                               run_alive=runlock.dagster_run_alive(context.instance))
        specs = load_sources(settings.sources_file)
    except (runlock.RunLocked, SourcesError) as exc:
        raise explained_failure(str(exc)) from None
    swept = sweep(claimhouse.state(), settings.warehouse, context.run.run_id)
    if swept:
        context.log.info(f"removed {len(swept)} files and folders left by dead runs: "
                         + ", ".join(p.name for p in swept[:10]) + (" …" if len(swept) > 10 else ""))
    context.add_output_metadata({
        "lock_holder": held.describe(), "dead_run_leftovers_removed": len(swept),
        "sources_file": str(settings.sources_file),
        "sources": MetadataValue.md("\n".join(f"- **{s.name}** ({s.kind}{'' if s.enabled else ', disabled'}): "
                                              f"`{s.path}`" for s in specs))})
    return {s.name: s.model_dump(mode="json") for s in specs}


@failure_hook(required_resource_keys={"claimhouse"})
def release_run_lock(context: HookContext) -> None:
    """A failed step frees the run lock this run holds (a lock another run holds is left alone)."""
    run = context.instance.get_run_by_id(context.run_id)
    if run is not None:
        runlock.release(context.resources.claimhouse.settings().state_dir, owner=lock_owner(run))


@op(out={"plan": Out(dict), "batches": DynamicOut(int)},
    description="Reads every source, decodes what is new or changed, and plans the batches to (re)process.")
def scan_sources(context: OpExecutionContext, config: ScanConfig, claimhouse: ClaimhouseSettings, specs: dict):
    settings = claimhouse.settings()
    result = scan(claimhouse.state(), [SourceSpec(**spec) for spec in specs.values()], context.run_id,
                  datetime.now(UTC).replace(tzinfo=None), settings.batch_size, full=config.full,
                  chunk_size=settings.scan_chunk_size, workers=claimhouse.step_workers())
    c = _counts(result.counts)
    context.log.info(f"read {c.get('read', 0)} records: {c.get('new', 0)} new, {c.get('changed', 0)} changed, "
                     f"{c.get('removed', 0)} removed, {c.get('failed', 0)} failed; {c.get('to_process', 0)} "
                     f"documents to process in {result.batches} batches")
    yield Output({"counts": c, "batches": result.batches, "sources": specs}, "plan",
                 metadata={**c, "batches": result.batches, "per_source": result.per_source})
    for n in range(result.batches):
        yield DynamicOutput(n, mapping_key=f"batch_{n:05d}", output_name="batches")


@op(description="One batch of changed documents: boilerplate removed, blocks audited, metadata and comments "
                "extracted, then numeric claims, bodies, people and places; staged as parquet.")
def clean_and_extract(context: OpExecutionContext, claimhouse: ClaimhouseSettings, plan: dict,
                      batch_no: int) -> dict:
    state, workers, total = claimhouse.state(), claimhouse.step_workers(), plan["counts"].get("to_process", 0)
    label = f" (batch {batch_no})"
    budget = claimhouse.settings().doc_timeout
    cleaned = clean_batch(state, context.run_id, batch_no, plan["sources"],
                          Progress("cleaning", 0, total, log=context.log.info, label=label), workers=workers,
                          doc_timeout=budget)
    extracted = {} if cleaned["batch"] is None else extract_batch(
        state, cleaned["batch"], Progress("extraction", 0, total, log=context.log.info, label=label),
        workers=workers, doc_timeout=budget)
    counts = {f"clean_{k}": v for k, v in cleaned.items() if k != "batch"} | {
        f"extract_{k}": v for k, v in extracted.items() if k != "batch"}
    context.add_output_metadata({"batch": str(cleaned["batch"]), **counts})
    return counts


def _stage_totals(batches: list[dict]) -> dict:
    """Each stage's row counts summed over the batches; every key present, zeros included, on every run."""
    total: dict = {f"clean_{t}": 0 for t in CLEAN_TABLES} | {f"extract_{t}": 0 for t in ("documents", *EXTRACT_TABLES)}
    for b in batches:
        for k, v in b.items():
            total[k] = total.get(k, 0) + v
    for stage in ("clean", "extract"):
        seconds = total.pop(f"{stage}_seconds", 0)
        docs = total.get(f"{stage}_documents", 0)
        total[f"{stage}_documents_per_second"] = round(docs / seconds, 1) if seconds else 0.0
    return total


def _check_result(outcome: CheckOutcome) -> AssetCheckResult:
    severity = AssetCheckSeverity.ERROR if outcome.check.severity == "ERROR" else AssetCheckSeverity.WARN
    return AssetCheckResult(asset_key="warehouse", check_name=outcome.check.name, passed=outcome.passed,
                            severity=severity,
                            metadata={"failing_rows": outcome.failures,
                                      "sample": MetadataValue.json([{k: str(v) for k, v in r.items()}
                                                                    for r in outcome.sample])})


@op(out={"result": Out(str), **{name: Out(is_required=False) for name in CHECK_OUTPUTS}},
    description="Builds the warehouse beside the target from the staged parquet, runs the checks on it, swaps it "
                "in atomically (an ERROR check keeps the last good one), then releases the run lock.")
def publish_warehouse(context: OpExecutionContext, claimhouse: ClaimhouseSettings, plan: dict, batches: list[dict]):
    settings = claimhouse.settings()
    try:
        published = publish(claimhouse.state(), settings.warehouse, context.run_id)
    except PublishRefused as exc:
        for outcome in exc.outcomes:
            yield _check_result(outcome)
        raise explained_failure(str(exc)) from None
    finally:
        runlock.release(settings.state_dir, owner=lock_owner(context.run))
    for outcome in published.outcomes:
        yield _check_result(outcome)
    summary = {"warehouse": str(settings.warehouse),
               **{f"documents_{k}": v for k, v in _counts(plan["counts"]).items()}, **_stage_totals(batches),
               **{f"rows_{t}": n for t, n in published.tables.items()},
               "rows_total": sum(published.tables.values()), "build_seconds": round(published.build_seconds, 3),
               "rebuilt": published.rebuilt, "changed_documents": published.changed}
    yield Output(str(settings.warehouse), "result", metadata={
        **summary, "path": MetadataValue.path(str(settings.warehouse)),
        "per_source": MetadataValue.json(published.per_source), **previews(published.previews)})


@graph_asset(group_name="publish", ins={"sources": AssetIn(dagster_type=Nothing)}, check_specs=CHECK_SPECS,
             hooks={release_run_lock}, kinds={"duckdb"},
             description="The published DuckDB warehouse: sources scanned, changed documents cleaned and extracted "
                         "one batch per step, then built beside the target, checked and atomically swapped in.")
def warehouse(sources):
    plan, batches = scan_sources(take_run_lock(sources))
    published = publish_warehouse(plan, batches.map(lambda n: clean_and_extract(plan, n)).collect())
    return {"result": published.result, **{name: getattr(published, name) for name in CHECK_OUTPUTS}}


@asset(group_name="publish", deps=[warehouse], kinds={"html"},
       description="A self-contained HTML report of the published warehouse, written beside it.")
def report(context: AssetExecutionContext, claimhouse: ClaimhouseSettings) -> MaterializeResult:
    from .report import render_report

    settings = claimhouse.settings()
    if not settings.warehouse.exists():
        raise explained_failure(f"no published warehouse at {settings.warehouse}: materialise `warehouse` first "
                      "(or select both)")
    out = settings.warehouse.with_suffix(".report.html")
    state_root = claimhouse.state().root
    rendered = not unchanged.report_is_current(state_root, settings.warehouse, out)  # same warehouse: kept
    if rendered:
        figures = render_report(settings.warehouse, out)
        unchanged.record_report(state_root, settings.warehouse, out, figures)
    else:
        figures = unchanged.recorded_figures(state_root)
    # A path, not a file:// link: browsers refuse to open local files from the UI's page.
    return MaterializeResult(metadata={
        "rendered": rendered,
        "path": MetadataValue.path(str(out.resolve())),
        **{k: v for k, v in figures.items() if isinstance(v, int | float | str) and k != "path"},
    })


ASSETS = [sources, warehouse, report]  # the whole graph, as the definitions and the CLI's in-process run load it
