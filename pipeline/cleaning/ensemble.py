"""A per-page ensemble with trafilatura: asked only when our own labelling gives cause to doubt, and weighed
block by block, so every block keeps one role and one reason that agree with the body.

1. doubt (``doubt``): our body is short, much article-like prose lies outside it (a wrong region) or inside a
   promotion's box after its start (a box left open), short lines make up much of it, it ends in blocks unlike
   its paragraphs, or it leaves out blocks between its own (holes); otherwise trafilatura is not run at all
   (speed). Words of the article's text container left out are no cause: weighing those pages against
   trafilatura made them worse on average on both splits (session 22);
2. projection (``project``): trafilatura's article mapped back onto our blocks (a block is in it when its text
   is a line of trafilatura's text, or, from four words, occurs in it);
3. decision (``decide``): trafilatura's region when it is much longer and holds ours, mostly by text before ours
   (``extend``: we began too late, on a fragment; the lists we saw in it, headlines and menus, stay out; when it
   mostly runs on after ours, into other stories or comments, ours is kept as it is: ``keep``) or lies elsewhere
   (``second``: we took a wrong region: a comment thread, a teaser grid); else a block-by-block
   merge: trafilatura's blocks inside our span, runs of them right next to it holding prose or all in the
   article's text container (not across a teaser or comment section we saw begin) and prose paragraphs
   elsewhere (not a teaser's summary, nor beyond a box the markup calls related, outside the article's markup;
   outside article markup, only what we took for a list: a site's notices there are chrome)
   join the body, as do lists and lines inside the article's markup that we took for a related box or a menu,
   and paragraphs side by side in a promotion's box the page never closed (not a lone appeal inside the article);
   when trafilatura keeps most of our body, our blocks after everything it keeps, non-prose ones
   before it, and short non-sentence lines inside it that it drops (widget labels, hover cards, teaser
   headlines) leave it;
4. relabelling (``apply``): blocks that change side get the ensemble's role and a reason naming the evidence;
   nothing past the article's sure end (an agency's sign-off, an 'About the author' heading) joins the body,
   nor what our line rules or the site's repeated lines mark as chrome.

Thresholds are data (``ENSEMBLE``), tuned on the dev split of ``bench/eval_cleaning.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .fallback import trafilatura_text
from .features import Features, squash
from .html import MAX_CONFIRM_WORK
from .rules import strong_rule
from .scoring import BAD, GOOD, Scored
from .verdicts import Labelling, Verdict

ENSEMBLE: dict[str, float] = {
    "doubt_body_words": 250,        # a body shorter than this is checked when ...
    "doubt_short_good": 20,         # ... blocks judged article-like outside it hold more words than this, or
                                    # trafilatura already ran (none: it found no better article, 114 of 162 dev pages)
    "doubt_outside_prose": 0.3,     # prose words outside the body / body words above this: maybe a wrong region
    "doubt_short_lines": 0.5,       # words of short non-prose lines inside the body / body words above this
    "doubt_tail_words": 40,         # the body ends in at least this many words of blocks unlike its paragraphs
    "doubt_tail_share": 0.25,       # ... and at most this share of it (more: the page's own layout, not a tail)
    "doubt_holes": 0.10,            # words dropped between the body's first and last blocks / body words above this
    "substring_min_words": 4,       # a shorter block is in trafilatura's article only as a whole line of it
    "extend_max_gap": 2,            # blocks outside both articles bridged when extending ours by trafilatura's
    "extend_min_prose": 20,         # prose words a run of trafilatura's blocks next to our body needs to join it
    "trim_overlap": 0.7,            # share of our body trafilatura keeps before our blocks beyond its are cut
    "second_length_ratio": 2.0,     # trafilatura's body this many times ours and ours mostly inside it: take it
    "second_overlap": 0.6,          # share of our body words that trafilatura also keeps, for "second"
    "extend_before_share": 0.5,     # ... and at least this share of what it adds comes before ours (we began too
                                    # late; what it runs on into after ours was other stories or comments on the
                                    # dev pages, where extending never helped)
    "disjoint_overlap": 0.2,        # below this share kept by trafilatura, the two chose different regions
    "open_box_paragraphs": 3,       # prose paragraphs trafilatura keeps side by side in a promotion's box: left open
    "open_box_words": 100,          # ... holding at least this many words
}


@dataclass(frozen=True)
class Decision:
    """What the ensemble chose for a page, the blocks trafilatura keeps, and why."""

    choice: str          # "merge", "extend" (trafilatura's article holds ours), "keep" (it holds ours but runs on
                         # after it: ours stands) or "second" (it lies elsewhere)
    in_second: frozenset[int]
    why: str


def _words(scored: list[Scored], idx) -> int:
    return sum(scored[i].feat.n_words for i in idx)


def doubt(lab: Labelling, at_hand: bool = False) -> str | None:
    """Why our labelling of a page may be wrong (None when it looks sound and trafilatura need not run);
    ``at_hand``: trafilatura's article is already there (a short body is then always weighed against it)."""
    scored, verdicts = lab.scored, lab.verdicts
    body = frozenset(i for i, v in enumerate(verdicts) if v.role == "body")
    n_body = _words(scored, body)
    if n_body < ENSEMBLE["doubt_body_words"]:
        good_outside = (i for i, s in enumerate(scored) if i not in body and s.klass == GOOD)
        if at_hand or _words(scored, good_outside) > ENSEMBLE["doubt_short_good"]:
            return f"a short body ({n_body} words)"
    if not body:
        return None  # trafilatura, asked already, found nothing
    outside = sum(s.feat.n_words for i, s in enumerate(scored)
                  if i not in body and s.klass == GOOD and _prose(s.feat) and verdicts[i].role != "caption"
                  and not (i and _teaser_headline(scored[i - 1])))  # a teaser's summary: not the article
    if outside > ENSEMBLE["doubt_outside_prose"] * n_body:
        return f"{outside} words of prose outside a {n_body}-word body"
    boxed = _words(scored, _boxed_prose(lab, min(body)))
    if boxed > ENSEMBLE["doubt_outside_prose"] * n_body:
        return f"{boxed} words of prose inside a promotion's box after the start of a {n_body}-word body"
    short = sum(scored[i].feat.n_words for i in body if scored[i].klass != GOOD)
    if short > ENSEMBLE["doubt_short_lines"] * n_body:
        return f"{short} words of short lines inside a {n_body}-word body"
    tail = _unlike_tail(scored, body)
    if ENSEMBLE["doubt_tail_words"] <= tail <= ENSEMBLE["doubt_tail_share"] * n_body:
        return f"the body ends in {tail} words of blocks unlike its paragraphs (a bio, sign-up or notice box?)"
    holes = _holes(lab, body)
    if holes > ENSEMBLE["doubt_holes"] * n_body:
        return f"{holes} words dropped between blocks of a {n_body}-word body"
    return None


def _holes(lab: Labelling, body: frozenset[int]) -> int:
    """Words of the blocks between the body's first and last that it leaves out (captions, head lines and what a
    strong rule names aside): links, labels or boxes we judged chrome inside the article, where a second opinion
    decides block by block."""
    lo, hi = min(body), max(body)
    return sum(lab.scored[i].feat.n_words for i in range(lo + 1, hi)
               if i not in body and lab.verdicts[i].role not in HEAD_ROLES
               and not (lab.scored[i].rule is not None and lab.scored[i].rule.strong))


def _unlike_tail(scored: list[Scored], body: frozenset[int]) -> int:
    """Words of the body after its last block of the tag that holds most of its words (its paragraphs)."""
    by_tag: dict[str, int] = {}
    for i in body:
        by_tag[scored[i].cand.tag] = by_tag.get(scored[i].cand.tag, 0) + scored[i].feat.n_words
    if not by_tag:
        return 0
    main = max(by_tag, key=by_tag.__getitem__)
    last = max(i for i in body if scored[i].cand.tag == main)
    return sum(scored[i].feat.n_words for i in body if i > last)


def _prose(f: Features) -> bool:
    return f.is_prose or (f.n_words >= 25 and f.stop_density >= 0.2)


def project(lab: Labelling, article: str) -> frozenset[int]:
    """Blocks whose text is a line of the second extractor's article or occurs in it."""
    lines = {" ".join(line.split()).casefold() for line in article.splitlines()}
    haystack = " ".join(article.split()).casefold()
    budget = MAX_CONFIRM_WORK
    out = []
    for i, s in enumerate(lab.scored):
        text = " ".join(s.cand.text.split()).casefold()
        if not text:
            continue
        if text in lines:
            out.append(i)
        elif s.feat.n_words >= ENSEMBLE["substring_min_words"] and budget > 0:
            budget -= len(haystack)
            if text in haystack:
                out.append(i)
    return frozenset(out)


def decide(lab: Labelling, in_second: frozenset[int]) -> tuple[str, str]:
    """Take trafilatura's region when it is much longer and holds ours, adding mostly what comes before ours, or
    lies elsewhere; keep ours when it holds ours but runs on after it; else merge the two block by block; and
    why."""
    scored = lab.scored
    ours = frozenset(i for i, v in enumerate(lab.verdicts) if v.role == "body")
    if ours:  # the paragraphs of a promotion's box left open join ours whatever is chosen: count them as ours
        ours |= frozenset(_open_promo_box(lab, in_second, min(ours)))
    # blocks we gave a role of the page's head or captions keep it whatever trafilatura says: not counted
    takeable = frozenset(i for i in in_second if lab.verdicts[i].role not in HEAD_ROLES)
    n_ours, n_second = _words(scored, ours), _words(scored, takeable)
    shared = _words(scored, ours & takeable)
    if n_second >= ENSEMBLE["second_length_ratio"] * max(n_ours, 1) \
            and shared >= ENSEMBLE["second_overlap"] * n_ours:
        first = min(ours, default=0)
        before = _words(scored, (i for i in takeable - ours if i < first))
        if before < ENSEMBLE["extend_before_share"] * (n_second - shared):
            return "keep", (f"trafilatura's article holds ours and runs on after it: {n_second} words to our "
                            f"{n_ours}, {before} of them before ours")
        return "extend", (f"trafilatura's article holds ours and is {n_second} words to our {n_ours}, "
                          f"{before} of them before ours")
    if shared < ENSEMBLE["disjoint_overlap"] * n_ours and n_second >= ENSEMBLE["second_length_ratio"] * n_ours:
        return "second", f"trafilatura's article lies elsewhere and is {n_second} words to our {n_ours}"
    return "merge", f"trafilatura keeps {shared} of our {n_ours} body words and {n_second - shared} others"


def consult(html: str, lab: Labelling, article: str | None = None) -> Decision | None:
    """The ensemble's decision for an HTML page (None when no doubt or trafilatura finds nothing); ``article``
    is trafilatura's text when it already ran on the page."""
    reason = doubt(lab, at_hand=bool(article))
    if reason is None:
        return None
    article = article or trafilatura_text(html)
    if not article:
        return None
    in_second = project(lab, article)
    choice, why = decide(lab, in_second)
    return Decision(choice, in_second, f"{reason}; {why}")


SECTION_ROLES = frozenset({"related", "comment", "promo"})
# lists we saw (other articles' headlines, menus): trafilatura's article that holds ours and runs on over them has
# taken a page's lists or its comment thread for the article (pages without article markup), not found more of it
LIST_ROLES = frozenset({"related", "navigation"})
ARTICLE_BOX_ROLES = frozenset({"related", "navigation"})
HEAD_ROLES = frozenset({"title", "byline", "dateline", "section", "comment", "caption"})


def apply(lab: Labelling, decision: Decision | None) -> list[Verdict]:
    """The verdicts after the ensemble's decision: blocks that change side get its role and reason."""
    if decision is None or decision.choice == "keep":
        return lab.verdicts
    out = _take_second(lab, decision) if decision.choice in ("second", "extend") else _merge(lab, decision)
    return _not_past_sign_off(lab, out)


def _not_past_sign_off(lab: Labelling, out: list[Verdict]) -> list[Verdict]:
    """Nothing past the article's sure end after our body's start (a ``final`` line rule: an agency's copyright
    notice, an 'About the author' heading) joins the body: the story ends there, and what trafilatura runs on into
    is another piece, the author's bio or the site's chrome."""
    body = [i for i, v in enumerate(lab.verdicts) if v.role == "body"]
    if not body:
        return out
    end = next((k for k in range(body[0] + 1, len(lab.scored))
                if lab.scored[k].rule is not None and lab.scored[k].rule.final), None)
    if end is None:
        return out
    return out[:end] + [v if v.role != "body" or lab.verdicts[end + k].role == "body" else lab.verdicts[end + k]
                        for k, v in enumerate(out[end:])]


def _take_second(lab: Labelling, decision: Decision) -> list[Verdict]:
    """Trafilatura's article becomes the body, but for what our line rules or the site's repeated lines mark as
    chrome (``_joinable``); when it holds ours (``extend``), blocks we saw as lists stay out too."""
    out = list(lab.verdicts)
    keep = HEAD_ROLES | LIST_ROLES if decision.choice == "extend" else HEAD_ROLES
    for i, v in enumerate(out):
        if i in decision.in_second and v.role not in keep and _joinable(lab, i):
            out[i] = Verdict("body", f"in trafilatura's article (ensemble: {decision.why})")
        elif v.role == "body" and i not in decision.in_second:
            out[i] = Verdict("other_boilerplate", f"not in trafilatura's article (ensemble: {decision.why})")
    return out


def _merge(lab: Labelling, decision: Decision) -> list[Verdict]:
    """Blocks of trafilatura's article inside our span, runs of them right before or after it, and prose
    elsewhere (not a teaser's summary) join the body; when trafilatura keeps most of our body, our blocks before
    or after all it keeps, and short non-sentence lines inside it that it drops, leave the body."""
    out = list(lab.verdicts)
    second = decision.in_second
    body = [i for i, v in enumerate(out) if v.role == "body"]
    if not body or not second:
        return out
    joined = _joining(lab, second, body[0], body[-1])
    for i in joined:
        out[i] = Verdict("body", f"in trafilatura's article, inside or next to ours (ensemble: {decision.why})")
    for i in _leaving(lab, second, body):
        out[i] = Verdict("other_boilerplate", f"not in trafilatura's article, which keeps the rest of ours "
                                              f"(ensemble: {decision.why})")
    return out


def _joinable(lab: Labelling, i: int) -> bool:
    v, s = lab.verdicts[i], lab.scored[i]
    return v.role != "body" and v.role not in HEAD_ROLES and s.why_bad not in ("rule", "template") \
        and not _chrome_in_words(s) and not _headline_copy(lab, i)


def _headline_copy(lab: Labelling, i: int) -> bool:
    """Block i repeats the page's headline (a trending box or a video card naming the article): never its text."""
    return lab.title is not None and i != lab.title \
        and squash(lab.scored[i].cand.text).casefold() == squash(lab.scored[lab.title].cand.text).casefold()


def _chrome_in_words(s: Scored) -> bool:
    """A block judged by its markup whose own words a strong line rule also marks as chrome (a letters or
    sign-up prompt in a 'cta' box): trafilatura keeping it does not make it the article's."""
    if s.rule is not None or s.why_bad != "markup":
        return False
    rule = strong_rule(squash(s.cand.text), s.feat.n_words)
    return rule is not None and rule.role in ("promo", "comment", "other_boilerplate", "navigation")


def _joining(lab: Labelling, second: frozenset[int], first: int, last: int) -> list[int]:
    """Blocks of trafilatura's article that join our body."""
    scored = lab.scored
    headline = max((k for k in range(first) if lab.verdicts[k].role == "title"), default=first)
    out = [i for i in second if first < i < last and _joinable(lab, i) and not _promo_box(lab, i)]
    out += [i for i in second if not first < i < last and _joinable(lab, i) and scored[i].klass != BAD
            and _prose(scored[i].feat) and not _stray_chrome(lab, i, headline, first)
            and not (i and _teaser_headline(scored[i - 1])) and not _beyond_marked_sidebar(lab, i, first, last)]
    out += [i for i in second if i > first and _in_article_box(lab, i)]
    out += _open_promo_box(lab, second, first)
    for step, edge in ((1, last), (-1, first)):
        run, gap, k = [], 0, edge + step
        while 0 <= k < len(scored) and gap <= ENSEMBLE["extend_max_gap"]:
            if lab.verdicts[k].role in SECTION_ROLES or _linked_headline(scored[k]):
                break  # teasers or a comment thread begin here: trafilatura's run ends too
            if k in second and _joinable(lab, k):
                run.append(k)
                gap = 0
            elif k not in second:
                gap += 1
            k += step
        if sum(scored[i].feat.n_words for i in run if scored[i].klass == GOOD) >= ENSEMBLE["extend_min_prose"] \
                or (run and all(scored[i].cand.in_text_container for i in (*run, edge))):
            out += run  # prose, or more of the article's text container (a review's title, a spec list)
    return sorted(set(out))


def _stray_chrome(lab: Labelling, i: int, headline: int, first: int) -> bool:
    """Prose away from our body, outside the page's article markup, that we saw as no list of any kind: a site's
    notice, disclaimer or comment rules in a page without article markup (2008's table layouts), which
    trafilatura keeps there; never the article on the dev sets, where a list we took for related (a project's
    links, each with a line on it) sometimes is. A paragraph between the headline (block ``headline``, the last
    title above our body) and our body (from block ``first``) is the article's standfirst, not stray."""
    c = lab.scored[i].cand
    if c.in_article or c.in_text_container or lab.verdicts[i].role not in ("other_boilerplate", "navigation"):
        return False
    return not headline < i < first


def _in_article_box(lab: Labelling, i: int) -> bool:
    """A list or line inside the page's article markup that we took for a related box or a menu by its links
    (sources, references, "Related: ..." lines, a contents list) and trafilatura keeps: the article's own, inside
    or after our body (promotions stay out: mostly subscription prompts; so do another article's headline over its
    summary and a copy of the page's own headline, in a trending box or a video card)."""
    v, s = lab.verdicts[i], lab.scored[i]
    return s.cand.in_article and v.role in ARTICLE_BOX_ROLES and s.why_bad != "template" \
        and not (s.cand.heading and _linked_headline(s)) and not _headline_copy(lab, i)


def _promo_box(lab: Labelling, i: int) -> bool:
    """Block i is left out for the promotion's box its markup puts it in (an appeal, a sign-up prompt inside the
    article): trafilatura keeping it does not make it the article's, unless the box was left open."""
    return lab.verdicts[i].role == "promo" and lab.scored[i].why_bad == "markup"


def _boxed_prose(lab: Labelling, first: int) -> list[int]:
    """Blocks after ``first`` that are prose by their words, with no rule against them, left out only for the
    promotion's box in the article's markup around them."""
    scored = lab.scored
    return [i for i in range(first + 1, len(scored)) if _promo_box(lab, i)
            and scored[i].base_klass == GOOD and scored[i].rule is None
            and scored[i].cand.in_article and _prose(scored[i].feat)]


def _open_promo_box(lab: Labelling, second: frozenset[int], first: int) -> list[int]:
    """Paragraphs after our body's start that trafilatura keeps, prose by their words, which we left out only for
    a promotion's box around them: a sign-up box the page never closes, so the article's paragraphs after it sit
    inside it, side by side in one element. Taken when at least ``open_box_paragraphs`` of them, of
    ``open_box_words`` words, share their element (one prose prompt in a box is the box's own, and teasers'
    summaries each sit in a card of their own)."""
    found = [i for i in _boxed_prose(lab, first) if i in second]
    by_parent: dict[int, list[int]] = {}
    for i in found:  # the article's paragraphs sit side by side in the open box; teasers' summaries each in a card
        by_parent.setdefault(lab.scored[i].cand.parent, []).append(i)
    found = max(by_parent.values(), key=lambda run: _words(lab.scored, run), default=[])
    if len(found) < ENSEMBLE["open_box_paragraphs"] or _words(lab.scored, found) < ENSEMBLE["open_box_words"]:
        return []
    return found


def _beyond_marked_sidebar(lab: Labelling, i: int, first: int, last: int) -> bool:
    """Block i lies outside the page's article markup, beyond a box its markup calls related (a sidebar, a
    'popular' list) between it and our body: a teaser's or a quiz card's summary, not the article resuming."""
    if lab.scored[i].cand.in_article:
        return False
    between = range(last + 1, i) if i > last else range(i + 1, first)
    return any(lab.scored[k].cand.markup_role == "related" for k in between)


def _leaving(lab: Labelling, second: frozenset[int], body: list[int]) -> list[int]:
    """Our body blocks that leave it: after all trafilatura keeps of ours, before it unless prose (a standfirst),
    or short non-sentence lines it drops."""
    scored = lab.scored
    kept = second & frozenset(body)
    if not kept or _words(scored, kept) < ENSEMBLE["trim_overlap"] * _words(scored, body):
        return []
    lo, hi = min(kept), max(kept)
    return [i for i in body if i not in second
            and ((i < lo and scored[i].klass != GOOD) or i > hi or _chrome(scored[i]))]


def _linked_headline(s: Scored) -> bool:
    """Another article's headline: a short line that is mostly a link, outside the article's text container."""
    c = s.cand
    return c.link_density >= 0.5 and s.feat.n_words <= 18 and not c.in_text_container


def _teaser_headline(s: Scored) -> bool:
    """A linked headline that a summary may follow (the last item of a list of links is not one: prose after a
    list of related links is the article resuming)."""
    return _linked_headline(s) and not s.cand.is_list_item


def _chrome(s: Scored) -> bool:
    """A short line that is no sentence, heading or list item: a widget label or teaser inside the article."""
    c = s.cand
    return s.klass != GOOD and not s.feat.ends_sentence and not c.heading and not c.is_list_item \
        and not c.in_table and c.tag != "pre" and not s.feat.is_bullet
