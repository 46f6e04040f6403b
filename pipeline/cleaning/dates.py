"""Dates and times as pages write them: '21 June 2019', 'June 21, 2019 at 10:30am', '21/06/2019', ISO 8601.

A numeric date is read day first (as the UK writes it) unless it says otherwise: month first when its second
number cannot be a month ('01/13/2008'), when it carries a North American zone ('1/10/2008, 3:50 a.m. EST'),
or when the source's own timezone is in the Americas."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

MONTHS = {m: i for i, names in enumerate((
    ("jan", "january", "janvier", "januar", "enero", "gennaio", "janeiro", "ionawr"),
    ("feb", "february", "février", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "chwefror"),
    ("mar", "march", "mars", "märz", "marz", "marzo", "março", "maart", "mawrth"),
    ("apr", "april", "avril", "abril", "aprile", "ebrill"),
    ("may", "mai", "mayo", "maggio", "maio", "mei", "mai"),
    ("jun", "june", "juin", "juni", "junio", "giugno", "junho", "mehefin"),
    ("jul", "july", "juillet", "juli", "julio", "luglio", "julho", "gorffennaf"),
    ("aug", "august", "août", "aout", "agosto", "augustus", "awst"),
    ("sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro", "medi"),
    ("oct", "october", "octobre", "oktober", "octubre", "ottobre", "outubro", "hydref"),
    ("nov", "november", "novembre", "noviembre", "novembro", "tachwedd"),
    ("dec", "december", "décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro", "rhagfyr"),
), start=1) for m in names}
_MONTH = r"(?P<mon>[^\W\d_]{3,10})\.?"
_TIME = (r"(?:,?\s*(?:at\s+|-\s+|\|\s*)?(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?::(?P<ss>\d{2}))?"
         r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<tz>bst|gmt|utc|cet|cest|[ecmp][sd]t)?)?")
ZONE_HOURS = {"gmt": 0, "utc": 0, "bst": 1, "cet": 1, "cest": 2, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
              "mst": -7, "mdt": -6, "pst": -8, "pdt": -7}
MONTH_FIRST_ZONES = frozenset({"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"})
PATTERNS = [
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?"
               r"(?:\.\d+)?(?P<off>Z|[+-]\d{2}:?\d{2})?)?", re.IGNORECASE),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b" + _TIME,
               re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _TIME, re.IGNORECASE),
    re.compile(r"(?<![\d/.])(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d/.])" + _TIME, re.IGNORECASE),
]
SANE_YEARS = range(1990, 2101)  # a stated date outside these years is a placeholder or an error: no date
RELATIVE = re.compile(r"\b(\d+|an?|one|few)\s+(sec(ond)?|min(ute)?|hour|hr|day|week|month|year)s?\s+ago\b|"
                      r"\b(just now|yesterday|today|moments ago)\b", re.IGNORECASE)


def _year(raw: str) -> int:
    y = int(raw)
    return y + 2000 if y < 50 else y + 1900 if y < 100 else y


def find_datetime(text: str, tz: str = "Europe/London") -> tuple[datetime | None, bool]:
    """The first date/time stated in ``text``: (aware datetime or None, has_time). Local times are in ``tz``."""
    return next(_stated(text, tz), (None, False))


def stated_dates(text: str, tz: str = "Europe/London") -> Iterator[date]:
    """Every date ``text`` states, as written (its own day, whatever zone it names)."""
    return (when.date() for when, _ in _stated(text, tz))


def _stated(text: str, tz: str) -> Iterator[tuple[datetime, bool]]:
    """Every date/time ``text`` states, pattern by pattern (the order ``find_datetime`` takes the first in)."""
    for pat in PATTERNS:
        for m in pat.finditer(text):
            got = _build(m, tz)
            if got is not None:
                yield got


def _build(m: re.Match[str], tz: str) -> tuple[datetime, bool] | None:
    g = m.groupdict()
    try:
        if g.get("mon"):
            month = MONTHS.get(g["mon"].casefold())
            if month is None:
                return None
            day = int(g["d"])
        elif g.get("n1"):  # 21/06/2019, or 06/21/2019
            day, month = int(g["n1"]), int(g["n2"])
            if month > 12 or (day <= 12 and _month_first(g.get("tz"), tz)):
                day, month = month, day
        else:
            day, month = int(g["d"]), int(g["m"])
        year = _year(g["y"])
        if year not in SANE_YEARS:
            return None
        d = date(year, month, day)
    except (ValueError, TypeError):
        return None
    has_time = bool(g.get("hh"))
    t = time(0, 0)
    if has_time:
        hh, mm = int(g["hh"]), int(g["mm"])
        ampm = (g.get("ampm") or "").replace(".", "").casefold()
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        try:
            t = time(hh, mm, int(g.get("ss") or 0))
        except ValueError:
            has_time, t = False, time(0, 0)
    try:
        zone = _zone(g.get("off"), g.get("tz"), tz)
    except ValueError:  # an offset of 24 hours or more: the time is garbage, the date is not
        zone, has_time, t = ZoneInfo(tz), False, time(0, 0)
    return datetime.combine(d, t, tzinfo=zone), has_time


def _month_first(zone_name: str | None, tz: str) -> bool:
    """Whether a numeric date with both numbers up to 12 is month first: a North American zone stated after it,
    or a source whose own timezone is in the Americas."""
    return (zone_name or "").casefold() in MONTH_FIRST_ZONES or tz.startswith("America/")


def _zone(offset: str | None, name: str | None, default: str) -> tzinfo:
    """The zone a page states (an offset or an abbreviation), else the source's own."""
    if offset:
        if offset.upper() == "Z":
            return UTC
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
    if name:
        return timezone(timedelta(hours=ZONE_HOURS[name.casefold()]))
    return ZoneInfo(default)


def parse_iso(value: str, tz: str = "Europe/London") -> datetime | None:
    """An ISO date or datetime string (from metadata or hints); naive values are local to ``tz``.

    None when it does not parse or its year is outside `SANE_YEARS` (`0001-01-01T00:00:00Z` is a CMS placeholder).
    """
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        dt, _ = find_datetime(value, tz)
        return dt
    if dt.year not in SANE_YEARS:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo(tz))
    return dt


def is_relative(text: str) -> bool:
    return RELATIVE.search(text) is not None


def local_date(dt: datetime, tz: str) -> date:
    """The calendar date a page states: in ``tz`` for UTC instants, else as written in its own zone."""
    if dt.utcoffset() is not None and dt.utcoffset().total_seconds() == 0 and dt.tzinfo in (UTC,):
        try:
            return dt.astimezone(ZoneInfo(tz)).date()
        except OverflowError:  # the first or last day a datetime can hold
            return dt.date()
    return dt.date()
