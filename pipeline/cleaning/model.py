"""The cleaner's output types: blocks with roles, reader comments and the cleaned document."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

ROLES: tuple[str, ...] = (
    "title", "byline", "section", "dateline", "body", "caption", "navigation", "promo", "comment", "related",
    "other_boilerplate",
)
KEPT_ROLES = frozenset({"title", "byline", "section", "dateline", "body"})


@dataclass(frozen=True)
class Block:
    """One block of the original (a line of a text scrape, a block element of a page) with its verdict."""

    block_no: int
    text: str
    role: str
    is_boilerplate: bool
    reason: str
    char_start: int | None
    char_end: int | None


@dataclass(frozen=True)
class Comment:
    """A reader comment found on the page; posted_at is UTC, None when the time is relative or absent."""

    comment_no: int
    author: str | None
    posted_at: datetime | None
    text: str


@dataclass(frozen=True)
class CleanedDocument:
    """Everything the cleaner learns about one document."""

    blocks: list[Block]
    body_text: str | None
    comments: list[Comment]
    title: str | None
    author: str | None
    publisher: str | None
    section: str | None
    published_date: date | None
    language: str | None
    word_count: int
