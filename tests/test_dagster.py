"""The Dagster layer: definitions load, a multiprocess run equals an in-process one, automation evaluates,
and a failing ERROR check keeps the last published warehouse."""
from __future__ import annotations

import hashlib
import json
import shutil
from datetime import UTC, datetime

import pyarrow.parquet as pq
import pytest
from dagster import (
    DagsterInstance,
    RunRequest,
    build_schedule_context,
    build_sensor_context,
    execute_job,
    reconstructable,
)

from pipeline import runlock
from pipeline.batches import clean_batch, extract_batch
from pipeline.definitions import defs
from pipeline.publish import PublishRefused, publish
from pipeline.scan import scan
from pipeline.sources import load_sources
from pipeline.state import StateDir, write_parquet
from tests.helpers import REPO, Workspace, news_page

pytestmark = pytest.mark.xdist_group("heavy")
SNAPSHOT = {
    "documents": "SELECT doc_id, title, body_text, word_count, language FROM documents ORDER BY 1",
    "blocks": "SELECT doc_id, block_no, role, reason, char_start FROM document_blocks ORDER BY 1, 2",
    "claims": "SELECT claim_id, surface, value, unit, qualifier, attributed_body_id FROM numeric_claims ORDER BY 1",
    "bodies": "SELECT body_id, name, body_type FROM bodies ORDER BY 1",
    "mentions": "SELECT doc_id, body_id, char_start FROM body_mentions ORDER BY ALL",
}


def refresh_job():
    return defs.resolve_job_def("refresh_warehouse")


def test_definitions_load_with_the_graph_schedule_sensor_and_checks() -> None:
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"sources", "raw_documents", "cleaned_documents", "extractions", "warehouse"} <= keys
    schedule = defs.resolve_schedule_def("daily_refresh")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Europe/London")
    assert defs.resolve_sensor_def("sources_changed").default_status.value == "STOPPED"
    assert schedule.default_status.value == "STOPPED"
    checks = {c.name for c in defs.resolve_asset_graph().asset_check_keys}
    assert {"offsets_valid", "vocabularies_closed", "foreign_keys_resolve", "ids_unique"} <= checks
    defs.resolve_job_def("purge_old_runs")


def test_multiprocess_run_publishes_the_same_rows_as_in_process(seeds_workspace: Workspace, tmp_path) -> None:
    ws = seeds_workspace
    assert ws.run().code == 0
    in_process = {k: ws.query(q) for k, q in SNAPSHOT.items()}
    shutil.rmtree(ws.state)
    ws.warehouse.unlink()
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "config" / "dagster.yaml", home / "dagster.yaml")
    with DagsterInstance.from_config(str(home)) as instance:
        result = execute_job(reconstructable(refresh_job), instance=instance)
        assert result.success
        kinds = {e.event_type_value for e in result.all_events}
        assert "ASSET_CHECK_EVALUATION" in kinds
    assert {k: ws.query(q) for k, q in SNAPSHOT.items()} == in_process


def test_schedule_skips_while_a_run_holds_the_lock(workspace: Workspace) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    schedule = defs.resolve_schedule_def("daily_refresh")
    with DagsterInstance.ephemeral() as instance:
        ctx = build_schedule_context(instance=instance, scheduled_execution_time=datetime(2025, 1, 2, 2, tzinfo=UTC))
        assert isinstance(schedule.evaluate_tick(ctx).run_requests[0], RunRequest)
        runlock.acquire(workspace.state, run_id="busy")
        try:
            data = schedule.evaluate_tick(ctx)
            assert not data.run_requests and "holds the warehouse" in data.skip_message
        finally:
            runlock.release(workspace.state)


def test_sensor_waits_for_a_stable_change_then_requests_one_run(workspace: Workspace) -> None:
    docs = workspace.folder("news")
    (docs / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    sensor = defs.resolve_sensor_def("sources_changed")
    with DagsterInstance.ephemeral() as instance:
        cursor = None

        def tick():
            nonlocal cursor
            data = sensor.evaluate_tick(build_sensor_context(instance=instance, cursor=cursor))
            cursor = data.cursor
            return data

        assert "settle" in tick().skip_message
        first = tick()
        assert len(first.run_requests) == 1 and first.run_requests[0].run_key
        assert "no change" in tick().skip_message
        (docs / "b.txt").write_text(news_page(1))
        assert "settle" in tick().skip_message
        second = tick()
        assert second.run_requests[0].run_key != first.run_requests[0].run_key


def test_a_failing_error_check_refuses_the_publish_and_keeps_the_warehouse(workspace: Workspace) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    assert workspace.run().code == 0
    before = hashlib.sha256(workspace.warehouse.read_bytes()).hexdigest()
    state = StateDir(workspace.state)
    specs = load_sources(workspace.sources_file)
    result = scan(state, specs, "tamperedrun", datetime.now(UTC).replace(tzinfo=None), 10, full=True)
    sources = {s.name: s.model_dump(mode="json") for s in specs}
    batch = clean_batch(state, "tamperedrun", 0, sources)["batch"]
    extract_batch(state, batch)
    blocks_file = state.store / batch / "clean_document_blocks.parquet"
    table = pq.read_table(blocks_file).to_pylist()
    body = next(b for b in table if b["role"] == "body")
    body["char_end"] += 5  # an offset that no longer points at its text
    from pipeline.tables import STAGED, rows_to_table

    write_parquet(rows_to_table(table, STAGED["document_blocks"]), blocks_file)
    assert result.counts["to_process"] == 1
    with pytest.raises(PublishRefused, match="offsets_valid") as err:
        publish(state, workspace.warehouse, "tamperedrun")
    failed = [o for o in err.value.outcomes if not o.passed]
    assert [o.check.name for o in failed] == ["offsets_valid"] and failed[0].sample
    assert hashlib.sha256(workspace.warehouse.read_bytes()).hexdigest() == before
    assert not list(workspace.warehouse.parent.glob(".*.tmp"))
    assert json.loads((workspace.state / "published.json").read_text())["run_id"] != "tamperedrun"
