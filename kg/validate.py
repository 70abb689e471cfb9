"""Validate: a graph against ontology/shapes.ttl with pySHACL; returns the violations as lines."""
from __future__ import annotations

from importlib.resources import files

from rdflib import Graph
from rdflib.namespace import Namespace

SH = Namespace("http://www.w3.org/ns/shacl#")


def validate_graph(g: Graph) -> list[str]:
    from pyshacl import validate
    shapes = Graph().parse(str(files("kg.ontology") / "shapes.ttl"), format="turtle")
    conforms, report, _ = validate(g, shacl_graph=shapes, inference="none", allow_warnings=True)
    if conforms:
        return []
    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus, path, msg = (report.value(result, p) for p in (SH.focusNode, SH.resultPath, SH.resultMessage))
        out.append(f"{focus} {path}: {msg}")
    return sorted(out)
