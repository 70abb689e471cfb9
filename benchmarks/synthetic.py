"""A synthetic corpus in the style of the sample pages, with invented names, at any size; seeded, deterministic.

Usage: python benchmarks/synthetic.py OUT_DIR N [SEED] [--dense]
Each article is a page of several reports: a park's counts of designated firms, firms honoured by name, rewards,
a policy, firms brought in, among the sentences news carries around them (work reports, quotes, figures, remarks
on designations that state no fact), line-broken every 14–18 characters with blank lines, as PDF text is. By
default about one sentence in six states a fact, as on the sample pages (17 %); --dense drops the surrounding
sentences (three in four then state one), the worst case for extraction speed.
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
# the sentences around the facts, composed from parts: {park} {d} {n} {p} {year} are filled in
SURROUNDING = [
    "{park}坚持{aim}，{act}，{result}。",
    "近年来，{park}{act}，{result}，为区域经济高质量发展注入新动能。",
    "{year}年，{park}实现{metric}{n}亿元，同比增长{p}%，{result}。",
    "“{quote}”{park}相关负责人表示。",
    "{d}的稳步发展离不开{support}的持续支持。",
    "{d}是衡量区域创新能力的重要指标，具有“{trait}”的特征。",
    "为此，{park}{act}，着力{aim}。",
    "会上，与会人员围绕{topic}等议题进行了深入交流，并就下一步工作作出部署。",
    "据介绍，该项目总投资{n}亿元，建成后预计年产值可达{p}亿元。",
    "{park}将继续{aim}，{act}，推动{topic}取得新突破。",
]
PARTS = {
    "aim": ["以科技创新引领产业创新", "把创新摆在发展全局的核心位置", "优化企业梯度培育体系", "推动产业链供应链协同发展",
            "营造良好的创新创业生态"],
    "act": ["持续深化“放管服”改革", "聚焦主导产业精准招商", "搭建产学研合作平台", "完善科技金融服务体系",
            "实施企业培育“攀登计划”", "开展“一企一策”精准服务"],
    "result": ["创新主体不断壮大", "产业集聚效应日益显现", "营商环境持续优化", "企业获得感明显增强", "发展动能持续增强"],
    "metric": ["营业总收入", "工业总产值", "技术合同成交额", "规上工业增加值"],
    "quote": ["我们将进一步加大对企业的服务力度，让企业安心发展", "企业的每一步成长都离不开园区的精心培育",
              "创新是企业发展的第一动力"],
    "support": ["资金", "政策", "人才", "金融服务"],
    "trait": ["个头小、跑得快、创新强", "专业化、精细化、特色化、新颖化", "成长快、潜力大"],
    "topic": ["科技成果转化", "产业链协同创新", "人才引育", "数字化转型", "知识产权保护"],
}


def _cities() -> list[tuple[str, str]]:
    out = []
    with (files("kg.data") / "places.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            short = row["short"].split(",")[0]
            if row["level"] == "city" and len(short) == 2:
                out.append((row["name"], short))
    return out


class Synthesizer:
    def __init__(self, seed: int, dense: bool = False):
        self.rng = random.Random(seed)
        self.dense = dense
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
        if not self.dense:                       # about five sentences around each fact, as the sample pages have
            body += [self.surrounding(park, r.choice(DESIGNATIONS)) for _ in range(r.randint(20, 28))]
        r.shuffle(body[2:])
        return "".join(body)

    def surrounding(self, park: str, designation: str) -> str:
        r = self.rng
        parts = {k: r.choice(v) for k, v in PARTS.items()}
        return r.choice(SURROUNDING).format(park=park, d=designation, n=r.randint(2, 300), p=r.randint(3, 60),
                                            year=r.randint(2018, 2025), **parts)

    def article(self) -> str:
        text = "".join(self.report() for _ in range(self.rng.randint(4, 7)))
        out, i = [], 0
        while i < len(text):                    # PDF columns: 14–18 characters a line, blank lines between
            step = self.rng.randint(14, 18)
            out.append(text[i:i + step])
            i += step
        return "\n\n".join(out) + "\n"


def write_corpus(out: Path, n: int, seed: int = 1, dense: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    syn = Synthesizer(seed, dense)
    paths = []
    for k in range(n):
        p = out / f"syn{seed}_{k:06d}.txt"      # names differ across seeds: another corpus, not new versions
        p.write_text(syn.article(), encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--dense"]
    write_corpus(Path(args[0]), int(args[1]), int(args[2]) if len(args) > 2 else 1, dense="--dense" in sys.argv)
