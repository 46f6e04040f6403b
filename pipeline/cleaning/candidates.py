"""Candidate blocks: the units the classifier labels, from a text scrape or an HTML page."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# the reason of unmarked text a comment thread's marked lines enclose (html.py sets it, scoring.py spares it)
THREAD_REASON = "between the marked lines of a comment"


@dataclass
class Candidate:
    """A block before classification, with what its markup says about it (HTML only)."""

    text: str
    gap_before: int = 1            # blank lines before it (text), 1 for a new HTML block
    tag: str = ""                  # HTML: the element's tag
    heading: int = 0               # HTML: 1-6 for h1-h6
    link_density: float = 0.0      # HTML: share of the text inside links
    markup_role: str | None = None  # HTML: role its container suggests (nav, aside, footer, figcaption, ...)
    markup_reason: str | None = None
    in_article: bool = False       # HTML: inside <article>, <main> or an article-text container
    in_text_container: bool = False  # HTML: inside an article-text container ([itemprop=articleBody], .entry-content)
    is_list_item: bool = False
    in_table: bool = False         # HTML: inside a table cell (<td>, <th>), also in a <p> or <div> within one
    parent: int = 0                # HTML: the element around its block element (same number: siblings), 0 unknown
    times: list[datetime] = field(default_factory=list)  # HTML: <time datetime> values inside it
    comment_author: str | None = None  # HTML: author stated by comment markup
    after_image: bool = False      # HTML: the first text after an image (where a caption would sit)
    after_break: bool = False      # HTML: set off by a <br> from the text before it in the same block element
    confirmed: bool = False        # its text is in the article text the page declares (JSON-LD articleBody) or
                                   # in a fallback extractor's article
    ends_declared: bool = False    # it ends the article text the page declares (JSON-LD articleBody)
    hidden: bool = False           # text the page declares but does not show (declared.py adds it)


def text_candidates(text: str) -> list[Candidate]:
    """One candidate per non-empty line of a plain-text scrape."""
    out: list[Candidate] = []
    gap = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            gap += 1
            continue
        out.append(Candidate(text=stripped, gap_before=gap if out else 1))
        gap = 0
    return out
