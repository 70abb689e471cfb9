"""Endpoint: any SPARQL 1.1 engine over HTTP — queries through the SPARQL protocol, loads through the Graph Store
HTTP Protocol in batches that a second run resumes. Credentials come from --user/--password (or the environment),
the URL (http://user:password@host/…) or a netrc file, and are never printed: messages name the URL without them.
Every socket operation has a timeout and a command a total deadline, so a server that trickles bytes cannot hold
it."""
from __future__ import annotations

import hashlib
import http.client
import json
import netrc
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from rdflib import Graph

from .errors import QueryError, StoreError
from .iterate import batched
from .namespace import sparql_prologue
from .sources import Param, Result, bind_params, check_read_query


@dataclass(frozen=True)
class Target:
    """An endpoint URL without its credentials (the one messages print), and the credentials to send."""
    url: str
    user: str | None = None
    password: str | None = None


def target(url: str, user: str | None = None, password: str | None = None) -> Target:
    """Credentials from the options (or environment) first, then the URL's user:password@, then a netrc file
    ($NETRC, as curl reads it, or ~/.netrc) for the host; the URL is kept without them."""
    parts = urllib.parse.urlsplit(url)
    if not parts.scheme or not parts.hostname:
        raise QueryError(f"{_without_userinfo(parts)}: not an http(s) URL")
    clean = _without_userinfo(parts)
    if not user and parts.username:
        user, password = urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "")
    if not user:
        try:
            entry = netrc.netrc(os.environ.get("NETRC")).authenticators(parts.hostname)
        except FileNotFoundError:
            entry = None
        except netrc.NetrcParseError as e:
            raise QueryError(f"{e.filename}: not a valid netrc file (line {e.lineno})") from None
        if entry:
            user, _, password = entry
    return Target(clean, user, password)


def _without_userinfo(parts: urllib.parse.SplitResult) -> str:
    host = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


class DeadlinePassed(Exception):
    """The command's total deadline passed during a request."""


class _Socket(socket.socket):
    """A TCP socket whose every receive and send waits at most the timeout, and never past the deadline."""
    limits: "Limits"

    def recv_into(self, *args, **kwargs):
        self.settimeout(self.limits.left())
        return super().recv_into(*args, **kwargs)

    def recv(self, *args, **kwargs):
        self.settimeout(self.limits.left())
        return super().recv(*args, **kwargs)

    def sendall(self, *args, **kwargs):
        self.settimeout(self.limits.left())
        return super().sendall(*args, **kwargs)


class Limits:
    """A connect/read timeout for each socket operation and a total deadline (seconds; 0: none) for a command."""

    def __init__(self, timeout: float, deadline: float = 0):
        self.timeout, self.deadline = timeout, deadline
        self.end = time.monotonic() + deadline if deadline else None

    def left(self) -> float:
        """How long the next socket operation may wait."""
        if self.end is None:
            return self.timeout
        left = self.end - time.monotonic()
        if left <= 0:
            raise DeadlinePassed
        return min(self.timeout, left)

    def passed(self) -> bool:
        return self.end is not None and time.monotonic() >= self.end

    def connect(self, address, timeout=None, source_address=None) -> socket.socket:
        plain = socket.create_connection(address, self.left(), source_address)
        s = _Socket(plain.family, plain.type, plain.proto, fileno=plain.detach())
        s.limits = self
        return s

    def connection(self, cls):
        """An http.client connection class whose sockets keep these limits (for urllib's do_open)."""
        def make(host, **kwargs):
            c = cls(host, **kwargs)
            c._create_connection = self.connect
            return c
        return make


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, limits: Limits):
        super().__init__()
        self.limits = limits

    def http_open(self, req):
        return self.do_open(self.limits.connection(http.client.HTTPConnection), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, limits: Limits):
        super().__init__()
        self.limits = limits

    def https_open(self, req):
        return self.do_open(self.limits.connection(http.client.HTTPSConnection), req, context=self._context)


class Client:
    """HTTP requests to one endpoint with its credentials (digest or basic) and limits; errors as one line that
    names the URL without credentials."""

    def __init__(self, t: Target, limits: Limits):
        self.target, self.limits = t, limits
        handlers = [_HTTP(limits), _HTTPS(limits)]
        if t.user:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, t.url, t.user, t.password or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, url: str, data: bytes, headers: dict, error: type, hint: str = "") -> bytes:
        """POST data to url (the endpoint's URL, perhaps with a query string); failures raise `error` naming the
        endpoint without credentials, with `hint` appended."""
        req = urllib.request.Request(url, data=data, method="POST", headers=headers)
        shown, late = self.target.url, f"not done within the deadline of {self.limits.deadline:g}s (--deadline){hint}"
        try:
            with self.opener.open(req, timeout=self.limits.timeout) as r:
                return r.read()
        except DeadlinePassed:
            raise error(f"{shown}: {late}") from None
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip().splitlines()
            raise error(f"{shown}: HTTP {e.code}: {(detail or [e.reason])[0][:200]}{hint}") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
            if self.limits.passed():
                raise error(f"{shown}: {late}") from None
            reason = getattr(e, "reason", e)
            if isinstance(reason, TimeoutError) or isinstance(e, TimeoutError):
                reason = f"no answer within {self.limits.timeout:g}s (--timeout)"
            raise error(f"{shown}: cannot reach the endpoint ({reason}){hint}") from None


class SparqlEndpoint:
    """A remote SPARQL endpoint, queried with the same named queries and output formats as the embedded store."""

    def __init__(self, url: str, user: str | None = None, password: str | None = None, timeout: float = 120,
                 deadline: float = 0):
        self.client = Client(target(url, user, password), Limits(timeout, deadline))
        self.url = self.client.target.url

    def _post(self, query: str, accept: str) -> bytes:
        data = urllib.parse.urlencode({"query": query}).encode()
        return self.client.request(self.url, data, {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
                                   QueryError)

    def select(self, text: str, params: list[Param]) -> Result:
        check_read_query(text)
        body = json.loads(self._post(sparql_prologue() + bind_params(text, params), "application/sparql-results+json"))
        if "boolean" in body:
            return Result(["ask"], [[str(body["boolean"]).lower()]])
        cols = body["head"]["vars"]
        rows = [[b.get(c, {}).get("value", "") for c in cols] for b in body["results"]["bindings"]]
        return Result(cols, rows)

    def graph(self) -> Graph:
        data = self._post("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")
        return Graph().parse(data=data.decode("utf-8"), format="nt")


@dataclass(frozen=True)
class Pushed:
    url: str                   # without credentials
    sent: int
    skipped: int
    restarted: bool            # a state file of another push (endpoint, graph, data or batch size) was set aside


def push(lines: Iterable[str], fingerprint: str, url: str, graph: str | None, *, batch_size: int = 20000,
         state: Path | None = None, user: str | None = None, password: str | None = None,
         timeout: float = 60, deadline: float = 0) -> Pushed:
    """POST N-Triples lines to a Graph Store Protocol URL in batches.

    A state file records the batches that landed, bound to the endpoint, the graph, the batch size and a
    fingerprint of the data: a run with the same four resumes after them; a state file of any other push is set
    aside and the push starts over (re-sending a batch is harmless: a graph is a set)."""
    t = target(url, user, password)
    client = Client(t, Limits(timeout, deadline))
    binding = {"url": t.url, "graph": graph, "batch_size": batch_size, "fingerprint": fingerprint}
    key = hashlib.sha1(json.dumps(binding, sort_keys=True).encode()).hexdigest()[:16]
    state = state or Path(f".kg-push-{key}.json")
    recorded = json.loads(state.read_text()) if state.exists() else {}
    restarted = bool(recorded) and any(recorded.get(k) != v for k, v in binding.items())
    done = 0 if restarted else recorded.get("done", 0)
    endpoint = t.url + ("&" if "?" in t.url else "?") + \
        (f"graph-uri={urllib.parse.quote(graph, safe='')}" if graph else "default")
    sent = skipped = 0
    for i, batch in enumerate(batched(lines, batch_size)):
        if i < done:
            skipped += 1
            continue
        client.request(endpoint, "".join(batch).encode("utf-8"), {"Content-Type": "text/turtle; charset=utf-8"},
                       StoreError, f"; {i} batches landed, run again to resume")
        sent += 1
        state.write_text(json.dumps({**binding, "done": i + 1}))
    if state.exists():
        state.unlink()
    return Pushed(t.url, sent, skipped, restarted)
