"""Where the article sits: the run of blocks with the most article evidence (a maximum-sum segment), ended by
comment or related sections and trailing teaser lists, trimmed of headlines above its first paragraph."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .features import squash
from .rules import match_rule
from .scoring import BAD, GOOD, MARKUP_KEPT, NEAR, SHORT, Scored, weight

MIN_ARTICLE_WORDS_BEFORE_STOP = 40
REPORTING_CREDITS = re.compile(r"^[(\[]?(additional )?(reporting|writing|editing|research|compiled) by\b",
                               re.IGNORECASE)  # an agency's credits, in brackets or not
BYLINE_LEAD = re.compile(r"^(by|from|par|von|por|di|door|gan|written by|words by|author|reported by)\s*:?\s+",
                         re.IGNORECASE)


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
    weights = [weight(s) for s in scored]
    good_words = [s.feat.n_words if s.klass == GOOD else 0 for s in scored]
    prose = _prose_before(scored)
    seen = 0
    for i, s in enumerate(scored):
        if _stops(s) and s.rule.role == "comment" and seen >= MIN_ARTICLE_WORDS_BEFORE_STOP \
                and not _toolbar_link(scored, i, prose) and not heading_of_the_text(scored, i):
            for j in range(i, len(weights)):
                weights[j] = -abs(weights[j]) - 1.0
            break
        seen += good_words[i]
    span = _kadane(weights)
    if span is None:
        return None
    start, end = _cut_at_stops(scored, weights, good_words, prose, *span)
    while end >= start and weights[end] <= 0:
        end -= 1
    end = _cut_teaser_list(scored, start, end)
    end = _cut_stacked_teasers(scored, start, end)
    start = _skip_headline_stream(scored, weights, prose, start, end)
    while start < end and scored[start].klass != GOOD and _heading_like(scored[start]):
        start += 1  # a headline, byline or date above the first paragraph is not the article's text
    end = _later_siblings(scored, _extend_end(scored, end))
    start = _extend_start(scored, _earlier_siblings(scored, start))
    return start, end


NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+\S")


def item_number(s: Scored) -> int | None:
    """The number a block opens with ('5. Beware the hairdryer'), if any."""
    m = NUMBERED.match(s.cand.text)
    return int(m.group(1)) if m else None


class Numbering:
    """Where a listicle's numbering stands at each block from ``start``: the last two numbers before it (one pass,
    so asking at every block of a long numbered list stays linear)."""

    def __init__(self, scored: list[Scored], start: int) -> None:
        self.numbers = [item_number(s) for s in scored]
        self.last: list[int | None] = [None] * len(scored)
        self.before: list[int | None] = [None] * len(scored)
        last = before = None
        for k in range(start, len(scored)):
            self.last[k], self.before[k] = last, before
            if self.numbers[k] is not None:
                before, last = last, self.numbers[k]

    def continues(self, k: int) -> bool:
        """Block k opens with the number after the last of a run of numbered items (two or more, counting up)
        of the article: a listicle's next item."""
        number, last, before = self.numbers[k], self.last[k], self.before[k]
        return number is not None and last is not None and before == last - 1 and number == last + 1


TABLE_CELL_WORDS = 6       # a table's cell or a short list's item, on a line of its own: at most this many words
TABLE_MIN_CELLS = 4        # lines of such a run, at least
TABLE_MAX_CELLS = 400      # ... and at most
TABLE_CELL_ROLES = frozenset({"dateline"})  # roles of rules a cell may match (a date, a 'Date' column head) ...
TABLE_CELL_REASONS = frozenset({"counter"})  # ... and reasons (a number)


def resume_after_table(scored: list[Scored], start: int, end: int) -> tuple[int, list[range]]:
    """Tables and lists the article announces ('The release history tells a different story:'), set out a cell
    or item per line, with the article's prose after them: their lines are the article's (a cell may be a bare
    number or date), and where one ran past the span's end (short lines weigh against it) the article resumes
    after it, through its prose. The new end, and the runs."""
    runs: list[range] = []
    k = start
    while k <= end:
        if scored[k].klass != GOOD or not scored[k].cand.text.rstrip().endswith(":"):
            k += 1
            continue
        j = k + 1
        while j < len(scored) and j - k <= TABLE_MAX_CELLS and scored[j].feat.n_words <= TABLE_CELL_WORDS \
                and (scored[j].rule is None or scored[j].rule.reason in TABLE_CELL_REASONS
                     or scored[j].rule.role in TABLE_CELL_ROLES):
            j += 1
        if j < len(scored) and j - k - 1 >= TABLE_MIN_CELLS and scored[j].klass == GOOD \
                and scored[j].rule is None and scored[j].feat.n_words >= RESUME_MIN_WORDS:
            runs.append(range(k + 1, j))
            if j > end:
                end = _run_on(scored, j, lambda _: False)
        k = j
    return end, runs


CLOSING_ITEM_WORDS = 15   # an item of a list that closes the article: at most this many words ...
CLOSING_ITEMS = (2, 30)   # ... and that many items
CLOSING_LEAD_WORDS = 8    # the sentence announcing it ('I'll summarize them:'): at least this many words
CLOSING_AFTER_ROLES = frozenset({"byline", "dateline"})  # what may follow the list besides chrome: its credits


def closing_list(scored: list[Scored], end: int) -> range | None:
    """A list that closes the article, announced by its last paragraph ('... so I'll summarize them:') and set
    out an item per line, with the page's chrome, the author or the date right after it (never prose: items
    with a summary each are teasers): the article's. The items, if so."""
    lead = scored[end] if 0 <= end < len(scored) else None
    if lead is None or lead.klass != GOOD or not lead.cand.text.rstrip().endswith(":") \
            or lead.feat.n_words < CLOSING_LEAD_WORDS:
        return None
    j = end + 1
    while j < len(scored) and j - end <= CLOSING_ITEMS[1] and scored[j].klass != BAD and scored[j].rule is None \
            and scored[j].feat.n_words <= CLOSING_ITEM_WORDS and not BYLINE_LEAD.match(scored[j].cand.text):
        j += 1
    after = scored[j] if j < len(scored) else None
    if j - end - 1 < CLOSING_ITEMS[0] or not (after is None or after.klass == BAD or BYLINE_LEAD.match(after.cand.text)
                                              or (after.rule is not None and after.rule.role in CLOSING_AFTER_ROLES)):
        return None
    return range(end + 1, j)


SUBHEADING_WORDS = 10  # a subheading between a resumed article's paragraphs: at most this many words


def _run_on(scored: list[Scored], end: int, also: Callable[[int], bool]) -> int:
    """Where a resumed article's text ends: its prose paragraphs, subheadings over more of them, and blocks
    ``also`` takes (a listicle's next items)."""
    while end + 1 < len(scored):
        nxt = scored[end + 1]
        subheading = nxt.rule is None and nxt.feat.n_words <= SUBHEADING_WORDS and not nxt.feat.ends_sentence \
            and end + 2 < len(scored) and scored[end + 2].klass == GOOD and scored[end + 2].rule is None
        if not (nxt.klass == GOOD or subheading or also(end + 1)):
            return end
        end += 1
    return end


LISTICLE_WINDOW = 200  # blocks after a listicle's pause searched for its next item (a gallery may sit between)


def resume_listicle(scored: list[Scored], numbering: Numbering, end: int) -> tuple[int, list[range]]:
    """A listicle paused by a box inside it (a 'Read more' label over other articles' headlines, a gallery):
    when a block after the end carries on the article's numbering, with prose right under it and no comment
    section between, the article resumes there and runs on through its prose and next items. The new end, and
    the boxes passed over (not the article's text)."""
    boxes: list[range] = []
    while True:
        resumed = None
        for k in range(end + 1, min(len(scored) - 1, end + 1 + LISTICLE_WINDOW)):
            if scored[k].rule is not None and scored[k].rule.role == "comment":
                break
            if scored[k + 1].klass == GOOD and numbering.continues(k):
                resumed = k
                break
        if resumed is None:
            return end, boxes
        boxes.append(range(end + 1, resumed))
        end = _run_on(scored, resumed, numbering.continues)


RESTART_MIN_WORDS = 150     # words of long paragraphs a later run needs to be taken for the article instead ...
RESTART_RATIO = 2.0         # ... and this many times those of the run before the section heading
LONG_PARAGRAPH_WORDS = 30   # a paragraph this long is an article's, not a teaser's blurb


def _cut_at_stops(scored: list[Scored], weights: list[float], good_words: list[int], prose: list[int],
                  start: int, end: int) -> tuple[int, int]:
    """End the run at its first section heading (comments, related stories, ...; not one inside the article's
    markup, a box the article's prose resumes after, nor a link in its toolbar, but always a ``final`` one: an
    agency's sign-off, 'About the author') or the page's own end; but when the run after the heading holds much
    more long prose than the run before it (a menu of one-line blurbs above a 'View all' heading, the article far
    below), the article is that later run, judged the same way (``prose``: ``_prose_before``; lone blurbs each
    under a headline, another section's list of stories, do not count)."""
    while True:
        seen, cut = 0, None
        for k in range(start, end + 1):
            s = scored[k]
            if _stops(s) and seen >= MIN_ARTICLE_WORDS_BEFORE_STOP and (s.rule.final or (
                    not _inside_marked_article(scored, k, end) and not _toolbar_link(scored, k, prose)
                    and not heading_of_the_text(scored, k) and not _prose_resumes(scored, k, end))):
                cut = k
                break
            if seen >= MIN_ARTICLE_WORDS_BEFORE_STOP and _page_end(s):
                return start, k - 1  # text after the page's own footer (a modal, a hidden panel) is not this article
            seen += good_words[k]
        if cut is None:
            return start, end
        later = _kadane(weights[cut + 1:end + 1])
        if later is None:
            return start, cut - 1
        later_start, later_end = cut + 1 + later[0], cut + 1 + later[1]
        after = prose[later_end + 1] - prose[later_start] - sum(  # a teaser's lone blurb under its headline
            _long_statement_words(scored[k]) for k in range(later_start, later_end + 1) if _lone_blurb(scored, k))
        if after < RESTART_MIN_WORDS or after < RESTART_RATIO * (prose[cut] - prose[start]):
            return start, cut - 1
        start, end = later_start, later_end


def _long_statement_words(s: Scored) -> int:
    """A block's words when it is a long prose paragraph ending as a statement (a teaser's summary, cut short,
    does not), else 0."""
    long = s.klass == GOOD and s.rule is None and s.feat.n_words >= LONG_PARAGRAPH_WORDS \
        and STATEMENT_END.search(s.cand.text) is not None
    return s.feat.n_words if long else 0


def _later_siblings(scored: list[Scored], end: int) -> int:
    """Take in the article's closing paragraphs set after a box inside its text (related stories, a gallery): prose
    paragraphs below its last one, in the same element as it (siblings), with no prose of another element, no
    comment section, page footer, ``final`` rule (an agency's sign-off), main heading or linked headline between."""
    parent = scored[end].cand.parent if 0 <= end < len(scored) else 0
    if not parent:
        return end
    found = end
    for k in range(end + 1, len(scored)):
        s = scored[k]
        c = s.cand
        if c.heading == 1 or (c.heading and c.link_density >= 0.5) or _page_end(s) \
                or (s.rule is not None and (s.rule.role == "comment" or s.rule.final)):
            break
        if s.klass != GOOD:
            if _teaser_pair_at(scored, k, False) and not c.is_list_item and c.markup_role is None:
                break  # another article's linked headline over its summary, in no box or list of its own (the
                # last link of a list or a related box inside the article may sit right above its next paragraph)
            continue
        if c.parent != parent:
            break
        if s.rule is None and c.link_density < 0.5:
            found = k
    return found


def _earlier_siblings(scored: list[Scored], start: int) -> int:
    """Take in the article's opening paragraphs cut off from the rest by a heavy box (a table of contents, a
    sign-up or gallery box set inside the text): prose paragraphs above the first one, in the same element as
    it (siblings), with no prose of another element, no main heading and no linked headline between (above
    those: other articles' summaries on a page of flat markup)."""
    parent = scored[start].cand.parent if start < len(scored) else 0
    if not parent:
        return start
    found = start
    for i in range(start - 1, -1, -1):
        s = scored[i]
        c = s.cand
        if c.heading == 1 or (c.heading and c.link_density >= 0.5):
            break
        if s.klass != GOOD:
            continue
        if c.parent != parent:
            break  # prose of another element: the article's text does not reach above it
        if s.rule is None and c.link_density < 0.5:
            found = i
    return found


def _teaser_pair_at(scored: list[Scored], k: int, spaced: bool) -> bool:
    """Block k is another article's headline and k+1 its summary (a glued pair in a spaced text, or a link)."""
    if k < 0 or k + 1 >= len(scored):
        return False
    head, summary = scored[k], scored[k + 1]
    if not _headline_shaped(head):
        return False
    if summary.klass not in (GOOD, NEAR) or summary.feat.n_sentences > 3:
        return False
    if head.cand.link_density >= 0.5 and not (head.cand.in_text_container or head.cand.confirmed):
        return True  # a linked headline outside the article's own text container
    if head.cand.heading and head.cand.link_density >= LINKED_HEADING_DENSITY and not head.cand.confirmed \
            and head.feat.n_words >= LINKED_HEADING_WORDS:
        return True  # a heading that is all link, of a headline's length: another article's, wherever it sits
    return spaced and summary.cand.gap_before == 0 and head.cand.link_density == 0.0


def _dated_teaser_at(scored: list[Scored], k: int) -> bool:
    """Block k is another article's linked headline, k+1 a short label under it (its date, 'Updated ...') and
    k+2 its summary."""
    if k < 0 or k + 2 >= len(scored):
        return False
    head, label, summary = scored[k], scored[k + 1], scored[k + 2]
    if not _headline_shaped(head):
        return False
    if head.cand.link_density < 0.5 or head.cand.in_text_container or head.cand.confirmed:
        return False
    if label.klass == GOOD or label.feat.ends_sentence or label.feat.n_words > TEASER_LABEL_WORDS:
        return False
    return summary.klass in (GOOD, NEAR) and summary.feat.n_sentences <= 3 and summary.cand.link_density < 0.5


def _teaser_summary(scored: list[Scored], k: int, spaced: bool) -> int | None:
    """Where the summary of a teaser headed by block k sits (right under it, or under its date), if it is one."""
    if _teaser_pair_at(scored, k, spaced):
        return k + 1
    return k + 2 if _dated_teaser_at(scored, k) else None


def _cut_teaser_list(scored: list[Scored], start: int, end: int) -> int:
    """End the article before a trailing list of headline + summary pairs (other articles' teasers), a date
    line may sit between a headline and its summary."""
    good = [s for s in scored[start:end + 1] if s.klass == GOOD]
    spaced = len(good) >= 3 and sum(s.cand.gap_before >= 1 for s in good) >= 0.5 * len(good)
    pairs: list[int] = []
    # the list may end with a headline's summary or a lone label after it
    k = next((h for h in (end - 2, end - 1, end - 3) if h >= start and _teaser_summary(scored, h, spaced)
              in (end - 1, end)), end - 1)
    while k >= start:
        if _teaser_summary(scored, k, spaced) is not None:
            pairs.append(k)
            k -= 1  # the block before this headline: the last of the previous teaser
            while k >= start and _teaser_summary(scored, k - 1, spaced) != k \
                    and not _dated_teaser_at(scored, k - 2) and scored[k].klass in (SHORT, BAD) \
                    and scored[k].feat.n_words <= 6:
                k -= 1  # dates or labels between teasers
            k -= 2 if _teaser_summary(scored, k - 1, spaced) != k and _dated_teaser_at(scored, k - 2) else 1
            continue
        break
    summary = (_teaser_summary(scored, pairs[0], spaced) or 0) if len(pairs) == 1 else 0
    linked_last = len(pairs) == 1 and summary >= end - 1 and scored[pairs[0]].cand.link_density >= 0.5 \
        and all(s.klass != GOOD for s in scored[summary + 1:end + 1])
    if len(pairs) < 2 and not linked_last:  # one linked headline and its summary closing the run also counts
        return end
    cut = min(pairs) - 1
    while cut >= start and scored[cut].klass != GOOD and scored[cut].feat.n_words <= 8 \
            and not scored[cut].cand.text.rstrip().endswith("."):
        cut -= 1  # the list's heading
    return cut if cut >= start else end


def _cut_stacked_teasers(scored: list[Scored], start: int, end: int) -> int:
    """In a text scrape of a line per block (no blank line glues a headline to its summary, no markup): end the
    article before a stream of teaser cards after its last run of paragraphs: STACKED_MIN_TEASERS or more
    headline lines each over a short summary, holding most of the prose there, with a card label (a source, a
    section, a picture credit) repeated as often; and before the short lines and lone blurbs above the stream.
    An article's paragraphs come in runs or run long; a card's blurb stands alone (a listicle repeats no label)."""
    if scored[end].cand.tag or any(s.cand.gap_before for s in scored[start + 1:end + 1]):
        return end
    last_run = next((k for k in range(end - 1, start - 1, -1)
                     if scored[k].klass == GOOD and scored[k + 1].klass == GOOD), None)
    if last_run is None:
        return end
    heads = [k - 1 for k in range(last_run + 2, end + 1) if _stacked_teaser(scored, k)]
    n = STACKED_MIN_TEASERS
    first = next((i for i in range(len(heads) - n + 1) if heads[i + n - 1] - heads[i] <= (n - 1) * STACKED_MAX_GAP),
                 None)  # the stream: teasers close together, not headed paragraphs here and there
    if first is None:
        return end
    stream = range(heads[first], end + 1)
    prose = sum(scored[k].feat.n_words for k in stream if scored[k].klass == GOOD)
    labels = Counter(label for k in stream if scored[k].klass != GOOD and (label := _card_label(scored[k])))
    if max(labels.values(), default=0) < n \
            or sum(scored[k + 1].feat.n_words for k in heads[first:]) < STACKED_TEASER_SHARE * prose:
        return end
    cut = heads[first] - 1
    while cut > last_run + 1 and not _article_paragraph(scored, cut):
        cut -= 1
    return cut


DATE_LEAD = re.compile(
    r"^((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b", re.IGNORECASE)


def _card_label(s: Scored) -> str | None:
    """What a teaser card's label line counts as: its text when short (a source, a section, a credit; numbers
    stand for any: 'Malaysia / 5 h ago' is 'Malaysia / 7 h ago'), or 'a date' for any line that opens with a date
    (each card's own: 'April 3, 2014 -- Updated 1453 GMT')."""
    if s.feat.n_words <= TEASER_LABEL_WORDS and DATE_LEAD.match(s.cand.text):
        return "a date"
    return DIGITS.sub("#", s.cand.text) if s.feat.n_words <= STACKED_LABEL_WORDS else None


DIGITS = re.compile(r"\d+")
NUMBERING = re.compile(r"(\w+\.?\s*)?#[.):]?", re.IGNORECASE)  # 'Step #', 'No. #', '#.' (numbers read as '#')
STREAM_HEAD_WORDS = 25  # a headline in a stream of them above the article: at most this many words


def _skip_headline_stream(scored: list[Scored], weights: list[float], prose: list[int], start: int, end: int) -> int:
    """In a text scrape, start the article after a stream of other articles' headlines above its first long
    paragraph (``prose``: ``_prose_before``), each line by line over its card label ('Malaysia / 5 h ago'),
    STACKED_MIN_TEASERS or more of one label: the article is the best run after the stream's last label. (A
    how-to's 'Step 1', 'Step 2' lines head paragraphs, so its steps never alternate line by line with labels.)"""
    if scored[start].cand.tag:
        return start
    first_long = next((k for k in range(start, end + 1) if prose[k + 1] > prose[k]), end)
    stream = next((heads for k in range(start, first_long) if (heads := headline_stream(scored, k, first_long))),
                  None)
    if stream is None:
        return start
    after = stream[-1] + 2
    later = _kadane(weights[after:end + 1])
    return after + later[0] if later else start


def headline_stream(scored: list[Scored], k: int, last: int) -> list[int]:
    """The headlines of a stream of other stories starting at block k (before ``last``): headline and card label
    lines in turn, STACKED_MIN_TEASERS pairs or more, one label as often; [] when there is none."""
    heads = []
    while k < last and _stream_headline(scored, k):
        heads.append(k)
        k += 2
    labels = Counter(_card_label(scored[h + 1]) for h in heads)
    return heads if len(heads) >= STACKED_MIN_TEASERS and max(labels.values()) >= STACKED_MIN_TEASERS else []


def _stream_headline(scored: list[Scored], k: int) -> bool:
    """Block k a headline line (no rule, no full stop) right over a card label line (not a numbering: 'Step 2'
    heads the next step)."""
    s = scored[k]
    if not (s.klass in (GOOD, NEAR) and s.rule is None and s.feat.n_words <= STREAM_HEAD_WORDS
            and not s.cand.text.rstrip().endswith(".") and k + 1 < len(scored) and scored[k + 1].klass != GOOD):
        return False
    label = _card_label(scored[k + 1])
    return label is not None and NUMBERING.fullmatch(label) is None


def _stacked_teaser(scored: list[Scored], k: int) -> bool:
    """Block k a teaser's summary under its headline (k-1): short prose under a headline-like line."""
    s, head = scored[k], scored[k - 1]
    return s.klass == GOOD and head.klass != GOOD and _headline_shaped(head) \
        and s.feat.n_words <= STACKED_SUMMARY_WORDS and s.feat.n_sentences <= STACKED_SUMMARY_SENTENCES


def _lone_blurb(scored: list[Scored], k: int) -> bool:
    """Block k a teaser's summary under its headline with no paragraph after it (an article's first paragraph
    under its headline has more)."""
    return k > 0 and _stacked_teaser(scored, k) and (k + 1 == len(scored) or scored[k + 1].klass != GOOD)


def _headline_shaped(s: Scored) -> bool:
    """Of another article's headline's length (TEASER_HEAD_WORDS), not ending as a sentence does."""
    return TEASER_HEAD_WORDS[0] <= s.feat.n_words <= TEASER_HEAD_WORDS[1] and not s.cand.text.rstrip().endswith(".")


def _article_paragraph(scored: list[Scored], k: int) -> bool:
    """Prose next to more prose, or longer than a teaser's blurb."""
    if scored[k].klass != GOOD:
        return False
    return scored[k].feat.n_words > STACKED_SUMMARY_WORDS or scored[k - 1].klass == GOOD \
        or (k + 1 < len(scored) and scored[k + 1].klass == GOOD)


TEASER_HEAD_WORDS = (3, 18)   # words of another article's headline in a teaser list
STACKED_SUMMARY_WORDS = 60    # a teaser's summary in a text scrape of a line per block: at most this many words
STACKED_SUMMARY_SENTENCES = 3  # ... and sentences
STACKED_MIN_TEASERS = 3       # teasers in a stream, and repeats of its card label, at least
STACKED_TEASER_SHARE = 0.6    # share of the prose there in teaser summaries, at least
STACKED_MAX_GAP = 6           # blocks from one teaser's headline to the next's in a stream, at most (on average: a card
                              # of label, age, headline and summary, one card in the stream with no prose summary)
STACKED_LABEL_WORDS = 5       # a card's label line (its source, section or picture credit), at most this long
TEASER_LABEL_WORDS = 10       # a date or label line between a teaser's headline and its summary: at most this
LINKED_HEADING_DENSITY = 0.9  # a heading this much link ...
LINKED_HEADING_WORDS = 6      # ... and this long is another article's headline (a shorter one names a thing)
RESUME_WINDOW = 16           # blocks after a related-stories heading searched for the article's prose
RESUME_MIN_PARAGRAPHS = 2    # long prose paragraphs in that window that show the article resumed
RESUME_MIN_WORDS = 25        # words each of them has, at least (longer than a teaser's summary)
RESUME_RUN = 3               # ... or prose paragraphs in a row there, one of them that long


def _prose_resumes(scored: list[Scored], k: int, end: int) -> bool:
    """A related-stories box inside the article (not a comment section): long prose paragraphs of the same run
    follow its short list, ending as statements do (other articles' headlines below a box read as prose too, but
    end in no full stop, or in a question mark), and not each under a headline of its own (a stream of other
    stories' summaries), or three prose paragraphs in a row, one of them long (``_paragraph_run``); looked for
    further on past an advert that says the article continues below it."""
    if scored[k].rule is not None and scored[k].rule.role == "comment":
        return False
    reach, j = k + RESUME_WINDOW, k + 1
    while j <= min(end, reach):
        if CONTINUES_BELOW.search(scored[j].cand.text):  # the page says the article goes on after the box
            reach = j + RESUME_WINDOW
        j += 1
    long_prose = [j for j in range(k + 1, min(end, reach) + 1) if scored[j].klass == GOOD and scored[j].rule is None
                  and scored[j].feat.n_words >= RESUME_MIN_WORDS and STATEMENT_END.search(scored[j].cand.text)]
    # other stories' summaries each sit under their headline; the article's resumed paragraphs follow each other
    if len(long_prose) >= RESUME_MIN_PARAGRAPHS and not all(_stacked_teaser(scored, j) for j in long_prose):
        return True
    return _paragraph_run(scored, k + 1, min(end, reach)) >= RESUME_RUN


def _paragraph_run(scored: list[Scored], first: int, last: int) -> int:
    """The most prose paragraphs in a row between blocks first and last, each ending a statement, in a run that
    holds a long one (RESUME_MIN_WORDS): an article's paragraphs follow each other, some of them long; a teaser's
    summary stands alone under its headline, and a list of blurbs holds none that long."""
    best = run = 0
    long = False
    for j in range(first, last + 1):
        s = scored[j]
        if s.klass == GOOD and s.rule is None and STATEMENT_END.search(s.cand.text):
            run, long = run + 1, long or s.feat.n_words >= RESUME_MIN_WORDS
        else:
            run, long = 0, False
        if long:
            best = max(best, run)
    return best


CONTINUES_BELOW = re.compile(r"\b(article|story) continues below\b", re.IGNORECASE)
STATEMENT_END = re.compile(r"[.!:;][\"'”’)\]]*\s*$")  # an article's paragraph ends a statement; a headline, not


def heading_of_the_text(scored: list[Scored], k: int) -> bool:
    """A heading that reads as a comment section's ('Response', 'Discussion') but heads a part of the article:
    the two prose paragraphs right after it (long ones together) sit in the same element as the paragraph right
    before it, and neither is marked as a comment (a thread's comments sit in a list or box of their own)."""
    if not scored[k].cand.heading:
        return False
    before = next((s for s in reversed(scored[max(0, k - RESUME_WINDOW):k]) if s.klass == GOOD and s.rule is None),
                  None)
    if before is None or not before.cand.parent:
        return False
    after = [s for s in scored[k + 1:k + 1 + RESUME_WINDOW] if s.klass == GOOD and s.rule is None]
    after = after[:RESUME_MIN_PARAGRAPHS]
    return len(after) == RESUME_MIN_PARAGRAPHS and sum(s.feat.n_words for s in after) >= 2 * RESUME_MIN_WORDS \
        and all(s.cand.parent == before.cand.parent and s.cand.markup_role != "comment" for s in after)


def _inside_marked_article(scored: list[Scored], k: int, end: int) -> bool:
    """An HTML block inside the article's container with more of the article's paragraphs after it."""
    c = scored[k].cand
    if not (c.in_text_container or c.confirmed):
        return False
    return any(s.klass == GOOD and (s.cand.in_text_container or s.cand.confirmed) for s in scored[k + 1:end + 1])


def _heading_like(s: Scored) -> bool:
    """A headline, byline or date line above an article, not a list item of its own (key points, bullets)."""
    c = s.cand
    if s.feat.is_bullet:
        return False
    return (not c.text.rstrip().endswith(".") or c.heading > 0 or c.markup_role in MARKUP_KEPT
            or (s.rule is not None and s.rule.role == "dateline") or bool(BYLINE_LEAD.match(c.text)))


def _page_end(s: Scored) -> bool:
    """The page's legal footer: a copyright or legal line inside footer markup."""
    c = s.cand
    if c.markup_role != "other_boilerplate" or not c.markup_reason or "footer" not in c.markup_reason:
        return False
    rule = match_rule(squash(c.text), s.feat.n_words)
    return rule is not None and rule.reason == "legal footer"


TOOLBAR_REASONS = frozenset({"share buttons", "social network links"})


def _toolbar_link(scored: list[Scored], k: int, prose: list[int]) -> bool:
    """A comment-section heading ('Comments') next to share or print buttons, with more of the page's long prose
    after it than before (``prose``: ``_prose_before``): a link in the toolbar above the article, not the start
    of a thread (the share bar and 'Add comment' below an article come after its paragraphs)."""
    return any(0 <= j < len(scored) and scored[j].rule is not None and scored[j].rule.reason in TOOLBAR_REASONS
               for j in (k - 1, k + 1)) and prose[-1] - prose[k + 1] >= prose[k]


def _prose_before(scored: list[Scored]) -> list[int]:
    """Words of long statement paragraphs (``_long_statement_words``) before each block, and on the whole page
    last: one pass, so the words of any run are a difference (a thread of a thousand comment links beside share
    buttons is weighed in linear time)."""
    out = [0]
    for s in scored:
        out.append(out[-1] + _long_statement_words(s))
    return out


def _stops(s: Scored) -> bool:
    return s.rule is not None and s.rule.stop and not s.rule.weak


def _bullet(s: Scored) -> bool:
    return s.klass != BAD and s.rule is None and (s.feat.is_bullet or (s.cand.is_list_item and s.cand.in_article))


def _extend_start(scored: list[Scored], start: int) -> int:
    """Take in a list of key points (bullets of a few words or more; not a menu) or of facts ('Location: Leeds',
    paragraphs of the article's text container) right above the first paragraph."""
    k = start - 1
    while k >= 0 and ((_bullet(scored[k]) and scored[k].feat.n_words >= 4) or _fact_line(scored[k])) \
            and scored[k].cand.link_density < 0.3:
        start = k
        k -= 1
    return start


FACT_LINE = re.compile(r"^[A-Z][\w’'&/ -]{0,24}:\s+\S")


def _fact_line(s: Scored) -> bool:
    """A 'Label: value' paragraph of the article's text container (a profile's name, place, size)."""
    c = s.cand
    return c.tag == "p" and c.in_text_container and c.markup_role is None and s.rule is None and s.klass != BAD \
        and FACT_LINE.match(c.text) is not None and not BYLINE_LEAD.match(c.text)


def _extend_end(scored: list[Scored], end: int) -> int:
    """Take in short closing sentences, list items or reporting credits after the last strong paragraph."""
    k = end + 1
    while k < len(scored):
        s = scored[k]
        if (_bullet(s) or REPORTING_CREDITS.match(s.cand.text)) and s.cand.link_density < 0.3:
            end = k
            k += 1
            continue
        if s.klass in (BAD,) or s.rule is not None or not s.feat.ends_sentence or s.feat.n_stop == 0:
            break
        if s.cand.markup_role or s.cand.link_density >= 0.3:
            break
        end = k
        k += 1
    return end
