"""What every extractor reads: the doc, the article, and who said each sentence."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from eventwire.records import Article, Attribution, SourceRef


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
        self.sentences = list(self.doc.sents)
        self._sentence_starts = [sent.start_char for sent in self.sentences]

    @property
    def text(self) -> str:
        return self.article.text

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
