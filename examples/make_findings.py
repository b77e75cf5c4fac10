"""Generate the Harbour View Phase 2 findings: `harbour-view/findings/acceptance.csv`.

Deterministic (`random.Random(2026)`): running it again writes the same bytes, and
tests/test_example.py checks that. The data tells this story, as of 2026-10-20:

- Round 1, civil works (2026-07-29 to 08-08): every unit of the six towers inspected;
  T1–T5 have verified everything except three hollowing findings in T5 still disputed
  with the owners' representative; T6, whose main-contractor crew was moved to
  Phase 3 in August, still has about one in six open.
- Round 2, installation (2026-09-27 to 10-07): T1–T5 about 98 % verified; T6 about half.
- A pre-walk of the final round in T1–T4 ahead of the open day (2026-10-12 to 10-16):
  a few finish findings each, most of them still open.

    python examples/make_findings.py            # rewrites the CSV
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).parent / "harbour-view" / "findings" / "acceptance.csv"
AS_OF = dt.date(2026, 10, 20)
TOWERS = ("T1", "T2", "T3", "T4", "T5", "T6")
FLOORS = range(2, 32)  # 30 residential floors of 7 homes: 210 homes a tower, 1,260 in all
HOMES_PER_FLOOR = 7
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
]

MAIN = "Zhongjian No.3 Bureau"
WATERPROOF = "Dongfang Waterproofing"
WINDOWS = "Jinghua Doors & Windows"
MEP = "Anda MEP"
LIFTS = "Xunda Lifts"
FIRE = "Tianhe Fire Engineering"
DECOR = "Huaxin Decoration"

UNIT_ROOMS = ("living room", "master bedroom", "bedroom 2", "kitchen", "bathroom", "balcony")
PUBLIC_ROOMS = ("1F lobby", "lift hall", "stair 1", "stair 2", "B1 car park", "roof")

# (item, weight, contractor, rooms; an empty unit for public-area items)
Kind = tuple[str, int, str, tuple[str, ...], bool]
ROUNDS: dict[str, tuple[dt.date, int, list[Kind]]] = {
    "civil": (
        dt.date(2026, 7, 29),
        11,
        [
            ("AC-CIV-001", 30, MAIN, UNIT_ROOMS, False),
            ("AC-CIV-002", 18, MAIN, UNIT_ROOMS, False),
            ("AC-CIV-004", 14, MAIN, ("living room", "master bedroom", "bedroom 2"), False),
            ("AC-CIV-007", 5, MAIN, ("master bedroom", "bedroom 2", "living room"), False),
            ("AC-CIV-008", 9, WINDOWS, ("living room", "master bedroom", "balcony"), False),
            ("AC-CIV-010", 6, WATERPROOF, ("bathroom", "kitchen", "balcony"), False),
            ("AC-CIV-011", 4, WATERPROOF, ("bathroom", "kitchen"), False),
            ("AC-CIV-013", 10, MAIN, UNIT_ROOMS, False),
            ("AC-CIV-014", 8, MAIN, UNIT_ROOMS, False),
            ("AC-CIV-018", 3, MAIN, ("living room", "balcony"), False),
            ("AC-CIV-021", 3, MAIN, ("balcony", "master bedroom"), False),
            ("AC-CIV-009", 1, WATERPROOF, ("B1 car park", "B2 ramp"), True),
            ("AC-CIV-017", 1, MAIN, ("stair 1", "stair 2"), True),
        ],
    ),
    "installation": (
        dt.date(2026, 9, 27),
        11,
        [
            ("AC-INS-001", 8, MEP, UNIT_ROOMS, False),
            ("AC-INS-006", 10, MEP, UNIT_ROOMS, False),
            ("AC-INS-008", 5, MEP, ("kitchen", "bathroom"), False),
            ("AC-INS-009", 7, MEP, ("kitchen", "bathroom", "balcony"), False),
            ("AC-INS-010", 4, WATERPROOF, ("bathroom", "kitchen"), False),
            ("AC-INS-011", 6, MEP, ("bathroom", "balcony"), False),
            ("AC-INS-015", 4, MEP, ("kitchen", "bathroom"), False),
            ("AC-INS-016", 7, WINDOWS, ("living room", "master bedroom", "bedroom 2"), False),
            (
                "AC-INS-018",
                12,
                DECOR,
                ("entrance", "master bedroom", "bedroom 2", "bathroom"),
                False,
            ),
            ("AC-INS-026", 6, MEP, ("bathroom", "kitchen"), False),
            ("AC-INS-027", 3, MEP, ("living room", "master bedroom"), False),
            ("AC-INS-021", 1, LIFTS, ("lift L1", "lift L2", "lift L3", "lift L4"), True),
            ("AC-INS-023", 1, FIRE, ("lift hall", "stair 1", "stair 2"), True),
        ],
    ),
    "final": (
        dt.date(2026, 10, 12),
        5,
        [
            ("AC-FIN-001", 10, DECOR, UNIT_ROOMS, False),
            ("AC-FIN-002", 4, DECOR, ("kitchen", "bathroom", "living room"), False),
            ("AC-FIN-004", 5, DECOR, ("living room", "master bedroom", "bedroom 2"), False),
            ("AC-FIN-005", 6, DECOR, ("kitchen", "bathroom"), False),
            ("AC-FIN-010", 6, DECOR, UNIT_ROOMS, False),
            ("AC-FIN-012", 1, DECOR, ("lift hall", "stair 1", "stair 2"), True),
        ],
    ),
}

# Findings per home in each round, and the share verified, by tower (T6 lags).
PER_HOME = {"civil": 1.6, "installation": 1.2, "final": 0.15}
VERIFIED = {
    "civil": dict.fromkeys(TOWERS[:5], 1.0) | {"T6": 0.84},
    "installation": dict.fromkeys(TOWERS[:5], 0.98) | {"T6": 0.52},
    "final": dict.fromkeys(TOWERS[:4], 0.4) | {"T5": 0.0, "T6": 0.0},
}
OPEN_STATUSES = ("open", "open", "rectified", "rectified", "rectified", "reopened", "disputed")
NOTES = {
    "disputed": "owners' rep disputes the repair method",
    "reopened": "failed re-inspection",
    "rectified": "awaiting joint re-inspection",
}


def homes(tower: str) -> Iterator[str]:
    """The unit numbers of a tower: 201 … 3107."""
    for floor in FLOORS:
        for home in range(1, HOMES_PER_FLOOR + 1):
            yield f"{floor}{home:02d}"


def rows(rng: random.Random) -> Iterator[list[str]]:
    """Every finding, round by round and tower by tower."""
    for round_name, (start, days, kinds) in ROUNDS.items():
        weights = [k[1] for k in kinds]
        for tower in TOWERS:
            share = VERIFIED[round_name][tower]
            if round_name == "final" and tower in ("T5", "T6"):
                continue  # the pre-walk covered T1–T4 only
            count = 0
            for unit in homes(tower):
                for _ in range(_how_many(rng, PER_HOME[round_name])):
                    count += 1
                    kind = rng.choices(kinds, weights)[0]
                    found = start + dt.timedelta(days=rng.randrange(days))
                    fid = f"HV2-{round_name[:3].upper()}-{tower}-{count:04d}"
                    yield _row(rng, fid, kind, tower, unit, found, share)
    yield from _disputed_in_t5()


def _how_many(rng: random.Random, mean: float) -> int:
    """A small count around `mean` (0, 1, 2 … with the right average)."""
    whole = int(mean)
    return whole + (1 if rng.random() < mean - whole else 0)


def _row(
    rng: random.Random, fid: str, kind: Kind, tower: str, unit: str, found: dt.date, share: float
) -> list[str]:
    item, _weight, contractor, rooms, public = kind
    due = found + dt.timedelta(days=14 if item.startswith("AC-CIV") else 7)
    verified = rng.random() < share
    status = "verified" if verified else rng.choice(OPEN_STATUSES)
    closed = ""
    if verified:
        closed = min(found + dt.timedelta(days=rng.randrange(3, 21)), AS_OF).isoformat()
    note = NOTES.get(status, "") if rng.random() < 0.5 else ""
    room = rng.choice(rooms)
    return [
        fid,
        item,
        tower,
        "" if public else unit,
        room,
        status,
        found.isoformat(),
        due.isoformat(),
        closed,
        contractor,
        note,
    ]


def _disputed_in_t5() -> Iterator[list[str]]:
    """Three round-1 hollowing findings in T5 that the owners' representative disputes."""
    for n, (unit, room) in enumerate((("1203", "living room"), ("1705", "master bedroom"),
                                      ("2302", "bedroom 2")), start=1):  # fmt: skip
        yield [
            f"HV2-CIV-T5-D{n:03d}",
            "AC-CIV-001",
            "T5",
            unit,
            room,
            "disputed",
            "2026-08-03",
            "2026-08-17",
            "",
            MAIN,
            "owners' rep asks for full re-plastering, contractor offers local repair",
        ]


def write(path: Path = OUT) -> int:
    """Write the CSV; return the number of findings."""
    rng = random.Random(2026)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows(rng):
            writer.writerow(row)
            count += 1
    return count


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(f"wrote {write(target)} findings to {target}")
