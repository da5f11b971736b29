"""Audio playback of the open session (QtMultimedia): play from a segment, skip, change speed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from minutes.export.transcript import clock

RATES = (0.5, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0)


class PlayerBar(QWidget):
    """Transport controls over one recording; ``position_changed`` carries seconds."""

    position_changed = Signal(float)
    duration_known = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.output = QAudioOutput(self)
        self.player.setAudioOutput(self.output)
        self.play_button = QToolButton(text="▶")
        self.play_button.setToolTip(self.tr("Play or pause (Ctrl+Space)"))
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(self.tr("Position in the recording"))
        self.slider.sliderMoved.connect(lambda ms: self.player.setPosition(ms))
        self.time_label = QLabel("00:00:00 / 00:00:00")
        self.rate_label = QLabel("1.0×")
        self.rate_label.setToolTip(self.tr("Playback speed (Ctrl+[ slower, Ctrl+] faster)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.play_button, self.slider, self.time_label, self.rate_label):
            layout.addWidget(widget)
        layout.setStretch(1, 1)
        self.player.positionChanged.connect(self._moved)
        self.player.durationChanged.connect(self._duration_changed)
        self.player.playbackStateChanged.connect(self._state_changed)
        self.setEnabled(False)

    def load(self, path: Path | None, duration: float = 0.0) -> None:
        """Play ``path`` from now on; ``duration`` (the session's, in seconds) is shown until the file says."""
        self.player.stop()
        self.player.setSource(QUrl.fromLocalFile(str(path)) if path else QUrl())
        self.setEnabled(path is not None)
        self._show_time(0, int(duration * 1000) if path else 0)
        if path is not None and duration > 0:
            self.duration_known.emit(duration)

    def seconds(self) -> float:
        return self.player.position() / 1000

    def seek(self, seconds: float) -> None:
        """Put the playhead at ``seconds`` without starting playback."""
        self.player.setPosition(int(seconds * 1000))

    def play_from(self, seconds: float) -> None:
        self.player.setPosition(int(seconds * 1000))
        self.player.play()

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def skip(self, seconds: float) -> None:
        self.player.setPosition(max(0, self.player.position() + int(seconds * 1000)))

    def change_rate(self, steps: int) -> None:
        current = min(RATES, key=lambda r: abs(r - self.player.playbackRate()))
        index = min(max(RATES.index(current) + steps, 0), len(RATES) - 1)
        self.player.setPlaybackRate(RATES[index])
        self.rate_label.setText(f"{RATES[index]:g}×")

    def _moved(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self._show_time(ms, self.player.duration())
        self.position_changed.emit(ms / 1000)

    def _duration_changed(self, ms: int) -> None:
        self.slider.setRange(0, ms)
        if ms > 0:
            self._show_time(self.player.position(), ms)
            self.duration_known.emit(ms / 1000)

    def _show_time(self, position_ms: int, duration_ms: int) -> None:
        self.time_label.setText(f"{clock(position_ms / 1000)[:8]} / {clock(duration_ms / 1000)[:8]}")

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        self.play_button.setText("⏸" if state == QMediaPlayer.PlaybackState.PlayingState else "▶")
