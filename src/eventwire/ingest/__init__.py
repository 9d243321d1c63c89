"""Readers: every input analysts have -> Article, with its origin kept."""

from eventwire.ingest.readers import read_inputs

__all__ = ["read_inputs"]
