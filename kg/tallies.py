"""Tallies: counts per park (per designation, or over all) and per enterprise, derived from the graph at build
time, so the ranking queries read a few thousand kg:Tally nodes instead of aggregating 10^7 triples per query
(which takes pyoxigraph's on-disk store 5–30 s). Tallies are data, in their own named graph and in the default
graph, so a graph file, a store and an endpoint loaded from either answer the named queries alike.

Each query in kg/data/tallies/ yields rows of ?of (the tallied node), optionally ?designation, and value columns
named after the ontology property they fill. Its `VALUES ?of { UNDEF }` line tallies everything; an
incremental build replaces it with each node it touched."""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from itertools import islice
from typing import Iterable, Iterator

import pyoxigraph as ox

from .iterate import batched
from .namespace import KG, KGR, RDF, RDFS, SKOS, XSD, sparql_prologue

TALLY_GRAPH = ox.NamedNode(str(KGR["graph/tallies"]))
_UNRESTRICTED = "VALUES ?of { UNDEF }"
FULL_SHARE = 20                  # tally everything when more than 1/20 of the parks are touched,
NODE_BY_NODE_LIMIT = 20_000      # or more entities than this are pending
(_TYPE, _TALLY, _OF, _DESIGNATION, _PARK, _ENTERPRISE, _LOCATED, _RECIPIENT, _OBSERVED, _VALUE, _OFFERED, _AMOUNT,
 _ENTERPRISES, _RECOGNITIONS, _DESIGNATIONS, _REPORTED_TOTAL, _REPORTED_MAX, _REWARD_MAX, _OF_LABEL, _DESIGNATION_LABEL,
 _LABEL, _PREF_LABEL) = (
    ox.NamedNode(str(t)) for t in (RDF.type, KG.Tally, KG.tallyOf, KG.designation, KG.Park, KG.Enterprise,
                                   KG.locatedIn, KG.recipient, KG.park, KG.value, KG.offeredBy, KG.amount,
                                   KG.enterpriseCount, KG.recognitionCount, KG.designationCount, KG.reportedTotal,
                                   KG.reportedMax, KG.rewardMax, KG.ofLabel, KG.designationLabel, RDFS.label,
                                   SKOS.prefLabel))
_STRUCTURE = (_TYPE, _OF, _DESIGNATION, _OF_LABEL, _DESIGNATION_LABEL)     # what a tally is, not what it counts
_DEFAULT = ox.DefaultGraph()
_INTEGER = ox.NamedNode(str(XSD.integer))


@lru_cache(maxsize=1)
def tally_queries() -> tuple[tuple[ox.NamedNode, str], ...]:
    """(class of the nodes it tallies, from the file name's first word: park_…, enterprise_…; SPARQL text)."""
    folder = files("kg.data") / "tallies"
    return tuple((ox.NamedNode(str(KG[f.name.split("_")[0].capitalize()])), sparql_prologue() + f.read_text(encoding="utf-8"))
                 for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".rq"))


def _tally_iri(of: ox.NamedNode, designation: ox.NamedNode | None) -> ox.NamedNode:
    key = of.value + "\x1f" + (designation.value if designation else "")
    return ox.NamedNode(str(KGR[f"tally/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"]))


def tally_triples(store: ox.Store, of: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Triple]:
    """The tally triples of the given nodes (None: of every node). A node at a time, each by the queries of its
    class, since pyoxigraph turns a one-row VALUES into index lookups (≈ 1 ms an enterprise, ≈ 40 ms a park of
    160 firms at 10^7 triples) but evaluates a many-row one against the whole pattern."""
    queries = tally_queries()
    labelled: set[ox.NamedNode] = set()
    if of is None:
        for _, text in queries:
            yield from _rows_to_triples(store, store.query(text), labelled)
        return
    for node in of:
        classes = {q.object for q in store.quads_for_pattern(node, _TYPE, None, _DEFAULT)}
        for cls, text in queries:
            if cls in classes:
                yield from _rows_to_triples(store, store.query(text.replace(_UNRESTRICTED, f"VALUES ?of {{ {node} }}")),
                                            labelled)


def _rows_to_triples(store: ox.Store, solutions: ox.QuerySolutions, labelled: set[ox.NamedNode]) -> Iterator[ox.Triple]:
    """A query's rows as tally triples; a park-and-designation tally also gets its labels, once (`labelled`)."""
    columns = [v.value for v in solutions.variables]
    values = [(c, ox.NamedNode(str(KG[c]))) for c in columns if c not in ("of", "designation")]
    for s in solutions:
        designation = s["designation"] if "designation" in columns else None
        tally = _tally_iri(s["of"], designation)
        yield ox.Triple(tally, _TYPE, _TALLY)
        yield ox.Triple(tally, _OF, s["of"])
        if designation is not None:
            yield ox.Triple(tally, _DESIGNATION, designation)
            if tally not in labelled:
                labelled.add(tally)
                yield from _labels(store, tally, s["of"], designation)
        for column, prop in values:
            if s[column] is not None:
                yield ox.Triple(tally, prop, s[column])


def complete(store: ox.Store) -> bool:
    """Whether a store's tally graph holds tallies of this version: some, and every one with a designation also
    with its labels (a store exported by an earlier version has none)."""
    designated = sum(1 for _ in store.quads_for_pattern(None, _DESIGNATION, None, TALLY_GRAPH))
    labelled = sum(1 for _ in store.quads_for_pattern(None, _DESIGNATION_LABEL, None, TALLY_GRAPH))
    return designated > 0 and labelled >= designated


def touched(store: ox.Store, nodes: Iterable[ox.NamedNode]) -> set[ox.NamedNode]:
    """The nodes whose tallies change when facts about `nodes` change: the nodes and the parks they are in."""
    out = set(nodes)
    for chunk in batched(sorted(out, key=lambda n: n.value), 1000):
        q = "SELECT DISTINCT ?p WHERE { VALUES ?x { " + " ".join(map(str, chunk)) + " } ?x <" + str(KG.locatedIn) + "> ?p }"
        out.update(s["p"] for s in store.query(q))
    return out


def _write(store: ox.Store, triples: Iterable[ox.Triple]) -> int:
    """Tally triples into the tally graph and the default graph; returns the number of tallies."""
    quads = [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples for g in (TALLY_GRAPH, ox.DefaultGraph())]
    store.extend(quads)
    return sum(1 for q in quads if q.predicate == _TYPE) // 2


def _remove(store: ox.Store, parts: Iterable[tuple[ox.NamedNode, ox.NamedNode | None]]) -> None:
    """(tally, property) pairs — None: every property — out of the tally graph and the default graph, in one
    transaction (a kill never leaves a default-graph copy whose tally-graph quad is gone)."""
    rows = " ".join(f"({t} {p or 'UNDEF'})" for t, p in parts)
    if rows:
        store.update(f"DELETE {{ ?t ?p ?o . GRAPH {TALLY_GRAPH} {{ ?t ?p ?o }} }} "
                     f"WHERE {{ VALUES (?t ?p) {{ {rows} }} GRAPH {TALLY_GRAPH} {{ ?t ?p ?o }} }}")


def refresh(store: ox.Store, pending: Iterable[ox.NamedNode]) -> int:
    """Recompute the tallies that facts about the pending nodes change, in a store: old ones removed from the tally
    graph and the default graph, new ones written to both. Node by node for a small increment; one pass over the
    store when the nodes are many (memory stays bounded) or touch a large share of the parks, where that is
    cheaper than a query per node. Returns the number of tallies written."""
    first = set(islice(pending, NODE_BY_NODE_LIMIT + 1))
    nodes = touched(store, first) if len(first) <= NODE_BY_NODE_LIMIT else set()
    parks = sum(1 for _ in store.quads_for_pattern(None, _TYPE, _PARK, ox.DefaultGraph()))
    touched_parks = sum(1 for n in nodes if ox.Quad(n, _TYPE, _PARK, ox.DefaultGraph()) in store)
    if not nodes or touched_parks * FULL_SHARE > parks:
        store.update(f"DELETE {{ ?t ?p ?o }} WHERE {{ GRAPH {TALLY_GRAPH} {{ ?t ?p ?o }} }} ; "
                     f"CLEAR SILENT GRAPH {TALLY_GRAPH}")          # every tally, in one transaction
        return _write(store, tally_triples(store))
    written = 0
    for part in batched(sorted(nodes, key=lambda n: n.value), 2000):
        _remove(store, {(q.subject, None) for n in part for q in store.quads_for_pattern(None, _OF, n, TALLY_GRAPH)})
        written += _write(store, tally_triples(store, part))
    return written


# ------------------------------------------------------------ increments by delta

@dataclass(frozen=True)
class Contribution:
    """What one entity adds to the tallies: to enterpriseCount of (park, d) for each park it is located in and
    designation it holds, its recognitions to recognitionCount of each park it is in (and its own, if it is a
    park), and, for an enterprise, its designationCount. Read before and after an increment is written; the
    difference is the delta."""
    parks: frozenset
    designations: frozenset
    recognitions: int
    targets: frozenset
    enterprise: bool


def contributions(store: ox.Store, nodes: Iterable[ox.NamedNode]) -> dict[ox.NamedNode, Contribution]:
    out = {}
    for x in nodes:
        parks = frozenset(q.object for q in store.quads_for_pattern(x, _LOCATED, None, _DEFAULT))
        recognitions = [q.subject for q in store.quads_for_pattern(None, _RECIPIENT, x, _DEFAULT)]
        designations = frozenset(q.object for r in recognitions for q in store.quads_for_pattern(r, _DESIGNATION, None, _DEFAULT))
        own = {x} if ox.Quad(x, _TYPE, _PARK, _DEFAULT) in store else set()
        enterprise = ox.Quad(x, _TYPE, _ENTERPRISE, _DEFAULT) in store
        out[x] = Contribution(parks, designations, len(recognitions), parks | own, enterprise)
    return out


def apply_delta(store: ox.Store, before: dict[ox.NamedNode, Contribution], after: dict[ox.NamedNode, Contribution],
                graphs: Iterable[ox.NamedNode]) -> None:
    """Bring the tallies up to date after an increment of new article graphs (nothing removed): the counts over
    entities adjusted by the change in what each touched entity contributes, the reported counts and rewards by
    the observations and incentives the new graphs hold; written in one go. Equal to a recount
    (tests/test_tallies.py checks it)."""
    enterprises: Counter = Counter()
    recognitions: Counter = Counter()
    new: dict[tuple, ox.Literal | None] = {}           # (of, designation, property) → its value after the increment
    for x, a in after.items():
        for c, sign in ((before[x], -1), (a, 1)):
            for p in c.parks:
                for d in c.designations:
                    enterprises[(p, d)] += sign
            for p in c.targets:
                recognitions[(p, None)] += sign * c.recognitions
        held = len(a.designations) if a.enterprise else 0
        new[(x, None, _DESIGNATIONS)] = _integer(held) if held >= 2 else None
    for prop, deltas in ((_ENTERPRISES, enterprises), (_RECOGNITIONS, recognitions)):
        for (p, d), delta in deltas.items():
            if delta:
                new[(p, d, prop)] = _integer(_value(store, p, d, prop) + delta)
    for g in graphs:
        for link, amount, props in ((_OBSERVED, _VALUE, (_REPORTED_TOTAL, _REPORTED_MAX)), (_OFFERED, _AMOUNT, (_REWARD_MAX,))):
            for q in store.quads_for_pattern(None, link, None, g):
                d = next(store.quads_for_pattern(q.subject, _DESIGNATION, None, g)).object
                v = next(store.quads_for_pattern(q.subject, amount, None, g)).object
                for prop in props:
                    key = (q.object, d, prop)
                    old = new[key] if key in new else _current(store, *key)
                    if prop == _REPORTED_TOTAL:
                        new[key] = _integer(int(old.value if old else 0) + int(v.value))
                    elif old is None or Decimal(v.value) > Decimal(old.value):
                        new[key] = v
    _set_all(store, new)


def _integer(n: int) -> ox.Literal | None:
    return ox.Literal(str(n), datatype=_INTEGER) if n > 0 else None


def _current(store: ox.Store, of: ox.NamedNode, designation: ox.NamedNode | None, prop: ox.NamedNode):
    old = next(store.quads_for_pattern(_tally_iri(of, designation), prop, None, TALLY_GRAPH), None)
    return old.object if old else None


def _value(store: ox.Store, of: ox.NamedNode, designation: ox.NamedNode | None, prop: ox.NamedNode) -> int:
    old = _current(store, of, designation, prop)
    return int(old.value) if old else 0


def _set_all(store: ox.Store, values: dict[tuple, ox.Literal | None]) -> None:
    """Give tally properties their new values (None: none; a tally left with no count goes), in one write."""
    triples, emptied = [], set()
    _remove(store, [(_tally_iri(of, designation), prop) for of, designation, prop in values])
    for (of, designation, prop), value in values.items():
        tally = _tally_iri(of, designation)
        if value is None:
            emptied.add(tally)
            continue
        triples += [ox.Triple(tally, _TYPE, _TALLY), ox.Triple(tally, _OF, of), ox.Triple(tally, prop, value)]
        if designation is not None:
            triples += [ox.Triple(tally, _DESIGNATION, designation)] + _labels(store, tally, of, designation)
    _write(store, triples)
    _remove(store, [(tally, None) for tally in emptied if _empty(store, tally)])


def _labels(store: ox.Store, tally: ox.NamedNode, of: ox.NamedNode, designation: ox.NamedNode) -> list[ox.Triple]:
    """The labels a park-and-designation tally carries: its park's rdfs:label and its designation's Chinese
    skos:prefLabel, copied so the ranking queries need no join (a join a row costs the on-disk store ≈ 40 µs)."""
    ofs = [q.object for q in store.quads_for_pattern(of, _LABEL, None, _DEFAULT)]
    names = [q.object for q in store.quads_for_pattern(designation, _PREF_LABEL, None, _DEFAULT)
             if isinstance(q.object, ox.Literal) and q.object.language == "zh"]
    return [ox.Triple(tally, _OF_LABEL, o) for o in ofs] + [ox.Triple(tally, _DESIGNATION_LABEL, n) for n in names]


def _empty(store: ox.Store, tally: ox.NamedNode) -> bool:
    """Whether a tally is left with no counts (its structure alone)."""
    return all(q.predicate in _STRUCTURE for q in store.quads_for_pattern(tally, None, None, TALLY_GRAPH))
