"""journey as a process: standard output that fails, Ctrl-C, `python -m journey`.

These run the installed command in a subprocess, as a shell or a CI runner does:
what happens at interpreter exit (the last flush of standard output) only shows there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import null_device

JOURNEY = [sys.executable, "-m", "journey"]
EXAMPLE = Path(__file__).parent.parent / "examples" / "harbour-view"
GATE = ["--as-of", "2026-10-20", "gate", "open-day", "--project", str(EXAMPLE), "-q"]


def _env() -> dict[str, str]:
    env = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1")
    env.pop("JOURNEY_CATALOG", None)
    return env


def test_python_dash_m_runs_journey() -> None:
    from journey import __version__

    done = subprocess.run([*JOURNEY, "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, f"journey {__version__}\n")


@pytest.mark.parametrize(
    "args", [GATE, ["catalog", "list"], ["schema"]], ids=["gate", "catalog", "schema"]
)
def test_a_full_disk_on_standard_output_is_exit_2(args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [*JOURNEY, *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == (
        "journey: error: cannot write <stdout>: No space left on device"
    )
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [GATE, ["catalog", "list"], ["schema"], ["graph"]],
    ids=["gate", "catalog", "schema", "graph"],
)
def test_a_closed_pipe_is_exit_2_not_a_verdict(args: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before journey writes a byte
    done = subprocess.run(
        [*JOURNEY, *args], stdout=write, stderr=subprocess.PIPE, text=True, env=_env(), check=False
    )
    os.close(write)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == (
        "journey: error: standard output was closed before everything was written"
    )
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_ctrl_c_while_the_program_is_imported_is_quiet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins

    import journey.__main__ as entry

    real = builtins.__import__

    def interrupted(name: str, *args: object, **kwargs: object) -> object:
        if name == "journey.cli":
            raise KeyboardInterrupt
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", interrupted)
    monkeypatch.setattr(entry, "_quit", sys.exit)  # the real one ends the process at once
    monkeypatch.setenv("LANG", "C.UTF-8")
    with pytest.raises(SystemExit) as caught:
        entry.main()
    monkeypatch.undo()
    assert caught.value.code == 130
    assert capsys.readouterr().err == "interrupted\n"


@pytest.mark.parametrize("where", ["journey.checking.validate_paths", "click.Group.main"])
def test_ctrl_c_anywhere_in_a_command_is_exit_130(
    where: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from journey.cli import main

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(where, interrupted)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["validate"]) == 130
    err = capsys.readouterr().err
    assert err.strip() == "interrupted" and "Traceback" not in err


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2])
def test_ctrl_c_once_journey_runs_is_quiet(delay: float, tmp_path: Path) -> None:
    """A signal before Python has started its own modules is Python's; from the first
    line of journey on, Ctrl-C ends the run with exit 130 and one line. The signal is
    sent once the process has loaded a library journey imports (pydantic's core),
    however long a busy machine takes to get there."""
    process = subprocess.Popen(
        [*JOURNEY, *GATE, "-o", f"json:{null_device(tmp_path)}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    maps = Path(f"/proc/{process.pid}/maps")
    deadline = time.monotonic() + 30
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if "pydantic_core" in maps.read_text():
                break
        except OSError:
            break
        time.sleep(0.002)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert "Traceback" not in err, err
    assert process.returncode in (1, 130), err


def test_an_interrupt_python_wrapped_is_still_an_interrupt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C while a class is being created reaches journey as a RuntimeError whose cause
    is the KeyboardInterrupt (`__set_name__`): exit 130, not an internal error."""
    from journey.cli import main

    def wrapped(*_args: object, **_kwargs: object) -> None:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__ on 'cached_property'") from exc

    monkeypatch.setattr("journey.checking.validate_paths", wrapped)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["validate"]) == 130
    assert capsys.readouterr().err.strip() == "interrupted"
