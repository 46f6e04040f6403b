"""A second opinion for HTML pages where the classifier finds no article: trafilatura's extraction."""
from __future__ import annotations

import logging

MIN_OWN_WORDS = 40
# trafilatura's time grows with the square of a page's elements (5,000 paragraphs 4 s, 20,000 paragraphs 60 s;
# 8,000 links in one paragraph 60 s): past this many tags a page gets no second opinion, so cleaning stays linear
MAX_FALLBACK_TAGS = 10_000


def trafilatura_text(html: str) -> str | None:
    """The article text trafilatura extracts from a page (None when it finds none, fails, or the page has more
    than MAX_FALLBACK_TAGS tags)."""
    if html.count("<") > MAX_FALLBACK_TAGS:
        return None
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        return trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True,
                                   deduplicate=False, with_metadata=False)
    except Exception:  # noqa: BLE001 - a fall-back must never fail the document
        return None
