"""Open Minutes on a demonstration workshop and save screenshots of its main views.

Run under a virtual display to see the real (xcb) rendering:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py --out /tmp/shots

The interface language is the app's setting, so ``MINUTES_LANGUAGE=zh_TW`` takes pictures of the Chinese one.

The demonstration workshop is built through the store API with real speech from ``tests/data`` transcribed
by the bundled model, so the pictures show what a user sees.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"


def build_demo(root: Path) -> None:
    from minutes import jobs
    from minutes.asr import registry
    from minutes.asr.pipeline import TranscribeOptions
    from minutes.domain import Annotation, Participant, Session
    from minutes.operations.workshops import set_up_new_workshop
    from minutes.speaker_labelling import SpeakerCount, label_speakers
    from minutes.store import WorkshopStore
    from minutes.store.tagging import default_definition
    from minutes.ui.i18n import resolve
    from minutes.ui.settings import Settings

    clips = [sf.read(DATA / name, dtype="float32")[0] for name in (
        "en_librispeech_1995-1837-0001.wav", "zh_aishell1_BAC009S0764W0121.wav",
        "en_librivox_sense_and_sensibility_0890.wav", "zh_aishell1_BAC009S0764W0122.wav")]
    pause = np.zeros(16000, dtype=np.float32)
    audio = np.concatenate([part for clip in clips for part in (clip, pause)])
    model = registry.load(registry.resolve())
    with WorkshopStore.open(root, create=True) as store:
        store.update_workshop(title="2024 International Workshop on Strategies for Combating Human Trafficking",
                              dates="2024-08-28 – 2024-08-29", venue="Taipei", organiser="Ministry of the Interior")
        chen = store.add_participant(Participant("Dr. Chen Mei-ling", "Director", "National Immigration Agency",
                                                 "Taiwan"))
        store.add_participant(Participant("Ms. Maria Santos", "Senior Prosecutor", "Department of Justice",
                                          "Philippines"))
        session = jobs.add_media_session(store, audio, Session(
            title="Session 1: Atypical victims under forced criminality", date="2024-08-28", start="09:30",
            end="11:00", venue="Room 201", chair="Ms. Maria Santos", rapporteur="Mr. Lee"))
        store.add_session(Session(title="Session 2: Preventing transnational trafficking", date="2024-08-28"))
        store.add_session(Session(title="Session 3: Forced labour and organ trafficking", date="2024-08-29"))
        session = jobs.transcribe_session(store, session, model, TranscribeOptions(script="traditional"),
                                          audio=audio)
        speakers = label_speakers(store, session, audio, SpeakerCount())
        if len(speakers) > 1:
            store.assign_participant(speakers[1].id, chen.id)
        # A rapporteur's work: tags on two segments, one off the record, a summary and recommendations.
        set_up_new_workshop(store, resolve(Settings().language()))  # tag names in the interface language
        tags = {default_definition(t.name).name: t.id for t in store.tags()}
        segments = store.segments(session.id)
        store.add_annotation(session.id, Annotation(segments[0].start, segments[0].end, [tags["Protection"]],
                                                    "Victim identification comes first"))
        store.add_annotation(session.id, Annotation(segments[1].start, segments[1].end,
                                                    [tags["Recommendation"], tags["Partnership"]]))
        store.add_annotation(session.id, Annotation(segments[-1].start, segments[-1].end, confidential=True))
        store.update_session(session.id, summary="The panel compared how atypical victims are identified.",
                             recommendations=["Train front-line officers on forced criminality indicators.",
                                              "Share screening tools across the region."])
        store.set_glossary(["forced criminality", "人口販運", "National Immigration Agency"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT (default: a laptop's)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from minutes.ui.i18n import install_translator
    from minutes.ui.main_window import MainWindow
    from minutes.ui.settings import Settings

    app = QApplication([])
    app.setApplicationName("Minutes")
    install_translator(app, Settings().language())  # before any widget is built, as the app does
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "Workshop2024.minutes"
        build_demo(root)
        window = MainWindow()
        window.resize(width, height)
        window.show()
        shots = []

        def shoot(name: str) -> None:
            app.processEvents()
            path = args.out / f"{name}.png"
            window.grab().save(str(path))
            shots.append(path)

        def run() -> None:
            shoot("start_page")
            window.open_workshop(root, create=False)
            window.table.resizeRowsToContents()
            shoot("transcript")
            window.find_bar.open()
            window.find_bar.find_edit.setText("the")
            window.find_bar.next_button.click()
            shoot("find_replace")
            window.find_bar.close_bar()
            window.sessions.setCurrentRow(1)  # an agenda session without a recording
            shoot("empty_session")
            window.sessions.setCurrentRow(0)
            window.strategies_dock.raise_()
            shoot("key_strategies")
            window.notes_dock.raise_()
            shoot("notes")
            # Review mode: the first segment checked, then F8 to the next doubtful place.
            window.speakers_dock.raise_()
            window.table.selectRow(0)
            window.mark_checked_action.trigger()
            window.next_place_action.trigger()
            window.player.player.pause()
            shoot("review")
            from minutes.ui.dialogs.preferences_dialog import PreferencesDialog

            dialog = PreferencesDialog(window.settings, window, window.downloads)
            dialog.show()
            app.processEvents()
            path = args.out / "preferences.png"
            dialog.grab().save(str(path))
            shots.append(path)
            dialog.close()
            window.close()
            app.quit()

        QTimer.singleShot(200, run)
        app.exec()
    for path in shots:
        print(path)


if __name__ == "__main__":
    main()
