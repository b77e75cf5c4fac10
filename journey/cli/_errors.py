"""Errors become messages and exit codes here, once, at the edge of the program."""

from __future__ import annotations

import sys
import traceback

import click

from journey.cli._context import Settings, current, print_problems

EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def run(group: click.Group, argv: list[str] | None) -> int:
    """Invoke the CLI; map every outcome to the exit codes of SPEC §5."""
    from journey.errors import InvalidInput, OutputError, UsageProblem

    args = list(sys.argv[1:] if argv is None else argv)
    _argv[:] = args
    try:
        result = group.main(args=argv, prog_name="journey", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_INVALID
    except click.Abort:
        click.echo(_text("cli.interrupted"), err=True)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        click.echo(_text("cli.interrupted"), err=True)
        return EXIT_INTERRUPTED
    except InvalidInput as exc:
        s = _settings()
        errors, warnings = print_problems(exc.problems, s)
        _summary(s, errors, warnings, exc.problems)
        return EXIT_INVALID
    except (UsageProblem, OutputError) as exc:
        click.echo(f"journey: error: {_text(exc.code, **exc.params)}", err=True)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so in one line, details only with -v
        if _settings().verbose:
            traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        click.echo(f"journey: {_text('cli.internal', detail=detail)}", err=True)
        return EXIT_BUG
    return int(result) if isinstance(result, int) else EXIT_OK


_argv: list[str] = []


def _settings() -> Settings:
    found = current()
    if found is not None:
        return found
    from journey.messages import default_lang

    zh = "--lang=zh" in _argv or _after(_argv, "--lang") == "zh"
    return Settings(lang="zh" if zh else default_lang(), verbose="-v" in _argv)


def _after(argv: list[str], flag: str) -> str | None:
    return argv[argv.index(flag) + 1] if flag in argv[:-1] else None


def _text(code: str, **params: object) -> str:
    from journey.messages import text

    return text(code, _settings().lang, **params)


def _summary(s: Settings, errors: int, warnings: int, problems: object) -> None:
    from journey.messages import text

    files = len({p.place.file for p in problems}) if isinstance(problems, tuple) else 0
    if not s.quiet:
        click.echo(
            text("cli.summary_errors", s.lang, errors=errors, warnings=warnings, files=files),
            err=True,
        )
