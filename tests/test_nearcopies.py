"""Near-copies are counted once: sketches of real-shaped pages, and the groups they form."""
from __future__ import annotations

import random

from pipeline.cleaning.nearcopies import SAME_PAGE, _bins, near_copy_groups, page_sketch, similarity
from pipeline.cleaning.repetition import line_key

WORDS = ["council", "budget", "housing", "transport", "school", "funding", "plan", "residents", "minister",
         "report", "growth", "region", "city", "county", "services", "jobs", "people", "year", "week", "public",
         "sector", "health", "care", "investment", "strategy", "economy"]
CHROME = [("Home", 1), ("News", 1), ("Sport", 1), ("Business", 1), ("Contact us", 2), ("Privacy policy", 2),
          ("Sign up to our newsletter for the latest local news", 10), ("© Northshire Gazette 2026", 3)]


def _article(rng: random.Random, paragraphs: int = 8) -> list[tuple[str, int]]:
    out = []
    for _ in range(paragraphs):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 80)))
        out.append((line_key(text), len(text.split())))
    return out


def _page(article: list[tuple[str, int]], *extra: str) -> str:
    chrome = [(line_key(t), n) for t, n in CHROME]
    return page_sketch(chrome + article + [(line_key(e), len(e.split())) for e in extra])


def test_a_copy_with_a_line_of_its_own_is_the_same_page_and_another_article_is_not() -> None:
    rng = random.Random(3)
    story, other = _article(rng), _article(rng)
    first = _bins(_page(story, "Copy one of this page."))
    for n in ("two", "three", "four", "five", "six"):
        assert similarity(first, _bins(_page(story, f"Copy {n} of this page.", "Updated at 10:42"))) >= SAME_PAGE
    assert similarity(first, _bins(_page(other, "Copy one of this page."))) < 0.5


def test_groups_collapse_copies_whatever_their_order_and_keep_distinct_pages_apart() -> None:
    rng = random.Random(5)
    stories = [_article(rng) for _ in range(6)]
    sketches = {f"s{i}-c{c}": _page(story, f"Copy {c} of story {i}, seen at {c * 7}:00")
                for i, story in enumerate(stories) for c in range(12)}
    groups = near_copy_groups(sketches)
    assert len(set(groups.values())) == 6
    assert all(groups[k] == f"s{k[1]}-c0" for k in sketches)  # named by the smallest id of the group
    shuffled = dict(sorted(sketches.items(), key=lambda kv: rng.random()))
    assert near_copy_groups(shuffled) == groups


def test_an_old_or_empty_sketch_stands_alone() -> None:
    rng = random.Random(7)
    story = _article(rng)
    groups = near_copy_groups({"a": _page(story), "b": _page(story), "c": "0123456789abcdef", "d": "",
                               "e": page_sketch([]), "f": page_sketch([])})
    assert groups["a"] == groups["b"] == "a"
    assert [groups[k] for k in "cdef"] == list("cdef")
