"""File ▸ Export: ask what and where, then write Word minutes or a transcript file.

Each function returns what was written (:class:`Written`: the files and the sentence for the status bar,
which offers to open them), or None when the user cancelled or a problem was shown in a dialog. Minutes
that would quote an unnamed voice ("Speaker 4") are not written before the user has been offered to name
the speakers. The writing itself is the core's (:mod:`minutes.export`).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QStatusBar, QWidget

from minutes.errors import MinutesError
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import show_error


@dataclass(frozen=True)
class Written:
    """What an export wrote, and the sentence that says so."""

    files: list[Path]
    sentence: str


def export_minutes(parent: QWidget, store: WorkshopStore, session_id: int | None,
                   name_speakers: Callable[[], None] | None = None) -> Written | None:
    """Word minutes of the session ``session_id`` or of all sessions, as the export dialog chooses.

    If they would quote unnamed voices, the user chooses first: name the speakers (``name_speakers`` shows
    where; nothing is written), export anyway, or cancel.
    """
    from minutes.export.docx_content import unnamed_speakers
    from minutes.export.docx_minutes import default_output, write_minutes
    from minutes.ui.export_dialog import ExportDialog

    choice = ExportDialog.ask(parent, has_session=session_id is not None)
    if choice is None:
        return None
    ids = [s.id for s in store.sessions()] if choice.all_sessions else [session_id]
    if not ids:
        show_error(parent, QCoreApplication.translate("Exports", "The workshop has no sessions to export yet."))
        return None
    options = choice.options
    unnamed = unnamed_speakers(store, ids, chatham_house=options.chatham_house,
                               include_confidential=options.include_confidential, annex=options.annex)
    if unnamed and not confirm_unnamed(parent, unnamed, name_speakers):
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
    return Written(written, QCoreApplication.translate("Exports", "Minutes written: {0}")
                   .format(", ".join(p.name for p in written)))


def confirm_unnamed(parent: QWidget, unnamed: dict[str, list[str]], name_speakers: Callable[[], None] | None) -> bool:
    """True to export although the minutes quote unnamed voices; else the user went to name them, or cancelled."""
    from minutes.ui.speaker_names import shown_label

    where = "\n".join(f"{title}: {', '.join(shown_label(label) for label in labels)}"
                      for title, labels in unnamed.items())
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Exports", "Unnamed speakers"),
                      QCoreApplication.translate("Exports", "These minutes would quote voices that have no name yet:"
                                                 "\n\n{0}\n\nName them before the minutes are circulated?")
                      .format(where), QMessageBox.StandardButton.NoButton, parent)
    name = box.addButton(QCoreApplication.translate("Exports", "&Name the speakers…"),
                         QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton(QCoreApplication.translate("Exports", "&Export anyway"),
                           QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(name)
    clicked = ask_box(box)
    if clicked is name and name_speakers is not None:
        name_speakers()
    return clicked is anyway


def ask_box(box: QMessageBox) -> object:
    """Show ``box`` modally and return the button clicked (tests answer it instead)."""
    box.exec()
    return box.clickedButton()


def export_transcript(parent: QWidget, store: WorkshopStore, session_id: int) -> Written | None:
    """One session's transcript as text, SRT, WebVTT or JSON, by the chosen filter or the file's suffix."""
    from minutes.export.transcript_files import render_session
    from minutes.fileio import atomic_write_text, safe_stem

    session = store.session(session_id)
    filters = {QCoreApplication.translate("Exports", "Text (*.txt)"): "txt",
               QCoreApplication.translate("Exports", "SubRip subtitles (*.srt)"): "srt",
               QCoreApplication.translate("Exports", "WebVTT subtitles (*.vtt)"): "vtt",
               QCoreApplication.translate("Exports", "Minutes JSON (*.json)"): "json"}
    suggested = store.exports_dir / f"{safe_stem(session.title, 'transcript')}.txt"
    name, chosen = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Exports", "Export transcript"),
                                               str(suggested), ";;".join(filters))
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
    return Written([target], QCoreApplication.translate("Exports", "Transcript written to {0}").format(target))


class WrittenNotice(QLabel):
    """The status bar's line after an export, with links that open the file or its folder.

    It stays until the next status message (or :data:`SHOWN_MS`); the links go to the desktop's own
    programs (Word or LibreOffice, the file manager) through :class:`QDesktopServices`.
    """

    SHOWN_MS = 20_000

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__()
        self.setObjectName("written_notice")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        status_bar.addWidget(self, 1)
        status_bar.messageChanged.connect(lambda message: message and self.hide())
        self.hide()

    def show_written(self, written: Written) -> None:
        files = written.files
        links = []
        if len(files) == 1:
            links.append(_link(files[0], QCoreApplication.translate("Exports", "Open")))
        if files:
            links.append(_link(files[0].parent, QCoreApplication.translate("Exports", "Show the folder")))
        self.setText(f"{html.escape(written.sentence)} — {' · '.join(links)}" if links
                     else html.escape(written.sentence))
        self.parentWidget().clearMessage()
        self.show()
        self._timer.start(self.SHOWN_MS)


def _link(path: Path, text: str) -> str:
    return f'<a href="{html.escape(QUrl.fromLocalFile(str(path)).toString())}">{html.escape(text)}</a>'
