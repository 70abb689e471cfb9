"""The extractor's vocabulary, loaded once: lexicon.yaml, places.tsv and the designation scheme of the ontology."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import yaml
from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from .errors import InputError
from .namespace import KG

QUOTES = "“”\"‘’'「」『』"
# a count as news writes it, in digits (1,200, 3.5万) or in Chinese numerals (三, 十二): one group
COUNT = r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?万?|(?<![数几上])[一二两三四五六七八九十百千]*[一二两三四五六七八九十][一二两三四五六七八九十百千]*)"
_OPT_QUOTE = f"[{QUOTES}]?"


@dataclass(frozen=True)
class Designation:
    code: str
    label: str
    forms: tuple[str, ...]
    default_level: str | None
    platform: bool = False            # held by a place or body hosting firms (孵化器, 众创空间), not by a firm


@dataclass(frozen=True)
class Vocabulary:
    lexicon: dict
    places: dict[str, str]            # surface form → level (province | city | county)
    place_short: dict[str, str]       # surface form → canonical short form
    municipalities: frozenset[str]    # forms that name a province and a city (北京市 …, 吉林): parks take them as cities
    designations: dict[str, Designation]
    designation_re: re.Pattern
    form_to_code: dict[str, str]
    _derived: dict = field(default_factory=dict, compare=False, repr=False)   # sorted word lists, their patterns

    def words(self, *path: str) -> tuple[str, ...]:
        """A word list of the lexicon, longest first, so alternations prefer the longest match."""
        if path not in self._derived:
            node = self.lexicon
            for key in path:
                node = node[key]
            self._derived[path] = tuple(sorted(node, key=len, reverse=True))
        return self._derived[path]

    def alternation(self, *path: str) -> str:
        return "|".join(map(re.escape, self.words(*path)))

    def finder(self, *path: str) -> re.Pattern:
        """A word list compiled to one pattern: finder(...).search(text) says whether text holds any of its words
        in one pass (a loop of `w in text` reads text once per word)."""
        key = ("finder",) + path
        if key not in self._derived:
            self._derived[key] = re.compile(self.alternation(*path))
        return self._derived[key]


def ontology_path():
    return files("kg.ontology") / "parkgraph.ttl"


@cache
def ontology_graph() -> Graph:
    return Graph().parse(str(ontology_path()), format="turtle")


def _designations(g: Graph) -> dict[str, Designation]:
    out = {}
    for concept in g.subjects(RDF.type, SKOS.Concept):
        code = str(g.value(concept, SKOS.notation))
        if code == "OTHER":
            continue
        label = next(str(l) for l in g.objects(concept, SKOS.prefLabel) if l.language == "zh")
        forms = {label} | {str(l) for l in g.objects(concept, SKOS.altLabel) if l.language == "zh"}
        level = g.value(concept, KG.defaultLevel)
        out[code] = Designation(code, label, tuple(sorted(forms, key=len, reverse=True)),
                                str(level).rsplit("#", 1)[-1] if level else None,
                                (concept, RDF.type, KG.PlatformDesignation) in g)
    return out


def _trie(words: list[str]) -> dict:
    """The words as nested dicts by character; "" marks where a word ends."""
    trie: dict = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}
    return trie


def trie_pattern(words: list[str]) -> str:
    """One pattern for many words, as a trie: a shared start is tried once, not once per word, and the longest
    word wins."""
    def branch(node: dict) -> str:
        alts = [re.escape(c) + branch(child) for c, child in node.items() if c] + ([""] if "" in node else [])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return branch(_trie(words))


def _forms_pattern(forms: list[str]) -> str:
    """One pattern for all designation forms, as a trie (a shared start is tried once, not once per form, and
    the longest form wins); quotes are optional everywhere, and 企 never runs on into 企业."""
    trie = _trie(forms)

    def branch(node: dict, last: str) -> str:
        alts = [re.escape(c) + _OPT_QUOTE + branch(child, c) for c, child in node.items() if c]
        if "" in node:                                  # a form ends here: after every longer one
            alts.append("(?!业)" if last == "企" else "")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return _OPT_QUOTE + branch(trie, "")


def _validate(lexicon: dict) -> None:
    for section in ("park", "enterprise", "organization", "name_boundaries", "recognition", "levels", "counts",
                    "incentives"):
        if section not in lexicon:
            raise InputError(f"kg/data/lexicon.yaml: section '{section}' is missing")


@cache
def vocabulary() -> Vocabulary:
    data = files("kg.data")
    lexicon = yaml.safe_load((data / "lexicon.yaml").read_text(encoding="utf-8"))
    _validate(lexicon)
    places: dict[str, str] = {}
    short: dict[str, str] = {}
    municipalities: set[str] = set()
    province_forms: set[str] = set()
    city_forms: set[str] = set()
    with (data / "places.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            forms = [row["name"]] + [s for s in row["short"].split(",") if s]
            canon = forms[1] if len(forms) > 1 else forms[0]
            if row["level"] == "province" and row["name"].endswith("市"):
                municipalities.update(forms)
            if row["level"] == "province":
                province_forms.update(forms)
            elif row["level"] == "city" and row["name"].endswith("市"):
                city_forms.update(forms)
            for form in forms:
                # a county's short form can be an ordinary word; a province's or city's wins over it
                if form not in places or row["level"] != "county":
                    places[form] = row["level"] if form == row["name"] or row["level"] != "county" else "county-short"
                    short[form] = canon
    designations = _designations(ontology_graph())
    form_to_code = {}
    for d in designations.values():
        for form in d.forms:
            form_to_code["".join(c for c in form if c not in QUOTES)] = d.code
    # a look-ahead on the first characters lets the engine skip most positions without entering the trie
    first = "".join(sorted({f[0] for f in form_to_code} | set(QUOTES)))
    designation_re = re.compile(f"(?=[{re.escape(first)}])" + _forms_pattern(list(form_to_code)))
    municipalities |= province_forms & city_forms         # 吉林: the province and the city 吉林市
    return Vocabulary(lexicon, places, short, frozenset(municipalities), designations, designation_re, form_to_code)


@cache
def platform_codes() -> frozenset[str]:
    """Designations of places that host firms (孵化器, 众创空间): their numbers are no counts of enterprises, and
    their holders are bodies."""
    return frozenset(code for code, d in vocabulary().designations.items() if d.platform)


_NO_QUOTES = {ord(c): None for c in QUOTES}


def designation_code(surface: str) -> str | None:
    return vocabulary().form_to_code.get(surface.translate(_NO_QUOTES))
