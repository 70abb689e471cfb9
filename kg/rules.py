"""The rule registry (kg/data/rules/, one file per family): every extraction rule's id, what it produces, its
confidence as measured on the development corpus, and the invented examples it must and must not match. Loaded once
and validated."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from .errors import InputError

KINDS = ("located_in", "issued_by", "recognition", "count", "incentive", "list")
FAMILIES = ("located", "issuer", "recognition", "count", "incentive", "list")     # one file each, read in this order


@dataclass(frozen=True)
class Example:
    text: str
    facts: tuple[tuple[str, ...], ...]     # (kind, subject name, designation code | object name[, value])


@dataclass(frozen=True)
class Rule:
    id: str
    produces: str
    description: str
    confidence: float
    pattern: str | None = None                # a frame's pattern over typed mentions; None for a rule in code
    needs: tuple[str, ...] = ()              # what the typed sentence must hold, every item, for the frame to be tried
    guard: tuple[str, ...] = ()              # words that, anywhere in the sentence, keep the frame from matching
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[str, ...] = ()


def _rule(row: dict, family: str) -> Rule:
    where = f"kg/data/rules/{family}.yaml: rule {row.get('id', '?')}"
    for key in ("id", "produces", "description", "confidence"):
        if key not in row:
            raise InputError(f"{where}: '{key}' is missing")
    if not str(row["id"]).startswith(family + "."):
        raise InputError(f"{where}: the id does not open with its family '{family}.'")
    if row["produces"] not in KINDS:
        raise InputError(f"{where}: produces '{row['produces']}', expected one of {', '.join(KINDS)}")
    if not 0 < float(row["confidence"]) <= 1:
        raise InputError(f"{where}: confidence {row['confidence']} is not in (0, 1]")
    return Rule(row["id"], row["produces"], row["description"].strip(), float(row["confidence"]), row.get("pattern"),
                tuple(row.get("needs", ())), tuple(row.get("guard", ())),
                tuple(Example(e["text"], tuple(tuple(map(str, f)) for f in e.get("facts", ()))) for e in row.get("examples", ())),
                tuple(row.get("counter_examples", ())))


@cache
def rules() -> dict[str, Rule]:
    """Every rule by id, family by family in the registry's order (frames are tried in it)."""
    out: dict[str, Rule] = {}
    for family in FAMILIES:
        rows = yaml.safe_load((files("kg.data") / "rules" / f"{family}.yaml").read_text(encoding="utf-8"))
        for row in rows:
            r = _rule(row, family)
            if r.id in out:
                raise InputError(f"kg/data/rules/{family}.yaml: rule {r.id} is listed twice")
            out[r.id] = r
    return out


def confidence(rule_id: str) -> float:
    return rules()[rule_id].confidence
