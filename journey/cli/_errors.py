"""Errors become messages and exit codes here, once, at the edge of the program."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from typing import TypeVar

import click

from journey.cli._context import Settings, current, print_problems, summarise
from journey.errors import caused_by_interrupt

T = TypeVar("T")

EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class StreamFailed(Exception):
    """Writing to standard output or standard error failed (carries the OSError).

    Raised past click, which would otherwise turn a closed pipe into exit 1, the code
    of a failed gate."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def guard_streams(invoke: Callable[[], T]) -> T:
    """Run `invoke`, turning a failure to write a standard stream into StreamFailed."""
    try:
        return invoke()
    except OSError as exc:
        if is_output_failure(exc):
            raise StreamFailed(exc) from exc
        raise


def run(group: click.Group, argv: list[str] | None) -> int:
    """Invoke the CLI; map every outcome to the exit codes of SPEC §5."""
    try:
        args = list(sys.argv[1:] if argv is None else argv)
        _argv[:] = args
        code = _invoke(group, argv)
        sys.stdout.flush()
    except KeyboardInterrupt:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            _silence_stdout()
        click.echo(_text("cli.interrupted"), err=True)
        return EXIT_INTERRUPTED
    except (OSError, StreamFailed) as exc:
        cause = exc.cause if isinstance(exc, StreamFailed) else exc
        if not is_output_failure(cause):
            raise
        _silence_stdout()
        return _stdout_failed(cause)
    return code


def _invoke(group: click.Group, argv: list[str] | None) -> int:
    from journey.errors import InvalidInput, OutputError, UsageProblem

    try:
        result = group.main(args=argv, prog_name="journey", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        _show(exc)
        return EXIT_INVALID
    except click.Abort:
        raise KeyboardInterrupt from None
    except InvalidInput as exc:
        s = _settings()
        errors, warnings = print_problems(exc.problems, s)
        if not s.quiet:
            summarise(exc.problems, errors, warnings, s)
        return EXIT_INVALID
    except (UsageProblem, OutputError) as exc:
        click.echo(f"journey: error: {_text(exc.code, **exc.params)}", err=True)
        return EXIT_INVALID
    except (KeyboardInterrupt, StreamFailed):
        raise
    except OSError as exc:
        if is_output_failure(exc):
            raise
        return _bug(exc)
    except Exception as exc:  # a bug: say so in one line, details only with -v
        if caused_by_interrupt(exc):  # Ctrl-C that Python wrapped (as in `__set_name__`)
            raise KeyboardInterrupt from None
        return _bug(exc)
    return int(result) if isinstance(result, int) else EXIT_OK


def _bug(exc: BaseException) -> int:
    from journey.chars import printable

    if _settings().verbose:
        import traceback  # only for a bug, and only with -v: not at every start

        traceback.print_exception(exc)
    detail = printable(f"{type(exc).__name__}: {exc}".splitlines()[0][:200])
    click.echo(f"journey: {_text('cli.internal', detail=detail)}", err=True)
    return EXIT_BUG


def _show(exc: click.ClickException) -> None:
    """click's own usage error, with the offending value kept on one line."""
    from journey.chars import printable

    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        hint = f"Try '{ctx.command_path} --help' for help.\n"
        click.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    click.echo(f"Error: {printable(exc.format_message())}", err=True)


# Writing to standard output (or standard error) failed: the reader went away, or the
# disk behind a redirection is full. Every file journey writes reports its own failures
# as OutputError, so an OSError with one of these numbers reaching here is about them.
_OUTPUT_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def is_output_failure(exc: OSError) -> bool:
    """True for the failures of writing a stream: a closed pipe, a full disk."""
    return isinstance(exc, BrokenPipeError) or exc.errno in _OUTPUT_ERRNOS


def _stdout_failed(exc: OSError) -> int:
    if isinstance(exc, BrokenPipeError):
        message = _text("output.stdout_closed")
    else:
        reason = exc.strerror or str(exc)
        message = _text("report.write_failed", path="<stdout>", reason=reason)
    with contextlib.suppress(OSError):
        click.echo(f"journey: error: {message}", err=True)
    return EXIT_INVALID


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush of
    text that could not be written raises nothing more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


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
