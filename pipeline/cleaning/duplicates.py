"""Second copies of the article's paragraphs: a page that prints the article twice (a print or mobile copy, the
next page of an endless scroll showing the same story) keeps the first copy only."""
from __future__ import annotations

from .features import squash
from .scoring import GOOD
from .verdicts import Labelling, Verdict

ADJACENT_COPY_WORDS = 5  # a line repeated right under itself (a caption twice): this long at least
ADJACENT_REACH = 2  # ... within this many blocks
MIN_COPY_WORDS = 10  # a shorter repeated line ("Read more", a one-line quote) is not evidence of a second copy
MIN_COPIES = 3  # repeated paragraphs a page needs before they count as a second copy (one may be a pull quote)
REASON = "a second copy of a paragraph already in the article"
ADJACENT_REASON = "a copy of the line right above it"


def drop_repeated_body(lab: Labelling) -> list[Verdict]:
    """The verdicts with the body's prose paragraphs that repeat an earlier one moved out of the body, when the
    article's first paragraph is among them and there are at least ``MIN_COPIES`` (table cells and list items
    aside: a timetable or a FAQ repeats its lines, each section of a page may repeat a notice); then every
    shorter body line of that second copy that repeats one of the first."""
    key = {i: squash(s.cand.text).casefold() for i, (s, v) in enumerate(zip(lab.scored, lab.verdicts, strict=True))
           if v.role == "body"}
    seen: set[str] = set()
    copies: list[int] = []
    first: str | None = None
    for i, k in key.items():
        s = lab.scored[i]
        if s.klass != GOOD or s.feat.n_words < MIN_COPY_WORDS or s.cand.in_table or s.cand.is_list_item:
            continue
        first = first or k
        if k in seen:
            copies.append(i)
        seen.add(k)
    if len(copies) < MIN_COPIES or not any(key[i] == first for i in copies):
        return lab.verdicts
    out = list(lab.verdicts)
    for i in copies:
        out[i] = Verdict("other_boilerplate", REASON)
    # the second copy's shorter lines (its subheadings, labels) go with it: from where it begins, any body line
    # that repeats one before it
    begin = next(i for i in copies if key[i] == first)
    before = {k for i, k in key.items() if i < begin}
    for i, k in key.items():
        if i >= begin and out[i].role == "body" and k in before:
            out[i] = Verdict("other_boilerplate", REASON)
    return out


def drop_adjacent_copies(lab: Labelling) -> list[Verdict]:
    """The verdicts with every body line that repeats one of the ``ADJACENT_REACH`` blocks right above it (a
    caption printed for the picture and again for its lightbox, a quote and its share card) given that block's
    role, or moved out of the body when that block is body too: the page says it once."""
    out = list(lab.verdicts)
    keys = [squash(s.cand.text).casefold() for s in lab.scored]
    for i, v in enumerate(lab.verdicts):
        if v.role != "body" or lab.scored[i].feat.n_words < ADJACENT_COPY_WORDS:
            continue
        j = next((j for j in range(i - 1, max(-1, i - 1 - ADJACENT_REACH), -1) if keys[j] == keys[i]), None)
        if j is not None:
            out[i] = Verdict(out[j].role, out[j].reason) if out[j].role != "body" \
                else Verdict("other_boilerplate", ADJACENT_REASON)
    return out
