"""`journey schema [KIND]`: the JSON Schema of a file kind, for editors and CI."""

from __future__ import annotations

import click


@click.command("schema")
@click.argument("kind", required=False)
def command(kind: str | None) -> int:
    """Print the JSON Schema of a file KIND (risks, checklist, project, …).

    Without KIND, prints a schema that accepts any journey file by its `kind`.
    """
    from journey.errors import UsageProblem
    from journey.schemas import file_models, schema_all, schema_for, schema_text
    from journey.validation import suggest

    kinds = file_models()
    if kind is None:
        schema = schema_all()
    elif kind not in kinds:
        raise UsageProblem(
            "cli.unknown_kind",
            value=kind,
            choices=", ".join(kinds),
            suggestion=suggest(kind, kinds),
        )
    else:
        schema = schema_for(kind)
    click.echo(schema_text(schema), nl=False)
    return 0
