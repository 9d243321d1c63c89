"""The one exception hierarchy.

```
EventwireError
+-- ConfigError       bad settings, raised at startup
+-- InputError        one article cannot be read (DecodeError, EmptyArticle, UnsupportedInput)
+-- ExtractionError   an extractor failed on one article
+-- StoreError        database trouble (SchemaMismatch)
```

Messages name the input and what to do. Bugs (TypeError, KeyError) are not
EventwireErrors, so tests fail loudly on them.
"""


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    """Bad settings, raised at startup with the key that is wrong."""


class InputError(EventwireError):
    """One article cannot be read; the batch goes on."""

    def __init__(self, message: str, *, path: str = "-", line: int | None = None, offset: int | None = None):
        where = path + (f":{line}" if line is not None else "") + (f"@{offset}" if offset is not None else "")
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.offset = offset
        self.reason = message


class DecodeError(InputError):
    """Bytes that are not text in any encoding we try."""


class EmptyArticle(InputError):
    """An input with no text to read."""


class UnsupportedInput(InputError):
    """A file whose format eventwire does not read."""


class ExtractionError(EventwireError):
    """An extractor failed on one article."""


class StoreError(EventwireError):
    """Database trouble, with the URL (password hidden) and what to do."""


class SchemaMismatch(StoreError):
    """The database schema is older or newer than this eventwire: run `eventwire db upgrade`."""
