"""`journey init DIR`: write a commented starter project that validates."""

from __future__ import annotations

from pathlib import Path

import click

from journey.cli._context import say, settings


@click.command("init")
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path, file_okay=False))
def command(folder: Path) -> int:
    """Write DIR/project.yaml (commented) and an empty findings CSV.

    DIR is created if missing. An existing project.yaml is never overwritten (exit 2).
    Placeholder milestone dates are set after --as-of (default today).
    """
    from journey.catalog import shown_path
    from journey.messages import text
    from journey.starter import write_starter

    s = settings()
    written = write_starter(folder, s.as_of)
    files = ", ".join(shown_path(p) for p in written)
    say(text("init.written", s.lang, files=files), s)
    say(text("init.next", s.lang, path=shown_path(written[0]), folder=shown_path(folder)), s)
    return 0
