"""Build kg/data/places.tsv from a public table of China's administrative divisions.

Source: the adcodes.csv that the MIT-licensed `cpca` package ships (National Bureau of Statistics
division codes, 2021); get it with `pip download cpca==0.5.5 --no-deps -d /tmp/cpca` and unzip the wheel.
Usage: python tools/build_places.py /tmp/cpca/cpca/resources/adcodes.csv > kg/data/places.tsv
Each row: name, level (province|city|county), the short forms a newspaper writes, and the province and
prefecture-level city the division belongs to. A province row has itself as province and no city, except the
four municipalities (北京市 …), which are their own city; a county-level city directly under a province (仙桃市)
is its own city. Where one name stands for divisions in several cities (鼓楼区) the city is left empty, and the
province too when they lie in several provinces.
"""
import csv
import re
import sys
from collections import defaultdict

SUFFIXES = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区", "林区",
            "省", "市", "县", "区", "盟", "旗"]
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def level(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "city"
    return "county"


def short_forms(name: str) -> list[str]:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            stem = re.sub(r"(蒙古族|藏族|彝族|苗族|土家族|侗族|布依族|哈尼族|傣族|白族|回族|壮族|朝鲜族|哈萨克|柯尔克孜|蒙古|满族|羌族|黎族|瑶族|畲族|仡佬族|水族|仫佬族|毛南族|土族|撒拉族|保安族|东乡族|裕固族|锡伯族|达斡尔族|鄂温克族|鄂伦春族|景颇族|傈僳族|拉祜族|佤族|纳西族|怒族|普米族|独龙族|阿昌族|德昂族|布朗族|基诺族|门巴族|珞巴族|各族)+$", "", stem)
            base = name[: -len(suffix)]
            return [stem if len(stem) >= 2 else base]
    return []


def region(code: str, names: dict[str, str]) -> tuple[str, str]:
    """The province and city of the division with this code."""
    province = names[code[:2] + "0" * 10]
    if level(code) == "province":
        return province, province if province.endswith("市") else ""
    parent = names.get(code[:4] + "0" * 8, "")
    if parent in PLACEHOLDERS or not parent:
        # a municipality's districts, or a county-level city directly under its province
        return province, province if province.endswith("市") else names[code]
    return province, parent


def common(values: set[str]) -> str:
    return next(iter(values)) if len(values) == 1 else ""


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    names = {row["adcode"]: row["name"] for row in rows}
    regions = defaultdict(list)
    for row in rows:
        if row["name"] not in PLACEHOLDERS:
            regions[row["name"]].append(region(row["adcode"], names))
    seen = set()
    print("name\tlevel\tshort\tprovince\tcity")
    for row in rows:
        name = row["name"]
        if name in seen or name in PLACEHOLDERS:
            continue
        seen.add(name)
        province = common({p for p, _ in regions[name]})
        city = common({c for _, c in regions[name]}) if province else ""
        print(f"{name}\t{level(row['adcode'])}\t{','.join(short_forms(name))}\t{province}\t{city}")


if __name__ == "__main__":
    main(sys.argv[1])
