"""Many projects at once (SPEC §14): `journey portfolio`.

An area package: it imports the core (catalog, project, gates, numbers) and nothing in
the core imports it. `build` finds the projects under some folders, takes unchanged ones
from the cache and reads the others in parallel, one worker process per core, each into
a small summary; `page.write` writes `portfolio.json` and `index.html`, then the cache.

- `models` — the summaries, what recurs, the portfolio;
- `summary` — one project summarised (gates, numbers, red lines, counts);
- `workers` — reading projects in worker processes, stamping their files;
- `cache` — the signed cache of summaries, and when a project is unchanged;
- `recur` — what recurs across projects, uncovered items first;
- `build` — finding projects and putting it all together;
- `page` — the JSON document and the page.
"""

from __future__ import annotations

from journey.portfolio.build import build, find_projects
from journey.portfolio.models import Portfolio
from journey.portfolio.page import write

__all__ = ["Portfolio", "build", "find_projects", "write"]
