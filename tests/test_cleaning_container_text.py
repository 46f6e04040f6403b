"""Our own classifier (no trafilatura ensemble) keeps text of the article's container that its shape alone would
drop: table cells wrapped in paragraphs, sentences made mostly of links (pages in tests/pages/cleaning/html)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.cleaning import clean_document

PAGES = Path(__file__).resolve().parent / "pages" / "cleaning" / "html"


@pytest.mark.parametrize("stem", ["table_with_comment_column", "changelog_linked_items"])
def test_container_text_is_body_without_the_ensemble(stem: str) -> None:
    want = yaml.safe_load((PAGES / f"{stem}.yaml").read_text(encoding="utf-8"))
    doc = clean_document((PAGES / f"{stem}.html").read_text(encoding="utf-8"), "html", ensemble=False)
    body = [b.text for b in doc.blocks if b.role == "body"]
    assert body == want["body"], [(b.role, b.reason, b.text[:40]) for b in doc.blocks]
    assert not doc.comments


def test_linked_headlines_in_the_container_stay_out() -> None:
    html = """<html><body><main><article><h1>Council sets its budget</h1><div class="entry-content">
    <p>The council agreed its budget for next year on Tuesday evening after a debate that lasted more than four
    hours, with most of the argument about the cost of home care and the state of rural roads.</p>
    <ul><li><a href="/a">Council tax to rise by five per cent in April</a></li>
    <li><a href="/b">What the new bus contract means for villages</a></li></ul>
    <p>Councillors will meet again in March to set fees and charges, including parking and garden waste, and the
    opposition has promised to bring its own amendments to that meeting as well.</p>
    </div></article></main></body></html>"""
    doc = clean_document(html, "html", ensemble=False)
    body = doc.body_text or ""
    assert "home care" in body and "garden waste" in body
    assert "Council tax to rise" not in body and "new bus contract" not in body
