"""`make ui` serves the Dagster UI; headless Chromium sees the asset graph."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.browser import ARTIFACTS, chromium_or_skip, free_port, render, wait_http
from tests.helpers import REPO, Workspace, dagster_home, stop_group

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("heavy")]


def test_dagster_ui_renders_the_asset_graph(seeds_workspace: Workspace, tmp_path) -> None:
    chromium_or_skip()
    home = dagster_home(tmp_path / "dagster_home")
    port = free_port()
    env = {**os.environ, **seeds_workspace.env(), "DAGSTER_HOME": str(home)}
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    proc = subprocess.Popen([dagster, "dev", "-h", "127.0.0.1", "-p", str(port)], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        assert wait_http(f"http://127.0.0.1:{port}/server_info", 120), "the Dagster UI did not come up"
        base = f"http://127.0.0.1:{port}"
        lineage = render(f"{base}/asset-groups", budget_ms=15000)
        for group in ("ingest", "publish"):
            assert f">{group}<" in lineage, f"group {group} not in the global lineage"
        dom = render(f"{base}/locations/claimhouse/asset-groups/publish/lineage",
                     screenshot=ARTIFACTS / "dagster_asset_graph.png", budget_ms=20000)
        for asset in ("sources", "warehouse", "report"):
            assert asset in dom, f"{asset} not drawn in the publish group's lineage"
        assert (ARTIFACTS / "dagster_asset_graph.png").stat().st_size > 10_000
    finally:
        stop_group(proc, timeout=20)
