"""Every SQL query in the README returns rows on the seeds warehouse (the default) and runs on a fixture corpus;
the README's Python snippet runs as written."""
from __future__ import annotations

import re
import shutil

import pytest

from tests.helpers import REPO, Workspace, news_page

README = (REPO / "README.md").read_text()
QUERIES = re.findall(r"```sql\n(.*?)```", README, re.S)
PYTHON = re.findall(r"```python\n(.*?)```", README, re.S)


def _built(tmp_path_factory, name: str, fill) -> Workspace:
    ws = Workspace(tmp_path_factory.mktemp(name))
    fill(ws)
    with pytest.MonkeyPatch.context() as mp:
        for key, value in ws.env().items():
            mp.setenv(key, value)
        out = ws.run()
    assert out.code == 0, out.err
    return ws


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Workspace:
    def fill(ws: Workspace) -> None:
        shutil.copytree(REPO / "seeds", ws.root / "seeds")
        ws.write_sources([{"name": "seeds", "kind": "files", "path": "seeds"}])

    return _built(tmp_path_factory, "seeds", fill)


@pytest.fixture(scope="module")
def fixture_corpus(tmp_path_factory) -> Workspace:
    def fill(ws: Workspace) -> None:
        for i in range(6):
            (ws.folder("news") / f"story{i}.txt").write_text(news_page(i))
        ws.write_sources([{"name": "news", "kind": "files", "path": "news"}])

    return _built(tmp_path_factory, "fixture", fill)


def test_the_readme_has_the_three_starters_and_ten_questions() -> None:
    assert len(QUERIES) == 13
    assert [q for q in QUERIES if re.match(r"-- \d+\.", q)].__len__() == 10


@pytest.mark.parametrize("sql", QUERIES, ids=[q.splitlines()[0][:50] for q in QUERIES])
def test_readme_query_returns_rows_on_the_seeds_and_runs_on_a_corpus(sql: str, seeds: Workspace,
                                                                     fixture_corpus: Workspace) -> None:
    assert seeds.query(sql), "a README query must show its feature on the default warehouse"
    fixture_corpus.query(sql)


def test_readme_answers_on_the_seeds_are_real(seeds: Workspace) -> None:
    by_number = {int(m.group(1)): q for q in QUERIES if (m := re.match(r"-- (\d+)\.", q))}
    assert len(seeds.query(by_number[4])) >= 5  # seed 003's navigation, caption, promo and comment blocks
    assert {r[3] for r in seeds.query(by_number[1])} >= {"CRESC", "Simon Edwards"}  # said by a body, a person
    assert seeds.query(by_number[6])  # 23%, 4.6 %, 88 per cent, 40 per cent, 41%
    assert seeds.query(by_number[10]) == [("seeds", 5, 0, None, None)]


def test_readme_python_snippet_runs(seeds: Workspace) -> None:
    snippet = PYTHON[0].replace('"data/warehouse.duckdb"', repr(str(seeds.warehouse)))
    scope: dict = {}
    exec(compile(snippet, "README.md", "exec"), scope)
    assert len(scope["units"]) and scope["money"].num_rows  # a DataFrame and an Arrow table, both with rows
