"""Sources: where a graph is read from — a graph file, a persistent store, or a SPARQL endpoint — behind one
interface, so every command and every named query works the same on each."""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol

import pyoxigraph as ox
from rdflib import Graph, Literal

from .errors import InputError, QueryError
from .export import FORMATS, default_triples, load_file, to_rdflib, union_default
from .namespace import sparql_prologue


@dataclass(frozen=True)
class Param:
    """A query parameter as an RDF literal: text (optionally @zh) or an integer."""
    name: str
    value: str
    language: str | None = None
    integer: bool = False


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[list[str]]


class Source(Protocol):
    def select(self, text: str, params: list[Param]) -> Result: ...
    def graph(self) -> Graph: ...


def bind_params(text: str, params: list[Param]) -> str:
    """The query with its parameters bound by an inline VALUES block opening the WHERE pattern: each value an RDF
    term serialised by rdflib (never pasted text), standard SPARQL 1.1, so every engine binds them alike."""
    if not params:
        return text
    terms = [(Literal(int(p.value)) if p.integer else Literal(p.value, lang=p.language)).n3() for p in params]
    values = " VALUES (" + " ".join(f"?{p.name}" for p in params) + ") { (" + " ".join(terms) + ") } "
    m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE) or re.search(r"\{", text)
    if not m:
        raise QueryError("the query has no WHERE pattern to bind --param values in")
    return text[: m.end()] + values + text[m.end():]


class OxigraphSource:
    """A pyoxigraph store: an on-disk store opened read-only, or a graph file loaded into memory."""

    def __init__(self, store: ox.Store):
        self.ox = store
        self.union = union_default(store)

    def select(self, text: str, params: list[Param]) -> Result:
        try:
            res = self.ox.query(sparql_prologue() + bind_params(text, params), use_default_graph_as_union=self.union)
            if isinstance(res, ox.QueryBoolean):
                return Result(["ask"], [[str(bool(res)).lower()]])
            if not isinstance(res, ox.QuerySolutions):
                raise QueryError("only SELECT and ASK queries are supported")
            cols = [v.value for v in res.variables]
            return Result(cols, [["" if s[c] is None else s[c].value for c in cols] for s in res])
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {str(e).splitlines()[0][:160]}") from None
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {str(e).splitlines()[0][:160]}") from None

    def graph(self) -> Graph:
        return to_rdflib(self.ox)


def open_source(spec: str | Path | None = None, endpoint: str | None = None) -> Source:
    """The source a command reads: --endpoint URL, a store folder, or a graph file (format from the suffix)."""
    from .store import GraphStore, is_store
    if endpoint:
        from .endpoint import SparqlEndpoint
        return SparqlEndpoint(endpoint)
    path = Path(spec)
    if is_store(path):
        return OxigraphSource(GraphStore(path, read_only=True).ox)
    if path.is_dir():
        raise InputError(f"{path}: a folder but not a parkgraph store")
    if path.suffix.lower() not in FORMATS and not path.exists():
        raise InputError(f"{path}: no such graph file or store")
    return OxigraphSource(load_file(path))


def ntriples_lines(path: Path) -> tuple[Iterator[str], str]:
    """The triples of a graph file or store as N-Triples lines, streamed from a temporary file, and a fingerprint
    of the source (a changed source is a new push)."""
    source = open_source(path)
    st = path.stat()
    fingerprint = f"{path.resolve()}:{st.st_mtime_ns}:{st.st_size}" if path.is_file() else \
        f"{path.resolve()}:{len(source.ox)}"
    fd, tmp = tempfile.mkstemp(suffix=".nt")
    os.close(fd)
    ox.serialize(default_triples(source.ox), tmp, ox.RdfFormat.N_TRIPLES)

    def lines() -> Iterator[str]:
        try:
            with open(tmp, encoding="utf-8") as f:
                yield from f
        finally:
            os.unlink(tmp)
    return lines(), fingerprint
