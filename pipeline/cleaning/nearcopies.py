"""Near-copies: pages of one source that are the same page give or take a few lines, counted once as evidence.

A line repeated on many *distinct* pages is template; a page crawled under several addresses, or a syndicated
story with its own one-line notice, is one page however often it occurs (CONTRACT section 6). So each page gets a
sketch of its text, and pages whose sketches say they share nearly all of it are grouped before lines are counted.

The sketch is one-permutation MinHash (Li, Owen and Zhang, 2012) over the page's blocks weighted by their
words: a block stands for one element and one more per ``WORDS_PER_ELEMENT`` words, so a changed menu entry
weighs little and a changed paragraph much. ``BINS`` bins of the hash space each keep their smallest value; the
share of bins two sketches agree on estimates the weighted Jaccard similarity of the pages. Pages at ``SAME_PAGE``
or above are linked, found by locality-sensitive hashing over bands of bins, and linked pages form a group (its
smallest id names it).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

BINS = 32
BIN_SHIFT = 64 - 5  # the top 5 bits of a 64-bit hash choose one of the 32 bins
KEEP_SHIFT = BIN_SHIFT - 32  # a bin keeps the top 32 bits of the rest
EMPTY = "-" * 8
WORDS_PER_ELEMENT = 8
SAME_PAGE = 0.8  # 26 of 32 bins: copies with a changed line measured 0.9 and above, distinct pages below 0.25
MIN_SHARED_BINS = 8  # fewer filled bins in common: too little text to call two pages copies unless identical
BAND = 4  # bins per band: copies at 0.9 share one of the 8 bands all but surely, pages at 0.5 in 4 of 10 pairs
PREFIX = "w1:"


def page_sketch(blocks: Iterable[tuple[str, int]]) -> str:
    """The sketch of a page from its (block key, word count) pairs: ``PREFIX`` and 32 hex bins, ``EMPTY`` for a
    bin no element fell in."""
    mins: list[int | None] = [None] * BINS
    for key, words in blocks:
        for j in range(1 + words // WORDS_PER_ELEMENT):
            h = int.from_bytes(hashlib.blake2b(f"{key}:{j}".encode(), digest_size=8).digest(), "big")
            b = h >> BIN_SHIFT
            v = (h >> KEEP_SHIFT) & 0xFFFFFFFF
            m = mins[b]
            if m is None or v < m:
                mins[b] = v
    return PREFIX + "".join(EMPTY if m is None else f"{m:08x}" for m in mins)


def current(sketch: str | None) -> bool:
    """Whether a stored sketch is of this kind (older manifests hold another)."""
    return bool(sketch) and sketch.startswith(PREFIX)


def _bins(sketch: str) -> tuple[str, ...]:
    body = sketch[len(PREFIX):]
    return tuple(body[i:i + 8] for i in range(0, 8 * BINS, 8))


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Estimated weighted Jaccard similarity of two pages from their bins (0 when too little is filled)."""
    if a == b:
        return 1.0
    filled = agree = 0
    for x, y in zip(a, b, strict=True):
        if x == EMPTY and y == EMPTY:
            continue
        filled += 1
        agree += x == y
    return agree / filled if filled >= MIN_SHARED_BINS else 0.0


def near_copy_groups(sketches: dict[str, str]) -> dict[str, str]:
    """{page id: group id} over pages of one source: a page is linked to the smallest page sharing a band of
    bins with it when their similarity is ``SAME_PAGE`` or more, and a group (linked pages, transitively) is named
    by its smallest page id. Pages without a current sketch stand alone. Depends only on the sketches, not on
    their order; holds one band of the pages at a time."""
    ids = sorted(sketches)
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sketched = [i for i in ids if current(sketches[i])]
    width = 8 * BAND
    for start in range(len(PREFIX), len(PREFIX) + 8 * BINS, width):
        first: dict[str, str] = {}  # band value -> the smallest page with it
        for i in sketched:
            band = sketches[i][start:start + width]
            if EMPTY in band:
                continue
            rep = first.setdefault(band, i)
            if rep != i and similarity(_bins(sketches[i]), _bins(sketches[rep])) >= SAME_PAGE:
                a, b = find(i), find(rep)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {i: find(i) for i in ids}
