"""Capitalised runs: the word sequences that can be names ("Council of LEP Chairs", "Greg Clark")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import CONNECTORS

_TOKEN = re.compile(r"[^\W_](?:[\w&.\-\u2010\u2011'\u2019]*[\w&])?|&")
_ABBREVIATIONS = frozenset({"st", "co", "ltd", "inc", "dr", "mr", "mrs", "ms", "prof", "rev", "no", "cllr", "rt",
                            "hon", "u.k", "u.s", "plc", "jr", "sr"})
_LOWER_NAME_PARTS = frozenset({"plc", "ltd", "llp", "cic"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool  # starts with a capital (or is a name part such as "plc")
    possessive: bool  # followed by 's / ’s
    hard_break_after: bool  # punctuation other than a single space follows


@dataclass(frozen=True, slots=True)
class Run:
    tokens: tuple[Token, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def tokenize(text: str) -> list[Token]:
    """Word tokens with their spans; possessive endings and trailing full stops are split off."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        word = text[s:e]
        possessive = False
        if len(word) > 2 and word[-2] in "'\u2019" and word[-1] == "s":
            e -= 2
            possessive = True
        elif word.endswith(("s'", "s\u2019")) and len(word) > 2 and word[0].isupper():
            e -= 1
            possessive = True
        word = text[s:e]
        nxt = text[e:e + 2]
        if possessive:
            brk = True
        else:
            brk = not (nxt[:1] in (" ", "\u00a0") and nxt[1:2] not in (" ", "\n", ""))
            if word.endswith(".") and word.lower().rstrip(".") not in _ABBREVIATIONS:
                e -= 1
                word = word[:-1]
                brk = True
        cap = word[:1].isupper() or word.lower() in _LOWER_NAME_PARTS or (word[:1].isdigit() and len(word) <= 4)
        out.append(Token(s, e, word, cap, possessive, brk))
    return out


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
