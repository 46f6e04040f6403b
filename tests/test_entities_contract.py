"""Contract rules every extraction must keep, checked on varied text (closed type lists, ids, spans)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from pipeline.entities import extract_entities
from pipeline.entities.registers import DATA_DIR

BODY_TYPES = {"central_government", "parliament_party", "local_authority", "combined_authority", "lep",
              "membership_body", "public_body", "union", "think_tank", "university", "charity_ngo", "company",
              "programme_or_fund", "other_org"}
PLACE_TYPES = {"country", "region", "county_or_area", "city_town", "constituency", "street"}
OFFICIAL_REFERENCE = re.compile(r"^(?:[EWSNK]\d{8}|la:.+|govuk:.+|lep:.+|ukprn:\d+)$")

TEXTS = [
    "Cllr Chris Poulter, Leader of Derby City Council, met the LGA\u2019s People and Places Board in London.",
    "The Department for Education (DfE) and BEIS briefed Unison, the GMB and Acme Widgets Ltd in Leeds.",
    "Local Enterprise Partnerships (LEPs) and the Mayoral Combined Authority in the West Midlands agreed.",
    "Greater ManchesterWest Midlands and the Cambridge-Milton Keynes-Oxford Corridor lead the wave.",
    "Prime Minister Rishi Sunak told the House of Commons that the NHS and the Treasury would act.",
    "Shares of Ford Motor Co rose in Frankfurt, while the European Commission met in Brussels.",
    "Researchers at the University of Poppleton and the Centre for Rural Prosperity Studies said so.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_mentions_are_typed_spans_with_contract_ids(text):
    ents = extract_entities(text)
    spans = []
    for b in ents.bodies:
        assert text[b.char_start:b.char_end] == b.surface
        assert b.body_type in BODY_TYPES
        assert b.body_key.startswith(("org:", "hand:", "parl:", "party:", "fund:")) or OFFICIAL_REFERENCE.match(
            b.body_key)
        assert b.reference_id is None or (OFFICIAL_REFERENCE.match(b.reference_id) and b.reference_id == b.body_key)
        spans.append((b.char_start, b.char_end))
    for p in ents.people:
        assert text[p.char_start:p.char_end] == p.surface
        assert p.person_id.startswith("person:") and p.person_id == p.person_id.lower()
        spans.append((p.char_start, p.char_end))
    for p in ents.places:
        assert text[p.char_start:p.char_end] == p.surface
        assert p.place_type in PLACE_TYPES
        spans.append((p.char_start, p.char_end))
    spans.sort()
    for (_s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2, "mentions never overlap"


@pytest.mark.parametrize("text", TEXTS)
def test_extraction_is_deterministic(text):
    assert extract_entities(text) == extract_entities(text)


def test_title_informs_but_yields_no_mentions():
    ents = extract_entities("Nothing named here.", title="Localis: the Local Government Association (LGA) in Derby")
    assert ents.bodies == [] and ents.people == [] and ents.places == []


def test_empty_and_blank_bodies():
    for text in ("", "   \n\n  "):
        ents = extract_entities(text)
        assert (ents.bodies, ents.people, ents.places) == ([], [], [])


def test_shipped_data_uses_only_the_closed_type_lists():
    with (DATA_DIR / "known_bodies.csv").open(encoding="utf-8") as fh:
        assert {r["body_type"] for r in csv.DictReader(fh)} <= BODY_TYPES
    with (DATA_DIR / "bodies.csv").open(encoding="utf-8") as fh:
        assert {r["body_type"] for r in csv.DictReader(fh)} <= BODY_TYPES
    for name in ("places.csv", "hand_places.csv"):
        with (DATA_DIR / name).open(encoding="utf-8") as fh:
            assert {r["place_type"] for r in csv.DictReader(fh)} <= PLACE_TYPES


def test_shipped_registers_carry_their_attribution():
    text = (DATA_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for needle in ("Open Government Licence v3.0", "CC BY 4.0", "OS data", "mySociety", "MIT"):
        assert needle in text
    assert Path(DATA_DIR / "bodies.csv").stat().st_size > 100_000


def test_spans_hold_on_random_scraps_of_text():
    """Random mixtures of names, punctuation and odd characters never break the span contract."""
    import random

    rng = random.Random(20261123)
    pieces = list("abcdefXYZ ,.;:()'\"-\u2019\u201c\u201d&\n0123") + [
        "LGA", "NHS", "Council", "University of ", "Mr ", "Cllr ", "the ", "and ", "LEP", "Derby", "\u0130",
        "\u00df", "\u00a0", "\u200b", "\ufb01", "Greater Manchester", "(LEPs)", "\u2019s "]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        title = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) or None
        ents = extract_entities(text, title)
        for m in [*ents.bodies, *ents.people, *ents.places]:
            assert text[m.char_start:m.char_end] == m.surface
            assert m.char_start < m.char_end


def test_mentions_are_the_dataclasses_they_claim():
    """``model.make`` (how a page's mentions are built) gives what the class's own constructor gives."""
    import dataclasses
    import pickle

    from pipeline.entities.model import BodyMention, PersonMention, PlaceMention, make

    for text in TEXTS:
        ents = extract_entities(text)
        for m in [*ents.bodies, *ents.people, *ents.places]:
            assert type(m) in (BodyMention, PersonMention, PlaceMention)
            fields = {f.name: getattr(m, f.name) for f in dataclasses.fields(m)}
            twin = type(m)(**fields)
            assert m == twin and hash(m) == hash(twin) and repr(m) == repr(twin) and vars(m) == vars(twin)
            assert pickle.loads(pickle.dumps(m)) == m
            with pytest.raises(dataclasses.FrozenInstanceError):
                m.surface = "x"  # type: ignore[misc]
    assert make(PlaceMention, surface="Derby", char_start=0, char_end=5, place_id="p", name="Derby",
                place_type="city_town", reference_id=None) == PlaceMention("Derby", 0, 5, "p", "Derby", "city_town",
                                                                            None)
