"""`tasks-done`: plan tasks scheduled to finish by the gate's milestone are done."""

from __future__ import annotations

from typing import Literal

from journey.rules._base import RuleOptions


class Options(RuleOptions):
    """Tasks whose scheduled finish is on or before the gate milestone must be `done`."""

    rule: Literal["tasks-done"]
