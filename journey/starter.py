"""`journey init`: a commented starter project that validates against the bundled catalog."""

from __future__ import annotations

import datetime as dt
import re
import shlex
from pathlib import Path

from journey.chars import printable
from journey.dates import add_days
from journey.errors import OutputError, UsageProblem
from journey.findings import COLUMNS

FINDINGS_FILE = "findings/findings.csv"
SCHEMA_FILE = "project.schema.json"  # beside project.yaml: editors find it offline

_TEMPLATE = """\
# yaml-language-server: $schema={schema_file}
# A journey project: where this development stands against the company catalog.
# 项目文件：本项目相对于公司标准库的状态。Check it with: journey validate {folder}
kind: project
id: {project_id}  # lower-case letters, digits and hyphens
name: {{en: {name}, zh: {name}}}  # 项目名称
# positioning: post-processing | process | whole-process | comprehensive
# (items above this level do not apply to the project)
positioning: process
units: 0  # number of homes
buildings: []  # e.g. [T1, T2, T3]; findings must name one of these
milestones:  # YYYY-MM-DD; replace these placeholder dates
  design_freeze: {design_freeze}  # construction drawings frozen
  sales_launch: {sales_launch}
  open_day: {open_day}  # at least 30 days before delivery
  delivery: {delivery}
  # warranty_review: a year after delivery, for the after-delivery gate (保修期服务评估)
# stage: design | construction | sales | pre-delivery | delivery | after-delivery
stage: construction

# Risk statuses: open | mitigating | closed | accepted. Unlisted risks count as open.
risks: {{}}
#  RS-001: {{status: mitigating, assignee: Li Wei, due: 2026-06-30}}
#  RD-004: {{status: closed, evidence: contract clause reviewed by legal}}

# Check results: pending | pass | fail | n/a. Unlisted checklist items are pending.
checks: {{}}
#  OD-001: pass
#  OD-003: {{status: fail, note: lift hall power not yet energised}}

# Delivery-preparation tasks: todo | doing | done. Unlisted tasks are todo.
tasks: {{}}
#  DP-001: done

# Inspection findings, CSV (UTF-8) or .xlsx, relative to this folder. Columns:
# {columns}
findings: [{findings}]

# After handover (保修期): the repair register, the complaint register and the satisfaction
# survey answers, CSV (UTF-8) or .xlsx, relative to this folder; see `journey schema project`.
repairs: []
complaints: []
surveys: []
# Improvement actions (改进措施) for each satisfaction dimension below its target:
actions: []
#  - id: IA-001
#    dimension: repair-service
#    action: call back every owner within 24 h of a repair being done
#    owner: customer-relations
#    assignee: Li Wei
#    due: 2027-03-31
#    standard: every repair called back; repair-service index at least 0.90
#    status: open

# Approved exceptions for an item id or a gate rule id; expired waivers stop applying.
waivers: []
#  - target: AC-FIN-009
#    reason: feature wall colour variation accepted by design review
#    approved_by: Zhang Min
#    expires: 2026-12-31

# Project-specific risks: the fields of a catalog risk plus `phase: sales | delivery`.
extra_risks: []
"""


def starter_text(folder: Path, as_of: dt.date) -> str:
    """The starter `project.yaml` for `folder`, with placeholder dates after `as_of`."""
    return _TEMPLATE.format(
        schema_file=SCHEMA_FILE,
        folder=printable(shlex.quote(folder.as_posix())),  # a comment: one line
        project_id=project_id(folder),
        name=_name(folder),
        design_freeze=add_days(as_of, 30).isoformat(),
        sales_launch=add_days(as_of, 90).isoformat(),
        open_day=add_days(as_of, 300).isoformat(),
        delivery=add_days(as_of, 365).isoformat(),
        columns=", ".join(COLUMNS),
        findings=FINDINGS_FILE,
    )


def project_id(folder: Path) -> str:
    """A project id from the folder name: `Harbour View 2` -> `harbour-view-2`."""
    slug = re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-")
    return slug if re.match(r"^[a-z]", slug) else f"project-{slug}".rstrip("-")


def _name(folder: Path) -> str:
    name = folder.resolve().name.strip() or "New project"
    # Keep the flow mapping valid YAML whatever the folder is called.
    return name if re.fullmatch(r"\w[\w .-]*", name) else "New project"


def write_starter(folder: Path, as_of: dt.date) -> list[Path]:
    """Write `project.yaml`, the project's JSON Schema and an empty findings CSV into
    `folder` (created if missing).

    Every file is created, never written over nor through a symbolic link: an existing
    `project.yaml` (even a dangling link) is refused with UsageProblem; an existing
    schema or findings file is kept. Raises OutputError when the files cannot be written.
    """
    from journey.catalog import shown_path
    from journey.schemas import schema_for, schema_text
    from journey.writing import create

    target = folder / "project.yaml"
    if target.exists() or target.is_symlink():
        raise UsageProblem("init.exists", path=shown_path(target))
    findings = folder / FINDINGS_FILE
    schema = schema_text(schema_for("project"))
    try:
        findings.parent.mkdir(parents=True, exist_ok=True)
        if not create(target, starter_text(folder, as_of)):
            raise UsageProblem("init.exists", path=shown_path(target))
        written = [target]
        for path, text in (
            (folder / SCHEMA_FILE, schema),
            (findings, ",".join(COLUMNS) + "\n"),
        ):
            if create(path, text):
                written.append(path)
    except OSError as exc:
        where = shown_path(Path(exc.filename)) if exc.filename else shown_path(folder)
        raise OutputError("init.cannot_write", path=where, reason=exc.strerror or "") from exc
    return written
