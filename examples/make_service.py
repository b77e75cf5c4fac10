"""Generate the after-delivery registers of `harbour-view-1/` (海景一期, Harbour View Phase 1).

Deterministic (one `random.Random` seed): running it again writes the same bytes, and
tests/test_example_service.py checks that. Four towers, T1–T4, of 30 floors of six homes
(720 homes), handed over on 2025-10-18; the registers run to the as-of day, 2026-10-20,
a week before the one-year warranty service review. What they record, as a customer-service
system exports it (Chinese headers, catalog ids for category, level, channel, stage and
dimension, Chinese notes):

- repairs (报修台账): about 4.5 orders a home in the first year — many in the fit-out
  months after handover, a surge of leaks in the typhoon season (July–September), floor
  heating in the heating season. Most orders meet their limits; the window contractor
  (金门窗业) is slow to send hardware and glass, so doors and windows fall below the 90 %
  of the warranty review, and three orders wait for made-to-measure glass. The west-facing
  windows of T3 leak: their repeat repairs are investigated jointly, except three.
- complaints (投诉台账): about 330, handled at their level, including a group complaint of
  16 T3 households and a Douyin video about the same windows (both escalated as the
  triggers demand), a group of six over car-park leaks, compensation for a flooded
  home with evidence — and, as of the as-of day, a Weibo post about water at the
  car-park entrance logged as a general complaint and not passed to public relations, a
  compensation paid without evidence, and two general complaints open for more than a
  week.
- surveys (满意度调查): about 1,000 answers from four waves — signed buyers a month before
  handover (准业主), owners at 3 and 8 months (磨合期) and a first one-year wave
  (12 months: 稳定期). Build quality, repairs and complaint handling fall below target in
  the run-in year.

    python examples/make_service.py     # rewrites the three CSV files
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "harbour-view-1" / "registers"
SEED = 20251018
HANDOVER = dt.datetime(2025, 10, 18, 9, 0)
CUTOFF = dt.datetime(2026, 10, 19, 23, 0)  # the export, the evening before the as-of day
AS_OF = dt.date(2026, 10, 20)
BUILDINGS = ("T1", "T2", "T3", "T4")
FLOORS = range(2, 32)
HOMES = 6

REPAIR_HEADER = ["报修单号", "报修类别", "楼栋", "房号", "报修时间", "响应时间", "上门时间",
                 "完成日期", "复验日期", "状态", "重复报修单号", "查勘日期", "责任单位", "备注"]  # fmt: skip
COMPLAINT_HEADER = ["投诉编号", "受理时间", "渠道", "户数", "投诉主题", "投诉等级", "升级至",
                    "响应时间", "关闭日期", "赔偿金额", "取证记录", "状态", "楼栋", "房号",
                    "备注"]  # fmt: skip
SURVEY_HEADER = ["楼栋", "房号", "阶段", "维度", "期望分", "感知分", "调查日期"]


@dataclass(frozen=True)
class Kind:
    """A repair category as the generator draws it: how often, who repairs, how late."""

    category: str
    weight: float
    party: str
    urgent: bool = False
    limits: tuple[float, float, int] = (2, 24, 7)  # respond h, on site h, fix days
    late: tuple[float, float, float] = (0.005, 0.01, 0.02)  # respond, on site, fix
    notes: tuple[str, ...] = ()


KINDS = (
    Kind("burst-pipe", 0.8, "安达机电", True, (0.25, 1, 1),
         notes=("卫生间给水软管接头脱落", "厨房冷水管接头渗漏跑水")),
    Kind("electrical-gas-hazard", 0.6, "安达机电", True, (0.25, 1, 1),
         notes=("厨房回路漏电保护器跳闸", "燃气表后阀门处有异味，燃气公司已检测")),
    Kind("lift-fault", 1.2, "通力电梯", True, (0.25, 0.5, 2),
         notes=("2号梯停梯", "层门门锁故障停梯")),
    Kind("door-lock", 1.2, "盼盼门业", True, (0.25, 1, 2),
         notes=("智能锁电池仓故障无法开门", "入户门下沉无法上锁")),
    Kind("leakage", 13.0, "宏建建设", True, (2, 4, 7), (0.01, 0.01, 0.03),
         ("卫生间地面渗水至楼下顶棚", "外窗窗框与墙体交接处渗水", "阳台地漏周边渗水")),
    Kind("structural-crack", 0.3, "宏建建设", False, (2, 24, 30),
         notes=("客厅顶板斜向裂缝，已设观测点",)),
    Kind("large-hollowing", 0.6, "宏建建设", False, (2, 24, 15),
         notes=("客厅地砖整片空鼓", "外墙饰面砖空鼓，已设警戒")),
    Kind("unclear-responsibility", 1.4, "宏建建设", False, (2, 24, 15),
         notes=("业主移位下水后渗漏，责任待界定", "墙面开槽后开裂，与业主现场确认责任")),
    Kind("wall-floor", 15.0, "宏建建设", False, (2, 24, 7),
         notes=("卧室墙面细微裂缝", "卫生间墙砖个别空鼓", "阳台地面局部不平")),
    Kind("doors-windows", 13.0, "金门窗业", False, (2, 24, 5), (0.02, 0.06, 0.13),
         ("推拉门滑轮损坏", "外窗执手松动", "中空玻璃内部起雾", "窗扇关闭不严透风")),
    Kind("plumbing", 11.0, "安达机电", False, (2, 24, 3),
         notes=("厨房下水堵塞（施工遗留砂浆）", "洗手盆存水弯滴漏", "淋浴水压偏低")),
    Kind("electrical", 7.0, "安达机电", False, (2, 24, 3),
         notes=("卧室插座不通电", "插座火零反接", "灯具开关失灵")),
    Kind("fit-out", 18.0, "华艺装饰", False, (2, 24, 7),
         notes=("木地板起拱", "橱柜门板不平齐", "坐便器底座渗水", "墙面涂料起皮")),
    Kind("heating-cooling", 3.5, "安达机电", False, (2, 24, 3),
         notes=("地暖回路不热", "分集水器渗水")),
    Kind("low-voltage", 4.0, "智联科技", False, (2, 24, 5),
         notes=("可视对讲无图像", "门禁卡失灵")),
    Kind("public-areas", 5.0, "海景物业", False, (2, 24, 7),
         notes=("车库顶板渗水", "楼道灯不亮", "单元门闭门器损坏")),
    Kind("refused-handover", 0.3, "宏建建设", False, (2, 24, 15),
         notes=("业主以客厅地面空鼓拒收，已书面确认整改内容",)),
)  # fmt: skip
REPEATABLE = frozenset({"leakage", "wall-floor", "doors-windows", "plumbing", "fit-out"})
INVESTIGATE = frozenset({"structural-crack", "large-hollowing", "unclear-responsibility",
                         "refused-handover"})  # fmt: skip


def month_weight(month: tuple[int, int]) -> float:
    """Repairs reported in a month after handover, relative: the fit-out months first."""
    shape = {(2025, 10): 1.6, (2025, 11): 2.0, (2025, 12): 1.4, (2026, 1): 1.0,
             (2026, 2): 0.7, (2026, 3): 0.8, (2026, 4): 0.8, (2026, 5): 0.8,
             (2026, 6): 0.8, (2026, 7): 1.1, (2026, 8): 1.2, (2026, 9): 0.9,
             (2026, 10): 0.6}  # fmt: skip
    return shape[month]


def kind_weight(kind: Kind, month: tuple[int, int], building: str) -> float:
    """A category's weight in a month: leaks in the typhoon season (T3 most), heating in
    the heating season, refused homes only in the handover weeks."""
    w = kind.weight
    if kind.category == "leakage" and month[1] in (7, 8, 9):
        w *= 2.5 * (2.0 if building == "T3" else 1.0)
    if kind.category == "heating-cooling" and month[1] not in (11, 12, 1, 2, 3):
        w *= 0.15
    if kind.category == "refused-handover" and month != (2025, 10):
        w = 0.0
    return w


@dataclass
class Repair:
    """One repair order as it is generated."""

    reported: dt.datetime
    kind: Kind
    building: str
    unit: str
    id: str = ""
    repeat_of: str = ""
    note: str = ""
    row: list[str] = field(default_factory=list)


def homes() -> list[tuple[str, str]]:
    """Every home: (tower, unit number `201` … `3106`)."""
    return [(b, f"{f}{h:02d}") for b in BUILDINGS for f in FLOORS for h in range(1, HOMES + 1)]


def _months() -> list[tuple[int, int]]:
    out, (y, m) = [], (2025, 10)
    while (y, m) <= (2026, 10):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _when(rng: random.Random, month: tuple[int, int], urgent: bool) -> dt.datetime:
    start = dt.datetime(month[0], month[1], 1)
    if month == (2025, 10):
        start = HANDOVER
    end = dt.datetime(month[0] + month[1] // 12, month[1] % 12 + 1, 1)
    end = min(end, CUTOFF - dt.timedelta(hours=2))
    day = start + dt.timedelta(seconds=rng.randrange(int((end - start).total_seconds())))
    hour = rng.randrange(0, 24) if urgent and rng.random() < 0.4 else rng.randrange(8, 21)
    return max(start, day.replace(hour=hour, minute=rng.randrange(60), second=0))


def draw_repairs(rng: random.Random) -> list[Repair]:
    """Every repair order, in the order reported."""
    total = 3250
    months = _months()
    weights = [month_weight(m) for m in months]
    everyone = homes()
    out: list[Repair] = []
    for _ in range(total):
        month = rng.choices(months, weights)[0]
        building, unit = rng.choice(everyone)
        kind = rng.choices(KINDS, [kind_weight(k, month, building) for k in KINDS])[0]
        out.append(Repair(_when(rng, month, kind.urgent), kind, building, unit))
    out.sort(key=lambda r: (r.reported, r.building, r.unit))
    return out


def _at(rng: random.Random, start: dt.datetime, limit_h: float, late: float) -> dt.datetime:
    """When something happened after `start`: within `limit_h` hours, or late."""
    if rng.random() < late:
        return start + dt.timedelta(hours=limit_h * rng.uniform(1.2, 3.0))
    return start + dt.timedelta(hours=limit_h * rng.uniform(0.1, 0.9))


def _visit(rng: random.Random, reported: dt.datetime, late: float) -> dt.datetime:
    """An appointment on site in working hours (9:00–18:00): later the same day, or the
    next day no later than the hour reported (within 24 h) — or, when late, days after."""
    minute = rng.randrange(0, 60, 5)
    if rng.random() < late:
        day = reported.date() + dt.timedelta(days=rng.randrange(2, 5))
        return dt.datetime.combine(day, dt.time(rng.randrange(9, 18), minute))
    if reported.hour <= 15 and (reported.hour < 10 or rng.random() < 0.5):
        hour = rng.randrange(max(reported.hour + 1, 9), 18)
        return dt.datetime.combine(reported.date(), dt.time(hour, minute))
    day = reported.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(rng.randrange(9, min(17, reported.hour - 1) + 1), minute))


def fill(repairs: list[Repair], rng: random.Random) -> None:
    """Ids, repeats and every time of each repair, as of the cutoff."""
    earlier: dict[tuple[str, str, str], str] = {}
    seq: dict[str, int] = {}
    skipped = 0
    for r in repairs:
        stamp = r.reported.strftime("%y%m")
        seq[stamp] = seq.get(stamp, 0) + 1
        r.id = f"BX{stamp}-{seq[stamp]:04d}"
        key = (r.building, r.unit, r.kind.category)
        chance = 0.3 if r.building == "T3" and r.kind.category == "leakage" else 0.045
        if key in earlier and r.kind.category in REPEATABLE and rng.random() < chance:
            r.repeat_of = earlier[key]
        earlier[key] = r.id
        investigate = r.kind.category in INVESTIGATE or bool(r.repeat_of)
        # three repeat leaks of T3's west windows were repaired again without a joint look
        skip = bool(r.repeat_of) and r.building == "T3" and skipped < 3 and r.reported.month == 9
        skipped += skip
        r.row = _times(r, rng, investigate and not skip)


def _times(r: Repair, rng: random.Random, investigate: bool) -> list[str]:
    respond_h, onsite_h, fix_d = r.kind.limits
    late_r, late_o, late_f = r.kind.late
    responded = _at(rng, r.reported, respond_h, late_r)
    if r.kind.urgent:
        onsite = _at(rng, r.reported, onsite_h, late_o)
    else:
        onsite = _visit(rng, r.reported, late_o)
    responded = min(responded, onsite)
    day = r.reported.date()
    if rng.random() < late_f:
        fixed = day + dt.timedelta(days=fix_d + rng.randrange(1, 12))
    else:
        fixed = day + dt.timedelta(days=rng.randrange(0, fix_d + 1))
    fixed = max(fixed, onsite.date())
    glass = r.kind.category == "doors-windows" and r.reported.month in (8, 9) and rng.random() < 0.04
    if glass:  # made-to-measure glass on order
        fixed = AS_OF + dt.timedelta(days=10)
        r.note = "等待中空玻璃定制到货"
    investigated = day + dt.timedelta(days=rng.randrange(0, 3)) if investigate else None
    if investigated is not None:
        investigated = min(investigated, fixed)
    return _row(r, rng, responded, onsite, fixed, investigated)


def _row(
    r: Repair, rng: random.Random, responded: dt.datetime, onsite: dt.datetime,
    fixed: dt.date, investigated: dt.date | None,
) -> list[str]:  # fmt: skip
    cut = CUTOFF
    done = fixed < cut.date()
    verified = fixed + dt.timedelta(days=rng.randrange(1, 8)) if done else None
    if done:
        status = "verified" if verified and verified < cut.date() and rng.random() < 0.88 else "fixed"
        if rng.random() < 0.015:
            status = "reopened"
    else:
        status = "in-progress" if onsite < cut else "open"
    note = r.note or (rng.choice(r.kind.notes) if rng.random() < 0.35 else "")
    if status == "reopened":
        note = "复验不合格，退回责任单位返修"
    return [
        r.id, r.kind.category, r.building, r.unit, _dt(r.reported),
        _dt(responded) if responded < cut else "", _dt(onsite) if onsite < cut else "",
        fixed.isoformat() if done else "",
        verified.isoformat() if verified and status == "verified" else "",
        status, r.repeat_of,
        investigated.isoformat() if investigated and investigated <= cut.date() else "",
        r.kind.party, note,
    ]  # fmt: skip


def _dt(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M")


# Complaints ----------------------------------------------------------------------------

CHANNELS = (("phone", 42), ("counter", 15), ("app", 14), ("wechat", 17), ("government", 7),
            ("weibo", 1), ("douyin", 1))  # fmt: skip
TOPICS = (
    ("门窗维修迟迟未处理", "general"), ("维修后再次渗漏", "general"), ("装修噪音扰民", "general"),
    ("SP-CR-007", "general"), ("SP-PM-003", "general"), ("车库车位划线与销售图不一致", "general"),
    ("SP-ENG-001", "general"), ("地暖不热", "general"), ("物业费标准质疑", "general"),
    ("SP-PM-002", "general"), ("电梯故障频繁", "general"),
)  # fmt: skip


def complaint_rows(rng: random.Random) -> Iterator[list[str]]:
    """About 330 complaints: everyday ones drawn at random, and the year's stories."""
    drawn = [_complaint(rng, n) for n in range(1, 318)]
    stories = _stories()
    rows = sorted(drawn + stories, key=lambda row: row[1])
    seq: dict[str, int] = {}
    for row in rows:
        stamp = dt.datetime.strptime(row[1], "%Y-%m-%d %H:%M").strftime("%y%m")
        seq[stamp] = seq.get(stamp, 0) + 1
        row[0] = f"TS{stamp}-{seq[stamp]:03d}"
        yield row


def _complaint(rng: random.Random, n: int) -> list[str]:
    months = _months()
    month = rng.choices(months, [month_weight(m) for m in months])[0]
    received = _when(rng, month, False)
    channel = rng.choices([c for c, _ in CHANNELS[:5]], [w for _, w in CHANNELS[:5]])[0]
    topic, _ = rng.choice(TOPICS)
    level = "major" if channel == "government" or rng.random() < 0.06 else "general"
    limit_h, close_d = (1, 15) if level == "major" else (2, 7)
    responded = _at(rng, received, limit_h, 0.03)
    closed = received.date() + dt.timedelta(days=rng.randrange(1, close_d))
    status = "closed" if closed < CUTOFF.date() else "responded"
    building, unit = rng.choice(homes())
    return [
        "", _dt(received), channel, "1", topic, level, "", _dt(responded),
        closed.isoformat() if status == "closed" else "", "", "", status, building, unit, "",
    ]  # fmt: skip


def _stories() -> list[list[str]]:
    """The complaints the README tells about."""
    s = "serious"
    return [
        # 16 T3 households after the typhoon: a group complaint, handled at its level
        ["", "2026-08-05 10:20", "counter", "16", "SP-ENG-001", s, "", "2026-08-05 10:55",
         "2026-09-01", "", "", "closed", "T3", "", "T3西向外窗台风后渗漏，16户业主联名"],
        # a Douyin video of the same windows: serious, public relations brought in
        ["", "2026-08-12 21:40", "douyin", "1", "SP-ENG-001", s, "public-relations",
         "2026-08-12 22:15", "2026-08-26", "", "", "closed", "T3", "2406",
         "业主发布雨水从窗框涌入视频，品牌公关当晚介入"],
        # six households over car-park leaks
        ["", "2026-07-20 09:05", "wechat", "6", "SP-ENG-005", s, "", "2026-07-20 09:40",
         "2026-08-10", "", "", "closed", "T2", "", "地下车库顶板渗水滴落车顶"],
        # a flooded home below a burst pipe: compensation, with evidence and legal
        ["", "2026-01-14 08:10", "phone", "1", "SP-ENG-004", "major", "legal",
         "2026-01-14 08:30", "2026-01-27", "8600", "现场照片、维修记录及损失清单（业主签认）",
         "closed", "T1", "1805", "楼上给水软管脱落，木地板泡水赔偿"],
        # a home the fit-out contractor damaged: compensation without evidence on file
        ["", "2026-06-03 15:30", "counter", "1", "家具被维修人员划伤", "major", "legal",
         "2026-06-03 16:00", "2026-06-12", "1200", "", "closed", "T4", "2202",
         "华艺装饰维修时划伤衣柜，现场协商赔付"],
        # a Weibo post logged as general and not passed to public relations
        ["", "2026-09-21 19:45", "weibo", "1", "车库入口暴雨积水", "general", "",
         "2026-09-21 20:30", "", "", "", "responded", "", "",
         "业主微博发帖并@公司官微，客服已回复"],
        # two general complaints open for more than a week
        ["", "2026-10-06 11:00", "phone", "1", "门窗维修迟迟未处理", "general", "",
         "2026-10-06 11:40", "", "", "", "responded", "T2", "2105", "推拉门滑轮等待备件"],
        ["", "2026-10-09 16:20", "app", "1", "SP-CR-007", "general", "", "2026-10-09 17:05",
         "", "", "", "responded", "T3", "1603", "外窗渗漏第三次报修"],
    ]  # fmt: skip


# Surveys -------------------------------------------------------------------------------

DIMENSIONS = ("planning-design", "build-quality", "finishes", "landscape-facilities",
              "sales-service", "delivery-service", "repair-service", "complaint-handling",
              "property-service", "community")  # fmt: skip
# (date, stage, homes, mean index by dimension)
WAVES = (
    (dt.date(2025, 9, 20), "prospective", 36, {
        "planning-design": 0.95, "build-quality": 0.94, "finishes": 0.93,
        "landscape-facilities": 0.93, "sales-service": 0.94, "community": 0.92}),
    (dt.date(2026, 1, 18), "run-in", 38, {
        "planning-design": 0.94, "build-quality": 0.85, "finishes": 0.93,
        "landscape-facilities": 0.92, "sales-service": 0.93, "delivery-service": 0.95,
        "repair-service": 0.86, "complaint-handling": 0.85, "property-service": 0.94,
        "community": 0.91}),
    (dt.date(2026, 6, 20), "run-in", 32, {
        "planning-design": 0.94, "build-quality": 0.84, "finishes": 0.93,
        "landscape-facilities": 0.92, "sales-service": 0.93, "delivery-service": 0.95,
        "repair-service": 0.87, "complaint-handling": 0.84, "property-service": 0.94,
        "community": 0.91}),
    (dt.date(2026, 10, 19), "stable", 16, {
        "planning-design": 0.94, "build-quality": 0.86, "finishes": 0.93,
        "landscape-facilities": 0.92, "sales-service": 0.93, "delivery-service": 0.95,
        "repair-service": 0.88, "complaint-handling": 0.86, "property-service": 0.94,
        "community": 0.92}),
)  # fmt: skip


def survey_rows(rng: random.Random) -> Iterator[list[str]]:
    """Every answer: each home of a wave answers every dimension its stage can judge."""
    for day, stage, count, means in WAVES:
        for building, unit in sorted(rng.sample(homes(), count)):
            for dim in DIMENSIONS:
                if dim not in means:
                    continue
                expected = min(10, max(6, round(rng.gauss(8.7, 0.8))))
                ratio = rng.gauss(means[dim], 0.07)
                perceived = min(10, max(1, round(expected * ratio)))
                yield [building, unit, stage, dim, str(expected), str(perceived), day.isoformat()]


def _write(path: Path, header: list[str], rows: Iterator[list[str]] | list[list[str]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


def write(out: Path = OUT) -> dict[str, int]:
    """Write the three registers into `out`; how many rows each holds."""
    rng = random.Random(SEED)
    repairs = draw_repairs(rng)
    fill(repairs, rng)
    return {
        "repairs": _write(out / "repairs.csv", REPAIR_HEADER, [r.row for r in repairs]),
        "complaints": _write(out / "complaints.csv", COMPLAINT_HEADER, complaint_rows(rng)),
        "surveys": _write(out / "surveys.csv", SURVEY_HEADER, survey_rows(rng)),
    }


if __name__ == "__main__":
    for name, count in write().items():
        print(f"wrote {count} rows to {(OUT / f'{name}.csv').relative_to(HERE.parent)}")
