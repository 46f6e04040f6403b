"""Named bodies in hand-written UK policy/news sentences; every expected answer written by hand."""
from __future__ import annotations

import pytest

from pipeline.entities import BodyMention, extract_entities


def bodies(text: str, title: str | None = None) -> list[BodyMention]:
    found = extract_entities(text, title).bodies
    for b in found:
        assert text[b.char_start:b.char_end] == b.surface
    return found


def by_surface(text: str) -> dict[str, BodyMention]:
    return {b.surface: b for b in bodies(text)}


# ---------------------------------------------------------------- councils of every kind
@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("Cuts were announced by Derby City Council on Monday.", "Derby City Council", "E06000015"),
        ("Kent County Council has frozen hiring.", "Kent County Council", "E10000016"),
        ("Officers at Ashfield District Council objected.", "Ashfield District Council", "E07000170"),
        ("Residents asked the London Borough of Hackney to act.", "London Borough of Hackney", "E09000012"),
        ("The Greater Manchester Combined Authority will run buses.", "Greater Manchester Combined Authority",
         "E47000001"),
    ],
)
def test_register_councils_get_their_gss_code(text, surface, key):
    b = by_surface(text)[surface]
    assert b.body_key == key
    assert b.reference_id == key
    assert b.body_type in {"local_authority", "combined_authority"}


def test_unknown_parish_council_is_a_local_authority_by_its_shape():
    b = by_surface("Little Snoring Parish Council voted against the plan.")["Little Snoring Parish Council"]
    assert b.body_key == "org:little-snoring-parish-council"
    assert b.body_type == "local_authority"
    assert b.reference_id is None


def test_combined_authority_acronym_defined_and_reused():
    text = "The West Midlands Combined Authority (WMCA) agreed a deal. WMCA officers said it was fair."
    found = bodies(text)
    assert [b.surface for b in found] == ["West Midlands Combined Authority", "WMCA", "WMCA"]
    assert {b.body_key for b in found} == {"E47000007"}
    assert {b.body_type for b in found} == {"combined_authority"}


# ---------------------------------------------------------------- departments old and new
def test_departments_old_and_new():
    text = ("The Department for Business, Energy and Industrial Strategy (BEIS) was split in 2023. Later, BEIS "
            "staff moved to the Department for Science, Innovation and Technology, while DLUHC kept housing "
            "and the Home Office kept policing.")
    found = bodies(text)
    keys = [b.body_key for b in found]
    assert keys == [
        "govuk:department-for-business-energy-and-industrial-strategy",
        "govuk:department-for-business-energy-and-industrial-strategy",
        "govuk:department-for-business-energy-and-industrial-strategy",
        "govuk:department-for-science-innovation-and-technology",
        "govuk:department-for-levelling-up-housing-and-communities",
        "govuk:home-office",
    ]
    assert {b.body_type for b in found} == {"central_government"}


# ---------------------------------------------------------------- unions, universities, companies, think tanks
def test_unions_in_every_spelling():
    found = by_surface("Unison, the GMB and Unite the Union said the TUC would back the National Union of "
                       "Journalists.")
    assert found["Unison"].body_key == "hand:unison"
    assert found["GMB"].body_key == "hand:gmb"
    assert found["Unite the Union"].body_key == "hand:unite"
    assert found["TUC"].name == "Trades Union Congress"
    assert found["National Union of Journalists"].body_type == "union"
    assert {b.body_type for b in found.values()} == {"union"}


def test_universities_known_and_unknown():
    found = by_surface("Researchers at the University of Manchester, Sheffield Hallam University and the "
                       "University of Poppleton took part.")
    assert found["University of Manchester"].body_key.startswith("ukprn:")
    assert found["Sheffield Hallam University"].body_key.startswith("ukprn:")
    assert found["University of Poppleton"].body_key == "org:university-of-poppleton"
    assert {b.body_type for b in found.values()} == {"university"}


def test_companies_by_suffix_and_by_name():
    found = bodies("Acme Widgets Ltd supplies Rolls-Royce, and Bellway Homes plc builds near Rolls Royce's "
                   "plant, said Collaborate CIC.")
    assert [(b.surface, b.body_type) for b in found] == [
        ("Acme Widgets Ltd", "company"), ("Rolls-Royce", "company"), ("Bellway Homes plc", "company"),
        ("Rolls Royce", "company"), ("Collaborate CIC", "company")]
    assert found[1].body_key == found[3].body_key  # one company, two spellings


def test_think_tanks_known_defined_and_shaped():
    text = ("The Resolution Foundation and the Institute for Public Policy Research (IPPR) disagreed; IPPR "
            "said the Centre for Rural Prosperity Studies was right.")
    found = bodies(text)
    assert [b.surface for b in found] == ["Resolution Foundation", "Institute for Public Policy Research", "IPPR",
                                         "IPPR", "Centre for Rural Prosperity Studies"]
    assert found[1].body_key == found[2].body_key == found[3].body_key == "hand:ippr"
    assert {b.body_type for b in found} == {"think_tank"}


def test_acronym_only_mentions_of_known_bodies():
    found = bodies("The LGA and the CBI both welcomed it, and the NHS was spared.")
    assert [(b.surface, b.body_key) for b in found] == [
        ("LGA", "hand:local-government-association"), ("CBI", "hand:cbi"), ("NHS", "hand:nhs")]


def test_acronym_defined_for_an_unknown_body():
    found = bodies("The Northern Housing Consortium (NHC) wrote to ministers. The NHC wants more money.")
    assert [b.surface for b in found] == ["Northern Housing Consortium", "NHC", "NHC"]
    assert {b.body_key for b in found} == {"org:northern-housing-consortium"}


# ---------------------------------------------------------------- classes
def test_generic_classes_are_singular_and_flagged():
    text = ("Local Enterprise Partnerships (LEPs) will work with Skills Advisory Panels. Each LEP reports to "
            "the Cheshire and Warrington LEP board.")
    found = bodies(text)
    assert [b.surface for b in found] == ["Local Enterprise Partnerships", "LEPs", "Skills Advisory Panels",
                                         "LEP", "Cheshire and Warrington LEP"]
    lep_class = found[0]
    assert lep_class.is_generic and lep_class.name == "Local Enterprise Partnership"
    assert lep_class.body_type == "lep"
    assert found[1].body_key == found[3].body_key == lep_class.body_key
    assert found[2].is_generic and found[2].name == "Skills Advisory Panel"
    assert found[4].body_key == "lep:cheshire-and-warrington" and not found[4].is_generic


# ---------------------------------------------------------------- structure: nesting, possessives, lists
def test_possessive_splits_two_bodies():
    found = bodies("Cllr Mark Hawthorne, chair of the LGA\u2019s People and Places Board, spoke.")
    assert [b.surface for b in found] == ["LGA", "People and Places Board"]
    assert found[0].body_key == "hand:local-government-association"
    assert found[1].body_type == "membership_body"
    assert "LGA" in found[1].name


def test_name_inside_a_longer_name_is_not_a_second_mention():
    ents = extract_entities("She studied at the University of Derby and works for Derby City Council.")
    assert [b.surface for b in ents.bodies] == ["University of Derby", "Derby City Council"]
    assert ents.places == []


def test_a_list_of_areas_is_places_not_bodies():
    ents = extract_entities("Greater Manchester, Liverpool City Region and the West Midlands signed deals.")
    assert ents.bodies == []
    assert [p.surface for p in ents.places] == ["Greater Manchester", "Liverpool City Region", "West Midlands"]


# ---------------------------------------------------------------- traps
@pytest.mark.parametrize(
    "text",
    [
        "The Industrial Strategy white paper was published on Monday.",
        "After Brexit, the Budget and the Spending Review changed little.",
        "The Chief Executive met the Prime Minister and the Business Secretary.",
        "Local Government\n\nCouncils in particular need more money.",
        "Local Industrial Strategies (LIS) matter. Each LIS needs evidence.",
        "The Social Mobility Index and the Autumn Statement were discussed.",
        "Reform of the system is overdue.",
    ],
)
def test_policies_events_titles_and_labels_are_not_bodies(text):
    assert bodies(text) == []


def test_title_defines_an_acronym_but_yields_no_mention():
    found = bodies("CPRE said the countryside was at risk.", title="Campaign to Protect Rural England (CPRE) warns")
    assert [b.surface for b in found] == ["CPRE"]
    assert found[0].name == "Campaign to Protect Rural England"


def test_company_suffixes_and_sector_words():
    found = bodies("Shares of Ford Motor Co and Siemens AG rose while Bellway Homes fell. Investment in Renewable "
                   "Energy and the Creative Industries grew, namely in Chemicals, Petroleum and Pharmaceuticals.")
    assert [(b.surface, b.body_type) for b in found] == [
        ("Ford Motor Co", "company"), ("Siemens AG", "company"), ("Bellway Homes", "company")]


def test_convention_with_acronym_and_its_president():
    ents = extract_entities("The Convention of Scottish Local Authorities (COSLA) objected. COSLA president Shona "
                            "Morrison said councils were stretched.")
    assert [b.surface for b in ents.bodies] == ["Convention of Scottish Local Authorities", "COSLA", "COSLA"]
    assert {b.body_key for b in ents.bodies} == {"org:convention-of-scottish-local-authorities"}
    [p] = ents.people
    assert p.name == "Shona Morrison" and p.affiliation_body_key == "org:convention-of-scottish-local-authorities"


def test_common_noun_groups_are_not_names():
    assert bodies("Terms of Reference for the Steering Group and the Working Group were agreed.") == []
    found = bodies("Councillors from the Labour Group walked out.")
    assert [(b.surface, b.body_type) for b in found] == [("Labour Group", "parliament_party")]


def test_council_named_by_its_area_takes_the_register_id():
    found = bodies("The London Borough of Tower Hamlets and Westminster City Council agreed; Sandbach Town "
                   "Council did not.")
    assert [(b.surface, b.body_key) for b in found] == [
        ("London Borough of Tower Hamlets", "E09000030"), ("Westminster City Council", "E09000033"),
        ("Sandbach Town Council", "org:sandbach-town-council")]
    assert {b.body_type for b in found} == {"local_authority"}


def test_party_and_department_names_that_are_also_words():
    found = bodies("Labour has promised change. Labour market data was weak. Conservative estimates put it at "
                   "\u00a32bn. Treasury officials briefed, but Treasury yields rose. Unite behind the plan, he said.")
    assert [(b.surface, b.body_key) for b in found] == [
        ("Labour", "party:labour"), ("Treasury", "govuk:hm-treasury")]


def test_long_public_sector_names_and_their_acronyms():
    found = bodies("Nottingham University Hospitals NHS Trust was inspected. The Independent Office for Police "
                   "Conduct (IOPC) was told, and the Bank of England Pension Fund was not.")
    assert [(b.surface, b.body_type) for b in found] == [
        ("Nottingham University Hospitals NHS Trust", "public_body"),
        ("Independent Office for Police Conduct", "public_body"), ("IOPC", "public_body"),
        ("Bank of England Pension Fund", "programme_or_fund")]
    assert found[1].body_key == found[2].body_key


def test_unknown_names_that_act_like_organisations():
    found = bodies("Fokker said it would cut jobs, and shares in Daewoo fell. The Government said it would "
                   "help; Councils said it was too late. Helmut Kohl said he would resign.")
    assert [(b.surface, b.body_type) for b in found] == [("Fokker", "other_org"), ("Daewoo", "company")]
