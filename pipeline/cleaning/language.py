"""Language identification (py3langid, restricted to languages a UK news pipeline meets), guarded for short text."""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .features import count_words

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

LANGUAGES = ("en", "cy", "ga", "gd", "fr", "de", "es", "it", "nl", "pt", "pl", "ro", "sv", "da", "no", "fi",
             "cs", "sk", "hu", "el", "ru", "uk", "tr", "ar", "zh", "ja", "ko", "hi", "ur", "bn", "pa", "he", "fa",
             "lt", "lv", "et", "sl", "hr", "bg", "sr", "ca", "eu", "gl", "is", "mt", "so", "sq")
MIN_WORDS = 8
ENGLISH_SHARE = 0.4


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's identifier restricted to ``LANGUAGES``, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect_language(text: str | None, *, sample_chars: int = 4000, english: frozenset[str] | None = None) -> str | None:
    """ISO 639-1 code of ``text``; None when it is too short or the guess is not confident.

    With ``english`` (English stop words) a sample made of at least 40 % of them is English without asking
    the model: no other language reaches that share of English function words."""
    if not text:
        return None
    sample = text[:sample_chars]
    n_words = count_words(sample)
    if n_words < MIN_WORDS:
        return None
    if english is not None and n_words >= 25:
        words = sample.casefold().split()
        if sum(w.strip(".,;:!?\"'“”‘’()") in english for w in words) >= ENGLISH_SHARE * len(words):
            return "en"
    lang, prob = _identifier().classify(sample)
    needed = 0.9 if n_words < 25 else 0.6
    return lang if prob >= needed else None
