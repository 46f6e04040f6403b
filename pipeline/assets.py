"""The asset graph: sources → raw_documents → cleaned_documents → extractions → warehouse.

Each asset is a thin wrapper over a plain module (scan, batches, publish); extraction fans out over batches
of changed documents with dynamic outputs, so the same code runs in-process and under any executor.
"""

from datetime import UTC, datetime

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    Config,
    DynamicOut,
    DynamicOutput,
    Failure,
    MaterializeResult,
    MetadataValue,
    OpExecutionContext,
    asset,
    graph_asset,
    op,
)

from . import runlock
from .batches import clean_batch, extract_batch
from .checks import CHECKS, CheckOutcome
from .previews import previews
from .progress import Progress
from .publish import PublishRefused, publish
from .resources import ClaimhouseSettings
from .scan import scan
from .sources import SourcesError, SourceSpec, load_sources

SHRINK_CHECK = "source_not_shrunk"
# The scan's counts, every one of them on every materialisation (zero included), so the UI's metadata plots and
# tables keep the same keys from run to run.
COUNT_KEYS = ("read", "new", "changed", "unchanged", "removed", "failed", "to_process", "reprocessed")


def _counts(counts: dict) -> dict[str, int]:
    return {k: int(counts.get(k, 0)) for k in COUNT_KEYS}


class ScanConfig(Config):
    full: bool = False  # reprocess every document (make run FULL=1)


@asset(group_name="ingest", description="The validated sources file; takes the run lock first.")
def sources(context: AssetExecutionContext, claimhouse: ClaimhouseSettings) -> dict:
    settings = claimhouse.settings()
    try:
        runlock.acquire(settings.state_dir, run_id=context.run.run_id)
        specs = load_sources(settings.sources_file)
    except (runlock.RunLocked, SourcesError) as exc:
        raise Failure(str(exc)) from None
    context.add_output_metadata({
        "sources_file": str(settings.sources_file),
        "sources": MetadataValue.md("\n".join(f"- **{s.name}** ({s.kind}{'' if s.enabled else ', disabled'}): "
                                              f"`{s.path}`" for s in specs)),
    })
    return {s.name: s.model_dump(mode="json") for s in specs}


@asset(group_name="ingest", description="Every source read and decoded; new and changed documents staged.")
def raw_documents(context: AssetExecutionContext, config: ScanConfig, claimhouse: ClaimhouseSettings,
                  sources: dict) -> dict:
    settings = claimhouse.settings()
    specs = [SourceSpec(**spec) for spec in sources.values()]
    result = scan(claimhouse.state(), specs, context.run.run_id, datetime.now(UTC).replace(tzinfo=None),
                  settings.batch_size, full=config.full)
    c = result.counts
    context.log.info(f"read {c['read']} records: {c['new']} new, {c['changed']} changed, {c['removed']} removed, "
                     f"{c['failed']} failed; {c['to_process']} documents to process in {result.batches} batches")
    context.add_output_metadata(_counts(c) | {"batches": result.batches, "per_source": result.per_source})
    return {"run_id": context.run.run_id, "batches": result.batches, "counts": dict(c), "sources": sources}


@op(out=DynamicOut(int))
def plan_batches(raw_documents: dict):
    for n in range(raw_documents["batches"]):
        yield DynamicOutput(n, mapping_key=f"batch_{n:05d}")


@op
def clean_one_batch(context: OpExecutionContext, claimhouse: ClaimhouseSettings, raw_documents: dict,
                    batch_no: int) -> dict:
    progress = Progress("cleaning", 0, raw_documents["counts"]["to_process"], log=context.log.info,
                        label=f" (batch {batch_no})")
    return clean_batch(claimhouse.state(), raw_documents["run_id"], batch_no, raw_documents["sources"], progress)


def _totals(batches: list[dict], keys: tuple[str, ...]) -> dict:
    total = {k: sum(b.get(k, 0) for b in batches) for k in keys}
    seconds = sum(b.get("seconds", 0) for b in batches)
    total["documents_per_second"] = round(total["documents"] / seconds, 1) if seconds else 0.0
    return total


@op
def summarise_cleaning(context: OpExecutionContext, raw_documents: dict, batches: list[dict]) -> dict:
    total = _totals(batches, ("documents", "document_blocks", "comments", "stage_errors"))
    context.add_output_metadata({**total, "documents_total": raw_documents["counts"]["to_process"]})
    return {**raw_documents, "out_batches": sorted(b["batch"] for b in batches if b.get("batch")),
            "cleaned": total}


@graph_asset(group_name="extract", description="Boilerplate removed, blocks audited, metadata and comments "
                                               "extracted, one batch of changed documents at a time.")
def cleaned_documents(raw_documents: dict) -> dict:
    done = plan_batches(raw_documents).map(lambda n: clean_one_batch(raw_documents, n))
    return summarise_cleaning(raw_documents, done.collect())


@op(out=DynamicOut(str))
def cleaned_batches(cleaned_documents: dict):
    for name in cleaned_documents["out_batches"]:
        yield DynamicOutput(name, mapping_key=name.replace("-", "_"))


@op
def extract_one_batch(context: OpExecutionContext, claimhouse: ClaimhouseSettings, cleaned_documents: dict,
                      out_batch: str) -> dict:
    progress = Progress("extraction", 0, cleaned_documents["counts"]["to_process"], log=context.log.info,
                        label=f" ({out_batch})")
    return extract_batch(claimhouse.state(), out_batch, progress)


@op
def summarise_extraction(context: OpExecutionContext, cleaned_documents: dict, batches: list[dict]) -> dict:
    total = _totals(batches, ("documents", "numeric_claims", "body_mentions", "person_mentions", "place_mentions",
                              "stage_errors"))
    context.add_output_metadata(total)
    return {**cleaned_documents, "extracted": total}


@graph_asset(group_name="extract", description="Numeric claims, named bodies, people and places from each "
                                               "cleaned body, one batch at a time.")
def extractions(cleaned_documents: dict) -> dict:
    done = cleaned_batches(cleaned_documents).map(lambda b: extract_one_batch(cleaned_documents, b))
    return summarise_extraction(cleaned_documents, done.collect())


def _check_result(outcome: CheckOutcome) -> AssetCheckResult:
    severity = AssetCheckSeverity.ERROR if outcome.check.severity == "ERROR" else AssetCheckSeverity.WARN
    return AssetCheckResult(check_name=outcome.check.name, passed=outcome.passed, severity=severity,
                            metadata={"failing_rows": outcome.failures,
                                      "sample": MetadataValue.json([{k: str(v) for k, v in r.items()}
                                                                    for r in outcome.sample])})


@asset(group_name="publish",
       check_specs=[AssetCheckSpec(c.name, asset="warehouse", description=c.description) for c in CHECKS]
       + [AssetCheckSpec(SHRINK_CHECK, asset="warehouse", description="no source lost half its documents")],
       description="The published DuckDB warehouse: built beside the target, checked, then atomically swapped in.")
def warehouse(context: AssetExecutionContext, claimhouse: ClaimhouseSettings, extractions: dict):
    settings = claimhouse.settings()
    state = claimhouse.state()
    try:
        published = publish(state, settings.warehouse, extractions["run_id"])
    except PublishRefused as exc:
        for outcome in exc.outcomes:
            yield _check_result(outcome)
        raise Failure(str(exc)) from None
    finally:
        runlock.release(settings.state_dir)
    counts = extractions["counts"]
    summary = {"warehouse": str(settings.warehouse), **{f"documents_{k}": v for k, v in _counts(counts).items()},
               **{f"rows_{t}": n for t, n in published.tables.items()},
               "rows_total": sum(published.tables.values()), "build_seconds": round(published.build_seconds, 3)}
    yield MaterializeResult(
        metadata={**summary, "path": MetadataValue.path(str(settings.warehouse)),
                  "per_source": MetadataValue.json(published.per_source), **previews(settings.warehouse)},
        check_results=[_check_result(o) for o in published.outcomes],
    )


@asset(group_name="publish", deps=[warehouse],
       description="A self-contained HTML report of the published warehouse, written beside it.")
def report(context: AssetExecutionContext, claimhouse: ClaimhouseSettings) -> MaterializeResult:
    from .report import render_report

    settings = claimhouse.settings()
    out = settings.warehouse.with_suffix(".report.html")
    figures = render_report(settings.warehouse, out)
    # A path, not a file:// link: browsers refuse to open local files from the UI's page.
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(out.resolve())),
        **{k: v for k, v in figures.items() if isinstance(v, int | float | str) and k != "path"},
    })
