"""Labels candidate blocks with roles: content scoring, the article span, then head, article and tail passes."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .candidates import Candidate
from .dates import find_datetime
from .features import Features, features, looks_like_name, looks_verbless, squash
from .repetition import line_key
from .rules import LineRule, match_rule, vocabulary

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
MIN_ARTICLE_WORDS_BEFORE_STOP = 40
MARKUP_STRONG = frozenset({"navigation", "caption", "comment", "other_boilerplate", "promo"})
MARKUP_KEPT = frozenset({"byline", "dateline"})
BYLINE_BREAK = re.compile(r"\s*(?:[,|·•–—]|\s-\s|\bon\b|\d)")
BYLINE_LEAD = re.compile(r"^(by|from|par|von|por|di|door|gan|written by|words by|author|reported by)\s*:?\s+",
                         re.IGNORECASE)


@dataclass
class Verdict:
    role: str
    reason: str


@dataclass
class Scored:
    """A candidate with its features, its rule match and its content class."""

    cand: Candidate
    feat: Features
    rule: LineRule | None
    template: int
    klass: str
    why_bad: str = ""


@dataclass
class Labelling:
    """The classifier's answer: a verdict per block and where the article sits."""

    scored: list[Scored]
    verdicts: list[Verdict]
    start: int | None
    end: int | None
    title: int | None = None
    section: int | None = None
    bylines: list[int] = field(default_factory=list)


def score_blocks(cands: list[Candidate], stopwords: frozenset[str] | None,
                 repeated: Mapping[str, int] | None, fmt: str) -> list[Scored]:
    stops = stopwords if stopwords is not None else frozenset()
    relaxed = stopwords is not None and stopwords is not vocabulary().stopwords["en"]
    out = []
    for c in cands:
        f = features(c.text, stops)
        flat = squash(c.text)
        rule = match_rule(flat, f.n_words)
        bucket = 0
        if repeated:
            key = line_key(c.text)
            bucket = repeated.get(key, 0) if key else 0
        s = Scored(c, f, rule, bucket, _content_class(f, stopwords is not None, relaxed))
        _mark_bad(s, fmt)
        out.append(s)
    return out


def _content_class(f: Features, know_language: bool, relaxed: bool = False) -> str:
    """jusText-like classes from length, stop-word density and sentence shape."""
    n, sd = f.n_words, f.stop_density
    if not know_language:
        if n >= 15 and (f.ends_sentence or f.n_commas >= 2):
            return GOOD
        return SHORT if n < 6 else NEAR
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


def _mark_bad(s: Scored, fmt: str) -> None:
    c = s.cand
    if s.rule is not None and s.rule.role == "dateline":
        s.klass = SHORT  # kept: a date line, even when every page of the source has one
    elif s.rule is not None and not s.rule.weak and (s.rule.strong or s.klass != GOOD):
        s.klass, s.why_bad = BAD, "rule"
    elif s.template and (s.template >= 5 or s.klass != GOOD):
        s.klass, s.why_bad = BAD, "template"
    elif not c.confirmed and (c.markup_role in MARKUP_STRONG
                              or (c.markup_role and c.markup_role not in MARKUP_KEPT and s.klass != GOOD)):
        s.klass, s.why_bad = BAD, "markup"
    elif fmt == "html" and s.feat.n_words > 0 and c.markup_role not in MARKUP_KEPT and not c.confirmed \
            and c.link_density >= (0.8 if s.klass == GOOD else 0.5):
        s.klass, s.why_bad = BAD, "links"


def _weight(s: Scored) -> float:
    n = s.feat.n_words
    if s.cand.confirmed and s.klass != BAD:
        return max(float(n), 3.0) * 1.5
    if s.klass == GOOD:
        if s.cand.markup_role in ("related", "promo") and not s.cand.in_text_container:
            return 0.25 * n  # prose in a sidebar or teaser box: weak evidence of the article
        return float(n) * (1.5 if s.cand.in_article else 1.0)
    if s.klass == NEAR:
        base = 0.3 * n if s.feat.ends_sentence else -0.5
        return base + (2.0 if s.cand.in_article else 0.0)
    if s.klass == SHORT:
        if s.cand.in_article:
            return -0.3 if s.cand.is_list_item or s.cand.tag in ("td", "th") or s.cand.heading else -1.0
        return -1.5
    return -(4.0 + 0.5 * n)


def _kadane(weights: list[float]) -> tuple[int, int] | None:
    best, best_span = 0.0, None
    run, run_start = 0.0, 0
    for i, w in enumerate(weights):
        if run <= 0:
            run, run_start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def article_span(scored: list[Scored]) -> tuple[int, int] | None:
    """The contiguous run of blocks with the most article evidence, ended by comment or related sections."""
    weights = [_weight(s) for s in scored]
    good_words = [s.feat.n_words if s.klass == GOOD else 0 for s in scored]
    seen = 0
    for i, s in enumerate(scored):
        if _stops(s) and s.rule.role == "comment" and seen >= MIN_ARTICLE_WORDS_BEFORE_STOP:
            for j in range(i, len(weights)):
                weights[j] = -abs(weights[j]) - 1.0
            break
        seen += good_words[i]
    span = _kadane(weights)
    if span is None:
        return None
    start, end = span
    seen = 0
    for k in range(start, end + 1):
        s = scored[k]
        if _stops(s) and seen >= MIN_ARTICLE_WORDS_BEFORE_STOP and not _inside_marked_article(scored, k, end):
            end = k - 1
            break
        seen += good_words[k]
    while end >= start and weights[end] <= 0:
        end -= 1
    end = _cut_teaser_list(scored, start, end)
    while start < end and scored[start].klass != GOOD and _heading_like(scored[start]):
        start += 1  # a headline, byline or date above the first paragraph is not the article's text
    end = _extend_end(scored, end)
    return start, end


def _teaser_pair_at(scored: list[Scored], k: int, spaced: bool) -> bool:
    """Block k is another article's headline and k+1 its summary (a glued pair in a spaced text, or a link)."""
    if k < 0 or k + 1 >= len(scored):
        return False
    head, summary = scored[k], scored[k + 1]
    if head.feat.n_words < 3 or head.feat.n_words > 18 or head.cand.text.rstrip().endswith("."):
        return False
    if summary.klass not in (GOOD, NEAR) or summary.feat.n_sentences > 3:
        return False
    if head.cand.link_density >= 0.5 and not head.cand.in_article:
        return True
    return spaced and summary.cand.gap_before == 0 and head.cand.link_density == 0.0


def _cut_teaser_list(scored: list[Scored], start: int, end: int) -> int:
    """End the article before a trailing list of headline + summary pairs (other articles' teasers)."""
    good = [s for s in scored[start:end + 1] if s.klass == GOOD]
    spaced = len(good) >= 3 and sum(s.cand.gap_before >= 1 for s in good) >= 0.5 * len(good)
    pairs: list[int] = []
    # the list may end with a headline's summary (pair at end - 1) or a lone label after it (pair at end - 2)
    k = end - 2 if end - 2 >= start and _teaser_pair_at(scored, end - 2, spaced) else end - 1
    while k >= start:
        if _teaser_pair_at(scored, k, spaced):
            pairs.append(k)
            k -= 2
            while k >= start and scored[k].klass in (SHORT, BAD) and scored[k].feat.n_words <= 6:
                k -= 1  # dates or labels between teasers
            continue
        break
    if len(pairs) < 2:
        return end
    cut = min(pairs) - 1
    while cut >= start and scored[cut].klass != GOOD and scored[cut].feat.n_words <= 8 \
            and not scored[cut].cand.text.rstrip().endswith("."):
        cut -= 1  # the list's heading
    return cut if cut >= start else end


def _inside_marked_article(scored: list[Scored], k: int, end: int) -> bool:
    """An HTML block inside the article's container with more of the article's paragraphs after it."""
    c = scored[k].cand
    if not (c.in_text_container or c.confirmed):
        return False
    return any(s.klass == GOOD and (s.cand.in_text_container or s.cand.confirmed) for s in scored[k + 1:end + 1])


def _heading_like(s: Scored) -> bool:
    c = s.cand
    return (not c.text.rstrip().endswith(".") or c.heading > 0 or c.markup_role in MARKUP_KEPT
            or (s.rule is not None and s.rule.role == "dateline") or bool(BYLINE_LEAD.match(c.text)))


def _stops(s: Scored) -> bool:
    return s.rule is not None and s.rule.stop and not s.rule.weak


def _extend_end(scored: list[Scored], end: int) -> int:
    """Take in short closing sentences after the last strong paragraph ("Thank you.")."""
    k = end + 1
    while k < len(scored):
        s = scored[k]
        if s.klass in (BAD,) or s.rule is not None or not s.feat.ends_sentence or s.feat.n_stop == 0:
            break
        if s.cand.markup_role or s.cand.link_density >= 0.3:
            break
        end = k
        k += 1
    return end


def label(cands: list[Candidate], *, stopwords: frozenset[str] | None, repeated: Mapping[str, int] | None,
          fmt: str, title_hint: str | None = None) -> Labelling:
    scored = score_blocks(cands, stopwords, repeated, fmt)
    verdicts: list[Verdict | None] = [None] * len(scored)
    span = article_span(scored)
    start, end = span if span else (len(scored), len(scored) - 1)
    result = Labelling(scored, [], span[0] if span else None, span[1] if span else None)
    _label_article(scored, verdicts, start, end, fmt)
    _label_head(scored, verdicts, start, result, title_hint, fmt)
    _label_tail(scored, verdicts, end + 1)
    result.verdicts = [v if v is not None else Verdict("other_boilerplate", "outside the article") for v in verdicts]
    return result


def _bad_verdict(s: Scored) -> Verdict:
    if s.why_bad == "rule" and s.rule is not None:
        return Verdict(s.rule.role, s.rule.reason)
    if s.why_bad == "template":
        role = _template_role(s)
        return Verdict(role, f"repeats on {s.template}+ pages of this source")
    if s.why_bad == "markup" and s.cand.markup_role:
        return Verdict(s.cand.markup_role, s.cand.markup_reason or "page markup")
    if s.why_bad == "links":
        return Verdict("navigation" if s.feat.n_words <= 6 else "related", "mostly link text")
    return Verdict("other_boilerplate", "outside the article")


def _template_role(s: Scored) -> str:
    if s.rule is not None:
        return s.rule.role
    if s.cand.markup_role:
        return s.cand.markup_role
    return "navigation" if s.feat.n_words <= 6 else "other_boilerplate"


def _label_article(scored: list[Scored], verdicts: list[Verdict | None], start: int, end: int, fmt: str) -> None:
    for i in range(start, end + 1):
        s = scored[i]
        if s.klass == BAD:
            verdicts[i] = _bad_verdict(s)
        elif s.rule is not None and s.rule.role == "dateline" and not s.feat.is_prose:
            verdicts[i] = Verdict("dateline", s.rule.reason)
        elif fmt == "text" and start < i < end and _caption_shaped(scored, i):
            verdicts[i] = Verdict("caption", "short verbless line inside the article, like a picture caption")
        elif s.cand.confirmed:
            verdicts[i] = Verdict("body", "in the article text the page declares (or a second extractor finds)")
        elif s.klass == GOOD:
            verdicts[i] = Verdict("body", "prose paragraph")
        elif s.feat.is_bullet or s.cand.is_list_item:
            verdicts[i] = Verdict("body", "list item inside the article")
        elif s.feat.ends_sentence:
            verdicts[i] = Verdict("body", "short sentence inside the article")
        else:
            verdicts[i] = Verdict("body", "heading or short line inside the article")
    # the headline under an inline "Read more" label is the linked article's, not this one's
    for i in range(start + 1, end + 1):
        prev = verdicts[i - 1]
        if prev and prev.role == "related" and verdicts[i] and verdicts[i].role == "body" \
                and scored[i].klass != GOOD and not scored[i].feat.ends_sentence:
            verdicts[i] = Verdict("related", "headline of another article under a link label")
    # captions credited on the next/previous line: the line glued to a credit is its caption
    for i in range(start, end + 1):
        if verdicts[i] and verdicts[i].role == "caption" and "credit" in verdicts[i].reason:
            for j in (i - 1, i + 1):
                if start <= j <= end and verdicts[j] and verdicts[j].role == "body" and _glued(scored, i, j) \
                        and scored[j].feat.n_words <= 25:
                    verdicts[j] = Verdict("caption", "caption: next to an image credit")


def _glued(scored: list[Scored], i: int, j: int) -> bool:
    later = max(i, j)
    return scored[later].cand.gap_before == 0


def _caption_shaped(scored: list[Scored], i: int) -> bool:
    s = scored[i]
    text = s.cand.text.rstrip()
    if not text.endswith(".") or s.feat.n_words > 16 or s.feat.is_bullet:
        return False
    if scored[i - 1].klass != GOOD and scored[i + 1].klass != GOOD:
        return False  # a caption sits between paragraphs
    return looks_verbless(s.feat)


def _label_head(scored: list[Scored], verdicts: list[Verdict | None], start: int, result: Labelling,
                title_hint: str | None, fmt: str) -> None:
    head = range(0, min(start, len(scored)))
    for i in head:
        s = scored[i]
        if s.klass == BAD and s.why_bad == "template" and _byline_shaped(s) \
                and (BYLINE_LEAD.match(s.cand.text) or s.cand.markup_role == "byline"):
            verdicts[i] = Verdict("byline", "names the author (the same author writes other pages of this source)")
            result.bylines.append(i)
        elif s.klass == BAD:
            verdicts[i] = _bad_verdict(s)
        elif s.rule is not None and s.rule.role == "dateline":
            verdicts[i] = Verdict("dateline", s.rule.reason)
        elif s.cand.markup_role == "dateline" and s.feat.n_words <= 12:
            verdicts[i] = Verdict("dateline", s.cand.markup_reason or "date markup")
        elif (s.cand.markup_role == "byline" and s.feat.n_words <= 14 and not s.feat.is_prose) \
                or (BYLINE_LEAD.match(s.cand.text) and _byline_shaped(s)):
            verdicts[i] = Verdict("byline", s.cand.markup_reason if s.cand.markup_role == "byline"
                                  else "names the author")
            result.bylines.append(i)
        elif s.rule is not None and s.rule.weak:
            verdicts[i] = Verdict(s.rule.role, s.rule.reason)
    _glue_captions(scored, verdicts, range(0, min(start, len(scored))))
    title = _pick_title(scored, verdicts, start, title_hint)
    if title is not None:
        verdicts[title] = Verdict("title", "the article's headline")
        result.title = title
        # byline: a name-shaped line just after the title
        for j in range(title + 1, min(start, title + 5)):
            repeated_name = scored[j].why_bad == "template" and scored[j].rule is None
            if (verdicts[j] is None or repeated_name) and _byline_shaped(scored[j]):
                verdicts[j] = Verdict("byline", "author's name after the headline")
                result.bylines.append(j)
        for j in list(result.bylines):
            k = j + 1
            f = scored[k].feat if k < start else None
            if f is not None and verdicts[k] is None and 1 <= f.n_words <= 5 and not f.ends_sentence \
                    and any(w in vocabulary().byline_titles for w in f.lower_words):
                verdicts[k] = Verdict("byline", "the author's job title")
        # section: a short label on its own just before the title
        for j in range(title - 1, max(-1, title - 3), -1):
            if verdicts[j] is not None and verdicts[j].role != "navigation":
                continue
            repeated_label = scored[j].why_bad == "template" and scored[j].rule is None
            if (verdicts[j] is None or repeated_label) and _section_shaped(scored, j, fmt):
                verdicts[j] = Verdict("section", "section label above the headline")
                result.section = j
            break
    for i in head:
        if verdicts[i] is not None:
            continue
        s = scored[i]
        if s.feat.n_words <= 14 and s.cand.link_density < 0.5 and find_datetime(s.cand.text)[0] is not None:
            verdicts[i] = Verdict("dateline", "states a date, before the article")
        elif s.feat.is_prose and s.feat.n_words >= 12:
            verdicts[i] = Verdict("other_boilerplate", "text before the article, apart from it")
        elif s.feat.n_words >= 8 and s.feat.stop_density >= 0.2 and s.cand.link_density < 0.5:
            verdicts[i] = Verdict("other_boilerplate", "summary line above the article")
        else:
            verdicts[i] = Verdict("navigation", "short line before the article, like a menu entry")


def _glue_captions(scored: list[Scored], verdicts: list[Verdict | None], span: range) -> None:
    """A line glued to an image credit or caption label (no blank line between) is the picture's caption."""
    for i in span:
        v = verdicts[i]
        if not (v and v.role == "caption" and scored[i].rule is not None):
            continue
        for j in (i - 1, i + 1):
            if j in span and verdicts[j] is None and _glued(scored, i, j) and scored[j].rule is None \
                    and scored[j].feat.n_words >= 4:
                verdicts[j] = Verdict("caption", "next to an image credit or caption label")


def _pick_title(scored: list[Scored], verdicts: list[Verdict | None], start: int, hint: str | None) -> int | None:
    if hint:
        want = squash(hint).casefold()
        found = [i for i, s in enumerate(scored) if squash(s.cand.text).casefold() == want]
        if found:  # the headline itself, not a breadcrumb or link repeating it
            return max(found, key=lambda i: (scored[i].cand.heading > 0, scored[i].klass != BAD, i < start, -i))
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
    return best


def _title_score(s: Scored) -> float:
    f, c = s.feat, s.cand
    if c.heading == 1:
        return 5.0
    if not 3 <= f.n_words <= 30:
        return 0.0
    text = c.text.rstrip()
    if text.endswith((".", ",", ";")) and not text.endswith("..."):
        return 0.0
    if c.link_density > 0.5:
        return 0.0
    if looks_like_name(text):
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


def _byline_shaped(s: Scored) -> bool:
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
            verdicts[i] = _bad_verdict(s)
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
