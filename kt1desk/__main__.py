import sys

from kt1desk.cli import main

sys.exit(main())
