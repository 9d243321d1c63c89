"""Attribution chains: outlet first, then who reported, then whom they cited, each link with its span."""

from __future__ import annotations

import pytest

from eventwire.extract.sources import extract_attributions, normalise_source

pytestmark = pytest.mark.model


# (sentence, the chain after the outlet as (name, span text) pairs)
CHAINS = [
    (("TASS news agency, citing the Federal Security Service press office, reported that at least 40 people "
      "were killed."),
     [("TASS", "TASS news agency"), ("FSB press office", "Federal Security Service press office")]),
    ("At least 40 people were killed, TASS reported, citing the FSB press office.",
     [("TASS", "TASS"), ("FSB press office", "FSB press office")]),
    ("Interfax, citing emergency services, said the fire covered 3,000 square metres.",
     [("Interfax", "Interfax"), ("emergency services", "emergency services")]),
    ("Reuters, quoting a police source, said three people died in the blast in Jalalabad.",
     [("Reuters", "Reuters"), ("police source", "police source")]),
    ("The death toll rose to 60, RIA Novosti said, quoting the Investigative Committee.",
     [("RIA Novosti", "RIA Novosti"), ("Investigative Committee", "Investigative Committee")]),
    ("Al Jazeera, citing health officials, said 15 people were killed in the strike.",
     [("Al Jazeera", "Al Jazeera"), ("health officials", "health officials")]),
    # "according to X"
    ("According to the Interior Ministry, 12 people were wounded in the attack in Karachi.",
     [("Interior Ministry", "Interior Ministry")]),
    ("Six civilians were killed in Sahel region, according to local officials.",
     [("local officials", "local officials")]),
    # "X told Y that": the listener is the outlet that reports what X said
    ("NSC spokeswoman Adrienne Watson told Al-Hurra that the United States had shared the information.",
     [("Al-Hurra", "Al-Hurra"), ("NSC spokeswoman Adrienne Watson", "NSC spokeswoman Adrienne Watson")]),
    ("A local official told AFP that 20 villagers had been abducted near Maiduguri.",
     [("AFP", "AFP"), ("local official", "local official")]),
    ("Witnesses told Reuters the gunmen arrived on motorcycles.",
     [("Reuters", "Reuters"), ("Witnesses", "Witnesses")]),
    # "X said", "..., X said"
    ("Five soldiers were killed, the army said in a statement.", [("army", "army")]),
    ("Police spokesman Bashir Ahmed said nine people were killed in Khyber district.",
     [("Police spokesman Bashir Ahmed", "Police spokesman Bashir Ahmed")]),
    ("Xinhua news agency reported that a car bomb exploded in Kabul.", [("Xinhua", "Xinhua news agency")]),
    ("The Associated Press reported that the embassy was closed.", [("AP", "Associated Press")]),
    # no reporting phrase: the outlet alone
    ("Gunmen opened fire on a bus in Balochistan on Monday.", []),
]


@pytest.mark.parametrize("sentence, links", CHAINS)
def test_attribution_chain_of_one_sentence(context_for, check_spans, sentence, links):
    ctx = context_for(sentence)
    (attribution,) = extract_attributions(ctx)
    assert attribution.chain[0].name == "Test Wire" and attribution.chain[0].kind == "outlet"
    assert [(ref.name, ref.evidence[0].text) for ref in attribution.chain[1:]] == links
    check_spans(sentence, attribution)


def test_display_reads_outlet_then_reporter_then_cited(context_for):
    text = "TASS news agency, citing the Federal Security Service press office, reported the toll."
    ctx = context_for(text, source="Shafaq News")
    assert extract_attributions(ctx)[0].display == "Shafaq News ← TASS ← FSB press office"


def test_an_article_without_source_has_an_unknown_outlet(context_for):
    ctx = context_for("Gunmen opened fire on a bus.", source=None)
    assert extract_attributions(ctx)[0].chain[0].name == "unknown outlet"


@pytest.mark.parametrize(
    "text, chains",
    [
        # a quotation that goes on inherits the chain of the sentence that opened it ...
        (('Police spokesman Bashir Ahmed said nine people were killed. '
          '"The attackers fled on motorbikes," he added. Residents buried the dead on Sunday.'),
         [["Police spokesman Bashir Ahmed"], ["Police spokesman Bashir Ahmed"], []]),
        ('"We will hunt them down," the governor said. "Nobody will escape justice." The market reopened.',
         [["governor"], ["governor"], []]),
        # ... but a sentence that is not a quotation does not
        ("The army said 12 militants were killed. Villagers fled to the nearby town.",
         [["army"], []]),
    ],
)
def test_quotation_continuation_keeps_the_speaker(context_for, text, chains):
    ctx = context_for(text)
    found = [[ref.name for ref in a.chain[1:]] for a in extract_attributions(ctx)]
    assert found == chains


def test_each_sentence_has_its_own_chain(context_for):
    text = ("According to the police, a bomb exploded in a market in Maiduguri. "
            "Amnesty International said 18 people were killed. The market was closed.")
    ctx = context_for(text)
    chains = extract_attributions(ctx)
    assert len(chains) == len(ctx.sentences) == 3
    assert [a.display for a in chains] == [
        "Test Wire ← police", "Test Wire ← Amnesty International", "Test Wire"]
    assert ctx.attribution_at(text.index("18")) == chains[1]


@pytest.mark.parametrize(
    "phrase, name, kind",
    [
        ("TASS news agency", "TASS", "agency"),
        ("Reuters news agency", "Reuters", "agency"),
        ("Islamic Republic News Agency", "IRNA", "agency"),
        ("Anadolu Agency", "Anadolu", "agency"),
        ("Associated Press", "AP", "agency"),
        ("Agence France-Presse", "AFP", "agency"),
        ("Ria Novosti", "RIA Novosti", "agency"),
        ("Kyodo news agency", "Kyodo", "agency"),
        ("Federal Security Service", "FSB", "official"),
        ("Federal Security Service press office", "FSB press office", "official"),
        ("FSB press office", "FSB press office", "official"),
        ("press office of the Interior Ministry", "Interior Ministry press office", "official"),
        ("spokesman of the Nigerian Army", "Nigerian Army spokesman", "official"),
        ("National Police of Colombia (PNC)", "PNC", "official"),
        ("Moscow Health Department", "Moscow Health Department", "official"),
        ("Kenyan police", "Kenyan police", "official"),
        ("local media", "local media", "agency"),
        ("witnesses", "witnesses", "unknown"),
    ],
)
def test_normalise_source_gives_short_name_and_kind(phrase, name, kind):
    assert normalise_source(phrase) == (name, kind)
