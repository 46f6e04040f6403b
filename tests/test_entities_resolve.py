"""Cross-document canonicalisation: ids, names, aliases; independent of input order."""
from __future__ import annotations

import random

from pipeline.entities import BodyCandidate, extract_entities, resolve_bodies


def cand(key, name, btype="other_org", acronym=None, generic=False, ref=None, surfaces=()):
    return BodyCandidate(key, name, btype, acronym, generic, ref, frozenset(surfaces or {name}))


def test_acronym_in_one_document_and_full_name_in_another_are_one_body():
    only_acronym = cand("org:cresc", "CRESC", acronym="CRESC")
    full = cand("org:centre-for-research-on-socio-cultural-change", "Centre for Research on Socio-Cultural Change",
                "think_tank", acronym="CRESC", surfaces={"Centre for Research on Socio-Cultural Change", "CRESC"})
    res = resolve_bodies([only_acronym, full])
    assert res.key_to_id["org:cresc"] == res.key_to_id[full.body_key] == \
        "org:centre-for-research-on-socio-cultural-change"
    [body] = res.bodies
    assert body["name"] == "Centre for Research on Socio-Cultural Change"
    assert body["body_type"] == "think_tank"
    assert body["acronym"] == "CRESC"
    assert body["reference_id"] is None
    assert {"body_id": body["body_id"], "alias": "CRESC"} in res.aliases


def test_result_does_not_depend_on_input_order():
    cands = [
        cand("org:cresc", "CRESC", acronym="CRESC"),
        cand("org:centre-for-research-on-socio-cultural-change", "Centre for Research on Socio-Cultural Change",
             "think_tank", acronym="CRESC"),
        cand("hand:tuc", "Trades Union Congress", "union", "TUC", surfaces={"TUC"}),
        cand("org:the-kings-fund", "The Kings Fund", "think_tank"),
        cand("org:acme-widgets-ltd", "Acme Widgets Ltd", "company"),
        cand("org:acme-widgets", "Acme Widgets", "company"),
        cand("org:local-enterprise-partnership", "Local Enterprise Partnership", "lep", "LEP", True,
             surfaces={"LEPs", "Local Enterprise Partnerships"}),
    ]
    first = resolve_bodies(cands)
    for seed in range(5):
        shuffled = cands[:]
        random.Random(seed).shuffle(shuffled)
        again = resolve_bodies(shuffled)
        assert again.bodies == first.bodies
        assert again.aliases == first.aliases
        assert again.key_to_id == first.key_to_id


def test_spelling_variant_of_a_register_body_takes_the_register_id():
    res = resolve_bodies([cand("org:the-kings-fund", "The Kings Fund", "think_tank")])
    assert res.key_to_id["org:the-kings-fund"] == "hand:kings-fund"
    [body] = res.bodies
    assert body["name"] == "The King's Fund"
    assert body["reference_id"] is None  # hand: ids are the project's own, not official


def test_register_body_keeps_official_reference_and_known_aliases():
    res = resolve_bodies([cand("E06000015", "Derby City Council", "local_authority", ref="E06000015",
                               surfaces={"Derby City Council"})])
    [body] = res.bodies
    assert body == {"body_id": "E06000015", "name": "Derby City Council", "body_type": "local_authority",
                    "acronym": None, "is_generic": False, "reference_id": "E06000015"}
    aliases = {a["alias"] for a in res.aliases}
    assert {"Derby City Council", "Derby Council", "Derby CC"} <= aliases


def test_two_register_bodies_never_merge():
    res = resolve_bodies([cand("E06000015", "Derby City Council", "local_authority", ref="E06000015"),
                          cand("E10000007", "Derbyshire County Council", "local_authority", ref="E10000007")])
    assert len(res.bodies) == 2


def test_generic_class_stays_apart_from_its_members():
    res = resolve_bodies([
        cand("org:local-enterprise-partnership", "Local Enterprise Partnership", "lep", "LEP", True),
        cand("lep:cheshire-and-warrington", "Cheshire and Warrington Local Enterprise Partnership", "lep"),
    ])
    generic = {b["body_id"]: b["is_generic"] for b in res.bodies}
    assert generic == {"org:local-enterprise-partnership": True, "lep:cheshire-and-warrington": False}


def test_documents_through_extraction_and_resolution():
    """The publisher's path: extract per document, aggregate candidates, resolve once."""
    docs = [
        "The Northern Housing Consortium (NHC) wrote to ministers.",
        "Later the NHC said rents were too high, and the Northern Housing Consortium agreed.",
    ]
    seen: dict[tuple, set[str]] = {}
    for d in docs:
        for m in extract_entities(d).bodies:
            key = (m.body_key, m.name, m.body_type, m.acronym, m.is_generic, m.reference_id)
            seen.setdefault(key, set()).add(m.surface)
    res = resolve_bodies(BodyCandidate(*k, frozenset(v)) for k, v in seen.items())
    ids = {res.key_to_id[k[0]] for k in seen}
    assert ids == {"org:northern-housing-consortium"}
    assert {a["alias"] for a in res.aliases} >= {"Northern Housing Consortium", "NHC"}


def test_spelling_and_legal_suffix_variants_merge():
    res = resolve_bodies([
        cand("org:acme-widgets-ltd", "Acme Widgets Ltd", "company"),
        cand("org:acme-widgets", "Acme Widgets", "company"),
        cand("org:center-for-rural-futures", "Center for Rural Futures", "think_tank"),
        cand("org:centre-for-rural-futures", "Centre for Rural Futures", "think_tank"),
    ])
    ids = res.key_to_id
    assert ids["org:acme-widgets-ltd"] == ids["org:acme-widgets"] == "org:acme-widgets-ltd"
    assert ids["org:center-for-rural-futures"] == ids["org:centre-for-rural-futures"]
    assert len(res.bodies) == 2
