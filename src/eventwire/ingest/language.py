"""Offline language identification (py3langid ships its model in the wheel)."""

from __future__ import annotations

from functools import lru_cache

# Below this many letters a guess is noise; such texts count as English only
# when they are ASCII (a headline, a one-line note).
_MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None for a text with too few letters to tell."""
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < _MIN_LETTERS:
        return "en" if letters and sample.isascii() else None
    lang, _prob = _identifier().classify(sample)
    return lang
