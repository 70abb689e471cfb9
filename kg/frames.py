"""Frames: general sentence frames over typed mentions → Facts (lists of recipients, counts, rewards).

A sentence is first rewritten as a typed string: every park, enterprise, organisation, designation and policy
mention becomes one character standing for its type; every other character stays as it is. A frame is a regular
expression over that string, written as data (kg/data/rules/) with macros for the types (<ENT>, <DES> …) and
for the lexicon's word classes (<OBTAIN>, <LEVEL> …), as cascaded finite-state grammars and spaCy's Matcher do.
Its named groups say which mentions fill which role; the frame's production turns a match into facts."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterator

from .entities import entity_id
from .mentions import level_before, starts_with_place
from .model import Fact, Mention, Sentence
from .quantities import number, year_in
from .rules import Rule, rules
from .vocabulary import COUNT, QUOTES, platform_codes, vocabulary

# one private-use character per mention type: a frame's pattern matches them as it matches words
TYPE_CHAR = {"enterprise": "\ue001", "park": "\ue002", "anaphor": "\ue003", "organization": "\ue004",
             "designation": "\ue005", "policy": "\ue006"}
_ANY_TYPE = "\ue001-\ue006"
_NAMES = "\ue001\ue002\ue004\ue006"   # firms, parks, bodies, policies: an honour's title may hold a designation or a
                                     # park's kind word (“专精特新”十强园区), never a name
# the longest run of names a frame reads at once: every repeat is bounded, so a frame's match costs at most a
# constant at each position and a page without full stops is read in linear time
_RUN = 60


@dataclass(frozen=True)
class Typed:
    """A sentence as a typed string: text, and for each of its characters the mention it stands for (or None)
    and the offset in the cleaned text it starts at."""
    text: str
    mentions: tuple[Mention | None, ...]
    offsets: tuple[int, ...]

    def surface(self, start: int, end: int) -> str:
        """The words typed text[start:end] stands for."""
        return "".join(m.surface if m is not None else c for c, m in zip(self.text[start:end], self.mentions[start:end]))


def typed_sentence(text: str, sentence: Sentence, mentions: list[Mention]) -> Typed:
    """The sentence with each outermost mention replaced by its type's character (a mention nested in another,
    such as a park inside a firm's legal name, stays inside it)."""
    chars: list[str] = []
    slots: list[Mention | None] = []
    offsets: list[int] = []
    pos = sentence.start
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.kind not in TYPE_CHAR or m.kind == "anaphor" and m.key != "park":
            continue
        chars.extend(text[pos:m.start])
        slots.extend([None] * (m.start - pos))
        offsets.extend(range(pos, m.start))
        chars.append(TYPE_CHAR[m.kind])
        slots.append(m)
        offsets.append(m.start)
        pos = m.end
    chars.extend(text[pos:sentence.end])
    slots.extend([None] * (sentence.end - pos))
    offsets.extend(range(pos, sentence.end))
    return Typed("".join(chars), tuple(slots), tuple(offsets))


@cache
def macros() -> dict[str, str]:
    """What each <NAME> of a frame's pattern stands for."""
    v = vocabulary()
    levels = sorted({w for ws in v.lexicon["levels"].values() for w in ws}, key=len, reverse=True)
    c = TYPE_CHAR
    holders = c["enterprise"] + c["organization"] + c["park"] + c["anaphor"]
    return {
        "ENT": c["enterprise"], "PARK": f"[{c['park']}{c['anaphor']}]", "NAMEDPARK": c["park"],
        "ORG": c["organization"], "BODY": f"[{c['organization']}{c['park']}]",
        "ISSUE": f"(?:{v.alternation('policies', 'issue_verbs')})", "DES": c["designation"], "POL": c["policy"],
        "HOLDER": f"[{c['enterprise']}{c['organization']}{c['park']}{c['anaphor']}]",
        "HOLDERS": f"[{holders}](?:（[^（）]{{1,12}}）)?(?:(?:、|和|及|与|以及)[{holders}](?:（[^（）]{{1,12}}）)?){{0,{_RUN}}}",
        "HONOUR": f"[{re.escape(QUOTES)}]?(?![该此这其本的])(?:(?:19|20)\\d\\d年度?)?[^，。；：！？、{_NAMES}]{{1,26}}?"
                  f"(?:{v.alternation('recognition', 'honour_endings')}|{c['anaphor']})[{re.escape(QUOTES)}]?",
        "ITEMS": f"(?:[{holders}]|[^、，。；：！？（{_ANY_TYPE}]{{2,14}})(?:（[^（）]{{1,12}}）)?"
                 f"(?:、(?:[{holders}]|[^、，。；：！？（{_ANY_TYPE}]{{2,14}})(?:（[^（）]{{1,12}}）)?){{0,{_RUN}}}",
        "ENTS": f"{c['enterprise']}(?:(?:、|，|和|及|与|以及){c['enterprise']}){{0,{_RUN}}}",
        "DESS": f"{c['designation']}(?:(?:[、和及与][^，。；：！？{_ANY_TYPE}]{{0,6}}?)?{c['designation']}){{0,{_RUN}}}",
        "GAP": f"[^，。；：！？{_ANY_TYPE}]",
        "TIGHT": f"[^、，。；：！？{_ANY_TYPE}]",
        "NOTENT": f"[^，。；：！？{c['enterprise']}]",
        "NOENT": f"[^，。；：！？{c['enterprise']}{c['designation']}]",
        "WIDE": f"[^。；！？{_ANY_TYPE}]",
        "ANY": "[^。；！？]",
        "CLAUSE": "[^，。；：！？]",
        "NUM": COUNT.replace("(", "(?:", 1),
        "Q": f"[{re.escape(QUOTES)}]?",
        "YEAR": r"(?:19|20)\d\d年度?",
        "LEVEL": "(?:" + "|".join(map(re.escape, levels)) + ")",
        "OBTAIN": f"(?:{v.alternation('recognition', 'verbs')})",
        "ADV": f"(?:{v.alternation('enterprise', 'subject_adverbs')})",
        "APPROX": f"(?:{v.alternation('counts', 'approximations')})",
        "MONEY": r"(?:最高)?(?:\d+(?:\.\d+)?)(?:万|亿)?元",
        "REWARD": f"(?:{v.alternation('incentives', 'reward_words')})",
    }


_MACRO = re.compile(r"<([A-Z]+)>")


def compile_pattern(pattern: str) -> re.Pattern:
    """A frame's pattern with its macros expanded."""
    table = macros()
    return re.compile(_MACRO.sub(lambda m: table[m.group(1)], pattern))


@dataclass(frozen=True)
class Frame:
    rule: Rule
    pattern: re.Pattern
    needs: tuple[re.Pattern, ...]
    guard: re.Pattern | None
    produce: Callable


def compile_guard(words: tuple[str, ...]) -> re.Pattern | None:
    """A guard's words as one pattern; @section.list stands for a word list of the lexicon."""
    v = vocabulary()
    expanded = [w for word in words for w in (v.words(*word[1:].split(".")) if word.startswith("@") else (word,))]
    return re.compile("|".join(map(re.escape, expanded))) if expanded else None


@dataclass(frozen=True)
class Scene:
    """What a frame's production reads besides its match: the sentence as evidence, the section's park, the last
    policy and the list the section speaks of."""
    evidence: str
    park: str | None
    policy: str | None = None         # the last policy the section named before the sentence
    listing: tuple[str, str | None] | None = None   # the list the section speaks of: (designation, OTHER's title)


def _members(typed: Typed, match: re.Match, group: str) -> list[Mention]:
    if group not in match.re.groupindex or match.group(group) is None:
        return []
    return [m for m in typed.mentions[match.start(group):match.end(group)] if m is not None]


def _holder_id(m: Mention, scene: Scene) -> str | None:
    return scene.park if m.kind == "anaphor" else entity_id(m.kind, m.key)


def _park_of(typed: Typed, match: re.Match, scene: Scene) -> str | None:
    """The park a match names in its group park, else the last park the sentence names before it, else the
    section's park."""
    named = _members(typed, match, "park") if "park" in match.re.groupindex else []
    if not named:
        named = [m for m in typed.mentions[:match.start()] if m is not None and m.kind in ("park", "anaphor")][-1:]
    return _holder_id(named[-1], scene) if named else scene.park


def _level(d: Mention, typed: Typed) -> str | None:
    """A designation's level: the words before it, else the designation's own (小巨人 is national), else the level of
    the body the sentence names before it (the list's issuer: 省科技厅, 工信部), else a park's own list (ParkLevel)
    when a park announces it."""
    if d.level:
        return d.level
    default = vocabulary().designations[d.key].default_level
    if default:
        return default
    before = typed.mentions[:typed.mentions.index(d)]
    bodies = [m for m in before if m is not None and m.kind == "organization"]
    if bodies:
        return level_before(bodies[-1].surface + "□", len(bodies[-1].surface) + 1)
    parks = [i for i, m in enumerate(before) if m is not None and m.kind == "park"]
    if parks and _ANNOUNCING.search(typed.text, parks[-1], typed.mentions.index(d)):
        return "ParkLevel"
    return None


_ANNOUNCING = re.compile("公布|发布|认定|评选|评定")


def _recognitions(frame: Frame, typed: Typed, match: re.Match, scene: Scene) -> Iterator[Fact]:
    """A recognition for every holder in the group who: of each designation in what, else of the honour named in
    honour (OTHER, its level read from the words its title opens with), else of the list the section speaks of."""
    readings = [(d.key, _level(d, typed)) for d in _members(typed, match, "what") if d.kind == "designation"]
    title = typed.surface(match.start("honour"), match.end("honour")).strip(QUOTES) \
        if match.groupdict().get("honour") else None
    if title and _DESIGNATION_ITSELF.search(typed.text[match.start("honour"):match.end("honour")]):
        title = None                                  # 获评省级瞪羚企业: the designation, which other frames read
    if not readings and not title and not {"what", "honour"} & match.re.groupindex.keys() and scene.listing:
        code, title = scene.listing                   # 名单如下：甲、乙 / 上榜的还有甲、乙: the list spoken of
        readings = [] if code == "OTHER" else [(code, None)]
    holders = _members(typed, match, "who")
    respectively = "分别" in match.group() and len(holders) == len(readings) > 1
    year = _year_before(typed, match.end())
    for i, who in enumerate(holders):
        holder = _holder_id(who, scene)
        if not holder:
            continue
        for code, level in readings[i:i + 1] if respectively else readings:   # 甲、乙分别获评A、B: in order
            yield Fact("recognition", holder, scene.evidence, frame.rule.id, frame.rule.confidence,
                       designation=code, level=level, year=year)
        if title and (not readings or "what" in match.re.groupindex) and not _COUNTED.search(title):
            yield Fact("recognition", holder, scene.evidence, frame.rule.id, frame.rule.confidence,
                       designation="OTHER", honour=_YEAR_OPENING.sub("", title),
                       level=level_before(title[:8] + "□", min(len(title), 8) + 1), year=year)


def _year_before(typed: Typed, end: int) -> int | None:
    """The year the sentence states up to end (the list's year: 在2023年认定的…中), the last one said."""
    years = [y for y in (year_in(typed.text[m.start():end]) for m in _YEAR_AT.finditer(typed.text, 0, end)) if y]
    return years[-1] if years else None


_YEAR_AT = re.compile(r"(?:19|20)\d\d年")
# an honour that holds a designation and ends as a firm's title is that designation (市级“专精特新”示范企业)
_DESIGNATION_ITSELF = re.compile(f"{TYPE_CHAR['designation']}(?:.*(?:企业|{TYPE_CHAR['designation']}))?[{re.escape(QUOTES)}]?"
                                 f"(?:称号|荣誉|名单)?[{re.escape(QUOTES)}]?$")
_COUNTED = re.compile(r"\d+[家个项名]")         # 31家企业: a number of firms, no honour's title
_YEAR_OPENING = re.compile(r"^(?:19|20)\d\d年度?")


def _counts(frame: Frame, typed: Typed, match: re.Match, scene: Scene) -> Iterator[Fact]:
    """A count for each value the match gives (value, and value2 of a figure grown to another): its designation
    (else the last one the sentence named before it, else the list the section speaks of) and its park."""
    park = _park_of(typed, match, scene)
    codes = [d.key for d in _members(typed, match, "what") if d.kind == "designation"] \
        if "what" in match.re.groupindex else \
        [m.key for m in typed.mentions[:match.start()] if m is not None and m.kind == "designation"][-1:]
    if not codes and "what" not in match.re.groupindex and scene.listing and scene.listing[0] != "OTHER":
        codes = [scene.listing[0]]                    # 某园区4家企业榜上有名: of the list the section speaks of
    if park and len(codes) == 1 and codes[0] not in platform_codes() and not _wider_scope(typed, match):
        for group in ("value", "value2"):
            if match.groupdict().get(group):
                yield Fact("count", park, scene.evidence, frame.rule.id, frame.rule.confidence,
                           designation=codes[0], value=number(match.group(group)), year=year_in(match.group()))


def _wider_scope(typed: Typed, match: re.Match) -> bool:
    """Whether the count is of a wider area than a park: a word for one (全省, 全市) between the last park named
    before the match and the match, or a province or city (某市, 某省) right before the designation; never when the
    match names its park."""
    if _members(typed, match, "park"):
        return False
    parks = [i for i, m in enumerate(typed.mentions[:match.start()]) if m is not None and m.kind in ("park", "anaphor")]
    since = parks[-1] + 1 if parks else 0
    if vocabulary().finder("counts", "wider_scopes").search(typed.text, since, match.end()):
        return True
    return bool(_PLACE_BEFORE_DESIGNATION.search(match.group()))


_PLACE_BEFORE_DESIGNATION = re.compile(f"[市省](?!级)[{QUOTES}]?{TYPE_CHAR['designation']}")


def _issuers(frame: Frame, typed: Typed, match: re.Match, scene: Scene) -> Iterator[Fact]:
    """A policy (the match's title, else the last one the section named) issued by the first body in who."""
    policies = [m for m in _members(typed, match, "what") if m.kind == "policy"]
    policy = entity_id("policy", policies[0].key) if policies else scene.policy
    issuers = [m for m in _members(typed, match, "who") if m.kind in ("organization", "park", "anaphor")]
    issuer = _holder_id(issuers[0], scene) if issuers else None
    if policy and issuer:
        yield Fact("issued_by", policy, scene.evidence, frame.rule.id, frame.rule.confidence, obj=issuer)


def _amount(money: str) -> float:
    """Yuan in a sum as written (最高50万元, 1.5亿元)."""
    m = _MONEY.search(money)
    return number(m.group(1)) * {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)


_MONEY = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?元")


def _item_title(item: str, typed: Typed, match: re.Match) -> str:
    """The title of a list's item that is no designation (设立种子瞪羚、…、瞪羚企业 → 种子瞪羚企业): without
    the words that lead into the list, with the 企业 the list's last item ends with."""
    title = _ITEM_LEAD.sub("", item.strip(QUOTES))
    last = typed.mentions[match.end("items") - 1]
    if last is not None and last.surface.endswith("企业") and not title.endswith("企业"):
        title += "企业"
    return title


_ITEM_LEAD = re.compile(r"^(?:建立|打造|设立|构建|形成|培育|认定|对|为|将|按|含)+")


def anothers_reward(mentions: list[Mention], pos: int) -> bool:
    """市政府出台《某市…措施》，对…给予: a sentence (its mentions) that names no park, and before pos a government or a
    policy of a place (a province, a city, a county) that is no park's, speaks of that place's reward, not of the
    section's park."""
    hosts = vocabulary().finder("enterprise", "host_words")
    return not any(m.kind == "park" for m in mentions) and any(
        m.kind in ("policy", "organization") and m.start < pos and
        (starts_with_place(m.surface) or m.surface[:1] in "省市县") and not hosts.search(m.surface) for m in mentions)


def _incentives(frame: Frame, typed: Typed, match: re.Match, scene: Scene) -> Iterator[Fact]:
    """Money a park gives for a designation: the match's designations and amounts in order when it has as many
    of each (分别给予…), else every amount for every designation; an item of the list that is no designation is an
    honour of its own (OTHER)."""
    park = _park_of(typed, match, scene)
    if not park or anothers_reward([m for m in typed.mentions if m is not None], typed.offsets[match.start("amount")]):
        return
    amounts = [_amount(m.group()) for m in _MONEY.finditer(match.group("amount"))]
    if "items" in match.re.groupindex:
        start = match.start("items")
        conditions, pos = [], start
        for item in match.group("items").split("、"):
            d = next((m for m in typed.mentions[pos:pos + len(item)] if m is not None and m.kind == "designation"), None)
            conditions.append((d.key, None) if d else ("OTHER", _item_title(item, typed, match)))
            pos += len(item) + 1
    else:
        conditions = [(d.key, None) for d in _members(typed, match, "what") if d.kind == "designation"]
    pairs = zip(conditions, amounts) if len(conditions) == len(amounts) > 1 else \
        [(c, a) for c in conditions for a in amounts]
    for (code, honour), amount in pairs:
        yield Fact("incentive", park, scene.evidence, frame.rule.id, frame.rule.confidence,
                   designation=code, honour=honour, value=amount)


@cache
def _announcements() -> tuple[re.Pattern, ...]:
    """A body that announces a designation's list (某管委会公布2024年度瞪羚企业名单), a list said to be out
    (某高新区2024年瞪羚企业榜单近日出炉), and one whose members follow (…为省级瞪羚企业，名单如下：)."""
    return (compile_pattern(r"(?P<who><BODY>)<GAP>{0,12}?(?:公布|发布|公示|揭晓|印发|认定|评选)了?<GAP>{0,16}?(?P<what><DESS>)"),
            compile_pattern(r"(?P<what><DESS>)<Q>(?:企业)?(?:名单|榜单)<GAP>{0,4}?(?:公布|发布|出炉|揭晓|公示)"),
            compile_pattern(r"(?P<what><DESS>)<Q><GAP>{0,6}?[，：]?(?:名单|榜单)(?:如下|为)"))


def body_level(m: Mention) -> str | None:
    """The level of a list a body or a park issues: a park's own, or the level its name says (省科技厅, 工信部)."""
    if m.kind in ("park", "anaphor"):
        return "ParkLevel"
    return level_before(m.surface + "□", len(m.surface) + 1) or \
        ("ParkLevel" if _PARK_BODY.search(m.surface) else None)


_PARK_BODY = re.compile("管委会|管理委员会|党工委")


def announced_lists(text: str, sentence: Sentence, mentions: list[Mention]) -> list[Fact]:
    """The lists a sentence announces (某管委会公布2024年度瞪羚企业名单) or names as a policy's title, as facts of kind
    list: their designation, level and year where said, and the policy whose title it is (obj; its issuer's level
    is the list's when the title names none). They are no facts of the graph: they give recognitions their lists'."""
    typed = typed_sentence(text, sentence, mentions)
    evidence = text[sentence.start:sentence.end]
    out = []
    for m in (m for pattern in _announcements() for m in pattern.finditer(typed.text)):
        who = _members(typed, m, "who")
        for d in _members(typed, m, "what"):
            out.append(Fact("list", "", evidence, "list.announced", 1.0, designation=d.key,
                            level=d.level or (body_level(who[0]) if who else None), year=_year_before(typed, m.end())))
    v = vocabulary()
    for p in (m for m in mentions if m.kind == "policy"):
        for d in v.designation_re.finditer(p.key):
            code = v.form_to_code.get(d.group().translate({ord(c): None for c in QUOTES}))
            if code:
                out.append(Fact("list", "", evidence, "list.title", 1.0, obj=entity_id("policy", p.key), designation=code,
                                level=level_before(p.key, d.start()), year=year_in(p.key)))
    return out


PRODUCTIONS = {"recognition": _recognitions, "count": _counts, "issued_by": _issuers, "incentive": _incentives}


@cache
def frames() -> tuple[Frame, ...]:
    return tuple(Frame(r, compile_pattern(r.pattern), tuple(map(compile_pattern, r.needs)), compile_guard(r.guard),
                       PRODUCTIONS[r.produces]) for r in rules().values() if r.pattern)


def frame_facts(text: str, sentence: Sentence, mentions: list[Mention], scene: Scene) -> list[Fact]:
    """Every fact the frames read in one sentence."""
    typed = typed_sentence(text, sentence, mentions)
    out: list[Fact] = []
    for frame in frames():
        if frame.guard and frame.guard.search(sentence.text) or not all(n.search(typed.text) for n in frame.needs):
            continue
        for match in frame.pattern.finditer(typed.text):
            out.extend(frame.produce(frame, typed, match, scene))
    return out
