"""The IRIs parkgraph writes: the ontology namespace, the designation scheme and the data namespaces."""
from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/parkgraph/ontology#")
KGD = Namespace("https://w3id.org/parkgraph/designation/")
KGR = Namespace("https://w3id.org/parkgraph/id/")

LEVELS = {name: KG[name] for name in
          ("InternationalLevel", "NationalLevel", "ProvincialLevel", "MunicipalLevel", "ParkLevel")}
ZONE_KINDS = {"high_tech_zone": KG.HighTechZone, "etdz": KG.EconomicDevelopmentZone,
              "innovation_demo_zone": KG.InnovationDemonstrationZone, "new_area": KG.NewArea}

PREFIXES = {"kg": KG, "kgd": KGD, "kgr": KGR, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "prov": PROV,
            "dcterms": DCTERMS, "xsd": XSD, "owl": OWL}


def sparql_prologue() -> str:
    """PREFIX lines for every common prefix, so users never type them."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
