"""eventwire: structured, attributed records of political violence from news text.

    import eventwire
    ew = eventwire.load()
    records = ew.extract(text, published="2024-03-22T23:30:00+03:00")
"""

__version__ = "0.1.0"


def load(settings=None, **overrides):
    """Build the pipeline once (model, gazetteer, patterns); see `eventwire.pipeline.Pipeline`."""
    from eventwire.pipeline import load as _load

    return _load(settings, **overrides)


__all__ = ["__version__", "load"]
