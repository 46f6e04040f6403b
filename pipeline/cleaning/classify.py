"""Labels candidate blocks with roles: content scoring, the article span, then head, article and tail passes."""
from __future__ import annotations

from collections.abc import Mapping

from .boxes import (
    author_bio,
    boxed_subheading,
    first_wrapped_heading,
    heading_in_wrapping_markup,
    skipped_box,
    wrapping_markup,
)
from .candidates import Candidate
from .declared import DECLARED_REASON
from .features import looks_verbless
from .gallery import label_galleries
from .header import byline_shaped, glued, keep_deck, label_head, own_header
from .rules import vocabulary
from .scoring import BAD, GOOD, Scored, score_blocks
from .span import (
    BYLINE_LEAD,
    Numbering,
    article_span,
    closing_list,
    heading_of_the_text,
    headline_stream,
    resume_after_table,
    resume_listicle,
)
from .verdicts import Labelling, Verdict, bad_verdict

LINKED_TEXT_MIN_WORDS = 6  # a shorter linked line in the text container is a label or a link to another page
LINKED_TEXT_MAX_DENSITY = 0.9  # unless it ends as a sentence, a line nearly all link is a link to another page
LINKED_SUBHEADING_WORDS = 8  # a longer linked heading inside the article may be another article's headline


def label(cands: list[Candidate], *, stopwords: frozenset[str] | None, repeated: Mapping[str, int] | None,
          fmt: str, title_hint: str | None = None) -> Labelling:
    """A role and a reason for every candidate block, and where the article sits."""
    scored = score_blocks(cands, stopwords, repeated, fmt)
    verdicts: list[Verdict | None] = [None] * len(scored)
    span = article_span(scored)
    start, end = span if span else (len(scored), len(scored) - 1)
    header = own_header(scored, start, end) if span else None
    if header:
        start = header[1]
    numbering = Numbering(scored, start)
    end, boxes = resume_listicle(scored, numbering, end) if span else (end, [])
    end, tables = resume_after_table(scored, start, end) if span else (end, [])
    if span and (items := closing_list(scored, end)):
        tables.append(items)
        end = items[-1]
    result = Labelling(scored, [], start if span else None, end if span else None)
    english = stopwords is not None and stopwords == vocabulary().stopwords["en"]  # verbs are known in English only
    _label_article(scored, verdicts, start, end, result, numbering, english)
    for box in boxes:
        for i in box:
            if verdicts[i] is not None and verdicts[i].role == "body":
                verdicts[i] = Verdict("related", "a box between a listicle's numbered items")
    for table in tables:
        for i in table:
            verdicts[i] = Verdict("body", "a cell or item of a table or list the article announces, a line each")
    if fmt == "html":  # on a text scrape, measured: it took more than galleries' captions out
        label_galleries(scored, verdicts, start, end)
    label_head(scored, verdicts, start, result, title_hint, fmt, english, header[0] if header else None)
    if header:
        keep_deck(scored, verdicts, header)
    _above_marked_headline(scored, verdicts, start, result.title)
    first_wrapped_heading(scored, verdicts, start, end, result.title)
    author_bio(scored, verdicts, start, end)
    skipped_box(scored, verdicts, start, end)
    _label_tail(scored, verdicts, end + 1)
    result.verdicts = [v if v is not None else Verdict("other_boilerplate", "outside the article") for v in verdicts]
    return result


def _label_article(scored: list[Scored], verdicts: list[Verdict | None], start: int, end: int,
                   result: Labelling, numbering: Numbering, english: bool) -> None:
    """Inside the article: body, except what rules, markup or shape mark as captions, links or chrome (a short
    sentence with no verb between paragraphs is a caption's shape only where ``english`` verbs are known: every
    sentence of another language would look verbless; right under an image it is one in any language)."""
    wrapped = wrapping_markup(scored, start, end)
    for i in range(start, end + 1):
        s = scored[i]
        if s.klass == BAD and start < i < end and heading_in_wrapping_markup(scored, i, wrapped):
            verdicts[i] = Verdict("body", "a heading over the article's paragraphs, in the markup that wraps them")
        elif s.klass == BAD and start < i < end and boxed_subheading(scored, i):
            verdicts[i] = Verdict("body", "a subheading its own markup calls a box's, between the article's "
                                          "paragraphs in their container")
        elif s.klass == BAD and start < i < end and linked_text_in_container(s):
            verdicts[i] = Verdict("body", "a linked sentence or list item of the article's text container")
        elif s.klass == BAD and start < i < end and linked_item_beside_text_items(scored, i):
            verdicts[i] = Verdict("body", "a linked item of a list of the article's text (a changelog entry)")
        elif s.klass == BAD and start < i <= end and linked_item_under_lead_in(scored, verdicts, i, start):
            verdicts[i] = Verdict("body", LINKED_LIST_REASON)
        elif s.klass == BAD and start < i < end and linked_sentence_between_prose(scored, i):
            verdicts[i] = Verdict("body", "a linked sentence between paragraphs of the article")
        elif s.klass == BAD and start < i < end and s.rule is not None and s.rule.role == "comment" \
                and heading_of_the_text(scored, i):
            verdicts[i] = Verdict("body", "a heading of the article's text, though it reads like a comment section's")
        elif s.klass == BAD and start < i < end and linked_subheading(scored, i):
            verdicts[i] = Verdict("body", "a linked subheading over a paragraph of the article")
        elif s.klass == BAD:
            verdicts[i] = bad_verdict(s)
        elif s.rule is not None and s.rule.role == "dateline" and not s.feat.is_prose:
            verdicts[i] = Verdict("dateline", s.rule.reason)
        elif s.klass != GOOD and not s.feat.ends_sentence and s.feat.n_words <= 14 and (
                s.cand.markup_role == "byline" or (BYLINE_LEAD.match(s.cand.text) and byline_shaped(s))):
            verdicts[i] = Verdict("byline", "names the author, inside the article")
            result.bylines.append(i)
        elif s.cand.markup_role == "dateline" and s.klass != GOOD and s.feat.n_words <= 12:
            verdicts[i] = Verdict("dateline", s.cand.markup_reason or "date markup")
        elif english and start < i < end and _caption_shaped(scored, i):
            verdicts[i] = Verdict("caption", "short verbless line inside the article, like a picture caption")
        elif s.cand.after_image and s.feat.n_words <= 20 and looks_verbless(s.feat) and not s.cand.heading:
            verdicts[i] = Verdict("caption", "short verbless line right under an image")
        elif s.cand.confirmed:
            verdicts[i] = Verdict("body", DECLARED_REASON if s.cand.hidden
                                  else "in the article text the page declares (or a second extractor finds)")
        elif s.klass == GOOD:
            verdicts[i] = Verdict("body", "prose paragraph")
        elif s.feat.is_bullet or s.cand.is_list_item:
            verdicts[i] = Verdict("body", "list item inside the article")
        elif s.feat.ends_sentence:
            verdicts[i] = Verdict("body", "short sentence inside the article")
        else:
            verdicts[i] = Verdict("body", "heading or short line inside the article")
    # the headline under an inline "Read more" label is the linked article's, not this one's (an advert label
    # inside the box does not end it)
    prev = None
    for i in range(start + 1, end + 1):
        if scored[i - 1].rule is None or scored[i - 1].rule.reason != "advert label":
            prev = verdicts[i - 1]
        if prev and prev.role == "related" and verdicts[i] and verdicts[i].role == "body" \
                and scored[i].klass != GOOD and not scored[i].feat.ends_sentence \
                and not numbering.continues(i):
            verdicts[i] = Verdict("related", "headline of another article under a link label")
    # a stream of other stories' headlines, each over its card label, under a related-stories heading inside the
    # article (the article resumes after it)
    for i in range(start + 1, end + 1):
        if scored[i - 1].rule is not None and scored[i - 1].rule.role == "related":
            for k in headline_stream(scored, i, end):
                for j in (k, k + 1):
                    verdicts[j] = Verdict("related", "a stream of other stories' headlines under a related heading")
    # a sign-up box's blurb: a short line between its heading ('Sign up for our newsletter') and its form
    for i in range(start + 1, min(end + 1, len(scored) - 1)):
        if verdicts[i] and verdicts[i].role == "body" and _signup_blurb(scored, verdicts, i):
            verdicts[i] = Verdict("promo", "a sign-up box's blurb, between its prompt and its form")
    # captions credited on the next/previous line: the line glued to a credit is its caption
    for i in range(start, end + 1):
        if verdicts[i] and verdicts[i].role == "caption" and "credit" in verdicts[i].reason:
            for j in (i - 1, i + 1):
                if start <= j <= end and verdicts[j] and verdicts[j].role == "body" and glued(scored, i, j) \
                        and scored[j].klass != GOOD and scored[j].feat.n_words <= 25:
                    verdicts[j] = Verdict("caption", "next to an image credit")
    _clip_titles(scored, verdicts, start, end)


PLAYER_LABEL = "a video player's label"  # the reason of the line rule (rules/lines.yaml): 'watch now', 'VIDEO4:42'
CLIP_TITLE_LINES, CLIP_TITLE_WORDS = 2, 20  # a clip's title and show under its player: so many lines, words


def _clip_titles(scored: list[Scored], verdicts: list[Verdict | None], start: int, end: int) -> None:
    """Under a video player's label inside the article, the short lines before the next paragraph (the clip's
    title, its show's name) are the clip's caption, not the article's subheadings."""
    for i in range(start, end):
        if not (verdicts[i] and verdicts[i].reason == PLAYER_LABEL):
            continue
        for j in range(i + 1, min(i + 1 + CLIP_TITLE_LINES, end + 1)):
            line = scored[j]
            if not (verdicts[j] and verdicts[j].role == "body") or line.klass == GOOD or line.feat.ends_sentence \
                    or line.feat.n_words > CLIP_TITLE_WORDS:
                break
            verdicts[j] = Verdict("caption", "a clip's title under its player")


FORM_ROLES = frozenset({"promo", "navigation", "other_boilerplate"})  # what a sign-up box's form reads as
SIGNUP_BLURB_WORDS = 30  # a sign-up box's blurb ('Daily news about politics ...') is at most this long


def _signup_blurb(scored: list[Scored], verdicts: list[Verdict | None], i: int) -> bool:
    """One short sentence or line right under a subscription prompt, with the box's form (a field label, small
    print, another prompt) right under it: the box's blurb, not the article's text."""
    prev, nxt = scored[i - 1], scored[i + 1]
    return scored[i].feat.n_words <= SIGNUP_BLURB_WORDS and scored[i].feat.n_sentences <= 1 \
        and prev.rule is not None and prev.rule.reason == "subscription prompt" \
        and ((nxt.rule is not None and nxt.rule.role in FORM_ROLES) or nxt.cand.markup_role in FORM_ROLES)


def _above_marked_headline(scored: list[Scored], verdicts: list[Verdict | None], start: int,
                           title: int | None) -> None:
    """Our span begins above a headline that sits in the page's article markup: the blocks before it outside
    that markup (a browser notice, the site's tagline) are not the article's text."""
    if title is None or title <= start or not scored[title].cand.in_article:
        return
    for i in range(start, title):
        v = verdicts[i]
        if v is not None and v.role == "body" and not scored[i].cand.in_article:
            verdicts[i] = Verdict("other_boilerplate", "above the headline, outside the page's article markup")


def linked_text_in_container(s: Scored) -> bool:
    """A paragraph or list item of the article's own text container, judged chrome only for its links: a
    changelog entry, a reference list, a sentence around a link; not a heading, label or marked box."""
    c = s.cand
    return s.why_bad == "links" and c.in_text_container and c.tag in ("p", "li") and not c.heading \
        and c.markup_role is None and s.feat.n_words >= LINKED_TEXT_MIN_WORDS \
        and (s.feat.ends_sentence or c.link_density < LINKED_TEXT_MAX_DENSITY)


def linked_item_beside_text_items(scored: list[Scored], i: int) -> bool:
    """A list item of the article's text container that is all link (a changelog entry linking its bug), judged
    chrome only for its links, next to an item that is text, not link: a list of other articles is all links."""
    s = scored[i]
    c = s.cand
    return s.why_bad == "links" and c.is_list_item and c.in_text_container and c.markup_role is None \
        and s.feat.n_words >= LINKED_TEXT_MIN_WORDS \
        and any(n.cand.is_list_item and n.cand.link_density < 0.5 and n.feat.n_words >= LINKED_TEXT_MIN_WORDS
                for n in (scored[i - 1], scored[i + 1]))


LINKED_LIST_REASON = "a linked item of a list the article's text announces (a line ending in ':' above it)"


def linked_item_under_lead_in(scored: list[Scored], verdicts: list[Verdict | None], i: int, start: int) -> bool:
    """A list item of the article's text container that is all link (a bug, a paper, a release it lists), in a
    run of such items right under a line of the article that announces them ('In progress:', 'Fixed this
    week:'): judged chrome only for its links. A related-stories label ('Related:') is no line of the article."""
    s = scored[i]
    c = s.cand
    if not (s.why_bad == "links" and c.is_list_item and c.in_text_container and c.markup_role is None
            and s.feat.n_words >= LINKED_TEXT_MIN_WORDS):
        return False
    j = i - 1
    while j > start and verdicts[j] is not None and verdicts[j].reason == LINKED_LIST_REASON:
        j -= 1
    v = verdicts[j]
    return j >= start and v is not None and v.role == "body" and scored[j].rule is None \
        and scored[j].cand.text.rstrip().endswith(":")


def linked_sentence_between_prose(scored: list[Scored], i: int) -> bool:
    """A paragraph that is a sentence (a link over it: a footnote, a quote linked to its source) between two
    prose paragraphs of the article, judged chrome only for its links."""
    s = scored[i]
    return s.why_bad == "links" and s.cand.tag == "p" and s.cand.markup_role is None and s.feat.ends_sentence \
        and s.feat.n_words >= LINKED_TEXT_MIN_WORDS and _plain_prose(scored[i - 1]) and _plain_prose(scored[i + 1])


def linked_subheading(scored: list[Scored], i: int) -> bool:
    """A short heading of the article's markup that is a link (a listicle item's name, a product, a section
    linking to its tracker), judged chrome only for its links, over a prose paragraph of the article."""
    s = scored[i]
    c = s.cand
    return s.why_bad == "links" and c.heading >= 2 and c.in_article and c.markup_role is None \
        and s.feat.n_words <= LINKED_SUBHEADING_WORDS and _plain_prose(scored[i + 1])


def _plain_prose(s: Scored) -> bool:
    """A prose paragraph that is not mostly link."""
    return s.klass == GOOD and s.cand.link_density < 0.5


def _caption_shaped(scored: list[Scored], i: int) -> bool:
    """A short verbless sentence alone between full paragraphs, like a picture's caption; not a paragraph of
    the article's text container that follows no image (a caption there sits in figure or caption markup)."""
    s = scored[i]
    text = s.cand.text.rstrip()
    if not text.endswith(".") or s.feat.n_words > 16 or s.feat.is_bullet:
        return False
    if s.cand.tag == "p" and s.cand.in_text_container and not s.cand.after_image:
        return False
    before, after = scored[i - 1], scored[i + 1]
    if min(before.feat.n_words, after.feat.n_words) < 15 or looks_verbless(before.feat) \
            or looks_verbless(after.feat):
        return False  # a caption sits alone between full paragraphs, not in a run of short lines
    return looks_verbless(s.feat)


def _label_tail(scored: list[Scored], verdicts: list[Verdict | None], first: int) -> None:
    """After the article: a small state machine of sections (comments, related stories, others)."""
    context: str | None = None
    for i in range(first, len(scored)):
        s = scored[i]
        if s.rule is not None:
            role = s.rule.role
            if role == "dateline":
                verdicts[i] = (Verdict("related", "a date in a list of other articles") if context == "related"
                               else Verdict("comment", "time of a reader comment") if context == "comment"
                               else Verdict("dateline", s.rule.reason))
                continue
            verdicts[i] = Verdict(role, s.rule.reason)
            if role == "comment":
                context = None if s.rule.reason == "comment prompt" else "comment"
            elif s.rule.stop or role == "other_boilerplate" or (s.feat.n_words <= 3 and not s.feat.ends_sentence):
                context = role  # a section heading: what follows belongs to it
            continue
        if s.klass == BAD:
            verdicts[i] = bad_verdict(s)
            if verdicts[i].role == "comment":
                context = "comment"
            continue
        if context == "comment":
            verdicts[i] = Verdict("comment", "reader comment")
        elif context == "related":
            verdicts[i] = Verdict("related", "in a list of other articles")
        elif context is not None:
            verdicts[i] = Verdict(context, "under a heading of that kind, after the article")
        elif s.feat.is_prose and s.feat.n_words >= 12:
            verdicts[i] = Verdict("other_boilerplate", "text after the article, apart from it")
        else:
            verdicts[i] = Verdict("related", "short line after the article, like another article's headline")
            context = "related"
