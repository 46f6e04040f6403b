"""Asset metadata as the UI shows it: the same keys on every run, previews of real rows, no file:// links."""
from __future__ import annotations

import json

import duckdb
from dagster import DagsterInstance, MetadataValue

from pipeline.definitions import defs
from pipeline.resources import ClaimhouseSettings
from tests.helpers import Workspace

ASSETS = ("warehouse", "report")  # `sources` is an external asset: read, never materialised


def _metadata(result) -> dict[str, dict]:
    """Each asset's last materialisation metadata."""
    found = {}
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        found[mat.asset_key.to_user_string()] = dict(mat.metadata)
    return found


def _run() -> dict[str, dict]:
    result = defs.resolve_job_def("refresh_warehouse").execute_in_process(
        instance=DagsterInstance.ephemeral(), run_config=ClaimhouseSettings.from_env(resolve=True).run_config())
    assert result.success
    return _metadata(result)


def test_metadata_keys_are_the_same_when_nothing_changed(seeds_workspace: Workspace) -> None:
    first, again = _run(), _run()
    assert set(first) == set(again) == set(ASSETS)
    for asset in ASSETS:
        assert set(first[asset]) == set(again[asset]), asset
    assert again["warehouse"]["documents_new"].value == 0 and again["warehouse"]["documents_failed"].value == 0


def test_previews_hold_rows_and_the_report_is_a_path(seeds_workspace: Workspace) -> None:
    meta = _run()
    preview = meta["warehouse"]["preview_top_bodies"]
    assert preview.records and {c.name for c in preview.schema.columns} == {"name", "body_type", "documents",
                                                                            "mentions"}
    assert isinstance(preview.records[0].data["mentions"], int)
    path = meta["report"]["path"]
    assert isinstance(path, type(MetadataValue.path("x"))) and path.value.endswith(".report.html")
    assert not any("file://" in str(getattr(v, "value", v)) for v in meta["report"].values())


def _rows(preview) -> list[dict]:
    return [dict(r.data) for r in preview.records]


def test_a_run_that_keeps_the_file_shows_the_previews_the_publish_read(seeds_workspace: Workspace) -> None:
    first = _run()["warehouse"]
    with duckdb.connect(str(seeds_workspace.warehouse), read_only=True) as con:
        top = con.execute("SELECT b.name, b.body_type, count(DISTINCT m.doc_id) AS documents, count(*) AS mentions "
                          "FROM body_mentions m JOIN bodies b USING (body_id) GROUP BY ALL "
                          "ORDER BY mentions DESC, name LIMIT 10").fetchall()
    assert [tuple(r.values()) for r in _rows(first["preview_top_bodies"])] == top
    again = _run()["warehouse"]
    assert again["rebuilt"].value is False
    for key in ("preview_top_bodies", "preview_claims_by_unit"):
        assert _rows(again[key]) == _rows(first[key]), key
    record_path = seeds_workspace.state / "published.json"
    record = json.loads(record_path.read_text())
    del record["previews"]  # a record from before previews were kept: the warehouse is published again
    record_path.write_text(json.dumps(record))
    older = _run()["warehouse"]
    assert older["rebuilt"].value is True
    assert _rows(older["preview_claims_by_unit"]) == _rows(first["preview_claims_by_unit"])
    assert "previews" in json.loads(record_path.read_text())
