"""`python -m evals ...` (see evals/README.md)."""

import sys

from evals.cli import main

sys.exit(main())
