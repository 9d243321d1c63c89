"""The example bundle (crocus-reports.jsonl + shafaq-crocus.txt) as a careful extractor would record it.

Sentences are quoted from ../shared/examples (written for this project from public
facts); each record's spans point into its sentence. `example_records()` is the input
the acceptance of issue 4 is stated on, built by hand so merge is tested on its own.
"""

from __future__ import annotations

from tests.merge.factories import (
    BRYANSK,
    KERMAN,
    KRASNOGORSK,
    MOSCOW,
    article,
    chain,
    crocus_venue,
    figure,
    incident,
    islamic_state,
    place,
    statement,
)

FRIDAY = "2024-03-22"


def _crocus_01():
    text = ("At least 40 people were killed and more than 100 were wounded, the TASS news agency reported, "
            "citing the press office of the Federal Security Service (FSB).")
    fsb = chain("wire report", ("TASS", "agency"), ("FSB press office", "official"))
    return [
        article("crocus-01", "2024-03-22T22:40:00+03:00", [crocus_venue(), place("Moscow", MOSCOW)],
                "Gunmen open fire at Moscow-area concert hall"),
        incident("crocus-01", "2024-03-22T22:40:00+03:00", text, crocus_venue(), FRIDAY, [
            figure(text, "At least 40", "killed", 40, 40, None, fsb),
            figure(text, "more than 100", "injured", 100, 100, None, fsb),
        ], gtd=("Armed Assault", "Facility/Infrastructure Attack")),
    ]


def _crocus_02():
    text = ("The Islamic State group claimed responsibility on Friday for the shooting at a concert hall near "
            "Moscow, in a short statement posted by its Amaq news agency on Telegram.")
    return [
        article("crocus-02", "2024-03-22T23:55:00+03:00",
                [place("Moscow", MOSCOW), place("Krasnogorsk", KRASNOGORSK)],
                "Islamic State claims responsibility for Moscow concert attack"),
        statement("crocus-02", 1, "claim", "2024-03-22T23:55:00+03:00", text, "claimed responsibility",
                  speaker="Islamic State", day=FRIDAY, about="the shooting at a concert hall near Moscow"),
    ]


def _crocus_03():
    text = ("The number of people killed in Friday's attack on the Crocus City Hall in the Moscow region has "
            "risen to 60, Russia's Investigative Committee said early on Saturday. The regional health "
            "ministry said 145 people had been injured, 115 of them taken to hospital. Mykhailo Podolyak "
            "said Kyiv had 'absolutely nothing to do' with the attack.")
    published = "2024-03-23T01:30:00+03:00"
    return [
        article("crocus-03", published, [crocus_venue()], "Death toll in Crocus City Hall attack rises to 60"),
        incident("crocus-03", published, text, crocus_venue(), FRIDAY, [
            figure(text, "risen to 60", "killed", 60, 60, 60,
                   chain("broadcaster", ("Investigative Committee", "official"))),
            figure(text, "145 people", "injured", 145, 145, 145,
                   chain("broadcaster", ("regional health ministry", "official"))),
        ], source="broadcaster"),
        statement("crocus-03", 1, "denial", published, text, "absolutely nothing to do",
                  speaker="Mykhailo Podolyak"),
    ]


def _crocus_04():
    text = ("Eleven people have been detained in connection with the attack on the Crocus City Hall, FSB "
            "director Alexander Bortnikov told President Vladimir Putin on Saturday. The four suspects were "
            "caught in the Bryansk region. The Investigative Committee said the death toll had risen to 93.")
    published = "2024-03-23T09:10:00+03:00"
    bortnikov = chain("newspaper", ("Alexander Bortnikov", "official"))
    # the extractor's location here is the arrest region: merge must still join it to Crocus
    return [
        article("crocus-04", published, [crocus_venue(), place("Bryansk region", BRYANSK, "region")],
                "Eleven detained after concert hall massacre, FSB chief says"),
        incident("crocus-04", published, text, place("Bryansk region", BRYANSK, "region"), "2024-03-23", [
            figure(text, "risen to 93", "killed", 93, 93, 93,
                   chain("newspaper", ("Investigative Committee", "official"))),
        ], source="newspaper"),
        statement("crocus-04", 1, "arrest", published, text, "Eleven people have been detained",
                  speaker="Alexander Bortnikov", day="2024-03-23", figures=[
                      figure(text, "Eleven", "arrested", 11, 11, 11, bortnikov)]),
    ]


def _crocus_05():
    text = ("Ukraine again denied any involvement. Moscow region governor Andrei Vorobyov said on Saturday "
            "evening that 133 people had been killed at the Crocus City Hall.")
    published = "2024-03-23T21:15:00+03:00"
    return [
        article("crocus-05", published, [crocus_venue(), place("Moscow", MOSCOW)],
                "Putin vows punishment as Moscow attack toll reaches 133"),
        incident("crocus-05", published, text, crocus_venue(), FRIDAY, [
            figure(text, "133 people", "killed", 133, 133, 133,
                   chain("broadcaster", ("Andrei Vorobyov", "person"))),
        ], source="broadcaster"),
        statement("crocus-05", 1, "denial", published, text, "denied any involvement", speaker="Ukraine"),
    ]


def _crocus_06_08():
    text6 = "Russian investigators said on Sunday that 137 people were killed when gunmen attacked the Crocus City Hall."
    text8 = ("The death toll from last Friday's attack on the Crocus City Hall concert venue near Moscow has "
             "risen to 139, the Investigative Committee said on Tuesday.")
    return [
        article("crocus-06", "2024-03-24T14:00:00+03:00", [crocus_venue()], "Crocus City Hall death toll rises to 137"),
        incident("crocus-06", "2024-03-24T14:00:00+03:00", text6, crocus_venue(), FRIDAY, [
            figure(text6, "137 people", "killed", 137, 137, 137,
                   chain("news website", ("Russian investigators", "official")))], source="news website"),
        article("crocus-08", "2024-03-26T12:00:00+03:00", [crocus_venue(), place("Moscow", MOSCOW)],
                "Moscow attack toll reaches 139 as search ends"),
        incident("crocus-08", "2024-03-26T12:00:00+03:00", text8, crocus_venue(), FRIDAY, [
            figure(text8, "risen to 139", "killed", 139, 139, 139,
                   chain("newspaper", ("Investigative Committee", "official")))], source="newspaper"),
    ]


def _warning_and_unread():
    text = ("The United States embassy in Moscow said on Thursday that it was monitoring reports that "
            "extremists have imminent plans to target large gatherings in Moscow, including concerts.")
    return [
        article("crocus-07", "2024-03-07T23:00:00+03:00", [place("Moscow", MOSCOW)],
                "US embassy warns of possible attacks in Moscow"),
        statement("crocus-07", 1, "warning", "2024-03-07T23:00:00+03:00", text, "imminent plans",
                  speaker="United States embassy", day="2024-03-07", precedes=True),
        article("crocus-09-ru", "2024-03-22T22:50:00+03:00", title="Стрельба в «Крокус Сити Холле»", lang="ru",
                extracted=False),
    ]


def _shafaq():
    text = ("Official news agencies reported dozens of dead. TASS, citing the FSB press office, said at least "
            "40 people were killed and more than 100 injured.")
    fsb = chain("Shafaq News", ("TASS", "agency"), ("FSB press office", "official"))
    published = "2024-03-22T23:30:00+03:00"
    return [
        article("shafaq-crocus", published, [crocus_venue(), place("Moscow", MOSCOW)]),
        incident("shafaq-crocus", published, text, crocus_venue(), FRIDAY, [
            figure(text, "dozens", "killed", 12, 12, 99, chain("Shafaq News", ("official news agencies", "agency")),
                   vague=True),
            figure(text, "at least 40", "killed", 40, 40, None, fsb),
            figure(text, "more than 100", "injured", 100, 100, None, fsb),
        ], gtd=("Armed Assault", "Facility/Infrastructure Attack"), source="Shafaq News"),
    ]


def _kerman():
    text1 = ("Two explosions tore through a crowd near the tomb of Qasem Soleimani in the southern Iranian city "
             "of Kerman on Wednesday, killing 103 people, state media reported. More than 170 people were "
             "wounded, the head of Kerman's emergency services said.")
    text2 = ("The Islamic State group claimed responsibility on Thursday for the two bombings in Kerman. Iran's "
             "interior minister revised the death toll down to 84, saying some victims had been counted twice, "
             "and said 284 people had been wounded.")
    kerman = place("Kerman", KERMAN)
    minister = chain("wire report", ("interior minister", "official"))
    return [
        article("kerman-01", "2024-01-03T19:30:00+03:30", [kerman], "Twin blasts kill scores at Soleimani memorial"),
        incident("kerman-01", "2024-01-03T19:30:00+03:30", text1, kerman, "2024-01-03", [
            figure(text1, "killing 103", "killed", 103, 103, 103, chain("wire report", ("state media", "agency"))),
            figure(text1, "More than 170", "injured", 170, 170, None,
                   chain("wire report", ("Kerman emergency services", "official"))),
        ], gtd=("Bombing/Explosion",)),
        article("kerman-02", "2024-01-04T18:00:00+03:30", [kerman], "Islamic State claims Kerman bombings"),
        incident("kerman-02", "2024-01-04T18:00:00+03:30", text2, kerman, "2024-01-03", [
            figure(text2, "down to 84", "killed", 84, 84, 84, minister),
            figure(text2, "284 people", "injured", 284, 284, 284, minister),
        ], gtd=("Bombing/Explosion",), actors=[islamic_state()]),
        statement("kerman-02", 1, "claim", "2024-01-04T18:00:00+03:30", text2, "claimed responsibility",
                  speaker="Islamic State", day="2024-01-04", about="the two bombings in Kerman"),
    ]


def example_records() -> list:
    """Every record of the example bundle, in input-file order."""
    return [*_crocus_01(), *_crocus_02(), *_crocus_03(), *_crocus_04(), *_crocus_05(), *_crocus_06_08(),
            *_warning_and_unread(), *_shafaq(), *_kerman()]
