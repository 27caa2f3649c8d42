"""`python -m evals ...` (see evals/README.md)."""

import sys

from evals.cli import main

# Guarded: worker processes (spawned) import this module again and must not start a run of their own.
if __name__ == "__main__":
    sys.exit(main())
