"""eventwire: structured, attributed records of political violence from news text."""
__version__ = "0.1.0"
