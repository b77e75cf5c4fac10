"""Generate the example portfolio: six projects of one developer under `portfolio/`.

`journey portfolio examples/portfolio -o out/portfolio` reads them all. They are at
different stages on 2026-10-20 (the day the examples describe), so the verdict matrix,
the numbers and what recurs across projects each have something to say:

- `huayuan-3` 花园城三期 — design: the drawings are being read from the customer's side
  before the design freeze of 2026-11-30; three design-review items fail, two are pending.
- `zhongyang-1` 中央公园一期 — sales: launched on 2026-05-16; round 1 (civil works) of
  simulated acceptance has walked a sample of its homes, and three sales risks are still
  open on red lines, so its design and sales gates fail.
- `jiangpan-1` 江畔花园一期 — pre-delivery, handed over in two batches: B1–B3 open on
  2026-10-31, B4–B5 (a month behind) on 2026-12-05; B4's lift lobbies are not finished.
- `binhai-2` 滨海二期 — pre-delivery: open day on 2026-11-08, round 3 under way.
- `hujing-1` 湖景一期 — delivery on 2026-10-31: findings from round 3 are still open past
  their due dates, so the delivery gate fails.
- `shanyu-2` 山语二期 — after handover (2026-06-27): everything closed, every gate before
  handover passes; since the keys, its repair and complaint registers (the one-year
  warranty review is due on 2027-06-27).

Their findings come from the same kinds of inspection rounds as `harbour-view/`, sized to
keep the repository small (150–600 rows each). Some defects recur on every project that
has reached the rounds — hollow plaster, window spray tests, sealant and trim, door locks,
tile colour difference, measured flatness — and some of those no defect case covers yet:
the portfolio lists them first. Most projects' inspection app exports its own category
(`category`); Lakeview's does not. Contractors recur across projects too.

Deterministic (one seeded `random.Random` per project), and built from the bundled
catalog's ids, so that tests/test_portfolio_example.py can check that the files are what
this script writes.

    python examples/make_portfolio.py          # rewrites examples/portfolio/
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "portfolio"
COLUMNS = ["id", "item", "building", "unit", "room", "status", "found", "due", "closed",
           "contractor", "category", "severity"]  # fmt: skip
DAY = dt.timedelta(days=1)
AS_OF = dt.date(2026, 10, 20)

# Defects that turn up on almost every project, with the category an inspection app gives
# them. Weights: how often each is found, relative to one another.
COMMON = {
    "AC-CIV-001": (14, "墙面空鼓"), "AC-CIV-004": (8, "墙面开裂"), "AC-CIV-007": (5, "外墙渗漏"),
    "AC-CIV-008": (6, "门窗渗漏"), "AC-CIV-010": (4, "防水闭水"), "AC-CIV-013": (10, "实测实量"),
    "AC-CIV-014": (6, "实测实量"), "AC-CIV-021": (3, "空调板排水"),
    "AC-INS-006": (6, "开关面板"), "AC-INS-011": (5, "地漏排水"), "AC-INS-016": (7, "门窗五金"),
    "AC-INS-018": (9, "户门门锁"), "AC-INS-026": (4, "洁具安装"),
    "AC-FIN-001": (8, "涂饰观感"), "AC-FIN-002": (7, "色差"), "AC-FIN-003": (8, "瓷砖空鼓"),
    "AC-FIN-004": (5, "木地板"), "AC-FIN-005": (10, "打胶收口"), "AC-FIN-006": (5, "洁具五金"),
    "AC-FIN-007": (4, "橱柜"),
}  # fmt: skip
ROUNDS = {"civil": "AC-CIV", "installation": "AC-INS", "final": "AC-FIN"}
ROOMS = ("客厅", "餐厅", "厨房", "主卫", "次卫", "主卧", "次卧", "阳台", "玄关")
CONTRACTORS = {
    "AC-CIV": ("中建三局", "东方雨虹防水"),
    "AC-INS": ("安达机电", "精华门窗", "美居门业"),
    "AC-FIN": ("华鑫装饰", "美居门业", "欧派橱柜"),
}


@dataclass
class Round:
    """One round of simulated acceptance: when it walked, what share it sampled, how much
    of what it found is verified by the as-of date."""

    name: str
    start: dt.date
    days: int
    sample: float
    per_home: int
    verified: float


@dataclass
class Plan:
    """One project of the portfolio."""

    id: str
    en: str
    zh: str
    note: str
    positioning: str
    stage: str
    buildings: list[str]
    homes_per_building: int
    milestones: dict[str, dt.date]
    rounds: list[Round] = field(default_factory=list)
    batches: list[tuple[str, list[str], dict[str, dt.date]]] = field(default_factory=list)
    category: bool = True
    local: dict[str, int] = field(default_factory=dict)  # items this project finds more of
    contractor: str = "中建三局"  # the main contractor
    service: bool = False  # handed over: repair and complaint registers


PLANS = [
    Plan(
        "huayuan-3", "Garden City Phase 3", "花园城三期",
        "At the design stage: customer relations reads the construction drawings before the "
        "design freeze of 2026-11-30. Three design-review items fail and two are pending.",
        "whole-process", "design", ["G1", "G2", "G3", "G4"], 132,
        {"design_freeze": dt.date(2026, 11, 30), "sales_launch": dt.date(2027, 5, 15),
         "open_day": dt.date(2028, 10, 21), "delivery": dt.date(2028, 12, 30)},
    ),
    Plan(
        "zhongyang-1", "Central Park Phase 1", "中央公园一期",
        "Launched on 2026-05-16; round 1 (civil works) of simulated acceptance walked a "
        "sample of homes from 2026-09-21.",
        "whole-process", "sales", ["C1", "C2", "C3"], 168,
        {"design_freeze": dt.date(2025, 6, 30), "sales_launch": dt.date(2026, 5, 16),
         "open_day": dt.date(2027, 9, 25), "delivery": dt.date(2027, 12, 28)},
        rounds=[Round("civil", dt.date(2026, 9, 21), 10, 0.12, 9, 0.7)],
        local={"AC-CIV-009": 6},
        contractor="中铁建工",
    ),
    Plan(
        "jiangpan-1", "Riverside Gardens Phase 1", "江畔花园一期",
        "Handed over in two batches: B1–B3 open on 2026-10-31; B4–B5, a month behind, on "
        "2026-12-05. B4's lift lobbies are not finished, so the open day fails for batch-2.",
        "whole-process", "pre-delivery", ["B1", "B2", "B3", "B4", "B5"], 96,
        {"design_freeze": dt.date(2024, 8, 30), "sales_launch": dt.date(2025, 4, 19),
         "open_day": dt.date(2026, 10, 31), "delivery": dt.date(2026, 12, 20)},
        rounds=[Round("civil", dt.date(2026, 7, 6), 9, 0.12, 8, 0.97),
                Round("installation", dt.date(2026, 9, 7), 9, 0.12, 7, 0.88)],
        batches=[("batch-1", ["B1", "B2", "B3"], {}),
                 ("batch-2", ["B4", "B5"], {"open_day": dt.date(2026, 12, 5),
                                            "delivery": dt.date(2027, 1, 30)})],
        local={"AC-INS-009": 5},
    ),
    Plan(
        "binhai-2", "Seaside Phase 2", "滨海二期",
        "Open day on 2026-11-08; round 3 (finishing works) started on 2026-10-12 and is "
        "being put right.",
        "process", "pre-delivery", ["S1", "S2"], 120,
        {"design_freeze": dt.date(2024, 5, 31), "sales_launch": dt.date(2025, 3, 22),
         "open_day": dt.date(2026, 11, 8), "delivery": dt.date(2026, 12, 27)},
        rounds=[Round("civil", dt.date(2026, 6, 15), 7, 0.12, 8, 1.0),
                Round("installation", dt.date(2026, 8, 24), 7, 0.12, 7, 0.96),
                Round("final", dt.date(2026, 10, 12), 5, 0.25, 3, 0.35)],
        local={"AC-CIV-007": 8},
        contractor="中天建设",
    ),
    Plan(
        "hujing-1", "Lakeview Phase 1", "湖景一期",
        "Delivery on 2026-10-31. Round-3 findings are still open past their due dates in "
        "both buildings, so the delivery gate fails. Its inspection app exports no category.",
        "process", "delivery", ["L1", "L2"], 110,
        {"design_freeze": dt.date(2024, 3, 29), "sales_launch": dt.date(2025, 1, 11),
         "open_day": dt.date(2026, 9, 19), "delivery": dt.date(2026, 10, 31)},
        rounds=[Round("civil", dt.date(2026, 5, 11), 7, 0.12, 8, 1.0),
                Round("installation", dt.date(2026, 7, 13), 7, 0.12, 7, 1.0),
                Round("final", dt.date(2026, 9, 1), 10, 0.5, 3, 0.8)],
        category=False,
        contractor="中天建设",
    ),
    Plan(
        "shanyu-2", "Hillside Phase 2", "山语二期",
        "Handed over on 2026-06-27; every finding verified, every gate passes.",
        "whole-process", "after-delivery", ["H1", "H2", "H3"], 88,
        {"design_freeze": dt.date(2023, 9, 29), "sales_launch": dt.date(2024, 6, 8),
         "open_day": dt.date(2026, 4, 25), "delivery": dt.date(2026, 6, 27),
         "warranty_review": dt.date(2027, 6, 27)},
        rounds=[Round("civil", dt.date(2026, 1, 12), 7, 0.12, 8, 1.0),
                Round("installation", dt.date(2026, 3, 9), 7, 0.12, 6, 1.0),
                Round("final", dt.date(2026, 5, 11), 10, 0.5, 1, 1.0)],
        local={"AC-INS-021": 4},
        service=True,
    ),
]  # fmt: skip


def findings(plan: Plan, catalog_items: set[str]) -> str:
    """The findings CSV of a project: each round walks its sample of homes."""
    rng = random.Random(f"portfolio/{plan.id}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS if plan.category else [c for c in COLUMNS if c != "category"])
    n = 0
    for rnd in plan.rounds:
        prefix = ROUNDS[rnd.name]
        weights = {i: w for i, (w, _) in COMMON.items() if i.startswith(prefix)}
        weights.update({i: w for i, w in plan.local.items() if i.startswith(prefix)})
        items = sorted(i for i in weights if i in catalog_items)
        for building in plan.buildings:
            homes = _sample(rng, plan.homes_per_building, rnd.sample)
            for home in homes:
                for _ in range(rng.randint(max(1, rnd.per_home // 2), rnd.per_home)):
                    n += 1
                    item = rng.choices(items, [weights[i] for i in items])[0]
                    row = _row(rng, plan, rnd, building, home, item, n)
                    writer.writerow(row if plan.category else row[:10] + row[11:])
    return out.getvalue()


def _sample(rng: random.Random, homes: int, share: float) -> list[str]:
    floors = homes // 4
    every = [f"{f}{u:02d}" for f in range(2, floors + 2) for u in range(1, 5)]
    return sorted(rng.sample(every, max(4, round(len(every) * share))))


def _row(
    rng: random.Random, plan: Plan, rnd: Round, building: str, home: str, item: str, n: int
) -> list[str]:
    found = rnd.start + rng.randrange(rnd.days) * DAY
    due = found + 14 * DAY
    verified = rng.random() < rnd.verified
    status = "verified" if verified else rng.choice(("open", "open", "rectified", "reopened"))
    closed = min(found + rng.randrange(3, 20) * DAY, AS_OF) if verified else None
    prefix = item[:6]
    contractor = plan.contractor if prefix == "AC-CIV" else rng.choice(CONTRACTORS[prefix])
    severity = rng.choices(("minor", "major", "critical"), (80, 18, 2))[0]
    return [
        f"{plan.id.upper()[:2]}-{n:05d}", item, building, home, rng.choice(ROOMS), status,
        found.isoformat(), due.isoformat(), closed.isoformat() if closed else "", contractor,
        COMMON.get(item, (0, "其他"))[1], severity,
    ]  # fmt: skip


# Repairs since the keys: category, weight, the party answering for it, minutes to respond.
REPAIRS = {
    "wall-floor": (20, "中建三局", 60), "fit-out": (20, "华鑫装饰", 60),
    "doors-windows": (18, "精华门窗", 60), "leakage": (15, "东方雨虹防水", 45),
    "plumbing": (14, "安达机电", 60), "electrical": (10, "安达机电", 60),
    "door-lock": (3, "美居门业", 10),
}  # fmt: skip
REPAIR_COLUMNS = ["报修单号", "报修类别", "楼栋", "房号", "报修时间", "响应时间", "上门时间",
                  "完成日期", "复验日期", "状态", "重复报修单号", "查勘日期", "责任单位", "备注"]  # fmt: skip
COMPLAINT_COLUMNS = ["投诉编号", "受理时间", "渠道", "户数", "投诉主题", "投诉等级", "升级至",
                     "响应时间", "关闭日期", "赔偿金额", "取证记录", "状态", "楼栋", "房号",
                     "备注"]  # fmt: skip
HOUR = dt.timedelta(hours=1)


def repairs(plan: Plan, catalog: object) -> str:
    """The repair register since handover: about one repair for every two homes."""
    from journey.catalog import Catalog

    assert isinstance(catalog, Catalog)
    rng = random.Random(f"portfolio/{plan.id}/repairs")
    handover = plan.milestones["delivery"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REPAIR_COLUMNS)
    kinds = sorted(REPAIRS)
    leaks: list[tuple[str, str, str, dt.date]] = []
    for n in range(1, plan.homes_per_building * len(plan.buildings) // 2 + 1):
        kind = rng.choices(kinds, [REPAIRS[k][0] for k in kinds])[0]
        limits = catalog.repair_categories[kind]
        day = handover + rng.randrange(1, (AS_OF - handover).days) * DAY
        reported = dt.datetime.combine(day, dt.time(rng.randrange(8, 19), rng.randrange(60)))
        responded = reported + dt.timedelta(minutes=rng.randrange(3, REPAIRS[kind][2]))
        onsite = responded + rng.uniform(0.2, limits.onsite_hours * 0.8) * HOUR
        fixed = onsite.date() + rng.randrange(limits.fix_days) * DAY
        verified = fixed + rng.randrange(1, 5) * DAY
        status = "verified" if verified <= AS_OF else "fixed" if fixed <= AS_OF else "in-progress"
        home = (rng.choice(plan.buildings), rng.choice(_sample(rng, plan.homes_per_building, 1)))
        rid = f"BX{day:%y%m}-{n:04d}"
        repeat, investigated = "", ""
        if kind == "leakage" and leaks and rng.random() < 0.1:  # the same leak again
            rid_was, building, unit, was = leaks[rng.randrange(len(leaks))]
            home, repeat, investigated = (building, unit), rid_was, (day + DAY).isoformat()
        if kind == "leakage":
            leaks.append((rid, *home, day))
        writer.writerow([
            rid, kind, *home, f"{reported:%Y-%m-%d %H:%M}", f"{responded:%Y-%m-%d %H:%M}",
            f"{onsite:%Y-%m-%d %H:%M}", fixed.isoformat() if status != "in-progress" else "",
            verified.isoformat() if status == "verified" else "", status, repeat, investigated,
            REPAIRS[kind][1], "",
        ])  # fmt: skip
    return out.getvalue()


COMPLAINTS = (
    ("SP-ENG-001", "外窗渗水反复维修"), ("SP-ENG-001", "卫生间渗漏到楼下"),
    ("", "维修人员上门不准时"), ("", "小区停车收费标准"), ("", "装修噪音扰民"),
)  # fmt: skip


def complaints(plan: Plan) -> str:
    """The complaint register since handover: a dozen, one still open."""
    rng = random.Random(f"portfolio/{plan.id}/complaints")
    handover = plan.milestones["delivery"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COMPLAINT_COLUMNS)
    for n in range(1, 13):
        point, text = rng.choice(COMPLAINTS)
        day = handover + (n * 9 + rng.randrange(5)) * DAY
        received = dt.datetime.combine(day, dt.time(rng.randrange(9, 18), rng.randrange(60)))
        closed = day + rng.randrange(1, 6) * DAY
        still = closed > AS_OF
        writer.writerow([
            f"TS{day:%y%m}-{n:03d}", f"{received:%Y-%m-%d %H:%M}",
            rng.choice(("phone", "wechat", "app", "counter")), 1, point or text, "general", "",
            f"{received + rng.randrange(10, 90) * dt.timedelta(minutes=1):%Y-%m-%d %H:%M}",
            "" if still else closed.isoformat(), "", "", "responded" if still else "closed",
            rng.choice(plan.buildings), "", text if point else "",
        ])  # fmt: skip
    return out.getvalue()


def project_yaml(plan: Plan, catalog: object, has_findings: bool) -> str:
    """project.yaml: statuses as the project's stage has them."""
    from journey.catalog import Catalog

    assert isinstance(catalog, Catalog)
    lines = [
        "# yaml-language-server: $schema=https://journey.invalid/schema/project.json",
        f"# {plan.zh} ({plan.en}) — written by examples/make_portfolio.py; do not edit.",
        f"# {plan.note}",
        "kind: project",
        f"id: {plan.id}",
        f"name: {{en: {plan.en}, zh: {plan.zh}}}",
        f"positioning: {plan.positioning}",
        f"units: {plan.homes_per_building * len(plan.buildings)}",
        f"buildings: [{', '.join(plan.buildings)}]",
        "milestones:",
        *(f"  {name}: {day.isoformat()}" for name, day in plan.milestones.items()),
        f"stage: {plan.stage}",
    ]
    if plan.batches:
        lines.append("batches:")
        for batch_id, buildings, milestones in plan.batches:
            lines += [f"  - id: {batch_id}", f"    buildings: [{', '.join(buildings)}]"]
            if milestones:
                dates = ", ".join(f"{k}: {v.isoformat()}" for k, v in milestones.items())
                lines.append(f"    milestones: {{{dates}}}")
    lines += _statuses(plan, catalog)
    if has_findings:
        lines.append("findings: [findings.csv]")
    if plan.service:
        lines += ["repairs: [repairs.csv]", "complaints: [complaints.csv]"]
    return "\n".join(lines) + "\n"


STAGES = ("design", "construction", "sales", "pre-delivery", "delivery", "after-delivery")


def _statuses(plan: Plan, catalog: object) -> list[str]:
    from journey.catalog import Catalog

    assert isinstance(catalog, Catalog)
    rng = random.Random(f"portfolio/{plan.id}/statuses")
    reached = STAGES.index(plan.stage)
    risks, checks, tasks = [], [], []
    for risk in catalog.risks.values():
        if catalog.level_rank(risk.level) > catalog.level_rank(plan.positioning):
            continue
        if STAGES.index(risk.stage) < reached or plan.stage == "after-delivery":
            risks.append(f"  {risk.id}: closed")
        elif STAGES.index(risk.stage) == reached:
            status = rng.choices(("closed", "mitigating", "open"), (7, 2, 1))[0]
            risks.append(f"  {risk.id}: {status}")
    for checklist in catalog.checklists.values():
        done = STAGES.index(checklist.stage) < reached or plan.stage == "after-delivery"
        current = checklist.stage == plan.stage or (
            checklist.phase in [r.name for r in plan.rounds]
        )
        for item in checklist.items:
            if done or current:
                checks.append(f"  {item.id}: {FAILS.get(plan.id, {}).get(item.id, 'pass')}")
    for task in catalog.tasks.values():
        due = plan.milestones[task.anchor] + task.offset_days * DAY
        if due + task.duration_days * DAY <= AS_OF:
            tasks.append(f"  {task.id}: done")
        elif due <= AS_OF:
            tasks.append(f"  {task.id}: doing")
    out = []
    for name, entries in (("risks", risks), ("checks", checks), ("tasks", tasks)):
        if entries:
            out += [f"{name}:", *entries]
    return out


# The few results that make each project's story (see the module docstring).
FAILS = {
    "huayuan-3": {"DR-LAY-003": "fail", "DR-KIT-002": "fail", "DR-WIN-001": "fail",
                  "DR-PRK-001": "pending", "DR-NOI-002": "pending"},
    "jiangpan-1": {"OD-003": "{status: pass, buildings: {B4: fail}}",
                   "OD-004": "{status: pass, buildings: {B4: fail, B5: pending}}"},
    "binhai-2": {"OD-011": "pending", "AC-FIN-020": "pending"},
    "hujing-1": {"AC-FIN-020": "fail"},
}  # fmt: skip


def write_all(out: Path = OUT) -> None:
    """Write every project of the portfolio under `out`."""
    sys.path.insert(0, str(HERE.parent))
    from journey.catalog import load_catalog

    catalog = load_catalog()
    items = set(catalog.check_items)
    for plan in PLANS:
        folder = out / plan.id
        folder.mkdir(parents=True, exist_ok=True)
        rows = findings(plan, items) if plan.rounds else ""
        if rows:
            (folder / "findings.csv").write_text(rows, encoding="utf-8", newline="")
        if plan.service:
            (folder / "repairs.csv").write_text(repairs(plan, catalog), encoding="utf-8")
            (folder / "complaints.csv").write_text(complaints(plan), encoding="utf-8")
        text = project_yaml(plan, catalog, bool(rows))
        (folder / "project.yaml").write_text(text, encoding="utf-8", newline="")


if __name__ == "__main__":
    write_all()
