"""The cleaner on hand-written HTML pages (tests/pages/cleaning/html) with hand-written expectations."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from pipeline.cleaning import clean_document

PAGES = Path(__file__).resolve().parent / "pages" / "cleaning" / "html"
PAGE_FILES = sorted(PAGES.glob("*.html"))
WORD = re.compile(r"\w+")


def shingles(text: str | None) -> Counter:
    toks = WORD.findall(text or "")
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def run(path: Path):
    want = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    now = datetime.fromisoformat(str(want["now"]).replace("Z", "+00:00"))
    return want, clean_document(path.read_text(encoding="utf-8"), "html", now=now)


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_body_is_the_article(path: Path) -> None:
    want, doc = run(path)
    if not want["body"]:
        assert doc.body_text is None and doc.word_count == 0
        return
    gold, got = shingles("\n\n".join(want["body"])), shingles(doc.body_text)
    optional = shingles("\n\n".join(want.get("optional_body") or []))
    extra = got - gold - optional
    tp = sum((gold & got).values())
    precision = tp / max(1, tp + sum(extra.values()))
    recall = tp / sum(gold.values())
    assert 2 * precision * recall / (precision + recall) >= 0.95, doc.body_text
    for text in want["not_body"]:
        assert text not in doc.body_text


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_roles_of_marked_blocks(path: Path) -> None:
    want, doc = run(path)
    for role, text in want["roles"]:
        blocks = [b for b in doc.blocks if b.text == text]
        assert blocks, f"no block {text!r}"
        assert role in {b.role for b in blocks}, [(b.role, b.reason) for b in blocks]


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_metadata(path: Path) -> None:
    want, doc = run(path)
    assert doc.title == want["title"]
    assert doc.author == want["author"]
    assert doc.publisher == want["publisher"]
    if "section" in want:
        assert doc.section == want["section"]
    expected = want["published_date"]
    assert doc.published_date == (date.fromisoformat(str(expected)) if expected else None)
    assert doc.language == want["language"]


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_comments(path: Path) -> None:
    want, doc = run(path)
    assert [(c.author, c.posted_at) for c in doc.comments] == [
        (c["author"], datetime.fromisoformat(c["posted_at"]) if c["posted_at"] else None) for c in want["comments"]]
    for got, exp in zip(doc.comments, want["comments"], strict=True):
        assert got.text.startswith(exp["starts_with"])
