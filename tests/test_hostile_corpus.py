"""One run over a hostile corpus: every good document is published, every bad input is one actionable row.

The corpus (tests/hostile.py) is made at test time, in the test's own folder: names with invalid UTF-8 bytes,
symbolic links, a named pipe and a folder too deep to list exist only on a real disk.
"""
from __future__ import annotations

import pytest

from tests.helpers import Workspace
from tests.hostile import build

pytestmark = pytest.mark.xdist_group("heavy")


def test_a_hostile_corpus_publishes_every_good_document_and_one_row_per_bad_input(workspace: Workspace) -> None:
    expected = build(workspace.root)
    workspace.write_sources(expected.sources)
    out = workspace.run()
    assert out.code == 0, out.err
    assert set(workspace.query("SELECT source, uri FROM documents")) == expected.good
    errors = workspace.query("SELECT source, uri, stage, error FROM ingest_errors")
    got = {(source, uri): (stage, error) for source, uri, stage, error in errors}
    assert len(errors) == len(got) and set(got) == set(expected.bad), sorted(got)
    for key, (stage, words) in expected.bad.items():
        assert got[key][0] == stage and all(w in got[key][1] for w in words), (key, got[key])
        assert "\n" not in got[key][1]
    for (source, uri), phrase in expected.texts.items():
        text = workspace.scalar("SELECT concat_ws(' ', title, body_text) FROM documents WHERE source = ? AND uri = ?",
                                [source, uri])
        assert phrase in text, (source, uri, text[:200])
    assert workspace.scalar("SELECT count(*) FROM numeric_claims WHERE isinf(value) OR isnan(value)") == 0

    again = workspace.run()  # duplicate keys and bad inputs never make a later run fail
    assert again.code == 0, again.err
    assert "nothing to re-extract" in again.out
    assert set(workspace.query("SELECT source, uri FROM documents")) == expected.good
