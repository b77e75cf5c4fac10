"""After the keys (SPEC §13): warranty repairs, tiered complaints, satisfaction, actions.

The data layer of the after-delivery area, which the core reads (catalog loading knows
its kinds; `journey.project` reads its registers at load):

- `journey.service.models` — the catalog kinds `service-levels` (repair categories and
  their limits), `complaint-levels` (levels lowest first, and the triggers that demand
  a level), `satisfaction` (dimensions with targets, the customer life-cycle stages),
  and the improvement actions of `project.yaml`;
- `journey.service.repairs`, `.complaints`, `.surveys` — the three registers, each a
  column schema for the one table reader (journey.tables) and a closure sink that folds
  rows into counters bounded by categories, levels, channels, units and dimensions;
- `journey.service.registers` — all three read for a project, with the checks that need
  every row first (`repeat_of` naming a repair of the register);
- `journey.service.checks` — the catalog and project cross-checks of these kinds.

The gate rules (journey.rules) and the `service` report (journey.reports.service) read
the aggregates; nothing here imports them.
"""
