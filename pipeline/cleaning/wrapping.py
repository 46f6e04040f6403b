"""Lines of one paragraph: hard-wrapped text or a sentence broken across lines in a text scrape, a sentence broken
by <br>s on an HTML page.

The classifier judges each paragraph as a whole; every line keeps its own block (and the paragraph's verdict).
"""
from __future__ import annotations

from dataclasses import replace

from .candidates import Candidate
from .features import CLOSERS, ENDERS, squash
from .rules import strong_rule

MIN_WRAPPED_LINES = 5


def wrap_width(cands: list[Candidate]) -> int | None:
    """The column a hard-wrapped scrape breaks its lines at, or None when lines are not wrapped."""
    lengths = sorted(len(c.text) for c in cands if len(c.text) >= 40)
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 50 <= width <= 110:
        return None
    near_width = sum(1 for n in lengths if width - 25 <= n <= width)
    too_long = sum(1 for n in lengths if n > width + 5)
    if near_width >= 0.6 * len(lengths) and too_long <= 0.05 * len(lengths):
        return width
    return None


def _continues(prev: str, cur: str, width: int | None, group_words: int) -> bool:
    """Whether line ``cur`` goes on with the paragraph whose last line is ``prev`` (``group_words`` words so far)."""
    if width is not None and len(prev) >= width - 25 and len(cur) <= width + 5:
        return True
    tail = prev.rstrip().rstrip(CLOSERS)
    if not tail or tail[-1] in ENDERS:
        return False
    return cur[:1].islower() and group_words >= 4 and not _chrome_line(prev) and not _chrome_line(cur)


def _chrome_line(text: str) -> bool:
    """A line a strong rule reads as chrome on its own ('Email the author | Follow on Twitter', 'on December 29,
    2014 at 3:02 PM, updated ...'): no part of a sentence broken across lines."""
    flat = squash(text)
    return strong_rule(flat, len(flat.split())) is not None


def broken_sentences(cands: list[Candidate]) -> list[list[int]]:
    """HTML: indices of the lines of each sentence a <br> breaks ('Older workers are often<br>considered less
    efficient'): a line set off by a <br> in the same block that goes on with a small letter, after a line that
    ends no sentence, continues it (singletons when none does)."""
    groups: list[list[int]] = []
    for i, c in enumerate(cands):
        tail = cands[i - 1].text.rstrip().rstrip(CLOSERS) if i else ""
        if groups and c.after_break and tail and tail[-1] not in ENDERS and c.text[:1].islower():
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def paragraph_groups(cands: list[Candidate]) -> list[list[int]]:
    """Indices of the lines of each paragraph, in order (singletons when nothing is wrapped)."""
    width = wrap_width(cands)
    groups: list[list[int]] = []
    words = 0  # of the paragraph so far
    for i, c in enumerate(cands):
        n = len(c.text.split())
        if groups and c.gap_before == 0 and _continues(cands[i - 1].text, c.text, width, words):
            groups[-1].append(i)
            words += n
        else:
            groups.append([i])
            words = n
    return groups


def merge(cands: list[Candidate], group: list[int]) -> Candidate:
    """One candidate standing for a paragraph's lines."""
    first = cands[group[0]]
    if len(group) == 1:
        return first
    chars = sum(len(cands[i].text) for i in group)
    links = sum(cands[i].link_density * len(cands[i].text) for i in group)
    return replace(first, text=" ".join(cands[i].text for i in group), link_density=links / max(1, chars),
                   ends_declared=any(cands[i].ends_declared for i in group))
