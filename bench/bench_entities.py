"""Words per second of ``pipeline.entities.extract_entities`` on synthetic news-like text.

    .venv/bin/python bench/bench_entities.py [--docs 200] [--words 800] [--repeat 5]

The text mixes register names, organisation-shaped names, people with roles, places, acronyms and plenty of
ordinary prose, like a UK policy news page. Prints figures only (no timed assertions). With ``--repeat N`` the
measurement runs in N fresh processes, one after the other, and the best and the median are printed too: on a
shared virtual machine one run's figure wanders by half from run to run, and the best is the least disturbed (as
``timeit`` reads its repeats).
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time

from pipeline.entities import extract_entities

SENTENCES = [
    "Cllr {first} {last}, Leader of {place} City Council, said the {org} would press the {dept} for more funding.",
    "The {org} warned that councils across the {region} face a gap of £{n}m by {year}.",
    "{first} {last}, chief executive of the {think}, said: \u201cThe evidence is clear; we must act now.\u201d",
    "Ministers at the Department for Levelling Up, Housing and Communities (DLUHC) have promised a review.",
    "Local Enterprise Partnerships (LEPs) in {place} and {place2} will be folded into combined authorities.",
    "The {union} said its members in {place} would ballot for strike action after talks with {company} collapsed.",
    "According to the Office for National Statistics, unemployment in the {region} rose to {n} per cent.",
    "Business Secretary {first} {last} visited {company} in {place} on Monday to announce {n} new jobs.",
    "The University of {place} and {place2} College have signed a partnership with the {think}.",
    "It is one of the reasons why the industrial strategy white paper has been criticised by many economists.",
    "Residents told reporters that bus services had been cut twice in the past year and that rents keep rising.",
    "The LGA\u2019s People and Places Board met in London to discuss the Shared Prosperity Fund.",
    "Greater Manchester, Liverpool City Region and the West Midlands have already agreed devolution deals.",
    "In a statement, the {org} added that the budget would be set in March after a public consultation.",
    "Analysts said the figures, published on Thursday, showed a sharp fall in investment outside the South East.",
    "{first} {last} MP for {place} told the House of Commons that the NHS needed a long-term workforce plan.",
]
FIRST = ["Sarah", "James", "Priya", "Tom", "Angela", "Mohammed", "Helen", "David", "Rachel", "Kwame"]
LAST = ["Jones", "Patel", "Okafor", "Smith", "Hughes", "Campbell", "Begum", "Walker", "Evans", "Murphy"]
PLACES = ["Derby", "Leeds", "Bristol", "Sheffield", "Norwich", "Preston", "Wigan", "Swindon", "Exeter", "Hull"]
REGIONS = ["North East", "Midlands", "South West", "North West", "East of England"]
ORGS = ["Local Government Association", "County Councils Network", "Resolution Foundation", "TUC", "CBI",
        "Centre for Cities", "Federation of Small Businesses"]
DEPTS = ["Treasury", "Department for Education", "Home Office", "Cabinet Office", "DWP"]
THINK = ["Institute for Fiscal Studies", "IPPR North", "Localis", "New Economics Foundation", "Demos"]
UNIONS = ["UNISON", "GMB", "Unite", "Royal College of Nursing", "PCS"]
COMPANIES = ["Rolls-Royce", "Toyota", "Tata Steel", "Greggs", "Bellway Homes Ltd", "Northern Trains"]


def synthetic_doc(rng: random.Random, words: int) -> str:
    out: list[str] = []
    count = 0
    while count < words:
        s = rng.choice(SENTENCES).format(
            first=rng.choice(FIRST), last=rng.choice(LAST), place=rng.choice(PLACES), place2=rng.choice(PLACES),
            region=rng.choice(REGIONS), org=rng.choice(ORGS), dept=rng.choice(DEPTS), think=rng.choice(THINK),
            union=rng.choice(UNIONS), company=rng.choice(COMPANIES), n=rng.randint(2, 900),
            year=rng.randint(2024, 2030))
        out.append(s)
        count += len(s.split())
        if rng.random() < 0.25:
            out.append("\n\n")
    return " ".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument("--repeat", type=int, default=1, help="fresh processes to measure in (best and median)")
    args = ap.parse_args()
    if args.repeat > 1:
        repeat(args)
        return
    rng = random.Random(7)
    docs = [synthetic_doc(rng, args.words) for _ in range(args.docs)]
    t0 = time.perf_counter()
    extract_entities("warm-up: the Local Government Association met in Derby.")
    t_load = time.perf_counter() - t0
    words = sum(len(d.split()) for d in docs)
    mentions = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        e = extract_entities(d)
        mentions += len(e.bodies) + len(e.people) + len(e.places)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"registers and dictionary loaded in {t_load:.2f} s (once per process)")
    print(f"{args.docs} docs, {words} words, {mentions} mentions in {dt:.2f} s wall, {cpu:.2f} s CPU")
    print(f"entities: {words / dt:,.0f} words/s wall clock")
    print(f"entities: {words / cpu:,.0f} words/s per core (CPU time)")


def repeat(args: argparse.Namespace) -> None:
    """Run the measurement in ``args.repeat`` fresh processes and print each, the best and the median."""
    rates = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, __file__, "--docs", str(args.docs), "--words", str(args.words)],
                             check=True, capture_output=True, text=True).stdout
        line = next(x for x in out.splitlines() if x.endswith("per core (CPU time)"))
        rates.append(float(line.split()[1].replace(",", "")))
        print(line)
    print(f"entities over {args.repeat} fresh processes: best {max(rates):,.0f}, median {statistics.median(rates):,.0f}"
          " words/s per core (CPU time)")


if __name__ == "__main__":
    main()
