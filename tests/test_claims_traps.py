"""Numbers that are no claims: each trap category in real-sounding sentences, decided by its context."""

from __future__ import annotations

import pytest

from pipeline.claims import extract_claims

# (category, sentence, the claims that remain — hand-written; most sentences hold none)
TRAPS: list[tuple[str, str, list[str]]] = [
    ("year", "Productivity has not recovered from the 2008 crash.", []),
    ("year", "In 2019 the council adopted a new plan.", []),
    ("year", "The mayor has led the authority since 2017.", []),
    ("year", "Budgets were cut between 2015 and 2020.", []),
    ("year span", "The core school budget fell by 4.6 % between 2015-2020.", ["4.6 %"]),
    ("fiscal year", "Spending in 2019/20 was higher than planned.", []),
    ("decade", "The 1990s saw the rise of the quangos.", []),
    ("date", "The LEP chairs met the minister in October 2018.", []),
    ("date", "The consultation closes on 21 June 2019.", []),
    ("date", "The report was published on March 3rd, 2021.", []),
    ("date", "Applications opened on 21/06/2019 and closed on 2019-07-01.", []),
    ("date", "The vote is on Thursday 5 May.", []),
    ("time", "Polls close at 10pm and the count starts at 10:30.", []),
    ("ordinal", "There is a fourth industrial revolution underway.", []),
    ("ordinal", "First, it backs local strategies. Second, it funds skills.", []),
    ("ordinal", "The third and final wave of strategies was announced.", []),
    ("ordinal", "Heathrow's third runway remains controversial.", []),
    ("ordinal", "It finished 2nd in the league and 21st overall.", []),
    ("ordinal", "The first half of the year was difficult.", []),
    ("address", "The Prime Minister spoke outside 10 Downing Street.", []),
    ("address", "The charity is based at 221B Baker Street.", []),
    ("address", "Sources at No 10 denied the report.", []),
    ("idiom", "In my view, it is one of the reasons why people feel let down.", []),
    ("idiom", "An industrial strategy is only one pillar of prosperity.", []),
    ("idiom", "Places with a mayor will have a single strategy.", []),
    ("idiom", "One key finding in the report was about governance.", []),
    ("idiom", "One day the town will have a railway again.", []),
    ("pronoun", "The divide is not just an economic or social one.", []),
    ("pronoun", "No one expected the council to back down.", []),
    ("pronoun", "The two of them met in Leeds.", []),
    ("kind", "We should abolish the existing two tier structure.", []),
    ("kind", "Users must enable two-factor authentication.", []),
    ("kind", "The minister unveiled a 10-point plan.", []),
    ("kind", "Unions want a four-day week for council staff.", []),
    ("kind", "The scheme is open to 16-year-olds.", []),
    ("kind", "The referee blew for half-time.", []),
    ("relative date", "With the Industrial Strategy a year ago, the government set a challenge.", []),
    ("relative date", "Two years ago the plant closed.", []),
    ("relative date", "Three weeks later the minister resigned.", []),
    ("phone", "For advice call 020 7946 0958 or 0800 123 4567.", []),
    ("phone", "The helpline is +44 161 496 0000.", []),
    ("version", "The app was updated to version 2.1.3 this week.", []),
    ("version", "Industry 4.0 is reshaping factories.", []),
    ("id", "Developers pay under Section 106 agreements.", []),
    ("id", "Article 50 was triggered in March.", []),
    ("id", "The Covid-19 pandemic hit town centres.", []),
    ("id", "The G7 summit and the M62 motorway.", []),
    ("id", "Pupils at Key Stage 2 sat the tests.", []),
    ("id", "See page 12 of the report.", []),
    ("id", "Fast 5G coverage is patchy.", []),
    ("id", "Case ref 1234567 was closed.", []),
    ("url", "Details are at www.gov.uk/guidance/2019-rules.", []),
    ("vague", "The town suffers from decades of creaking infrastructure.", []),
    ("vague", "We have been planning for several months.", []),
    ("vague", "Hundreds of people and thousands of jobs are at risk.", []),
    ("vague", "Dozens of schools wrote to the minister.", []),
    ("score", "Leeds won 3-1 at Elland Road.", []),
    ("list", "1. Comment by a reader", []),
    ("name", "Apple's iPhone 14 went on sale and the FTSE 100 fell 2%.", ["2%"]),
    ("name", "The Apollo 11 crew and the Boeing 737 fleet.", []),
    ("vote", "In a 7-2 decision the court backed the council.", []),
    ("vote", "The bill passed the Senate 51-50.", []),
    ("id", "The judge ruled on Case No. 21-476.", []),
    ("footnote", "The figures were revised [3].", []),
    # the same words stay claims where the context makes them quantities
    ("count", "More than one in three councils is at risk.", ["one in three"]),
    ("count", "At least one hospital will close.", ["one"]),
    ("count", "The authority has 2,000 staff.", ["2,000"]),
    ("count", "More than 1500 jobs were cut in 1850.", ["1500"]),
    ("duration", "The strike lasted for one year.", ["one year"]),
    ("fraction", "The other half will be allocated per capita.", ["half"]),
]


@pytest.mark.parametrize(("category", "sentence", "remaining"), TRAPS, ids=[f"{t[0]}: {t[1][:40]}" for t in TRAPS])
def test_trap(category, sentence, remaining):
    assert [c.surface for c in extract_claims(sentence)] == remaining
