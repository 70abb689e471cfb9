"""Endpoint: any SPARQL 1.1 engine over HTTP — queries through the SPARQL protocol, loads through the Graph Store
HTTP Protocol in batches that a second run resumes."""
from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterable

from rdflib import Graph

from .errors import QueryError, StoreError
from .iterate import batched
from .namespace import sparql_prologue
from .sources import Param, Result, bind_params


def _opener(url: str, user: str | None, password: str | None):
    handlers = []
    if user:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
    return urllib.request.build_opener(*handlers)


class SparqlEndpoint:
    """A remote SPARQL endpoint, queried with the same named queries and output formats as the embedded store."""

    def __init__(self, url: str, user: str | None = None, password: str | None = None, timeout: float = 120):
        self.url, self.timeout = url, timeout
        self.opener = _opener(url, user, password)

    def _post(self, query: str, accept: str) -> bytes:
        data = urllib.parse.urlencode({"query": query}).encode()
        req = urllib.request.Request(self.url, data=data, headers={"Accept": accept,
                                                                    "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with self.opener.open(req, timeout=self.timeout) as r:
                return r.read()
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip().splitlines()
            raise QueryError(f"{self.url}: HTTP {e.code}: {(detail or [''])[0][:200]}") from None
        except (urllib.error.URLError, OSError) as e:
            raise QueryError(f"{self.url}: cannot reach the endpoint ({getattr(e, 'reason', e)})") from None

    def select(self, text: str, params: list[Param]) -> Result:
        body = json.loads(self._post(sparql_prologue() + bind_params(text, params),
                                     "application/sparql-results+json"))
        if "boolean" in body:
            return Result(["ask"], [[str(body["boolean"]).lower()]])
        cols = body["head"]["vars"]
        rows = [[b.get(c, {}).get("value", "") for c in cols] for b in body["results"]["bindings"]]
        return Result(cols, rows)

    def graph(self) -> Graph:
        data = self._post("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")
        return Graph().parse(data=data.decode("utf-8"), format="nt")


def push(lines: Iterable[str], fingerprint: str, url: str, graph: str | None, *, batch_size: int = 20000,
         state: Path | None = None, user: str | None = None, password: str | None = None) -> tuple[int, int]:
    """POST N-Triples lines to a Graph Store Protocol URL in batches; returns (batches sent, batches skipped).

    A state file records the batches that landed, so an interrupted push resumes where it stopped; it is keyed by
    the source's fingerprint, so a changed source starts over."""
    key = hashlib.sha1(f"{url}\x1f{graph}\x1f{fingerprint}".encode()).hexdigest()[:16]
    state = state or Path(f".kg-push-{key}.json")
    done = json.loads(state.read_text()).get("done", 0) if state.exists() else 0
    opener = _opener(url, user, password)
    target = url + ("&" if "?" in url else "?") + (f"graph-uri={urllib.parse.quote(graph, safe='')}" if graph else "default")
    sent = skipped = 0
    for i, batch in enumerate(batched(lines, batch_size)):
        if i < done:
            skipped += 1
            continue
        req = urllib.request.Request(target, data="".join(batch).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
        try:
            with opener.open(req, timeout=300) as r:
                r.read()
        except urllib.error.HTTPError as e:
            raise StoreError(f"{url}: batch {i + 1} refused: HTTP {e.code} {e.reason}; run again to resume") from None
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(f"{url}: cannot reach the endpoint ({getattr(e, 'reason', e)}); run again to resume") from None
        sent += 1
        state.write_text(json.dumps({"done": i + 1, "url": url, "graph": graph}))
    if state.exists():
        state.unlink()
    return sent, skipped
