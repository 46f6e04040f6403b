"""Reader comments: group a thread's blocks into comments with their author and time."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache

from .dates import find_datetime, is_relative
from .model import Comment
from .rules import _load


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    raw = _load("comments.yaml")
    headers = tuple(re.compile(p, re.IGNORECASE) for p in raw["headers"])
    return headers, re.compile(raw["controls"], re.IGNORECASE)


def parse_header(text: str) -> tuple[str | None, str] | None:
    """(author, when-text) when a block announces a comment, else None."""
    headers, _ = _patterns()
    flat = " ".join(text.split())
    for pat in headers:
        m = pat.match(flat)
        if m:
            author = (m.groupdict().get("author") or "").strip(" :-|·,") or None
            if author and len(author.split()) > 6:
                continue
            return author, (m.groupdict().get("when") or "").strip()
    return None


def is_control(text: str) -> bool:
    return _patterns()[1].match(" ".join(text.split())) is not None


def posted_at(when: str, tz: str, now: datetime | None) -> datetime | None:
    """A stated comment time in UTC; None for relative or absent times, or times after ``now``."""
    if not when or is_relative(when):
        return None
    dt, _ = find_datetime(when, tz)
    if dt is None:
        return None
    out = dt.astimezone(UTC)
    if now is not None and out > (now if now.tzinfo else now.replace(tzinfo=UTC)):
        return None
    return out


def _is_time(text: str) -> bool:
    return len(text.split()) <= 8 and (find_datetime(text)[0] is not None or is_relative(text))


def _name_line(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and not text.rstrip().endswith((".", "!", "?", ":")) and not _is_time(text)


def build_comments(thread: list[tuple[str, str | None]], tz: str, now: datetime | None) -> list[Comment]:
    """Comments from the comment-role blocks in order: (text, author from markup or None)."""
    from .features import squash
    from .rules import match_rule

    comments: list[Comment] = []
    author: str | None = None
    when_text = ""
    parts: list[str] = []
    opened = False

    def flush() -> None:
        if parts:
            comments.append(Comment(len(comments) + 1, author, posted_at(when_text, tz, now), "\n\n".join(parts)))

    k = 0
    while k < len(thread):
        text, markup_author = thread[k]
        k += 1
        header = parse_header(text)
        if header is None and _name_line(text) and k < len(thread) and _is_time(thread[k][0]) \
                and match_rule(squash(text), len(text.split())) is None:
            header = (text.strip(), thread[k][0])
            k += 1
        if header is not None:
            flush()
            author, when_text = header
            parts, opened = [], True
            continue
        if markup_author is not None and (not opened or markup_author != author or parts):
            flush()
            author, when_text, parts, opened = markup_author, "", [], True
            if text.strip() == markup_author:
                continue
        if opened and not parts and not when_text and _is_time(text):
            when_text = text
            continue
        if is_control(text) or match_rule(squash(text), len(text.split())) is not None:
            continue
        parts.append(text)
    flush()
    return comments
