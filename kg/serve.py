"""Serve: a graph file or store as a local, read-only web service — a SPARQL 1.1 Protocol endpoint (`/sparql`)
and the explorer page, which asks the server for names and neighbourhoods (`/api/search`, `/api/node`) instead of
holding the graph. Starlette routes the requests and uvicorn serves them."""
from __future__ import annotations

import asyncio
import socket
import threading
import time
from urllib.parse import parse_qs

import pyoxigraph as ox
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from .errors import InputError
from .explorer import Explorer, Payload
from .namespace import sparql_prologue
from .sources import OxigraphSource
from .viz import OVERVIEW_PARKS, page, place

RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "application/xml": ox.QueryResultsFormat.XML,
           "text/csv": ox.QueryResultsFormat.CSV,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPHS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
          "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML}
MAX_BODY = 1 << 20              # bytes of a POSTed query
MAX_RESULT = 256 << 20          # bytes of one answer
NODE_FACTS = 300                # facts sent per direction when the page expands a node


class _Stopped(Exception):
    """Raised inside a serialisation that ran past its deadline or size."""


class _Capped:
    """A binary sink that stops the serialiser writing into it at a deadline or a size."""

    def __init__(self, deadline: float):
        self.deadline, self.parts, self.size = deadline, [], 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if time.monotonic() > self.deadline:
            raise _Stopped("timed out")
        if self.size > MAX_RESULT:
            raise _Stopped(f"answer larger than {MAX_RESULT >> 20} MB")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _choose(accept: str, offered: dict) -> str | None:
    """The media type of `offered` the Accept header prefers (q-values honoured, */* = the first offered)."""
    ranked = []
    for i, part in enumerate(accept.split(",") if accept.strip() else ["*/*"]):
        kind, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        ranked.append((-q, i, kind.lower()))
    for _, _, kind in sorted(ranked):
        if kind in offered:
            return kind
        if kind in ("*/*", "application/*", "text/*"):
            return next((k for k in offered if kind == "*/*" or k.startswith(kind[:-1])), None)
    return None


class Service:
    """The web service over one source: a bounded number of queries run at once, each in a thread of its own,
    answered 503 after `timeout` seconds."""

    def __init__(self, source: OxigraphSource, timeout: float = 30.0, workers: int = 2):
        self.source, self.timeout = source, timeout
        self.slots = threading.BoundedSemaphore(workers)
        self.explorer = Explorer(source.ox, source.union)
        overview = Payload()
        place(overview, overview.add_overview(self.explorer, OVERVIEW_PARKS), [(l[0], l[1]) for l in overview.links])
        self.page = page(overview.json("remote"), "parkgraph")
        # any origin may read (YASGUI and other web clients run on their own origins); nothing can be written
        cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"])
        self.app = Starlette(middleware=[cors], routes=[Route("/", self.index), Route("/sparql", self.sparql, methods=["GET", "POST"]),
                                     Route("/api/search", self.search), Route("/api/node", self.node),
                                     Route("/favicon.ico", lambda request: Response(status_code=204))])

    async def index(self, request: Request) -> Response:
        return HTMLResponse(self.page)

    async def search(self, request: Request) -> Response:
        p = Payload()
        for e in self.explorer.search(request.query_params.get("q", "").strip()[:100]):
            p.node(e)
        return JSONResponse(p.json("remote"))

    async def node(self, request: Request) -> Response:
        iri = request.query_params.get("id", "")
        if iri not in self.explorer.entities:
            return PlainTextResponse("no such entity", status_code=404)
        facts = await self._run(lambda deadline: self.explorer.facts(iri, limit=NODE_FACTS))
        if isinstance(facts, Response):
            return facts
        p = Payload()
        p.node(self.explorer.entities[iri])
        p.add_facts(self.explorer, facts)
        return JSONResponse(p.json("remote", more=len(facts) >= NODE_FACTS))

    async def sparql(self, request: Request) -> Response:
        """The SPARQL 1.1 Protocol: query by GET ?query=, POST form or POST application/sparql-query; updates refused."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        query = request.query_params.get("query")
        if request.method == "POST":
            if int(request.headers.get("content-length") or 0) > MAX_BODY:
                return PlainTextResponse("query too large", status_code=413)
            if kind == "application/sparql-update":
                return _refuse()
            if kind == "application/sparql-query":
                query = (await request.body())[:MAX_BODY].decode("utf-8", "replace")
            elif kind == "application/x-www-form-urlencoded":
                form = parse_qs((await request.body())[:MAX_BODY].decode("utf-8", "replace"))
                if "update" in form:
                    return _refuse()
                query = (form.get("query") or [None])[0]
            else:
                return PlainTextResponse("POST a query as application/sparql-query or a form", status_code=415)
        elif "update" in request.query_params:
            return _refuse()
        if not query:
            return PlainTextResponse("give a SPARQL query: /sparql?query=…", status_code=400)
        accept = request.headers.get("accept", "")
        return await self._run(lambda deadline: self._answer(query, accept, deadline))

    def _answer(self, query: str, accept: str, deadline: float) -> Response:
        try:
            result = self.source.ox.query(sparql_prologue() + query, use_default_graph_as_union=self.source.union)
        except SyntaxError as e:
            message = str(e).splitlines()[0][:300]
            if any(w in query.upper() for w in ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE")):
                return _refuse()
            return PlainTextResponse(f"malformed query: {message}", status_code=400)
        offered = GRAPHS if isinstance(result, ox.QueryTriples) else RESULTS
        media = _choose(accept, offered)
        if media is None:
            return PlainTextResponse("acceptable types: " + ", ".join(offered), status_code=406)
        sink = _Capped(deadline)
        try:
            if isinstance(result, ox.QueryTriples):
                ox.serialize(result, sink, offered[media])
            else:
                result.serialize(sink, offered[media])
        except _Stopped as e:
            return PlainTextResponse(f"query stopped: {e}", status_code=503)
        except OSError as e:
            return PlainTextResponse(f"query failed: {str(e).splitlines()[0][:300]}", status_code=500)
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        return Response(b"".join(sink.parts), media_type=media + charset)

    async def _run(self, job):
        """What job(deadline) returns, run in a thread of its own; a 503 response when all slots are busy or it
        outlives the timeout (its thread then stops at its next write, or finishes in the background)."""
        if not self.slots.acquire(blocking=False):
            return PlainTextResponse("busy: too many queries at once; try again", status_code=503)
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        deadline = time.monotonic() + self.timeout

        def work():
            try:
                outcome = job(deadline)
            except Exception as e:            # the thread must always report back and free its slot
                outcome = PlainTextResponse(f"query failed: {str(e).splitlines()[0][:300]}", status_code=500)
            finally:
                self.slots.release()
            loop.call_soon_threadsafe(lambda: done.done() or done.set_result(outcome))
        threading.Thread(target=work, daemon=True).start()
        try:
            return await asyncio.wait_for(asyncio.shield(done), self.timeout)
        except asyncio.TimeoutError:
            return PlainTextResponse(f"query timed out after {self.timeout:g} s", status_code=503)


def _refuse() -> Response:
    return PlainTextResponse("this endpoint is read-only: SPARQL updates are refused", status_code=403)


def serve(source: OxigraphSource, host: str, port: int, timeout: float, announce) -> None:
    """Serve until Ctrl-C; announce(url) once the socket listens."""
    service = Service(source, timeout)
    try:
        sock = socket.create_server((host, port))
    except OSError as e:
        raise InputError(f"could not listen on {host}:{port}: {e.strerror or e}; choose another --port or --host") from None
    server = uvicorn.Server(uvicorn.Config(service.app, log_level="warning", lifespan="off", timeout_graceful_shutdown=5))
    announce(f"http://{host}:{sock.getsockname()[1]}/")
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:           # uvicorn has shut down and passes Ctrl-C on
        pass
    finally:
        sock.close()
