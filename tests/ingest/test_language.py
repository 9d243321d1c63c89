"""Offline language identification: every article gets a language, or None when too short to tell."""

from pathlib import Path

import pytest

from eventwire.ingest.language import detect_language

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"


@pytest.mark.parametrize(("text", "lang"), [
    ("Police said a roadside bomb killed two soldiers near Sarnow on Monday morning.", "en"),
    ("Взрыв на вокзале в Берёзовске: погибли три человека, ещё двенадцать ранены.", "ru"),
    ("Une explosion a frappé le marché samedi, tuant deux personnes et blessant onze autres.", "fr"),
    ("Bomb kills 2", "en"),   # too short to tell, but ASCII: a headline
    ("123 456 —", None),      # no letters at all
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang
