"""Mistakes in the sources file are explained in words that say what to change."""
from __future__ import annotations

import pytest

from pipeline.sources import SourcesError, load_sources
from tests.helpers import Workspace


def _problem(ws: Workspace, text: str) -> str:
    ws.folder("news")
    ws.sources_file.write_text(text)
    with pytest.raises(SourcesError) as caught:
        load_sources(ws.sources_file)
    return str(caught.value)


@pytest.mark.parametrize("text", ["sources:\n\t- name: news\n", "sources:\n  - name: news\n    kind:\tfiles\n"])
def test_a_tab_says_use_spaces(workspace: Workspace, text: str) -> None:
    message = _problem(workspace, text)
    assert "tab" in message and "use spaces" in message and "line" in message


def test_an_unknown_key_suggests_the_nearest_known_one(workspace: Workspace) -> None:
    message = _problem(workspace, 'sources:\n  - name: news\n    kind: files\n    path: news\n    globs: "*.txt"\n')
    assert "source 'news': globs: unknown key; did you mean 'glob'?" in message


def test_an_unknown_key_like_none_lists_the_known_ones(workspace: Workspace) -> None:
    message = _problem(workspace, "sources:\n  - name: news\n    kind: files\n    path: news\n    colour: red\n")
    assert "colour: unknown key; known keys: name, kind, path, glob" in message
