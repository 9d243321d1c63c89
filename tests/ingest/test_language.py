"""Offline language identification: every article gets a language, or None when too short to tell."""

from pathlib import Path

import pytest

from eventwire.ingest.language import detect_language, is_clearly_english

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


ENGLISH = ("Gunmen opened fire on a police checkpoint on the outskirts of the town on Sunday, killing two officers "
           "and wounding three others, the provincial governor said. No group has claimed responsibility for the "
           "attack, which came after a week of clashes between the army and militants in the area. Officials said "
           "the attackers fled on motorcycles and that a search had been launched in nearby villages.")
OTHERS = {
    "de": ("Bewaffnete haben am Sonntag an einem Kontrollpunkt der Polizei am Stadtrand das Feuer eröffnet und "
           "zwei Beamte getötet sowie drei weitere verletzt, teilte der Gouverneur der Provinz mit. Bislang hat "
           "sich keine Gruppe zu dem Angriff bekannt, der auf eine Woche von Gefechten zwischen Armee und "
           "Kämpfern in der Gegend folgte. Die Angreifer flohen auf Motorrädern, hieß es."),
    "es": ("Hombres armados abrieron fuego contra un puesto de control de la policía en las afueras de la ciudad "
           "el domingo, matando a dos agentes e hiriendo a otros tres, dijo el gobernador provincial. Ningún "
           "grupo se ha atribuido el ataque, que se produjo tras una semana de enfrentamientos entre el ejército "
           "y los milicianos en la zona. Los atacantes huyeron en motocicletas."),
    "nl": ("Gewapende mannen openden zondag het vuur op een politiecontrolepost aan de rand van de stad, waarbij "
           "twee agenten om het leven kwamen en drie anderen gewond raakten, zei de gouverneur van de provincie. "
           "Geen enkele groep heeft de aanslag opgeëist, die volgde op een week van gevechten tussen het leger en "
           "militanten in het gebied. De aanvallers vluchtten op motorfietsen en er was een zoektocht gestart."),
}


def test_english_prose_is_recognised_without_the_classifier():
    assert is_clearly_english(ENGLISH) and detect_language(ENGLISH) == "en"


@pytest.mark.parametrize("lang", sorted(OTHERS))
def test_other_languages_go_to_the_classifier(lang):
    assert not is_clearly_english(OTHERS[lang])
    assert detect_language(OTHERS[lang]) == lang
