"""Hand-written cases for the numeric-claims recogniser: every unit, scale, qualifier and range form.

Each case is a real-sounding sentence and the claims a careful reader takes from it, written by hand:
(surface, value, unit, qualifier). The whole list must match: nothing missing, nothing extra.
"""

from __future__ import annotations

import math

import pytest

from pipeline.claims import extract_claims

CASES: list[tuple[str, list[tuple[str, float, str, str]]]] = [
    # --- money: symbols, codes, words, scales, minor units ---
    ("The Treasury announced the £1.7bn Transforming Cities Fund on Wednesday.",
     [("£1.7bn", 1.7e9, "GBP", "exact")]),
    ("The Budget's £30m for WiFi on trains was criticised.", [("£30m", 3e7, "GBP", "exact")]),
    ("Washington pledged $75 million in aid to the region.", [("$75 million", 7.5e7, "USD", "exact")]),
    ("Brussels will invest €2.5 billion in rail links.", [("€2.5 billion", 2.5e9, "EUR", "exact")]),
    ("A first-class stamp now costs 470p.", [("470p", 4.70, "GBP", "exact")]),
    ("Each teacher gets a £1,000 budget for training.", [("£1,000", 1000, "GBP", "exact")]),
    ("The deal is worth US$3.2bn to the exporters.", [("US$3.2bn", 3.2e9, "USD", "exact")]),
    ("The club paid 40 million euros for the striker.", [("40 million euros", 4e7, "EUR", "exact")]),
    ("Investors lost 300,000 dollars in the scam.", [("300,000 dollars", 3e5, "USD", "exact")]),
    ("The firm was fined GBP 2.5m by the regulator.", [("GBP 2.5m", 2.5e6, "GBP", "exact")]),
    ("Tokyo set aside ¥500bn for the stimulus.", [("¥500bn", 5e11, "JPY", "exact")]),
    ("Salaries start at £30k for graduates.", [("£30k", 30000, "GBP", "exact")]),
    ("The national debt topped £2.5tn last year.", [("£2.5tn", 2.5e12, "GBP", "over")]),
    ("Households will save 50 pence a week.", [("50 pence", 0.5, "GBP", "exact")]),
    ("A bus fare rose by five pounds.", [("five pounds", 5, "GBP", "exact")]),
    ("The charity raised two million pounds in a year.", [("two million pounds", 2e6, "GBP", "exact")]),
    ("Swiss banks hold CHF 800m in dormant accounts.", [("CHF 800m", 8e8, "CHF", "exact")]),
    ("The Canadian investor put in C$40m.", [("C$40m", 4e7, "CAD", "exact")]),
    ("India's budget includes Rs 500 crore for rural roads.", [("Rs 500 crore", 5e9, "INR", "exact")]),
    ("America's debt is $1.5 trillion higher.", [("$1.5 trillion", 1.5e12, "USD", "exact")]),
    ("The founder sold her stake for £500k.", [("£500k", 500000, "GBP", "exact")]),
    ("The band drew 40 thousand fans.", [("40 thousand", 40000, "count", "exact")]),
    ("The ticket costs 99 cents online.", [("99 cents", 0.99, "USD", "exact")]),
    ("The board declared a 12-cent dividend.", [("12-cent", 0.12, "USD", "exact")]),
    ("Tourists can swap a five-pound note at the kiosk.", [("five-pound", 5, "GBP", "exact")]),
    ("The port was sold for 300 million Chinese yuan.", [("300 million Chinese yuan", 3e8, "CNY", "exact")]),
    ("Tickets were 20 US dollar each.", [("20 US dollar", 20, "USD", "exact")]),
    ("A pint now costs four pounds and fifty pence in the city.",
     [("four pounds and fifty pence", 4.5, "GBP", "exact")]),
    ("The fare was 3 dollars 50 cents.", [("3 dollars 50 cents", 3.5, "USD", "exact")]),
    ("Savers who put away $5000 in 3 years earned little.",
     [("$5000", 5000, "USD", "exact"), ("3 years", 3, "years", "exact")]),
    ("The franchise was bought for 250 million guilders in 1990.",
     [("250 million guilders", 2.5e8, "NLG", "exact")]),
    ("A coffee now costs 350 yen in Osaka.", [("350 yen", 350, "JPY", "exact")]),
    ("The fine was 5,000 USD per breach.", [("5,000 USD", 5000, "USD", "exact")]),
    # --- percentages and points ---
    ("Manufacturing accounts for 23% of the economy.", [("23%", 23, "percent", "exact")]),
    ("The core budget will fall by 4.6 % in real terms.", [("4.6 %", 4.6, "percent", "exact")]),
    ("Some 88 per cent of schools face cuts.", [("88 per cent", 88, "percent", "about")]),
    ("Turnout was 67 percent in the ward.", [("67 percent", 67, "percent", "exact")]),
    ("Only twenty percent of bus routes run on Sundays.", [("twenty percent", 20, "percent", "just")]),
    ("House prices rose 3pc in the year to March.", [("3pc", 3, "percent", "exact")]),
    ("Labour's lead widened by 4 percentage points.", [("4 percentage points", 4, "percentage_points", "exact")]),
    ("The Bank raised rates by 25 basis points.", [("25 basis points", 0.25, "percentage_points", "exact")]),
    ("The gap narrowed to 1.5pp among graduates.", [("1.5pp", 1.5, "percentage_points", "exact")]),
    ("Output shrank by minus 2 per cent, the worst since records began.",
     [("minus 2 per cent", -2, "percent", "exact")]),
    ("The Fed raised rates by three-quarters of a percentage point.",
     [("three-quarters of a percentage point", 0.75, "percentage_points", "exact")]),
    ("Markets expect a 50-basis-point cut in December.", [("50-basis-point", 0.5, "percentage_points", "exact")]),
    ("Inflation rose by half a per cent.", [("half a per cent", 0.5, "percent", "exact")]),
    ("The bill includes $369 billion for climate programmes over 10 years.",
     [("$369 billion", 3.69e11, "USD", "exact"), ("10 years", 10, "years", "exact")]),
    ("The scheme has lasted over 10 years.", [("10 years", 10, "years", "over")]),
    ("Prices are >£5m, <10% of the total, and ≥ 20 staff will move.",
     [("£5m", 5e6, "GBP", "over"), ("10%", 10, "percent", "under"), ("20", 20, "count", "at_least")]),
    ("Eurozone lenders hold EUR5m and GBP1m.", [("EUR5m", 5e6, "EUR", "exact"), ("GBP1m", 1e6, "GBP", "exact")]),
    # --- counts in digits and words ---
    ("There are over 350 sovereign local authorities in England.", [("350", 350, "count", "over")]),
    ("The commission studied all 324 local authorities.", [("324", 324, "count", "exact")]),
    ("Funding goes to the six combined authorities with mayors.", [("six", 6, "count", "exact")]),
    ("The council received three hundred and forty two objections.",
     [("three hundred and forty two", 342, "count", "exact")]),
    ("Inspectors visited twenty-one care homes.", [("twenty-one", 21, "count", "exact")]),
    ("A dozen councillors walked out of the meeting.", [("A dozen", 12, "count", "exact")]),
    ("Half a dozen bidders remain in the race.", [("Half a dozen", 6, "count", "exact")]),
    ("Around 5,000 people marched through the city.", [("5,000", 5000, "count", "about")]),
    ("The region lost 1.2 million jobs in the downturn.", [("1.2 million", 1.2e6, "count", "exact")]),
    ("About 3m households rent privately.", [("3m", 3e6, "count", "about")]),
    ("The petition gathered 15k signatures.", [("15k", 15000, "count", "exact")]),
    ("Nearly half a million people use the line.", [("half a million", 5e5, "count", "under")]),
    ("The scheme has created two thousand and five apprenticeships.",
     [("two thousand and five", 2005, "count", "exact")]),
    # --- fractions ---
    ("Half will be allocated via competition.", [("Half", 0.5, "fraction", "exact")]),
    ("The deal process has left two-thirds of the country without a mayor.",
     [("two-thirds", 2 / 3, "fraction", "exact")]),
    ("A quarter of councils expect to overspend.", [("A quarter", 0.25, "fraction", "exact")]),
    ("More than a third of pupils are on free school meals.", [("a third", 1 / 3, "fraction", "over")]),
    ("Three quarters of respondents backed the plan.", [("Three quarters", 0.75, "fraction", "exact")]),
    ("One in five children lives in poverty.", [("One in five", 0.2, "fraction", "exact")]),
    ("Nine out of ten GPs reported staff shortages.", [("Nine out of ten", 0.9, "fraction", "exact")]),
    ("Almost 1 in 4 homes is poorly insulated.", [("1 in 4", 0.25, "fraction", "under")]),
    ("Smokers face a one-in-three chance of disease.", [("one-in-three", 1 / 3, "fraction", "exact")]),
    ("A fifth of the budget goes on social care.", [("A fifth", 0.2, "fraction", "exact")]),
    ("Pay has fallen by a fifth in real terms.", [("a fifth", 0.2, "fraction", "exact")]),
    # --- ratios and multiples ---
    ("Manufacturing is 2.5 times more important here than nationally.", [("2.5 times", 2.5, "ratio", "exact")]),
    ("Rents in London are twice as high as in Leeds.", [("twice", 2, "ratio", "exact")]),
    ("Demand for food banks has risen threefold.", [("threefold", 3, "ratio", "exact")]),
    ("The new trains carry three times as many passengers.", [("three times", 3, "ratio", "exact")]),
    ("Bins are now collected twice a week.", [("twice", 2, "count", "exact")]),
    ("The mayor has been elected three times.", [("three times", 3, "count", "exact")]),
    ("Rents are twice the national average.", [("twice", 2, "ratio", "exact")]),
    ("House prices were 8.3 times average earnings.", [("8.3 times", 8.3, "ratio", "exact")]),
    ("Demand for food banks has risen 10 fold.", [("10 fold", 10, "ratio", "exact")]),
    ("The legal limit is .08 in most states.", [(".08", 0.08, "count", "exact")]),
    ("Overnight the temperature fell to minus one.", [("minus one", -1, "count", "exact")]),
    ("The bakery sold 3 dozen loaves before noon.", [("3 dozen", 36, "count", "exact")]),
    ("Support was above one third in every ward.", [("one third", 1 / 3, "fraction", "over")]),
    ("Support for the plan stood at 45 percentage among renters.", [("45 percentage", 45, "percent", "exact")]),
    ("Three quarters of a million people and 3/4 of staff.",
     [("Three quarters of a million", 750000, "count", "exact"), ("3/4", 0.75, "fraction", "exact")]),
    # --- durations ---
    ("Patients waited 2 and a half hours in A&E.", [("2 and a half hours", 2.5, "hours", "exact")]),
    ("Drivers sat in queues for five and a quarter hours.", [("five and a quarter hours", 5.25, "hours", "exact")]),
    ("The new bypass is 3 and three quarter miles long.", [("3 and three quarter miles", 3.75, "other:mile", "exact")]),
    ("The trust treated a million and a half patients.", [("a million and a half", 1.5e6, "count", "exact")]),
    ("No city has escaped 7 years of austerity.", [("7 years", 7, "years", "exact")]),
    ("The inquiry will take 18 months to report.", [("18 months", 18, "months", "exact")]),
    ("Junior doctors will strike for five days.", [("five days", 5, "days", "exact")]),
    ("Patients wait half an hour for a bus.", [("half an hour", 0.5, "hours", "exact")]),
    ("Staff worked 48 hours without a break.", [("48 hours", 48, "hours", "exact")]),
    ("The council agreed a three-year deal with the contractor.", [("three-year", 3, "years", "exact")]),
    ("Patients face a two-and-a-half-year wait.", [("two-and-a-half-year", 2.5, "years", "exact")]),
    ("The route is 5 1/2 miles long.", [("5 1/2 miles", 5.5, "other:mile", "exact")]),
    ("The waiting list grew for two decades.", [("two decades", 20, "years", "exact")]),
    ("Repairs could take up to six weeks.", [("six weeks", 6, "weeks", "up_to")]),
    # --- physical measures ---
    ("The new road will be 12km long.", [("12km", 12, "other:km", "exact")]),
    ("The wind farm will generate 400MW of power.", [("400MW", 400, "other:MW", "exact")]),
    ("The cable runs for 30 miles under the sea.", [("30 miles", 30, "other:mile", "exact")]),
    ("The estate covers 250 hectares of farmland.", [("250 hectares", 250, "other:ha", "exact")]),
    ("Residents oppose a 3m-high wall beside the 100m track.",
     [("3m", 3, "other:m", "exact"), ("100m", 100, "other:m", "exact")]),
    ("The scheme cost £5million and reached 3million people.",
     [("£5million", 5e6, "GBP", "exact"), ("3million", 3e6, "count", "exact")]),
    ("Temperatures reached 40°C in Lincolnshire.", [("40°C", 40, "other:°C", "exact")]),
    ("Forecasters expect 33C on Friday.", [("33C", 33, "other:°C", "exact")]),
    # --- qualifiers ---
    ("Just over 2,000 homes were built.", [("2,000", 2000, "count", "over")]),
    ("Just under 40% of voters turned out.", [("40%", 40, "percent", "under")]),
    ("The scheme will cost at least £5bn.", [("£5bn", 5e9, "GBP", "at_least")]),
    ("Up to 300 jobs could go at the plant.", [("300", 300, "count", "up_to")]),
    ("Fewer than 100 people attended the consultation.", [("100", 100, "count", "under")]),
    ("Roughly £40m has been spent so far.", [("£40m", 4e7, "GBP", "about")]),
    ("An estimated 12,000 workers are affected.", [("12,000", 12000, "count", "about")]),
    ("The town got a mere £2m from the fund.", [("£2m", 2e6, "GBP", "just")]),
    ("In excess of £1bn is needed for the repairs.", [("£1bn", 1e9, "GBP", "over")]),
    ("As many as 40 schools could close.", [("40", 40, "count", "up_to")]),
    ("Households earning £60,000 or more will pay the charge.", [("£60,000", 60000, "GBP", "at_least")]),
    ("The 50-odd members voted to strike.", [("50", 50, "count", "about")]),
    ("Nearly 7% of staff are agency workers.", [("7%", 7, "percent", "under")]),
    ("Almost £3bn was wiped off the value of shares.", [("£3bn", 3e9, "GBP", "under")]),
    ("Compared to just 10% in places like Hastings.", [("10%", 10, "percent", "just")]),
    ("No more than 5% of the budget may go on administration.", [("5%", 5, "percent", "up_to")]),
    ("A minimum of 20 councillors must be present.", [("20", 20, "count", "at_least")]),
    # --- ranges: two claims, at_least and up_to ---
    ("Between 10% and 20% of homes are affected.",
     [("10%", 10, "percent", "at_least"), ("20%", 20, "percent", "up_to")]),
    ("The project will cost £5m-£10m.", [("£5m", 5e6, "GBP", "at_least"), ("£10m", 1e7, "GBP", "up_to")]),
    ("Fees rose by 10-20% across the sector.",
     [("10", 10, "percent", "at_least"), ("20%", 20, "percent", "up_to")]),
    ("The repairs will take 5 to 10 years.", [("5", 5, "years", "at_least"), ("10 years", 10, "years", "up_to")]),
    ("Estimates range from £3bn to £4bn.", [("£3bn", 3e9, "GBP", "at_least"), ("£4bn", 4e9, "GBP", "up_to")]),
    ("The upgrade costs £5-10m per station.",
     [("£5", 5e6, "GBP", "at_least"), ("10m", 1e7, "GBP", "up_to")]),
    ("Between one and two million people use the line.",
     [("one", 1e6, "count", "at_least"), ("two million", 2e6, "count", "up_to")]),
    ("Between 200 and 300 staff will move to Leeds.",
     [("200", 200, "count", "at_least"), ("300", 300, "count", "up_to")]),
    ("Classes will have from 20 up to 30 pupils.",
     [("20", 20, "count", "at_least"), ("30", 30, "count", "up_to")]),
    ("Between two and three hundred people marched.",
     [("two", 200, "count", "at_least"), ("three hundred", 300, "count", "up_to")]),
    ("Estimates range from two thousand to 2500 homes.",
     [("two thousand", 2000, "count", "at_least"), ("2500", 2500, "count", "up_to")]),
    ("The range is from one thousand to one thousand and five hundred.",
     [("one thousand", 1000, "count", "at_least"), ("one thousand and five hundred", 1500, "count", "up_to")]),
    ("Unemployment rose from 4% to 5% last year.",
     [("4%", 4, "percent", "exact"), ("5%", 5, "percent", "exact")]),
    ("a 10- to 15-year plan", [("10", 10, "years", "at_least"), ("15-year", 15, "years", "up_to")]),
    ("an 8- to 16-metre telescope", [("8", 8, "other:m", "at_least"), ("16-metre", 16, "other:m", "up_to")]),
    # --- two levels of one quantity: the first leaves its unit and scale to the second ---
    ("Unemployment rose from 5.1 to 5.3 per cent.",
     [("5.1", 5.1, "percent", "exact"), ("5.3 per cent", 5.3, "percent", "exact")]),
    ("The budget grew from 2 to 3 million pounds.",
     [("2", 2e6, "GBP", "exact"), ("3 million pounds", 3e6, "GBP", "exact")]),
    ("Output was 4.2 million barrels, up from 3.9 million.",
     [("4.2 million barrels", 4.2e6, "other:barrel", "exact"), ("3.9 million", 3.9e6, "other:barrel", "exact")]),
    ("It has grown from 1,200 to 1,500 members.",
     [("1,200", 1200, "count", "exact"), ("1,500", 1500, "count", "exact")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_recognises(sentence, expected):
    got = [(c.surface, c.value, c.unit, c.qualifier) for c in extract_claims(sentence)]
    assert [g[0] for g in got] == [e[0] for e in expected], got
    for (surface, value, unit, qualifier), (_, want_value, want_unit, want_qualifier) in zip(
        got, expected, strict=True
    ):
        assert math.isclose(value, want_value, rel_tol=1e-9), (surface, value, want_value)
        assert unit == want_unit, (surface, unit)
        assert qualifier == want_qualifier, (surface, qualifier)


def test_range_claims_share_a_group_and_others_have_none():
    claims = extract_claims("Between 10% and 20% of homes, and £5m-£10m for roads; 7 years of austerity.")
    groups = [c.range_group for c in claims]
    assert groups[0] == groups[1] is not None
    assert groups[2] == groups[3] is not None
    assert groups[0] != groups[2]
    assert groups[4] is None


def test_change_from_to_is_two_values_not_a_range():
    claims = extract_claims("The rate fell from 8% to 6% over the year.")
    assert [c.range_group for c in claims] == [None, None]
