"""Benchmark the claims stage: synthetic 1,000-word news-like articles through `extract_claims`.

Prints documents/s and claims/s on one core. Run: .venv/bin/python bench/bench_claims.py [--docs N] [--news]
(`--news`: the seed pages and our annotated news sentences instead, a closer stand-in for real article bodies).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from pipeline.claims import extract_claims

SENTENCES = [
    "The council said it would spend £{m}m on new homes over the next {w} years.",
    "According to the Office for National Statistics, unemployment rose to {p}% in {y}.",
    "Around {n:,} people attended the meeting at the town hall on Tuesday evening.",
    "The government has promised ${b}bn for rail, a rise of {p} per cent on last year.",
    "Nearly two-thirds of residents said they were unhappy with local bus services.",
    "One in five children in the borough lives in poverty, the charity found.",
    "It is one of the reasons why the scheme was delayed until {y}.",
    "The Prime Minister spoke outside 10 Downing Street after the {y} election.",
    "Wages in the region are {r} times lower than the national average.",
    "Between {p}% and {p2}% of schools face budget cuts between 2015-2020.",
    "Local leaders want a single strategy rather than the existing two-tier structure.",
    "The project will take {w} months and cost between £{m}m and £{m2}m.",
    "First, the plan backs local industrial strategies; second, it funds skills.",
    "Half of the money will be allocated by competition, said Cllr Jane Smith.",
    "The wind farm will generate {n} MW and cover {w}0 hectares of farmland.",
    "Call 020 7946 0958 or visit the office on 21 June {y} for more details.",
    "A year ago the authority had just {w} staff; it now employs more than {n:,}.",
    "Productivity has stalled because of low skill, low value and low wage jobs.",
    "Transport for the North argued that investment must rise by at least £{m}m a year.",
    "Version 2.1 of the app and the Covid-19 dashboard were updated this week.",
    "Decades of underinvestment have left many towns without decent broadband.",
    "The fund, worth €{b} billion, covers three hundred and forty two projects.",
    "House prices increased by {p} percentage points faster than earnings.",
    "Tickets cost 470p and a monthly pass costs £{w}0, the operator said.",
]
FILLER = [
    "The plan sets out how places will work together with businesses, universities and communities to "
    "deliver growth that benefits everyone across the region.",
    "Local leaders have long argued that decisions about transport, skills and housing should be taken "
    "closer to the people they affect.",
    "Critics say the proposals lack detail and that councils have not been given the powers they need.",
    "The minister told reporters that the government remained committed to levelling up every part of the "
    "country.",
    "Residents who spoke to this newspaper described a sense of frustration with the pace of change.",
    "Business groups welcomed the announcement but warned that much depends on how it is delivered.",
    "The report calls for a clearer division of responsibilities between Whitehall and local government.",
    "Opposition politicians described the measures as too little, too late for struggling high streets.",
]


def make_article(rng: random.Random, words: int = 1000) -> str:
    """A synthetic article of about `words` words mixing claims, traps and plain prose."""
    paragraphs, count = [], 0
    while count < words:
        para = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.6:          # news prose: most sentences hold no number
                s = rng.choice(FILLER)
            else:
                s = rng.choice(SENTENCES).format(
                    m=rng.randint(2, 900), m2=rng.randint(901, 2000), w=rng.randint(2, 12), p=rng.randint(1, 49),
                    p2=rng.randint(50, 99), y=rng.randint(1990, 2030), n=rng.randint(100, 90000),
                    b=round(rng.uniform(1, 30), 1), r=round(rng.uniform(1.1, 4), 1))
            para.append(s)
            count += len(s.split())
        paragraphs.append(" ".join(para))
    return "\n\n".join(paragraphs)


def news_bodies(n: int) -> list[str]:
    """`n` bodies cycling over the seed pages and our annotated news sentences grouped ten to a body."""
    root = Path(__file__).resolve().parents[1]
    sentences = [line[2:].strip() for line in (root / "tests" / "data" / "claims_news_dev.txt").read_text(
        encoding="utf-8").splitlines() if line.startswith("> ")]
    bodies = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    bodies += [" ".join(sentences[i:i + 10]) for i in range(0, len(sentences), 10)]
    return [bodies[i % len(bodies)] for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the documents (best and median shown)")
    ap.add_argument("--news", action="store_true",
                    help="news-like bodies instead: the seed pages and our annotated news sentences, ten to a body")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = news_bodies(args.docs) if args.news else [make_article(rng) for _ in range(args.docs)]
    words = sum(len(d.split()) for d in docs)
    extract_claims(docs[0])                      # warm-up: compile patterns
    cpu_times, wall_times = [], []
    claims = 0
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        claims = sum(len(extract_claims(d)) for d in docs)
        wall_times.append(time.perf_counter() - t0)
        cpu_times.append(time.process_time() - c0)
    # per core: CPU time of this one process, so other load on the machine skews it less
    best, median = min(cpu_times), statistics.median(cpu_times)
    print(f"documents: {len(docs)}  words/doc: {words / len(docs):.0f}  claims/pass: {claims}  "
          f"passes: {args.repeat}  cpu seconds/pass: best {best:.2f}, median {median:.2f}")
    print(f"documents/s per core: {len(docs) / best:.0f} best, {len(docs) / median:.0f} median "
          f"(wall clock median: {len(docs) / statistics.median(wall_times):.0f})")
    print(f"claims/s per core: {claims / best:.0f} best, {claims / median:.0f} median")


if __name__ == "__main__":
    main()
