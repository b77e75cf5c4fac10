"""`journey` and `python -m journey`: run the command line, even when interrupted early.

The console script imports this small module first. Ctrl-C while the rest of the
program is still being imported ends quietly with exit 130, as it does later on.
"""

from __future__ import annotations

import sys
from typing import NoReturn


def main() -> None:
    """Console-script entry point."""
    try:
        from journey.cli import main as run
    except KeyboardInterrupt:
        _say_interrupted()
    except Exception as exc:
        from journey.errors import caused_by_interrupt

        if not caused_by_interrupt(exc):
            raise
        _say_interrupted()
    code = run()
    if code == 130:
        _stop_interrupted()
    sys.exit(code)


def _say_interrupted() -> NoReturn:
    from journey.messages import default_lang, text

    sys.stderr.write(text("cli.interrupted", default_lang()) + "\n")
    _stop_interrupted()


def _stop_interrupted() -> NoReturn:
    """End an interrupted run now. Its one line is written; letting the interpreter wind
    down could let the same Ctrl-C surface a second time (CPython then kills itself with
    SIGINT, and the shell sees no exit code 130)."""
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    _quit(130)


def _quit(code: int) -> NoReturn:
    """Leave at once, skipping the interpreter's wind-down (tests put `sys.exit` here)."""
    import os

    os._exit(code)


if __name__ == "__main__":
    main()
