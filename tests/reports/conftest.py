"""Lets tests import the helpers next to them (pdf_writer, eval case builders)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
