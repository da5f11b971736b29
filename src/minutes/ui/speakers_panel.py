"""The Speakers panel: the voices of the open session, named after participants of the roster.

A speaker is an entity: naming it renames every one of its segments at once, merging two makes one,
and a voice recognised from an earlier session is shown as a proposal to confirm. Confirming or naming
remembers the voice for the workshop; "Forget voice" deletes that biometric profile. "This is…" enrols the
voice of the segment selected in the transcript under a participant's name: the session's speakers that
sound like it (and those of later sessions) are then proposed under that name. Naming, confirming, merging
and forgetting are operations of :mod:`minutes.operations.speakers`, pushed on the session's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes.domain import Segment
from minutes.errors import MinutesError
from minutes.operations import speakers
from minutes.operations.changes import OpChanges
from minutes.store import WorkshopStore
from minutes.ui.commands import SpeakerOperation
from minutes.ui.i18n import core_text
from minutes.ui.speaker_colors import dot, speaker_colors
from minutes.ui.speaker_names import shown_label, shown_names


class SpeakersPanel(QWidget):
    """Lists the session's speakers; emits ``changed`` after any change so the transcript refreshes names."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: WorkshopStore | None = None
        self.session_id: int | None = None
        self.undo_stack: QUndoStack | None = None
        self.list = QListWidget()
        self.list.setObjectName("speakers")
        self.list.setToolTip(self.tr("Voices found in this session; double-click to name one"))
        self.list.itemDoubleClicked.connect(lambda _item: self.name_selected())
        self.name_button = QPushButton(self.tr("Name…"))
        self.name_button.setToolTip(self.tr("Name the selected speaker after a participant of the roster"))
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.confirm_button.setToolTip(
            self.tr("Accept the proposed name (the same voice was named in an earlier session)"))
        self.merge_button = QPushButton(self.tr("Merge into…"))
        self.merge_button.setToolTip(self.tr("The selected speaker is the same person as another one: join them"))
        self.forget_button = QPushButton(self.tr("Forget voice"))
        self.forget_button.setToolTip(
            self.tr("Delete the remembered voice of the participant this speaker is named after"))
        self.enrol_button = QPushButton(self.tr("This is…"))
        self.enrol_button.setToolTip(
            self.tr("Say who speaks in the segment selected in the transcript: their voice is remembered and "
                    "proposed for the speakers that sound like it, here and in later sessions"))
        self.enrol_button.clicked.connect(self.enrol_chosen_segment)
        self.name_button.clicked.connect(self.name_selected)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.forget_button.clicked.connect(self.forget_selected)
        buttons = QGridLayout()  # two rows, so the dock fits beside the transcript on a small screen
        for place, button in enumerate((self.name_button, self.confirm_button, self.merge_button,
                                        self.forget_button, self.enrol_button)):
            buttons.addWidget(button, place // 3, place % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # The choice dialogs are attributes so tests (and scripts) can answer them.
    ask_item: Callable[..., tuple[str, bool]] = staticmethod(QInputDialog.getItem)
    warn: Callable[..., object] = staticmethod(QMessageBox.warning)
    # The window sets this to the transcript's selected segment; "This is…" enrols that segment's voice.
    chosen_segment: Callable[[], Segment | None] = staticmethod(lambda: None)
    # The window sets this to ask before an approved session's speakers change (they name who said what).
    may_edit: Callable[[int], bool] = staticmethod(lambda _session_id: True)

    def show_session(self, store: WorkshopStore | None, session_id: int | None,
                     undo_stack: QUndoStack | None = None) -> None:
        """Show a session's speakers; changes go on ``undo_stack`` (the session editor's) when given."""
        self.store, self.session_id, self.undo_stack = store, session_id, undo_stack
        self.refresh()

    def refresh(self) -> None:
        current = self.selected_id()
        self.list.clear()
        if self.store is None or self.session_id is None:
            self._update_buttons()
            return
        people = {p.id: p for p in self.store.participants()}
        proposals = self.store.proposals(self.session_id)
        speakers = self.store.speakers(self.session_id)
        colors = speaker_colors(s.id for s in speakers)
        for speaker in speakers:
            if speaker.participant_id in people:
                person = people[speaker.participant_id]
                text = f"{person.name}  ({shown_label(speaker.label)})"
            elif speaker.id in proposals:
                person_id, score = proposals[speaker.id]
                text = self.tr("{label}  — sounds like {name} ({score})?").format(
                    label=shown_label(speaker.label), name=people[person_id].name, score=f"{score:.0%}")
            else:
                text = shown_label(speaker.label)
            item = QListWidgetItem(dot(colors[speaker.id].name()), text)
            item.setData(Qt.ItemDataRole.UserRole, speaker.id)
            self.list.addItem(item)
            if speaker.id == current:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def on_operation_did_execute(self, changes: OpChanges, origin: object = None) -> None:
        """Refresh when an operation elsewhere changed this session's speakers or the roster."""
        mine = changes.session_id in (None, self.session_id)
        if origin is not self and mine and (changes.speakers or changes.participants or changes.segments):
            self.refresh()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self.selected_id()
        has = chosen is not None and self.store is not None
        proposed = has and chosen in self.store.proposals(self.session_id)
        named = has and any(s.id == chosen and s.participant_id for s in self.store.speakers(self.session_id))
        self.name_button.setEnabled(has)
        self.confirm_button.setEnabled(bool(proposed))
        self.merge_button.setEnabled(has and self.list.count() > 1)
        self.forget_button.setEnabled(bool(named))
        self.enrol_button.setEnabled(self.store is not None and self.session_id is not None)

    def _done(self, _changes: OpChanges | None = None) -> None:
        self.refresh()
        self.changed.emit()

    def _apply(self, operation: Callable[[], OpChanges], text: str) -> None:
        """Run a speaker operation, undoably when the panel has an undo stack; a failure is shown."""
        before = self.store.speaker_state(self.session_id)
        try:
            changes = operation()
        except MinutesError as exc:
            self.warn(self, text, core_text(exc))
            return
        if self.undo_stack is None:
            self._done(changes)
        else:
            self.undo_stack.push(SpeakerOperation(self.store, self.session_id, before, changes, text, self._done))

    def _may_change(self) -> bool:
        return self.store is not None and self.session_id is not None and self.may_edit(self.session_id)

    def name_selected(self) -> None:
        speaker_id = self.selected_id()
        if speaker_id is None or not self._may_change():
            return
        people = self.store.participants()
        labels = [f"{p.name} — {p.organisation}" if p.organisation else p.name for p in people]
        anonymous = self.tr("(anonymous)")
        choice, ok = self.ask_item(self, self.tr("Name speaker"),
                                   self.tr("Participant (or type a new name to add them to the roster):"),
                                   [anonymous, *labels], 0, True)
        if not ok or not choice.strip():
            return
        store, session_id = self.store, self.session_id
        if choice == anonymous or choice in labels:
            participant_id = people[labels.index(choice)].id if choice in labels else None
            operation = partial(speakers.name_speaker, store, session_id, speaker_id, participant_id)
        else:
            operation = partial(speakers.name_speaker_as, store, session_id, speaker_id, choice.strip())
        self._apply(operation, self.tr("Name speaker"))

    def enrol_chosen_segment(self) -> None:
        """Ask who speaks in the transcript's selected segment and enrol that voice under their name."""
        from minutes.operations.voices import enrol_voice

        segment = self.chosen_segment()
        if self.store is None or self.session_id is None:
            return
        if segment is None:
            self.warn(self, self.tr("This is…"), self.tr("Select a segment of the transcript first."))
            return
        if not self._may_change():
            return
        names = [p.name for p in self.store.participants()]
        choice, ok = self.ask_item(self, self.tr("This is…"),
                                   self.tr("Who is speaking in this segment? (a new name is added to the roster)"),
                                   names, 0, True)
        if not ok or not choice.strip():
            return
        session = self.store.session(self.session_id)
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:  # a few seconds of audio: well under a second, so it stays on this thread
            self._apply(lambda: enrol_voice(self.store, choice, session, (segment.start + segment.end) / 2).changes,
                        self.tr("This is…"))
        finally:
            self.unsetCursor()

    def confirm_selected(self) -> None:
        speaker_id = self.selected_id()
        if speaker_id is not None and self._may_change():
            self._apply(partial(speakers.confirm_speaker, self.store, self.session_id, speaker_id),
                        self.tr("Confirm speaker"))

    def merge_selected(self) -> None:
        speaker_id = self.selected_id()
        if speaker_id is None or not self._may_change():
            return
        names = shown_names(self.store, self.session_id)
        others = [(sid, name) for sid, name in names.items() if sid != speaker_id]
        choice, ok = self.ask_item(self, self.tr("Merge speakers"),
                                   self.tr("Give all of {0}'s segments to:").format(names[speaker_id]),
                                   [name for _, name in others], 0, False)
        if ok:
            keep = next(sid for sid, name in others if name == choice)
            self._apply(partial(speakers.merge_speakers, self.store, self.session_id, keep, speaker_id),
                        self.tr("Merge speakers"))

    def forget_selected(self) -> None:
        speaker_id = self.selected_id()
        if speaker_id is None or self.store is None:
            return
        speaker = next(s for s in self.store.speakers(self.session_id) if s.id == speaker_id)
        if speaker.participant_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Forget voice"),
                                      self.tr("Delete the remembered voice of this participant? Later sessions "
                                              "will no longer propose their name."))
        if answer == QMessageBox.StandardButton.Yes:
            self._apply(partial(speakers.forget_voice, self.store, self.session_id, speaker.participant_id),
                        self.tr("Forget voice"))
