"""The hand-annotated news sentences of `tests/data/claims_news_dev.txt` and the figures `bench/eval_claims.py`
prints: value F1, value+unit F1, value+direction F1, qualifier accuracy, measured and attribution accuracy.

A predicted claim matches a gold claim of the same sentence when their values agree (relative tolerance 1e-6),
one to one, nearest in the text first. Unit, direction, qualifier, measured and attribution are then judged on
the matched pairs; value+unit and value+direction F1 count a pair only when that field agrees too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.claims import Claim

DEV_SET = Path(__file__).parent / "data" / "claims_news_dev.txt"
HOLDOUT = Path(__file__).parent / "data" / "claims_news_holdout.txt"     # scored only, never tuned on


@dataclass
class Gold:
    """One expected claim; None in a field means "not judged" unless `judged` names it."""

    value: float
    surface: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    change: str | None = None
    measured: str | None = None
    attributed_to: str | None = None
    judged: frozenset[str] = frozenset()


@dataclass
class Case:
    text: str
    gold: list[Gold] = field(default_factory=list)


def _null(s: str) -> str | None:
    s = s.strip()
    return None if s == "-" else s


def load_dev_set(path: Path = DEV_SET) -> list[Case]:
    """The sentences and their claims (see the file's header for the format)."""
    cases: list[Case] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("> "):
            cases.append(Case(line[2:].strip()))
        elif line.strip() and not line.startswith("#"):
            surface, value, unit, qualifier, change, measured, who = (p.strip() for p in line.split("|"))
            cases[-1].gold.append(Gold(float(value), surface, unit, qualifier, _null(change), _null(measured),
                                       _null(who), frozenset({"unit", "qualifier", "change", "measured",
                                                              "attributed_to"})))
    return cases


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def match(gold: list[Gold], pred: list[Claim]) -> list[tuple[Gold, Claim]]:
    """One-to-one pairs of gold and predicted claims with equal values, in text order."""
    free = list(pred)
    pairs = []
    for g in gold:
        for p in free:
            if _same(g.value, p.value):
                pairs.append((g, p))
                free.remove(p)
                break
    return pairs


_LEAD = re.compile(r"^(?:the|a|an)\s+", re.I)


def norm(s: str | None) -> str | None:
    """Case, white space and a leading article do not count."""
    return None if s is None else _LEAD.sub("", " ".join(s.split()).lower().rstrip("."))


@dataclass
class Figures:
    gold: int = 0
    pred: int = 0
    value: int = 0
    value_unit: int = 0
    value_change: int = 0
    unit_judged: int = 0
    change_judged: int = 0
    qualifier: list[int] = field(default_factory=lambda: [0, 0])
    measured: list[int] = field(default_factory=lambda: [0, 0])          # right / judged, over matched claims
    measured_stated: list[int] = field(default_factory=lambda: [0, 0])   # the same over claims whose gold has one
    attributed: list[int] = field(default_factory=lambda: [0, 0])
    attributed_stated: list[int] = field(default_factory=lambda: [0, 0])

    def add(self, gold: list[Gold], pred: list[Claim]) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        for g, p in match(gold, pred):
            self.value += 1
            self.unit_judged += g.unit is not None
            self.value_unit += g.unit is None or g.unit == p.unit       # a unit no mapping names is not judged
            if "change" in g.judged:
                self.change_judged += 1
                self.value_change += g.change == getattr(p, "change", None)
            if g.qualifier is not None:
                self.qualifier[0] += g.qualifier == p.qualifier
                self.qualifier[1] += 1
            for name, total, stated in (("measured", self.measured, self.measured_stated),
                                        ("attributed_to", self.attributed, self.attributed_stated)):
                if name in g.judged:
                    right = norm(getattr(g, name)) == norm(getattr(p, name, None))
                    total[0] += right
                    total[1] += 1
                    if getattr(g, name) is not None:
                        stated[0] += right
                        stated[1] += 1

    def f1(self, hits: int) -> float:
        prec = hits / self.pred if self.pred else 0.0
        rec = hits / self.gold if self.gold else 0.0
        return 2 * prec * rec / (prec + rec) if prec + rec else 0.0

    def row(self) -> dict[str, float | None]:
        """The figures of one set; None where the set judges nothing of the kind."""
        def share(x: list[int]) -> float | None:
            return x[0] / x[1] if x[1] else None
        return {
            "gold": self.gold, "pred": self.pred,
            "value_p": self.value / self.pred if self.pred else 0.0,
            "value_r": self.value / self.gold if self.gold else 0.0,
            "value_f1": self.f1(self.value),
            "value_unit_f1": self.f1(self.value_unit), "unit_judged": self.unit_judged,
            "value_change_f1": self.f1(self.value_change) if self.change_judged == self.value and self.value
            else None,
            "qualifier_acc": share(self.qualifier),
            "measured_acc": share(self.measured), "measured_stated_acc": share(self.measured_stated),
            "attributed_acc": share(self.attributed), "attributed_stated_acc": share(self.attributed_stated),
        }


def score(cases: Iterable[Case], extract) -> Figures:
    """Run `extract` (text -> claims) over every case and add up the figures."""
    fig = Figures()
    for case in cases:
        fig.add(case.gold, extract(case.text))
    return fig
