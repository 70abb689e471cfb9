"""Build kg/data/zones.tsv from the hand-kept official lists in tools/zones/.

Each list is transcribed from the public list its issuing body publishes (SOURCES below); a line holding one word
opens a province, a zone line is `official-name city [short|short…]` (city `-` where the zone spans several
cities). Only zones whose official name, province and city were certain were transcribed. The short forms news
writes are derived by rule (成都高新技术产业开发区 → 成都高新区, 成都国家高新区; 某某经济技术开发区 → 某某经开区,
某某经济开发区; 某某国家自主创新示范区 → 某某自创区; a zone's own name after its city, 东莞松山湖高新区 → 东莞松山湖,
松山湖) and joined by those the line gives; a short form already
taken by another zone is dropped (and reported), so every name stands for one zone.
Usage: python tools/build_zones.py > kg/data/zones.tsv
"""
import sys
from pathlib import Path

LISTS = Path(__file__).parent / "zones"
ROOT = Path(__file__).parent.parent
SOURCES = {
    "high_tech_zone": "科技部火炬中心 国家高新技术产业开发区名单（2018年，169家）",
    "etdz": "商务部 国家级经济技术开发区名单（2021年）",
    "innovation_demo_zone": "国务院批复 国家自主创新示范区名单（2022年）",
    "new_area": "国务院批复 国家级新区名单（2017年，19家）",
}
DERIVED = {
    "high_tech_zone": {"高新技术产业开发区": ("高新区", "国家高新区"), "高新技术产业园区": ("高新区", "国家高新区")},
    "etdz": {"经济技术开发区": ("经开区", "经济开发区"), "经济开发区": ("经开区",)},
    "innovation_demo_zone": {"国家自主创新示范区": ("自创区", "国家自创区")},
    "new_area": {},
}


def place_names(levels: tuple[str, ...] = ("province", "city", "county")) -> set[str]:
    """Every name and short form of kg/data/places.tsv's divisions of those levels."""
    rows = (line.split("\t") for line in (ROOT / "kg" / "data" / "places.tsv").read_text(encoding="utf-8").splitlines()[1:])
    return {form for row in rows if row[1] in levels for form in [row[0]] + [s for s in row[2].split(",") if s]}


def own_name(stem: str, places: set[str]) -> str | None:
    """A zone's own name inside its stem, after the city that opens it (东莞松山湖 → 松山湖), when it is no division
    but one word of three characters or more that jieba's dictionary knows as a place (a lake, a hill, an island):
    news names such a zone by it alone (not 杭州湾, which opens with a city: a bay several cities share)."""
    import jieba
    import jieba.posseg
    jieba.setLogLevel(60)
    tags = jieba.posseg.dt.word_tag_tab
    cities = tuple(place_names(("province", "city")))
    for i in range(len(stem) - 3, 1, -1):
        own = stem[i:]
        if stem[:i] in places and own not in places and not own.startswith(cities) \
                and tags.get(own) == "ns" and jieba.lcut(own, HMM=False) == [own]:
            return own
    return None


def short_forms(kind: str, name: str, given: list[str], places: set[str]) -> list[str]:
    for suffix, endings in DERIVED[kind].items():
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            own = own_name(stem, places)
            return list(dict.fromkeys([stem + e for e in endings] + ([stem, own] if own else []) + given))
    return given


def zones(kind: str):
    """(official name, given short forms, province, city) for each zone of a list."""
    province = None
    for line in (LISTS / f"{kind}.txt").read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 1:
            province = fields[0]
        elif fields:
            name, city, *rest = fields
            yield name, rest[0].split("|") if rest else [], province, "" if city == "-" else city


def main() -> None:
    owner: dict[str, str] = {}
    places = place_names()
    rows = []
    for kind in SOURCES:
        for name, given, province, city in zones(kind):
            owner.setdefault(name, name)
            rows.append((name, kind, province, city, short_forms(kind, name, given, places)))
    print("name\tshort\tkind\tprovince\tcity\tsource")
    for name, kind, province, city, shorts in rows:
        kept = []
        for s in shorts:
            if owner.setdefault(s, name) == name:
                kept.append(s)
            else:
                print(f"{name}: short form {s} is {owner[s]}'s, dropped", file=sys.stderr)
        print(f"{name}\t{'|'.join(kept)}\t{kind}\t{province}\t{city}\t{SOURCES[kind]}")


if __name__ == "__main__":
    main()
