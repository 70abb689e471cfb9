"""parkgraph: Chinese news about parks and high-tech zones, turned into an RDF knowledge graph."""
__version__ = "0.1.0"
