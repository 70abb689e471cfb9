"""Regions of parks: the national development zones of data/zones.tsv and the divisions of data/places.tsv give a
park its province and city.

zones.tsv is transcribed from the official lists (see tools/build_zones.py); places.tsv from the national division
codes (tools/build_places.py). Both are loaded once.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Iterable

_AMBIGUOUS = "\x00"          # a division name several divisions share: it names no single province or city


@dataclass(frozen=True)
class Zone:
    """A zone of the official lists: its official name, the lists it is on (kinds), its province and city."""
    name: str
    kinds: tuple[str, ...]
    province: str
    city: str | None


def _rows(name: str) -> list[dict[str, str]]:
    with (files("kg.data") / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@cache
def _zones() -> dict[str, Zone]:
    """Every official and short name → its zone."""
    kinds: dict[str, list[str]] = {}
    rows: dict[str, dict[str, str]] = {}
    for row in _rows("zones.tsv"):
        kinds.setdefault(row["name"], []).append(row["kind"])
        rows.setdefault(row["name"], row)
    by_name = {}
    for official, row in rows.items():
        zone = Zone(official, tuple(kinds[official]), row["province"], row["city"] or None)
        for name in [official] + [s for s in row["short"].split("|") if s]:
            by_name.setdefault(name, zone)
    return by_name


def zone_names() -> dict[str, str]:
    """Every name of a listed zone, official or short (某某高新区), → its official name."""
    return {name: zone.name for name, zone in _zones().items()}


def zone_of(park_names: Iterable[str]) -> Zone | None:
    """The listed zone one of the park's names is (the longest such name wins), or None."""
    found = sorted((n for n in park_names if n in _zones()), key=lambda n: (-len(n), n))
    return _zones()[found[0]] if found else None


@cache
def _places() -> dict[str, tuple[str, str | None]]:
    """Every division name and short form → (province, city); _AMBIGUOUS where divisions sharing the form
    disagree, None for the city of a province. A province's or city's form wins over a county's, as in the
    extractor's vocabulary (吉林 is the province and its city 吉林市: the city is the more precise)."""
    candidates: dict[str, list[tuple[str, str, str]]] = {}
    for row in _rows("places.tsv"):
        for form in [row["name"]] + [s for s in row["short"].split(",") if s]:
            candidates.setdefault(form, []).append((row["level"], row["province"], row["city"]))
    places = {}
    for form, rows in candidates.items():
        rows = [r for r in rows if r[0] != "county"] or rows
        provinces = {p or _AMBIGUOUS for _, p, _ in rows}
        cities = {c or (None if level == "province" else _AMBIGUOUS) for level, _, c in rows} - {None}
        province = provinces.pop() if len(provinces) == 1 else _AMBIGUOUS
        places[form] = province, cities.pop() if len(cities) == 1 else (_AMBIGUOUS if cities else None)
    return places


def _opening_place(name: str, province: str | None = None) -> tuple[int, tuple[str, str | None]] | None:
    """(length, region) of the longest division name that opens `name` (within `province` if given)."""
    for end in range(min(len(name), 16), 1, -1):
        region = _places().get(name[:end])
        if region and (province is None or region[0] == province):
            if province is None and region[0] != _AMBIGUOUS and region[1] is None:
                # a province's name: one of its cities may follow (江苏南京…)
                inner = _opening_place(name[end:], region[0])
                return (end + inner[0], inner[1]) if inner else (end, region)
            return end, region
    return None


def region_of(park_names: Iterable[str]) -> tuple[str | None, str | None]:
    """(province, city) of a park, from any of its names: the listed zone it is, else the division whose name
    opens its name after any 中国（…） (the longest; a county gives its city and province); None where unknown or
    ambiguous."""
    names = sorted(set(park_names), key=lambda n: (-len(n), n))
    zone = zone_of(names)
    if zone:
        return zone.province, zone.city
    found = [match for n in names if (match := _opening_place(n.removeprefix("中国").lstrip("（(")))]
    if not found:
        return None, None
    province, city = max(found, key=lambda m: m[0])[1]     # max keeps the first of equals: names are sorted
    if province == _AMBIGUOUS:
        return None, None
    return province, None if city in (None, _AMBIGUOUS) else city
