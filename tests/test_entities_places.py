"""Places in hand-written sentences: register types and codes, regions, metonyms, ambiguous names."""
from __future__ import annotations

import pytest

from pipeline.entities import PlaceMention, extract_entities


def places(text: str) -> list[PlaceMention]:
    found = extract_entities(text).places
    for p in found:
        assert text[p.char_start:p.char_end] == p.surface
    return found


def test_city_country_and_codes():
    found = places("Jobs moved from London to Derby, and England lagged behind Scotland and Wales.")
    assert [(p.surface, p.place_type) for p in found] == [
        ("London", "city_town"), ("Derby", "city_town"), ("England", "country"), ("Scotland", "country"),
        ("Wales", "country")]
    assert found[1].reference_id == "E06000015"
    assert found[2].reference_id == "E92000001"


def test_regions_bare_and_compass():
    found = places("Talent drains from the Midlands and the North to the South-East, says a report on the "
                   "North East.")
    assert [(p.surface, p.name, p.place_type) for p in found] == [
        ("Midlands", "Midlands", "region"), ("North", "North of England", "region"),
        ("South-East", "South East", "region"), ("North East", "North East", "region")]
    assert found[3].reference_id == "E12000001"


def test_the_north_and_south_pair():
    found = places("Britain's divides cannot be drawn across a border between the North and South.")
    assert [p.name for p in found] == ["Great Britain", "North of England", "South of England"]


def test_scrape_glue_yields_both_names():
    found = places("the trailblazer wave led by Greater ManchesterWest Midlands and others")
    assert [(p.surface, p.place_type) for p in found] == [
        ("Greater Manchester", "county_or_area"), ("West Midlands", "county_or_area")]


def test_lep_area_and_combined_authority_area():
    found = places("My own LEP area of Cheshire and Warrington, like the Liverpool City Region, is ready.")
    assert [(p.surface, p.reference_id) for p in found] == [
        ("Cheshire and Warrington", "E37000003"), ("Liverpool City Region", "E47000004")]


def test_metonyms_decided_by_context():
    ents = extract_entities("Meetings were held at Downing Street. Later, Whitehall\u2019s ambitions grew and "
                            "Westminster said no.")
    assert [(p.surface, p.place_type) for p in ents.places] == [("Downing Street", "street")]
    assert [(b.surface, b.body_type) for b in ents.bodies] == [
        ("Whitehall", "central_government"), ("Westminster", "central_government")]


@pytest.mark.parametrize(
    "text",
    [
        "The budget will be set in March.",
        "Reading the report, she frowned.",
        "Hope is not a strategy.",
        "British institutions are based elsewhere.",
    ],
)
def test_words_that_only_look_like_places(text):
    assert places(text) == []


def test_ambiguous_town_with_a_locative_cue():
    [p] = places("The new station in Reading opened on time.")
    assert (p.surface, p.place_type) == ("Reading", "city_town")


def test_world_places():
    found = places("Talks in Paris between France, Germany and the United States ended.")
    assert [(p.surface, p.place_type) for p in found] == [
        ("Paris", "city_town"), ("France", "country"), ("Germany", "country"), ("United States", "country")]


def test_metonym_with_officials_is_the_government():
    ents = extract_entities("Whitehall officials said no. Protesters marched down Whitehall.")
    assert [(b.surface, b.body_type) for b in ents.bodies] == [("Whitehall", "central_government")]
    assert [(p.surface, p.place_type) for p in ents.places] == [("Whitehall", "street")]
