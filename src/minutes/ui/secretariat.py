"""The secretariat's commands in the window: session packages, merging, review states, the executive summary and
the workshop report. Each handler takes the window, calls one operation and announces what it changed.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from minutes.errors import MinutesError
from minutes.operations.changes import OpChanges
from minutes.ui.i18n import core_text

if TYPE_CHECKING:
    from minutes.ui.main_window import MainWindow
    from minutes.ui.workers import Job

translate = QCoreApplication.translate  # lupdate reads translate("Secretariat", "…") calls

def review_name(status: str) -> str:
    """A review state as the interface shows it."""
    names = {"draft": translate("Secretariat", "Draft"), "reviewed": translate("Secretariat", "Reviewed"),
             "approved": translate("Secretariat", "Approved")}
    return names.get(status, status)


def reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return ""


def set_review(window: MainWindow, status: str) -> None:
    """Session ▸ Review state: draft, reviewed or approved, by the logged-in user."""
    from minutes.operations.review import set_review as set_state

    session_id = window.current_session_id()
    if window.store is None or session_id is None:
        return
    window.announce(set_state(window.store, session_id, status, reviewer()).changes)
    message = translate("Secretariat", "The session is now {0}").format(review_name(status).lower())
    window.statusBar().showMessage(message, 5000)


def confirm_edit_of_approved(window: MainWindow, session_id: int) -> bool:
    """Before an edit of an approved session: ask, and return it to "reviewed" if the user goes on."""
    from PySide6.QtWidgets import QMessageBox

    from minutes.operations.review import reopen_if_approved

    store = window.store
    if store is None or not store.session(session_id).approved:
        return True
    question = translate("Secretariat", "These minutes were approved. Edit them anyway? The session goes back "
                         "to \"reviewed\" and needs approving again.")
    answer = QMessageBox.question(window, translate("Secretariat", "Edit an approved session"), question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    window.announce(reopen_if_approved(store, session_id, reviewer()))
    return True


def export_package(window: MainWindow) -> None:
    """File ▸ Export session package…"""
    from minutes.operations.package import default_package_name
    from minutes.operations.package import export_package as write

    store, session_id = window.store, window.current_session_id()
    if store is None or session_id is None:
        return
    session = store.session(session_id)
    _save(window, translate("Secretariat", "Export session package"),
          store.exports_dir / default_package_name(session),
          translate("Secretariat", "Session packages (*.minutes-session)"), ".minutes-session",
          lambda target: write(store, session, target), translate("Secretariat", "Package written: {0}"))


def export_report(window: MainWindow) -> None:
    """File ▸ Export workshop report…: the options of the minutes' export dialog, then the file."""
    from minutes.export.docx_report import default_report_output, write_report
    from minutes.ui.export_dialog import ExportDialog

    store = window.store
    if store is None:
        return
    choice = ExportDialog.ask(window, has_session=False)
    if choice is None:
        return
    _save(window, translate("Secretariat", "Export workshop report"), default_report_output(store),
          translate("Secretariat", "Word documents (*.docx)"), ".docx",
          lambda target: write_report(store, target, choice.options),
          translate("Secretariat", "Workshop report written: {0}"))


def _save(window: MainWindow, caption: str, proposed: Path, kinds: str, suffix: str,
          write: Callable[[Path], object], written: str) -> None:
    """Ask where to save (the name given ``suffix`` if it lacks it), write there, and say so or why not."""
    name, _ = QFileDialog.getSaveFileName(window, caption, str(proposed), kinds)
    if not name:
        return
    target = Path(name) if name.lower().endswith(suffix) else Path(f"{name}{suffix}")
    try:
        write(target)
    except MinutesError as exc:
        window.show_error(str(exc))
        return
    window.statusBar().showMessage(written.format(target), 8000)


def merge_sessions(window: MainWindow) -> None:
    """Workshop ▸ Merge sessions from another workshop or package…: preview, then merge in the job runner."""
    from minutes.ui.dialogs.merge_dialog import MergeDialog, MergeJob

    store = window.store
    if store is None or window.runner.busy:
        return
    source = MergeDialog.ask(store, window)
    if source is None:
        return
    job = MergeJob(store, source)
    runner = window.runner

    # The runner reports every job on the GUI thread; these hear only this one, then let go.
    def finished(done: Job, plan) -> None:  # noqa: ANN001 - a MergePlan
        if done is job:
            release()
            window.announce(OpChanges(workshop=True, sessions=True, segments=True, speakers=True,
                                      participants=True, tags=True, annotations=True, glossary=True, voices=True))
            message = translate("Secretariat", "Merged: {0} sessions added, {1} filled in, {2} already here")
            window.statusBar().showMessage(message.format(len(plan.added), len(plan.filled), len(plan.skipped)), 8000)

    def failed(done: Job, message: str) -> None:
        if done is job:
            release()
            window.show_error(message)

    def cancelled(done: Job) -> None:
        if done is job:
            release()
            window.statusBar().showMessage(translate("Secretariat", "Merge cancelled; nothing was merged"), 8000)

    def release() -> None:
        runner.finished.disconnect(finished)
        runner.failed.disconnect(failed)
        runner.cancelled.disconnect(cancelled)

    runner.finished.connect(finished)
    runner.failed.connect(failed)
    runner.cancelled.connect(cancelled)
    runner.start(job)


def import_agenda(window: MainWindow) -> None:
    """Workshop ▸ Import agenda…: sessions from a programme sheet, as ``minutes agenda --import`` makes them."""
    from minutes.operations.agenda import import_agenda as import_rows
    from minutes.operations.agenda import read_agenda

    store = window.store
    if store is None:
        return
    name, _ = QFileDialog.getOpenFileName(window, translate("Secretariat", "Import the agenda"), "",
                                          translate("Secretariat", "Programme sheets (*.csv *.xlsx);;All files (*)"))
    if not name:
        return
    path = Path(name)
    try:
        sheet = read_agenda(path)
        result = import_rows(store, sheet.records)
    except MinutesError as exc:
        window.show_error(str(exc))
        return
    window.announce(result.changes)
    counts = result.value
    text = translate("Secretariat", "{0}: {1} sessions added, {2} updated, {3} skipped").format(
        path.name, counts.added, counts.updated, counts.skipped)
    if sheet.problems:
        rows = ", ".join(f"{row} ({core_text(problem)})" for row, problem in sheet.problems[:10])
        text += "; " + translate("Secretariat", "rows not read: {0}").format(rows)
    window.statusBar().showMessage(text, 15000)


class SummaryDialog(QDialog):
    """Workshop ▸ Executive summary…: the workshop-level summary that opens the workshop report."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Secretariat", "Executive summary"))
        self.resize(560, 380)
        self.editor = QPlainTextEdit(text)
        self.editor.setObjectName("workshop_summary")
        self.editor.setPlaceholderText(translate("Secretariat", "The workshop's executive summary: one paragraph per "
                                                 "line. It opens the workshop report."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Secretariat", "&Executive summary"), buddy=self.editor))
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, text: str, parent: QWidget | None = None) -> str | None:
        dialog = cls(text, parent)
        return dialog.editor.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None


def edit_summary(window: MainWindow) -> None:
    from minutes.operations.workshop import set_workshop_summary

    store = window.store
    if store is None:
        return
    text = SummaryDialog.ask(store.workshop().summary, window)
    if text is not None:
        window.record(set_workshop_summary(store, text), translate("Secretariat", "Edit executive summary"))
