"""The named SPARQL queries, as package data."""
