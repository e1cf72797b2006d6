"""`nmt serve` as a user runs it: a real server on a free loopback port, real HTTP.

Every request has a socket timeout and every loop a fixed count, so a broken
server fails a test instead of hanging the suite.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, read_jsonl, run_nmt


class Server:
    """``python -m nmt serve ... --port 0`` in a subprocess; stderr collected line by line."""

    def __init__(self, model: Path, *args: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "nmt", "serve", "-m", str(model), "--port", "0",
                                      "--log-format", "json", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        self.log: list[str] = []
        self.port = 0
        started = threading.Event()

        def read() -> None:
            for line in self.proc.stderr:  # type: ignore[union-attr]
                self.log.append(line.rstrip("\n"))
                if m := re.search(r"on http://127\.0\.0\.1:(\d+)", line):
                    self.port = int(m.group(1))
                    started.set()
            started.set()

        threading.Thread(target=read, daemon=True).start()
        if not started.wait(90) or not self.port:
            self.proc.kill()
            raise AssertionError("server did not start:\n" + "\n".join(self.log))

    def request(self, method: str, path: str, body: object = None, timeout: float = 60,
                raw: bytes | None = None) -> tuple[int, dict, dict]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        conn.request(method, path, body=data, headers={"Content-Type": "application/json"} if data else {})
        resp = conn.getresponse()
        payload = resp.read()
        conn.close()
        ctype = resp.getheader("content-type", "")
        parsed = json.loads(payload) if "json" in ctype else {"text": payload.decode()}
        return resp.status, parsed, dict(resp.getheaders())

    def translate(self, lines: list[str], **kw: object) -> tuple[int, dict, dict]:
        return self.request("POST", "/v1/translate", {"text": lines, **kw})

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


SERVER_ARGS = ("--beam", "2", "--max-wait-ms", "50", "--max-lines", "32", "--max-line-chars", "5000",
               "--max-body-bytes", "200000", "--max-beam", "8")


@pytest.fixture(scope="module")
def server(trained_run):
    s = Server(trained_run / "best.pt", *SERVER_ARGS)
    yield s
    s.stop()


@pytest.fixture(scope="module", params=["window", "continuous"])
def any_server(request, server, trained_run):
    """The answers must not depend on how lines are batched: each test runs with both modes."""
    if request.param == "window":
        yield server
        return
    s = Server(trained_run / "best.pt", *SERVER_ARGS, "--batching", "continuous")
    yield s
    assert s.stop() == 0


@pytest.fixture(scope="module")
def test_lines(multi30k) -> list[str]:
    return [r["de"] for r in read_jsonl(multi30k / "test.jsonl", 48)]


@pytest.fixture(scope="module")
def reference(trained_run, test_lines) -> dict[str, str]:
    """``nmt translate``'s output for the same lines and beam."""
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--beam", "2", input="\n".join(test_lines) + "\n")
    assert res.returncode == 0, res.stderr
    out = res.stdout.splitlines()
    assert len(out) == len(test_lines)
    return dict(zip(test_lines, out))


def test_answers_equal_nmt_translate_blank_in_blank_out(any_server, test_lines, reference):
    lines = test_lines[:20] + ["", "   "] + test_lines[20:30]
    status, body, headers = any_server.translate(lines)
    assert status == 200, body
    assert body["translations"] == [reference.get(line, "") for line in lines]
    assert body["model"] == "de-en" and body["timing_ms"] > 0 and body["warnings"] == []
    assert headers.get("x-request-id")


def test_n_best_lists_hypotheses_best_first(any_server, test_lines):
    status, body, _ = any_server.translate(test_lines[:3], beam=4, n_best=3)
    assert status == 200, body
    assert [len(h) for h in body["n_best"]] == [3, 3, 3]
    for row, best in zip(body["n_best"], body["translations"]):
        assert row[0]["text"] == best
        assert [h["score"] for h in row] == sorted((h["score"] for h in row), reverse=True)


def test_sixteen_concurrent_clients_each_get_their_own_lines_and_batches_are_shared(any_server, test_lines,
                                                                                    reference):
    clients, rounds = 16, 3
    barrier = threading.Barrier(clients)
    failures: list[str] = []

    def client(k: int) -> None:
        mine = [test_lines[(k * 3 + j) % len(test_lines)] for j in range(1 + k % 3)]
        barrier.wait(30)
        for r in range(rounds):
            status, body, _ = any_server.translate(mine)
            if status != 200 or body["translations"] != [reference[m] for m in mine]:
                failures.append(f"client {k} round {r}: {status} {body}")

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads)
    assert failures == []
    metrics = any_server.request("GET", "/metrics")[1]["text"]
    alone = float(re.search(r'nmt_batch_requests_bucket\{le="1.0"\} (\S+)', metrics).group(1))
    batches = float(re.search(r"nmt_batch_requests_count (\S+)", metrics).group(1))
    assert batches - alone >= 1, "no batch held lines from more than one request"
    assert re.search(r"nmt_queue_lines \S+", metrics)
    assert re.search(r'nmt_request_seconds_bucket\{le="1.0"\}', metrics)


@pytest.mark.parametrize("body,status,message", [
    ({"text": []}, 422, "text: give at least one line"),
    ({"text": "Ein Hund."}, 422, "text: Input should be a valid list"),
    ({"text": ["ok", 3]}, 422, "text[1]: Input should be a valid string"),
    ({"text": ["ok"], "beam": "wide"}, 422, "beam: Input should be a valid integer"),
    ({"text": ["ok"], "beam": 0}, 422, "beam: Input should be greater than or equal to 1"),
    ({"text": ["ok"], "beam": 9}, 422, "beam: 9 is over this server's limit of 8"),
    ({"text": ["ok"], "beam": 2, "n_best": 3}, 422, "n_best: 3 needs beam >= 3"),
    ({"text": ["ok"], "colour": 1}, 422, "colour: Extra inputs are not permitted"),
    ({"text": ["ok"], "model": "fr-en"}, 404, "model: no model named 'fr-en'; served: de-en"),
    (["ok"], 422, "body: expected a JSON object"),
    ({"text": ["Hund"] * 33}, 413, "text: 33 lines, over the limit of 32 per request"),
    ({"text": ["ok", "x" * 5001]}, 413, "text[1]: 5001 characters, over the limit of 5000"),
    ({"text": ["Hund " * 45000]}, 413, "over the limit of 200000 bytes"),
])
def test_bad_requests_get_a_4xx_naming_the_field(server, body, status, message):
    got, payload, _ = server.request("POST", "/v1/translate", body)
    assert got == status, payload
    assert payload["status"] == status and message in payload["error"]


@pytest.mark.parametrize("raw,status,message", [
    (b'{"text": ["\xff\xfe"]}', 400, "not valid UTF-8"),
    (b'{"text": ["unfinished"', 400, "not valid JSON"),
    (b"", 400, "not valid JSON"),
])
def test_undecodable_bodies_are_400(server, raw, status, message):
    got, payload, _ = server.request("POST", "/v1/translate", raw=raw)
    assert got == status and message in payload["error"]


def test_unknown_paths_and_methods(server):
    assert server.request("GET", "/v2/translate")[0:2] == (404, {"error": "no such endpoint: /v2/translate",
                                                               "status": 404})
    status, body, _ = server.request("GET", "/v1/translate")
    assert status == 405 and "GET is not allowed" in body["error"]


def test_a_line_over_max_src_len_is_cut_with_a_warning(server, reference, test_lines):
    long = "Hund " * 400
    status, body, _ = server.translate([test_lines[0], long])
    assert status == 200
    assert body["translations"][0] == reference[test_lines[0]]
    assert len(body["warnings"]) == 1 and body["warnings"][0].startswith("text[1]:")
    assert "truncated" in body["warnings"][0]


def test_models_health_ready_docs_and_the_access_log(server, trained_run):
    status, body, _ = server.request("GET", "/v1/models")
    assert status == 200 and body["default"] == "de-en"
    (m,) = body["models"]
    assert m["name"] == "de-en" and m["src_lang"] == "de" and m["tgt_lang"] == "en"
    assert m["parameters"] > 0 and m["vocab"]["src_size"] == 1000 and m["training"]["step"] > 0
    assert server.request("GET", "/health")[:2] == (200, {"status": "ok"})
    assert server.request("GET", "/ready")[:2] == (200, {"ready": True, "models": ["de-en"]})
    assert server.request("GET", "/docs")[0] == 200
    schema = server.request("GET", "/openapi.json")[1]
    assert "/v1/translate" in schema["paths"]
    entries = [json.loads(line) for line in server.log if line.startswith("{")]
    ok = [e for e in entries if e["path"] == "/v1/translate" and e["status"] == 200]
    assert ok and all(e["lines"] > 0 and e["pieces"] > 0 and e["latency_ms"] > 0 and e["id"] for e in ok)
    assert server.proc.poll() is None  # never needed a restart


def test_a_full_queue_is_429_and_a_slow_answer_503(trained_run, test_lines):
    # The first request waits in the queue for --max-wait-ms (3 s; --min-batch-lines holds the
    # window open), longer than --timeout (window batching: the queue and its limits are the
    # same in front of continuous batching).
    s = Server(trained_run / "best.pt", "--batching", "window", "--max-wait-ms", "3000", "--min-batch-lines", "1000",
               "--max-batch-tokens", "100000", "--max-queue-lines", "40", "--timeout", "1")
    try:
        first: list = []
        t = threading.Thread(target=lambda: first.append(s.translate(test_lines[:30])))
        t.start()
        time.sleep(0.4)
        status, body, headers = s.translate(test_lines[:30])
        assert status == 429 and "saturated" in body["error"] and int(headers["retry-after"]) >= 1
        t.join(30)
        status, body, headers = first[0]
        assert status == 503 and "not translated within 1 s" in body["error"] and headers["retry-after"]
        assert s.request("GET", "/health")[0] == 200
    finally:
        assert s.stop() == 0


def test_sigterm_answers_requests_in_flight_and_refuses_new_ones(trained_run, test_lines, reference):
    s = Server(trained_run / "best.pt", "--beam", "2", "--batching", "window", "--max-wait-ms", "1500",
               "--min-batch-lines", "1000", "--max-batch-tokens", "100000")  # the request waits in the queue
    answers: list = []
    t = threading.Thread(target=lambda: answers.append(s.translate(test_lines[:10])))
    t.start()
    time.sleep(0.5)
    s.proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    status, body, headers = s.translate(test_lines[:1])
    assert status == 503 and "shutting down" in body["error"]
    t.join(30)
    status, body, _ = answers[0]
    assert status == 200 and body["translations"] == [reference[x] for x in test_lines[:10]]
    assert s.proc.wait(30) == 0


def test_two_models_by_name_and_a_name_clash(trained_run, test_lines, reference):
    best, last = trained_run / "best.pt", trained_run / "last.pt"
    s = Server(best, "-m", f"other={last}", "--beam", "2", "--workers", "2")  # two decoding processes
    try:
        status, body, _ = s.request("GET", "/v1/models")
        assert [m["name"] for m in body["models"]] == ["de-en", "other"]
        status, body, _ = s.translate(test_lines[:2], model="de-en")
        assert body["translations"] == [reference[x] for x in test_lines[:2]]
        assert s.translate(test_lines[:2], model="other")[0] == 200
    finally:
        s.stop()
    res = run_nmt("serve", "-m", str(best), "-m", str(last), "--port", "0", timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().splitlines()[-1] == (
        f"error: -m {last}: the name de-en is taken by another model; name them: -m NAME=PATH")


def test_bench_serve_writes_its_figures(trained_run, tmp_path):
    out = tmp_path / "bench.json"
    res = subprocess.run([sys.executable, "scripts/bench_serve.py", "-m", str(trained_run / "best.pt"),
                          "--clients", "1,4", "--lines", "24", "--beam", "2", "--timeout", "120",
                          "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text())
    assert data["translate_sentences_per_s"] > 0 and data["lines"] == 24
    runs = {(r["mode"], r["clients"]): r for r in data["runs"]}
    assert set(runs) == {(m, c) for m in ("window", "continuous", "off") for c in (1, 4)}
    assert runs[("off", 4)]["mean_batch_requests"] == 1.0
    for r in runs.values():
        assert r["sentences_per_s"] > 0 and r["p50_ms"] <= r["p95_ms"] <= r["p99_ms"]
        decoders = {f"decoder{i}" for i in range(data["server_workers"])}
        assert set(r["cores"]) == {"http", "clients", *decoders}
        assert sum(r["cores"][d] for d in decoders) > 0
    assert data["ceiling"][0]["batch_lines"] == "sorted" and all(c["sentences_per_s"] > 0 for c in data["ceiling"])


def test_a_failing_decoder_fails_the_request_not_the_server(trained_run, test_lines, monkeypatch):
    """In-process (the app without uvicorn): an exception while decoding is a JSON 500 for that
    request only; the next request is answered."""
    from starlette.testclient import TestClient

    from nmt.decoding.translator import Translator
    from nmt.serving.app import ServerState, create_app
    from nmt.serving.batcher import DynamicBatcher

    tr = Translator.load(trained_run / "best.pt", device="cpu", beam=2)
    state = ServerState({"de-en": tr}, {"de-en": {}}, DynamicBatcher({"de-en": tr}, max_wait_ms=0), log_format="none")
    calls = {"n": 0}
    real = Translator.translate_ids

    def flaky(self, src, n_best=1, attention=False):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("out of memory")
        return real(self, src, n_best, attention)

    monkeypatch.setattr(Translator, "translate_ids", flaky)
    with TestClient(create_app(state), raise_server_exceptions=False) as client:
        bad = client.post("/v1/translate", json={"text": test_lines[:2]})
        assert bad.status_code == 500 and "RuntimeError" in bad.json()["error"]
        good = client.post("/v1/translate", json={"text": test_lines[:2]})
        assert good.status_code == 200 and len(good.json()["translations"]) == 2


def _decoder_pid(server: Server) -> int:
    children = subprocess.run(["pgrep", "-P", str(server.proc.pid), "-f", "spawn_main"], capture_output=True,
                              text=True).stdout.split()
    decoders = [int(p) for p in children if "resource_tracker" not in
                open(f"/proc/{p}/cmdline", "rb").read().decode(errors="replace")]
    assert len(decoders) == 1
    return decoders[0]


@pytest.mark.parametrize("batching", ["continuous", "window"])
def test_a_killed_decoding_process_fails_its_request_and_is_replaced(trained_run, test_lines, reference, batching):
    s = Server(trained_run / "best.pt", "--beam", "2", "--batching", batching, "--max-wait-ms", "1",
               "--workers", "1")  # one process, so the request is surely in the one frozen
    try:
        pid = _decoder_pid(s)
        # Frozen first, so the request is surely in the decoding process when it is killed.
        os.kill(pid, signal.SIGSTOP)
        answers: list = []
        t = threading.Thread(target=lambda: answers.append(s.translate(test_lines[:3])))
        t.start()
        time.sleep(0.5)
        os.kill(pid, signal.SIGKILL)
        t.join(60)
        status, body, _ = answers[0]
        assert status == 500 and "decoding process ended" in body["error"]
        deadline = time.monotonic() + 60
        while True:  # the window decoder starts its replacement when the failed batch returns
            status, body, _ = s.translate(test_lines[:2])
            if status == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert status == 200 and body["translations"] == [reference[x] for x in test_lines[:2]]
        assert _decoder_pid(s) != pid
    finally:
        assert s.stop() == 0


def test_the_http_process_side_tokenizes_like_the_full_translator_without_weights(trained_run, test_lines):
    from nmt.checkpoint import load_checkpoint
    from nmt.decoding.translator import Translator
    from nmt.errors import NmtError

    path = trained_run / "best.pt"
    payload = load_checkpoint(path)
    text = Translator.text_only(path, payload, beam_size=3)
    full = Translator.load(path, device="cpu", beam=3)
    assert text.model is None and text.decode == full.decode
    assert text.encode(test_lines) == full.encode(test_lines)
    payload.pop("shortlist", None)
    with pytest.raises(NmtError, match="no shortlist table"):
        Translator.text_only(path, payload, shortlist=True)
