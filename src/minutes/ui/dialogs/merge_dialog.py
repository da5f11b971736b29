"""Workshop ▸ Merge sessions from another workshop or package…: choose the source, see what will be added, merge.

The preview is :func:`minutes.operations.merge.plan_merge`: sessions added, filled in, already here, and
conflicts (which disable Merge and say how to go on). The merge itself runs off the GUI thread in the
window's job runner (:class:`MergeJob`), so copying long recordings does not freeze the window.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes.errors import MinutesError
from minutes.operations.merge import MergePlan, Source, merge, open_source, plan_merge
from minutes.store import WorkshopStore
from minutes.ui.workers import Job


class MergeDialog(QDialog):
    """Pick a workshop folder or a package and preview the merge; accepted with a plan that has no conflict."""

    def __init__(self, store: WorkshopStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan: MergePlan | None = None
        self.source_path: Path | None = None
        self._open = ExitStack()
        self.setWindowTitle(self.tr("Merge sessions"))
        self.resize(560, 420)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("source")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("A workshop folder (NAME.minutes) or a session package"))
        folder = QPushButton(self.tr("&Workshop folder…"))
        folder.clicked.connect(self._choose_folder)
        package = QPushButton(self.tr("&Package…"))
        package.clicked.connect(self._choose_package)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(folder)
        row.addWidget(package)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Add the sessions, with their recordings, of:")))
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("What will happen:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.finished.connect(lambda _result: self._open.close())

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Workshop folder to merge"))
        if name:
            self.load(Path(name))

    def _choose_package(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Session package to merge"), "",
                                              self.tr("Session packages (*.minutes-session)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read ``path`` and show the plan; an unusable source is explained in the preview."""
        self._open.close()
        self.plan, self.source_path = None, path
        self.path_edit.setText(str(path))
        try:
            source: Source = self._open.enter_context(open_source(path))
            self.plan = plan_merge(self.store, source)
        except MinutesError as exc:
            self.preview.setPlainText(str(exc))
            self.merge_button.setEnabled(False)
            return
        self.preview.setPlainText(self.describe(self.plan))
        self.merge_button.setEnabled(not self.plan.conflicts and not self.plan.nothing_to_do)

    def describe(self, plan: MergePlan) -> str:
        lines = []
        for label, titles in ((self.tr("Added:"), plan.added), (self.tr("Filled in (agenda session):"), plan.filled),
                              (self.tr("Already here, unchanged:"), plan.skipped),
                              (self.tr("Conflict (same title, another recording):"), plan.conflicts)):
            lines += [label, *(f"  • {t}" for t in titles)] if titles else []
        lines.append(self.tr("{0} participants and {1} glossary terms added.").format(len(plan.new_participants),
                                                                                      len(plan.new_terms)))
        if plan.conflicts:
            lines.append(self.tr("Rename the conflicting session here (Session ▸ Edit session…) or in the source, "
                                 "then merge again. Nothing will be merged until then."))
        elif plan.nothing_to_do:
            lines.append(self.tr("Everything is here already: nothing to merge."))
        return "\n".join(lines)

    @classmethod
    def ask(cls, store: WorkshopStore, parent: QWidget | None = None) -> Path | None:
        """The source to merge, once the user saw the preview and chose Merge; None if cancelled."""
        dialog = cls(store, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.source_path if accepted and dialog.plan is not None else None


class MergeJob(Job):
    """The merge itself, in the runner's thread: the source is read again there and the plan made afresh."""

    what = QT_TRANSLATE_NOOP("Job", "merge the sessions")

    def __init__(self, store: WorkshopStore, source: Path) -> None:
        super().__init__()
        self.store, self.source = store, source

    def work(self) -> MergePlan:
        with open_source(self.source) as source:
            self.progress.emit(0.1, "")
            plan = plan_merge(self.store, source)
            self.check()
            return merge(self.store, plan).value
