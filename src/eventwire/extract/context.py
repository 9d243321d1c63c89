"""What every extractor reads: the doc, the article, and who said each sentence."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from eventwire.records import Article, Attribution, SourceRef


class Sentence:
    """A spaCy sentence whose text is sliced once from the article.

    `Span.text` rebuilds the string from its tokens on every access, and the extractors
    read each sentence's text dozens of times; `lower` is that text lower-cased, for cue scans
    without IGNORECASE (see `prefilter.search_any_case`); everything else is the span's own.
    """

    __slots__ = ("end", "end_char", "lower", "span", "start", "start_char", "text")

    def __init__(self, span, article_text: str):
        self.span = span
        self.start_char, self.end_char = span.start_char, span.end_char
        self.start, self.end = span.start, span.end
        self.text = article_text[self.start_char:self.end_char]
        self.lower = self.text.lower()

    def __getattr__(self, name: str):
        return getattr(self.span, name)

    def __iter__(self):
        return iter(self.span)

    def __getitem__(self, index):
        return self.span[index]

    def __len__(self) -> int:
        return len(self.span)


@dataclass
class Context:
    """One article being extracted: the spaCy `doc`, the `article`, and shared look-ups.

    `attributions[i]` is the citation chain of sentence i (outlet first); extractors
    attach it to what they read in that sentence.
    """

    doc: Any
    article: Article
    resources: Any = None
    attributions: list[Attribution] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        text = self.article.text
        self.sentences = [Sentence(span, text) for span in self.doc.sents]
        self._sentence_starts = [sentence.start_char for sentence in self.sentences]

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def ents(self) -> tuple:
        """The doc's entities, made once: `Doc.ents` builds every Span anew on each access."""
        return self.doc.ents

    @cached_property
    def tokens(self) -> list:
        """The doc's tokens as a list, made once: iterating a Doc builds every Token object anew."""
        return list(self.doc)

    @property
    def outlet(self) -> SourceRef:
        return SourceRef(self.article.source or "unknown outlet", "outlet")

    def sentence_index(self, char: int) -> int:
        """Index of the sentence that holds character offset `char`."""
        return max(0, bisect_right(self._sentence_starts, char) - 1)

    def attribution_at(self, char: int) -> Attribution:
        """The citation chain of the sentence holding `char` (outlet alone if none found)."""
        if self.attributions:
            return self.attributions[self.sentence_index(char)]
        return Attribution((self.outlet,))
