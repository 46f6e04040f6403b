"""Whole news articles written for these tests, with the claims a careful reader takes from them (by hand)."""

from __future__ import annotations

from pipeline.claims import extract_claims

HEALTH = "\n\n".join([
    (
        'More than 7.6 million people are now waiting for hospital treatment in England, NHS England '
        'figures show, the highest number since records began in August 2007.'
    ),
    (
        'Some 383,083 patients had been waiting more than a year, while the number waiting over 18 weeks '
        '– the target set out in the NHS constitution – rose to 3.1 million.'
    ),
    (
        'The Royal College of Emergency Medicine said one in 10 patients spent 12 hours or more in A&E '
        'last month. Its president, Dr Adrian Boyle, said: "These are not just numbers. Behind each of '
        'them is a person, and around 300 people a week are dying as a result of long waits."'
    ),
    (
        'Ambulances took an average of 47 minutes and 59 seconds to reach heart attack and stroke '
        'patients in December, against a target of 18 minutes.'
    ),
    (
        'Health Secretary Steve Barclay said the government was investing an extra £8bn over two years '
        'and had recruited 5,000 more nurses in the past year. "We are making progress," he added.'
    ),
    (
        "The King's Fund estimates the NHS in England is short of around 112,000 staff, roughly one in 12"
        ' posts. The think tank found that vacancy rates in nursing had risen to 11.8%, up from 9.9% two '
        'years earlier.'
    ),
    (
        'Junior doctors in England will strike for 72 hours from 13 March after 98% of BMA members who '
        'voted backed action on a 77% turnout. They want a 35% pay rise to restore pay to 2008/09 levels.'
    ),
    (
        'Waiting lists could fall below 7 million by March 2024 at the earliest, according to the '
        'Institute for Fiscal Studies, but only if the NHS treats 30% more patients than before the '
        'pandemic.'
    ),
    (
        'Pupils in Year 6 sat SATs on 9 May; 59% met the expected standard in reading, writing and maths,'
        ' down from 65% in 2019. One in four primary schools is in special measures in the worst-hit '
        'areas.'
    ),
    (
        'The plan, announced at 11am at 10 Downing Street, sets aside £2.3 billion (about $2.8bn) for '
        '2023-24 and a further £1.5bn-£2bn from 2025.'
    ),
])

COUNCIL = "\n\n".join([
    (
        'Posted on Tuesday 14 November 2023 at 9.45am'
    ),
    (
        "Leeds City Council's executive board will meet on 15 November to discuss proposals to save "
        '£58.4m in 2024/25.'
    ),
    (
        'The authority, which serves around 812,000 residents across 33 wards, said it faced "the most '
        'difficult financial position in its history". Council leader James Lewis told the Yorkshire '
        'Evening Post: "Since 2010 we have lost around £2.6bn in government funding."'
    ),
    (
        'Under the plans, 10 libraries would close, three leisure centres would be transferred to '
        'community groups and up to 400 full-time equivalent posts would go. A further 68 posts are '
        'already vacant.'
    ),
    (
        'Council tax will rise by 4.99% – the maximum allowed without a referendum – adding £84.12 a year'
        ' to a Band D bill of £1,770.03.'
    ),
    (
        'Unison regional secretary Jo Hird said the union would "fight every one of these cuts". She '
        'added that members had seen their pay fall by a fifth in real terms over the last 13 years.'
    ),
    (
        'Opposition leader Alan Lamb said the Conservatives would publish an alternative budget in '
        'February. "There are 101 ways to save money before you shut a single library," he said.'
    ),
    (
        "The council's previous budget, for 2023/24, closed a £72m gap. In 2022, it sold its stake in "
        'Leeds Bradford Airport for £40m, and in 2019 it declared a climate emergency, pledging to be '
        'carbon neutral by 2030.'
    ),
    (
        'A consultation runs until 4 January 2024. Residents can respond online at leeds.gov.uk/budget or'
        ' by calling 0113 222 4444.'
    ),
    (
        'The M621, Junction 3, will be closed for 2 weeks from 20 November. First Bus will run a '
        'replacement service every 15 minutes.'
    ),
    (
        'Leeds United, 2nd in the Championship, drew 1-1 with Hull City on Saturday in front of 36,000 '
        'fans at Elland Road.'
    ),
    (
        'Thousands of people are expected at the Christmas market, which opens on 16 November and runs '
        'for six weeks. Stallholders pay £1,500 a pitch.'
    ),
])


def surfaces(text: str) -> list[str]:
    return [c.surface for c in extract_claims(text)]


def test_health_article():
    assert surfaces(HEALTH) == [
        "7.6 million", "383,083", "18 weeks", "3.1 million", "one in 10", "12 hours", "300", "47 minutes",
        "59 seconds", "18 minutes", "£8bn", "two years", "5,000", "112,000", "one in 12", "11.8%", "9.9%",
        "72 hours", "98%", "77%", "35%", "7 million", "30%", "59%", "65%", "One in four", "£2.3 billion",
        "$2.8bn", "£1.5bn", "£2bn",
    ]
    claims = {c.surface: c for c in extract_claims(HEALTH)}
    assert claims["7.6 million"].qualifier == "over"
    assert claims["12 hours"].qualifier == "at_least"
    assert claims["7 million"].qualifier == "under"
    assert claims["£1.5bn"].range_group == claims["£2bn"].range_group is not None
    assert claims["£8bn"].attributed_to == "Steve Barclay"
    assert claims["300"].attributed_to == "Adrian Boyle"
    assert claims["112,000"].attributed_to == "King's Fund"
    assert claims["£2.3 billion"].period == "2023-24"


def test_council_article():
    assert surfaces(COUNCIL) == [
        "£58.4m", "812,000", "33", "£2.6bn", "10", "three", "400", "68", "4.99%", "£84.12", "£1,770.03",
        "a fifth", "13 years", "101", "£72m", "£40m", "2 weeks", "15 minutes", "36,000", "six weeks", "£1,500",
    ]
    claims = {c.surface: c for c in extract_claims(COUNCIL)}
    assert claims["£58.4m"].period == "2024/25"
    assert claims["£2.6bn"].qualifier == "about"
    assert claims["£2.6bn"].attributed_to == "James Lewis"
    assert claims["400"].qualifier == "up_to"
    assert claims["£84.12"].period == "a year"
    assert claims["a fifth"].value == 0.2
