"""People in hand-written sentences: honorifics stripped, roles and affiliations as stated, surnames linked."""
from __future__ import annotations

from pipeline.entities import PersonMention, extract_entities


def people(text: str) -> list[PersonMention]:
    found = extract_entities(text).people
    for p in found:
        assert text[p.char_start:p.char_end] == p.surface
    return found


def test_councillor_with_role_and_affiliation():
    [p] = people("Cllr Chris Poulter, Leader of Derby City Council, said the budget was fair.")
    assert (p.surface, p.name, p.person_id) == ("Chris Poulter", "Chris Poulter", "person:chris-poulter")
    assert p.role == "Leader of Derby City Council"
    assert p.affiliation_body_key == "E06000015"


def test_stacked_honorifics_are_stripped():
    [p] = people("Professor Dame Jane Smith, vice-chancellor of the University of Leeds, welcomed it.")
    assert p.name == "Jane Smith"
    assert p.role == "vice-chancellor of the University of Leeds"
    assert p.affiliation_body_key == "ukprn:10007795"


def test_role_before_the_name():
    found = people("Business Secretary Greg Clark and Prime minister Theresa May met the Education Secretary, "
                   "Damian Hinds.")
    assert [(p.name, p.role) for p in found] == [
        ("Greg Clark", "Business Secretary"), ("Theresa May", "Prime minister"),
        ("Damian Hinds", "Education Secretary")]


def test_possessive_body_before_the_role_is_the_affiliation():
    [p] = people("The Resolution Foundation\u2019s chief economist, Torsten Bell, said wages were flat.")
    assert p.name == "Torsten Bell"
    assert p.affiliation_body_key == "hand:resolution-foundation"


def test_surname_only_mentions_link_to_the_full_name():
    found = people("Sir Keir Starmer told MPs he would act. Mr Starmer later said Starmer's plan was costed.")
    assert [p.surface for p in found] == ["Keir Starmer", "Starmer", "Starmer"]
    assert {p.person_id for p in found} == {"person:keir-starmer"}


def test_unfamiliar_name_found_by_a_speech_verb():
    [p] = people("\u201cWe need a plan,\u201d said Oluwaseun Adeyemi, who runs a food bank in Leeds.")
    assert p.name == "Oluwaseun Adeyemi"


def test_names_of_places_bodies_and_documents_are_not_people():
    text = ("Milton Keynes grew fast. Grant Thornton audited the council. The White House said nothing. "
            "The Autumn Statement was dull.")
    assert people(text) == []


def test_mp_for_a_constituency():
    ents = extract_entities("Other attendees included Pauline Latham, MP for mid-Derbyshire; and others.")
    [p] = ents.people
    assert (p.name, p.role) == ("Pauline Latham", "MP for mid-Derbyshire")
    [place] = ents.places
    assert (place.surface, place.name, place.place_type) == ("mid-Derbyshire", "Mid Derbyshire", "constituency")


def test_surname_that_is_a_word_needs_a_cue():
    found = people("The findings worry Andy Street, the region's mayor. Hope Street is busy. Mr Street left.")
    assert [(p.surface, p.person_id) for p in found] == [
        ("Andy Street", "person:andy-street"), ("Street", "person:andy-street")]
    assert found[0].role == "region's mayor"


def test_bare_surname_inside_another_name_is_not_the_person():
    found = people("Colin Smith met staff at Smith Square. Later Smith agreed.")
    assert [p.surface for p in found] == ["Colin Smith", "Smith"]
    assert found[1].char_start == len("Colin Smith met staff at Smith Square. Later ")


def test_middle_initials_and_particles():
    found = people("President George W. Bush met Nikolaus van der Pas, the Commission's chief spokesman.")
    assert [p.name for p in found] == ["George W. Bush", "Nikolaus van der Pas"]
    assert found[0].role == "President"


def test_given_name_pairs_need_a_surname_that_is_not_an_ordinary_word_here():
    found = people("The grant funding was paid. Grant Funding Agreement signed. Grant Shapps visited, and Sarah "
                   "Chambers said so.")
    assert [p.name for p in found] == ["Grant Shapps", "Sarah Chambers"]


def test_police_ranks_are_stripped():
    found = people("Det Insp Jane Smith said inquiries continued. PC Mark Jones attended.")
    assert [p.name for p in found] == ["Jane Smith", "Mark Jones"]


def test_sentence_glued_by_a_scrape_still_splits():
    found = people("The LGA said.Cllr Jane Smith agreed with Mr. Smith.")
    assert [(p.surface, p.name) for p in found] == [("Jane Smith", "Jane Smith"), ("Smith", "Jane Smith")]
