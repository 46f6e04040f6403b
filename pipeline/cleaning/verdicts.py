"""The classifier's verdicts: a role and a reason per block, and where the article sits."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .scoring import Scored


@dataclass
class Verdict:
    """A block's role and why (the reason without the role prefix)."""

    role: str
    reason: str


@dataclass
class Labelling:
    """The classifier's answer: a verdict per block and where the article sits."""

    scored: list[Scored]
    verdicts: list[Verdict]
    start: int | None
    end: int | None
    title: int | None = None
    section: int | None = None
    bylines: list[int] = field(default_factory=list)


def bad_verdict(s: Scored) -> Verdict:
    """The role and reason of a block judged boilerplate before any pass: by rule, repetition, markup or links."""
    if s.why_bad == "rule" and s.rule is not None:
        return Verdict(s.rule.role, s.rule.reason)
    if s.why_bad == "template":
        role = template_role(s)
        return Verdict(role, f"repeats on {s.template}+ pages of this source")
    if s.why_bad == "markup" and s.cand.markup_role:
        return Verdict(s.cand.markup_role, s.cand.markup_reason or "page markup")
    if s.why_bad == "links":
        return Verdict("navigation" if s.feat.n_words <= 6 else "related", "mostly link text")
    return Verdict("other_boilerplate", "outside the article")


def template_role(s: Scored) -> str:
    """The role of a line repeated across a source's pages: from its words or markup, else by its length."""
    if s.rule is not None:
        return s.rule.role
    if s.cand.markup_role:
        return s.cand.markup_role
    return "navigation" if s.feat.n_words <= 6 else "other_boilerplate"
