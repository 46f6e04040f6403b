"""The analyst's report: one self-contained HTML page about a published warehouse.

`render_report(warehouse, out)` opens the published warehouse read-only, draws its charts with matplotlib (Agg
canvas, saved as SVG and inlined, so the page needs no external file, script or network) and writes the page
atomically. Plain Python: the Dagster `report` asset calls it with the warehouse path and `<warehouse>.report.html`.

Sections: headline figures; claims by unit; claims by the type of body named in their sentence (the
`claims_with_bodies` view); the largest money claims with their sentences; the most mentioned bodies; boilerplate
removed per source and the top removal reasons; ingest and extraction errors per stage and the latest of them.
Every section copes with no data (it says so instead of drawing an empty chart).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import json
import os
import re
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from . import duck
from .sweep import report_temp_prefixes

STAGES = ["read", "decode", "parse", "clean", "extract"]
MONEY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}
UNIT_GROUPS = [("money", "#2f6690"), ("percent", "#3a9e8f"), ("count", "#e0a030"), ("other", "#a0a7b0")]
BODY_TYPE_LABELS = {
    "central_government": "Central government", "parliament_party": "Parliament / party",
    "local_authority": "Local authority", "combined_authority": "Combined authority", "lep": "LEP",
    "membership_body": "Membership body", "public_body": "Public body", "union": "Union",
    "think_tank": "Think tank", "university": "University", "charity_ngo": "Charity / NGO", "company": "Company",
    "programme_or_fund": "Programme or fund", "other_org": "Other organisation",
}
# one colour per type, every pair at least 25 apart in CIELAB (ΔE76), so no two types read as the same colour
BODY_TYPE_COLOURS = {
    "central_government": "#1f5f99", "parliament_party": "#7b3fa0", "local_authority": "#2e9e5b",
    "combined_authority": "#16b3c4", "lep": "#a8b820", "membership_body": "#f28e1c", "public_body": "#d62728",
    "union": "#8c564b", "think_tank": "#e377c2", "university": "#b39ddb", "charity_ngo": "#f2c12e",
    "company": "#3d3d3d", "programme_or_fund": "#1b6b52", "other_org": "#a0a7b0",
}
# how a unit reads to a person: the contract's codes and the claims extractor's `other:<symbol>` units
UNIT_LABELS = {
    "percent": "percent", "percentage_points": "percentage points", "fraction": "fraction", "ratio": "ratio",
    "count": "count", "years": "years", "months": "months", "weeks": "weeks", "days": "days", "hours": "hours",
    "other:minutes": "minutes", "other:seconds": "seconds",
    "other:km": "kilometres", "other:m": "metres", "other:cm": "centimetres", "other:mm": "millimetres",
    "other:mile": "miles", "other:ft": "feet", "other:in": "inches", "other:yd": "yards",
    "other:kg": "kilograms", "other:g": "grams", "other:mg": "milligrams", "other:lb": "pounds (weight)",
    "other:oz": "ounces", "other:tonne": "tonnes", "other:ton": "tons", "other:Mt": "megatonnes",
    "other:kt": "kilotonnes", "other:l": "litres", "other:ml": "millilitres", "other:gallon": "gallons",
    "other:ha": "hectares", "other:acre": "acres", "other:sq mile": "square miles", "other:km2": "square kilometres",
    "other:m2": "square metres", "other:sq ft": "square feet", "other:kW": "kilowatts", "other:MW": "megawatts",
    "other:GW": "gigawatts", "other:TW": "terawatts", "other:kWh": "kilowatt hours", "other:MWh": "megawatt hours",
    "other:GWh": "gigawatt hours", "other:TWh": "terawatt hours", "other:mph": "miles per hour",
    "other:km/h": "kilometres per hour", "other:°C": "degrees Celsius", "other:°F": "degrees Fahrenheit",
    "other:degree": "degrees", "other:MtCO2e": "megatonnes CO2e", "other:MtCO2": "megatonnes CO2",
    "other:tCO2e": "tonnes CO2e", "other:tCO2": "tonnes CO2", "other:MB": "megabytes", "other:GB": "gigabytes",
    "other:TB": "terabytes", "other:Mbps": "megabits per second", "other:Gbps": "gigabits per second",
    "other:W": "watts", "other:mW": "milliwatts", "other:GWh/yr": "gigawatt hours a year", "other:kV": "kilovolts",
    "other:Ah": "amp hours", "other:mAh": "milliamp hours", "other:Hz": "hertz", "other:kHz": "kilohertz",
    "other:MHz": "megahertz", "other:GHz": "gigahertz", "other:hp": "horsepower", "other:bhp": "brake horsepower",
    "other:Nm": "newton metres", "other:lb-ft": "pound-feet", "other:psi": "pounds per square inch",
    "other:ksi": "thousand psi", "other:rpm": "revolutions per minute", "other:m/s": "metres per second",
    "other:mpg": "miles per gallon", "other:dB": "decibels", "other:barrel": "barrels", "other:points": "points",
    "other:µg": "micrograms",
}
ROLE_COLOURS = {"navigation": "#2f6690", "promo": "#e0a030", "comment": "#3a9e8f", "related": "#7d5ba6",
                "caption": "#d9684a", "other_boilerplate": "#a0a7b0"}
INK, MUTED, GRID, ACCENT = "#1f2933", "#616e7c", "#e4e7eb", "#2f6690"
# text drawn as written: a "$" in a body name or reason is a dollar sign, not the start of mathtext
TEXT_RC = {"font.family": ["DejaVu Sans", "sans-serif"], "text.parse_math": False, "text.usetex": False}


# --------------------------------------------------------------------------------------------------- formatting

def esc(value: Any) -> str:
    """Text for HTML: None as an em dash, everything escaped."""
    return "—" if value is None else html.escape(str(value), quote=True)


def fmt_int(n: int | float | None) -> str:
    return "—" if n is None else f"{int(n):,}"


def fmt_money(value: float | None, currency: str | None) -> str:
    """`£1.7bn`, `$30m`, `€45k`, `£1,000`, `£4.70`; unknown currencies as `CHF 2m`."""
    if value is None:
        return "—"
    code = currency or ""
    sign = MONEY_SYMBOLS.get(code, f"{code} " if code else "")
    a = abs(value)
    for scale, suffix, floor in ((1e12, "tn", 1e12), (1e9, "bn", 1e9), (1e6, "m", 1e6), (1e3, "k", 1e4)):
        if a >= floor:
            text = f"{value / scale:,.2f}".rstrip("0").rstrip(".") + suffix
            break
    else:
        text = f"{value:,.2f}".removesuffix(".00")
    return ("-" if text.startswith("-") else "") + sign + text.lstrip("-")


def fmt_value(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"


def fmt_pct(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f}%"


def shorten(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def marked_sentence(sentence: str | None, start: int | None, end: int | None) -> str:
    """The sentence escaped, with the claim's span (offsets relative to the sentence) in <mark>."""
    if not sentence:
        return "—"
    if start is None or end is None or not (0 <= start < end <= len(sentence)):
        return esc(sentence)
    return f"{esc(sentence[:start])}<mark>{esc(sentence[start:end])}</mark>{esc(sentence[end:])}"


# ------------------------------------------------------------------------------------------------------ queries

class Reader:
    """Read-only queries on the published warehouse; a table or view it lacks reads as empty."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        names = con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
                            "UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' "
                            "AND NOT internal").fetchall()
        self.names = {n for (n,) in names}

    def has(self, *names: str) -> bool:
        return all(n in self.names for n in names)

    def rows(self, sql: str, *needs: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        if not self.has(*needs):
            return []
        cols, rows = duck.fetch_all(self.con, sql, list(params))
        return [dict(zip(cols, r, strict=True)) for r in rows]

    def scalar(self, sql: str, *needs: str, default: Any = 0) -> Any:
        if not self.has(*needs):
            return default
        rows = duck.fetch_all(self.con, sql)[1]
        return default if not rows or rows[0][0] is None else rows[0][0]


# ------------------------------------------------------------------------------------------------------- charts

class Charts:
    """Matplotlib figures on an Agg canvas, saved as inline SVG (text kept as text, so titles are searchable)."""

    def __init__(self) -> None:
        import matplotlib

        self.mpl = matplotlib
        self.count = 0

    def _figure(self, height: float, width: float = 6.4, left_chars: int = 0, bottom: float = 0.55,
                left_min: float = 0.45):
        """A figure with fixed margins (inches): room for `left_chars` of tick labels, a title and an x label.

        Fixed margins instead of a layout engine: measuring every label twice would double the drawing time."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width, height), dpi=100)
        FigureCanvasAgg(fig)
        left = max(left_min, 0.2 + 0.068 * left_chars)
        fig.subplots_adjust(left=left / width, right=1 - 0.2 / width, top=1 - 0.45 / height,
                            bottom=bottom / height)
        return fig

    LEGEND_COLUMNS = 4

    def _legend_rows(self, items: list[tuple[str, str]]) -> int:
        return -(-len(items) // self.LEGEND_COLUMNS)

    def _bar_figure(self, ticks: list[str], legend: list[tuple[str, str]]):
        """A figure for horizontal bars: 0.3 in per bar, room for the tick labels and a legend under the axes."""
        below = 0.22 * self._legend_rows(legend) + (0.1 if legend else 0)
        fig = self._figure(height=1.1 + below + 0.3 * max(len(ticks), 2), bottom=0.55 + below,
                           left_chars=max(map(len, ticks), default=0))
        return fig, fig.add_subplot()

    def _legend_below(self, fig, items: list[tuple[str, str]]) -> None:
        if not items:
            return
        from matplotlib.patches import Patch

        fig.legend(handles=[Patch(color=c, label=lab) for lab, c in items], loc="lower center",
                   bbox_to_anchor=(0.5, 0.02), ncol=min(len(items), self.LEGEND_COLUMNS), fontsize=8.5,
                   frameon=False, handlelength=1.2, columnspacing=1.4)

    def _style(self, ax, title: str, xlabel: str, ylabel: str | None = None) -> None:
        fig = ax.figure
        width, height = fig.get_size_inches()
        fig.text(0.15 / width, 1 - 0.14 / height, title, ha="left", va="top", fontsize=12, fontweight="bold",
                 color=INK)
        ax.set_xlabel(xlabel, fontsize=9.5, color=MUTED)
        if ylabel:
            ax.set_ylabel(ylabel, fontsize=9.5, color=MUTED)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_color("#cbd2d9")
        ax.tick_params(colors=INK, labelsize=9, length=0)
        ax.grid(axis="x", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)

    def _svg(self, fig, title: str) -> str:
        self.count += 1
        rc = {"svg.fonttype": "none", "svg.hashsalt": "claimhouse",
              "font.family": ["DejaVu Sans", "sans-serif"]}
        buf = io.StringIO()
        with self.mpl.rc_context(rc):
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        svg = buf.getvalue()
        svg = svg[svg.index("<svg"):]
        # ids unique in the page (matplotlib numbers them per figure: figure_1, axes_1, ...), references with them
        prefix = f"chart{self.count}-"
        svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
        svg = re.sub(r'(url\(#|href="#)([^")]+)', lambda m: f"{m.group(1)}{prefix}{m.group(2)}", svg)
        # responsive: keep the viewBox, let CSS size it; label it for screen readers
        svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"',
                     lambda m: f'<svg{m.group(1)} class="chart" role="img" aria-label="{esc(title)}"', svg, count=1)
        return svg

    def hbar(self, title: str, labels: list[str], values: list[float], xlabel: str, *,
             colours: list[str] | None = None, annotations: list[str] | None = None,
             legend: list[tuple[str, str]] | None = None, percent: bool = False) -> str:
        """A horizontal bar chart, largest first at the top."""
        with self.mpl.rc_context(TEXT_RC):
            ticks = [shorten(x, 46) for x in labels]
            fig, ax = self._bar_figure(ticks, legend or [])
            ys = list(range(len(labels)))[::-1]
            ax.barh(ys, values, color=colours or ACCENT, height=0.68)
            ax.set_yticks(ys, ticks)
            ax.set_ylim(-0.6, len(labels) - 0.4)
            top = max(values) if values else 1
            ax.set_xlim(0, _room_for_notes(fig, ax, values, annotations or [], top or 1))
            for y, v, note in zip(ys, values, annotations or [None] * len(values), strict=True):
                if note:
                    ax.text(v + (top or 1) * 0.012, y, note, va="center", fontsize=8.5, color=MUTED)
            if percent:
                ax.xaxis.set_major_formatter(self.mpl.ticker.PercentFormatter(xmax=1, decimals=0))
            else:
                ax.xaxis.set_major_locator(self.mpl.ticker.MaxNLocator(nbins=6, integer=True))
                ax.xaxis.set_major_formatter(self.mpl.ticker.FuncFormatter(lambda x, _: f"{x:,.0f}"))
            self._legend_below(fig, legend or [])
            self._style(ax, title, xlabel)
            return self._svg(fig, title)

    def stacked_hbar(self, title: str, labels: list[str], series: list[tuple[str, str, list[float]]],
                     xlabel: str) -> str:
        """Horizontal bars stacked by series (name, colour, values), with each bar's total at its end."""
        with self.mpl.rc_context(TEXT_RC):
            ticks = [shorten(x, 46) for x in labels]
            drawn = [(name, colour) for name, colour, values in series if any(values)]
            fig, ax = self._bar_figure(ticks, drawn)
            ys = list(range(len(labels)))[::-1]
            ax.set_ylim(-0.6, len(labels) - 0.4)
            left = [0.0] * len(labels)
            for name, colour, values in series:
                if any(values):
                    ax.barh(ys, values, left=left, color=colour, height=0.68, label=name)
                    left = [a + b for a, b in zip(left, values, strict=True)]
            top = max(left) if left else 1
            for y, total in zip(ys, left, strict=True):
                ax.text(total + (top or 1) * 0.012, y, f"{total:,.0f}", va="center", fontsize=8.5, color=MUTED)
            ax.set_xlim(0, _room_for_notes(fig, ax, left, [f"{t:,.0f}" for t in left], top or 1))
            ax.set_yticks(ys, ticks)
            ax.xaxis.set_major_locator(self.mpl.ticker.MaxNLocator(nbins=6, integer=True))
            self._legend_below(fig, drawn)
            self._style(ax, title, xlabel)
            return self._svg(fig, title)

    def columns(self, title: str, labels: list[str], values: list[float], ylabel: str, colour: str) -> str:
        """A small vertical bar chart (every category shown, zeros included), value on each bar."""
        with self.mpl.rc_context(TEXT_RC):
            fig = self._figure(height=2.8, bottom=0.6, left_min=0.6)
            ax = fig.add_subplot()
            ax.bar(labels, values, color=colour, width=0.6)
            top = max(values) if values else 1
            for x, v in enumerate(values):
                ax.text(x, v + (top or 1) * 0.02, f"{v:,.0f}", ha="center", va="bottom", fontsize=9, color=INK)
            ax.set_ylim(0, (top or 1) * 1.18)
            ax.yaxis.set_major_locator(self.mpl.ticker.MaxNLocator(integer=True))
            self._style(ax, title, "stage", ylabel)
            ax.grid(axis="x", visible=False)
            ax.grid(axis="y", color=GRID, linewidth=0.8)
            return self._svg(fig, title)


def _room_for_notes(fig, ax, values: list[float], notes: list[str], top: float) -> float:
    """The x-axis limit that leaves room after each bar for its note (about 0.062 in per character at 8.5 pt)."""
    axes_in = ax.get_position().width * fig.get_size_inches()[0]
    limit = top * 1.05
    for v, note in zip(values, notes, strict=False):
        free = axes_in - 0.1 - 0.062 * len(note or "")
        if free > 0.5:
            limit = max(limit, v * axes_in / free)
    return limit


# ----------------------------------------------------------------------------------------------------- sections

def _empty(message: str) -> str:
    return f'<p class="empty">{esc(message)}</p>'


def _table(headers: list[str], body_rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """An HTML table; cells are already-escaped HTML."""
    head = "".join(f'<th{" class=num" if i in numeric else ""}>{esc(h)}</th>' for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f'<td{" class=num" if i in numeric else ""}>{c}</td>' for i, c in enumerate(r))
                   + "</tr>" for r in body_rows)
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def unit_label(unit: str | None) -> str:
    """A unit as a reader says it: `other:l` -> litres, `GBP` -> GBP (£); an unknown `other:x` -> x."""
    if not unit:
        return "(none)"
    if unit in MONEY_SYMBOLS:
        return f"{unit} ({MONEY_SYMBOLS[unit]})"
    return UNIT_LABELS.get(unit, unit.removeprefix("other:"))


def _unit_group(unit: str | None) -> str:
    if unit and re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    if unit in ("percent", "percentage_points"):
        return "percent"
    return "count" if unit == "count" else "other"


def section_claims_by_unit(db: Reader, charts: Charts) -> str:
    units = db.rows("SELECT unit, claims, documents, min_value, median_value, max_value, increases, decreases "
                    "FROM claims_by_unit "
                    "ORDER BY claims DESC, unit", "claims_by_unit")
    if not units:
        return _empty("No numeric claims in this warehouse yet.")
    colours = dict(UNIT_GROUPS)
    chart = charts.hbar("Claims by unit", [unit_label(u["unit"]) for u in units], [u["claims"] for u in units],
                        "claims", colours=[colours[_unit_group(u["unit"])] for u in units],
                        annotations=[f'{u["documents"]:,} doc{"s" if u["documents"] != 1 else ""}' for u in units],
                        legend=[(g, c) for g, c in UNIT_GROUPS if any(_unit_group(u["unit"]) == g for u in units)])

    def show(u: dict, key: str) -> str:
        return esc(fmt_money(u[key], u["unit"]) if _unit_group(u["unit"]) == "money" else fmt_value(u[key]))

    table = _table(["unit", "claims", "documents", "min", "median", "max", "rises", "falls"],
                   [[esc(unit_label(u["unit"])), fmt_int(u["claims"]), fmt_int(u["documents"]), show(u, "min_value"),
                     show(u, "median_value"), show(u, "max_value"), fmt_int(u["increases"]),
                     fmt_int(u["decreases"])] for u in units], numeric={1, 2, 3, 4, 5, 6, 7})
    note = ('<p class="note">Rises and falls: claims that are the size of a stated increase or decrease '
            '(<code>change</code>); the min, median and max are of all the unit\'s claims.</p>')
    return chart + table + note


# The pairs of `claims_with_bodies` (sql/40) counted per body type: grouped by the claim's row number, not by its
# id as the view's rows are; over millions of pairs string keys make DuckDB spill (21 s at 100,000 pages, now 7 s).
CLAIMS_BY_BODY_TYPE = """
    WITH named AS MATERIALIZED (
        SELECT c.rowid AS claim, any_value(c.unit) AS unit, m.body_id,
               bool_or(coalesce(c.attributed_body_id = m.body_id, false)) AS stated
        FROM numeric_claims c
        JOIN body_mentions m ON m.doc_id = c.doc_id
                            AND m.char_start >= c.sentence_start AND m.char_end <= c.sentence_end
        GROUP BY c.rowid, m.body_id),
    per_claim AS (SELECT b.body_type, n.claim, any_value(n.unit) AS unit, bool_or(n.stated) AS stated
                  FROM named n JOIN bodies b USING (body_id) GROUP BY b.body_type, n.claim),
    per_type AS (SELECT b.body_type, count(*) AS bodies, first(b.name ORDER BY n.claims DESC, b.name) AS top_body
                 FROM (SELECT body_id, count(*) AS claims FROM named GROUP BY ALL) n JOIN bodies b USING (body_id)
                 GROUP BY ALL)
    SELECT c.body_type, c.unit, count(*) AS claims, count(*) FILTER (WHERE c.stated) AS stated,
           any_value(t.bodies) AS bodies, any_value(t.top_body) AS top_body
    FROM per_claim c LEFT JOIN per_type t ON t.body_type IS NOT DISTINCT FROM c.body_type
    GROUP BY c.body_type, c.unit"""


def section_claims_by_body_type(db: Reader, charts: Charts) -> str:
    rows = db.rows(CLAIMS_BY_BODY_TYPE, "numeric_claims", "body_mentions", "bodies")
    if not rows:
        return _empty("No claim has a named body in its sentence.")
    per_type: dict[str, dict[str, int]] = {}
    detail: dict[str, dict] = {}
    for r in rows:
        body_type = r["body_type"] or "other_org"
        groups = per_type.setdefault(body_type, {})
        g = _unit_group(r["unit"])
        groups[g] = groups.get(g, 0) + r["claims"]
        d = detail.setdefault(body_type, {"claims": 0, "stated": 0, "bodies": r["bodies"], "top_body": r["top_body"]})
        d["claims"] += r["claims"]
        d["stated"] += r["stated"]
    order = sorted(per_type, key=lambda t: (-sum(per_type[t].values()), t))
    series = [(g, c, [per_type[t].get(g, 0) for t in order]) for g, c in UNIT_GROUPS]
    chart = charts.stacked_hbar("Claims by type of body named in the sentence",
                                [BODY_TYPE_LABELS.get(t, t) for t in order], series, "claims")
    table = _table(["body type", "claims", "stated by the body", "bodies", "most often"],
                   [[esc(BODY_TYPE_LABELS.get(t, t)), fmt_int(detail[t]["claims"]), fmt_int(detail[t]["stated"]),
                     fmt_int(detail[t]["bodies"]), esc(detail[t]["top_body"])] for t in order if t in detail],
                   numeric={1, 2, 3})
    note = ('<p class="note">A claim counts once for each type of body named in its sentence, '
            "whether or not the body states it.</p>")
    return chart + table + note


_CHANGE_LABELS = {"increase": "▲ a rise of", "decrease": "▼ a fall of"}


def section_money(db: Reader) -> str:
    # the twelve largest first, then their offsets: joining every money claim back to its row cost 4 s at 100k pages
    rows = db.rows("""
        WITH top AS (SELECT * FROM money_claims ORDER BY value DESC NULLS LAST, claim_id LIMIT 12)
        SELECT m.surface, m.currency, m.value, m.qualifier, m.change, m.measured, m.attributed_to,
               m.attributed_body_name, m.attributed_person_name, m.document_title, m.uri, m.source,
               m.published_date, m.sentence,
               c.char_start - c.sentence_start AS mark_start, c.char_end - c.sentence_start AS mark_end
        FROM top m JOIN numeric_claims c ON c.claim_id = m.claim_id AND c.doc_id = m.doc_id
        ORDER BY m.value DESC NULLS LAST, m.claim_id""", "money_claims", "numeric_claims")
    if not rows:
        return _empty("No money claims in this warehouse yet.")
    body = []
    for r in rows:
        who = ", ".join(x for x in (r["attributed_person_name"], r["attributed_body_name"]) if x) \
            or r["attributed_to"]
        doc = esc(r["document_title"] or r["uri"])
        meta = f'<div class="sub">{esc(r["source"])}{" · " + esc(r["published_date"]) if r["published_date"] else ""}'
        body.append([
            f'<span class="money">{esc(fmt_money(r["value"], r["currency"]))}</span>'
            + (f'<div class="sub">{esc(r["qualifier"])}</div>' if r["qualifier"] not in (None, "exact") else "")
            + (f'<div class="sub">{_CHANGE_LABELS[r["change"]]}</div>' if r["change"] in _CHANGE_LABELS else ""),
            esc(r["measured"]), esc(who),
            f'<div class="sentence">{marked_sentence(r["sentence"], r["mark_start"], r["mark_end"])}</div>',
            f"{doc}{meta}</div>",
        ])
    note = '<p class="note">Values in the stated currency (not converted); a range counts as its two ends.</p>'
    return _table(["value", "what", "said by", "sentence", "document"], body, numeric={0}) + note


def section_bodies(db: Reader, charts: Charts) -> str:
    rows = db.rows("SELECT name, body_type, acronym, documents, mentions FROM body_mention_counts "
                   "WHERE mentions > 0 ORDER BY mentions DESC, documents DESC, name LIMIT 15", "body_mention_counts")
    if not rows:
        return _empty("No bodies are named in this warehouse yet.")
    types = []
    for r in rows:
        if r["body_type"] not in types:
            types.append(r["body_type"])
    labels = [r["name"] + (f' ({r["acronym"]})' if r["acronym"] and r["acronym"] not in r["name"] else "")
              for r in rows]
    return charts.hbar(
        "Most mentioned bodies", labels, [r["mentions"] for r in rows], "mentions",
        colours=[BODY_TYPE_COLOURS.get(r["body_type"], "#a0a7b0") for r in rows],
        annotations=[f'{r["documents"]:,} doc{"s" if r["documents"] != 1 else ""}' for r in rows],
        legend=[(BODY_TYPE_LABELS.get(t, t or "other"), BODY_TYPE_COLOURS.get(t, "#a0a7b0")) for t in types])


def section_boilerplate(db: Reader, charts: Charts) -> str:
    per_source = db.rows(
        "SELECT d.source, count(DISTINCT d.doc_id) AS documents, "
        "       coalesce(sum(length(b.text)), 0) AS block_chars, "
        "       coalesce(sum(length(b.text)) FILTER (WHERE b.is_boilerplate), 0) AS removed_chars, "
        "       count(*) FILTER (WHERE b.is_boilerplate) AS removed_blocks "
        "FROM documents d LEFT JOIN document_blocks b ON b.doc_id = d.doc_id GROUP BY d.source ORDER BY d.source",
        "documents", "document_blocks")
    if not per_source:
        return _empty("No documents in this warehouse yet.")
    reasons = db.rows(
        "SELECT d.source, b.role, b.reason, count(*) AS blocks, sum(length(b.text)) AS chars "
        "FROM document_blocks b JOIN documents d ON d.doc_id = b.doc_id WHERE b.is_boilerplate "
        "GROUP BY ALL ORDER BY chars DESC, reason", "documents", "document_blocks")
    out = ['<div class="pair">']
    shares = [(s["removed_chars"] / s["block_chars"]) if s["block_chars"] else 0.0 for s in per_source]
    out.append(charts.hbar(
        "Share of page text removed as boilerplate, by source", [s["source"] for s in per_source], shares,
        "share of block characters that are boilerplate", percent=True,
        annotations=[f'{fmt_pct(sh)} of {s["block_chars"]:,} chars' for s, sh in zip(per_source, shares,
                                                                                     strict=True)]))
    if reasons:
        overall: dict[tuple[str, str], list[int]] = {}
        for r in reasons:
            acc = overall.setdefault((r["role"], r["reason"]), [0, 0])
            acc[0] += r["chars"] or 0
            acc[1] += r["blocks"]
        top = sorted(overall.items(), key=lambda kv: (-kv[1][0], kv[0][1] or ""))[:10]
        roles = []
        for (role, _), _ in top:
            if role not in roles:
                roles.append(role)
        out.append(charts.hbar(
            "Top reasons text was removed", [reason or role for (role, reason), _ in top],
            [v[0] for _, v in top], "characters removed",
            colours=[ROLE_COLOURS.get(role, "#a0a7b0") for (role, _), _ in top],
            annotations=[f"{v[1]:,} block{'s' if v[1] != 1 else ''}" for _, v in top],
            legend=[(r, ROLE_COLOURS.get(r, "#a0a7b0")) for r in roles]))
    else:
        out.append(_empty("Nothing was removed as boilerplate."))
    out.append("</div>")
    top_by_source: dict[str, list[str]] = {}
    for r in reasons:
        top_by_source.setdefault(r["source"], [])
        if len(top_by_source[r["source"]]) < 3:
            top_by_source[r["source"]].append(f'{esc(r["reason"])} <span class="sub">({r["chars"]:,})</span>')
    out.append(_table(
        ["source", "documents", "block chars", "removed chars", "share", "top reasons (chars)"],
        [[esc(s["source"]), fmt_int(s["documents"]), fmt_int(s["block_chars"]), fmt_int(s["removed_chars"]),
          fmt_pct(sh), "<br>".join(top_by_source.get(s["source"], [])) or "—"]
         for s, sh in zip(per_source, shares, strict=True)], numeric={1, 2, 3, 4}))
    return "".join(out)


def section_errors(db: Reader, charts: Charts) -> str:
    counts = dict(db.con.execute("SELECT stage, count(*) FROM ingest_errors GROUP BY stage").fetchall()) \
        if db.has("ingest_errors") else {}
    if not counts:
        return _empty("No errors: every document was read, cleaned and extracted.")
    stages = STAGES + sorted(s for s in counts if s not in STAGES)
    chart = charts.columns("Errors by stage", stages, [counts.get(s, 0) for s in stages], "documents", "#b23a48")
    latest = db.rows("SELECT occurred_at, stage, source, uri, location, error FROM ingest_errors "
                     "ORDER BY occurred_at DESC NULLS LAST, source, uri LIMIT 15", "ingest_errors")
    table = _table(["when (UTC)", "stage", "source", "document", "error"],
                   [[esc(r["occurred_at"].strftime("%Y-%m-%d %H:%M") if r["occurred_at"] else None),
                     f'<span class="pill">{esc(r["stage"])}</span>', esc(r["source"]),
                     esc(r["uri"]) + (f'<div class="sub">{esc(r["location"])}</div>' if r["location"] else ""),
                     esc(r["error"])] for r in latest])
    return chart + table


# --------------------------------------------------------------------------------------------------------- page

CSS = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bg: #f5f7fa; --card: #fff; --accent: #2f6690; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, sans-serif; }
header { background: #102a43; color: #f0f4f8; padding: 28px 40px 24px; }
header h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; letter-spacing: .2px; }
header p { margin: 0; color: #bcccdc; font-size: 13.5px; }
main { max-width: 1320px; margin: 0 auto; padding: 24px 32px 48px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; margin-bottom: 24px; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.kpi b { display: block; font-size: 24px; font-weight: 650; color: var(--accent); }
.kpi span { color: var(--muted); font-size: 13px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 20px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 20px 22px;
          min-width: 0; }
section.wide { grid-column: 1 / -1; }
section h2 { margin: 0 0 2px; font-size: 18px; }
section > p.lede { margin: 0 0 12px; color: var(--muted); font-size: 13.5px; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 8px 24px;
        align-items: start; }
svg.chart { width: 100%; height: auto; display: block; margin: 6px 0 10px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--line);
     padding: 6px 10px; white-space: nowrap; }
td { border-bottom: 1px solid var(--line); padding: 7px 10px; vertical-align: top; }
tbody tr:nth-child(even) td { background: #fafbfc; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.money { font-weight: 650; font-size: 15px; color: var(--accent); }
.sentence { max-width: 60ch; }
mark { background: #fff1c2; padding: 0 2px; border-radius: 3px; }
.sub { color: var(--muted); font-size: 12px; }
.note { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
.empty { color: var(--muted); font-style: italic; background: var(--bg); border-radius: 8px; padding: 18px;
         text-align: center; margin: 8px 0; }
.pill { background: #fde8e8; color: #9b1c1c; border-radius: 999px; padding: 1px 8px; font-size: 12px; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 0 0 28px; }
"""


def _section(title: str, lede: str, content: str, wide: bool = False) -> str:
    return (f'<section{" class=wide" if wide else ""}><h2>{esc(title)}</h2><p class="lede">{esc(lede)}</p>'
            f"{content}</section>")


def render_report(warehouse: Path, out: Path) -> dict:
    """Write the HTML report of the published `warehouse` to `out` (atomically); return a few figures.

    The warehouse is opened read-only and never locked for writing. Returns
    {"path", "charts", "documents", "claims", "money_claims", "bodies", "errors", "seconds"}.
    """
    started = time.perf_counter()
    warehouse, out = Path(warehouse), Path(out)
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `make run` first")
    spill_prefix, _ = report_temp_prefixes(warehouse, os.getpid())  # a dead writer's leftovers are swept by pid
    with tempfile.TemporaryDirectory(prefix=spill_prefix, dir=warehouse.parent) as spill:
        con = duck.connect(warehouse, read_only=True, spill_dir=Path(spill))
        try:
            db = Reader(con)
            charts = Charts()
            info = (db.rows("SELECT * FROM warehouse_info LIMIT 1", "warehouse_info") or [{}])[0]
            figures = {
                "documents": db.scalar("SELECT count(*) FROM documents", "documents"),
                "claims": db.scalar("SELECT count(*) FROM numeric_claims", "numeric_claims"),
                "money_claims": db.scalar("SELECT count(*) FROM money_claims", "money_claims"),
                "bodies": db.scalar("SELECT count(*) FROM bodies", "bodies"),
                "people": db.scalar("SELECT count(*) FROM people", "people"),
                "places": db.scalar("SELECT count(*) FROM places", "places"),
                "errors": db.scalar("SELECT count(*) FROM ingest_errors", "ingest_errors"),
            }
            sources = {}
            with contextlib.suppress(TypeError, ValueError):
                sources = json.loads(info.get("sources") or "{}")
            sections = [
                _section("Claims by unit", "Every number the articles assert, by what it counts.",
                         section_claims_by_unit(db, charts)),
                _section("Claims by body type", "Claims whose sentence names a body, by the type of that body.",
                         section_claims_by_body_type(db, charts)),
                _section("Largest money claims", "The biggest sums stated, with the sentence that states them.",
                         section_money(db), wide=True),
                _section("Most mentioned bodies", "Organisations, public bodies and funds named most often.",
                         section_bodies(db, charts)),
                _section("Errors", "Documents that could not be read or processed, by stage; the latest first.",
                         section_errors(db, charts)),
                _section("Boilerplate removed", "How much of each source's pages was navigation, promos, comments "
                         "and the like, and why it was removed.", section_boilerplate(db, charts), wide=True),
            ]
        finally:
            con.close()

    published = info.get("published_at")
    subtitle = " · ".join(x for x in [
        f"published {published:%Y-%m-%d %H:%M} UTC" if isinstance(published, dt.datetime) else None,
        f"{len(sources)} source{'s' if len(sources) != 1 else ''}" if sources else None,
        f"pipeline {info['pipeline_version']}" if info.get("pipeline_version") else None,
        f"run {info['run_id'][:8]}" if info.get("run_id") else None,
    ] if x)
    kpis = "".join(f'<div class="kpi"><b>{fmt_int(figures[k])}</b><span>{esc(label)}</span></div>' for k, label in [
        ("documents", "documents"), ("claims", "numeric claims"), ("money_claims", "money claims"),
        ("bodies", "bodies"), ("people", "people"), ("places", "places"), ("errors", "errors")])
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Claimhouse report — {esc(warehouse.name)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>Claimhouse report</h1><p>{esc(subtitle or str(warehouse))}</p></header>"
        f'<main><div class="kpis">{kpis}</div><div class="grid">{"".join(sections)}</div></main>'
        f"<footer>Generated {esc(generated)} from {esc(warehouse)} (read-only).</footer></body></html>\n")

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{out.name}.{os.getpid()}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(page)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return {"path": str(out), "charts": charts.count, **figures,
            "seconds": round(time.perf_counter() - started, 3)}
