"""The Dagster layer: definitions load, every asset selected alone does the right thing, a multiprocess run
equals an in-process one, the run lock lives in the job, automation evaluates, and a failing ERROR check keeps
the last published warehouse."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from datetime import UTC, datetime

import pyarrow.parquet as pq
import pytest
from dagster import (
    AssetCheckKey,
    AssetKey,
    DagsterInstance,
    DagsterInvalidSubsetError,
    RunRequest,
    build_schedule_context,
    build_sensor_context,
    execute_job,
    instance_for_test,
    reconstructable,
)

from pipeline import runlock
from pipeline.batches import clean_batch, extract_batch
from pipeline.definitions import defs, refresh_job
from pipeline.publish import PublishRefused, publish
from pipeline.resources import RESOURCE_KEY, ClaimhouseSettings
from pipeline.scan import scan
from pipeline.sources import load_sources
from pipeline.state import StateDir, write_parquet
from tests.helpers import Workspace, dagster_home, news_page

pytestmark = pytest.mark.xdist_group("heavy")
SNAPSHOT = {
    "documents": "SELECT doc_id, title, body_text, word_count, language FROM documents ORDER BY 1",
    "blocks": "SELECT doc_id, block_no, role, reason, char_start FROM document_blocks ORDER BY 1, 2",
    "claims": "SELECT claim_id, surface, value, unit, qualifier, attributed_body_id FROM numeric_claims ORDER BY 1",
    "bodies": "SELECT body_id, name, body_type FROM bodies ORDER BY 1",
    "mentions": "SELECT doc_id, body_id, char_start FROM body_mentions ORDER BY ALL",
}


def _resources() -> dict:
    """The settings resource for the current test's environment (the workspace fixture sets it)."""
    return {RESOURCE_KEY: ClaimhouseSettings.from_env()}


def _materialise(instance: DagsterInstance, *keys: str):
    """Materialise the selected assets in this process, as the UI's 'Materialize selected' does."""
    return defs.resolve_implicit_global_asset_job_def().execute_in_process(
        instance=instance, run_config=ClaimhouseSettings.from_env(resolve=True).run_config(), raise_on_error=False,
        asset_selection=[AssetKey(k) for k in keys])


def _failure(result) -> str:
    return next(e.step_failure_data.error.message for e in result.all_events if e.is_step_failure)


def test_definitions_load_with_the_graph_schedule_sensor_and_checks() -> None:
    graph = defs.resolve_asset_graph()
    assert {k.to_user_string() for k in graph.get_all_asset_keys()} == {"sources", "warehouse", "report"}
    assert not graph.get(AssetKey("sources")).is_materializable  # the sources are edited, not materialised
    ops = {n.name for n in defs.resolve_assets_def("warehouse").node_def.node_defs}
    assert ops == {"take_run_lock", "scan_sources", "clean_and_extract", "publish_warehouse"}
    schedule = defs.resolve_schedule_def("daily_refresh")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Europe/London")
    assert defs.resolve_sensor_def("sources_changed").default_status.value == "STOPPED"
    assert schedule.default_status.value == "STOPPED"
    checks = {c.name for c in defs.resolve_asset_graph().asset_check_keys}
    assert {"offsets_valid", "vocabularies_closed", "foreign_keys_resolve", "ids_unique"} <= checks
    defs.resolve_job_def("purge_old_runs")
    defs.resolve_job_def("refresh_warehouse_on_dask")


def test_warehouse_alone_publishes_and_report_alone_renders_the_published_one(seeds_workspace: Workspace) -> None:
    ws = seeds_workspace
    report_file = ws.warehouse.with_suffix(".report.html")
    with DagsterInstance.ephemeral() as instance:
        refused = _materialise(instance, "report")
        assert not refused.success and "materialise `warehouse` first" in _failure(refused)
        alone = _materialise(instance, "warehouse")
        assert alone.success and not report_file.exists()
        assert ws.scalar("SELECT count(*) FROM documents") == 5
        [mat] = alone.asset_materializations_for_node("warehouse")
        assert mat.metadata["documents_new"].value == 5 and mat.metadata["clean_documents"].value == 5
        checks = [e for e in alone.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
        assert len(checks) == 5 and all(e.event_specific_data.passed for e in checks)
        assert _materialise(instance, "report").success and report_file.exists()
        again = _materialise(instance, "warehouse")  # a second run alone reprocesses nothing
        assert again.success
        assert again.asset_materializations_for_node("warehouse")[0].metadata["documents_to_process"].value == 0
    assert runlock.current_holder(ws.state) is None


def test_a_check_cannot_be_selected_without_its_warehouse() -> None:
    job = defs.resolve_implicit_global_asset_job_def()
    with pytest.raises(DagsterInvalidSubsetError, match="warehouse"):
        job.get_subset(asset_selection=set(),
                       asset_check_selection={AssetCheckKey(AssetKey("warehouse"), "ids_unique")})


def test_the_run_lock_refuses_a_second_run_and_a_failed_run_releases_it(workspace: Workspace) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    with DagsterInstance.ephemeral() as instance:
        runlock.acquire(workspace.state, owner="someone-else", pid=os.getpid(), run_id="other-run")
        busy = _materialise(instance, "warehouse")
        assert not busy.success and "other-run" in _failure(busy)
        assert runlock.current_holder(workspace.state).owner == "someone-else"  # not released by the refused run
        runlock.release(workspace.state, owner="someone-else")
        (workspace.state / "manifest.parquet").write_bytes(b"not parquet")  # the scan fails after taking the lock
        failed = _materialise(instance, "warehouse")
        assert not failed.success and [e.step_key for e in failed.all_events if e.is_step_failure] == [
            "warehouse.scan_sources"]
        assert not (workspace.state / runlock.LOCK_NAME).exists()


def test_a_bad_sources_file_fails_the_run_with_its_message_alone(workspace: Workspace) -> None:
    workspace.sources_file.write_text('sources:\n  - name: news\n    kind: files\n    path: news\n    globs: "*.txt"\n')
    with DagsterInstance.ephemeral() as instance:
        result = _materialise(instance, "warehouse")
        [error] = [e.step_failure_data.error for e in result.all_events if e.is_step_failure]
        # what the UI's run log shows: the explanation, with no stack of Dagster's frames under it
        assert error.message == (f"{workspace.sources_file}: source 'news': globs: unknown key; "
                                 "did you mean 'glob'?")
        assert error.stack == [] and error.cause is None
    assert runlock.current_holder(workspace.state) is None


def test_a_lock_held_by_a_dagster_run_is_free_once_the_instance_says_the_run_finished(workspace: Workspace) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    with DagsterInstance.ephemeral() as instance:
        finished = _materialise(instance, "warehouse").run_id
        alive = runlock.dagster_run_alive(instance)
        runlock.acquire(workspace.state, run_id=finished)  # as if its worker died before releasing it
        assert runlock.current_holder(workspace.state) is not None  # without the instance: cannot tell, trusted
        assert runlock.current_holder(workspace.state, alive) is None
        runlock.acquire(workspace.state, run_id="not-in-this-instance", run_alive=alive)  # takes over
        assert runlock.current_holder(workspace.state, alive).run_id == "not-in-this-instance"


def test_multiprocess_run_publishes_the_same_rows_as_in_process(seeds_workspace: Workspace, tmp_path) -> None:
    ws = seeds_workspace
    assert ws.run().code == 0
    in_process = {k: ws.query(q) for k, q in SNAPSHOT.items()}
    shutil.rmtree(ws.state)
    ws.warehouse.unlink()
    home = dagster_home(tmp_path / "dagster_home")
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
    with instance_for_test() as instance:  # the schedule asks the instance about the holder's run
        ctx = build_schedule_context(instance=instance, scheduled_execution_time=datetime(2025, 1, 2, 2, tzinfo=UTC),
                                     resources=_resources())
        assert isinstance(schedule.evaluate_tick(ctx).run_requests[0], RunRequest)
        runlock.acquire(workspace.state, run_id="busy")
        try:
            data = schedule.evaluate_tick(ctx)
            assert not data.run_requests and "holds the warehouse" in data.skip_message
        finally:
            runlock.release(workspace.state, run_id="busy")


def test_sensor_waits_for_a_stable_change_then_requests_one_run(workspace: Workspace) -> None:
    docs = workspace.folder("news")
    (docs / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    sensor = defs.resolve_sensor_def("sources_changed")
    with DagsterInstance.ephemeral() as instance:
        cursor = None

        def tick():
            nonlocal cursor
            data = sensor.evaluate_tick(build_sensor_context(instance=instance, cursor=cursor, resources=_resources()))
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


def test_the_settings_resource_is_built_once_from_the_environment_and_travels_in_the_run_config(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.config import Settings

    monkeypatch.setenv("CLAIMHOUSE_SCAN_CHUNK_SIZE", "7")
    resource = ClaimhouseSettings.from_env(resolve=True)
    assert resource.settings() == Settings.from_env()
    config = resource.run_config()["resources"][RESOURCE_KEY]["config"]
    assert (config["batch_size"], config["scan_chunk_size"], config["sources_file"]) == (
        2, 7, str(workspace.sources_file))
    monkeypatch.setenv("CLAIMHOUSE_WORKERS", "abc")
    with pytest.raises(ValueError, match="CLAIMHOUSE_WORKERS='abc'"):
        ClaimhouseSettings.from_env()
