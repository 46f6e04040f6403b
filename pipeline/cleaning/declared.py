"""The article a page declares but does not show: a paywalled or script-rendered page that shows its headline and
first paragraph while its JSON-LD ``articleBody`` holds the whole text. The rest becomes candidate blocks placed
after the part the page shows, so the article is cleaned, audited and offset like any other block. On a page that
shows the article it declares, the article ends where the declared text ends."""
from __future__ import annotations

import html as htmllib
import re

from .candidates import Candidate
from .verdicts import Labelling, Verdict

DECLARED_REASON = "the article text the page declares (JSON-LD articleBody) but does not show"

HIDDEN_MIN_WORDS = 150    # a declared article shorter than this is a summary, not a hidden article
SHOWN_GAP = 30            # shingles in a row the page does not show: the shown start of the declared text ended
REST_MIN_WORDS = 100      # the hidden rest must be at least this long to be taken ...
REST_MAX_SHOWN = 0.05     # ... and the page show at most this share of its 4-word shingles (else it shows the
                          # article in other words, or declares another text)
SHOWN_MIN_WORDS = 12      # a shorter shown start is the headline's words, not a paragraph the page shows
END_WORDS = 8             # the declared text's last words a block must end with to end the article there

WORD = re.compile(r"\w+")
TAG = re.compile(r"<[a-zA-Z/][^<>]*>")


def _plain(declared: str) -> str:
    """The declared text without markup (some pages declare it as HTML) or character references."""
    return htmllib.unescape(TAG.sub("\n", declared))


def _shingles(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + 4]) for i in range(max(0, len(words) - 3))]


def read_declared(cands: list[Candidate], declared: str) -> None:
    """Use the article text the page declares (JSON-LD ``articleBody``, 150+ words): insert its hidden rest after the
    part the page shows (``hidden_article``), or, on a page that shows it, mark the block that ends it."""
    text = _plain(declared)
    tokens = [(m.group().casefold(), m.start()) for m in WORD.finditer(text)]
    if len(tokens) < HIDDEN_MIN_WORDS:
        return
    hidden = hidden_article(cands, text, tokens)
    if hidden:
        cands[hidden[0]:hidden[0]] = hidden[1]
    else:
        _mark_end(cands, [w for w, _ in tokens[-END_WORDS:]])


def hidden_article(cands: list[Candidate], text: str, tokens: list[tuple[str, int]],
                   ) -> tuple[int, list[Candidate]] | None:
    """Where to insert the hidden rest of the declared ``text`` (its case-folded words with their offsets:
    ``tokens``), and its paragraphs as candidates; None when the page shows the article it declares (most pages)."""
    shown = set(_shingles([w.casefold() for c in cands for w in WORD.findall(c.text)]))
    declared_sh = _shingles([w for w, _ in tokens])
    last = -1  # the last shingle of the shown start (the page's first paragraph)
    for i, s in enumerate(declared_sh):
        if s in shown:
            last = i
        elif i - last > SHOWN_GAP:
            break
    rest_sh = declared_sh[last + 1:]
    if len(rest_sh) < REST_MIN_WORDS or sum(s in shown for s in rest_sh) > REST_MAX_SHOWN * len(rest_sh):
        return None
    cut = tokens[last + 4][1] if last + 4 >= SHOWN_MIN_WORDS else 0
    rest = [" ".join(line.split()) for line in text[cut:].splitlines()]
    rest = [line for line in rest if line]
    at = _anchor(cands, text[:cut]) if cut else _headline(cands)
    if at is None:
        return None
    like = cands[at]
    return at + 1, [Candidate(text=line, tag="p", in_article=True, in_text_container=True, parent=like.parent,
                              confirmed=True, hidden=True) for line in rest]


def _anchor(cands: list[Candidate], shown_part: str) -> int | None:
    """The last candidate holding the end of the declared text's shown part."""
    tail = WORD.findall(shown_part.casefold())[-4:]
    for i in range(len(cands) - 1, -1, -1):
        words = WORD.findall(cands[i].text.casefold())
        if any(words[j:j + len(tail)] == tail for j in range(len(words))):
            return i
    return None


def _headline(cands: list[Candidate]) -> int | None:
    """The page's first level-1 heading (the article shows nothing of its text: it goes right under its headline)."""
    return next((i for i, c in enumerate(cands) if c.heading == 1), None)


def _mark_end(cands: list[Candidate], tail: list[str]) -> None:
    """Mark the last block that ends with the declared article's last words (``tail``): a page showing the article
    it declares ends it there; what follows is the site's (a donation appeal, a newsletter box)."""
    for c in reversed(cands):
        if c.confirmed and WORD.findall(c.text.casefold())[-END_WORDS:] == tail:
            c.ends_declared = True
            return


def past_declared_end(lab: Labelling) -> list[Verdict]:
    """Body blocks after the block that ends the article the page declares, outside its text, leave the body."""
    end = next((i for i in range(len(lab.scored) - 1, -1, -1) if lab.scored[i].cand.ends_declared), None)
    if end is None:
        return lab.verdicts
    out = list(lab.verdicts)
    for i in range(end + 1, len(out)):
        if out[i].role == "body" and not lab.scored[i].cand.confirmed:
            out[i] = Verdict("other_boilerplate", "after the end of the article text the page declares (JSON-LD "
                                                  "articleBody)")
    return out
