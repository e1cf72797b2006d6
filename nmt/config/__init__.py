"""Typed configuration: the sections (dataclasses), their checks, and loading from YAML.

Dependency direction inside: ``sections`` <- ``checks`` <- ``loading``; ``directions``
(what data.directions means: the directions, their tags) reads ``sections`` only. Everything a
caller needs is re-exported here (``from nmt.config import Config, load_config``).
"""

from nmt.config.checks import validate
from nmt.config.loading import apply_overrides, config_from_dict, load_config, parse_override, read_yaml
from nmt.config.sections import (
    DEVICE_PATTERN,
    Config,
    CorpusConfig,
    DataConfig,
    DecodeConfig,
    FilterConfig,
    ModelConfig,
    TrainConfig,
    VocabConfig,
    architecture_diff,
)

__all__ = [
    "DEVICE_PATTERN",
    "Config",
    "CorpusConfig",
    "DataConfig",
    "DecodeConfig",
    "FilterConfig",
    "ModelConfig",
    "TrainConfig",
    "VocabConfig",
    "apply_overrides",
    "architecture_diff",
    "config_from_dict",
    "load_config",
    "parse_override",
    "read_yaml",
    "validate",
]
