"""Start-up of the built program (PyInstaller, build_installer.spec) against start-up from source.

    python bench/bench_bundle.py --bundle dist/kt1desk --runs 5

Each start is a fresh process on a demo database, on a private Xvfb, alternating:

* floor — ``python -c`` with PySide6: a bare QMainWindow titled like ours, shown;
* source — ``python -m kt1desk`` (the README's ``uv run kt1desk``) until its login window is on screen;
* bundle — ``dist/kt1desk/kt1desk`` until its login window is on screen.

"On screen" is seen from outside, as a person would: ``xdotool search --onlyvisible`` polled every
10 ms. The command line is timed too (``counter list``: imports, opening the database, one query).
Prints medians and ratios; asserts nothing. The machine is shared: compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR = ("import sys\nfrom PySide6.QtWidgets import QApplication, QMainWindow\napp = QApplication(sys.argv[:1])\n"
         "w = QMainWindow(); w.setWindowTitle('KT1 Desk — floor'); w.resize(400, 300); w.show(); app.exec()\n")


def xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        number += os.read(read, 16)
    os.close(read)
    return server, f":{number.decode().strip()}"


def time_to_window(command: list[str], env: dict, title: str, timeout: float = 60) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < timeout:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                                   capture_output=True, text=True)
            if found.stdout.strip():
                return time.perf_counter() - started
            if proc.poll() is not None:
                raise RuntimeError(f"{command[0]} ended ({proc.returncode}) before its window showed")
            time.sleep(0.01)
        raise TimeoutError(command)
    finally:
        proc.kill()
        proc.wait()


def time_command(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "kt1desk", help="the built one-folder program")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kt1-bench-bundle-"))
    db = work / "kt1.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KT1DESK_", "QT_QPA"))}
    env |= {"KT1DESK_PASSWORD": "bench-pass-1", "PYTHONPATH": str(ROOT), "HOME": str(work),
            "XDG_CONFIG_HOME": str(work / "config"), "XDG_DATA_HOME": str(work / "data")}
    subprocess.run([sys.executable, "-m", "kt1desk", "--db", str(db), "demo", "--items", "300"], env=env, check=True,
                   capture_output=True)
    server, display = xvfb()
    env["DISPLAY"] = display
    bundle = str(args.bundle / "kt1desk")
    starts = {"floor": [], "source": [], "bundle": []}
    cli = {"source": [], "bundle": []}
    try:
        for _ in range(args.runs):
            starts["floor"].append(time_to_window([sys.executable, "-c", FLOOR], env, "KT1 Desk — floor"))
            starts["source"].append(time_to_window([sys.executable, "-m", "kt1desk", "--db", str(db)], env, "KT1 Desk"))
            starts["bundle"].append(time_to_window([bundle, "--db", str(db)], env, "KT1 Desk"))
            cli["source"].append(time_command([sys.executable, "-m", "kt1desk", "--db", str(db), "counter", "list"], env))
            cli["bundle"].append(time_command([bundle, "--db", str(db), "counter", "list"], env))
    finally:
        server.kill()
    med = {k: statistics.median(v) * 1000 for k, v in starts.items()}
    print("| to the login window on screen (median) | ms | ratio to the floor | ratio to source |")
    print("|---|---|---|---|")
    print(f"| floor: bare QMainWindow from python | {med['floor']:.0f} | 1.00× | |")
    print(f"| from source (python -m kt1desk) | {med['source']:.0f} | {med['source'] / med['floor']:.2f}× | 1.00× |")
    print(f"| built program (dist/kt1desk/kt1desk) | {med['bundle']:.0f} | {med['bundle'] / med['floor']:.2f}× | "
          f"{med['bundle'] / med['source']:.2f}× |")
    cs, cb = (statistics.median(cli[k]) * 1000 for k in ("source", "bundle"))
    print(f"| command line `counter list`: source / built | {cs:.0f} / {cb:.0f} | | {cb / cs:.2f}× |")
    print(f"({args.runs} runs each, alternating; load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
