"""Split body text into sentences, with offsets."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "cllr", "rt", "hon", "vs", "v", "etc", "eg", "ie",
    "inc", "ltd", "co", "corp", "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "approx", "est", "fig", "figs", "vol", "p", "pp", "para", "sec", "gen", "col", "lt", "sgt",
    "capt", "gov", "sen", "rep", "jr", "sr", "mt", "ft", "c", "ca", "al", "dept", "univ", "assn", "bros",
    "e.g", "i.e", "u.s", "u.k", "a.m", "p.m", "op", "cit", "ibid", "art", "cf",
}
# a sentence ends at . ! ? … (and closing quotes/brackets) before white space and a capital, digit or quote.
# A run of stops is matched from its first character only and never given back (possessive): a run of 30,000
# dots is one attempt, not 30,000 attempts of 30,000 characters each.
_END_RE = re.compile(
    r"(?<![.!?…])(?P<stop>[.!?…]++)(?P<close>[\"”’')\]]*+)"
    r"(?:(?P<gap>[\s\u00a0]+)(?=[\"“‘'(\[]?[A-Z0-9£$€])|(?<=[a-z]{2}[.!?])(?P<glued>)(?=[A-Z][a-z]))"
    r"|(?P<para>\n+)"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) covering the text, white space trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END_RE.finditer(text):
        if m.group("glued") is not None:
            cut = m.end()
        elif m.group("stop"):
            before = text[max(0, m.start() - 12):m.start()].rsplit(None, 1)
            token = before[-1].lstrip("(\"“‘'").lower() if before else ""
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            cut = m.start("gap")
        else:
            cut = m.start()
        _add(text, start, cut, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


MAX_SENTENCE = 800       # a longer run without a full stop (a table, a list) is cut at clause breaks


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e - s > MAX_SENTENCE:
        cut = max(text.rfind(sep, s + MAX_SENTENCE // 2, s + MAX_SENTENCE) for sep in ("; ", ", ", " "))
        cut = cut + 1 if cut > s else s + MAX_SENTENCE
        _add(text, s, cut, spans)
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        spans.append((s, e))
