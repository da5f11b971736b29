"""Start the Qt application: logging, the main window, and a dialog instead of a traceback for errors."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def run(workshop: Path | None = None) -> int:
    """Open the window (on ``workshop`` if given) and run the event loop until it closes."""
    from PySide6.QtWidgets import QApplication

    from minutes import __version__
    from minutes.logging_setup import configure
    from minutes.ui.main_window import MainWindow

    configure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Minutes")
    app.setOrganizationName("Minutes")
    app.setApplicationVersion(__version__)
    window = MainWindow()
    window.show()
    if workshop is not None:
        window.open_workshop(workshop, create=False)
    return app.exec()
