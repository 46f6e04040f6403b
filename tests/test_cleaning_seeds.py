"""The cleaner against the hand-checked seeds gold (tests/seeds_gold/gold/seeds_structure.json)."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from pipeline.cleaning import clean_document
from tests.helpers import REPO, SEEDS_GOLD

GOLD = SEEDS_GOLD / "gold" / "seeds_structure.json"
WORD = re.compile(r"\w+")


def shingles(text: str | None) -> Counter:
    toks = WORD.findall(text or "")
    if len(toks) < 4:
        return Counter([tuple(toks)] if toks else [])
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def f1(gold: str, pred: str | None) -> float:
    t, p = shingles(gold), shingles(pred)
    tp = sum((t & p).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(t.values())
    return 2 * prec * rec / (prec + rec)


def squash(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def seeds() -> list[dict]:
    return json.loads(GOLD.read_text())["documents"] if GOLD.exists() else []


def cleaned(doc: dict):
    return clean_document((REPO / "seeds" / doc["file"]).read_text(encoding="utf-8"), "text")


@pytest.mark.parametrize("doc", seeds(), ids=lambda d: d["file"][:3])
def test_seed_body_roles_and_metadata(doc: dict) -> None:
    got = cleaned(doc)
    gold_body = "\n\n".join(line["text"] for line in doc["lines"] if line["role"] == "body")
    assert f1(gold_body, got.body_text) >= 0.97
    pool: dict[str, list] = {}
    for b in got.blocks:
        pool.setdefault(squash(b.text), []).append(b)
    right = 0
    for line in doc["lines"]:
        cands = pool.get(squash(line["text"]), [])
        right += bool(cands) and cands.pop(0).role == line["role"]
    assert right / len(doc["lines"]) >= 0.90
    for field in ("title", "author", "section"):
        assert squash(getattr(got, field)) == squash(doc[field]), field
    assert got.published_date is None if doc["published_date"] is None else str(got.published_date) == doc[
        "published_date"]


def test_seeds_overall_figures() -> None:
    docs = seeds()
    scores = [f1("\n\n".join(x["text"] for x in d["lines"] if x["role"] == "body"), cleaned(d).body_text)
              for d in docs]
    assert sum(scores) / len(scores) >= 0.97


def test_seed_003_reader_comment_is_kept_out_of_the_body() -> None:
    doc = next(d for d in seeds() if d["file"].startswith("003"))
    got = cleaned(doc)
    want = doc["comments"][0]
    assert [c.author for c in got.comments] == [want["author"]]
    assert got.comments[0].text.startswith(want["starts_with"])
    assert got.comments[0].posted_at is None
    assert want["starts_with"] not in (got.body_text or "")
