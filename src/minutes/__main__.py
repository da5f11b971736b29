"""Allows ``python -m minutes``."""

try:
    from minutes.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting: nothing was started
    raise SystemExit(130) from None

raise SystemExit(main())
