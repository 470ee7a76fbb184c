"""``python -m inka_engine`` (with ``PYTHONPATH=plugins``)."""

import sys

from .cli import main

sys.exit(main())
