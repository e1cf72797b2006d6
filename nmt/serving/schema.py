"""The bodies of ``nmt serve``'s API: what a request may hold and what an answer holds.

Pydantic models, so FastAPI validates requests against them (an unknown field is a
422 naming it) and ``/docs`` shows them; :class:`Limits` are the server's bounds on a
request, checked before any work is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True)
class Limits:
    """What one request may ask for; everything past it is a 4xx, not a slow server."""

    max_body_bytes: int = 1 << 20
    max_lines: int = 256
    max_line_chars: int = 10_000
    max_beam: int = 16
    timeout_s: float = 30.0


class TranslateRequest(BaseModel):
    """``POST /v1/translate``: lines to translate and how."""

    model_config = ConfigDict(extra="forbid")
    text: list[str] = Field(min_length=1, description="Lines to translate (one output each, in order).")
    beam: Optional[int] = Field(None, ge=1, description="Beam size (1 = greedy; default: the server's).")
    n_best: int = Field(1, ge=1, description="Hypotheses per line (at most beam).")
    model: Optional[str] = Field(None, description="Name from /v1/models (default: the first).")
    target_lang: Optional[str] = Field(None, description="A multilingual model's target language (one of its "
                                       "directions' in /v1/models; default: its only one).")
    source_lang: Optional[str] = Field(None, description="The source language, checked against the model's.")


class Hyp(BaseModel):
    text: str
    score: float


class TranslateResponse(BaseModel):
    translations: list[str] = Field(description="The best translation of each line, in order.")
    n_best: Optional[list[list[Hyp]]] = Field(None, description="With n_best > 1: the hypotheses per line.")
    model: str
    timing_ms: float = Field(description="Time from request to answer inside the server.")
    warnings: list[str] = Field(default_factory=list, description="Lines cut to decode.max_src_len.")


