"""What `make run` prints after a run: failed checks (WARN too) and sources whose documents left the warehouse."""
from __future__ import annotations

from tests.helpers import Workspace, news_page


def _news(ws: Workspace, folder: str, n: int) -> None:
    for i in range(n):
        (ws.folder(folder) / f"story{i}.txt").write_text(news_page(i, words=80))


def test_a_source_losing_half_its_documents_prints_the_warn_check(workspace: Workspace) -> None:
    _news(workspace, "news", 6)
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    first = workspace.run()
    assert first.code == 0, first.err
    assert "check failed" not in first.out
    for i in range(4):
        (workspace.root / "news" / f"story{i}.txt").unlink()
    second = workspace.run()
    assert second.code == 0, second.err
    line = next(x for x in second.out.splitlines() if x.startswith("check failed"))
    assert "(WARN)" in line and "source_not_shrunk" in line and '"before": "6"' in line


def test_removing_a_source_from_the_sources_file_names_it_and_its_documents(workspace: Workspace) -> None:
    _news(workspace, "news", 2)
    _news(workspace, "press", 3)
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"},
                             {"name": "press", "kind": "files", "path": "press"}])
    assert workspace.run().code == 0
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    out = workspace.run()
    assert out.code == 0, out.err
    assert "dropped source 'press': it is no longer in the sources file, so its 3 documents left the warehouse" \
        in out.out.splitlines()
    assert workspace.scalar("SELECT count(*) FROM documents") == 2
