"""The cleaner on hand-written plain-text scrapes (tests/pages/cleaning/text), each line annotated by hand."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from pipeline.cleaning import ROLES, clean_document

PAGES = Path(__file__).resolve().parent / "pages" / "cleaning" / "text"
WORD = re.compile(r"\w+")


def load(path: Path) -> tuple[dict, str, list[tuple[str, str]]]:
    """(expectations, raw scrape, [(role, line text)]) from an annotated page."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    lines, raw = [], []
    for line in body.split("\n"):
        if not line.strip():
            raw.append(line)
            continue
        role, _, text = line.partition("\t")
        assert role in ROLES, f"{path.name}: bad role {role!r}"
        raw.append(text)
        lines.append((role, text.strip()))
    return yaml.safe_load(front), "\n".join(raw), lines


def shingle_f1(gold: str, pred: str | None) -> float:
    def sh(t: str | None) -> Counter:
        toks = WORD.findall(t or "")
        return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))

    g, p = sh(gold), sh(pred)
    if not g and not p:
        return 1.0
    tp = sum((g & p).values())
    return 2 * tp / (sum(g.values()) + sum(p.values())) if tp else 0.0


def run(path: Path):
    want, raw, lines = load(path)
    now = datetime.fromisoformat(str(want["now"]).replace("Z", "+00:00"))
    doc = clean_document(raw, "text", now=now, hints=want.get("hints"),
                         publisher_default=want.get("publisher_default"))
    return want, lines, doc


PAGE_FILES = sorted(PAGES.glob("*.txt"))


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_body_matches_the_hand_marked_body(path: Path) -> None:
    want, lines, doc = run(path)
    gold = "\n\n".join(text for role, text in lines if role == "body")
    assert shingle_f1(gold, doc.body_text) >= 0.95, doc.body_text


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_line_roles_match_the_annotation(path: Path) -> None:
    _, lines, doc = run(path)
    assert [b.text for b in doc.blocks] == [text for _, text in lines]
    right = sum(b.role == role for b, (role, _) in zip(doc.blocks, lines, strict=True))
    wrong = [(role, b.role, b.text[:50]) for b, (role, _) in zip(doc.blocks, lines, strict=True) if b.role != role]
    assert right / len(lines) >= 0.85, wrong


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_metadata_matches(path: Path) -> None:
    want, _, doc = run(path)
    assert doc.title == want["title"]
    assert doc.author == want["author"]
    assert doc.section == want["section"]
    expected_date = want["published_date"]
    assert doc.published_date == (date.fromisoformat(str(expected_date)) if expected_date else None)
    assert doc.language == want["language"]
    if "publisher" in want:  # named only in the page's own footer
        assert doc.publisher == want["publisher"]


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_comments_match(path: Path) -> None:
    want, _, doc = run(path)
    expected = want.get("comments") or []
    assert len(doc.comments) == len(expected)
    for got, exp in zip(doc.comments, expected, strict=True):
        assert got.author == exp["author"]
        assert got.text.startswith(exp["starts_with"])
        assert got.posted_at == (datetime.fromisoformat(exp["posted_at"]) if exp["posted_at"] else None)
        assert exp["starts_with"] not in (doc.body_text or "")


def test_every_role_is_recognised_across_the_pages() -> None:
    """Per-role recall over every hand-annotated line of every page: each of the eleven roles is found."""
    total: Counter = Counter()
    right: Counter = Counter()
    for path in PAGE_FILES:
        _, lines, doc = run(path)
        for b, (role, _) in zip(doc.blocks, lines, strict=True):
            total[role] += 1
            right[role] += b.role == role
    assert set(total) == set(ROLES)
    for role in ROLES:
        assert right[role] / total[role] >= 0.75, (role, right[role], total[role])
    assert sum(right.values()) / sum(total.values()) >= 0.95
