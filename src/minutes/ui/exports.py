"""File ▸ Export: ask what and where, then write Word minutes or a transcript file.

Each function returns the sentence for the status bar, or None when the user cancelled or a problem was
shown in a dialog. The writing itself is the core's (:mod:`minutes.export`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from minutes.errors import MinutesError
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import show_error


def export_minutes(parent: QWidget, store: WorkshopStore, session_id: int | None) -> str | None:
    """Word minutes of the session ``session_id`` or of all sessions, as the export dialog chooses."""
    from minutes.export.docx_minutes import default_output, write_minutes
    from minutes.ui.export_dialog import ExportDialog

    choice = ExportDialog.ask(parent, has_session=session_id is not None)
    if choice is None:
        return None
    ids = [s.id for s in store.sessions()] if choice.all_sessions else [session_id]
    if not ids:
        show_error(parent, QCoreApplication.translate("Exports", "The workshop has no sessions to export yet."))
        return None
    suggested = default_output(store, ids, combined=choice.combined)
    if choice.combined:
        name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Exports", "Export minutes"),
                                              str(suggested),
                                              QCoreApplication.translate("Exports", "Word documents (*.docx)"))
    else:
        name = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("Exports", "Folder for the minutes"),
                                                str(suggested))
    if not name:
        return None
    target = Path(name)
    if choice.combined and target.suffix.lower() != ".docx":
        target = target.with_suffix(".docx")
    try:
        written = write_minutes(store, ids, target, choice.options, combined=choice.combined)
    except MinutesError as exc:
        show_error(parent, exc)
        return None
    return QCoreApplication.translate("Exports", "Minutes written: {0}").format(", ".join(p.name for p in written))


def export_transcript(parent: QWidget, store: WorkshopStore, session_id: int) -> str | None:
    """One session's transcript as text, SRT, WebVTT or JSON, by the chosen filter or the file's suffix."""
    from minutes.export.transcript_files import render_session
    from minutes.fileio import atomic_write_text

    session = store.session(session_id)
    filters = {QCoreApplication.translate("Exports", "Text (*.txt)"): "txt",
               QCoreApplication.translate("Exports", "SubRip subtitles (*.srt)"): "srt",
               QCoreApplication.translate("Exports", "WebVTT subtitles (*.vtt)"): "vtt",
               QCoreApplication.translate("Exports", "Minutes JSON (*.json)"): "json"}
    name, chosen = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Exports", "Export transcript"),
                                               str(store.exports_dir / f"{session.title}.txt"), ";;".join(filters))
    if not name:
        return None
    fmt = filters.get(chosen) or Path(name).suffix.lstrip(".").lower()
    if fmt not in filters.values():
        fmt = "txt"
    target = Path(name) if Path(name).suffix else Path(name).with_suffix(f".{fmt}")
    try:
        atomic_write_text(target, render_session(store, session, fmt))
    except MinutesError as exc:
        show_error(parent, exc)
        return None
    return QCoreApplication.translate("Exports", "Transcript written to {0}").format(target)
