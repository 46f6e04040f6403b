"""Picture galleries inside an article: slides numbered "k/N" (a counter before each slide's title), whose
captions read like paragraphs but are not the article's text."""
from __future__ import annotations

import re

from .scoring import Scored
from .verdicts import Verdict

SLIDE_COUNTER = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\b(?![/.:-]\d)")  # not a date (3/15/2021)
MIN_SLIDES = 3              # counters of one gallery (same N) before its captions are taken out
MAX_LAST_CAPTION_WORDS = 80  # the last slide's caption: the block after its counter, when no longer than this


def label_galleries(scored: list[Scored], verdicts: list[Verdict | None], start: int, end: int) -> None:
    """The slide counters of a gallery inside the article, the blocks between them and the one after its last
    counter are the gallery's captions."""
    counters: dict[int, list[tuple[int, int]]] = {}
    for i in range(start, end + 1):
        m = SLIDE_COUNTER.match(scored[i].cand.text)
        if m and 1 <= int(m.group(1)) <= int(m.group(2)):
            counters.setdefault(int(m.group(2)), []).append((int(m.group(1)), i))
    # a gallery counts its slides up (1/N, 2/N, ...) to N of at least MIN_SLIDES; repeated or falling numbers
    # are amounts ("1/2 cup", "3/4 teaspoon"), not slides
    runs = [hits for n, hits in counters.items() if n >= MIN_SLIDES
            and all(b[0] > a[0] for a, b in zip(hits, hits[1:], strict=False))]
    idx = [i for _, i in max(runs, key=len, default=[])]
    if len(idx) < MIN_SLIDES:
        return
    after_last = idx[-1] + 1
    stop = after_last + 1 if after_last <= end and scored[after_last].feat.n_words <= MAX_LAST_CAPTION_WORDS \
        else after_last
    for a, b in zip(idx, [*idx[1:], stop], strict=True):
        verdicts[a] = Verdict("caption", "a slide's number and title in a picture gallery (numbered k/N)")
        for j in range(a + 1, min(b, end + 1)):
            v = verdicts[j]
            if v is not None and v.role == "body":
                verdicts[j] = Verdict("caption", "a slide's caption in a picture gallery (numbered k/N)")
