"""KT1 Desk: the counter program for accepting KT1 mail.

The core (everything outside ``kt1desk.qt``) imports no Qt and can be driven
from a script, the command line or a test.
"""

__version__ = "0.1.0"
