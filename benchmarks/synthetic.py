"""A synthetic corpus in the style of the sample pages, with invented names, at any size; seeded, deterministic.

Usage: python benchmarks/synthetic.py OUT_DIR N [SEED]
Each article is a page of several reports: a park's counts of designated firms, firms honoured by name, rewards,
a policy, firms brought in, and filler — line-broken every 14–18 characters with blank lines, as PDF text is.
"""
from __future__ import annotations

import csv
import random
import sys
from importlib.resources import files
from pathlib import Path

NAME_CHARS = "瑞澜翔泓晟铂宸骁珀岚昀峤煜琨璟钜霆骐沅淞楷烨铠琪彦炫桦芮珂玥湛暄濠崧垚睿祺蔚珩瑾翊朔槿筠绮"
INDUSTRY = ["网络科技", "智能科技", "新材料科技", "生物医药", "电子科技", "精密机械", "新能源科技", "信息技术"]
SUFFIX = ["有限公司", "股份有限公司", "有限责任公司"]
TRADE = ["精密", "科技", "锂业", "电子", "股份", "重工", "光电", "药业"]
DESIGNATIONS = ["瞪羚企业", "高新技术企业", "科技型中小企业", "专精特新中小企业", "潜在瞪羚企业", "专精特新“小巨人”企业",
                "雏鹰企业", "独角兽企业"]
KINDS = ["高新区", "高新区", "高新区", "高新技术产业开发区", "经济技术开发区", "工业园区"]
FILLER = ["党建引领推动园区高质量发展，各项工作取得新成效。", "园区持续优化营商环境，提升企业获得感和满意度。",
          "下一步，将聚焦主导产业，深入实施创新驱动发展战略。", "活动现场，与会嘉宾参观了企业展厅和研发中心。"]


def _cities() -> list[tuple[str, str]]:
    out = []
    with (files("kg.data") / "places.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            short = row["short"].split(",")[0]
            if row["level"] == "city" and len(short) == 2:
                out.append((row["name"], short))
    return out


class Synthesizer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.cities = _cities()
        self.provinces = ["四川省", "江苏省", "浙江省", "湖南省", "山东省", "河南省", "广东省", "江西省"]

    def name(self, n: int = 2) -> str:
        return "".join(self.rng.choice(NAME_CHARS) for _ in range(n))

    def company(self, city: str) -> tuple[str, str]:
        core = self.name(self.rng.choice((2, 2, 3)))
        return f"{city}{core}{self.rng.choice(INDUSTRY)}{self.rng.choice(SUFFIX)}", core

    def report(self) -> str:
        r = self.rng
        _, city = r.choice(self.cities)
        park = city + r.choice(KINDS)
        short_park = city + "高新区"
        year = r.randint(2018, 2025)
        province = r.choice(self.provinces)
        full, core = self.company(city)
        trade = [self.name() + r.choice(TRADE) for _ in range(r.randint(2, 4))]
        d1, d2, d3 = r.sample(DESIGNATIONS, 3)
        lines = [
            f"本报讯 近日，{province}科技厅公布{year}年{province}{d1}名单，{park}{r.randint(5, 60)}家企业入选。",
            f"此次入选的{full}，自成立以来深耕主业，{core}营业收入同比增长{r.randint(5, 90)}%。",
            f"截至{year}年底，{short_park}累计培育{d2}{r.randint(10, 900)}家、{d3}{r.randint(2, 300)}家。",
            f"{short_park}对首次认定为{d1}的，给予企业{r.randint(5, 50)}万元一次性奖励。",
            f"{short_park}出台《{short_park}关于支持{r.choice(INDUSTRY)}产业高质量发展的若干措施》，推动{'、'.join(trade)}等企业发展。",
            f"{trade[0]}获批国家级专精特新“小巨人”企业。",
        ]
        body = [x for x in lines if r.random() < 0.85] + r.sample(FILLER, 2)
        r.shuffle(body[2:])
        return "".join(body)

    def article(self) -> str:
        text = "".join(self.report() for _ in range(self.rng.randint(4, 7)))
        out, i = [], 0
        while i < len(text):                    # PDF columns: 14–18 characters a line, blank lines between
            step = self.rng.randint(14, 18)
            out.append(text[i:i + step])
            i += step
        return "\n\n".join(out) + "\n"


def write_corpus(out: Path, n: int, seed: int = 1) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    syn = Synthesizer(seed)
    paths = []
    for k in range(n):
        p = out / f"syn{seed}_{k:06d}.txt"      # names differ across seeds: another corpus, not new versions
        p.write_text(syn.article(), encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
