"""Extractors: one module per field family (see `extract/article.py` for their order)."""
