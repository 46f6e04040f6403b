"""Cross-page repetition: fingerprints of a document's blocks and the bucketed page counts behind a verdict."""
from __future__ import annotations

import hashlib
import re

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")
# the only floors the cleaner decides by (a line on 3+ pages is template when it is not prose, on 5+ always): a
# finer count would only make a document's verdicts, and so its reprocessing, follow counts that change nothing
BUCKETS: tuple[int, ...] = (3, 5)


def line_key(text: str) -> str | None:
    """A short hex fingerprint of a block's text, blind to case, punctuation, spacing and digits."""
    norm = _DIGITS.sub("0", _NON_WORD.sub(" ", text.casefold())).strip()
    if not norm:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=6).hexdigest()


def repeat_bucket(pages: int) -> int:
    """0 below three pages (not template); otherwise the largest bucket floor not above ``pages``."""
    best = 0
    for floor in BUCKETS:
        if pages >= floor:
            best = floor
        else:
            break
    return best
