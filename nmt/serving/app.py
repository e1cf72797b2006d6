"""``nmt serve``: an HTTP API over :class:`~nmt.serving.batcher.DynamicBatcher` (FastAPI + uvicorn).

The contract is ``nmt translate``'s: one output per input line, in order, blank
in → blank out, over-long lines cut with a warning. Bad requests get a 4xx JSON
body ``{"error": "...", "status": N}`` naming the field at fault; a full queue
gets 429 with Retry-After; a request that waits longer than ``timeout_s`` gets
503. The event loop only parses, tokenizes and waits: decoding runs in the
batcher's threads. On SIGTERM (or Ctrl-C) the server drains: requests in
flight are answered, new ones get 503, and it exits 0 once the last one is
done (or after ``drain_s``).

Needs the ``serve`` extra (``pip install "nmt-rnn[serve]"``).
"""

from __future__ import annotations

import asyncio
import gc
import json
import signal
import socket
import sys
import time
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from nmt.decoding.lines import one_line
from nmt.decoding.translator import Translator
from nmt.errors import NmtError
from nmt.serving.batcher import BatchStats, DynamicBatcher, Job, QueueFull, Stopped
from nmt.serving.schema import Limits, TranslateRequest, TranslateResponse
from nmt.version import __version__


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


def _where(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "body"


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        msg = err["msg"]
        if err["type"] == "too_short" and err["loc"] == ("text",):
            msg = "give at least one line"
        parts.append(f"{_where(err['loc'])}: {msg}")
    return "; ".join(parts)


class Metrics:
    """Prometheus series, in a registry of their own (one per app, so tests can run several)."""

    def __init__(self, queue_depth: Any) -> None:
        self.registry = r = CollectorRegistry()
        self.requests = Counter("nmt_requests", "HTTP requests by path and status", ["path", "status"], registry=r)
        self.lines = Counter("nmt_lines", "Lines translated", registry=r)
        self.pieces = Counter("nmt_source_pieces", "Source pieces translated", registry=r)
        self.batch_lines = Histogram("nmt_batch_lines", "Lines per decoded batch (continuous: per step)", registry=r,
                                     buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024))
        self.batch_requests = Histogram("nmt_batch_requests", "Requests whose lines share a decoded batch",
                                        registry=r, buckets=(1, 2, 4, 8, 16, 32, 64, 128))
        self.batch_seconds = Histogram("nmt_batch_seconds", "Decoding time per batch (continuous: per step)",
                                       registry=r)
        self.latency = Histogram("nmt_request_seconds", "Latency of /v1/translate", registry=r,
                                 buckets=(.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30))
        Gauge("nmt_queue_lines", "Lines waiting to be decoded", registry=r).set_function(queue_depth)

    def batch(self, s: BatchStats) -> None:
        self.batch_lines.observe(s.lines)
        self.batch_requests.observe(s.requests)
        self.batch_seconds.observe(s.seconds)


@dataclass
class ServerState:
    translators: dict[str, Translator]
    infos: dict[str, dict[str, Any]]
    batcher: DynamicBatcher
    limits: Limits = field(default_factory=Limits)
    log_format: str = "text"
    draining: bool = False
    in_flight: int = 0
    ready: bool = False

    def __post_init__(self) -> None:
        self.metrics = Metrics(lambda: self.batcher.queued_lines)
        self.batcher.on_batch = self.metrics.batch


def _internal_error(path: str, exc: Exception) -> JSONResponse:
    """A bug or a failing device (e.g. out of memory): this request fails, the server goes on."""
    print(f"nmt serve: {path}: {type(exc).__name__}: {str(exc)[:300]}", file=sys.stderr, flush=True)
    return _error(500, f"internal error while translating ({type(exc).__name__}: {str(exc)[:200]}); "
                       "the server goes on")


class _Gate:
    """Outermost ASGI layer: request ids, drain (503), in-flight count, metrics, access log.

    ``direct``: handlers called from here, past FastAPI's routing, dependency and
    middleware layers, for ``POST /v1/translate``; FastAPI still holds the route
    for the OpenAPI schema. Why: at 32 clients those layers were most of the HTTP
    process's time per request (py-spy), and that process shares the cores with
    the decoders. The handler and its errors are the same either way.
    """

    def __init__(self, app: Any, state: ServerState, direct: dict[tuple[str, str], Any] | None = None) -> None:
        self.app, self.state, self.direct = app, state, direct or {}

    @staticmethod
    async def _call(handler: Any, scope: dict, receive: Any, send: Any) -> None:
        try:
            response = await handler(Request(scope, receive))
        except ApiError as exc:
            response = _error(exc.status, exc.message, exc.headers)
        except Exception as exc:  # noqa: BLE001 - this request fails, the server goes on
            response = _internal_error(scope["path"], exc)
        await response(scope, receive, send)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        st = self.state
        rid = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")[:64] or uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = rid
        start = time.perf_counter()
        status = [0]

        async def send_with_id(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode("latin-1")))
            await send(message)

        if st.draining and scope["path"] not in ("/health", "/metrics"):
            await _error(503, "the server is shutting down", {"Retry-After": "1", "Connection": "close"})(
                scope, receive, send_with_id)
        else:
            st.in_flight += 1
            try:
                if handler := self.direct.get((scope["method"], scope["path"])):
                    await self._call(handler, scope, receive, send_with_id)
                else:
                    await self.app(scope, receive, send_with_id)
            finally:
                st.in_flight -= 1
        seconds = time.perf_counter() - start
        path = scope["path"] if scope["path"] in KNOWN_PATHS else "other"
        st.metrics.requests.labels(path, str(status[0])).inc()
        if path == "/v1/translate":
            st.metrics.latency.observe(seconds)
        self.log(scope, rid, status[0], seconds)

    def log(self, scope: dict, rid: str, status: int, seconds: float) -> None:
        if self.state.log_format == "none":
            return
        info = scope["state"]
        client = (scope.get("client") or ("-", 0))[0]
        if self.state.log_format == "json":
            line = json.dumps({"time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()), "id": rid,
                               "client": client, "method": scope["method"], "path": scope["path"],
                               "status": status, "model": info.get("model"), "lines": info.get("lines", 0),
                               "pieces": info.get("pieces", 0), "latency_ms": round(seconds * 1000, 2)})
        else:
            line = (f"{client} {scope['method']} {scope['path']} {status} {info.get('lines', 0)} lines "
                    f"{info.get('pieces', 0)} pieces {seconds * 1000:.1f} ms id={rid}")
        print(line, file=sys.stderr, flush=True)


KNOWN_PATHS = ("/v1/translate", "/v1/models", "/health", "/ready", "/metrics")


async def _read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise ApiError(413, f"request body of {length} bytes is over the limit of {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, f"request body is over the limit of {limit} bytes")
    return bytes(body)


def _parse(body: bytes) -> TranslateRequest:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"request body is not valid UTF-8 (byte {exc.start})") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"request body is not valid JSON: {exc.msg} at line {exc.lineno} "
                            f"column {exc.colno}") from None
    except RecursionError:  # [[[[...: the decoder recurses once per level
        raise ApiError(400, "request body is not valid JSON here: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits (Python's int limit)
        raise ApiError(400, f"request body is not valid JSON here: {str(exc).split(';')[0][:120]}") from None
    if not isinstance(obj, dict):
        raise ApiError(422, 'body: expected a JSON object such as {"text": ["..."]}')
    try:
        return TranslateRequest.model_validate(obj)
    except ValidationError as exc:
        raise ApiError(422, _validation_message(exc)) from None


def create_app(state: ServerState) -> Any:
    """The FastAPI app wrapped in the gate; ``state.batcher`` runs for the app's lifespan."""

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # type: ignore[no-untyped-def]
        state.batcher.start()
        # Everything loaded so far (FastAPI, pydantic, tokenizers, metrics) lives as long as the
        # server: out of the collector's sight, a full collection no longer scans it. Without
        # this, full collections stalled the process ~75-95 ms at a time under load (a decoding
        # process, waiting for its next batch, waited with it).
        gc.freeze()
        state.ready = True
        yield
        state.ready = False
        await asyncio.get_running_loop().run_in_executor(None, state.batcher.stop)

    app = FastAPI(title="nmt", version=__version__, lifespan=lifespan,
                  description="Neural machine translation with GRU attention models: batched across clients.")
    default_model = next(iter(state.translators))

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.headers)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        return _internal_error(request.url.path, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = {404: f"no such endpoint: {request.url.path}",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return _error(exc.status_code, message, getattr(exc, "headers", None))

    @app.post("/v1/translate", response_model=TranslateResponse,
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": TranslateRequest.model_json_schema()}}}},
              responses={400: {"description": "Not UTF-8 or not JSON"}, 404: {"description": "Unknown model"},
                         413: {"description": "Over a size limit"}, 422: {"description": "Invalid field"},
                         429: {"description": "Queue full (Retry-After)"},
                         503: {"description": "Shutting down or timed out"}})
    async def translate(request: Request) -> JSONResponse:
        """Translate lines; lines of concurrent requests are decoded together."""
        start = time.perf_counter()
        lim = state.limits
        req = _parse(await _read_body(request, lim.max_body_bytes))
        name = req.model or default_model
        if name not in state.translators:
            raise ApiError(404, f"model: no model named {name!r}; served: {', '.join(state.translators)}")
        translator = state.translators[name]
        beam = req.beam or translator.decode.beam_size
        if beam > lim.max_beam:
            raise ApiError(422, f"beam: {beam} is over this server's limit of {lim.max_beam}")
        if req.n_best > beam:
            raise ApiError(422, f"n_best: {req.n_best} needs beam >= {req.n_best}")
        if len(req.text) > lim.max_lines:
            raise ApiError(413, f"text: {len(req.text)} lines, over the limit of {lim.max_lines} per request")
        for i, line in enumerate(req.text):
            if len(line) > lim.max_line_chars:
                raise ApiError(413, f"text[{i}]: {len(line)} characters, over the limit of {lim.max_line_chars}")
        try:
            translator = translator.with_options(tgt_lang=req.target_lang, src_lang=req.source_lang)
            translator.source_tag()
        except NmtError as exc:
            message = str(exc).replace("--tgt-lang", "target_lang").replace("--src-lang", "source_lang")
            raise ApiError(422, message.replace("choose one with target_lang (target_lang in Python and nmt serve)",
                                                "choose one with target_lang")) from None
        todo = [i for i, line in enumerate(req.text) if line.strip()]
        warnings: list[str] = []
        src = translator.encode([req.text[i] for i in todo], warn=warnings.append)
        warnings = _renumber(warnings, todo)
        info = request.scope["state"]
        info.update(model=name, lines=len(req.text), pieces=sum(len(s) for s in src))
        hyps: list[list[Any]] = []
        if src:
            job = Job(name, src, beam, req.n_best)
            try:
                future = state.batcher.submit(job)
            except QueueFull as exc:
                raise ApiError(429, str(exc), {"Retry-After": str(exc.retry_after_s)}) from None
            except Stopped:
                raise ApiError(503, "the server is shutting down", {"Retry-After": "1"}) from None
            try:
                hyps = await asyncio.wait_for(asyncio.wrap_future(future), lim.timeout_s)
            except asyncio.TimeoutError:
                state.batcher.cancel(job)
                raise ApiError(503, f"not translated within {lim.timeout_s:g} s (server busy)",
                               {"Retry-After": "5"}) from None
        state.metrics.lines.inc(len(req.text))
        state.metrics.pieces.inc(info["pieces"])
        texts: list[list[tuple[str, float]]] = [[("", 0.0)] for _ in req.text]
        for i, h in zip(todo, hyps):
            decoded = translator.tokenizer.decode_tgt([x.tokens for x in h])
            texts[i] = [(one_line(t), x.score) for t, x in zip(decoded, h)]
        out: dict[str, Any] = {"translations": [t[0][0] for t in texts], "model": name,
                               "timing_ms": round((time.perf_counter() - start) * 1000, 2)}
        if req.n_best > 1:
            out["n_best"] = [[{"text": t, "score": round(s, 4)} for t, s in row] for row in texts]
        out["warnings"] = warnings
        return JSONResponse(out)

    @app.get("/v1/models")
    async def models() -> dict[str, Any]:
        """The models served, by name: language pair, sizes, vocabulary, training summary."""
        return {"models": [{"name": n, **state.infos[n]} for n in state.translators], "default": default_model}

    @app.get("/health")
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/ready")
    async def ready() -> JSONResponse:
        """Readiness: models loaded, decoder running, not shutting down."""
        ok = state.ready and not state.draining
        return JSONResponse({"ready": ok, "models": list(state.translators)}, status_code=200 if ok else 503)

    @app.get("/metrics")
    async def metrics() -> Response:
        """Prometheus text format."""
        return Response(generate_latest(state.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return _Gate(app, state, direct={("POST", "/v1/translate"): translate})


def _renumber(warnings: list[str], todo: list[int]) -> list[str]:
    """``Translator.encode`` numbers the non-blank lines from 1; name the request's ``text[i]`` instead."""
    out = []
    for w in warnings:
        head, _, rest = w.partition(":")
        number = head.removeprefix("line ")
        out.append(f"text[{todo[int(number) - 1]}]:{rest}" if number.isdigit() else w)
    return out


def serve(state: ServerState, host: str, port: int, drain_s: float = 30.0, announce: Any = None) -> None:
    """Run until SIGTERM/SIGINT, then drain (see the module docstring)."""
    import uvicorn

    class Server(uvicorn.Server):
        drain_deadline = 0.0

        def handle_exit(self, sig: int, frame: Any) -> None:
            if state.draining:  # a second signal: stop now
                self.should_exit = True
                self.force_exit = sig == signal.SIGINT
                return
            state.draining = True
            self.drain_deadline = time.monotonic() + drain_s
            print(f"nmt serve: signal {signal.Signals(sig).name}: answering {state.in_flight} request(s) in "
                  "flight, then stopping", file=sys.stderr, flush=True)

        async def on_tick(self, counter: int) -> bool:
            if state.draining and (state.in_flight == 0 or time.monotonic() > self.drain_deadline):
                self.should_exit = True
            return await super().on_tick(counter)

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say so;
    # with Nagle on, a keep-alive client waits ~40 ms (delayed ACK) for each response body.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)  # before announcing: a client that connects at once waits instead of being refused
    bound = sock.getsockname()[1]
    config = uvicorn.Config(create_app(state), log_level="warning", access_log=False,
                            timeout_graceful_shutdown=max(1, int(drain_s)), lifespan="on")
    server = Server(config)
    if announce is not None:
        announce(bound)
    server.run(sockets=[sock])
