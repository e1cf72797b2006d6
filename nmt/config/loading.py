"""Configs from YAML files and ``--set SECTION.FIELD=VALUE`` overrides, type-checked and validated.

Unknown keys, wrong types and impossible values fail here, at load time, with the
key's dotted name and the value (and the file's name), before any work starts:
``configs/x.yaml: model.hidden_size must be > 0, got -3``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any, Literal

import yaml

from nmt.config.checks import validate
from nmt.config.sections import Config
from nmt.errors import ConfigError


def _check_type(value: Any, tp: Any, where: str) -> Any:
    """Return ``value`` coerced to ``tp`` or raise ConfigError naming ``where``."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _check_type(value, inner[0], where)
    if origin is list:
        (item,) = typing.get_args(tp)
        if not isinstance(value, list):
            raise ConfigError(f"{where} must be a list, got {value!r}")
        if dataclasses.is_dataclass(item):  # a bare string is the first field: `- runs/distilled`
            first = dataclasses.fields(item)[0].name
            return [_build(item, {first: v} if isinstance(v, str) else v, f"{where}[{i}]")
                    for i, v in enumerate(value)]
        return [_check_type(v, item, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is Literal:
        choices = typing.get_args(tp)
        if value not in choices:
            raise ConfigError(f"{where} must be one of {', '.join(map(str, choices))}, got {value!r}")
        return value
    if tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):  # YAML 1.1 reads "2e-3" (no dot) as a string
            try:
                return float(value)
            except ValueError:
                pass
    elif tp is str:
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
    raise ConfigError(f"{where} must be {getattr(tp, '__name__', tp)}, got {value!r}")


def _build(cls: type, raw: Any, prefix: str) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError(f"{prefix or 'config'} must be a mapping, got {raw!r}")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{prefix}.{key}" if prefix else str(key)
        if key not in names:
            known = ", ".join(sorted(names))
            raise ConfigError(f"unknown key {where!r} (known: {known})")
        tp = hints[key]
        if dataclasses.is_dataclass(tp):
            kwargs[key] = _build(tp, value or {}, where)
        else:
            kwargs[key] = _check_type(value, tp, where)
    return cls(**kwargs)


def config_from_dict(raw: dict[str, Any], source: str = "config") -> Config:
    """Build and validate a Config; errors are prefixed with ``source`` (a file name)."""
    try:
        cfg = _build(Config, raw, "")
        validate(cfg)
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}") from None
    return cfg


def parse_override(item: str) -> tuple[list[str], Any]:
    """``"model.hidden_size=512"`` → (["model", "hidden_size"], 512); values are YAML. A key
    may go deeper into a nested section: ``data.filter.max_ratio=2``."""
    if "=" not in item:
        raise ConfigError(f"--set {item!r}: expected KEY=VALUE, e.g. model.dropout=0.2")
    key, _, text = item.partition("=")
    parts = key.strip().split(".")
    if len(parts) < 2 or not all(parts):
        raise ConfigError(f"--set {item!r}: KEY must be SECTION.FIELD, e.g. train.lr")
    try:
        value = yaml.safe_load(text) if text.strip() else ""
    except yaml.YAMLError:
        value = text
    return parts, value


def apply_overrides(raw: dict[str, Any], overrides: list[str]) -> dict[str, Any]:
    """Return a copy of ``raw`` with each ``SECTION.FIELD=VALUE`` applied (the sections on the
    way copied, never changed in place)."""
    out = dict(raw)
    for item in overrides:
        parts, value = parse_override(item)
        node = out
        for depth, name in enumerate(parts[:-1]):
            sub = node.get(name)
            if sub is None:
                sub = {}
            elif not isinstance(sub, dict):
                raise ConfigError(f"--set {item!r}: {'.'.join(parts[: depth + 1])} is not a section")
            node[name] = sub = dict(sub)
            node = sub
        node[parts[-1]] = value
    return out


def read_yaml(path: Path) -> dict[str, Any]:
    """Read a YAML mapping, turning every I/O or syntax problem into one line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}:{line}: {problem}") from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: a config must be a mapping of sections, got {type(raw).__name__}")
    return raw


def load_config(path: Path | None, overrides: list[str] | None = None) -> Config:
    """Load ``path`` (or the defaults when None), apply overrides, validate."""
    raw = read_yaml(path) if path is not None else {}
    raw = apply_overrides(raw, overrides or [])
    return config_from_dict(raw, str(path) if path is not None else "config")
