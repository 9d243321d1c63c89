"""Builds the spaCy pipeline once; Article -> Doc."""

from eventwire.nlp.model import ENABLED_COMPONENTS, load_nlp

__all__ = ["ENABLED_COMPONENTS", "load_nlp"]
