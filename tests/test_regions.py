"""Regions of parks: the zones list, the divisions' provinces and cities, and the triples a build writes."""
import csv
from importlib.resources import files

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from kg.cli import main
from kg.namespace import KG
from kg.regions import region_of, zone_names, zone_of


def _rows(name):
    with (files("kg.data") / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


PLACES = {row["name"]: row for row in _rows("places.tsv")}
ZONES = _rows("zones.tsv")


@pytest.mark.parametrize("names, expected", [
    (["宝鸡高新区"], ("陕西省", "宝鸡市")),                          # a listed zone by its short name
    (["昆山经开区"], ("江苏省", "苏州市")),
    (["宁波经济开发区"], ("浙江省", "宁波市")),
    (["珠三角国家自主创新示范区"], ("广东省", None)),                 # a zone of several cities
    (["德清云岭智造产业园"], ("浙江省", "湖州市")),                   # a county: its city and province
    (["江苏宜兴青杉科技园"], ("江苏省", "无锡市")),                   # a province, then a county of it
    (["海淀青杉创新园"], ("北京市", "北京市")),                       # a municipality is its own city
    (["仙桃银杏产业园"], ("湖北省", "仙桃市")),                       # a county-level city under its province
    (["吉林青杉高新园"], ("吉林省", "吉林市")),                       # a province's and a city's name: the city
    (["江西青杉产业园"], ("江西省", None)),
    (["中国（江西）青杉产业园"], ("江西省", None)),
    (["鼓楼青杉科技园"], (None, None)),                               # 鼓楼区 is in several provinces
    (["青杉智造产业园"], (None, None)),
    (["青杉园", "德清云岭智造产业园"], ("浙江省", "湖州市")),         # any of the names
])
def test_region_of_invented_parks(names, expected):
    assert region_of(names) == expected
    assert region_of(reversed(names)) == expected


def test_zone_names_map_short_forms_to_official_names():
    names = zone_names()
    assert names["宝鸡高新区"] == "宝鸡高新技术产业开发区"
    assert names["宁波经开区"] == names["宁波经济开发区"] == "宁波经济技术开发区"
    assert all(names[row["name"]] == row["name"] for row in ZONES)
    twice = [row["name"] for row in ZONES if sum(r["name"] == row["name"] for r in ZONES) == 2][0]
    assert zone_of([twice]).kinds == ("high_tech_zone", "etdz")           # a zone on two lists is on both


def test_zones_rows_lie_in_provinces_and_cities_of_places():
    kinds = {"high_tech_zone", "etdz", "innovation_demo_zone", "new_area"}
    for row in ZONES:
        assert row["kind"] in kinds and row["source"], row
        assert PLACES[row["province"]]["level"] == "province", row
        if row["city"]:
            city = PLACES[row["city"]]
            assert (city["province"], city["city"]) == (row["province"], row["city"]), row
    assert sum(not row["city"] for row in ZONES) < 25         # only zones spanning several cities lack one


def test_places_keep_their_columns_and_gain_province_and_city():
    assert list(PLACES["德清县"].values()) == ["德清县", "county", "德清", "浙江省", "湖州市"]
    assert (PLACES["浙江省"]["province"], PLACES["浙江省"]["city"]) == ("浙江省", "")


ARTICLE = ("本报讯 近日，浙江省科技厅公布2024年浙江省瞪羚企业名单，德清高新区12家企业入选。"
           "此次入选的德清云岭光电科技有限公司，深耕光学器件领域。\n\n"
           "截至2024年底，宝鸡高新区累计培育高新技术企业 236 家。\n")


def test_a_build_gives_parks_their_province_city_and_list(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "g.ttl"
    r = CliRunner().invoke(main, ["build", str(tmp_path / "docs"), "--output", str(out), "--workers", "1"])
    assert r.exit_code == 0, r.output
    g = Graph().parse(out)
    parks = {str(g.value(p, RDFS.label)): p for p in g.subjects(KG.province, None)}
    deqing, baoji = parks["德清高新区"], parks["宝鸡高新区"]
    assert (g.value(deqing, KG.province), g.value(deqing, KG.city)) == (Literal("浙江省", lang="zh"),
                                                                       Literal("湖州市", lang="zh"))
    assert g.value(deqing, KG.officialName) is None
    assert g.value(baoji, KG.officialName) == Literal("宝鸡高新技术产业开发区", lang="zh")
    assert g.value(baoji, KG.zoneKind) == KG.HighTechZone
    assert g.value(baoji, KG.city) == Literal("宝鸡市", lang="zh")
