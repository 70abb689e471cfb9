"""Counterfactual copy of a corpus and its gold: every gold entity name replaced by an invented one of the
same shape (another real place of the same level and length, another 字号 of the same length, the same legal
suffix and industry words; a short name changed with its full name), counted numbers, amounts and years changed.
Seeded and deterministic. A score on the copy far from the score on the original means the rules read names.

Usage: python tests/counterfactual.py SEEDS GOLD OUT [SEED]   (writes OUT/docs and OUT/gold)
"""
from __future__ import annotations

import csv
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from kg.vocabulary import vocabulary

# characters shops use for a 字号; pairs of them rarely form an ordinary word
NAME_CHARS = "瑞澜翔泓晟铂宸骁珀岚昀峤煜琨璟钜霆骐沅淞楷烨铠琪彦炫桦芮珂玥湛暄濠崧垚睿祺蔚珩瑾翊朔槿筠绮"


def _places() -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(level, length of the short form) → [(full name, short form)] of every division with a short form that
    no other division shares (a city renamed to the short form of a province would change what it is)."""
    out: dict[tuple[str, int], list[tuple[str, str]]] = {}
    from importlib.resources import files
    with (files("kg.data") / "places.tsv").open(encoding="utf-8") as f:
        rows = [(row["level"], row["name"], row["short"].split(",")[0]) for row in csv.DictReader(f, delimiter="\t")]
    shared = Counter(short for _, _, short in rows)
    for level, name, short in rows:
        if short and shared[short] == 1:
            out.setdefault((level, len(short)), []).append((name, short))
    return out


def _pattern(name: str) -> str:
    """A name as it may stand in the raw text: any white space between its characters."""
    return r"\s*".join(re.escape(c) for c in name)


class Counterfactual:
    def __init__(self, texts: dict[str, str], golds: dict[str, dict], seed: int):
        self.rng = random.Random(seed)
        self.texts, self.golds = texts, golds
        self.corpus = "".join(re.sub(r"\s+", "", t) for t in texts.values())
        self.place_map: dict[str, str] = {}
        self.token_map: dict[str, str] = {}
        self.by_level = _places()
        self.vocab = vocabulary()

    # ------------------------------------------------------------ names

    def _new_place(self, token: str) -> str:
        if token not in self.place_map:
            level = self.vocab.places.get(token)
            short = self.vocab.place_short.get(token, token)
            used = set(self.place_map.values())
            level = "county" if level == "county-short" else level
            pool = [p for p in self.by_level.get((level, len(short)), [])
                    if p[1] not in self.corpus and p[0] not in self.corpus and p[0] not in used and p[1] not in used]
            if not pool:
                self.place_map[token] = token
                return token
            full, new_short = self.rng.choice(sorted(pool))
            self.place_map[short] = new_short
            if token != short:
                self.place_map[token] = full
        return self.place_map[token]

    def _new_token(self, token: str) -> str:
        if token not in self.token_map:
            while True:
                new = "".join(self.rng.choice(NAME_CHARS) for _ in token)
                if new not in self.corpus and new not in self.token_map.values():
                    break
            self.token_map[token] = new
        return self.token_map[token]

    def _split(self, name: str) -> tuple[list[str], str, str]:
        """A company name as places + 字号 + the rest (industry words, legal form)."""
        places = []
        rest = name
        while True:
            for length in range(min(9, len(rest) - 2), 1, -1):
                head = rest[:length]
                if self.vocab.places.get(head) in ("province", "city"):
                    places.append(head)
                    rest = rest[length:]
                    break
            else:
                break
        tail = ""
        for suffix in self.vocab.words("enterprise", "legal_suffixes") + ("公司", "集团"):
            if rest.endswith(suffix):
                rest, tail = rest[: -len(suffix)], suffix
                break
        m = re.search(r"[（(][^）)]*[）)]$", rest)
        if m:
            rest, tail = rest[: m.start()], rest[m.start():] + tail
        endings = self.vocab.words("enterprise", "industry_words") + self.vocab.words("enterprise", "trade_endings")
        changed = True
        while changed:
            changed = False
            for w in endings:
                if rest.endswith(w) and len(rest) - len(w) >= 2:
                    rest, tail = rest[: -len(w)], w + tail
                    changed = True
                    break
        return places, rest, tail

    def company(self, name: str) -> str:
        if re.search(r"[A-Za-z0-9]", name):
            return name
        places, core, tail = self._split(name)
        return "".join(self._new_place(p) for p in places) + (self._new_token(core) if len(core) >= 2 else core) + tail

    def place_named(self, name: str) -> str:
        """A park's or organisation's name with its leading places (and a bracketed place) replaced."""
        out, rest = "", name
        while rest:
            for length in range(min(9, len(rest)), 1, -1):
                head = rest[:length]
                # a county follows a city (宜春丰城): only then is a county's short form a place
                if self.vocab.places.get(head) in ("province", "city") or out and self.vocab.places.get(head):
                    out += self._new_place(head)
                    rest = rest[length:]
                    break
            else:
                m = re.match(r"[（(]([^）)]+)[）)]", rest)
                if m and self.vocab.places.get(m.group(1)) in ("province", "city"):
                    out += rest[0] + self._new_place(m.group(1)) + m.group()[-1]
                    rest = rest[m.end():]
                    continue
                if out:
                    return out + rest
                return self._company_like_park(name)
        return out

    def _company_like_park(self, name: str) -> str:
        """A named park with no place in front (瑞岚汇…产业园): its own name changes like a 字号."""
        m = re.match(r"([\u4e00-\u9fff]{2,4})(?=[（(])", name)
        return self._new_token(m.group(1)) + name[m.end():] if m else name

    # ------------------------------------------------------------ the copy

    def build(self) -> tuple[dict[str, str], dict[str, dict]]:
        mapping: dict[str, str] = {}
        for gold in self.golds.values():
            for e in gold.get("enterprises", []):
                full = max(e["names"], key=len)
                new_full = self.company(full)
                mapping[full] = new_full
                f_places, f_core, _ = self._split(full)
                for n in e["names"]:
                    if n == full:
                        continue
                    if f_core and len(f_core) >= 2 and f_core in n:   # a short name changes with its full name
                        mapping[n] = self.place_named_prefix(n).replace(f_core, self._new_token(f_core))
                    else:
                        mapping[n] = self.company(n)
            for key in ("parks", "organizations"):
                for e in gold.get(key, []):
                    for n in e["names"]:
                        mapping.setdefault(n, self.place_named(n))
        years = {y: y + 1 for y in range(1950, 2040)}
        values = {}
        amounts = {}
        for gold in self.golds.values():
            for c in gold.get("counts", []):
                values.setdefault(int(c["value"]), int(c["value"]) + self.rng.randint(1, 9))
            for i in gold.get("incentives", []):
                amounts.setdefault(int(i["amount_yuan"]), int(i["amount_yuan"]) + 10000 * self.rng.randint(1, 5))
        texts = {k: self._rewrite(t, mapping, values, amounts) for k, t in self.texts.items()}
        golds = {k: self._rewrite_gold(g, mapping, years, values, amounts) for k, g in self.golds.items()}
        return texts, golds

    def place_named_prefix(self, name: str) -> str:
        places, _, _ = self._split(name)
        prefix = "".join(places)
        return "".join(self._new_place(p) for p in places) + name[len(prefix):]

    @staticmethod
    def _names_regex(mapping: dict[str, str]) -> re.Pattern:
        names = sorted((n for n in mapping if mapping[n] != n), key=len, reverse=True)
        return re.compile("|".join(f"(?:{_pattern(n)})" for n in names)) if names else re.compile(r"(?!x)x")

    def _rename(self, text: str, mapping: dict[str, str]) -> str:
        rx = self._names_regex(mapping)
        plain = {n: v for n, v in mapping.items()}
        return rx.sub(lambda m: plain.get(re.sub(r"\s+", "", m.group()), m.group()), text)

    def _rewrite(self, text: str, mapping, values, amounts) -> str:
        text = self._rename(text, mapping)
        text = re.sub(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)", lambda m: str(int(m.group(1)) + 1), text)
        # one pass per kind, so a changed number is never changed again
        if values:
            rx = "|".join(sorted(map(str, values), key=len, reverse=True))
            text = re.sub(rf"(?<![\d.])({rx})(?=\s*(?:余|多)?\s*家)", lambda m: str(values[int(m.group(1))]), text)
        if amounts:
            wan = {f"{a / 10000:g}": f"{b / 10000:g}" for a, b in amounts.items()}
            rx = "|".join(map(re.escape, sorted(wan, key=len, reverse=True)))
            text = re.sub(rf"(?<![\d.])({rx})(?=\s*万\s*元)", lambda m: wan[m.group(1)], text)
        return text

    def _rewrite_gold(self, gold: dict, mapping, years, values, amounts) -> dict:
        ren = lambda s: None if s is None else re.sub(r"(?<!\d)((?:19|20)\d\d)(?=年)",
                                                     lambda m: str(int(m.group(1)) + 1), self._rename(s, mapping))
        out = json.loads(json.dumps(gold))
        for key in ("parks", "enterprises", "organizations"):
            for e in out.get(key, []):
                e["names"] = [ren(n) for n in e["names"]]
        for p in out.get("policies", []):
            p["title"], p["issuer"] = ren(p["title"]), ren(p.get("issuer"))
        out["located_in"] = [[ren(a), ren(b)] for a, b in out.get("located_in", [])]
        for r in out.get("recognitions", []):
            r["recipient"] = ren(r["recipient"])
            r["year"] = years.get(r.get("year"), r.get("year"))
            if r.get("name"):
                r["name"] = ren(r["name"])
        for c in out.get("counts", []):
            c["park"] = ren(c["park"])
            c["value"] = values[int(c["value"])]
            c["year"] = years.get(c.get("year"), c.get("year"))
        for i in out.get("incentives", []):
            i["park"] = ren(i["park"])
            i["amount_yuan"] = amounts[int(i["amount_yuan"])]
        return out


def make_counterfactual(docs: Path, gold: Path, out: Path, seed: int = 7) -> tuple[Path, Path]:
    """Write the counterfactual documents and gold under out; returns (docs folder, gold folder)."""
    golds = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold.glob("*.json"))}
    texts = {g["doc"]: (docs / g["doc"]).read_text(encoding="utf-8") for g in golds.values()}
    new_texts, new_golds = Counterfactual(texts, golds, seed).build()
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    for name, text in new_texts.items():
        (out / "docs" / name).write_text(text, encoding="utf-8")
    for name, g in new_golds.items():
        (out / "gold" / name).write_text(json.dumps(g, ensure_ascii=False, indent=1), encoding="utf-8")
    return out / "docs", out / "gold"


if __name__ == "__main__":
    make_counterfactual(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 7)
