"""Evaluate the claims extractor on development sets: value F1, value+unit F1, value+direction F1, qualifier
accuracy, measured and attribution accuracy, per set (the definitions are in `tests/claims_dev.py`).

Sets: our own annotated news sentences (`tests/data/claims_news_dev.txt`, tuned on, and
`tests/data/claims_news_holdout.txt`, written afterwards and never tuned on), and public test sets read
from bare git mirrors given as arguments (never copied into this repository):

    .venv/bin/python bench/eval_claims.py [/path/to/microsoft+Recognizers-Text/repo] [/path/to/quantulum3/repo]

Recognizers-Text: the English Number, NumberRange, Percent, Currency, Dimension and Age specs (cases its Python
port does not support are skipped); quantulum3: `quantities.json`. Their unit names are mapped to ours where
the contract has one; a gold unit with no mapping is not judged. A typed spec (Currency, Percent, Dimension, Age)
lists only its type, so only predictions of that type count there. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.claims import extract_claims  # noqa: E402
from tests.claims_dev import HOLDOUT, Case, Gold, load_dev_set, score  # noqa: E402

# a typed spec (Currency, Percent, ...) lists only its type: predictions of other types are not counted there
FAMILIES = {
    "rt-percent": lambda unit: unit in ("percent", "percentage_points"),
    "rt-currency": lambda unit: bool(re.fullmatch(r"[A-Z]{3}", unit)),
    "rt-dimension": lambda unit: unit.startswith("other:"),
    "rt-age": lambda unit: unit in ("years", "months", "weeks", "days"),
}
RT_SPECS = {
    "rt-number": "Specs/Number/English/NumberModel.json",
    "rt-range": "Specs/Number/English/NumberRangeModel.json",
    "rt-percent": "Specs/Number/English/PercentModel.json",
    "rt-currency": "Specs/NumberWithUnit/English/CurrencyModel.json",
    "rt-dimension": "Specs/NumberWithUnit/English/DimensionModel.json",
    "rt-age": "Specs/NumberWithUnit/English/AgeModel.json",
}
# Recognizers-Text and quantulum3 unit names -> (our unit, factor to our value)
UNIT_MAP = {
    "dollar": ("USD", 1), "united states dollar": ("USD", 1), "euro": ("EUR", 1), "chinese yuan": ("CNY", 1),
    "pound": ("GBP", 1), "british pound": ("GBP", 1), "pound sterling": ("GBP", 1), "cent": ("USD", 0.01),
    "pence": ("GBP", 0.01), "penny": ("GBP", 0.01), "canadian dollar": ("CAD", 1), "japanese yen": ("JPY", 1),
    "australian dollar": ("AUD", 1), "hong kong dollar": ("HKD", 1), "swiss franc": ("CHF", 1),
    "new zealand dollar": ("NZD", 1), "mexican peso": ("MXN", 1), "turkish lira": ("TRY", 1),
    "year": ("years", 1), "month": ("months", 1), "week": ("weeks", 1), "day": ("days", 1), "hour": ("hours", 1),
    "foot": ("other:ft", 1), "meter": ("other:m", 1), "metre": ("other:m", 1), "mile": ("other:mile", 1),
    "kilometer": ("other:km", 1), "kilometre": ("other:km", 1), "kilogram": ("other:kg", 1),
    "inch": ("other:in", 1), "gallon": ("other:gallon", 1), "ton": ("other:ton", 1),
    "metric ton": ("other:tonne", 1), "tonne": ("other:tonne", 1), "millimeter": ("other:mm", 1),
    "square meter": ("other:m2", 1), "square kilometer": ("other:km2", 1), "square kilometre": ("other:km2", 1),
    "square mile": ("other:sq mile", 1), "acre": ("other:acre", 1), "kilometer per hour": ("other:km/h", 1),
    "kilometre per hour": ("other:km/h", 1), "mile per hour": ("other:mph", 1), "degree celsius": ("other:°C", 1),
    "degree fahrenheit": ("other:°F", 1), "litre": ("other:l", 1), "milligram": ("other:mg", 1),
    "megabyte": ("other:MB", 1), "percentage": ("percent", 1), "dimensionless": ("count", 1),
}


def _git_json(repo: Path, path: str) -> list:
    out = subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=True)
    return json.loads(out.stdout.decode("utf-8-sig"))


# in a dimension spec a pound or an ounce is a weight
WEIGHTS = {"pound": ("other:lb", 1), "ounce": ("other:oz", 1)}


def _unit(name: str | None, weights: bool = False) -> tuple[str | None, float]:
    key = (name or "").lower()
    return (WEIGHTS.get(key) if weights else None) or UNIT_MAP.get(key, (None, 1.0))


def _range_gold(value: str) -> list[Gold]:
    """'[10,15)' -> at_least 10 and up_to 15; '(,40]' -> up_to 40; '(40,)' -> over 40."""
    m = re.fullmatch(r"([\[(])([^,]*),([^,\])]*)([\])])", value.replace(" ", ""))
    if not m:
        return []
    lo, hi = m.group(2), m.group(3)
    if lo and hi:
        return [Gold(float(lo), qualifier="at_least"), Gold(float(hi), qualifier="up_to")]
    if lo:
        return [Gold(float(lo), qualifier="at_least" if m.group(1) == "[" else "over")]
    return [Gold(float(hi), qualifier="up_to" if m.group(4) == "]" else "under")] if hi else []


def recognizers(repo: Path, spec: str) -> list[Case]:
    """One Recognizers-Text English spec as cases (entries its Python port does not support skipped)."""
    cases = []
    for entry in _git_json(repo, spec):
        if "python" in entry.get("NotSupported", "").lower():
            continue
        case = Case(entry["Input"])
        for r in entry["Results"]:
            res = r.get("Resolution") or {}
            value = str(res.get("value", ""))
            if "range" in spec.lower():
                case.gold += _range_gold(value)
                continue
            try:
                v = float(value.rstrip("%").replace(",", ""))
            except ValueError:
                continue
            if value.endswith("%"):
                case.gold.append(Gold(v, unit="percent"))
                continue
            unit, factor = ((res.get("isoCurrency"), 1.0) if res.get("isoCurrency")
                            else _unit(res.get("unit"), weights="Dimension" in spec))
            if "Age" in spec and unit is None:
                unit = "years"
            if "NumberModel" in spec:
                unit = None
            case.gold.append(Gold(v * factor, unit=unit))
        cases.append(case)
    return cases


def quantulum(repo: Path) -> list[Case]:
    cases = []
    for entry in _git_json(repo, "quantulum3/_lang/en_US/tests/quantities.json"):
        case = Case(entry["req"])
        for r in entry["res"]:
            unit, factor = _unit(r.get("unit"))
            if isinstance(r.get("value"), (int, float)):
                case.gold.append(Gold(float(r["value"]) * factor, unit=unit))
        cases.append(case)
    return cases


def _fmt(x: float | int | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}" if isinstance(x, float) else f"{x:6d}"


COLUMNS = [("gold", "gold"), ("pred", "pred"), ("value_f1", "value F1"), ("value_unit_f1", "+unit F1"),
           ("value_change_f1", "+dir F1"), ("qualifier_acc", "qualif."), ("measured_acc", "measured"),
           ("measured_stated_acc", "meas.(stated)"), ("attributed_acc", "attrib."),
           ("attributed_stated_acc", "attr.(stated)")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mirrors", nargs="*", type=Path, help="bare git dirs of Recognizers-Text and/or quantulum3")
    ap.add_argument("--misses", action="store_true", help="list the claims of the news set that do not agree")
    args = ap.parse_args()
    sets: dict[str, list[Case]] = {"news-dev (ours)": load_dev_set(), "news-holdout": load_dev_set(HOLDOUT)}
    for repo in args.mirrors:
        if "recognizers" in str(repo).lower():
            sets.update({name: recognizers(repo, spec) for name, spec in RT_SPECS.items()})
        elif "quantulum" in str(repo).lower():
            sets["quantulum3"] = quantulum(repo)
    print(f"{'set':16}" + "".join(f"{label:>14}" for _, label in COLUMNS))
    for name, cases in sets.items():
        t0 = time.perf_counter()
        family = FAMILIES.get(name)
        row = score(cases, (lambda t, f=family: [c for c in extract_claims(t) if f(c.unit)]) if family
                    else extract_claims).row()
        print(f"{name:16}" + "".join(f"{_fmt(row[key]):>14}" for key, _ in COLUMNS)
              + f"   ({len(cases)} texts, {time.perf_counter() - t0:.2f}s)")
    if args.misses:
        _print_misses(sets["news-dev (ours)"])


def _print_misses(cases: list[Case]) -> None:
    from tests.claims_dev import match, norm
    for case in cases:
        pred = extract_claims(case.text)
        pairs = match(case.gold, pred)
        lines = [f"  missed {g.surface!r}" for g in case.gold if all(g is not x for x, _ in pairs)]
        lines += [f"  extra  {p.surface!r} {p.value} {p.unit}" for p in pred if all(p is not y for _, y in pairs)]
        for g, p in pairs:
            for name in ("unit", "qualifier", "change", "measured", "attributed_to"):
                if norm(getattr(g, name)) != norm(getattr(p, name, None)):
                    lines.append(f"  {g.surface!r} {name}: want {getattr(g, name)!r} got {getattr(p, name, None)!r}")
        if lines:
            print("> " + case.text + "\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
