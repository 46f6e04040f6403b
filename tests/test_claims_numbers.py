"""The building blocks: number words, digit strings, sentence splitting and hedge words, with hand values."""

from __future__ import annotations

import pytest

from pipeline.claims.numbers import longest_word_number, parse_digits, words_value
from pipeline.claims.qualifiers import qualifier_for
from pipeline.claims.sentences import split_sentences

WORD_NUMBERS = [
    ("one", 1), ("twelve", 12), ("twenty", 20), ("twenty one", 21), ("ninety nine", 99), ("a hundred", 100),
    ("one hundred", 100), ("three hundred and forty two", 342), ("three hundred forty two", 342),
    ("eleven hundred", 1100), ("a thousand", 1000), ("two thousand and five", 2005),
    ("one million two hundred thousand", 1_200_000), ("seven billion", 7e9), ("a dozen", 12),
    ("two dozen", 24), ("two and a half", 2.5), ("seven point five", 7.5), ("three point one four", 3.14),
    ("forty", 40), ("four hundred thousand", 400_000), ("a million", 1e6),
    ("five and a quarter", 5.25), ("six and three quarters", 6.75), ("twenty and two thirds", 20 + 2 / 3),
    ("one hundred and three quarters", 100.75), ("a million and a half", 1.5e6),
    ("two hundred point five", 200.5),
]


@pytest.mark.parametrize(("words", "value"), WORD_NUMBERS)
def test_word_numbers(words, value):
    tokens = words.split()
    got = longest_word_number(tokens)
    assert got is not None
    assert got[1] == len(tokens)
    assert words_value(tokens[:got[1]]) == pytest.approx(value)


@pytest.mark.parametrize(("words", "head", "count"), [
    ("one two", 1, 1),                 # two numbers side by side, not 12
    ("twenty twenty", 20, 1),
    ("five and ten", 5, 1),            # a list: "and" joins only after hundred or a scale word
    ("a hundred and", 100, 2),
    ("five and a quarters", 5, 1),     # a fraction needs numerator and denominator to agree
    ("five and two", 5, 1),
])
def test_word_numbers_stop_where_the_number_ends(words, head, count):
    got = longest_word_number(words.split())
    assert got == (head, count)


@pytest.mark.parametrize("words", ["a", "and", "dozen", "hundred", "thousand", "point five", "a few"])
def test_not_a_number_alone(words):
    assert longest_word_number(words.split()) is None


@pytest.mark.parametrize(("digits", "value"), [("350", 350), ("1,000", 1000), ("1,234,567.5", 1234567.5),
                                                 ("0.25", 0.25), ("-2", -2)])
def test_parse_digits(digits, value):
    assert parse_digits(digits) == value


def test_sentences_respect_abbreviations_initials_and_decimals():
    text = ("Dr. Smith met Mr. J. Jones at 10 a.m. on Friday. Growth was 4.6 per cent. "
            "The U.S. economy grew.\n\nA new paragraph! Is it? Yes.")
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["Dr. Smith met Mr. J. Jones at 10 a.m. on Friday.", "Growth was 4.6 per cent.",
                   "The U.S. economy grew.", "A new paragraph!", "Is it?", "Yes."]


def test_sentences_keep_closing_quotes():
    text = "“We will act,” he said. “Now.” She left."
    assert [text[s:e] for s, e in split_sentences(text)] == ["“We will act,” he said.", "“Now.”", "She left."]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("just over 350", "over"), ("more than 350", "over"), ("almost 350", "under"), ("fewer than 350", "under"),
    ("at least 350", "at_least"), ("up to 350", "up_to"), ("about 350", "about"), ("some 350", "about"),
    ("only 350", "just"), ("exactly 350", "exact"), ("350 or more", "at_least"), ("350 or so", "about"),
    ("350+", "at_least"), ("the 350", "exact"), ("said, 350", "exact"), ("~350", "about"),
])
def test_qualifiers(text, qualifier):
    start = text.index("350")
    assert qualifier_for(text, start, start + 3) == qualifier
