import multiprocessing
import sys

from kt1desk.cli import main

if __name__ == "__main__":  # a guard: audit verify's worker processes import this module again
    # In the built program (PyInstaller) a spawned worker starts this executable again: this turns
    # it into the worker instead of a second program.
    multiprocessing.freeze_support()
    sys.exit(main())
