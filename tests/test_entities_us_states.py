"""US state abbreviations after a town (issue 14): "San Jose, Calif." names the state; a lone "Ill." or "Miss." does
not (an illness, an honorific)."""
from __future__ import annotations

from pipeline.entities import extract_entities


def places(text: str) -> list[tuple[str, str]]:
    return [(p.surface, p.name) for p in extract_entities(text).places]


def test_a_state_abbreviation_after_its_town_is_the_state():
    found = places("SANTA CLARA, Calif. 1996-08-23\n\nThe Trenton, N.J., company said it met buyers in Peoria, Ill., "
                   "and Gulfport, Miss.")
    for abbreviation, state in (("Calif.", "California"), ("N.J.", "New Jersey"), ("Ill.", "Illinois"),
                                ("Miss.", "Mississippi")):
        assert (abbreviation, state) in found


def test_an_abbreviation_without_a_town_before_it_is_no_place():
    found = places("He fell Ill. on Monday. Miss. Ward and Pa. Jenkins spoke. Wash. the car, said Ind. voters.")
    assert not [s for s, _ in found if s.endswith(".")]
