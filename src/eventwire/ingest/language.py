"""Offline language identification (py3langid ships its model in the wheel)."""

from __future__ import annotations

import re
from functools import lru_cache

# Below this many letters a guess is noise; such texts count as English only
# when they are ASCII (a headline, a one-line note).
_MIN_LETTERS = 20


# Written languages of news wires. Creoles and pidgins close to English (pcm, jam...) are left
# out on purpose: short English news sentences were classified as Nigerian Pidgin.
NEWS_LANGUAGES = ["af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "eu", "fa", "fi", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk", "km", "kn", "ko", "ku", "ky", "lo", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "my", "ne", "nl", "no", "pa", "pl", "ps", "pt", "ro", "ru", "si", "sk", "sl", "so", "sq", "sr", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur", "uz", "vi", "zh"]


# Words frequent in any English prose and rare in other languages' (Dutch "was", German "in" are
# left out). In English news they are 15-25% of the words; in other languages, quoted English aside,
# under 2%. A text over the bar is English without asking the classifier: most of eventwire's input
# is English, and the check costs a twentieth of `classify`.
_ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|that|with|were|said|from|which|have|been|after|their|they|this)\b")
_WORD = re.compile(r"\w+")
_ENGLISH_SHARE, _MIN_WORDS = 0.10, 12


def is_clearly_english(sample: str) -> bool:
    """Whether common English function words make up a tenth of the sample's words (12 or more words)."""
    lowered = sample.lower()
    n_words = len(_WORD.findall(lowered))
    return n_words >= _MIN_WORDS and len(_ENGLISH_WORDS.findall(lowered)) >= max(2.0, _ENGLISH_SHARE * n_words)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([lang for lang in NEWS_LANGUAGES if lang in identifier.nb_classes])
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None for a text with too few letters to tell."""
    sample = text[:2000]  # two thousand characters decide as well as the whole article, faster
    letters = sum(map(str.isalpha, sample))
    if letters < _MIN_LETTERS:
        return "en" if letters and sample.isascii() else None
    if is_clearly_english(sample):
        return "en"
    if sample.isupper():
        sample = sample.lower()  # all-capitals wire copy (MUC-4) reads as noise otherwise
    lang, _prob = _identifier().classify(sample)
    return lang
