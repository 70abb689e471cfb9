"""Sources: where a graph is read from — a graph file, a persistent store, or a SPARQL endpoint — behind one
interface, so every command and every named query works the same on each."""
from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol

import pyoxigraph as ox
from rdflib import Graph

from .errors import InputError, QueryError
from .export import FORMATS, load_file, to_rdflib, union_default
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


def _term(p: Param) -> ox.Literal:
    if p.integer:
        return ox.Literal(p.value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(p.value, language=p.language)


def check_read_query(text: str) -> None:
    """Refuse what is not a SELECT or ASK query, by SPARQL's grammar (rdflib's parser): an update is never run
    or sent by a read command, and says so."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    try:
        parsed = parseQuery(sparql_prologue() + text)
    except Exception as e:                    # pyparsing's errors, and rdflib's on unknown prefixes
        try:
            parseUpdate(sparql_prologue() + text)
        except Exception:
            raise QueryError(f"malformed SPARQL: {str(e).splitlines()[0][:160]}") from None
        raise QueryError("this is a SPARQL update (INSERT, DELETE, LOAD, CLEAR …); kg query only reads, so it was "
                         "neither run nor sent") from None
    if parsed[1].name not in ("SelectQuery", "AskQuery"):
        raise QueryError("only SELECT and ASK queries are supported")


# SPARQL 1.1's terminals in which a brace or a keyword is no token: long and short strings, IRIs, comments
_OPAQUE = re.compile(r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
                     r'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*''')


def bind_params(text: str, params: list[Param]) -> str:
    """The query with its parameters bound by a VALUES block opening its WHERE pattern, each value an RDF term
    serialised by pyoxigraph. The pattern is found among SPARQL's tokens (strings, IRIs and comments are read
    as the grammar's terminals and skipped), so a comment or string holding `WHERE {` cannot take the block.
    (pyoxigraph's own substitutions refuse a variable the query does not project, as ?name is not; a trailing
    VALUES clause binds after the whole pattern, 100× slower on the store.)"""
    if not params:
        return text
    tokens = _OPAQUE.sub(lambda m: " " * len(m.group()), text)
    m = re.search(r"\bWHERE\s*\{", tokens, re.IGNORECASE) or re.search(r"\{", tokens)
    if not m:
        raise QueryError("the query has no WHERE pattern to bind --param values in")
    values = (" VALUES (" + " ".join(f"?{p.name}" for p in params) + ") { (" +
              " ".join(str(_term(p)) for p in params) + ") } ")
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
            check_read_query(text)             # an update gets its own message
            raise QueryError(f"malformed SPARQL: {str(e).splitlines()[0][:160]}") from None
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {str(e).splitlines()[0][:160]}") from None

    def graph(self) -> Graph:
        return to_rdflib(self.ox)


def open_source(spec: str | Path | None = None, endpoint: str | None = None, auth: dict | None = None) -> Source:
    """The source a command reads: --endpoint URL, a store folder, or a graph file (format from the suffix)."""
    from .store import GraphStore, is_store
    if endpoint:
        from .endpoint import SparqlEndpoint
        return SparqlEndpoint(endpoint, **(auth or {}))
    path = Path(spec)
    if is_store(path):
        return OxigraphSource(GraphStore(path, read_only=True).ox)
    if path.is_dir():
        raise InputError(f"{path}: a folder but not a parkgraph store")
    if path.suffix.lower() not in FORMATS and not path.exists():
        raise InputError(f"{path}: no such graph file or store")
    return OxigraphSource(load_file(path))


def ntriples_lines(path: Path) -> tuple[Iterator[str], str]:
    """The triples of a graph file or store as N-Triples lines in a stable order (sorted up to 10^5 triples, the
    store's own order beyond), streamed from a temporary file, and the fingerprint of the data (its SHA-256)."""
    from .export import dump, temp_path
    source = open_source(path)
    folder = temp_path(Path(tempfile.gettempdir()), "kg-push", directory=True)
    data = folder / "data.nt"
    dump(source.ox, data)
    digest = hashlib.sha256()
    with open(data, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)

    def lines() -> Iterator[str]:
        try:
            with open(data, encoding="utf-8") as f:
                yield from f
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return lines(), digest.hexdigest()
