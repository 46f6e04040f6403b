"""The report speaks to readers: units in words (inches, litres), and body types in colours that differ."""
from __future__ import annotations

import itertools

from pipeline.claims.lexicon import DURATION_UNITS, MEASURE_SYMBOLS, MEASURE_WORDS
from pipeline.report import BODY_TYPE_COLOURS, UNIT_LABELS, render_report, unit_label
from tests.helpers import Workspace

PAGE = """Water rules for the county

Rainfall reached 12 inches in March, the wettest month on record, the council said.

Each household used 140 litres of water a day last year, and leaks lost a further 20 litres.
"""


def _lab(colour: str) -> tuple[float, float, float]:
    """sRGB hex to CIELAB (D65)."""
    def linear(c: float) -> float:
        return ((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92

    r, g, b = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047
    y = r * 0.2126 + g * 0.7152 + b * 0.0722
    z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883

    def f(v: float) -> float:
        return v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_every_unit_the_extractor_makes_has_words() -> None:
    made = {f"other:{s}" for s in [*MEASURE_SYMBOLS.values(), *MEASURE_WORDS.values()]}
    made |= {unit for unit, _ in DURATION_UNITS.values() if unit.startswith("other:")}
    assert made <= set(UNIT_LABELS), sorted(made - set(UNIT_LABELS))
    assert (unit_label("other:in"), unit_label("other:l"), unit_label("GBP")) == ("inches", "litres", "GBP (£)")


def test_no_two_body_types_share_a_colour() -> None:
    closest = min((sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5, ta, tb)
                  for (ta, a), (tb, b) in itertools.combinations(BODY_TYPE_COLOURS.items(), 2))
    assert closest[0] >= 25, closest


def test_the_report_names_units_in_words(workspace: Workspace) -> None:
    (workspace.folder("news") / "water.txt").write_text(PAGE)
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    assert workspace.run().code == 0
    units = {r[0] for r in workspace.query("SELECT DISTINCT unit FROM numeric_claims")}
    assert {"other:in", "other:l"} <= units
    page = render_report(workspace.warehouse, workspace.root / "report.html") and \
        (workspace.root / "report.html").read_text()
    assert "inches" in page and "litres" in page
    assert "other:in" not in page and "other:l" not in page
