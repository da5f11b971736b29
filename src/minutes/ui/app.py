"""Start the Qt application: logging, the main window, and a dialog instead of a traceback for errors."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)


def run(workshop: Path | None = None) -> int:
    """Open the window (on ``workshop`` if given) and run the event loop until it closes."""
    from PySide6.QtWidgets import QApplication

    from minutes import __version__
    from minutes.logging_setup import configure
    from minutes.ui.i18n import install_translator
    from minutes.ui.main_window import MainWindow
    from minutes.ui.settings import Settings

    log_file = configure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Minutes")
    app.setOrganizationName("Minutes")
    app.setApplicationVersion(__version__)
    # Before any widget exists: widgets read their texts once, when they are built.
    install_translator(app, Settings().language())
    window = MainWindow()
    sys.excepthook = _dialog_hook(window, log_file)
    window.show()
    if workshop is not None:
        window.open_workshop(workshop, create=not workshop.exists())
    return app.exec()


def _dialog_hook(window, log_file: Path | None):  # noqa: ANN001, ANN202
    """Log an unexpected error whole and tell the user in one sentence where the details are."""

    from PySide6.QtCore import QCoreApplication

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        problem = f"{kind.__name__}: {error}"
        if log_file:
            message = QCoreApplication.translate(
                "App", "Something went wrong inside Minutes ({0}). Your work is saved. The details are in {1}."
            ).format(problem, log_file)
        else:
            message = QCoreApplication.translate(
                "App", "Something went wrong inside Minutes ({0}). Your work is saved.").format(problem)
        window.show_error(message)

    return hook
