"""A numeric expression found in text before the trap, qualifier and context passes; regex builders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SP = r"[\s\u00a0]"          # white space, the no-break space included


@dataclass
class Candidate:
    """A numeric expression before the trap, qualifier and context passes."""

    start: int                  # surface span in the text
    end: int
    value: float
    unit: str
    form: str                   # digits | words | fraction | out_of | slash | ratio_word | unicode
    num_start: int              # the bare number inside the surface
    num_end: int
    currency_prefix: bool = False
    scaled: bool = False
    scale: float = 1.0          # the multiplier the written scale applied (5m -> 1e6)
    hyphen_unit: bool = False   # "7-year", "10-mile": a unit joined by a hyphen


def alt(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first; a space in a word matches any white space."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s\u00a0]+") for w in items)


def trie_regex(words: set[str]) -> str:
    """An alternation of `words` factored by shared prefixes (fast in `re`: one branch per letter)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
