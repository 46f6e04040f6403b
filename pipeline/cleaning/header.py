"""The blocks above the article: headline, byline, section label, datelines, captions and navigation."""
from __future__ import annotations

import re

from .candidates import Candidate
from .dates import find_datetime
from .features import looks_like_name, looks_verbless, squash
from .rules import vocabulary
from .scoring import BAD, GOOD, Scored
from .span import BYLINE_LEAD
from .verdicts import Labelling, Verdict, bad_verdict

BYLINE_BREAK = re.compile(r"\s*(?:[,|·•–—]|\s-\s|\bon\b|\d)")


def label_head(scored: list[Scored], verdicts: list[Verdict | None], start: int, result: Labelling,
                title_hint: str | None, fmt: str, english: bool, headline: int | None = None) -> None:
    """Label the blocks above the article (``start``); ``headline``: the headline ``own_header`` found over the
    article's byline or date, taken for the title unless the page's metadata names another line."""
    head = range(0, min(start, len(scored)))
    for i in head:
        s = scored[i]
        if s.klass == BAD and s.why_bad == "template" and byline_shaped(s) \
                and (BYLINE_LEAD.match(s.cand.text) or s.cand.markup_role == "byline"):
            verdicts[i] = Verdict("byline", "names the author (the same author writes other pages of this source)")
            result.bylines.append(i)
        elif s.klass == BAD:
            verdicts[i] = bad_verdict(s)
        elif s.rule is not None and s.rule.role == "dateline":
            verdicts[i] = Verdict("dateline", s.rule.reason)
        elif s.cand.markup_role == "dateline" and s.feat.n_words <= 12:
            verdicts[i] = Verdict("dateline", s.cand.markup_reason or "date markup")
        elif (s.cand.markup_role == "byline" and s.feat.n_words <= 14 and not s.feat.is_prose) \
                or (BYLINE_LEAD.match(s.cand.text) and byline_shaped(s)):
            verdicts[i] = Verdict("byline", s.cand.markup_reason if s.cand.markup_role == "byline"
                                  else "names the author")
            result.bylines.append(i)
        elif s.cand.markup_role == "section" and s.feat.n_words <= 4 and result.section is None:
            verdicts[i] = Verdict("section", s.cand.markup_reason or "section markup")
            result.section = i
        elif s.rule is not None and s.rule.weak:
            verdicts[i] = Verdict(s.rule.role, s.rule.reason)
    glue_captions(scored, verdicts, range(0, min(start, len(scored))))
    title = _pick_title(scored, verdicts, start, title_hint, headline)
    if title is not None:
        verdicts[title] = Verdict("title", "the article's headline")
        result.title = title
        # byline: a name-shaped line just after the title
        for j in range(title + 1, min(start, title + 5)):
            repeated_name = scored[j].why_bad == "template" and scored[j].rule is None
            if (verdicts[j] is None or repeated_name) and byline_shaped(scored[j]):
                verdicts[j] = Verdict("byline", "author's name after the headline")
                result.bylines.append(j)
        for j in list(result.bylines):
            k = j + 1
            f = scored[k].feat if k < start else None
            if f is not None and verdicts[k] is None and 1 <= f.n_words <= 5 and not f.ends_sentence \
                    and any(w in vocabulary().byline_titles for w in f.lower_words):
                verdicts[k] = Verdict("byline", "the author's job title")
        # section: a short label on its own just before the title
        for j in range(title - 1, max(-1, title - 3) if result.section is None else title - 1, -1):
            if verdicts[j] is not None and verdicts[j].role != "navigation":
                continue
            repeated_label = scored[j].why_bad == "template" and scored[j].rule is None
            if (verdicts[j] is None or repeated_label) and _section_shaped(scored, j, fmt):
                verdicts[j] = Verdict("section", "section label above the headline")
                result.section = j
            break
    if fmt == "html":
        _opening_lines(scored, verdicts, start)
    elif result.title is not None:
        _opening_sentences(scored, verdicts, start, result.title, english)
    for i in head:
        if verdicts[i] is not None:
            continue
        s = scored[i]
        if s.feat.n_words <= 14 and s.cand.link_density < 0.5 and find_datetime(s.cand.text)[0] is not None:
            verdicts[i] = Verdict("dateline", "states a date, before the article")
        elif _standfirst(scored, verdicts, i, result.title, start):
            verdicts[i] = Verdict("body", "the article's standfirst or opening paragraph: under its headline, "
                                          "apart from its text")
        elif s.feat.is_prose and s.feat.n_words >= 12:
            verdicts[i] = Verdict("other_boilerplate", "text before the article, apart from it")
        elif s.feat.n_words >= 8 and s.feat.stop_density >= 0.2 and s.cand.link_density < 0.5:
            verdicts[i] = Verdict("other_boilerplate", "summary line above the article")
        else:
            verdicts[i] = Verdict("navigation", "short line before the article, like a menu entry")


HEADER_REACH = 8  # blocks from the top of the article's run within which its own byline or date is looked for
HEADER_DECK_WORDS = 40  # a deck or caption above that byline is no longer: a longer line is the article's
HEADER_PROSE_LINES = 2  # lines of prose above it (a deck, a caption): more are the article's opening paragraphs
HEADLINE_MIN_WORDS = 4  # a headline over its byline has this many words at least ('Inside the Numbers' heads a box)
HEADER_LINE_WORDS = 20  # a byline or date line is no longer ("Name · Outlet · Posted: Aug 8, 2024 4:00 AM EDT")


def own_header(scored: list[Scored], start: int, end: int) -> tuple[int, int] | None:
    """The article's own header inside the top of its run (a text scrape has no markup to tell it from the text;
    a page's deck or a picture's caption is prose): within HEADER_REACH blocks, none of them a paragraph of the
    article, its byline or date lines under its headline (in the run or right above it), with at most
    HEADER_PROSE_LINES lines of prose before them (a deck, a caption). Returns the headline's block and the first
    block of the article's text after the header, or None."""
    headlines = [start - 1] if start > 0 and _headline_shaped(scored, start - 1) else []
    prose = 0
    for j in range(start, min(end, start + HEADER_REACH)):
        s = scored[j]
        if _header_line(s):
            if not headlines:
                return None
            while j + 1 < end and _header_line(scored[j + 1]):
                j += 1
            # the headline likeliest by its shape; the other candidates are its deck or a caption
            return max(headlines, key=lambda k: (_title_score(scored[k]), -k)), j + 1
        if s.feat.n_words > HEADER_DECK_WORDS:
            return None  # a paragraph of the article
        if _headline_shaped(scored, j):
            headlines.append(j)
        if s.klass == GOOD:
            prose += 1
            if prose > HEADER_PROSE_LINES:
                return None
    return None


def _headline_shaped(scored: list[Scored], i: int) -> bool:
    """A line that may be the headline: shaped like one, of HEADLINE_MIN_WORDS or more (a box's heading is
    shorter), and no picture's caption (no credit right under it)."""
    s = scored[i]
    credit = i + 1 < len(scored) and scored[i + 1].rule is not None and scored[i + 1].rule.role == "caption"
    return s.rule is None and s.klass != BAD and not credit and s.feat.n_words >= HEADLINE_MIN_WORDS \
        and _title_score(s) > 0


def keep_deck(scored: list[Scored], verdicts: list[Verdict | None], header: tuple[int, int]) -> None:
    """The prose between the headline and its byline or date (``own_header``) is the article's deck: it stays in
    the body, as it was in the article's run; the headline, byline, date and captions go out."""
    headline, start = header
    for k in range(headline + 1, start):
        v = verdicts[k]
        if scored[k].klass == GOOD and (v is None or v.role not in STANDFIRST_GAP):
            verdicts[k] = Verdict("body", "the article's deck: prose between its headline and its byline or date")


def _header_line(s: Scored) -> bool:
    """A byline or date line under a headline: it states a date, or names the author."""
    if s.feat.n_words > HEADER_LINE_WORDS or s.cand.link_density >= 0.5:
        return False
    if s.rule is not None:
        return s.rule.role == "dateline"
    if s.feat.ends_sentence:
        return False  # the article's first sentence, under its dateline ('LONDON (Reuters) - ... said.')
    return find_datetime(s.cand.text)[0] is not None or byline_shaped(s)


OPENING_GAP = frozenset({"caption", "promo"})  # between an article's opening lines and its text: pictures, ads
OPENING_MIN_WORDS = 4


def _opening_lines(scored: list[Scored], verdicts: list[Verdict | None], start: int) -> None:
    """Short sentences right above the article's text, in its markup (the same tag and containers as its first
    paragraph: 'Global warming - "it's a hoax."' / 'Donald Trump has said that more than once.'), open it: the
    span starts at the first long paragraph, so they are labelled here, walking up until a line is not one."""
    if start >= len(scored):
        return
    first = scored[start].cand
    nearest = True
    for i in range(start - 1, -1, -1):
        s, c = scored[i], scored[i].cand
        if verdicts[i] is not None and verdicts[i].role in OPENING_GAP:
            continue
        if nearest and verdicts[i] is None and _lead_in(s, first):
            verdicts[i] = Verdict("body", "the article's lead-in: a line right above its text, beside it in its box")
            nearest = False
            continue
        nearest = False
        if verdicts[i] is not None or s.klass == BAD or not s.feat.ends_sentence \
                or s.feat.n_words < OPENING_MIN_WORDS or c.link_density >= 0.5 or c.markup_role is not None \
                or (c.tag, c.in_article, c.in_text_container) != (first.tag, first.in_article, first.in_text_container):
            return
        verdicts[i] = Verdict("body", "an opening line of the article, right above its text in the same markup")


def _opening_sentences(scored: list[Scored], verdicts: list[Verdict | None], start: int, title: int,
                       english: bool) -> None:
    """In a text scrape (no markup to compare): short sentences between the headline and the article's first
    long paragraph, with only pictures' captions and ads between them and it, open the article; walking up from
    its text until a line is not one (a caption, the byline, the date)."""
    for i in range(start - 1, title, -1):
        s = scored[i]
        if verdicts[i] is not None and verdicts[i].role in OPENING_GAP:
            continue
        if verdicts[i] is not None or s.klass == BAD or not s.feat.ends_sentence or s.feat.n_stop == 0 \
                or s.feat.n_words < OPENING_MIN_WORDS or s.rule is not None or (english and looks_verbless(s.feat)):
            return  # not a sentence of the article's (a caption names who is pictured: no verb)
        verdicts[i] = Verdict("body", "an opening line of the article, between its headline and its text")


LEAD_IN_WORDS = (6, 30)  # a lead-in's length, in words


def _lead_in(s: Scored, first: Candidate) -> bool:
    """A line of words (not a sentence: 'A How-To Guide for Researchers of Threats') set right above the
    article's first paragraph as a sibling in the same element, unlinked, unmarked and not under a picture (its
    caption): the article's lead-in (a deck or subtitle the writer put at the top of the text), not a summary of
    the page; a sentence there is left to ``_opening_lines``' own tests."""
    c = s.cand
    return c.parent != 0 and c.parent == first.parent and c.tag == first.tag and s.klass != BAD \
        and s.rule is None and c.markup_role is None and c.link_density == 0.0 and not c.heading \
        and not c.after_image and not s.feat.ends_sentence and LEAD_IN_WORDS[0] <= s.feat.n_words <= LEAD_IN_WORDS[1]


STANDFIRST_WORDS = (6, 40)  # a subheading's length, in words (a paragraph's: from the first)


def _standfirst(scored: list[Scored], verdicts: list[Verdict | None], i: int, title: int | None, start: int) -> bool:
    """A subheading (h2-h6, below the headline's rank) or a prose paragraph of the article's markup (of any length:
    its opening paragraph) right under its headline, with only its date, author, captions, boxes we judged chrome,
    short labels (share buttons, tags), more text of its own element or other such lines (a standfirst above an
    opening paragraph) around it up to the article's text (the span may leave it out: a head box marked 'teaser',
    a related box and pictures between it and the rest)."""
    if title is None or not _standfirst_shaped(scored, i, title):
        return False
    c = scored[i].cand
    return all((verdicts[j] is not None and verdicts[j].role in STANDFIRST_GAP) or scored[j].klass == BAD
               or scored[j].feat.n_words <= STANDFIRST_GAP_WORDS or _same_box(scored[j].cand, c)
               or _standfirst_shaped(scored, j, title) or _deck_shaped(scored[j])
               for j in (*range(title + 1, i), *range(i + 1, start)))


def _deck_shaped(s: Scored) -> bool:
    """A line of the article's markup shaped like a standfirst that need not end as a sentence does."""
    c = s.cand
    return c.in_article and c.link_density < 0.5 and (c.heading >= 2 or c.tag == "p") \
        and STANDFIRST_WORDS[0] <= s.feat.n_words <= STANDFIRST_WORDS[1]


def _standfirst_shaped(scored: list[Scored], i: int, title: int) -> bool:
    """A subheading below the headline's rank, or a prose paragraph, of the article's markup after its headline
    (not the headline again)."""
    s = scored[i]
    c = s.cand
    return not (i <= title or (c.heading < 2 and not (c.tag == "p" and s.feat.is_prose))
                or not c.in_article or c.link_density >= 0.5
                or not STANDFIRST_WORDS[0] <= s.feat.n_words <= (STANDFIRST_WORDS[1] if c.heading else 10_000)
                or (c.heading and scored[title].cand.heading and c.heading <= scored[title].cand.heading)
                or squash(c.text).casefold() in squash(scored[title].cand.text).casefold())


def _same_box(other: Candidate, c: Candidate) -> bool:
    """``other`` is more text of the element that holds the paragraph ``c`` (the standfirst's next sentence)."""
    return not c.heading and c.parent != 0 and other.parent == c.parent and other.tag == c.tag \
        and other.link_density < 0.5


STANDFIRST_GAP = frozenset({"byline", "dateline", "caption", "section"})
CAPTION_LABEL_WORDS = 12  # an image credit or caption label alone ('Photo: Jo Bloggs/Getty Images') is at most this
STANDFIRST_GAP_WORDS = 6  # a label, button or tag between the headline, the standfirst and the text


def glue_captions(scored: list[Scored], verdicts: list[Verdict | None], span: range) -> None:
    """A line glued to an image credit or caption label (no blank line between) is the picture's caption; a whole
    caption that ends in its credit is no label of its neighbours."""
    for i in span:
        v = verdicts[i]
        if not (v and v.role == "caption" and scored[i].rule is not None and not scored[i].rule.weak
                and scored[i].feat.n_words <= CAPTION_LABEL_WORDS):  # weak: a whole caption ending in its credit
            continue
        for j in (i - 1, i + 1):
            if j in span and verdicts[j] is None and glued(scored, i, j) and scored[j].rule is None \
                    and scored[j].feat.n_words >= 4:
                verdicts[j] = Verdict("caption", "next to an image credit or caption label")


def glued(scored: list[Scored], i: int, j: int) -> bool:
    later = max(i, j)
    return scored[later].cand.gap_before == 0


def _pick_title(scored: list[Scored], verdicts: list[Verdict | None], start: int, hint: str | None,
                headline: int | None) -> int | None:
    if hint:
        want = squash(hint).casefold()
        found = [i for i, s in enumerate(scored) if squash(s.cand.text).casefold() == want]
        if found:  # the headline itself, not a breadcrumb or link repeating it
            return max(found, key=lambda i: (scored[i].cand.heading > 0, scored[i].klass != BAD, i < start, -i))
    if headline is not None and verdicts[headline] is None:
        return headline
    best, best_score = None, 0.0
    for i in range(min(start, len(scored))):
        if verdicts[i] is not None:
            continue
        s = scored[i]
        score = _title_score(s)
        if score <= 0:
            continue
        score += 0.5 * i / max(1, start)  # nearer the article is likelier
        after = [verdicts[j] for j in range(i + 1, min(start, i + 4))]
        if any(v is not None and v.role in ("dateline", "byline") for v in after) \
                or any(BYLINE_LEAD.match(scored[j].cand.text) for j in range(i + 1, min(start, i + 4))):
            score += 1.0  # a headline is followed by its date or author
        if i > 0 and verdicts[i - 1] is not None and verdicts[i - 1].role == "caption":
            score -= 2.0
        if score > best_score:
            best, best_score = i, score
    return _headline_over_deck(scored, verdicts, best)


DECK_FUNCTION_GAP = 0.1  # a deck has at least this much more of its words function words than the headline over it
SITE_SEPARATORS = ("|", "»", "/", " – ", " — ")  # a breadcrumb's or a site name's, never a headline's
MEDIA_LABEL = re.compile(r"^[A-Z]{3,}\s*:")  # 'AUDIO: ...', 'LIVE: ...': a clip's or another item's teaser


def _headline_over_deck(scored: list[Scored], verdicts: list[Verdict | None], best: int | None) -> int | None:
    """The line picked for the title, or the headline right above it when the pick reads as that headline's deck:
    the line above is headline-shaped, summary-long (8+ words) and terser, with clearly fewer function words
    ('Man kept six women chained in basement' over 'Neighbours said there was a smell coming from the house')."""
    if not best or verdicts[best - 1] is not None:
        return best
    above, pick = scored[best - 1], scored[best]
    if _title_score(above) > 0 and above.feat.n_words >= 8 and above.cand.link_density < 0.5 \
            and above.feat.stop_density + DECK_FUNCTION_GAP < pick.feat.stop_density \
            and not any(sep in above.cand.text for sep in SITE_SEPARATORS) and not MEDIA_LABEL.match(above.cand.text):
        return best - 1
    return best


def _title_score(s: Scored) -> float:
    f, c = s.feat, s.cand
    if c.heading == 1 and c.link_density <= 0.5 and f.n_words >= 2:
        return 5.0  # the page's main heading (not a linked logo)
    if not 3 <= f.n_words <= 30 or f.is_bullet or (s.rule is not None and s.rule.strong):
        return 0.0  # a strong line rule's chrome ('Share on Facebook Tweet', 'Register for a free account')
    text = c.text.rstrip()
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return 0.0  # a sentence, or a label ('Author of the article:')
    if c.link_density > 0.5:
        return 0.0
    if looks_like_name(text) and not _title_case_headline(text):
        return 0.0
    lower = f.lower_words
    nav = sum(1 for w in lower if w in vocabulary().navigation_words)
    if nav >= max(2, len(lower) * 0.6):
        return 0.0
    if find_datetime(text)[0] is not None:
        return 0.0  # a line stating a date is a dateline, not a headline
    score = 1.0
    if 5 <= f.n_words <= 20:
        score += 1.0
    if f.n_sentences > 1:
        score -= 1.5  # a summary of two sentences, not a headline
    elif f.n_words > 16:
        score -= 0.5
    if c.heading:
        score += 1.5 - 0.2 * c.heading
    if text[:1].islower():
        score -= 0.8
    return score


def _title_case_headline(text: str) -> bool:
    """Capitalised words that are no name: they hold a function word ('How Today's Toys May Be Harming Your
    Daughter', 'Investor To Advise Trump On Finances'); a name's particles ('de', 'van') do not count."""
    vocab = vocabulary()
    words = {w.strip(",.:;'’").casefold() for w in text.split()}
    return bool(words & (vocab.stopwords["en"] - vocab.name_particles))


def byline_shaped(s: Scored) -> bool:
    text = BYLINE_LEAD.sub("by ", s.cand.text.strip())
    if s.feat.n_words > 14 or s.feat.ends_sentence and not text.endswith("."):
        return False
    vocab = vocabulary()
    head = BYLINE_BREAK.split(text, maxsplit=1)[0].strip()
    if head.lower().startswith("by "):
        rest = head[3:].split()
        return looks_like_name(head) or (0 < len(rest) <= 8 and rest[0][:1].isupper()
                                         and sum(w[:1].isupper() for w in rest) * 2 > len(rest))
    if looks_like_name(head):
        rest = text[len(head):]
        return not rest or any(w in vocab.byline_titles for w in rest.casefold().replace(",", " ").split()) \
            or bool(rest.strip(" ,|-"))
    return False


def _section_shaped(scored: list[Scored], i: int, fmt: str) -> bool:
    s = scored[i]
    f = s.feat
    if fmt == "text" and (s.cand.gap_before == 0 or (i + 1 < len(scored) and scored[i + 1].cand.gap_before == 0)):
        return False  # one of a run of menu lines
    text = s.cand.text.strip()
    if not 1 <= f.n_words <= 4 or f.ends_sentence or s.cand.link_density > 0.9 and s.cand.tag == "":
        return False
    if any(ch.isdigit() for ch in text):
        return False
    return not (f.n_words > 1 and all(w in vocabulary().navigation_words for w in f.lower_words))
