"""Generate the example projects' findings: `harbour-view/` and `lakeside/`, and the
unit register of Harbour View (every home, its customer tags, the day it was walked).

Deterministic (each project has its own `random.Random` seed): running it again writes the
same bytes, and tests/test_example.py checks that. The density is that of real internal
rounds of simulated acceptance:

- rounds 1 (civil) and 2 (installation) sample 10–20 % of the homes of each building —
  always every home of the lowest and the top residential floor, the rest drawn at random —
  and find roughly 10–30 defects in each home they enter;
- round 3 (finishing works) is no sample: it walks every home, as the owner will, and finds
  a handful in each.

Harbour View Phase 2 (海景二期) is recorded as a Chinese team writes it: rooms, contractors
and notes in Chinese. As of 2026-10-20:

- Round 1, civil works (2026-07-29 to 08-08): T1–T5 have verified everything except three
  hollowing findings in T5 on which customer relations and the main contractor disagree
  about the repair method; T6, whose main-contractor crew was moved to Phase 3 in August,
  still has about one in six open.
- Round 2, installation (2026-09-27 to 10-07): T1–T5 about 97 % verified; T6 about half.
- Round 3 has walked every home of T1–T4 ahead of the open day (2026-10-12 to 10-16);
  about 40 % of what it found is verified so far. T5 and T6 are not finished enough yet.

Lakeside Gardens Phase 1 is kept in English for English-speaking users: three buildings,
rounds 1 and 2 done and almost all verified, its open day on 2026-10-22.

Each finding has a severity (minor, major, critical), drawn from a random stream of its
own: leaks, wiring and fire doors are rarely minor.

    python examples/make_findings.py            # rewrites the CSV files
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
COLUMNS = [
    "id",
    "item",
    "building",
    "unit",
    "room",
    "status",
    "found",
    "due",
    "closed",
    "contractor",
    "note",
    "severity",
]
UNIT_COLUMNS = ["building", "unit", "floor", "area", "type", "tags", "inspected"]


@dataclass(frozen=True)
class Kind:
    """A kind of finding: the checklist item, how often it comes up, who fixes it, where."""

    item: str
    weight: int
    contractor: str
    rooms: tuple[str, ...]
    public: bool = False  # a public area: no unit
    severity: tuple[int, int, int] = (80, 18, 2)  # weights of minor, major, critical


@dataclass(frozen=True)
class Round:
    """One round of simulated acceptance as it was held on a project."""

    code: str  # CIV, INS, FIN
    start: dt.date
    days: int
    due_days: int
    kinds: tuple[Kind, ...]
    per_home: tuple[int, int]  # findings in a home entered, lowest and highest
    sample: float  # share of homes entered; 1.0 walks every home
    verified: dict[str, float]  # share verified by the as-of day, per building walked


@dataclass(frozen=True)
class Words:
    """Notes in the project's language, by status; and the disputes of each contractor."""

    notes: dict[str, tuple[str, ...]]
    disputes: dict[str, str]


@dataclass(frozen=True)
class Dispute:
    """The story's disputes: the first `count` findings of `item` a round records in a
    building, left open because customer relations and the contractor disagree."""

    round: str
    building: str
    item: str
    count: int
    note: str


@dataclass(frozen=True)
class Project:
    """What the generator needs to know about one example project."""

    out: Path
    prefix: str
    seed: int
    as_of: dt.date
    buildings: tuple[str, ...]
    floors: range
    homes_per_floor: int
    rounds: tuple[Round, ...]
    words: Words
    disputes: tuple[Dispute, ...] = ()
    register: Path | None = None  # where the unit register goes, if the project keeps one
    tagged: float = 0.0  # share of homes with a customer tag


def homes(project: Project) -> list[str]:
    """The unit numbers of a building: floor and home, `201` … `3107`."""
    return [f"{f}{h:02d}" for f in project.floors for h in range(1, project.homes_per_floor + 1)]


def entered(project: Project, rnd: Round, rng: random.Random) -> list[str]:
    """The homes a round enters in one building: every home, or a sample that always holds
    the lowest and the top residential floor."""
    every = homes(project)
    if rnd.sample >= 1.0:
        return every
    ends = (str(project.floors[0]), str(project.floors[-1]))
    fixed = [u for u in every if u[:-2] in ends]
    rest = [u for u in every if u not in fixed]
    extra = max(0, round(len(every) * rnd.sample) - len(fixed))
    chosen = set(fixed) | set(rng.sample(rest, extra))
    return [u for u in every if u in chosen]


SEVERITIES = ("minor", "major", "critical")


def rows(project: Project) -> Iterator[list[str]]:
    """Every finding of the project, round by round and building by building. Severities
    come from a random stream of their own, so the other fields do not depend on them."""
    rng = random.Random(project.seed)
    grade = random.Random(project.seed + 1)
    kinds = {k.item: k for rnd in project.rounds for k in rnd.kinds}
    for row in _rows(project, rng):
        severity = grade.choices(SEVERITIES, kinds[row[1]].severity)[0]
        yield [*row, severity]


def _rows(project: Project, rng: random.Random) -> Iterator[list[str]]:
    for rnd in project.rounds:
        home_kinds = [k for k in rnd.kinds if not k.public]
        public_kinds = [k for k in rnd.kinds if k.public]
        for building, share in rnd.verified.items():
            made: list[list[str]] = []
            for unit in entered(project, rnd, rng):
                for _ in range(rng.randint(*rnd.per_home)):
                    kind = rng.choices(home_kinds, [k.weight for k in home_kinds])[0]
                    made.append(_row(project, rng, rnd, kind, building, unit, share))
            for kind in public_kinds:
                made += [_row(project, rng, rnd, kind, building, "", share) for _ in range(kind.weight)]
            _dispute(project, rnd, building, made)
            for n, row in enumerate(made, start=1):
                yield [f"{project.prefix}-{rnd.code}-{building}-{n:04d}", *row]


def _dispute(project: Project, rnd: Round, building: str, made: list[list[str]]) -> None:
    """Turn the first findings of a disputed item into the disputes the story tells."""
    for dispute in project.disputes:
        if (dispute.round, dispute.building) != (rnd.code, building):
            continue
        rows = [row for row in made if row[0] == dispute.item][: dispute.count]
        for row in rows:
            row[4], row[7], row[9] = "disputed", "", dispute.note  # status, closed, note


def _row(
    project: Project,
    rng: random.Random,
    rnd: Round,
    kind: Kind,
    building: str,
    unit: str,
    share: float,
) -> list[str]:
    """One finding, without its id: item, building, unit, room, status, dates, who, note."""
    found = rnd.start + dt.timedelta(days=rng.randrange(rnd.days))
    due = found + dt.timedelta(days=rnd.due_days)
    status, closed = "verified", ""
    if rng.random() < share:
        closed = min(found + dt.timedelta(days=rng.randrange(3, 21)), project.as_of).isoformat()
    else:
        status = rng.choices(("open", "rectified", "reopened", "disputed"), (5, 8, 2, 1))[0]
    if status == "disputed":
        note = project.words.disputes[kind.contractor]
    else:
        note = rng.choice(project.words.notes[status])
    return [
        kind.item,
        building,
        unit,
        rng.choice(kind.rooms),
        status,
        found.isoformat(),
        due.isoformat(),
        closed,
        kind.contractor,
        note,
    ]


def write(project: Project, path: Path | None = None) -> int:
    """Write the project's findings CSV (and its unit register); return the findings."""
    path = path or project.out
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    walked: dict[tuple[str, str], str] = {}  # home -> the last day a round walked it
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows(project):
            writer.writerow(row)
            count += 1
            if row[3]:
                home = (row[2], row[3])
                walked[home] = max(walked.get(home, ""), row[6])
    if project.register is not None:
        write_units(project, walked, project.register)
    return count


TAGS = (("key", 40), ("complained-before", 25), ("elderly", 20), ("media", 4),
        ("group-organiser", 6), ("lawyer", 5))  # fmt: skip
LAYOUTS = (("89.6", "三房两厅一卫"), ("105.2", "三房两厅两卫"), ("128.4", "四房两厅两卫"),
           ("143.7", "四房两厅两卫"))  # fmt: skip


def write_units(project: Project, walked: dict[tuple[str, str], str], path: Path) -> None:
    """The unit register: every home with its floor, area, layout, customer tags (about
    `tagged` of the homes) and the day the acceptance rounds last walked it."""
    rng = random.Random(project.seed + 2)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(UNIT_COLUMNS)
        for building in project.buildings:
            for unit in homes(project):
                area, layout = LAYOUTS[(int(unit[-2:]) - 1) % len(LAYOUTS)]
                tags: list[str] = []
                if rng.random() < project.tagged:
                    tags.append(rng.choices([t for t, _ in TAGS], [w for _, w in TAGS])[0])
                    if rng.random() < 0.15:
                        tags.append(rng.choice([t for t, _ in TAGS if t not in tags]))
                inspected = walked.get((building, unit), "")
                writer.writerow([building, unit, unit[:-2], area, layout, ";".join(tags), inspected])


# Harbour View Phase 2 (海景二期) -----------------------------------------------------------------

MAIN = "宏建建设"  # 总包
WATERPROOF = "固安防水"
WINDOWS = "金华门窗"
MEP = "安达机电"
LIFTS = "腾达电梯"
FIRE = "天禾消防"
DECOR = "华信装饰"

ROOMS = ("客厅", "餐厅", "主卧", "次卧", "书房", "厨房", "主卫", "次卫", "阳台", "玄关")
WET = ("厨房", "主卫", "次卫", "阳台")
LIVING = ("客厅", "主卧", "次卧", "书房")

HV_CIVIL = (
    Kind("AC-CIV-001", 26, MAIN, ROOMS),
    Kind("AC-CIV-002", 14, MAIN, ROOMS),
    Kind("AC-CIV-004", 12, MAIN, LIVING),
    Kind("AC-CIV-007", 4, MAIN, ("主卧", "次卧", "客厅")),
    Kind("AC-CIV-008", 7, WINDOWS, ("客厅", "主卧", "次卧", "阳台")),
    Kind("AC-CIV-010", 5, WATERPROOF, WET, severity=(40, 50, 10)),  # a leak is never minor
    Kind("AC-CIV-011", 3, WATERPROOF, ("主卫", "次卫", "厨房")),
    Kind("AC-CIV-012", 3, MAIN, ("主卫", "次卫", "厨房")),
    Kind("AC-CIV-013", 16, MAIN, ROOMS),
    Kind("AC-CIV-014", 10, MAIN, ROOMS),
    Kind("AC-CIV-018", 3, MAIN, ("客厅", "阳台")),
    Kind("AC-CIV-021", 3, MAIN, ("阳台", "主卧")),
    Kind("AC-CIV-022", 4, MAIN, ROOMS),
    Kind("AC-CIV-009", 2, WATERPROOF, ("地下一层车库", "地下二层坡道"), public=True),
    Kind("AC-CIV-017", 2, MAIN, ("1#楼梯", "2#楼梯"), public=True),
    Kind("AC-CIV-006", 1, WATERPROOF, ("屋面",), public=True),
)
HV_INSTALLATION = (
    Kind("AC-INS-001", 6, MEP, ROOMS, severity=(20, 60, 20)),  # wiring touches safety
    Kind("AC-INS-003", 3, MEP, ("玄关",)),
    Kind("AC-INS-006", 10, MEP, ROOMS),
    Kind("AC-INS-008", 3, MEP, WET),
    Kind("AC-INS-009", 6, MEP, WET),
    Kind("AC-INS-010", 3, WATERPROOF, ("主卫", "次卫", "厨房")),
    Kind("AC-INS-011", 6, MEP, ("主卫", "次卫", "阳台")),
    Kind("AC-INS-014", 3, MEP, ("厨房", "阳台")),
    Kind("AC-INS-015", 4, MEP, ("厨房", "主卫", "次卫")),
    Kind("AC-INS-016", 8, WINDOWS, LIVING),
    Kind("AC-INS-018", 12, DECOR, ("玄关", "主卧", "次卧", "主卫", "次卫")),
    Kind("AC-INS-026", 7, MEP, ("主卫", "次卫", "厨房")),
    Kind("AC-INS-027", 3, MEP, ("客厅", "主卧", "书房")),
    Kind("AC-INS-019", 2, MEP, ("首层大堂",), public=True),
    Kind("AC-INS-023", 2, FIRE, ("电梯厅", "1#楼梯", "2#楼梯"), public=True, severity=(30, 50, 20)),
)
HV_FINAL = (
    Kind("AC-FIN-001", 10, DECOR, ROOMS),
    Kind("AC-FIN-002", 3, DECOR, ("客厅", "餐厅", "主卫")),
    Kind("AC-FIN-003", 5, DECOR, ("厨房", "主卫", "次卫", "客厅")),
    Kind("AC-FIN-004", 5, DECOR, LIVING),
    Kind("AC-FIN-005", 7, DECOR, ("厨房", "主卫", "次卫")),
    Kind("AC-FIN-006", 3, DECOR, ("主卫", "次卫")),
    Kind("AC-FIN-007", 4, DECOR, ("厨房",)),
    Kind("AC-FIN-010", 6, DECOR, ROOMS),
    Kind("AC-FIN-011", 2, DECOR, ("首层大堂", "电梯厅"), public=True),
    Kind("AC-FIN-012", 2, DECOR, ("电梯厅", "1#楼梯", "2#楼梯"), public=True),
)
TOWERS = ("T1", "T2", "T3", "T4", "T5", "T6")
HARBOUR_VIEW = Project(
    out=HERE / "harbour-view" / "findings" / "acceptance.csv",
    prefix="HV2",
    seed=2026,
    as_of=dt.date(2026, 10, 20),
    buildings=TOWERS,
    floors=range(2, 32),  # 30 residential floors of 7 homes: 210 homes a tower
    homes_per_floor=7,
    rounds=(
        Round("CIV", dt.date(2026, 7, 29), 11, 14, HV_CIVIL, (10, 26), 0.15,
              dict.fromkeys(TOWERS[:5], 1.0) | {"T6": 0.84}),  # fmt: skip
        Round("INS", dt.date(2026, 9, 27), 11, 10, HV_INSTALLATION, (10, 22), 0.15,
              dict.fromkeys(TOWERS[:5], 0.97) | {"T6": 0.52}),  # fmt: skip
        Round("FIN", dt.date(2026, 10, 12), 5, 7, HV_FINAL, (1, 5), 1.0,
              dict.fromkeys(TOWERS[:4], 0.4)),  # fmt: skip
    ),
    words=Words(
        notes={
            "verified": ("", "", "复验合格"),
            "open": ("", "已派单", "待施工单位确认整改方案"),
            "rectified": ("已整改，待联合复验", "施工单位已报完成，待客关复验"),
            "reopened": ("复验不合格，重新整改", "复验仍有问题，退回施工单位"),
        },
        disputes={
            MAIN: "客关与总包对整改方式有分歧：客关要求整面铲除重抹，总包主张局部修补",
            WATERPROOF: "责任界面有争议：防水单位认为渗点在总包施工的止水坎",
            WINDOWS: "门窗单位与总包对窗边渗水责任有争议，待工程部裁定",
            MEP: "机电单位认为符合规范、不属于质量问题，客关不认可",
            DECOR: "精装单位认为系总包基层问题，责任未定",
            FIRE: "消防单位与总包对防火门闭门器缺失责任有争议",
            LIFTS: "电梯单位与总包对井道渗水责任有争议",
        },
    ),
    disputes=(Dispute("CIV", "T5", "AC-CIV-001", 3, "客关与总包对整改方式有分歧：客关要求整面铲除重抹，总包主张局部修补"),),
    register=HERE / "harbour-view" / "units.csv",
    tagged=0.06,
)

# Lakeside Gardens Phase 1 -----------------------------------------------------------------------

BUILDER = "Lakeside Construction"
SEAL = "Apex Waterproofing"
GLAZING = "ClearView Windows"
SERVICES = "Brightline MEP"
FITOUT = "Northfield Interiors"

L_ROOMS = ("living room", "dining room", "master bedroom", "bedroom 2", "kitchen", "bathroom",
           "ensuite", "balcony")  # fmt: skip
L_WET = ("kitchen", "bathroom", "ensuite", "balcony")
LAKESIDE = Project(
    out=HERE / "lakeside" / "findings" / "acceptance.csv",
    prefix="LG1",
    seed=2027,
    as_of=dt.date(2026, 10, 20),
    buildings=("B1", "B2", "B3"),
    floors=range(1, 19),  # 18 floors of 4 homes: 72 homes a building
    homes_per_floor=4,
    rounds=(
        Round("CIV", dt.date(2026, 7, 22), 11, 14, (
            Kind("AC-CIV-001", 24, BUILDER, L_ROOMS),
            Kind("AC-CIV-002", 12, BUILDER, L_ROOMS),
            Kind("AC-CIV-004", 10, BUILDER, ("living room", "master bedroom", "bedroom 2")),
            Kind("AC-CIV-008", 6, GLAZING, ("living room", "master bedroom", "balcony")),
            Kind("AC-CIV-010", 5, SEAL, L_WET),
            Kind("AC-CIV-013", 14, BUILDER, L_ROOMS),
            Kind("AC-CIV-014", 9, BUILDER, L_ROOMS),
            Kind("AC-CIV-022", 4, BUILDER, L_ROOMS),
            Kind("AC-CIV-017", 1, BUILDER, ("stair A", "stair B"), public=True),
        ), (10, 24), 0.15, {"B1": 1.0, "B2": 1.0, "B3": 1.0}),  # fmt: skip
        Round("INS", dt.date(2026, 9, 20), 11, 10, (
            Kind("AC-INS-001", 6, SERVICES, L_ROOMS),
            Kind("AC-INS-006", 9, SERVICES, L_ROOMS),
            Kind("AC-INS-009", 6, SERVICES, L_WET),
            Kind("AC-INS-011", 5, SERVICES, ("bathroom", "ensuite", "balcony")),
            Kind("AC-INS-016", 7, GLAZING, ("living room", "master bedroom", "bedroom 2")),
            Kind("AC-INS-018", 10, FITOUT, ("entrance", "master bedroom", "bedroom 2")),
            Kind("AC-INS-026", 6, SERVICES, ("bathroom", "ensuite", "kitchen")),
            Kind("AC-INS-023", 1, SERVICES, ("lift lobby", "stair A"), public=True),
        ), (10, 20), 0.15, {"B1": 0.99, "B2": 0.99, "B3": 0.98}),  # fmt: skip
    ),
    words=Words(
        notes={
            "verified": ("", "", "passed re-inspection"),
            "open": ("", "work order issued", "contractor to confirm the repair method"),
            "rectified": ("repaired, awaiting joint re-inspection",),
            "reopened": ("failed re-inspection, returned to the contractor",),
        },
        disputes={
            BUILDER: "customer relations and the builder disagree on the repair method",
            SEAL: "responsibility disputed between the waterproofing and the main contractor",
            GLAZING: "window contractor and builder dispute who caused the leak",
            SERVICES: "MEP contractor says it meets the code; customer relations disagrees",
            FITOUT: "fit-out contractor blames the builder's substrate; responsibility open",
        },
    ),
)

PROJECTS = {"harbour-view": HARBOUR_VIEW, "lakeside": LAKESIDE}


if __name__ == "__main__":
    names = sys.argv[1:] or list(PROJECTS)
    for name in names:
        project = PROJECTS[name]
        print(f"wrote {write(project)} findings to {project.out.relative_to(HERE.parent)}")
