"""kg validate: every kind of constraint of ontology/shapes.ttl is checked by its SPARQL query, in the store."""
import pyoxigraph as ox
from click.testing import CliRunner

from kg.cli import main

KG = "https://w3id.org/parkgraph/ontology#"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def test_each_kind_of_constraint_is_found(built, tmp_path):
    g = ox.Store()
    g.bulk_load(path=str(built), format=ox.RdfFormat.TURTLE)
    node = lambda cls: next(g.quads_for_pattern(None, TYPE, ox.NamedNode(KG + cls))).subject
    firm, org, fact = node("Enterprise"), node("Organization"), node("Observation")
    g.add(ox.Quad(firm, LABEL, ox.Literal("另一个名字", language="zh")))                        # sh:maxCount 1
    g.add(ox.Quad(org, LABEL, ox.Literal("an English label", language="en")))                  # sh:languageIn
    g.add(ox.Quad(firm, ox.NamedNode(KG + "locatedIn"), org))                                  # sh:class kg:Park
    g.remove(next(g.quads_for_pattern(fact, ox.NamedNode(KG + "evidence"), None)))            # sh:minCount 1
    g.add(ox.Quad(fact, ox.NamedNode(KG + "year"), ox.Literal("2023")))                        # sh:datatype
    bad = tmp_path / "bad.nt"
    g.dump(str(bad), ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    r = CliRunner().invoke(main, ["validate", str(bad)])
    assert r.exit_code == 1
    lines = r.output.splitlines()
    expected = [(firm, "exactly one Chinese rdfs:label"), (org, "exactly one Chinese rdfs:label"),
                (firm, "kg:locatedIn points to a kg:Park"), (fact, "a fact keeps its evidence sentence"),
                (fact, "sh:datatype http://www.w3.org/2001/XMLSchema#gYear")]
    for focus, message in expected:
        assert any(l.startswith(focus.value) and message in l for l in lines), (focus, message, r.output)
    assert "SHACL violations" in lines[-1]
