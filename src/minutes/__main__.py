"""Allows ``python -m minutes``."""

from minutes.cli import main

raise SystemExit(main())
