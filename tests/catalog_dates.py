"""Dates in the catalog's words against the plan's windows.

Criteria, controls and descriptions name D-days ("by D−40", "至少在交付前30天", "about 150
days before delivery") and activities of the delivery-preparation plan ("round 3", "the
delivery notice", "第三轮模拟验收"). The plan gives each activity a window (anchor + offset,
for its duration). This module reads every text of a catalog, in English and in Chinese,
pairs the D-days of each clause with the plan activities the clause names, and reports every
pair whose dates cannot both hold:

- an activity named with a deadline ("by D−40", "at least 30 days before delivery") must
  finish by it;
- an activity named at a date ("at the meetings at D−180 and D−90", "about 150 days before
  delivery") must be under way on it;
- a result "recorded in" an activity must be due no later than that activity ends;
- a check item walked in a round and naming another activity's output ("permanent supply",
  "the completion filing certificate") needs that activity finished when the round ends.

A clause is a sentence or a semicolon-separated part of one. D-days of one anchor are only
compared with activities of the same anchor (an open-day task cannot be placed against
`delivery` without a project). It also reports a text whose English and Chinese name
different D-days, since one of them must then be wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from journey.catalog import Catalog
from journey.schedule import schedule
from journey.types import LocalisedText

LANGS = ("en", "zh")
NOMINAL_DELIVERY = dt.date(2030, 1, 1)  # any day: windows are compared as offsets from it

# The plan's activities as texts name them: task ids, then a pattern per language.
MENTIONS: tuple[tuple[frozenset[str], dict[str, str]], ...] = (
    (frozenset({"DP-002"}), {"en": r"\bround 1\b", "zh": r"第一轮"}),
    (frozenset({"DP-004"}), {"en": r"\bround 2\b", "zh": r"第二轮"}),
    (frozenset({"DP-014"}), {"en": r"\bround 3\b", "zh": r"第三轮"}),
    (frozenset({"DP-018"}), {"en": r"\bdelivery notices?\b", "zh": r"交付通知书|入伙通知书"}),
    (
        frozenset({"DP-006"}),
        {"en": r"\bcompletion (?:acceptance|filing)\b", "zh": r"竣工验收|竣工联合验收|备案证明"},
    ),
    (
        frozenset({"DP-007"}),
        {"en": r"\bpermanent (?:supply|water|power|utilities)\b", "zh": r"正式水电|正式水、电"},
    ),
    (frozenset({"DP-028"}), {"en": r"\bhousehold (?:quality )?acceptance\b", "zh": r"分户验收"}),
    (
        frozenset({"DP-029", "DP-030"}),
        {"en": r"\bdelivery risk[- ]assessments?\b", "zh": r"交付风险评估"},
    ),
    (
        frozenset({"DP-031"}),
        {"en": r"\bthird-party (?:pre-delivery )?assessment\b", "zh": r"第三方交付评估"},
    ),
    (frozenset({"DP-023"}), {"en": r"\bclose-out re-inspection\b", "zh": r"交付前复验"}),
    (frozenset({"DP-015"}), {"en": r"\bcentralised rectification\b", "zh": r"集中整改"}),
    (frozenset({"DP-017"}), {"en": r"\bhandover (?:documents|packs?)\b", "zh": r"交付资料"}),
    (frozenset({"DP-016"}), {"en": r"\btakeover inspection\b", "zh": r"承接查验"}),
    (frozenset({"DP-001"}), {"en": r"\bkey-customer list\b", "zh": r"重点客户名单"}),
    (frozenset({"DP-012"}), {"en": r"\bopen day\b", "zh": r"开放日"}),
    (frozenset({"DP-026"}), {"en": r"\bdelivery days\b", "zh": r"集中交付"}),
)

# What a check item can need from an earlier activity: the activity's output, not the event.
DELIVERABLES: tuple[tuple[frozenset[str], dict[str, str]], ...] = (
    (
        frozenset({"DP-007"}),
        {"en": r"\bpermanent (?:supply|water|power|utilities)\b", "zh": r"正式水电|正式水、电"},
    ),
    (
        frozenset({"DP-006"}),
        {"en": r"\bcompletion filing certificate\b", "zh": r"竣工验收备案证明"},
    ),
    (frozenset({"DP-017"}), {"en": r"\bhandover packs?\b", "zh": r"交付资料袋"}),
    (
        frozenset({"DP-028"}),
        {"en": r"\bhousehold quality acceptance record\b", "zh": r"分户验收表"},
    ),
)

# D-days: (pattern, anchor). Groups: the number of days, or two numbers for a range; the
# Chinese lists "交付前180天和90天" give one D-day per number.
DDAYS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (r"(?<![A-Za-z])D\s*[−-]\s*(\d+)", "delivery"),
        (r"(\d+)\s*[–-]\s*(\d+) days before (?:the )?delivery\b(?! days)", "delivery"),
        (r"(\d+) days before (?:the )?delivery\b(?! days)", "delivery"),
        (r"(\d+) days before the open day", "open_day"),
    ),
    "zh": (
        (r"(?<![A-Za-z])D\s*[−-]\s*(\d+)", "delivery"),
        (r"交付前\s*(\d+)\s*[–-]\s*(\d+)\s*天", "delivery"),
        (r"交付前\s*(\d+)\s*天((?:\s*[、和及]\s*\d+\s*天)*)", "delivery"),
        (r"开放日前\s*(\d+)\s*天", "open_day"),
    ),
}
DEADLINE_BEFORE = {
    "en": re.compile(r"\b(?:by|no later than|at least|before)\s+$"),
    "zh": re.compile(r"(?:最迟于?|不晚于|至少在?)\s*$"),
}
RECORDED = {
    "en": re.compile(r"\b(?:recorded|logged|entered) in\b"),
    "zh": re.compile(r"记入|录入"),
}
CLAUSE_BREAK = {"en": re.compile(r";\s+|\.\s+(?=[A-Z《(])"), "zh": re.compile(r"[；。]")}


@dataclass(frozen=True)
class DDay:
    """A day relative to a milestone: `early` and `late` offsets (equal unless a range)."""

    anchor: str
    early: int
    late: int
    deadline: bool
    span: tuple[int, int]

    def label(self) -> str:
        """`D−30`, `D−60…D−45`, or `open_day−60`."""
        name = "D" if self.anchor == "delivery" else self.anchor
        days = (
            f"−{-self.late}" if self.early == self.late else f"−{-self.early}…{name}−{-self.late}"
        )
        return f"{name}{days}"


@dataclass(frozen=True)
class Window:
    """A plan task's planned days, as offsets from its anchor."""

    task: str
    anchor: str
    start: int
    finish: int


@dataclass(frozen=True)
class Text:
    """One text of the catalog: whose it is, which field, and the checklist window it lives in."""

    owner: str
    field: str
    value: LocalisedText
    home: frozenset[str] = frozenset()  # the tasks that apply the checklist it belongs to
    is_item: bool = False


@dataclass(frozen=True)
class Contradiction:
    """Dates in one clause of a text that the plan cannot satisfy."""

    owner: str
    field: str
    lang: str
    clause: str
    tasks: frozenset[str]
    rule: str
    dday: str = ""

    def __str__(self) -> str:
        when = f" {self.dday}" if self.dday else ""
        tasks = ", ".join(sorted(self.tasks))
        return (
            f"{self.owner} {self.field} [{self.lang}]: {self.rule}{when} vs {tasks}: {self.clause}"
        )


def windows(catalog: Catalog) -> dict[str, Window]:
    """Every plan task's planned window, from its own anchor."""
    anchors = {t.anchor for t in catalog.tasks.values()}
    plan = schedule(catalog.tasks.values(), dict.fromkeys(anchors, NOMINAL_DELIVERY))
    return {
        tid: Window(
            tid,
            slot.task.anchor,
            (slot.planned_start - NOMINAL_DELIVERY).days,
            (slot.planned_finish - NOMINAL_DELIVERY).days,
        )
        for tid, slot in plan.slots.items()
    }


def checklist_tasks(catalog: Catalog) -> dict[str, frozenset[str]]:
    """The tasks that apply each checklist: those whose description names it as a checklist."""
    out: dict[str, frozenset[str]] = {}
    for cid in catalog.checklists:
        pattern = re.compile(rf"(?i)\bchecklist {re.escape(cid)}\b|\b{re.escape(cid)} checklist\b")
        out[cid] = frozenset(
            t.id
            for t in catalog.tasks.values()
            if t.description is not None and pattern.search(t.description.get("en"))
        )
    return out


def texts(catalog: Catalog) -> Iterator[Text]:
    """Every text that can name a date, with its context."""
    homes = checklist_tasks(catalog)
    for point in catalog.points.values():
        if point.description is not None:
            yield Text(point.id, "description", point.description)
    for risk in catalog.risks.values():
        if risk.description is not None:
            yield Text(risk.id, "description", risk.description)
        for n, control in enumerate(risk.controls):
            yield Text(risk.id, f"controls[{n}]", control)
    for cid, checklist in catalog.checklists.items():
        if checklist.description is not None:
            yield Text(cid, "description", checklist.description, homes[cid])
    for iid, item in catalog.check_items.items():
        home = homes[catalog.item_checklist[iid]]
        for name in ("method", "criterion", "description"):
            value = getattr(item, name)
            if value is not None:
                yield Text(iid, name, value, home, is_item=True)
    for pid, plan in catalog.plans.items():
        if plan.description is not None:
            yield Text(pid, "description", plan.description)
    for task in catalog.tasks.values():
        if task.description is not None:
            yield Text(task.id, "description", task.description)


def ddays(clause: str, lang: str) -> list[DDay]:
    """The D-days a clause names, each once, in the order they appear."""
    found: list[DDay] = []
    taken: list[tuple[int, int]] = []
    for pattern, anchor in DDAYS[lang]:
        for match in re.finditer(pattern, clause):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append(match.span())
            found.extend(_ddays_of(match, anchor, lang, clause))
    return sorted(found, key=lambda d: d.span)


def _ddays_of(match: re.Match[str], anchor: str, lang: str, clause: str) -> list[DDay]:
    deadline = bool(DEADLINE_BEFORE[lang].search(clause[: match.start()]))
    groups = [g for g in match.groups() if g]
    if len(groups) == 2 and groups[1].isdigit():  # a range, "45–60 days"
        a, b = int(groups[0]), int(groups[1])
        return [DDay(anchor, -max(a, b), -min(a, b), deadline, match.span())]
    numbers = [int(groups[0])] + [int(n) for n in re.findall(r"\d+", "".join(groups[1:]))]
    return [DDay(anchor, -n, -n, deadline, match.span()) for n in numbers]


@dataclass(frozen=True)
class Mention:
    """A plan activity named in a clause, and where."""

    tasks: frozenset[str]
    span: tuple[int, int]


def mentions(
    clause: str,
    lang: str,
    blanked: list[tuple[int, int]],
    vocabulary: tuple[tuple[frozenset[str], dict[str, str]], ...] = MENTIONS,
) -> list[Mention]:
    """The plan activities a clause names, outside its D-day expressions."""
    text = list(clause)
    for a, b in blanked:
        text[a:b] = " " * (b - a)
    plain = "".join(text)
    return [
        Mention(tasks, match.span())
        for tasks, words in vocabulary
        for match in re.finditer(words[lang], plain)
    ]


def nearest(day: DDay, named: list[Mention]) -> frozenset[str]:
    """The activity named closest to a D-day: the one the date is about."""

    def gap(m: Mention) -> int:
        return max(m.span[0] - day.span[1], day.span[0] - m.span[1], 0)

    return min(named, key=lambda m: (gap(m), m.span)).tasks


def clauses(text: str, lang: str) -> list[str]:
    """Sentences, and the semicolon-separated parts of them."""
    return [c.strip() for c in CLAUSE_BREAK[lang].split(text.replace("\n", " ")) if c.strip()]


def analyse(catalog: Catalog) -> list[Contradiction]:
    """Every clause whose D-days and named plan activities contradict the plan's windows."""
    plan = windows(catalog)
    found: list[Contradiction] = []
    for text in texts(catalog):
        found += _parity(text)
        for lang in LANGS:
            for clause in clauses(text.value.get(lang), lang):
                found += _clause(text, lang, clause, plan)
    return found


def _parity(text: Text) -> list[Contradiction]:
    """The English and the Chinese of a text name the same D-days."""
    days = {
        lang: sorted(
            (d.anchor, d.early, d.late)
            for c in clauses(text.value.get(lang), lang)
            for d in ddays(c, lang)
        )
        for lang in LANGS
    }
    if days["en"] == days["zh"]:
        return []
    return [Contradiction(text.owner, text.field, "en/zh", str(days), frozenset(), "D-days differ")]


def _clause(text: Text, lang: str, clause: str, plan: dict[str, Window]) -> list[Contradiction]:
    days = ddays(clause, lang)
    if not days:
        if text.is_item:
            named = mentions(clause, lang, [], DELIVERABLES)
            return _deliverables(text, lang, clause, [m.tasks for m in named], plan)
        return []
    named = mentions(clause, lang, [d.span for d in days])
    recorded = bool(RECORDED[lang].search(clause))
    out: list[Contradiction] = []
    for day in days:
        if named:
            group = nearest(day, named)
        elif text.home and not text.is_item:
            group = text.home  # a checklist's own description dates the round that applies it
        else:
            continue
        spans = [plan[t] for t in group if t in plan and plan[t].anchor == day.anchor]
        rule = "recorded" if recorded else "deadline" if day.deadline else "at"
        if spans and not any(_holds(rule, day, w) for w in spans):
            out.append(
                Contradiction(text.owner, text.field, lang, clause, group, rule, day.label())
            )
    return out


def _holds(rule: str, day: DDay, window: Window) -> bool:
    if rule == "recorded":  # what is recorded in the activity is due before it ends
        return day.late <= window.finish
    if rule == "deadline":
        return window.finish <= day.late
    return window.start <= day.late and day.early <= window.finish


def _deliverables(
    text: Text, lang: str, clause: str, named: list[frozenset[str]], plan: dict[str, Window]
) -> list[Contradiction]:
    """A check item needs the outputs it names finished when the round that walks it ends."""
    homes = [plan[t] for t in text.home if t in plan]
    out: list[Contradiction] = []
    for group in named:
        if group & text.home:
            continue
        for home in homes:
            spans = [plan[t] for t in group if t in plan and plan[t].anchor == home.anchor]
            if spans and not any(w.finish <= home.finish for w in spans):
                out.append(
                    Contradiction(
                        text.owner, text.field, lang, clause, group, f"needed by {home.task}"
                    )
                )
    return out
