"""Throughput of the cleaner on synthetic news-like pages (text scrapes and HTML), about 1,000 words each.

    .venv/bin/python bench/bench_cleaning.py [--docs 300] [--words 1000]

Prints blocks/s and documents/s for each track, in CPU time of one process (one core). Figures only: nothing
is asserted.
"""
from __future__ import annotations

import argparse
import random
import time

from pipeline.cleaning import block_keys, clean_document

CONTENT_WORDS = [
    "council", "government", "budget", "funding", "local", "authority", "schools", "housing",
    "transport", "minister", "report", "growth", "services", "residents", "plan", "strategy", "economy",
    "jobs", "investment", "region", "community", "public", "sector", "health", "care", "million",
    "pounds", "per", "cent", "year", "years", "week", "people", "workers", "business", "businesses",
    "city", "town", "county"
]
FUNCTION_WORDS = [
    "the", "a", "of", "to", "and", "in", "for", "on", "that", "with", "by", "from", "as", "is", "was",
    "will", "would", "has", "have", "said", "says", "more", "than"
]
FUNCTION_SHARE = 0.45  # about the share of function words in English news prose
MENU = ["Home", "News", "Politics", "Business", "Health", "Education", "Opinion", "Sport", "Contact us", "Search"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(FUNCTION_WORDS if rng.random() < FUNCTION_SHARE else CONTENT_WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?"])


def paragraphs(rng: random.Random, total_words: int) -> list[str]:
    out, count = [], 0
    while count < total_words:
        sents = [sentence(rng, rng.randint(12, 28)) for _ in range(rng.randint(1, 4))]
        para = " ".join(sents)
        out.append(para)
        count += len(para.split())
    return out


def text_page(rng: random.Random, words: int) -> str:
    lines = ["Skip to main content", *MENU, "", "Local Government", "", sentence(rng, 10).rstrip(".?"), "",
             "By Jane Smith", "Published 12 March 2021", ""]
    for p in paragraphs(rng, words):
        lines += [p, ""]
    lines += ["Share this page", "", "Related articles"]
    lines += [sentence(rng, 8).rstrip(".?") for _ in range(6)]
    lines += ["", "2 comments", "", "Comment by Sam Jones posted on 13 March 2021", sentence(rng, 25), "",
              "© Example Media 2021. All rights reserved."]
    return "\n".join(lines)


def html_page(rng: random.Random, words: int) -> str:
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    body = "".join(f"<p>{p}</p>" for p in paragraphs(rng, words))
    related = "".join(f'<li><a href="/a{i}">{sentence(rng, 8)}</a> <time datetime="2021-03-0{i}">{i} March</time></li>'
                      for i in range(1, 7))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{sentence(rng, 9)} | Example</title>'
            '<meta property="og:site_name" content="Example News">'
            '<meta property="article:published_time" content="2021-03-12T09:00:00Z">'
            '<script>var x = 1;</script><style>p{margin:0}</style></head><body>'
            f'<a class="skip" href="#main">Skip to main content</a><header><nav><ul>{menu}</ul></nav></header>'
            f'<main id="main"><article><h1>{sentence(rng, 10)}</h1><p class="byline">By Jane Smith</p>'
            f'<time datetime="2021-03-12">12 March 2021</time><div class="article-body">{body}</div></article>'
            f'<aside class="related"><h2>Related articles</h2><ul>{related}</ul></aside>'
            '<section class="comments"><h2>2 comments</h2><div class="comment"><p class="comment-author">Sam Jones'
            f'</p><p>{sentence(rng, 25)}</p></div></section></main>'
            '<footer><p>© Example Media 2021. All rights reserved.</p></footer></body></html>')


def bench(name: str, fmt: str, pages: list[str], rounds: int = 3) -> None:
    """Best of ``rounds`` passes, in CPU time of this process (per core, unaffected by other load)."""
    clean_document(pages[0], fmt)  # warm caches (rules, language model)
    blocks = sum(len(clean_document(page, fmt).blocks) for page in pages)
    best = keys_best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for page in pages:
            clean_document(page, fmt)
        best = min(best, time.process_time() - start)
        start = time.process_time()
        for page in pages:
            block_keys(page, fmt)
        keys_best = min(keys_best, time.process_time() - start)
    words = sum(len(p.split()) for p in pages) / len(pages)
    print(f"{name:5s} {len(pages)} docs (~{words:.0f} words of page text each): {len(pages) / best:8.1f} docs/s  "
          f"{blocks / best:9.0f} blocks/s  (block_keys: {len(pages) / keys_best:8.1f} docs/s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--words", type=int, default=1000)
    args = ap.parse_args()
    rng = random.Random(7)
    bench("text", "text", [text_page(rng, args.words) for _ in range(args.docs)])
    bench("html", "html", [html_page(rng, args.words) for _ in range(args.docs)])


if __name__ == "__main__":
    main()
