"""Every rule of the registry (kg/data/rules/) on its own invented examples: each must give the facts listed,
by that rule, and each counter-example must give no fact by it. A frame is run on its own (a coded rule reading
the same fact would otherwise take its place); a coded rule through the whole extraction."""
import pytest

from kg.build import extract_article
from kg.clean import clean
from kg.facts import find_facts
from kg.mentions import find_mentions
from kg.rules import KINDS, rules
from kg.sentences import split_sentences


def facts_by(rule_id: str, text: str) -> list:
    """The facts rule_id gives on text: a coded rule's after the whole extraction, a frame's among the candidates
    every rule reads (a coded rule's reading of the same fact would take its place in the decision)."""
    if not rules()[rule_id].pattern:
        return [f for f in extract_article("example.txt", text).facts if f.rule == rule_id]
    doc = clean(text)
    sentences = split_sentences(doc)
    return [f for f in find_facts(doc, sentences, find_mentions(doc, sentences)) if f.rule == rule_id]


def _named(entity_id: str) -> str:
    return entity_id.split(":", 1)[1]


def _reading(f) -> tuple[str, ...]:
    """A fact as an example writes it: kind, subject name, designation (or object name)[, value]."""
    third = _named(f.obj) if f.obj else f.designation
    value = () if f.value is None else (str(int(f.value)) if f.value == int(f.value) else str(f.value),)
    return (f.kind, _named(f.subject), third) + value


EXAMPLES = [(r.id, e) for r in rules().values() for e in r.examples]
COUNTER = [(r.id, text) for r in rules().values() for text in r.counter_examples]


def test_registry_is_whole():
    for r in rules().values():
        assert r.produces in KINDS and 0 < r.confidence <= 1 and r.description
        assert r.id.split(".")[0] in ("located", "issuer", "recognition", "count", "incentive", "list")
    frames = [r for r in rules().values() if r.pattern]
    assert frames and all(r.examples for r in frames)     # every frame shows what it reads


@pytest.mark.parametrize("rule_id, example", EXAMPLES, ids=[f"{r}:{i}" for i, (r, _) in enumerate(EXAMPLES)])
def test_rule_gives_its_examples(rule_id, example):
    got = {_reading(f) for f in facts_by(rule_id, example.text)}
    for expected in example.facts:
        assert tuple(expected) in got, f"{rule_id} on {example.text!r}: {got}"


@pytest.mark.parametrize("rule_id, text", COUNTER, ids=[f"{r}:{i}" for i, (r, _) in enumerate(COUNTER)])
def test_rule_keeps_off_its_counter_examples(rule_id, text):
    assert facts_by(rule_id, text) == []
