"""Content scoring: each block's class (good, near, short, bad) and its weight as evidence of the article."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .candidates import THREAD_REASON, Candidate
from .features import BULLET, Features, features, squash
from .repetition import line_key
from .rules import LineRule, match_rule, vocabulary

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
MARKUP_STRONG = frozenset({"navigation", "caption", "comment", "other_boilerplate", "promo"})
MARKUP_KEPT = frozenset({"byline", "dateline", "section"})
MAX_CAPTION_PARAGRAPHS = 3  # more prose paragraphs than this under caption markup: a figure left open, not captions
MAX_FIGCAPTION_SHARE = 0.5  # a page's <figcaption>s holding more of its prose than this tell its story (a gallery)
TABLE_SENTENCE_WORDS = 8  # a table cell of the article this long is a sentence, not data: line rules apply to it
WRAPPED_SENTENCE_WORDS = 5  # a sentence this long inside a mislabelled wrapper is judged by its words, as its prose is
MAX_FOOTER_PARAGRAPHS = 3  # more prose paragraphs than this in a <footer> inside the article: its text, not a footer


@dataclass
class Scored:
    """A candidate with its features, its rule match and its content class."""

    cand: Candidate
    feat: Features
    rule: LineRule | None
    template: int
    klass: str
    why_bad: str = ""
    base_klass: str = ""  # the class from the text alone, before rules, repetition and markup
    keyword_run: bool = False  # a long line of keywords (``keyword_run``), in a language whose function words we know


def score_blocks(cands: list[Candidate], stopwords: frozenset[str] | None,
                 repeated: Mapping[str, int] | None, fmt: str) -> list[Scored]:
    stops = stopwords if stopwords is not None else frozenset()
    relaxed = stopwords is not None and stopwords is not vocabulary().stopwords["en"]
    out = []
    for c in cands:
        f = features(c.text, stops)
        # a block inside a menu, footer or comment thread is already placed by its markup, whatever its words
        placed = c.markup_role in MARKUP_STRONG and c.markup_role != "comment" and not c.confirmed
        rule = None if placed else _line_rule(c, f)
        bucket = 0
        if repeated:
            key = line_key(c.text)
            bucket = repeated.get(key, 0) if key else 0
        base = content_class(f, stopwords is not None, relaxed)
        s = Scored(c, f, rule, bucket, base, base_klass=base, keyword_run=stopwords is not None and keyword_run(f, c))
        _mark_bad(s, fmt)
        out.append(s)
    _distrust_sweeping_markup(out, fmt)
    _distrust_sweeping_captions(out)
    _distrust_article_footers(out)
    return out


def _line_rule(c: Candidate, f: Features) -> LineRule | None:
    """The line rule a block's words match; none for a short table cell of the article (also a paragraph within
    one), which holds data, not chrome ("9", "2015-2020", "Home"); a sentence in a table that lays out the page
    (an agency's copyright line under the story) is read like any other."""
    in_data = c.in_table and c.in_article
    if in_data and f.n_words < TABLE_SENTENCE_WORDS:
        return None
    flat = squash(c.text)
    if f.is_bullet:  # "* Home", "• Share": the words after the marker decide
        flat = BULLET.sub("", flat, count=1)
    rule = match_rule(flat, f.n_words)
    return rule if rule is None or rule.strong or not in_data else None


def _distrust_article_footers(scored: list[Scored]) -> None:
    """A <footer> inside the article's markup around paragraph after paragraph of one element (a transcript,
    notes) holds text of the article, not a page footer's lines (its short lines, an author's note, stay chrome)."""
    by_parent: dict[int, list[Scored]] = {}
    for s in scored:
        if s.why_bad == "markup" and s.base_klass == GOOD and s.cand.in_article and s.cand.parent \
                and s.cand.markup_reason == "inside <footer>":
            by_parent.setdefault(s.cand.parent, []).append(s)
    for prose in by_parent.values():
        if len(prose) > MAX_FOOTER_PARAGRAPHS:
            for s in prose:
                s.klass, s.why_bad = s.base_klass, ""


def _distrust_sweeping_captions(scored: list[Scored]) -> None:
    """A <figure> around paragraph after paragraph (one the page leaves open around the article's text) or
    around a table's cells (a table set in a figure) holds the article's text, not captions (a gallery or caption
    class still marks captions)."""
    marked = [s for s in scored if s.why_bad == "markup" and s.cand.markup_reason == "inside <figure>"]
    prose = [s for s in marked if s.base_klass == GOOD]
    spare = len(prose) > MAX_CAPTION_PARAGRAPHS and _figcaptions_aside(scored)
    for s in marked:
        if (s.cand.in_table and s.cand.in_article) or (len(prose) > MAX_CAPTION_PARAGRAPHS and s.base_klass == GOOD
                                                        and not (spare and s.cand.tag == "figcaption")):
            s.klass, s.why_bad = s.base_klass, ""


def _figcaptions_aside(scored: list[Scored]) -> bool:
    """Whether the page's <figcaption> texts are captions beside an article (the sweeping rules leave them marked)
    rather than most of its prose (a gallery told in its captions)."""
    prose = sum(s.feat.n_words for s in scored if s.base_klass == GOOD)
    captions = sum(s.feat.n_words for s in scored if s.base_klass == GOOD and s.cand.tag == "figcaption")
    return captions <= MAX_FIGCAPTION_SHARE * prose


def _distrust_sweeping_markup(scored: list[Scored], fmt: str, share: float = 0.85) -> None:
    """Markup that would remove nearly all of a page's prose is a mislabelled wrapper, not boilerplate (a comment
    thread's pattern, many comments each marked on its own, is not one wrapper, nor are captions in <figcaption>):
    the blocks it placed are judged by their own words instead: its prose and its sentences of a few words (a
    page inside one <form>: the article's short paragraphs; its menus, links and legal lines stay out; not its
    headings, which on one site's pages were a hidden paywall's)."""
    prose = sum(s.feat.n_words for s in scored if s.base_klass == GOOD)
    removed = sum(s.feat.n_words for s in scored if s.base_klass == GOOD and s.why_bad == "markup")
    if not prose or removed <= share * prose:
        return
    spare = _figcaptions_aside(scored)
    prose_placed = [s for s in scored if s.why_bad == "markup" and s.base_klass == GOOD
                    and s.cand.markup_reason != THREAD_REASON and not (spare and s.cand.tag == "figcaption")]
    wrappers = {s.cand.markup_reason for s in prose_placed}
    sentences = [s for s in scored if s.why_bad == "markup" and s.base_klass != GOOD
                 and s.cand.markup_reason in wrappers and s.feat.ends_sentence
                 and s.feat.n_words >= WRAPPED_SENTENCE_WORDS and s.cand.link_density < 0.5]
    for s in prose_placed + sentences:
        s.rule, s.klass, s.why_bad = _line_rule(s.cand, s.feat), s.base_klass, ""
        _mark_bad(s, fmt, trust_markup=False)


def content_class(f: Features, know_language: bool, relaxed: bool = False) -> str:
    """jusText-like classes from length, stop-word density and sentence shape."""
    n, sd = f.n_words, f.stop_density
    if not know_language:
        if n >= 15 and (f.ends_sentence or f.n_commas >= 2):
            return GOOD
        return SHORT if n < 6 else NEAR
    if run_on_names(f):
        return NEAR
    scale = 0.75 if relaxed else 1.0  # shorter stop lists of other languages
    if n >= 20 and sd >= 0.22 * scale:
        return GOOD
    if n >= 10 and sd >= 0.18 * scale and f.ends_sentence:
        return GOOD
    if n >= 30 and sd >= 0.12 * scale:
        return GOOD
    if n < 6:
        return SHORT
    return NEAR


RUN_ON_MIN_WORDS = 10       # a line of names run together (a menu, a list of tags) has at least this many words,
RUN_ON_CAPITALISED = 0.75   # ... this share of them capitalised,
RUN_ON_WORDS_PER_COMMA = 8  # ... fewer commas than one per this many words, and no sentence end


def run_on_names(f: Features) -> bool:
    """A long line of capitalised names with no sentence end and few commas: a menu or a tag list a text scrape
    ran together ('My Europe World Business EU Policy Green Next Health Travel ...'), not prose, however many of
    its words are stop words ('Depth Of Field', 'Notes From The Usa')."""
    return f.n_words >= RUN_ON_MIN_WORDS and f.n_capitalised >= RUN_ON_CAPITALISED * f.n_words \
        and not f.ends_sentence and f.n_commas * RUN_ON_WORDS_PER_COMMA < f.n_words


def _mark_bad(s: Scored, fmt: str, trust_markup: bool = True) -> None:
    c = s.cand
    if s.rule is not None and s.rule.role == "dateline":
        s.klass = SHORT  # kept: a date line, even when every page of the source has one
    elif s.rule is not None and not s.rule.weak and (s.rule.strong or s.klass != GOOD):
        s.klass, s.why_bad = BAD, "rule"
    elif s.template and (s.template >= 5 or s.klass != GOOD):
        s.klass, s.why_bad = BAD, "template"
    elif trust_markup and not c.confirmed and (
            c.markup_role in MARKUP_STRONG or (c.markup_role and c.markup_role not in MARKUP_KEPT and s.klass != GOOD)):
        s.klass, s.why_bad = BAD, "markup"
    elif fmt == "html" and s.feat.n_words > 0 and c.markup_role not in MARKUP_KEPT and not c.confirmed \
            and c.link_density >= (0.8 if s.klass == GOOD else 0.5):
        s.klass, s.why_bad = BAD, "links"


KEYWORD_RUN_WORDS = 12  # a line of keywords (``keyword_run``) has this many words at least ...
KEYWORD_RUN_STOP_DENSITY = 0.1  # ... and fewer function words than this share


def keyword_run(f: Features, c: Candidate) -> bool:
    """A long line of keywords, outside any article markup ('Access Control Biometrics CCTV Intruder Alarms IT
    Security ...'): a scrape's menu or tag list run together, no sentence and no prose. ``score_blocks`` asks only
    where the page's function words are known (in another language every line would have none)."""
    return f.n_words >= KEYWORD_RUN_WORDS and f.stop_density < KEYWORD_RUN_STOP_DENSITY and not f.ends_sentence \
        and not c.in_article


def weight(s: Scored) -> float:
    n = s.feat.n_words
    if s.cand.confirmed and s.klass != BAD:
        return max(float(n), 3.0) * 1.5
    if s.klass == GOOD:
        if s.cand.markup_role in ("related", "promo") and not s.cand.in_text_container:
            return 0.25 * n  # prose in a sidebar or teaser box: weak evidence of the article
        return float(n) * (1.5 if s.cand.in_article else 1.0)
    if s.klass == NEAR:
        if s.keyword_run:
            return _chrome_weight(n)  # a menu run into one line: as much against the article as chrome
        base = 0.3 * n if s.feat.ends_sentence else -0.5
        return base + (2.0 if s.cand.in_article else 0.0)
    if s.klass == SHORT:
        if s.cand.in_article:
            return -0.3 if s.cand.is_list_item or s.cand.in_table or s.cand.heading else -1.0
        return -1.5
    return _chrome_weight(n)


def _chrome_weight(n_words: int) -> float:
    """What a line of chrome weighs against the article: more the longer it is."""
    return -(4.0 + 0.5 * n_words)
