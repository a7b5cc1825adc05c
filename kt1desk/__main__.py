import sys

from kt1desk.cli import main

if __name__ == "__main__":  # a guard: audit verify's worker processes import this module again
    sys.exit(main())
