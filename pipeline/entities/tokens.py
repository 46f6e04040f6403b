"""Capitalised runs: the word sequences that can be names ("Council of LEP Chairs", "Greg Clark")."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .rules import CONNECTORS

# a word (inner dots, hyphens and apostrophes, none at its end), written without backtracking, its repeats
# possessive ("*+", "++": nothing after them can match what they gave back, so the engine keeps no state to give
# it back). A word starts at every letter, digit or "&" that no earlier word holds, so what lies between two words
# (split's gaps) holds none of these: a gap of one space is a single space before the next word.
_TOKEN = re.compile(r"([^\W_][\w&]*+(?:[.\-\u2010\u2011'\u2019]+[\w&]++)*+|&)")
_ABBREVIATIONS = frozenset({"st", "co", "ltd", "inc", "dr", "mr", "mrs", "ms", "prof", "rev", "no", "cllr", "rt",
                            "hon", "u.k", "u.s", "plc", "jr", "sr"})
_LOWER_NAME_PARTS = frozenset({"plc", "ltd", "llp", "cic"})


class Token:
    """A word with its span. ``cap``: starts with a capital (or is a name part such as "plc");
    ``possessive``: followed by 's; ``hard_break_after``: anything but one space follows; ``low``: lower case."""

    __slots__ = ("start", "end", "text", "cap", "possessive", "hard_break_after", "low")

    def __init__(self, start: int, end: int, text: str, cap: bool, possessive: bool, hard_break_after: bool,
                 low: str):
        self.start, self.end, self.text = start, end, text
        self.cap, self.possessive, self.hard_break_after = cap, possessive, hard_break_after
        self.low = low

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


class Run:
    """A capitalised run: its tokens (a plain slotted class: made for every run of every page)."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: tuple[Token, ...]):
        self.tokens = tokens

    def __repr__(self) -> str:
        return f"Run({self.tokens!r})"

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


_SPACES = (" ", "\u00a0")
_APOSTROPHES = ("'", "\u2019")


_GLUED_SENTENCE = re.compile(r"(?<=[a-z])[.!?](?=[A-Z][a-z])")  # "in Derby.The council": scrape glue


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Token spans; a word glued to the next sentence by its full stop is cut there."""
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if "." not in m.group() or not _GLUED_SENTENCE.search(m.group()):
            yield s, e
            continue
        for part in _GLUED_SENTENCE.split(m.group()):
            yield s, s + len(part)
            s += len(part) + 1


_WordInfo = tuple[str, str, bool, bool, bool]  # (word without 's, lower case, cap, possessive, glued)
_WORD_INFO_MAX = 200_000


def _word_info(word: str) -> _WordInfo:
    """What a matched word is, whatever surrounds it (cached)."""
    glued = "." in word and _GLUED_SENTENCE.search(word) is not None
    possessive = word[-1] == "s" and len(word) > 2 and word[-2] in _APOSTROPHES
    if possessive:
        word = word[:-2]
    first = word[0]
    cap = first.isupper() or (first.isdigit() and len(word) <= 4) or word in _LOWER_NAME_PARTS
    return word, word.lower(), cap, possessive, glued


class _WordInfoCache(dict):
    """Matched word -> ``_word_info`` (words repeat across pages); ``cache[word]`` fills a miss."""

    def __missing__(self, word: str) -> _WordInfo:
        info = self[word] = _word_info(word)
        return info


_WORD_INFO = _WordInfoCache()
_ONE_SPACE = frozenset(_SPACES)


def tokenize(text: str) -> list[Token]:
    """Word tokens with their spans; a possessive 's is split off and breaks the run."""
    return tokenize_caps(text)[0]


def tokenize_caps(text: str) -> tuple[list[Token], list[int]]:
    """``tokenize(text)`` and its ``cap_indices``, found in the same pass."""
    out: list[Token] = []
    append = out.append
    caps: list[int] = []
    new = object.__new__
    cache = _WORD_INFO
    if len(cache) > _WORD_INFO_MAX:
        cache.clear()
    parts = _TOKEN.split(text)  # gap, word, gap, word, ..., gap: no match object per word
    parts[-1] = ""  # the last gap is followed by no word
    it = iter(parts)
    pos = len(next(it))
    for matched, gap in zip(it, it, strict=True):  # this loop is the layer's hottest
        word, low, cap, possessive, glued = cache[matched]
        s = pos
        e = pos = s + len(matched)
        pos += len(gap)
        if glued:
            for s2, e2 in _spans(text[s:e]):
                _append_token(text, s + s2, s + e2, append)
                if out[-1].cap:
                    caps.append(len(out) - 1)
            continue
        if possessive:
            e -= 2
            brk = True
        elif gap in _ONE_SPACE:
            brk = False
        else:  # "Dr. Smith", "George W. Bush": no break
            brk = not (text[e:e + 2] == ". " and (low in _ABBREVIATIONS or (len(word) == 1 and word.isupper())))
        t = new(Token)  # slots set here, one by one: a Python __init__ call would be most of a token's cost
        t.start = s
        t.end = e
        t.text = word
        t.cap = cap
        t.possessive = possessive
        t.hard_break_after = brk
        t.low = low
        if cap:
            caps.append(len(out))
        append(t)
    return out, caps


def _append_token(text: str, s: int, e: int, append) -> None:
    """One token of a glued word (the rare path of ``tokenize``, same rules)."""
    word = text[s:e]
    possessive = False
    if word[-1] == "s" and len(word) > 2 and word[-2] in _APOSTROPHES:
        e -= 2
        word = word[:-2]
        possessive = True
    nxt = text[e:e + 1]
    low = word.lower()
    if possessive:
        brk = True
    elif nxt in _SPACES:
        after = text[e + 1:e + 2]
        brk = not (after.isalnum() or after == "&")
    elif nxt == "." and text[e + 1:e + 2] == " " and (low in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
        brk = False
    else:
        brk = True
    first = word[0]
    cap = first.isupper() or (first.isdigit() and len(word) <= 4) or word in _LOWER_NAME_PARTS
    append(Token(s, e, word, cap, possessive, brk, low))


def cap_indices(tokens: list[Token]) -> list[int]:
    """Indices of the capitalised tokens: most words are lower case, and every walk over names starts at one of
    these (one pass per page, shared by the recognisers)."""
    return [k for k, t in enumerate(tokens) if t.cap]


def capital_runs(tokens: list[Token], caps: list[int] | None = None) -> list[Run]:
    """Maximal runs: Capitalised (connector{0,2} Capitalised)*, separated by single spaces only. ``caps``:
    ``cap_indices(tokens)`` when the caller has it."""
    runs: list[Run] = []
    append = runs.append
    new = object.__new__
    n = len(tokens)
    after_last = 0  # the token after the last run
    for i in cap_indices(tokens) if caps is None else caps:
        if i < after_last or tokens[i].text[0].isdigit():
            continue
        j = i  # the run's last capital so far; it holds every token from i to j
        while not tokens[j].hard_break_after and j + 1 < n:
            k = j + 1
            if not tokens[k].cap:  # one or two connectors, none before a break: "Council of LEP Chairs"
                c = tokens[k]
                if c.low not in CONNECTORS or c.hard_break_after or k + 1 == n:
                    break
                k += 1
                if not tokens[k].cap:
                    c = tokens[k]
                    if c.low not in CONNECTORS or c.hard_break_after or k + 1 == n:
                        break
                    k += 1
                    if not tokens[k].cap:
                        break
            j = k
        run = new(Run)
        run.tokens = tuple(tokens[i:j + 1])
        append(run)
        after_last = j + 1
    return runs
