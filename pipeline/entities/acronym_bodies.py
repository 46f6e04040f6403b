"""Acronyms defined in a document (or its title) read against the bodies found: whose acronym is it?"""
from __future__ import annotations

from dataclasses import dataclass

from . import gazetteer
from .acronyms import find_definitions
from .body_info import BodyInfo, from_entry, from_shape
from .org_shapes import OrgShape, shapes_in_run
from .rules import CONNECTORS
from .tokens import capital_runs, tokenize

# Last words of long forms that name documents or measures, not bodies ("Local Industrial Strategies (LIS)").
NOT_BODY_LONG_FORM_ENDINGS = frozenset({
    "strategy", "strategies", "plan", "plans", "paper", "act", "bill", "index", "report", "review", "framework",
    "agreement", "authentication", "rate", "tax", "value", "product"})


@dataclass
class AcronymReading:
    """``known``: acronym -> its body; ``suppressed``: acronyms of non-bodies ("LIS"); ``undecided``: acronym ->
    (Title Case long form, its span in the body or None), a body only if the acronym later speaks."""

    known: dict[str, BodyInfo]
    suppressed: set[str]
    undecided: dict[str, tuple[str, tuple[int, int] | None]]


def read_acronyms(text: str, title: str | None, body_cands: dict[tuple[int, int], BodyInfo],
                  shapes: dict[tuple[int, int], OrgShape]) -> AcronymReading:
    """Acronyms defined in the title or body, read against the body names found at their long forms."""
    undecided: dict[str, tuple[str, tuple[int, int] | None]] = {}
    known: dict[str, BodyInfo] = {}
    suppressed: set[str] = set()
    registered_acronyms = {i.acronym for i in body_cands.values() if i.acronym}
    sources = [(text, True)] + ([(title, False)] if title else [])
    for src, in_body in sources:
        title_hits = {} if in_body else {(h.start, h.end): h for h in gazetteer.find(src)}
        for d in find_definitions(src):
            info = None
            span = d.long_forms[-1]
            for cand_span in reversed(d.long_forms):
                if in_body:
                    info = body_cands.get(cand_span)
                    if info is None and cand_span in shapes:
                        info = from_shape(shapes[cand_span])
                else:
                    hit = title_hits.get(cand_span)
                    bodies = [e for e in hit.entries if e.kind == "body"] if hit else []
                    if bodies:
                        info = from_entry(bodies[0])
                    else:
                        for r in capital_runs(tokenize(src)):
                            for o in shapes_in_run(r):
                                if (o.start, o.end) == cand_span:
                                    info = from_shape(o)
                if info is not None:
                    span = cand_span
                    break
            core = d.acronym[:-1] if d.acronym.endswith("s") and d.acronym[:-1].isupper() else d.acronym
            last_word = src[span[0]:span[1]].split()[-1].lower()
            if info is None or last_word in NOT_BODY_LONG_FORM_ENDINGS:
                long_form = src[span[0]:span[1]]
                if info is None and last_word not in NOT_BODY_LONG_FORM_ENDINGS and _title_case(long_form):
                    undecided.setdefault(core, (long_form, span if in_body else None))
                elif core not in registered_acronyms:
                    suppressed.add(core)
                continue
            if info.acronym is None and not info.is_generic:
                info = BodyInfo(info.body_key, info.name, info.body_type, core, info.is_generic, info.reference_id)
            known.setdefault(core, info)
    return AcronymReading(known, suppressed, undecided)


def _title_case(phrase: str) -> bool:
    ws = phrase.split()
    return len(ws) >= 2 and all(w[:1].isupper() for w in ws if w.lower() not in CONNECTORS)
