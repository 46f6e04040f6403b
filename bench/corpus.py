"""Synthetic news-like pages for benchmarks: varied sentences, numbers, bodies, places and page chrome."""
from __future__ import annotations

import random
from pathlib import Path

BODIES = ["Derby City Council", "Leeds City Council", "the Local Government Association", "Localis",
          "the Resolution Foundation", "Transport for the North", "the Department for Education", "UNISON",
          "the Institute for Fiscal Studies", "Greater Manchester Combined Authority", "the County Councils Network",
          "Cheshire and Warrington LEP", "HM Treasury", "the Office for National Statistics", "Unite"]
PEOPLE = ["Cllr Mark Hawthorne", "Simon Edwards", "Greg Clark", "Angela Rayner", "Andy Burnham", "Sarah Jones"]
PLACES = ["Derby", "Leeds", "the North", "the Midlands", "Manchester", "Cornwall", "Sheffield", "London"]
TOPICS = ["adult social care", "housing", "bus services", "skills", "flood defences", "libraries", "high streets"]
TEMPLATES = [
    "{body} said spending on {topic} would rise by {pct}% next year, with £{m}m set aside for {n} projects.",
    "According to {body}, about {n} households in {place} are waiting for support with {topic}.",
    "{person}, who leads the work on {topic}, warned that the gap could reach £{bn}bn by {year}.",
    "The scheme, first announced in {year}, has so far reached {words} of the {n} councils in {place}.",
    "Officials in {place} expect the programme to run for {yrs} years and cost up to ${m} million.",
    "Critics at {body} argue that {topic} has been underfunded for a decade, with real-terms cuts of {pct} per cent.",
    "{person} told reporters that {place} needed more than a single strategy to fix {topic}.",
    "A report by {body} found that one in five residents in {place} struggled to access {topic}.",
]
CHROME_TOP = ["Skip to main content", "Home | News | Politics | Local government | Contact us", "Search this site"]
CHROME_BOTTOM = ["Share this article", "Subscribe to our daily newsletter", "Related stories",
                 "Council tax rise confirmed 12/03/2024", "Most read", "© Example Local News Ltd"]
NUMBER_WORDS = ["two", "three", "a dozen", "half", "two-thirds", "a quarter"]


def page(i: int, words: int = 1000, seed: int = 0) -> str:
    """One plain-text scrape of about `words` words of article text, with navigation and footer chrome."""
    rng = random.Random(i * 7919 + seed)
    paras, n = [], 0
    while n < words:
        sents = []
        for _ in range(rng.randint(2, 4)):
            sents.append(rng.choice(TEMPLATES).format(
                body=rng.choice(BODIES), topic=rng.choice(TOPICS), pct=rng.randint(1, 40), m=rng.randint(2, 900),
                n=rng.randint(3, 5000), place=rng.choice(PLACES), person=rng.choice(PEOPLE),
                bn=round(rng.uniform(0.5, 9.9), 1), year=rng.randint(2010, 2030), words=rng.choice(NUMBER_WORDS),
                yrs=rng.randint(2, 15)))
        para = " ".join(s[0].upper() + s[1:] for s in sents)
        paras.append(para)
        n += len(para.split())
    title = f"{rng.choice(BODIES).removeprefix('the ').capitalize()} sets out plans for {rng.choice(TOPICS)}"
    return "\n\n".join([*CHROME_TOP, title, *paras, *CHROME_BOTTOM]) + "\n"


def html_page(i: int, words: int = 1000, seed: int = 0) -> str:
    """The same content as an HTML page with a nav, an article and a sidebar."""
    text = page(i, words, seed).split("\n\n")
    nav, title, body, foot = text[:3], text[3], text[4:-6], text[-6:]
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + title + "</title></head><body>"
            "<nav><ul>" + "".join(f"<li><a href='#'>{x}</a></li>" for x in nav) + "</ul></nav>"
            "<article><h1>" + title + "</h1>" + "".join(f"<p>{p}</p>" for p in body) + "</article>"
            "<aside>" + "".join(f"<p><a href='#'>{x}</a></p>" for x in foot) + "</aside></body></html>")


def write_corpus(folder: Path, n: int, words: int = 1000) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"page{i:06d}.txt").write_text(page(i, words))
