"""Read the value of a number written in digits or in English words."""

from __future__ import annotations

import re

from text_to_num import text2num

from .lexicon import DENOMINATORS, DOZEN, HUNDRED, NUMBER_WORDS, SCALE_WORDS, TEENS, TENS, UNITS

_WORD_SPLIT = re.compile(r"[\s\u00a0-]+")


def parse_digits(surface: str) -> float:
    """`1,234.5` -> 1234.5 (thousands commas dropped)."""
    return float(surface.replace(",", "").replace("\u2009", "").replace(" ", ""))


def longest_word_number(tokens: list[str]) -> tuple[float, int] | None:
    """The value of the longest well-formed English number at the head of `tokens`, and its token count.

    Accepts "a" before hundred/thousand/million/dozen, "and" after hundred and the scale words
    (`three hundred and forty two`), a fraction after "and" (`and a half`, `and three quarters`) and `point five`.
    Returns None when the head is no number.
    """
    best: tuple[float, int] | None = None
    total = 0.0
    current = 0.0
    last = ""            # kind of the last token: unit, teen, ten, hundred, scale, dozen, and
    last_scale = float("inf")
    i = 0
    if tokens and tokens[0] in ("a", "an"):
        if len(tokens) > 1 and tokens[1] in {**HUNDRED, **SCALE_WORDS, **DOZEN}:
            current, last, i = 1.0, "a", 1
        else:
            return None
    while i < len(tokens):
        tok = tokens[i]
        if tok in UNITS or tok in TEENS:
            if last in ("unit", "teen") or (last == "ten" and tok in TEENS) or (last == "ten" and current % 10):
                break
            current += UNITS.get(tok, TEENS.get(tok, 0))
            last = "unit" if tok in UNITS else "teen"
        elif tok in TENS:
            if last in ("unit", "teen", "ten") or current % 100:
                break
            current += TENS[tok]
            last = "ten"
        elif tok in HUNDRED:
            bare = last == "" and i + 1 < len(tokens) and tokens[i + 1] in SCALE_WORDS     # "hundred thousand"
            if (last not in ("unit", "teen", "ten", "a") and not bare) or current >= 100:
                break
            current = (current or 1) * 100
            last = "hundred"
        elif tok in SCALE_WORDS:
            scale = SCALE_WORDS[tok]
            if last in ("and", "") or scale >= last_scale:
                break
            total += (current or 1) * scale
            current = 0.0
            last_scale = scale
            last = "scale"
        elif tok in DOZEN:
            if last not in ("a", "unit", "teen", "ten"):
                break                       # "dozen" alone ("a few dozen") is no number
            current = (current or 1) * 12
            last = "dozen"
        elif (tok == "and" and last in ("unit", "teen", "ten", "a", "hundred", "scale")
              and (frac := _and_fraction(tokens, i))):
            if last == "scale":             # "a million and a half": half of the last scale
                total += frac * last_scale
            else:                           # "two and a half", "five and three quarters", "a hundred and a half"
                current += frac
            i += 3
            best = (total + current, i)
            last = "half"
            continue
        elif tok == "and" and last in ("hundred", "scale") and i + 1 < len(tokens) and (
            tokens[i + 1] in UNITS or tokens[i + 1] in TEENS or tokens[i + 1] in TENS
        ):
            last = "and"
            i += 1
            continue
        elif (tok == "point" and last in ("unit", "teen", "ten", "hundred") and i + 1 < len(tokens)
              and tokens[i + 1] in UNITS):
            j = i + 1
            digits = ""
            while j < len(tokens) and tokens[j] in UNITS:
                digits += str(UNITS[tokens[j]])
                j += 1
            current += float("0." + digits)
            i = j
            best = (total + current, i)
            last = "point"
            continue
        else:
            break
        i += 1
        if last != "and":
            best = (total + current, i)
    return best


def _and_fraction(tokens: list[str], i: int) -> float | None:
    """The fraction after the "and" at `i`: "and a half", "and a quarter", "and three quarters" (None if none)."""
    if i + 2 >= len(tokens):
        return None
    num_word, den_word = tokens[i + 1], tokens[i + 2]
    den = DENOMINATORS.get(den_word)
    if den is None:
        return None
    num = 1 if num_word in ("a", "an") else UNITS.get(num_word)
    if not num or num >= den:
        return None
    if num == 1 and den_word.endswith("s"):
        return None                         # "a quarter", "three quarters", "three quarter miles"; not "a quarters"
    return num / den


def words_value(words: list[str]) -> float:
    """Value of a well-formed word number; text2num does the integer part when it can."""
    if all(w in NUMBER_WORDS or w == "and" for w in words) and words and words[0] != "dozen":
        try:
            return float(text2num(" ".join(words), "en"))
        except ValueError:
            pass
    got = longest_word_number(words)
    return got[0] if got else float("nan")
