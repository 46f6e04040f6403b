"""Document metadata from labelled blocks: title, author, section, the document's own date."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from .dates import find_datetime, local_date, parse_iso
from .features import looks_like_name
from .rules import vocabulary

BY = re.compile(r"^\s*(by|from|par|von|por|di|door|gan|written by|words by|author|reported by)\s*:?\s+",
                re.IGNORECASE)
GLUED_BY = re.compile(r"^\s*By(?=[A-Z][a-z])")  # "ByTravis Haney": the label glued to the name ("Byron" stays)
# "Andrew HusbandTwitterNews": a word glued to the name (three lower-case letters before the capital: "McDonald",
# "MacKenzie" and "DeShawn" stay)
GLUED_WORD = re.compile(r"^(.*?\b[A-Z][a-z]{3,})[A-Z]\S*.*$")
BYLINE_TAIL = re.compile(r"\s*(,|\||·|•|–|—| - |\bon\b|\bpublished\b|\bposted\b|\bupdated\b|\d).*$", re.IGNORECASE)


MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# a byline glued after the headline: 'by: Laurie Oakes', 'bySauli Giliard' (the label glued to the name), 'by HLNF
# Staff Report'; not 'Bitten by Great White Shark' (a title-case headline reads as a name)
TITLE_BYLINE = re.compile(r"(?<=\w)\W*\s+(by:\s*|by(?=[A-Z][a-z]))\S.*$"
                          r"|(?<=\w)\s+by\s+[A-Z][^.!?]{0,40}\b(?i:staff|staff report|staff writer|reporter"
                          r"|correspondent|news service reports?)$")
TITLE_MIN_WORDS = 3  # what is left of a headline without its byline


def clean_title(text: str) -> str:
    """A headline as written, without a markdown heading mark a text dump may carry ('# Headline') or a byline
    glued after it."""
    title = MARKDOWN_HEADING.sub("", text.strip())
    short = TITLE_BYLINE.sub("", title)
    return short if short != title and len(short.split()) >= TITLE_MIN_WORDS else title


def clean_author(text: str | None) -> str | None:
    """One person's name from a byline: 'By Jane Smith, Political Editor' -> 'Jane Smith'; doubled names once."""
    if not text:
        return None
    name = BY.sub("", GLUED_BY.sub("", " ".join(text.split())))
    name = _month_date().sub("", name)
    name = BYLINE_TAIL.sub("", name).strip(" .:-/|")
    name = GLUED_WORD.sub(r"\1", name)
    words = _before_job_title(name.split())
    honorifics = vocabulary().honorifics
    while len(words) > 2 and words[0].casefold().rstrip(".") in honorifics:
        words = words[1:]
    words = _without_trailing_month(words)
    name = " ".join(words)
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        name = " ".join(words[:half])
    if name.casefold().strip(" .:") in vocabulary().not_authors:
        return None  # "By" alone, "No Author": a label, not a name
    return name or None


def _before_job_title(words: list[str]) -> list[str]:
    """The name before a job title glued after it: 'Sam Stein Senior Politics Editor' -> 'Sam Stein' (from the
    third word on, so 'Head' or 'Lead' as a surname in a two-word name stays)."""
    titles = vocabulary().byline_titles
    for k in range(2, len(words)):
        if words[k].casefold().strip(".,") in titles:
            return words[:k]
    return words


@cache
def _month_date() -> re.Pattern[str]:
    """A date glued to a byline, from its month name on: 'Erin Cunningham March 24 at 2:21 PM' ('May' is left to
    the digits after it: a surname as often as a month)."""
    months = "|".join(sorted(vocabulary().months - {"may"}, key=len, reverse=True))
    return re.compile(rf"\s*\b(?:{months})\.?\s*\d.*$", re.IGNORECASE)


def _without_trailing_month(words: list[str]) -> list[str]:
    """A byline whose date was cut off keeps the month left behind: 'Associated Press November'. 'May' stays
    (a surname as often as a month)."""
    months = vocabulary().months - {"may"}
    while len(words) > 2 and words[-1].casefold().rstrip(".,") in months:
        words = words[:-1]
    return words


def author_from_blocks(texts: list[str]) -> str | None:
    for text in texts:
        name = clean_author(text)
        if name and (looks_like_name(name) or (len(name.split()) <= 8 and name[:1].isupper())):
            return name
    return None


BY_NAME = re.compile(r"\b[Bb]y\s+((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+)")


def author_in_datelines(texts: list[str]) -> str | None:
    """'12 March 2019 | By Anna Lee' -> 'Anna Lee': a name given with the date."""
    for text in texts:
        m = BY_NAME.search(text)
        if m:
            return clean_author(m.group(1))
    return None


COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*)?"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|of|and|for|the|du|de|la|le))*)", re.IGNORECASE)


CONNECTORS = frozenset({"of", "and", "for", "the", "du", "de", "la", "le", "&"})


def publisher_in_chrome(texts: list[str]) -> str | None:
    """The copyright holder a page's footer names ('© 2021 Northshire Gazette Ltd' -> 'Northshire Gazette Ltd')."""
    for text in texts:
        m = COPYRIGHT_HOLDER.search(text)
        if not m:
            continue
        words: list[str] = []
        for word in m.group("name").split():
            if not (word[:1].isupper() or word[:1] == "&" or word in CONNECTORS):
                break  # lower case words end a name ("Crown copyright", "... all rights reserved")
            words.append(word.rstrip(".,;:"))
            if word.endswith((".", ",", ";", ":")):
                break  # the sentence or clause ends here ("... Media Ltd. All rights reserved")
        while words and words[-1] in CONNECTORS:
            words.pop()
        if words and len(words) <= 8 and not any(ch.isdigit() for ch in words[0]) and words != ["Crown"]:
            return " ".join(words)
    return None


def own_date(datelines: list[str], tz: str, now: datetime) -> date | None:
    """The first date a dateline of the document states, if it is not in the future."""
    for text in datelines:
        dt, _ = find_datetime(text, tz)
        if dt is not None:
            return not_future(local_date(dt, tz), now)
    return None


def date_from_iso(value: str | None, tz: str, now: datetime) -> date | None:
    if not value:
        return None
    dt = parse_iso(value, tz)
    return not_future(local_date(dt, tz), now) if dt else None


def not_future(d: date | None, now: datetime) -> date | None:
    if d is None:
        return None
    return d if d <= now.date() else None


OTHER_ARTICLES = frozenset({"related"})


def dates_of_other_articles(blocks: list[tuple[str, str]], tz: str) -> set[date]:
    """Dates stated in blocks labelled as other articles' teasers, menus or promotions ((role, text) pairs)."""
    out = set()
    for role, text in blocks:
        if role in OTHER_ARTICLES and any(ch.isdigit() for ch in text):
            dt, _ = find_datetime(text, tz)
            if dt is not None:
                out.add(local_date(dt, tz))
    return out
