"""What each claim measures, its period, its sentence and who it is attributed to; offsets always exact."""

from __future__ import annotations

import random

from pipeline.claims import Claim, extract_claims


def only(text: str) -> Claim:
    claims = extract_claims(text)
    assert len(claims) == 1, [c.surface for c in claims]
    return claims[0]


def test_measured_share_of():
    assert only("Some 88 per cent of schools across England face cuts.").measured == "schools across England"


def test_measured_subject_and_change_apart():
    c = only("Council spending fell by 21% in real terms, the IFS said.")
    assert (c.measured, c.change) == ("Council spending", "decrease")


def test_measured_counted_noun():
    assert only("There are over 350 sovereign local authorities in England.").measured == (
        "sovereign local authorities in England")


def test_measured_money_purpose():
    assert only("Third, the Paper announced £42m to pilot a Teacher Development Premium.").measured == (
        "pilot a Teacher Development Premium")


def test_measured_ratio_keeps_its_comparison():
    assert only("Manufacturing is 2.5 times more than the national average.").measured == (
        "more than the national average")


def test_measured_of_phrase_before_money():
    assert only("The authority faces equal pay claims of up to £760m.").measured == "equal pay claims"


def test_period_year_span_is_not_a_claim_but_a_period():
    c = only("The core school budget is set to decline in real terms by 4.6 % between 2015-2020.")
    assert c.period == "2015-2020"
    assert c.surface == "4.6 %"


def test_period_forms():
    assert only("Spending rose by 3% in 2019.").period == "2019"
    assert only("Councils have lost £15bn since 2010.").period == "since 2010"
    assert only("The scheme will cost £300,000 a year.").period == "a year"
    assert only("Prices rose 9% last year.").period == "last year"
    assert only("Inflation will hit 10% by 2023, the Bank said.").period == "by 2023"
    assert only("The budget for 2021/22 rose by 5%.").period == "2021/22"
    assert only("Wages rose 4.1% year-on-year.").period == "year-on-year"
    assert only("A further £1.5bn is promised from 2025.").period == "from 2025"
    assert extract_claims("The bill includes $369bn over 10 years.")[0].period == "over 10 years"
    assert only("The council cut 300 jobs.").period is None


def test_period_stays_in_its_clause_and_a_duration_is_no_rate():
    claims = extract_claims("Some 383,083 patients waited more than a year, and staff earn £30,000 a year.")
    assert [(c.surface, c.period) for c in claims] == [("383,083", None), ("£30,000", "a year")]


def test_attribution_forms():
    text = "Council spending fell by 21% in real terms, the Institute for Fiscal Studies found."
    c = only(text)
    assert c.attributed_to == "Institute for Fiscal Studies"
    assert text[c.attributed_start:c.attributed_end] == "Institute for Fiscal Studies"
    assert only("According to the Office for National Statistics, 1.3 million people were unemployed."
                ).attributed_to == "Office for National Statistics"
    assert only("The foundational economy supports 40 per cent of the workforce, says CRESC.").attributed_to == "CRESC"
    assert only("A new report by the Resolution Foundation estimates that 500,000 families will lose out."
                ).attributed_to == "Resolution Foundation"
    assert only("“We have lost £40m,” said Cllr Jane Smith, leader of the council.").attributed_to == "Jane Smith"
    assert only("Localis’ report found that two-thirds of the country lacks a strategic authority."
                ).attributed_to == "Localis"
    assert only("Health Secretary Steve Barclay said 5,000 more nurses were recruited.").attributed_to == (
        "Steve Barclay")
    assert only("Its president, Dr Adrian Boyle, said about 300 people a week are dying.").attributed_to == (
        "Adrian Boyle")
    assert only("But Localis said 40% of councils were struggling.").attributed_to == "Localis"
    assert only("The council said it would cut 300 jobs.").attributed_to == "The council"
    assert only("A government spokesperson said £5m had been allocated.").attributed_to == (
        "A government spokesperson")
    assert only("The report found that 40% of homes were cold.").attributed_to is None
    assert only("The council will cut 300 jobs next year.").attributed_to is None


def test_pronoun_resolves_to_the_last_named_speaker():
    text = ("Simon Edwards, director of the County Councils Network, also argued that counties matter.\n\n"
            "“Despite contributing 41% of England’s GVA, counties are underfunded,” he stated.")
    c = only(text)
    assert c.attributed_to == "Simon Edwards"
    assert text[c.attributed_start:c.attributed_end] == "Simon Edwards"
    assert c.attributed_start < c.sentence_start


QUOTES = (
    "Business secretary Greg Clark said: “Governments are fond of national figures. Growth was 2% last year. "
    "It happens in particular places.”\n\n"
    "“We have lost £40m since 2010. Another 300 jobs will go,” said Cllr Jane Smith, leader of the council.\n\n"
    "Simon Edwards, director of the County Councils Network, said the plans were welcome.\n\n"
    "“Counties contribute 41% of GVA. They need more powers.\n\n"
    "“Devolving 20 per cent of spending would help,” he added.\n\n"
    "Elsewhere, 12 libraries closed."
)


def test_quoted_claims_take_the_speaker_of_their_quotation():
    got = {c.surface: c.attributed_to for c in extract_claims(QUOTES)}
    assert got == {"2%": "Greg Clark", "£40m": "Jane Smith", "300": "Jane Smith", "41%": "Simon Edwards",
                   "20 per cent": "Simon Edwards", "12": None}
    for c in extract_claims(QUOTES):
        if c.attributed_to:
            assert QUOTES[c.attributed_start:c.attributed_end] == c.attributed_to


def test_sentence_and_offsets():
    text = "Dr. Smith spoke first. Unemployment is 4.2% in the region.\n\nHalf of firms agree."
    claims = extract_claims(text)
    assert [c.surface for c in claims] == ["4.2%", "Half"]
    assert claims[0].sentence == "Unemployment is 4.2% in the region."
    assert text[claims[0].sentence_start:claims[0].sentence_end] == claims[0].sentence
    assert claims[1].sentence == "Half of firms agree."


def test_glued_sentences_from_a_scrape_are_split():
    text = "Funding must be addressed.There are 350 councils in England."
    assert only(text).sentence == "There are 350 councils in England."


def test_a_long_run_without_full_stops_is_cut_into_bounded_sentences():
    text = " ".join(["the council spent £3m and cut 20 posts"] * 400)
    claims = extract_claims(text)
    assert len(claims) == 800
    for c in claims:
        assert c.sentence_end - c.sentence_start <= 800
        assert text[c.sentence_start:c.sentence_end] == c.sentence
        assert c.sentence_start <= c.char_start < c.char_end <= c.sentence_end


def test_empty_and_numberless_text():
    assert extract_claims("") == []
    assert extract_claims("Local leaders want more powers over transport and skills.") == []


PIECES = [
    "£1.7bn", "4.6 %", "88 per cent", "350", "six", "two-thirds", "7 years", "2.5 times", "between 10% and 20%",
    "£5m-£10m", "the 2008 crash", "10 Downing Street", "one of the reasons", "a year ago", "020 7946 0958",
    "€2.5 billion", "470p", "three hundred and forty two", "a dozen", "one in five", "twice as", "12km",
    "50MW", "½", "2½", "minus 3%", "US$5bn", "“", "”", "’s", "\n\n", " – ", "é", "😀", "Ĳ", "\u00a0", "Cllr",
    "said", "according to the ONS", "—", "(", ")", "...", "?", "!", ";", "1,000,000", "0.5", "-2", "v2.1",
    "Covid-19", "21/06/2019", "Q3", "1990s", "3rd", "#12", "www.x.org/12", "ten", "Half", "quarter", "fourth",
]
WORDS = ["the", "council", "said", "spending", "rose", "by", "of", "in", "and", "fund", "Leeds", "a", "more",
         "than", "about", "up", "to", "at", "least", "jobs", "homes", "report", "found", "that", ".", ","]


def test_offsets_always_match_surfaces_on_varied_text():
    rng = random.Random(20261123)
    for _ in range(400):
        parts = [rng.choice(PIECES if rng.random() < 0.35 else WORDS) for _ in range(rng.randint(1, 40))]
        text = "".join(p + rng.choice([" ", " ", "", "\n", "  "]) for p in parts)
        claims = extract_claims(text)
        for c in claims:
            assert text[c.char_start:c.char_end] == c.surface
            assert text[c.sentence_start:c.sentence_end] == c.sentence
            assert c.sentence_start <= c.char_start < c.char_end <= c.sentence_end
            if c.attributed_to is not None:
                assert text[c.attributed_start:c.attributed_end] == c.attributed_to
            assert c.qualifier in {"exact", "about", "over", "under", "at_least", "up_to", "just"}
            assert c.value == c.value          # never NaN
        assert [c.char_start for c in claims] == sorted(c.char_start for c in claims)
        assert extract_claims(text) == claims  # deterministic
