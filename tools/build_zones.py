"""Build kg/data/zones.tsv from the hand-kept official lists in tools/zones/.

Each list is transcribed from the public list its issuing body publishes (SOURCES below); a line holding one word
opens a province, a zone line is `official-name city [short|short…]` (city `-` where the zone spans several
cities). Only zones whose official name, province and city were certain were transcribed. The short forms news
writes are derived by rule (成都高新技术产业开发区 → 成都高新区, 成都国家高新区; 某某经济技术开发区 → 某某经开区,
某某经济开发区; 某某国家自主创新示范区 → 某某自创区) and joined by those the line gives; a short form already
taken by another zone is dropped (and reported), so every name stands for one zone.
Usage: python tools/build_zones.py > kg/data/zones.tsv
"""
import sys
from pathlib import Path

LISTS = Path(__file__).parent / "zones"
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


def short_forms(kind: str, name: str, given: list[str]) -> list[str]:
    for suffix, endings in DERIVED[kind].items():
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return list(dict.fromkeys([stem + e for e in endings] + given))
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
    rows = []
    for kind in SOURCES:
        for name, given, province, city in zones(kind):
            owner.setdefault(name, name)
            rows.append((name, kind, province, city, short_forms(kind, name, given)))
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
