"""Capitalised runs: the word sequences that can be names ("Council of LEP Chairs", "Greg Clark")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .rules import CONNECTORS

_TOKEN = re.compile(r"[^\W_](?:[\w&.\-\u2010\u2011'\u2019]*[\w&])?|&")
_ABBREVIATIONS = frozenset({"st", "co", "ltd", "inc", "dr", "mr", "mrs", "ms", "prof", "rev", "no", "cllr", "rt",
                            "hon", "u.k", "u.s", "plc", "jr", "sr"})
_LOWER_NAME_PARTS = frozenset({"plc", "ltd", "llp", "cic"})


class Token:
    """A word with its span. ``cap``: starts with a capital (or is a name part such as "plc");
    ``possessive``: followed by 's; ``hard_break_after``: anything but one space follows."""

    __slots__ = ("start", "end", "text", "cap", "possessive", "hard_break_after")

    def __init__(self, start: int, end: int, text: str, cap: bool, possessive: bool, hard_break_after: bool):
        self.start, self.end, self.text = start, end, text
        self.cap, self.possessive, self.hard_break_after = cap, possessive, hard_break_after

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass(frozen=True, slots=True)
class Run:
    tokens: tuple[Token, ...]

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


def tokenize(text: str) -> list[Token]:
    """Word tokens with their spans; a possessive 's is split off and breaks the run."""
    out: list[Token] = []
    append = out.append
    glued = _GLUED_SENTENCE.search
    for m in _TOKEN.finditer(text):  # _spans inlined: this loop is the layer's hottest
        word = m.group()
        s, e = m.span()
        if "." in word and glued(word):
            for s2, e2 in _spans(word):
                _append_token(text, s + s2, s + e2, append)
            continue
        possessive = False
        if word[-1] == "s" and len(word) > 2 and word[-2] in _APOSTROPHES:
            e -= 2
            word = word[:-2]
            possessive = True
        if possessive:
            brk = True
        else:
            nxt = text[e:e + 1]
            if nxt == " " or nxt == "\u00a0":
                after = text[e + 1:e + 2]
                brk = not (after.isalnum() or after == "&")
            elif nxt == "." and text[e + 1:e + 2] == " " and (word.lower() in _ABBREVIATIONS or
                                                             (len(word) == 1 and word.isupper())):
                brk = False  # "Dr. Smith", "George W. Bush"
            else:
                brk = True
        first = word[0]
        cap = first.isupper() or (first.isdigit() and len(word) <= 4) or word in _LOWER_NAME_PARTS
        append(Token(s, e, word, cap, possessive, brk))
    return out


def _append_token(text: str, s: int, e: int, append) -> None:
    """One token of a glued word (the rare path of ``tokenize``, same rules)."""
    word = text[s:e]
    possessive = False
    if word[-1] == "s" and len(word) > 2 and word[-2] in _APOSTROPHES:
        e -= 2
        word = word[:-2]
        possessive = True
    nxt = text[e:e + 1]
    if possessive:
        brk = True
    elif nxt in _SPACES:
        after = text[e + 1:e + 2]
        brk = not (after.isalnum() or after == "&")
    elif nxt == "." and text[e + 1:e + 2] == " " and (word.lower() in _ABBREVIATIONS or
                                                     (len(word) == 1 and word.isupper())):
        brk = False
    else:
        brk = True
    first = word[0]
    cap = first.isupper() or (first.isdigit() and len(word) <= 4) or word in _LOWER_NAME_PARTS
    append(Token(s, e, word, cap, possessive, brk))


def capital_runs(tokens: list[Token]) -> list[Run]:
    """Maximal runs: Capitalised (connector{0,2} Capitalised)*, separated by single spaces only."""
    runs: list[Run] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if not t.cap or t.text[:1].isdigit():
            i += 1
            continue
        seq = [t]
        j = i
        while not tokens[j].hard_break_after and j + 1 < n:
            k = j + 1
            conn = []
            while k < n and not tokens[k].cap and tokens[k].text.lower() in CONNECTORS and len(conn) < 2 \
                    and not tokens[k - 1].hard_break_after:
                conn.append(tokens[k])
                k += 1
            if k < n and tokens[k].cap and not tokens[k - 1].hard_break_after:
                seq.extend(conn)
                seq.append(tokens[k])
                j = k
            else:
                break
        runs.append(Run(tuple(seq)))
        i = j + 1
    return runs
