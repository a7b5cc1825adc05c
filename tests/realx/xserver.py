"""A private X server (Xvfb) for the tests that depend on the window system, and the child that runs there.

The test process itself runs Qt offscreen (``tests/conftest.py``), and one process
has one Qt platform, so each real-X scenario runs in a child process
(``xchild.py``) with ``QT_QPA_PLATFORM=xcb`` on an Xvfb of the size asked. The
child drives the window with xdotool — keys as a keyboard and a USB scanner send
them, Shift presses included — and prints what it saw as one JSON line.

Xvfb picks a free display itself (``-displayfd``), so several test workers and
other people's X servers on the same machine never collide.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TOOLS = ("Xvfb", "xdotool")


def require_tools() -> None:
    """Skip (with the reason) where Xvfb or xdotool is missing; in CI their absence is a failure."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = (f"{' and '.join(missing)} not installed: the real-X tests need them "
               "(apt-get install xvfb xauth xdotool; .ci/run installs them)")
    if os.environ.get("CI"):
        pytest.fail("CI must run the real-X tests: " + message)
    pytest.skip(message)


class XServer:
    """``with XServer("1024x768") as x: x.run("scan")`` — an Xvfb of that size, stopped afterwards."""

    def __init__(self, size: str = "1024x768"):
        self.size = size
        self.display = ""
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> XServer:
        read, write = os.pipe()
        self._proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{self.size}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self._proc.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *_exc) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()

    def run(self, scenario: str, *args: str, env: dict[str, str] | None = None, timeout: float = 60) -> dict:
        """Run ``xchild.py SCENARIO ARGS`` on this display; returns its JSON report (fails the test otherwise)."""
        child_env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        child_env.pop("WAYLAND_DISPLAY", None)
        child_env.update(env or {})
        done = subprocess.run([sys.executable, str(HERE / "xchild.py"), scenario, *args], env=child_env,
                              capture_output=True, text=True, timeout=timeout, cwd=ROOT)
        lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        if done.returncode != 0 or not lines:
            pytest.fail(f"real-X scenario {scenario!r} failed (exit {done.returncode}):\n"
                        f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        return json.loads(lines[-1][len("RESULT "):])
