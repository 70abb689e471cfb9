"""The ontology, designation scheme and SHACL shapes, as package data."""
