"""No request body, whatever its bytes or shape, gets a 5xx from ``nmt serve`` or puts an
exception in its log: hypothesis over raw bytes and JSON-like structures, sent over loopback
to a real server (the small checkpoint in tests/fixtures, served from a model folder)."""

from __future__ import annotations

import json

import pytest
from conftest import pre_layout_checkpoint, run_nmt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_serve import Server

MODEL = pre_layout_checkpoint()
ARGS = ("--beam", "2", "--max-wait-ms", "5", "--max-lines", "8", "--max-line-chars", "300",
        "--max-body-bytes", "20000", "--max-beam", "4", "--workers", "1")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz") / "model"
    res = run_nmt("export", "-m", str(MODEL), "--format", "hub", "-o", str(folder))
    assert res.returncode == 0, res.stderr
    s = Server(folder, *ARGS)
    yield s
    s.stop()
    log = "\n".join(s.log)
    assert "Traceback" not in log and "internal error" not in log, log[-3000:]


def post(server: Server, raw: bytes) -> int:
    status, body, _ = server.request("POST", "/v1/translate", raw=raw, timeout=30)
    assert status < 500, (raw[:200], status, body)
    if status >= 400:
        assert set(body) == {"error", "status"} and body["status"] == status, body
    return status


# Values of every JSON type, unicode text with lone surrogates, and the fields the API knows.
odd = st.sampled_from(["\ud800", "\udfff", "\x00", "\u2028", "\ufeff", "\U0001f600", "\r\n"])
text = st.lists(st.characters(codec=None, exclude_categories=()) | odd, max_size=40).map("".join)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | text
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
                      max_leaves=12)
valid_shape = st.fixed_dictionaries({"text": st.lists(text, min_size=1, max_size=6)},
                                    optional={"beam": st.integers(1, 4), "n_best": st.integers(1, 2)})
requests = valid_shape | st.fixed_dictionaries({}, optional={
    "text": st.lists(text, max_size=6) | values, "beam": st.integers(-3, 10) | values,
    "n_best": st.integers(-1, 6) | values, "model": st.sampled_from(["de-en", "xx"]) | values,
}) | st.dictionaries(text, values, max_size=3) | values


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=requests)
def test_json_like_bodies_never_get_a_5xx(server, body):
    post(server, json.dumps(body, ensure_ascii=True, allow_nan=True).encode())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=300) | st.builds(lambda b: b'{"text": ' + b, st.binary(max_size=100))
       | st.builds(lambda n, c: c * n, st.integers(0, 20000), st.sampled_from([b"[", b'{"a":', b"-", b"9"]))
       | st.builds(lambda n: b'{"text": ["a"], "beam": ' + b"9" * n + b"}", st.integers(1, 6000)))
def test_arbitrary_bytes_never_get_a_5xx(server, raw):
    post(server, raw)


@pytest.mark.parametrize("raw, status", [
    (b"[" * 5000 + b"]" * 5000, 400),                                # nested past the JSON decoder's recursion
    (b'{"text": ["a"], "beam": ' + b"1" * 5000 + b"}", 400),          # an integer over Python's 4,300 digits
    (b'{"text": ["Ein \\ud800 Hund", "\\udfff"]}', 200),              # lone surrogates: U+FFFD, translated
    (b'{"text": ["a"], "beam": 1e999}', 422),                          # infinity is not a beam
    (b'{"text": ["a"], "n_best": NaN}', 422),
    (b'{"text": [' + b'"a",' * 8 + b'"a"]}', 413),                    # one line over --max-lines
])
def test_the_hostile_bodies_found_so_far(server, raw, status):
    assert post(server, raw) == status
