"""The claims extractor against the hand-checked seeds gold (tests/seeds_gold), scored as score_seeds.py does."""

from __future__ import annotations

import importlib.util
import json

from pipeline.claims import extract_claims
from tests.helpers import SEEDS_GOLD

GOLD = SEEDS_GOLD / "gold"
_spec = importlib.util.spec_from_file_location("score_seeds", SEEDS_GOLD / "tools" / "score_seeds.py")
score_seeds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_seeds)
gold_spans_in_body = score_seeds.gold_spans_in_body  # where a gold claim sits, exactly as the scorer finds it



def _bodies() -> dict[str, str]:
    """Each seed's body_text, built as the pipeline builds it: body lines joined by a blank line."""
    structure = json.loads((GOLD / "seeds_structure.json").read_text())
    return {d["file"]: "\n\n".join(ln["text"] for ln in d["lines"] if ln["role"] == "body")
            for d in structure["documents"]}


def _score() -> tuple[dict[str, float], list[str]]:
    gold = json.loads((GOLD / "seeds_claims.json").read_text())
    bodies = _bodies()
    tp = fp = fn = vu = q = offsets_ok = offsets_total = 0
    misses: list[str] = []
    for doc, body in bodies.items():
        preds = extract_claims(body)
        for c in preds:
            offsets_total += 1
            offsets_ok += body[c.char_start:c.char_end] == c.surface
        used: set[int] = set()
        for g in (g for g in gold["claims"] if g["doc"] == doc):
            span = gold_spans_in_body(g, body)
            match = None
            if span:
                for i, c in enumerate(preds):
                    if i not in used and c.char_start < span[1] and span[0] < c.char_end:
                        match = i
                        break
            if g.get("optional"):
                if match is not None:
                    used.add(match)
                continue
            if match is None:
                fn += 1
                misses.append(f"missed {g['surface']!r} in {doc}")
                continue
            used.add(match)
            tp += 1
            c = preds[match]
            if c.unit == g["unit"] and abs(c.value - g["value"]) <= 1e-6 * max(1.0, abs(g["value"])):
                vu += 1
            else:
                misses.append(f"{g['surface']!r}: want {g['value']} {g['unit']}, got {c.value} {c.unit}")
            if c.qualifier == g["qualifier"]:
                q += 1
            else:
                misses.append(f"{g['surface']!r}: want qualifier {g['qualifier']}, got {c.qualifier}")
        for i, c in enumerate(preds):
            if i not in used:
                fp += 1
                misses.append(f"not a claim: {c.surface!r} in {c.sentence[:60]!r}")
    figures = {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "value_unit": vu / tp if tp else 0.0,
        "qualifier": q / tp if tp else 0.0,
        "offsets": offsets_ok / offsets_total if offsets_total else 0.0,
    }
    return figures, misses


def test_seeds_meet_the_quality_bar():
    figures, misses = _score()
    print("seeds:", figures)
    assert figures["precision"] >= 0.95, misses
    assert figures["recall"] >= 0.95, misses
    assert figures["value_unit"] >= 0.98, misses
    assert figures["qualifier"] >= 0.90, misses
    assert figures["offsets"] == 1.0, misses


def test_no_seed_negative_is_extracted():
    gold = json.loads((GOLD / "seeds_claims.json").read_text())
    bodies = _bodies()
    hits = []
    for neg in gold["negatives"]:
        body = bodies[neg["doc"]]
        span = gold_spans_in_body(neg, body)
        if span is None:
            continue          # outside the body (boilerplate): nothing to extract
        for c in extract_claims(body):
            if c.char_start < span[1] and span[0] < c.char_end:
                hits.append((neg["category"], neg["surface"], c.surface))
    assert hits == []


def test_seed_context_fields():
    bodies = _bodies()
    by_surface = {c.surface: c for c in extract_claims(bodies["002_54980538b2ec1ee7.txt"])}
    assert by_surface["4.6 %"].period == "2015-2020"
    assert by_surface["88 per cent"].period == "2015-2020"
    assert by_surface["10%"].qualifier == "just"
    assert by_surface["40 per cent"].attributed_to == "CRESC"
    assert (by_surface["4.6 %"].measured, by_surface["4.6 %"].change) == ("core school budget", "decrease")
    assert "schools" in by_surface["88 per cent"].measured
    doc4 = {c.surface: c for c in extract_claims(bodies["004_9247ddcd0829e8da.txt"])}
    c41 = doc4["41%"]
    assert c41.attributed_to == "Simon Edwards"
    body4 = bodies["004_9247ddcd0829e8da.txt"]
    assert body4[c41.attributed_start:c41.attributed_end] == "Simon Edwards"
