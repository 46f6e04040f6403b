"""Per-block features: the numbers and flags the classifier reasons with."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .rules import vocabulary

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
BULLET = re.compile(r"^([•·▪◦●■*–-]|\d{1,2}[.)]|[a-z][.)])\s+")


@dataclass(frozen=True)
class Features:
    """What the classifier knows about a block's text alone."""

    n_words: int
    n_stop: int
    stop_density: float
    ends_sentence: bool
    n_sentences: int
    n_commas: int
    lower_words: tuple[str, ...]
    is_bullet: bool
    has_quote: bool
    n_capitalised: int  # words that begin with a capital letter

    @property
    def is_prose(self) -> bool:
        return self.ends_sentence and self.n_words >= 6 and self.stop_density >= 0.15


def count_words(text: str) -> int:
    """Words of running text: whitespace-separated tokens with a letter or digit, CJK characters two to a word."""
    if not text:
        return 0
    n = len(text.split()) - len(PUNCT_TOKEN.findall(text))
    if not text.isascii():
        cjk = len(CJK.findall(text))
        if cjk:
            n += cjk // 2
    return n


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces (for matching only; block text keeps its own spacing)."""
    return " ".join(text.split())


def alnum_key(text: str) -> str:
    """Letters and digits only, case folded: the same name however spaced and punctuated ('Sportsnet.ca',
    'sportsnet ca')."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


CLOSERS = "\"'”’»)]」』"
ENDERS = ".!?…:;。！？；："
QUOTES = frozenset("“”\"«»„「」")
PUNCT_TOKEN = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=1 << 14)
def features(text: str, stopwords: frozenset[str]) -> Features:
    """The features of a block's text. Cached: the pages of a site repeat their menus, footers and labels."""
    words = WORD.findall(text)
    plain = text.isascii()  # lower-casing ASCII words splits no word and joins none: no second scan
    lower = tuple(map(str.lower, words)) if plain else tuple(WORD.findall(text.casefold()))
    n = len(lower)
    if not plain:
        cjk = len(CJK.findall(text))
        if cjk:  # scripts written without spaces: count about two characters a word
            n = n - sum(1 for w in lower if CJK.match(w)) + cjk // 2
    n_stop = sum(map(stopwords.__contains__, lower))
    tail = text.rstrip().rstrip(CLOSERS)
    return Features(
        n_words=n,
        n_stop=n_stop,
        stop_density=n_stop / n if n else 0.0,
        ends_sentence=bool(tail) and tail[-1] in ENDERS,
        n_sentences=1 + text.count(". ") + text.count("? ") + text.count("! ") + text.count("。"),
        n_commas=text.count(",") + text.count(";") + text.count("，") + text.count("、"),
        lower_words=lower,
        is_bullet=bool(BULLET.match(text)),
        has_quote=not QUOTES.isdisjoint(text),
        n_capitalised=sum(1 for w in words if w[0].isupper()),
    )


def looks_verbless(f: Features) -> bool:
    """A short sentence with no finite verb or pronoun: the shape of a picture caption."""
    vocab = vocabulary()
    if not (3 <= f.n_words <= 20) or f.has_quote:
        return False
    for w in f.lower_words:
        if w in vocab.finite_verbs or w in vocab.prose_words:
            return False
        if len(w) > 4 and w.endswith("ed"):
            return False
        if w.endswith(("n't", "n’t")):
            return False
    return True


def looks_like_name(text: str) -> bool:
    """2-5 capitalised words, optionally with name particles: a person's name (or a doubled one)."""
    vocab = vocabulary()
    tokens = [t.strip(",.") for t in text.split()]
    tokens = [t for t in tokens if t]
    if tokens and tokens[0].casefold() == "by":
        tokens = tokens[1:]
    while tokens and tokens[0].casefold().rstrip(".") in vocab.honorifics:
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= 8:
        return False
    caps = 0
    for t in tokens:
        if t.casefold() in vocab.name_particles:
            continue
        if not re.fullmatch(r"[A-Z][\w'’.-]*", t):
            return False
        caps += 1
    return caps >= 2
