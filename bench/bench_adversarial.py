"""Adversarial scaling: seconds per extractor on pathological runs of characters at 10k, 100k and 1M characters.

    .venv/bin/python bench/bench_adversarial.py [--sizes 10000,100000,1000000] [--cap 20] [--only claims]

Every extractor must be linear in its input: a `ratio` column (time at a size over time at the previous size)
should stay near the ratio of the sizes (10 for the default sizes); its square (100) is quadratic. A call that
takes longer than `--cap` seconds is cut and printed as `>cap` (and the larger sizes are not tried). Each pattern
is run once at 1,000 characters first, so model loading is not counted. Prints figures only; asserts nothing.
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import UTC, datetime

from pipeline import claims, cleaning, decoding, entities
from pipeline.budget import OverBudget, time_budget

NOW = datetime(2024, 6, 1, tzinfo=UTC)
SUPERLINEAR = 30  # x10 the input taking over x30 the time (quadratic is x100; a loaded machine adds noise)
NOISE = 0.2  # seconds below which a ratio is noise
PATTERNS: dict[str, str] = {  # name: the unit repeated up to the size
    "dots": ".", "bangs": "!", "ellipses": "…", "questions": "?", "dot-space": ". ", "Mr": "Mr ", "Mr-dot": "Mr. ",
    "Dr-Mr": "Dr Mr ", "one-space": "1 ", "pound-one": "£1", "one-comma": "1,", "one-dot": "1.", "digits": "1",
    "percent": "5% ", "million": "£1m ", "word": "a", "spaces": " ", "newlines": "\n", "paragraphs": "Leeds.\n\n",
    "caps-word": "Council ", "title-case": "Big Word ", "initials": "A. ", "capitals": "A", "the": "The ",
    "of-the": "of the ", "university-of": "University of ", "minister-for": "Minister for ", "said": "said ",
    "quotes": "\u201c", "apostrophes": "'", "parens": "(", "acronym-def": "(LEP) ", "dashes": "-", "em-dashes": "— ",
    "hyphen-words": "two-", "per-cent": "per cent ", "place": "Leeds ", "and-caps": "Leeds and ",
    "role-of": "Chief Executive of Acme ", "shares-in": "Shares In Acme ", "said-it": "Acme Said It ",
    "sentence": "The council said it would spend £5m on 3 schools in Leeds. ",
}
HTML_PATTERNS: dict[str, str] = {
    "div": "<div>", "p": "<p>", "nested-close": "<div></div>", "link": "<a href='/x'>x</a> ", "li": "<li>Home",
    "comment-open": "<!--", "lt": "<", "entity": "&amp;", "script": "<script>", "table-cell": "<td>1</td>",
    "br": "<br>", "meta": "<meta name='author' content='A'>",
}


def _clean(fmt: str) -> Callable[[str], object]:
    def run(text: str) -> object:
        return cleaning.clean_document(text, fmt, repeated={}, clean=True, hints={}, publisher_default=None,
                                       timezone="Europe/London", now=NOW)
    return run


def _clean_given(text: str) -> object:
    return cleaning.clean_document(text, "text", repeated={}, clean=False, hints={}, publisher_default=None,
                                   timezone="Europe/London", now=NOW)


STAGES: dict[str, tuple[Callable[[str], object], dict[str, str]]] = {
    "decode": (lambda t: decoding.decode_document(t.encode("utf-8")), PATTERNS),
    "clean-text": (_clean("text"), PATTERNS),
    "clean-given": (_clean_given, PATTERNS),
    "clean-html": (_clean("html"), {**HTML_PATTERNS, **PATTERNS}),
    "claims": (claims.extract_claims, PATTERNS),
    "entities": (lambda t: entities.extract_entities(t, None), PATTERNS),
}


def _text(unit: str, size: int, html: bool) -> str:
    body = (unit * (size // len(unit) + 1))[:size]
    return f"<html><body><article><p>{body}</p></article></body></html>" if html else body


def _seconds(fn: Callable[[str], object], text: str, cap: float) -> float | None:
    started = time.perf_counter()
    try:
        with time_budget(cap):
            fn(text)
    except OverBudget:
        return None
    except Exception:  # noqa: BLE001, S110 - a refusal (say, "only whitespace") is an answer: its time counts
        pass
    return time.perf_counter() - started


def _row(stage: str, name: str, fn: Callable[[str], object], unit: str, sizes: list[int], cap: float) -> str:
    html = stage == "clean-html"
    _seconds(fn, _text(unit, 1000, html), cap)  # first calls load models and fill caches
    times: list[float | None] = []
    for size in sizes:
        cut = bool(times) and times[-1] is None
        times.append(None if cut else _seconds(fn, _text(unit, size, html), cap))
    cells = [f"{t:9.3f}" if t is not None else f"{'>' + format(cap, 'g'):>9}" for t in times]
    pairs = list(zip(times, times[1:], strict=False))
    ratios = [f"{b / a:6.1f}" if a and b else f"{'-':>6}" for a, b in pairs]
    worse = None in times or any(a and b and b > NOISE and b / a > SUPERLINEAR for a, b in pairs)
    flag = " <-- superlinear" if worse else ""
    return f"{stage:<12}{name:<15}" + "".join(cells) + "".join(ratios) + flag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds after which one call is cut")
    parser.add_argument("--only", default="", help="comma-separated stages (default: all)")
    parser.add_argument("--patterns", default="", help="comma-separated pattern names (default: all)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    only = set(filter(None, args.only.split(",")))
    chosen = set(filter(None, args.patterns.split(",")))
    _clean("text")("Warm up.\n\nThe council spent £1m in Leeds, Mr John Smith said.")
    entities.extract_entities("Mr John Smith of Leeds City Council.", None)
    print(f"{'stage':<12}{'pattern':<15}" + "".join(f"{s:>9}" for s in sizes)
          + "".join(f"{'ratio':>6}" for _ in sizes[1:]) + "   (seconds)")
    for stage, (fn, patterns) in STAGES.items():
        if only and stage not in only:
            continue
        for name, unit in patterns.items():
            if not chosen or name in chosen:
                print(_row(stage, name, fn, unit, sizes, args.cap), flush=True)


if __name__ == "__main__":
    main()
