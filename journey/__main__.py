"""`journey` and `python -m journey`: run the command line, even when interrupted early.

The console script imports this small module first. Ctrl-C while the rest of the
program is still being imported ends quietly with exit 130, as it does later on.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    try:
        from journey.cli import main as run
    except KeyboardInterrupt:
        from journey.messages import default_lang, text

        sys.stderr.write(text("cli.interrupted", default_lang()) + "\n")
        sys.exit(130)
    sys.exit(run())


if __name__ == "__main__":
    main()
