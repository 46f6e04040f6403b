"""Boxes around or beside the article's text that markup alone misjudges: weak markup (an <aside>, a 'related'
class) that wraps the article's own paragraphs (a slideshow set in a box), whose headings are the article's; and
an author's bio under byline markup beside the article, which is not; and a box the page itself lets readers
skip ('skip past newsletter promotion' ... 'after newsletter promotion')."""
from __future__ import annotations

import re

from .features import squash
from .scoring import BAD, GOOD, Scored
from .verdicts import Labelling, Verdict

WRAPPED_MIN_PARAGRAPHS = 3  # prose paragraphs of the article under one weak markup (an <aside>) that make it a wrapper


def wrapping_markup(scored: list[Scored], start: int, end: int) -> frozenset[str]:
    """Reasons of weak markup (an <aside>, a 'related' class) that hold several of the span's prose paragraphs:
    a slideshow or list article set in a box, not a box beside the article."""
    counts: dict[str, int] = {}
    for s in scored[start:end + 1]:
        if s.klass == GOOD and s.cand.markup_role == "related" and s.cand.markup_reason:
            counts[s.cand.markup_reason] = counts.get(s.cand.markup_reason, 0) + 1
    return frozenset(r for r, n in counts.items() if n >= WRAPPED_MIN_PARAGRAPHS)


def first_wrapped_heading(scored: list[Scored], verdicts: list[Verdict | None], start: int, end: int,
                           title: int | None) -> None:
    """The heading right above the article's first paragraph, in the markup that wraps its paragraphs (the
    first slide's title), is the article's, unless it is the headline."""
    k = start - 1
    if 0 <= k != title and start <= end and scored[k].klass == BAD \
            and heading_in_wrapping_markup(scored, k, wrapping_markup(scored, start, end)):
        verdicts[k] = Verdict("body", "a heading over the article's first paragraph, in the markup that wraps its "
                                      "paragraphs")


def heading_in_wrapping_markup(scored: list[Scored], i: int, wrapped: frozenset[str]) -> bool:
    """A heading judged chrome only for the markup it shares with the prose paragraph under it, markup that
    wraps several of the article's paragraphs (a slide's title over its text)."""
    s, nxt = scored[i], scored[i + 1]
    return s.why_bad == "markup" and s.cand.heading > 0 and s.cand.markup_reason in wrapped \
        and s.cand.link_density < 0.5 and nxt.klass == GOOD and nxt.cand.markup_reason == s.cand.markup_reason


BOXED_ROLES = frozenset({"related", "promo", "comment", "dateline"})  # weak markup a subheading may wear
BOXED_DATED_MIN_WORDS = 6  # a heading under time markup this long is a live blog entry's headline, not a date


def boxed_subheading(scored: list[Scored], i: int) -> bool:
    """A heading judged chrome only for its own weak markup (a 'widget-title' class, time markup over a live blog
    entry), between two of the article's prose paragraphs in the same container: the article's subheading."""
    s = scored[i]
    c = s.cand
    if not (s.why_bad == "markup" and c.heading and c.parent and c.markup_role in BOXED_ROLES
            and c.link_density < 0.5):
        return False
    if c.markup_role == "dateline" and s.feat.n_words < BOXED_DATED_MIN_WORDS:
        return False
    prev = next((n for n in reversed(scored[:i]) if n.feat.n_words), None)
    nxt = next((n for n in scored[i + 1:] if n.feat.n_words), None)
    return all(n is not None and n.klass == GOOD and n.cand.parent == c.parent for n in (prev, nxt))


def author_bio(scored: list[Scored], verdicts: list[Verdict | None], start: int, end: int) -> None:
    """Prose under byline markup before the article's first paragraph of other markup or after its last,
    outside the article's text container (an author's bio box: 'Jo Bloggs is a writer who ...'), is not the
    article's text."""
    own = [i for i in range(start, end + 1) if verdicts[i] is not None and verdicts[i].role == "body"
           and scored[i].klass == GOOD and scored[i].cand.markup_role != "byline"]
    if not own:
        return
    for i in (*range(start, own[0]), *range(own[-1] + 1, end + 1)):
        c = scored[i].cand
        if verdicts[i] is not None and verdicts[i].role == "body" and c.markup_role == "byline" \
                and not c.in_text_container:
            verdicts[i] = Verdict("other_boilerplate", "about the author: prose under byline markup beside the "
                                                       "article")


BIO_LEAD = re.compile(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),?\s+(?:is|was|has been|writes|covers|"
                      r"reports|teaches|lives)\b")
BIO_MAX_WORDS = 80  # a closing bio is a few sentences
BIO_LAST_BLOCKS = 2  # it is one of the body's last this many blocks


def closing_bio(lab: Labelling, authors: list[str]) -> list[Verdict]:
    """A bio closing the article ('Jo Bloggs is a professor of ...', 'Bloggs writes on ...') whose subject is the
    author its byline names: about the author, not the article's text. Without a byline name, nothing changes
    (an article may close on a sentence about a person in it)."""
    names = {w.casefold() for a in authors for w in re.findall(r"[^\W\d_]{3,}", a)}
    body = [i for i, v in enumerate(lab.verdicts) if v.role == "body"]
    if not names or len(body) <= BIO_LAST_BLOCKS:
        return lab.verdicts
    out = list(lab.verdicts)
    for i in body[-BIO_LAST_BLOCKS:]:
        s = lab.scored[i]
        m = BIO_LEAD.match(s.cand.text)
        if m and s.feat.n_words <= BIO_MAX_WORDS \
                and m.group("name").split()[-1].strip(".,").casefold() in names:
            out[i] = Verdict("other_boilerplate", "about the author: a bio of the byline's author after the article")
    return out


SKIP_PAST = re.compile(r"^(?:skip|jump) (?:past|over) (?P<what>\S.{2,40})$", re.IGNORECASE)
SKIPPED_BOX_BLOCKS = 15  # blocks from a 'skip past ...' link to the 'after ...' marker that closes its box, at most
PROMOTION = re.compile(r"\b(promotion|newsletter|advert|advertisement|sponsored)\b", re.IGNORECASE)


def skipped_box(scored: list[Scored], verdicts: list[Verdict | None], start: int, end: int) -> None:
    """A box the page marks for screen readers to skip, from its 'skip past newsletter promotion' link to the
    'after newsletter promotion' line that closes it: a promotion (or whatever it names), not the article."""
    for i in range(start, end + 1):
        m = SKIP_PAST.match(scored[i].cand.text.strip())
        if not m:
            continue
        close = "after " + squash(m.group("what")).casefold()
        j = next((j for j in range(i + 1, min(end, i + SKIPPED_BOX_BLOCKS) + 1)
                  if squash(scored[j].cand.text).casefold() == close), None)
        if j is None:
            continue
        role = "promo" if PROMOTION.search(m.group("what")) else "navigation"
        for k in range(i, j + 1):
            verdicts[k] = Verdict(role, f"a box the page lets readers skip ('{m.group(0)[:40]}')")
