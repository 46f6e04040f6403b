"""clean_document and block_keys: the cleaner's entry points."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from .boxes import closing_bio
from .candidates import Candidate, text_candidates
from .classify import label
from .comments import build_comments
from .dates import stated_dates
from .declared import past_declared_end
from .duplicates import drop_adjacent_copies, drop_repeated_body
from .ensemble import apply, consult
from .fallback import MIN_OWN_WORDS, htmldate_published, trafilatura_text
from .features import alnum_key, count_words
from .html import confirm, html_candidates
from .language import detect_language
from .metadata import (
    author_from_blocks,
    author_in_datelines,
    clean_author,
    clean_title,
    date_from_iso,
    dates_of_other_articles,
    not_future,
    own_date,
    publisher_in_chrome,
)
from .model import KEPT_ROLES, Block, CleanedDocument, Comment
from .nearcopies import page_sketch
from .repetition import line_key
from .rules import vocabulary
from .verdicts import Labelling
from .wrapping import broken_sentences, merge, paragraph_groups

CLEAN_REASON = "source declares clean text"
ENGLISH_SHARE = 0.3


Parsed = tuple[list[Candidate], dict]


def candidates_for(text: str, fmt: str) -> Parsed:
    """Candidate blocks and page metadata (HTML only) of a document: what ``block_keys`` and ``clean_document``
    read, so a caller doing both can parse the page once and hand the result to each."""
    if fmt == "html":
        return html_candidates(text)
    return text_candidates(text), {}


def block_keys(text: str, fmt: str, parsed: Parsed | None = None) -> list[str]:
    """Fingerprints of the document's candidate blocks (distinct, in order), for cross-page repetition."""
    return list(_key_words(parsed if parsed is not None else candidates_for(text, fmt)))


def fingerprints(text: str, fmt: str, parsed: Parsed | None = None) -> tuple[list[str], str]:
    """``block_keys`` and the document's near-copy sketch (``nearcopies``: its distinct blocks weighted by their
    words), from one pass over its blocks."""
    words = _key_words(parsed if parsed is not None else candidates_for(text, fmt))
    return list(words), page_sketch(words.items())


def _key_words(parsed: Parsed) -> dict[str, int]:
    """{block key: words of its first block}, in reading order."""
    seen: dict[str, int] = {}
    for c in parsed[0]:
        key = line_key(c.text)
        if key and key not in seen:
            seen[key] = len(c.text.split())
    return seen


def clean_document(text: str, fmt: str, *, repeated: Mapping[str, int] | None = None, clean: bool = True,
                   hints: Mapping[str, str | None] | None = None, publisher_default: str | None = None,
                   timezone: str = "Europe/London", now: datetime | None = None,
                   ensemble: bool = True, parsed: Parsed | None = None) -> CleanedDocument:
    """Label every block of a document, assemble its body and comments, and read its metadata; with
    ``ensemble``, trafilatura's article is weighed against ours on HTML pages that give cause to doubt.
    ``parsed``: ``candidates_for(text, fmt)`` when the caller already has it (it is not parsed again)."""
    hints = hints or {}
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    local_now = now.astimezone(ZoneInfo(timezone))
    cands, page = parsed if parsed is not None else candidates_for(text, fmt)
    if not clean:
        return _clean_source(cands, hints, publisher_default, page, timezone, local_now)
    units, lab, labels = _label_document(text, fmt, cands, page, hints, repeated, ensemble)
    blocks, body_text = _assemble(cands, labels)
    thread = [(c.text, c.comment_author) for c, v in zip(units, lab.verdicts, strict=True) if v.role == "comment"]
    comments: list[Comment] = build_comments(thread, timezone, now) if thread else []
    datelines = _own_datelines(lab)
    title = hints.get("title") or (clean_title(units[lab.title].text) if lab.title is not None else None) \
        or (page.get("title") if body_text else None)
    bylines = [units[i].text for i in lab.bylines]
    shown = author_from_blocks(bylines)
    author = clean_author(hints.get("author")) or _markup_author(page, bylines, shown) or shown \
        or author_in_datelines(datelines)
    section = (units[lab.section].text.strip() if lab.section is not None else None) or page.get("section")
    declared = date_from_iso(hints.get("published"), timezone, local_now) \
        or date_from_iso(page.get("published"), timezone, local_now)  # a stated time: its date in ``timezone``
    ours = own_date(datelines + bylines, timezone, local_now)
    # the markup's stated time, then our datelines, and only with neither htmldate (its markup reading, then its search
    # of the whole text: 4 to 20 ms a page of 2008 layouts, and where we found a dateline its date was more often a
    # masthead's or another article's than the dateline's: README, session 20)
    published = declared or ours or (_htmldate(text, blocks, timezone, local_now) if fmt == "html" else None)
    return CleanedDocument(
        blocks=blocks, body_text=body_text, comments=comments, title=title, author=author,
        publisher=hints.get("publisher") or page.get("publisher") or publisher_default
        or publisher_in_chrome([b.text for b in blocks if b.reason == "other_boilerplate: legal footer"]),
        section=section,
        published_date=not_future(published, local_now),
        language=detect_language(body_text, sample_chars=500, english=vocabulary().stopwords["en"])
        or (page.get("language") if body_text else None),
        word_count=_word_count(body_text),
    )


def _htmldate(html: str, blocks: list[Block], tz: str, now: datetime) -> date | None:
    """htmldate's publication date for a page that states none we can read, unless it is only a date our labelling
    found on other articles' teasers, or a 1 January the page never states (htmldate reads a page whose only date
    is a year, a copyright line, as 1 January of it; a page of New Year's Day says which day it is)."""
    found = htmldate_published(html, now)
    if found is None or found in dates_of_other_articles([(b.role, b.text) for b in blocks], tz):
        return None
    if (found.month, found.day) == (1, 1) and found not in stated_dates("\n".join(b.text for b in blocks), tz):
        return None
    return found


def _label_document(text: str, fmt: str, cands: list[Candidate], page: dict, hints: Mapping[str, str | None],
                    repeated: Mapping[str, int] | None, ensemble: bool = True,
                    ) -> tuple[list[Candidate], Labelling, list[tuple[str, str]]]:
    """The units the classifier judged (paragraphs of wrapped lines, else the blocks), its labelling (weighed
    against trafilatura's where in doubt, with ``ensemble``), and a (role, reason) per block."""
    stopwords = _stopwords_for(cands)
    title_hint = hints.get("title") or page.get("title")
    groups = paragraph_groups(cands) if fmt == "text" else broken_sentences(cands)
    units = [merge(cands, g) for g in groups] if len(groups) < len(cands) else cands
    lab = label(units, stopwords=stopwords, repeated=repeated, fmt=fmt, title_hint=title_hint)
    second, asked = None, False
    if fmt == "html" and _article_words(lab) < MIN_OWN_WORDS:
        second, asked = trafilatura_text(text), True  # a second opinion when the page shows no article we can see
        if second and confirm(units, second):
            lab = label(units, stopwords=stopwords, repeated=repeated, fmt=fmt, title_hint=title_hint)
    # on a text scrape trafilatura keeps nearly every line (measured, no help); where it found nothing, asking again
    # finds nothing
    if ensemble and fmt == "html" and not (asked and not second):
        lab.verdicts = apply(lab, consult(text, lab, second))
    lab.verdicts = drop_repeated_body(lab)
    lab.verdicts = drop_adjacent_copies(lab)
    authors = [units[i].text for i in lab.bylines] + [a for a in (hints.get("author"), page.get("author")) if a]
    lab.verdicts = closing_bio(lab, authors)
    lab.verdicts = past_declared_end(lab)
    labels = [(v.role, v.reason) for v in lab.verdicts]
    if units is not cands:  # every line of a paragraph takes the paragraph's verdict
        labels = [labels[k] for k, group in enumerate(groups) for _ in group]
    return units, lab, labels


def _article_words(lab: Labelling) -> int:
    return sum(s.feat.n_words for s, v in zip(lab.scored, lab.verdicts, strict=True) if v.role == "body")


def _own_datelines(lab: Labelling) -> list[str]:
    """Dateline texts (or their machine-readable times) that belong to the document: near its headline, just
    before or at the top of the article, or right after it; never a date further off (other articles' dates)."""
    n = len(lab.verdicts)
    start = lab.start if lab.start is not None else n
    end = lab.end if lab.end is not None else start - 1
    near = set(range(max(0, start - 8), min(n, start + 3))) | set(range(end + 1, min(n, end + 4)))
    if lab.title is not None:
        near |= set(range(max(0, lab.title - 3), min(n, lab.title + 9)))
    out = []
    for i in sorted(near):
        if lab.verdicts[i].role == "dateline":
            cand = lab.scored[i].cand
            out.extend(t.isoformat() for t in cand.times)
            out.append(cand.text)
    return out


def _stopwords_for(cands: list[Candidate]) -> frozenset[str] | None:
    """The stop-word list of the page's language; None for a language without a list (judged by shape alone)."""
    stoplists = vocabulary().stopwords
    sample = " ".join(c.text for c in cands if len(c.text) > 60 or (len(c.text) > 20 and not c.text.isascii()))[:800]
    words = sample.casefold().split()
    if not words or sum(w in stoplists["en"] for w in words) >= ENGLISH_SHARE * len(words):
        return stoplists["en"]  # plainly English (or nothing to tell): skip the language model
    lang = detect_language(sample)
    return stoplists.get(lang) if lang else None  # not English, language unknown: judge by shape alone


def _assemble(cands: list[Candidate], labels: list[tuple[str, str]]) -> tuple[list[Block], str | None]:
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    for no, (c, (role, reason)) in enumerate(zip(cands, labels, strict=True)):
        text = c.text.strip()
        start = end = None
        if role == "body":
            if parts:
                pos += 2
            start, end = pos, pos + len(text)
            parts.append(text)
            pos = end
        full_reason = reason if reason.startswith(role + ":") or reason == CLEAN_REASON else f"{role}: {reason}"
        blocks.append(Block(no, text, role, role not in KEPT_ROLES, full_reason, start, end))
    return blocks, ("\n\n".join(parts) if parts else None)


def _clean_source(cands: list[Candidate], hints: Mapping[str, str | None], publisher_default: str | None,
                  page: dict, tz: str, now: datetime) -> CleanedDocument:
    blocks, body_text = _assemble(cands, [("body", CLEAN_REASON)] * len(cands))
    return CleanedDocument(
        blocks=blocks, body_text=body_text, comments=[], title=hints.get("title") or page.get("title"),
        author=clean_author(hints.get("author")) or page.get("author"),
        publisher=hints.get("publisher") or page.get("publisher") or publisher_default,
        section=page.get("section"),
        published_date=date_from_iso(hints.get("published") or page.get("published"), tz, now),
        language=detect_language(body_text), word_count=_word_count(body_text),
    )


def _markup_author(page: dict, bylines: list[str], shown: str | None) -> str | None:
    """The author the markup names, unless it is the publisher ('ABC News') or the page's own byline (``shown``:
    the name its byline blocks give) names someone else ('Condé Nast' in the markup, 'By Alex Hutchinson' on the
    page)."""
    author = clean_author(page.get("author"))
    if author is None or alnum_key(author) == alnum_key(page.get("publisher") or ""):
        return None
    if shown and alnum_key(author) not in alnum_key(" ".join(bylines)):
        return None
    return author


def _word_count(body_text: str | None) -> int:
    return count_words(body_text) if body_text else 0
