"""Attribution: who said each sentence, citing whom ("TASS, citing the FSB press office, reported").

Works on tokens and part-of-speech tags (no parser): a reporting verb ("said",
"reported", "told") or phrase ("according to", "citing") anchors the search; the
source is the noun phrase next to it. The chain is outlet -> reporter -> cited.
A sentence without a reporting phrase that continues a quotation inherits the
previous sentence's chain; any other sentence gets the outlet alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import LEMMA, LOWER

from eventwire.extract.context import Context
from eventwire.extract.patterns import load_table
from eventwire.records import Attribution, SourceRef

EXTRACTOR = "sources.v1"

REPORTING_LEMMAS = {"say", "report", "tell", "announce", "state", "confirm", "add", "indicate", "note",
                    "quote", "reveal", "write", "tweet", "post"}
CITING_WORDS = {"citing", "quoting"}
_PHRASE_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "ADP", "CCONJ"}
_PHRASE_PUNCT = {"'", "’", "-", "(", ")", "."}
_STOP_WORDS = {"that", "which", "who", "as", "when", "while", "after", "before", "on", "in", "at", "by",
               "with", "from", "than", "if", "because", "since"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "which", "who"}
_MAX_PHRASE = 9
# "press" names an outlet ("Associated Press"), but a "press office" or "press service" is an official's.
_AGENCY_RE = re.compile(r"\b(news agency|agency|news|media|tv|television|radio|broadcaster|newspaper|"
                        r"times|post|press(?! office| service)|channel|telegram)\b", re.IGNORECASE)
_OFFICIAL_RE = re.compile(r"\b(ministry|minister|office|department|police|army|military|spokes\w+|governor|"
                          r"committee|service|services|official|officials|authorit\w+|government|president|"
                          r"mayor|commander|council|command|forces|FSB|agency)\b", re.IGNORECASE)


def extract_attributions(ctx: Context) -> list[Attribution]:
    """One citation chain per sentence of `ctx.doc`, outlet first."""
    chains: list[Attribution] = []
    previous: Attribution | None = None
    anchors = _anchor_tokens(ctx.doc)
    for sentence in ctx.sentences:
        links = _links_in_sentence(ctx, sentence, anchors) if _any_between(anchors, sentence) else []
        if links:
            chain = Attribution((ctx.outlet, *links))
        elif previous is not None and _continues_quote(sentence):
            chain = previous
        else:
            chain = Attribution((ctx.outlet,))
        chains.append(chain)
        previous = chain if len(chain.chain) > 1 else None
    return chains


def _continues_quote(sentence) -> bool:
    return sentence.text.lstrip()[:1] in {'"', "“", "'"}


def _anchor_tokens(doc) -> list[int]:
    """Indices of the tokens a chain can hang on ("according", a reporting lemma), read once per doc
    from spaCy's attribute arrays: walking every token of every sentence costs more."""
    strings = doc.vocab.strings
    according = strings["according"]
    rows = doc.to_array([LOWER, LEMMA]).tolist()
    reporting = {lemma for _lower, lemma in rows if strings[lemma].lower() in REPORTING_LEMMAS}
    return [i for i, (lower, lemma) in enumerate(rows) if lower == according or lemma in reporting]


def _any_between(anchors: list[int], sentence) -> bool:
    first = bisect_left(anchors, sentence.start)
    return first < len(anchors) and anchors[first] < sentence.end


def _links_in_sentence(ctx: Context, sentence, anchors: list[int]) -> list[SourceRef]:
    """Reporter then cited sources named in one sentence ("according to X" outranks "Y said")."""
    tokens = [ctx.doc[i] for i in anchors[bisect_left(anchors, sentence.start):bisect_left(anchors, sentence.end)]]
    according = [
        _source_ref(ctx, phrase) for token in tokens
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor().lower_ == "to"
        and (phrase := _phrase_after(sentence, token.i + 2)) is not None
    ][:1]
    for token in tokens:
        # "quoting"/"citing" introduce the cited source, never the reporter.
        if token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ in {"VERB", "AUX"} \
                and token.lower_ not in CITING_WORDS:
            links = _links_around_verb(ctx, sentence, token, swap_listener=not according)
            if links:
                return according + links[:1] if according else links
    return according


def _links_around_verb(ctx: Context, sentence, verb, swap_listener: bool = True) -> list[SourceRef]:
    """'X, citing Y, reported' -> [X, Y]; 'X said' -> [X]; '..., said X' -> [X]."""
    end = verb.i
    while end > sentence.start and ctx.doc[end - 1].pos_ == "AUX":
        end -= 1
    cited = None
    if end > sentence.start and ctx.doc[end - 1].text == ",":
        cite_at = next((t.i for t in reversed(ctx.doc[sentence.start:end - 1]) if t.lower_ in CITING_WORDS), None)
        if cite_at is not None:
            cited = _phrase_after(sentence, cite_at + 1, stop_at=end - 1)
            end = cite_at - 1 if ctx.doc[cite_at - 1].text == "," else cite_at
    reporter = phrase_before(sentence, end)
    after_comma = ctx.doc[verb.i - 1].text in {",", '"', "”"}
    if reporter is None and after_comma and verb.tag_ == "VBG":
        # "X revised the toll, saying ...": the speaker is the sentence's opening phrase.
        reporter = _phrase_after(sentence, sentence.start)
    elif reporter is None and after_comma and verb.i + 1 < sentence.end:
        reporter = _phrase_after(sentence, verb.i + 1)
    if cited is None:
        cited = _cited_after(sentence, verb)
    if swap_listener and verb.lemma_.lower() == "tell" and reporter is not None and cited is None:
        # "Watson told Al-Hurra that ...": the outlet Al-Hurra reports what Watson said.
        listener = _phrase_after(sentence, verb.i + 1)
        if listener is not None and listener[0].pos_ == "PROPN":
            reporter, cited = listener, reporter
    return [_source_ref(ctx, p) for p in (reporter, cited) if p is not None]


def _cited_after(sentence, verb):
    """The source cited after the verb: "TASS reported, citing the FSB" -> the FSB."""
    doc = sentence.doc
    for token in doc[verb.i + 1:min(sentence.end, verb.i + 8)]:
        if token.lower_ in CITING_WORDS and doc[token.i - 1].text == ",":
            return _phrase_after(sentence, token.i + 1)
    return None


def phrase_before(sentence, end: int):
    """The noun phrase that ends just before token index `end` (the reporting verb)."""
    doc = sentence.doc
    start = end
    while start > sentence.start and end - start < _MAX_PHRASE and _in_phrase(doc[start - 1]):
        start -= 1
    return _trim(doc[start:end])


def _phrase_after(sentence, start: int, stop_at: int | None = None):
    """The noun phrase that starts at token index `start` ("according to the police")."""
    doc = sentence.doc
    stop = min(sentence.end, stop_at if stop_at is not None else sentence.end)
    end = start
    while end < stop and end - start < _MAX_PHRASE and _in_phrase(doc[end]):
        if end > start and doc[end].pos_ == "DET" and doc[end - 1].pos_ in {"NOUN", "PROPN"}:
            break  # a determiner after a noun opens the next phrase: "told Reuters the gunmen ..."
        end += 1
    return _trim(doc[start:end])


def _in_phrase(token) -> bool:
    if token.lower_ == "in" and 0 < token.i < len(token.doc) - 1:
        # "the United States embassy in Moscow": a place inside a name, not a clause boundary
        return token.nbor(-1).pos_ in {"NOUN", "PROPN"} and token.nbor(1).pos_ == "PROPN"
    if token.lower_ in _STOP_WORDS:
        return False
    return token.pos_ in _PHRASE_POS or token.text in _PHRASE_PUNCT


def _trim(span):
    """Drop leading determiners/prepositions and trailing punctuation; None if nothing nameable is left."""
    while len(span) and (span[0].pos_ in {"DET", "ADP", "CCONJ", "PART"} or span[0].text in _PHRASE_PUNCT):
        span = span[1:]
    while len(span) and (span[-1].pos_ in {"ADP", "CCONJ", "DET"} or span[-1].text in {"-", "(", "."}):
        span = span[:-1]
    if not len(span) or span.text.lower() in _PRONOUNS or not any(t.pos_ in {"PROPN", "NOUN"} for t in span):
        return None
    return span


def _source_ref(ctx: Context, span) -> SourceRef:
    name, kind = normalise_source(span.text)
    if kind == "unknown" and any(ent.label_ == "PERSON" for ent in span.ents):
        kind = "person"
    return SourceRef(name, kind, (ctx.article.span(span.start_char, span.end_char),))


def normalise_source(text: str) -> tuple[str, str]:
    """(short name, kind) for a source phrase: aliases, 'press office of the X' -> 'X press office'."""
    name = re.sub(r"\s+", " ", text).strip(" ,\"'")
    aliases = {alias.lower(): (canonical, kind) for alias, canonical, kind in load_table("sources.tsv")}
    office = re.match(r"(?i)(press office|press service|spokesman|spokesperson) of (?:the )?(.+)", name)
    if office:
        org, _ = normalise_source(office.group(2))
        return f"{org} {office.group(1).lower()}", "official"
    abbreviation = re.search(r"\(([A-Z]{2,6})\)$", name)
    if abbreviation:
        return abbreviation.group(1), _kind_of(name)
    if name.lower() in aliases:
        return aliases[name.lower()]
    for alias, (canonical, kind) in aliases.items():
        if name.lower().startswith(alias + " "):
            return canonical + name[len(alias):], kind
    agency = re.match(r"(?i)(.+?) news agency$", name)
    if agency:
        return agency.group(1), "agency"
    return name, _kind_of(name)


def _kind_of(name: str) -> str:
    if _AGENCY_RE.search(name):
        return "agency"
    if _OFFICIAL_RE.search(name):
        return "official"
    return "unknown"
