"""The five seed pages against the hand-checked gold, scored with the scorer's own matching rules."""
from __future__ import annotations

import importlib.util
import json

import pytest

from pipeline.entities import BodyCandidate, extract_entities, resolve_bodies
from tests.helpers import SEEDS_GOLD

SCORER = SEEDS_GOLD / "tools" / "score_seeds.py"



def _scorer():
    spec = importlib.util.spec_from_file_location("score_seeds", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_figures() -> tuple[dict, list[str]]:
    """What score_seeds.py would report for the entity tables built from the seeds' bodies."""
    structure = json.loads((SEEDS_GOLD / "gold" / "seeds_structure.json").read_text())
    gold = json.loads((SEEDS_GOLD / "gold" / "seeds_bodies.json").read_text())
    per_doc = {}
    candidates: dict[tuple, set[str]] = {}
    for d in structure["documents"]:
        body = "\n\n".join(line["text"] for line in d["lines"] if line["role"] == "body")
        ents = extract_entities(body, d["title"])
        for m in ents.bodies:
            assert body[m.char_start:m.char_end] == m.surface
        for m in ents.people + ents.places:
            assert body[m.char_start:m.char_end] == m.surface
        per_doc[d["file"]] = ents
        for m in ents.bodies:
            key = (m.body_key, m.name, m.body_type, m.acronym, m.is_generic, m.reference_id)
            candidates.setdefault(key, set()).add(m.surface)
    res = resolve_bodies(BodyCandidate(*k, frozenset(v)) for k, v in candidates.items())
    names = {b["body_id"]: b for b in res.bodies}
    wh = {"by_id": {f: f for f in per_doc}, "aliases": res.aliases, "bodies": [], "people": [], "places": []}
    for f, ents in per_doc.items():
        for m in ents.bodies:
            b = names[res.key_to_id[m.body_key]]
            wh["bodies"].append({"doc_id": f, "surface": m.surface, "name": b["name"],
                                 "body_type": b["body_type"], "body_id": b["body_id"]})
        for p in ents.people:
            wh["people"].append({"doc_id": f, "surface": p.surface, "name": p.name})
        for p in ents.places:
            wh["places"].append({"doc_id": f, "surface": p.surface, "name": p.name, "place_type": p.place_type})
    scorer = _scorer()
    misses: list[str] = []
    figs: dict = {}
    for kind in ("body", "person", "place"):
        figs |= scorer.score_entities(gold, wh, kind, misses)
    return figs, misses


@pytest.fixture(scope="module")
def figures() -> tuple[dict, list[str]]:
    return seed_figures()


def test_bodies_meet_the_bar(figures):
    figs, misses = figures
    assert figs["bodies_f1"] >= 0.93, [m for m in misses if m.startswith("body")]
    assert figs["bodies_type_acc"] >= 0.90, [m for m in misses if m.startswith("body")]


def test_people_meet_the_bar(figures):
    figs, misses = figures
    assert figs["people_f1"] >= 0.95, [m for m in misses if m.startswith("person")]


def test_places_meet_the_bar(figures):
    figs, misses = figures
    assert figs["places_f1"] >= 0.85, [m for m in misses if m.startswith("place")]
    assert figs["places_type_acc"] >= 0.90, [m for m in misses if m.startswith("place")]


def test_nothing_from_boilerplate(figures):
    figs, _ = figures
    assert figs["bodies_leaks"] == figs["people_leaks"] == figs["places_leaks"] == 0
