"""Exact-span entity F1 on CoNLL-2003-format newswire, register-link precision on UK pages, and words/s.

    .venv/bin/python bench/eval_entities.py CONLL_FILE [CONLL_FILE ...] [--docs N] [--misses TYPE]
                                            [--seeds ../shared] [--links]

CONLL_FILE: a CoNLL-2003-format file (``token ... TAG`` per line, ``-DOCSTART-`` between documents, IOB1 or
IOB2 tags) that you fetched yourself; the project ships none. Develop on the training and development files
(eng.train / eng.testa, or train.txt / valid.txt); the test file (eng.testb) is the kept-aside yardstick:
never tune on it.

How a document is rebuilt: tokens are joined with single spaces except before closing punctuation and
clitics ("'s", "n't") and after opening brackets; the headline, the dateline and every sentence are their own
paragraph ("\\n\\n"). Gold spans are the character spans of the tagged token runs.

Scoring (exact character spans, micro-averaged): ORG against ``bodies``, PER against ``people``, LOC against
``places``. MISC (nationalities, events, works, …) has no counterpart in Claimhouse: a prediction whose span
lies inside a gold MISC span is neither right nor wrong (dropped), every other prediction counts. Generic bodies
(classes in Title Case) count as body predictions like any other.

Register links: with ``--seeds`` (the folder holding ``gold/`` and ``seeds/``), every body mention linked to a
register (a body id other than ``org:``) on the five UK seed pages is checked against the hand-checked gold body
it overlaps (right when the register's name or the mention's surface is among that body's canonical name,
aliases and accepted names). Register links made on the newswire are listed with ``--links`` (a UK register id
on foreign news is suspect).

Prints figures only; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.entities import extract_entities

_NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", ")", "]", "}", "?", "!", "%", "'s", "'", "n't", "'re", "'ve",
                              "'ll", "'d", "'m", "...", "'S"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})
_TYPE_OF = {"ORG": "bodies", "PER": "people", "LOC": "places"}


@dataclass
class Doc:
    text: str
    gold: dict[str, set[tuple[int, int]]]  # ORG / PER / LOC / MISC -> spans


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents as lists of sentences of (token, tag)."""
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if not parts:
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        if parts[0] == "-DOCSTART-":
            if sent:
                docs[-1].append(sent)
                sent = []
            if docs[-1]:
                docs.append([])
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def build_doc(sentences: list[list[tuple[str, str]]]) -> Doc:
    """The document's text and its gold spans by type."""
    out: list[str] = []
    pos = 0
    gold: dict[str, set[tuple[int, int]]] = {t: set() for t in ("ORG", "PER", "LOC", "MISC")}
    for si, sent in enumerate(sentences):
        if si:
            out.append("\n\n")
            pos += 2
        open_ent: tuple[str, int, int] | None = None
        quote_open = False
        prev = None
        for tok, tag in sent:
            space = prev is not None and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER
            if tok == '"':
                space = prev is not None and not quote_open
                quote_open = not quote_open
            elif prev == '"' and quote_open:
                space = False
            if space:
                out.append(" ")
                pos += 1
            start, end = pos, pos + len(tok)
            out.append(tok)
            pos = end
            kind = tag[2:] if tag != "O" else None
            if open_ent and (kind != open_ent[0] or tag.startswith("B-")):
                gold[open_ent[0]].add((open_ent[1], open_ent[2]))
                open_ent = None
            if kind:
                open_ent = (kind, open_ent[1] if open_ent else start, end)
            prev = tok
        if open_ent:
            gold[open_ent[0]].add((open_ent[1], open_ent[2]))
    return Doc("".join(out), gold)


def predictions(text: str) -> dict[str, set[tuple[int, int]]]:
    ents = extract_entities(text)
    return {"ORG": {(m.char_start, m.char_end) for m in ents.bodies},
            "PER": {(m.char_start, m.char_end) for m in ents.people},
            "LOC": {(m.char_start, m.char_end) for m in ents.places}}


def _inside_misc(span: tuple[int, int], misc: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in misc)


def score(docs: list[Doc], misses: str | None) -> tuple[dict[str, Counter], float, int]:
    counts = {t: Counter() for t in _TYPE_OF}
    miss_log: Counter = Counter()
    words, elapsed = 0, 0.0
    for d in docs:
        words += len(d.text.split())
        t0 = time.process_time()
        pred = predictions(d.text)
        elapsed += time.process_time() - t0
        misc = sorted(d.gold["MISC"])
        for t in _TYPE_OF:
            p = {sp for sp in pred[t] if not _inside_misc(sp, misc)}
            g = d.gold[t]
            counts[t]["tp"] += len(p & g)
            counts[t]["fp"] += len(p - g)
            counts[t]["fn"] += len(g - p)
            if misses == t:
                for s, e in p - g:
                    miss_log["FP " + d.text[s:e]] += 1
                for s, e in g - p:
                    miss_log["FN " + d.text[s:e]] += 1
    if misses:
        for k, v in miss_log.most_common(80):
            print(f"{v:4d}  {k}")
    return counts, elapsed, words


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).lower().replace("&", "and")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", s).split()).removeprefix("the ")


def register_link_precision(shared: Path) -> tuple[int, int, list[str]]:
    """(right, links, wrong examples) over the seed pages' body and title lines."""
    structure = json.loads((shared / "gold" / "seeds_structure.json").read_text())
    bodies = json.loads((shared / "gold" / "seeds_bodies.json").read_text())["documents"]
    gold_by_doc = {d["doc"]: d for d in bodies}
    right = links = 0
    wrong: list[str] = []
    for doc in structure["documents"]:
        raw = (shared / "seeds" / doc["file"]).read_text(encoding="utf-8")
        line_starts = [0]
        for ln in raw.split("\n"):
            line_starts.append(line_starts[-1] + len(ln) + 1)
        spans = []
        for b in gold_by_doc[doc["file"]]["bodies"]:
            names = {_fold(n) for n in [b["canonical"], *b.get("aliases_in_doc", []), *b.get("also_accept", [])]}
            spans += [(s["line"], s["start"] - line_starts[s["line"] - 1], s["end"] - line_starts[s["line"] - 1],
                       names) for s in b["spans"]]
        lines = [ln for ln in doc["lines"] if ln["role"] in ("body", "title")]
        text = "\n\n".join(ln["text"] for ln in lines)  # the page as the pipeline sees it
        offsets, pos = [], 0
        for ln in lines:
            offsets.append((pos, pos + len(ln["text"]), ln["line"]))
            pos += len(ln["text"]) + 2
        for m in extract_entities(text).bodies:
            if m.body_key.startswith("org:"):
                continue
            links += 1
            base, line = next((s, n) for s, e, n in offsets if s <= m.char_start < e)
            names = [n for ln_no, s, e, n in spans
                     if ln_no == line and s < m.char_end - base and m.char_start - base < e]
            if any(_fold(m.name) in n or _fold(m.surface) in n for n in names):
                right += 1
            else:
                wrong.append(f"{m.surface!r} -> {m.name} ({m.reference_id})")
    return right, links, wrong


def _f1(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _newswire_links(docs: list[Doc]) -> None:
    seen: Counter = Counter()
    for d in docs:
        for m in extract_entities(d.text).bodies:
            if not m.body_key.startswith("org:"):
                seen[f"{m.surface!r} -> {m.name} ({m.reference_id})"] += 1
    print(f"register links on the newswire: {sum(seen.values())}")
    for k, v in seen.most_common(60):
        print(f"{v:4d}  {k}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--docs", type=int, default=0, help="use only the first N documents (0: all)")
    ap.add_argument("--misses", choices=sorted(_TYPE_OF), help="print the commonest misses of one type")
    ap.add_argument("--seeds", type=Path, help="folder with gold/ and seeds/ (e.g. ../shared)")
    ap.add_argument("--links", action="store_true", help="list register links made on the newswire")
    args = ap.parse_args()
    docs = [build_doc(d) for f in args.files for d in read_conll(f)]
    if args.docs:
        docs = docs[:args.docs]
    for d in docs[:3]:  # registers, dictionary and caches are built once per process: not timed
        extract_entities(d.text)
    counts, cpu, words = score(docs, args.misses)
    print(f"{len(docs)} documents, {words:,} words")
    for t, name in _TYPE_OF.items():
        p, r, f = _f1(counts[t])
        print(f"{t} ({name}): P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (gold {counts[t]['tp'] + counts[t]['fn']})")
    print(f"speed: {words / cpu:,.0f} words/s per core (CPU time, extraction only)")
    if args.links:
        _newswire_links(docs)
    if args.seeds:
        right, links, wrong = register_link_precision(args.seeds)
        print(f"register-link precision on the UK seed pages: {right}/{links} = {right / max(links, 1):.3f}")
        for w in wrong:
            print("  wrong:", w)


if __name__ == "__main__":
    main()
