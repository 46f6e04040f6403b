"""Small text helpers shared by the recognisers: length-preserving folding, slugs, boundaries."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

_SPACES = re.compile(r" +")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_FOLD_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2032": "'",
    "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ", "\u2015": " ",
    "-": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\n": " ", "\r": " ",
    "\u201c": '"', "\u201d": '"',
}
_FOLD_TABLE = str.maketrans(_FOLD_MAP)
# str.translate looks every character up in a dict once the text holds one non-ASCII character (a pound sign,
# a curly quote); one str.replace per mapped character is a fast scan each. No replacement is itself mapped,
# so the order does not matter and the result is the same.
_FOLD_ALL = tuple(_FOLD_MAP.items())
_FOLD_ASCII = tuple((a, b) for a, b in _FOLD_MAP.items() if a.isascii())


def fold(text: str) -> str:
    """Case- and punctuation-folded copy of ``text`` with exactly the same length (offsets carry over)."""
    return fold_both(text)[0]


def fold_both(text: str) -> tuple[str, str]:
    """(``fold(text)``, ``fold_punct(text)``), folding the punctuation once."""
    punct = fold_punct(text)
    out = punct.lower()
    if len(out) == len(text):
        return out, punct
    return _fold_slow(text), punct


def _fold_slow(text: str) -> str:
    """Lower case that changes a character's length (rare scripts) keeps that character as it is."""
    chars = []
    for ch in text.translate(_FOLD_TABLE):
        low = ch.lower()
        chars.append(low if len(low) == 1 else ch)
    return "".join(chars)


def fold_punct(text: str) -> str:
    """``fold`` without lower-casing (for acronyms, whose case is the signal)."""
    for a, b in _FOLD_ASCII if text.isascii() else _FOLD_ALL:
        if a in text:
            text = text.replace(a, b)
    return text


def fold_key(alias: str) -> str:
    """Dictionary key of an alias: folded, inner whitespace collapsed, outer stripped."""
    return _SPACES.sub(" ", fold(alias)).strip()


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """``Trades Union Congress`` -> ``trades-union-congress`` (ASCII, ``&`` spelt ``and``)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("\u2019", "").replace("'", "").lower()
    return _NON_SLUG.sub("-", text).strip("-")


def norm_name(name: str) -> str:
    """Loose comparison key for spelling variants: ``Rolls-Royce`` == ``Rolls Royce``, ``&`` == ``and``,
    ``Center`` == ``Centre``, ``Acme Widgets Ltd`` == ``Acme Widgets``."""
    words = slug(name).split("-")
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words = words[:-1]
    return "".join(_US_TO_UK.get(w, w) for w in words)


_LEGAL_SUFFIXES = frozenset({"ltd", "limited", "plc", "llp", "llc", "inc", "co", "corp", "cic", "group", "holdings"})
_US_TO_UK = {"center": "centre", "organization": "organisation", "program": "programme", "labor": "labour",
             "defense": "defence", "councilor": "councillor", "organizations": "organisations"}


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


def left_boundary(text: str, start: int, glue_ok: bool) -> bool:
    """A match may start here: text start, a non-word character, or (glue_ok) a lower->Upper seam."""
    if start == 0 or not is_word_char(text[start - 1]):
        return True
    return glue_ok and text[start - 1].islower() and text[start].isupper()


def right_boundary(text: str, end: int, glue_ok: bool) -> bool:
    """A match may end here (``end`` exclusive)."""
    if end >= len(text) or not is_word_char(text[end]):
        return True
    return glue_ok and text[end - 1].islower() and text[end].isupper()


_SENTENCE_OPENERS = frozenset(".!?:;\n\u2022\"\u201c\u2018([\u2014\u2013|")


def is_sentence_start(text: str, start: int) -> bool:
    """True when only spaces after sentence punctuation, an opening quote or a line break precede ``start``."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def anchored_finditer(pattern: re.Pattern[str], text: str, anchors: Iterable[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts with one of ``anchors`` (literal strings,
    none empty): the anchors are found with ``str.find``, a fast scan, and the pattern is tried only there. A
    pattern that opens on a character class makes the engine test every character of the page against it, which
    costs many times more."""
    starts: set[int] = set()
    for a in anchors:
        i = text.find(a)
        while i >= 0:
            starts.add(i)
            i = text.find(a, i + 1)
    return finditer_at(pattern, text, sorted(starts))


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches nothing empty and whose every match starts at one of
    ``starts`` (ascending offsets): the pattern is tried only there."""
    end = 0  # matches do not overlap: the next one starts at or after the last one's end
    for i in starts:
        if i >= end:
            m = pattern.match(text, i)
            if m is not None:
                end = m.end()
                yield m
