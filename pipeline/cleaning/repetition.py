"""Cross-page repetition: fingerprints of a document's blocks and the bucketed page counts behind a verdict."""
from __future__ import annotations

import hashlib
import re

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")
BUCKETS: tuple[int, ...] = (3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


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
