"""A fork server for the crash-safety test: imports the program once, then for each round forks a
worker that takes items in (or back-enters a file), and kills it with SIGKILL at the moment asked.

Single-threaded on purpose (forking a threaded process is unsafe). Driven over stdin/stdout by
tests/test_crash_safety.py, one line per round:

    intake <when> <delay_ms>    when = fork | ready: the delay counts from the fork, or from the
                                moment the worker has its database open and starts taking items
    bulk <when> <delay_ms> CSV  when = fork | write: ... or from the moment its one write has begun

and answers ``killed`` (or ``finished`` when the worker ended before the kill). After each intake
returns, the worker appends the id to RETURNED (a plain write: a SIGKILL never loses what the
kernel was given); a bulk back-entry appends ``bulk <n>`` when its import returned.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time


def worker(db: str, returned: str, mode: str, csv: str | None, signal_fd: int) -> None:
    from kt1desk.services import backentry, intake, users
    from kt1desk.storage import Store

    log = os.open(returned, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    store = Store(db)
    if mode == "bulk":
        actor = users.get_user(store, "giamsat")
        begin = store._begin

        def begin_and_say() -> None:
            begin()
            os.write(signal_fd, b"W")  # the one write has the lock: kill inside it from here on

        store._begin = begin_and_say
        os.write(signal_fd, b"R")
        ids = backentry.import_items(store, actor, csv)
        os.write(log, f"bulk {len(ids)}\n".encode())
        return
    clerk = users.get_user(store, "gdv1")
    os.write(signal_fd, b"R")
    while True:
        accepted = intake.intake(store, clerk, sender="TUDLK", recipient="STC", kind="thu", weight_g=20)
        os.write(log, (accepted.item["id"] + "\n").encode())


def wait_for(fd: int, byte: bytes, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return False
        got = os.read(fd, 1)
        if not got:
            return False
        if got == byte:
            return True
    return False


def clock_year() -> int:
    from kt1desk import clock

    return clock.now().year


def main() -> None:
    db, returned = sys.argv[1], sys.argv[2]
    import kt1desk.services.backentry  # noqa: F401 (imported once, before any fork)
    import kt1desk.services.intake  # noqa: F401
    import kt1desk.storage  # noqa: F401
    from kt1desk import workdays

    # What a long-running program has loaded already (the holiday tables): each worker then spends
    # its life taking items in, not importing.
    for year in range(clock_year() - 1, clock_year() + 2):
        workdays._vn_holidays(year)
    print("ready", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        mode, when, delay = parts[0], parts[1], int(parts[2]) / 1000
        csv = parts[3] if len(parts) > 3 else None
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            code = 0
            try:
                worker(db, returned, mode, csv, write_fd)
            except BaseException as err:  # noqa: BLE001 - reported to the test, which fails on it
                with open(returned + ".errors", "a", encoding="utf-8") as out:
                    out.write(f"{type(err).__name__}: {err}\n")
                code = 1
            os._exit(code)
        os.close(write_fd)
        if when in ("ready", "write"):
            wait_for(read_fd, b"R" if when == "ready" else b"W", 30)
        time.sleep(delay)
        finished, status = os.waitpid(pid, os.WNOHANG)
        if not finished:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(read_fd)
        print("finished" if finished else "killed", flush=True)


if __name__ == "__main__":
    main()
