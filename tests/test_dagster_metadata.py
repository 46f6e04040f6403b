"""Asset metadata as the UI shows it: the same keys on every run, previews of real rows, no file:// links."""
from __future__ import annotations

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
