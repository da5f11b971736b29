"""The ``minutes`` command. Without a subcommand it opens the window; subcommands do headless work.

The subcommands, their flags and the JSON format are a contract with scripts and batch jobs: add
freely, never rename. Errors the user can fix print one line on stderr and exit with status 1; usage
errors exit with 2; Ctrl-C exits with 130 after keeping what was finished.
"""

from __future__ import annotations

import argparse
import logging
import re
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from minutes import __version__
from minutes.domain import REVIEW_STATUSES, SessionStatus
from minutes.errors import InputError, MinutesError

log = logging.getLogger(__name__)

TRANSCRIPT_FORMATS = ("txt", "srt", "vtt", "json")
COMMANDS = ("transcribe", "record", "devices", "diarize", "sessions", "export", "import", "languages", "glossary",
            "translate", "merge", "roster", "agenda", "review", "voices")
EXPORT_FORMATS = (*TRANSCRIPT_FORMATS, "docx", "package")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes",
        description="Offline transcripts and Word minutes of workshop sessions. "
        "Run without a command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"Minutes {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("transcribe", help="transcribe an audio or video file")
    p.add_argument("file", type=Path, help="audio or video file (anything FFmpeg reads)")
    p.add_argument("--workshop", type=Path, help="workshop folder to store the session in (created if needed)")
    p.add_argument("--session", help="session title (default: the file name); an agenda session of that title "
                   "without a recording yet receives the file")
    p.add_argument("--model", help="'bundled' (default), a faster-whisper model name, or a model folder")
    p.add_argument("--language", default="auto", help="'auto' (default) or a language code such as en, zh")
    p.add_argument("--script", choices=("traditional", "simplified"), help=SCRIPT_HELP)
    p.add_argument("--format", choices=TRANSCRIPT_FORMATS, default="txt", help="output format (default txt)")
    p.add_argument("-o", "--output", type=Path, help="write the transcript here instead of stdout")
    p.add_argument("--speakers", default="auto", type=_speaker_count,
                   help="label speakers: 'auto' (default, 1 to 30 found automatically), a number N, "
                   "a range A-B, or 'none'")
    p.add_argument("--glossary", type=Path, metavar="FILE", help=GLOSSARY_HELP)
    p.add_argument("--translate", action="store_true",
                   help="then add English translations of the non-English segments (stored with --workshop)")
    p.add_argument("--include-confidential", action="store_true", help=CONFIDENTIAL_HELP)

    p = sub.add_parser("diarize", help="find who spoke when; writes RTTM speaker turns")
    p.add_argument("file", type=Path, help="audio or video file")
    p.add_argument("--speakers", type=int, metavar="N", help="exact number of speakers")
    p.add_argument("--min-speakers", type=int, metavar="A", help="at least this many speakers")
    p.add_argument("--max-speakers", type=int, metavar="B", help="at most this many speakers")
    p.add_argument("-o", "--output", type=Path, help="RTTM file to write (default: stdout)")

    p = sub.add_parser("record", help="record a session from a microphone, printing live transcript lines")
    p.add_argument("--workshop", type=Path, required=True, help="workshop folder (created if needed)")
    p.add_argument("--session", required=True,
                   help="title of the new session, or of an agenda session without a recording yet")
    p.add_argument("--device", help="input device: name, part of a name, or index (see 'minutes devices')")
    p.add_argument("--duration", type=_positive_seconds, help="stop after this many seconds (default: Ctrl-C)")
    p.add_argument("--model", help="'bundled' (default), a faster-whisper model name, or a model folder")
    p.add_argument("--language", default="auto", help="'auto' (default) or a language code such as en, zh")
    p.add_argument("--script", choices=("traditional", "simplified"), help=SCRIPT_HELP)
    p.add_argument("--no-final", action="store_true",
                   help="keep the live transcript; skip the full-quality pass with speakers after Stop")
    p.add_argument("--glossary", type=Path, metavar="FILE", help=GLOSSARY_HELP)

    sub.add_parser("devices", help="list the input devices (microphones)")

    p = sub.add_parser("sessions", help="list the sessions of a workshop")
    p.add_argument("--workshop", type=Path, required=True)

    p = sub.add_parser("export", help="write a session's transcript, its Word minutes (docx), its package with the "
                       "recording (package), or the workshop report (--report --format docx)")
    p.add_argument("--workshop", type=Path, required=True)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--session", help="session title")
    which.add_argument("--all-sessions", action="store_true", help="every session (docx only)")
    which.add_argument("--report", action="store_true",
                       help="the workshop report (docx only): cover, contents, programme, executive summary, key "
                       "strategies across sessions, recommendations and action items, each session's minutes in "
                       "agenda order, participants by country")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("-o", "--output", type=Path,
                   help="output file (default: stdout; for docx and package, the workshop's exports/ folder)")
    p.add_argument("--include-confidential", action="store_true", help=CONFIDENTIAL_HELP)
    docx = p.add_argument_group("Word minutes (--format docx)")
    docx.add_argument("--chatham-house", action="store_true", help="attribute no remark and name no participant")
    docx.add_argument("--chatham-label", choices=("participant", "country"), default="participant",
                      help="under the Chatham House Rule: 'a participant' or 'a representative of COUNTRY'")
    docx.add_argument("--annex", action="store_true", help="add the full transcript as an annex")
    docx.add_argument("--template", type=Path, help="a .docx whose styles, header and footer are used")
    docx.add_argument("--labels", choices=("en", "zh-TW"), default="en", help="language of headings and labels")
    docx.add_argument("--separate", action="store_true",
                      help="with --all-sessions: one file per session in the -o folder instead of one report")

    p = sub.add_parser("import", help="add a session from a JSON file written by 'export --format json', or from a "
                       "session package (.minutes-session) with its recording")
    p.add_argument("file", type=Path)
    p.add_argument("--workshop", type=Path, required=True, help="workshop folder (created if needed)")
    p.add_argument("--session", help="import under this title instead of the one in the file")

    sub.add_parser("languages", help="list the language codes Whisper understands")

    p = sub.add_parser("glossary", help="list the workshop glossary (names and terms that guide the spelling), "
                       "after applying any changes given")
    p.add_argument("--workshop", type=Path, required=True, help="workshop folder (created if a change is given)")
    p.add_argument("--add", nargs="+", action="extend", default=[], metavar="TERM", help="add these terms")
    p.add_argument("--remove", nargs="+", action="extend", default=[], metavar="TERM", help="remove these terms")
    p.add_argument("--file", type=Path, help="add the terms of a UTF-8 text file, one per line")
    p.add_argument("--clear", action="store_true", help="empty the glossary first")

    p = sub.add_parser("translate", help="add English translations of a session's non-English segments")
    p.add_argument("--workshop", type=Path, required=True)
    p.add_argument("--session", required=True, help="session title")
    p.add_argument("--model", help="'bundled' (default), a faster-whisper model name, or a model folder")
    p.add_argument("--redo", action="store_true", help="translate again the segments that have a translation")

    p = sub.add_parser("merge", help="add the sessions of another workshop folder or session package, with their "
                       "recordings, speakers, annotations, roster and glossary")
    p.add_argument("source", type=Path, help="a workshop folder (NAME.minutes, may be read-only) or a session "
                   "package (.minutes-session)")
    p.add_argument("--workshop", type=Path, required=True, help="workshop folder to merge into (created if needed)")
    p.add_argument("--dry-run", action="store_true", help="only print what would be merged")

    p = sub.add_parser("roster", help="list the workshop roster (name, title, organisation, country; tab-separated) "
                       "after importing or exporting a sheet")
    p.add_argument("--workshop", type=Path, required=True, help="workshop folder (created by --import if needed)")
    p.add_argument("--import", dest="import_file", type=Path, metavar="FILE",
                   help="add or update participants from a registration sheet: .csv (UTF-8 or Big5) or .xlsx")
    p.add_argument("--export", type=Path, metavar="FILE", help="write the roster to a .csv or .xlsx file")

    p = sub.add_parser("voices", help="list the enrolled voices (name, organisation, samples; tab-separated), "
                       "or enrol a participant's voice from a moment of a session")
    p.add_argument("--workshop", type=Path, required=True, help="workshop folder")
    p.add_argument("--enrol", metavar="NAME", help="the participant speaking (added to the roster if not on it)")
    p.add_argument("--from-session", metavar="TITLE", help="the session to take the voice sample from")
    p.add_argument("--at", type=_seconds, metavar="SECONDS", help="a moment of that session when NAME speaks")

    p = sub.add_parser("agenda", help="list the sessions in programme order (date, start, end, title, venue, chair, "
                       "rapporteur; tab-separated) after importing a programme sheet")
    p.add_argument("--workshop", type=Path, required=True, help="workshop folder (created by --import if needed)")
    p.add_argument("--import", dest="import_file", type=Path, metavar="FILE",
                   help="create sessions (no recording yet) and update matching titles from a .csv or .xlsx sheet")

    p = sub.add_parser("review", help="set a session's review state: draft, reviewed or approved")
    p.add_argument("--workshop", type=Path, required=True)
    p.add_argument("--session", required=True, help="session title")
    p.add_argument("--status", required=True, choices=REVIEW_STATUSES)
    p.add_argument("--by", help="who sets it (default: your login name)")
    return parser


CONFIDENTIAL_HELP = ("keep text marked off the record (left out of docx, txt, srt and vtt unless given; json always "
                     "keeps it, flagged)")
SCRIPT_HELP = ("script for Chinese text (default: the workshop's; else the one --language zh-TW or zh-CN names; "
               "else traditional when the system locale is zh-TW, simplified otherwise)")
GLOSSARY_HELP = ("also spell the names and terms of this UTF-8 text file (one per line) as it does, like those "
                 "of the workshop glossary and roster")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        return _open_window(args_list)
    from minutes.logging_setup import configure

    try:
        log_file = configure()
        args = build_parser().parse_args(args_list)
    except KeyboardInterrupt:  # Ctrl-C at once: nothing was started
        return 130
    if args.command is None:
        return _open_window([])
    try:
        return _COMMANDS[args.command](args)
    except MinutesError as exc:
        _fail(str(exc))
        return 1
    except KeyboardInterrupt:
        _fail("stopped. What was finished is kept; run the same command again to resume.")
        return 130
    except sqlite3.DatabaseError as exc:
        # A damaged page met while reading: the user's problem (restore a copy), not a bug.
        from minutes.store.database import translate

        log.warning("database error in %s: %s", args.command, exc)
        workshop = getattr(args, "workshop", None)
        _fail(str(translate(exc, (workshop or Path(".")) / "workshop.sqlite")))
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: log it whole, show one line
        log.exception("unexpected error in %s", args.command)
        where = f" Details are in {log_file}." if log_file else ""
        _fail(f"internal error ({type(exc).__name__}: {exc}).{where}")
        return 3


def _fail(message: str) -> None:
    from minutes.store.clean import clean_text

    # One line whatever the message quotes (a title or a file name may hold line breaks or control characters);
    # bytes of a file name that are not UTF-8 show as � rather than vanish.
    message = " ".join(clean_text(re.sub("[\ud800-\udfff]", "\ufffd", message)).splitlines())
    print(f"minutes: error: {message}", file=sys.stderr)


def _open_window(args: list[str]) -> int:
    if len(args) > 1:
        _fail(f"unknown command '{args[0]}'. Commands: {', '.join(COMMANDS)}; or give one workshop folder.")
        return 2
    from minutes.ui.app import run

    return run(Path(args[0]) if args else None)


def _progress_printer(label: str, doing: str = "Transcribing"):  # noqa: ANN202
    if not sys.stderr.isatty():
        return None

    def show(fraction: float) -> None:
        print(f"\r{doing} {label}: {fraction:4.0%}", end="", file=sys.stderr, flush=True)

    return show


def _script(store, requested: str | None, language_tag: str) -> str:  # noqa: ANN001
    """The Chinese script: --script, else the one the --language tag names (zh-TW), else the workshop's
    default (see :func:`minutes.text.chinese.default_script`)."""
    from minutes.text.chinese import default_script, script_of

    workshop = store.workshop()
    return requested or script_of(language_tag) or default_script(workshop.script, workshop.language)


def _speaker_count(value: str):  # noqa: ANN202
    from minutes.speaker_labelling import SpeakerCount

    try:
        count = SpeakerCount.parse(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not auto, none, a number or a range A-B") from None
    if count is not None and (count.exact == 0 or count.low < 1 or count.high < count.low):
        raise argparse.ArgumentTypeError(f"'{value}': give at least one speaker, and A <= B")
    return count


def _seconds(value: str) -> float:
    """A moment in seconds from the start (a number, or minutes:seconds as the window shows times)."""
    try:
        seconds = sum(float(part) * 60**i for i, part in enumerate(reversed(value.split(":"))))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds") from None
    if seconds < 0:
        raise argparse.ArgumentTypeError("the moment cannot be before the start")
    return seconds


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds") from None
    if not seconds > 0:
        raise argparse.ArgumentTypeError("the duration must be more than 0 seconds")
    return seconds


def _open_workshop(path: Path, *, create: bool = False, read_only: bool = False):  # noqa: ANN202
    """Open a workshop, first repairing any recording a crash left unfinished (and saying so).

    Opened for writing, it is a context manager that removes a workshop it created again if the command
    fails before storing anything in it (see :meth:`WorkshopStore.writing`).
    """
    from minutes.audio.recovery import find_unfinished
    from minutes.errors import LockedError, StoreError
    from minutes.store import WorkshopStore, is_workshop

    if is_workshop(path) and find_unfinished(path / "audio"):
        from minutes.recording import recover_recordings

        try:
            with WorkshopStore.open(path) as store:
                for session, seconds in recover_recordings(store):
                    kept = f"{seconds / 60:.1f} min kept" if seconds else "nothing could be kept"
                    print(f'minutes: recovered the unfinished recording of "{session.title}" ({kept}).',
                          file=sys.stderr)
        except LockedError:
            pass  # the writer that holds the lock will repair it
        except StoreError:
            if not read_only:
                raise
            log.info("cannot repair the unfinished recordings of %s (read-only?); reading it as it is", path)
    if read_only:
        return WorkshopStore.open(path, read_only=True)
    return _writing(path, create=create)


@contextmanager
def _writing(path: Path, *, create: bool) -> Iterator:
    """The workshop open for writing; one this command creates is set up in the user's language first."""
    from minutes.store import WorkshopStore

    with WorkshopStore.writing(path, create=create) as store:
        if store.created:
            from minutes.operations.workshops import set_up_new_workshop

            set_up_new_workshop(store)
        yield store


def _cmd_transcribe(args: argparse.Namespace) -> int:
    from minutes import jobs
    from minutes.asr import languages, registry
    from minutes.asr.pipeline import TranscribeOptions
    from minutes.audio import decode
    from minutes.export.transcript import txt_entry
    from minutes.operations.transcribing import transcribe_with_speakers
    from minutes.text.glossary import read_glossary_file, session_hints

    if args.session is not None and args.workshop is None:
        raise InputError("--session needs --workshop (the folder to store the session in).")
    language = languages.normalise(args.language)
    _check_output(args.output, reads=[args.file, args.glossary], workshop=args.workshop)
    extra_terms = read_glossary_file(args.glossary) if args.glossary is not None else []
    decode.check_readable(args.file)
    source = registry.resolve(args.model)
    model = None  # loaded when there is something to transcribe or translate: a rerun may only label speakers
    title = args.session or args.file.stem
    # Translations come after the whole transcription, so with --translate the transcript is written at the end.
    stream = args.format == "txt" and args.output is None and args.speakers is None and not args.translate

    with tempfile.TemporaryDirectory(prefix="minutes-") as scratch:
        workshop_dir = args.workshop if args.workshop is not None else Path(scratch) / "scratch.minutes"
        with _open_workshop(workshop_dir, create=True) as store:
            script = _script(store, args.script, args.language)
            session = _session_for(store, title, args.file, language=language)
            # An agenda session planned in one language is transcribed in it unless --language says otherwise.
            options_language = language or (None if session.language in ("", "auto") else session.language)
            if stream and not args.include_confidential:
                # Off-the-record spans of a session being resumed: the transcript is filtered when written instead.
                stream = not any(a.confidential for a in store.annotations(session.id))
            if stream:
                for segment in store.segments(session.id):
                    print(txt_entry(segment), flush=True)
            options = None  # the model and its options only when there is something left to transcribe
            if jobs.needs_transcription(session):
                model = registry.load(source)
                hints = session_hints(store, session, script, model=model, extra_terms=extra_terms)
                options = TranscribeOptions(language=options_language, script=script, glossary=hints)

            def echo(segments):  # noqa: ANN001, ANN202
                for segment in segments:
                    print(txt_entry(segment), flush=True)

            progress = _progress_printer(args.file.name) if options is not None else None
            session = transcribe_with_speakers(store, session, model, options, args.speakers,
                                               on_segments=echo if stream else None, progress=progress)
            if progress is not None:
                print(file=sys.stderr)
            if not store.segments(session.id):
                _warn_no_speech(args.file, "transcript")
            if args.translate:
                _translate(store, session, model or registry.load(source), label=args.file.name)
            if not stream:
                try:
                    _write_output(store, session, args.format, args.output, args.include_confidential)
                except InputError as exc:
                    if args.workshop is None:
                        raise
                    raise InputError(f'{exc} The transcript of "{session.title}" is kept in {store.root}; '
                                     "write it with minutes export.") from exc
            if args.workshop is not None and store.created and args.script is None:
                _say_default_script(store, session)
    return 0


def _warn_no_speech(media: Path, what: str) -> None:
    """An empty result with status 0 would look like a fault of Minutes: say that the file held no speech."""
    print(f"minutes: warning: no speech was found in {media}; the {what} is empty. Check that the recording has "
          "sound (the microphone was on, the right track was chosen).", file=sys.stderr)


def _say_default_script(store, session) -> None:  # noqa: ANN001
    """Tell the user of a new workshop that its Chinese was written in a script nothing asked for."""
    from minutes.text.chinese import CHINESE_LANGUAGES, new_workshop_script

    choice = new_workshop_script()
    if choice.source == "default" and any(s.language in CHINESE_LANGUAGES for s in store.segments(session.id)):
        print(f"minutes: Chinese was written in {choice.script} characters, as nothing named a script; "
              "--script traditional (or Workshop ▸ Details in the window) changes it.", file=sys.stderr)


def _translate(store, session, model, *, label: str, audio=None, redo: bool = False,  # noqa: ANN001
               on_translated=None) -> int:  # noqa: ANN001
    """Translate the session's non-English segments with progress on stderr (a terminal only)."""
    from minutes.asr.translation import translate_session

    progress = _progress_printer(label, "Translating")
    try:
        return translate_session(store, session, model, audio=audio, redo=redo, progress=progress,
                                 on_translated=on_translated)
    finally:
        if progress is not None:
            print(file=sys.stderr)


def _session_for(store, title: str, media: Path, *, language: str | None):  # noqa: ANN001, ANN202
    """The session for ``media``, whose audio is streamed into the workshop (a scratch one without --workshop)."""
    from minutes import jobs
    from minutes.operations.sessions import awaits_recording, session_for_file

    existing = store.find_session(title)
    attaching = existing is not None and awaits_recording(store, existing)
    session = session_for_file(store, title, media, language=language).value
    if attaching:
        print(f'Transcribing into the agenda session "{title}".', file=sys.stderr)
    elif existing is not None and jobs.is_resumable(existing):
        print(f"Resuming \"{title}\" from {existing.transcribed_until:.1f} s.", file=sys.stderr)
    return session


def _check_output(output: Path | None, **rules) -> None:  # noqa: ANN003 - see check_output
    if output is not None:
        from minutes.fileio import check_output

        check_output(output, **rules)


def _write_output(store, session, fmt: str, output: Path | None,  # noqa: ANN001
                  include_confidential: bool = False) -> None:
    from minutes.export.transcript_files import render_session
    from minutes.fileio import atomic_write_text

    text = render_session(store, session, fmt, include_confidential=include_confidential)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write_text(output, text)


def _audio_source(path: Path):  # noqa: ANN202
    """A 16 kHz WAV or FLAC is read from disk a window at a time; anything else is decoded into memory."""
    from minutes.audio.source import ArraySource, FileSource

    if path.suffix.lower() in (".wav", ".flac") and path.is_file():
        try:
            return FileSource(path)
        except (RuntimeError, ValueError):
            pass  # another rate or an odd WAV: FFmpeg decodes and resamples it
    from minutes.audio import decode

    return ArraySource(decode.decode(path))


def _cmd_diarize(args: argparse.Namespace) -> int:
    from minutes.fileio import atomic_write_text
    from minutes.speakers import diarize, format_rttm

    if args.speakers is not None and (args.min_speakers is not None or args.max_speakers is not None):
        raise InputError("Give either --speakers N or --min-speakers/--max-speakers, not both.")
    low = args.min_speakers if args.min_speakers is not None else 1
    high = args.max_speakers if args.max_speakers is not None else max(30, low)
    if (args.speakers is not None and args.speakers < 1) or low < 1 or high < low:
        raise InputError("Speaker counts must be at least 1, with --min-speakers <= --max-speakers.")
    _check_output(args.output, reads=[args.file])
    result = diarize(_audio_source(args.file), num_speakers=args.speakers, min_speakers=low, max_speakers=high)
    if not result.turns:
        _warn_no_speech(args.file, "RTTM")
    text = format_rttm(result.turns, file_id="_".join(args.file.stem.split()) or "audio")
    if args.output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(args.output, text)
    return 0


def _cmd_record(args: argparse.Namespace) -> int:
    import threading

    from minutes.asr import languages, registry
    from minutes.asr.pipeline import TranscribeOptions
    from minutes.export.transcript import txt_line
    from minutes.recording import SessionRecorder, final_pass, unfinished_final_pass
    from minutes.speaker_labelling import SpeakerCount
    from minutes.text.glossary import read_glossary_file, session_hints

    language = languages.normalise(args.language)
    extra_terms = read_glossary_file(args.glossary) if args.glossary is not None else []
    model = registry.load(registry.resolve(args.model))
    stop = threading.Event()
    failure: list[str] = []

    def failed(message: str) -> None:
        failure.append(message)
        stop.set()

    with _open_workshop(args.workshop, create=True) as store:
        script = _script(store, args.script, args.language)
        unfinished = None if args.no_final else unfinished_final_pass(store, args.session)
        if unfinished is not None:
            # The same command again after Ctrl-C (or a crash) in the final pass: finish that, record nothing.
            print(f'Resuming the transcription of the recording of "{args.session}"…', file=sys.stderr)
            hints = session_hints(store, unfinished, script, model=model, extra_terms=extra_terms)
            options = TranscribeOptions(language=language, script=script, glossary=hints)
            final_pass(store, unfinished, model, options, SpeakerCount())
            return 0
        recorder = SessionRecorder(store, args.session, model, device=args.device, language=language, script=script,
                                   extra_terms=extra_terms, on_segment=lambda seg: print(txt_line(seg), flush=True),
                                   on_error=failed)
        recorder.start()
        print(f'Recording "{args.session}" from {recorder.recorder.device.name}; Ctrl-C stops.', file=sys.stderr)
        with suppress(KeyboardInterrupt):
            # The duration counts recorded audio, not wall time: a device can take a second to start.
            while not stop.wait(0.1):
                if args.duration is not None and recorder.recorder.elapsed >= args.duration:
                    break
        session = recorder.stop()
        print(f"Stopped: {session.duration / 60:.1f} min recorded in {recorder.path}.", file=sys.stderr)
        if not args.no_final and session.duration > 0:
            print("Transcribing the whole recording with speakers…", file=sys.stderr)
            options = TranscribeOptions(language=language, script=script, glossary=recorder.glossary)
            final_pass(store, session, model, options, SpeakerCount())
    if failure:
        raise InputError(failure[0])
    return 0


def _cmd_devices(args: argparse.Namespace) -> int:
    from minutes.audio.devices import list_input_devices

    found = list_input_devices()
    if not found:
        raise InputError("No microphone or other input device was found. Connect one and try again.")
    for device in found:
        print(device.describe())
    return 0


def _cmd_sessions(args: argparse.Namespace) -> int:
    from minutes.export.transcript import clock
    from minutes.store.clean import one_line

    with _open_workshop(args.workshop, read_only=True) as store:
        for session in store.sessions():
            # One lifecycle column: the processing state until the session is transcribed (as before), then
            # its review state. Earlier columns never change.
            state = session.status if session.status != SessionStatus.TRANSCRIBED else session.review_status
            length = clock(session.duration).rsplit(".", 1)[0]  # HH:MM:SS (more hours take more digits)
            print(f"{one_line(session.title)}\t{one_line(session.date) or '-'}\t{length}\t{state}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    if args.report:
        return _export_report(args)
    if args.format == "docx":
        return _export_docx(args)
    if args.format == "package":
        return _export_package(args)
    if args.all_sessions:
        raise InputError("--all-sessions is for --format docx; export transcripts one session at a time.")
    _check_output(args.output, workshop=args.workshop)
    with _open_workshop(args.workshop, read_only=True) as store:
        session = store.session_by_title(args.session)
        _write_output(store, session, args.format, args.output, args.include_confidential)
    return 0


def _export_docx(args: argparse.Namespace) -> int:
    from minutes.export.docx_minutes import MinutesOptions, default_output, write_minutes

    combined = not args.separate
    _check_output(args.output, reads=[args.template], workshop=args.workshop,
                  folder=not combined and args.all_sessions)
    options = MinutesOptions(chatham_house=args.chatham_house, include_confidential=args.include_confidential,
                             annex=args.annex, template=args.template, labels=args.labels,
                             chatham_label=args.chatham_label)
    with _open_workshop(args.workshop, read_only=True) as store:
        if args.all_sessions:
            ids = [s.id for s in store.sessions()]
            if not ids:
                raise InputError(f"The workshop {store.root} has no sessions to export.")
        else:
            ids = [store.session_by_title(args.session).id]
            combined = True
        target = args.output or default_output(store, ids, combined=combined)
        for path in write_minutes(store, ids, target, options, combined=combined):
            print(path)
        _warn_unnamed(store, ids, options)
    return 0


def _warn_unnamed(store, ids: list[int], options) -> None:  # noqa: ANN001
    """One line on stderr naming the anonymous voices the minutes quote: they should be named before they go out."""
    from minutes.export.docx_content import unnamed_speakers

    found = unnamed_speakers(store, ids, chatham_house=options.chatham_house,
                             include_confidential=options.include_confidential, annex=options.annex)
    if found:
        where = "; ".join(f'{", ".join(labels)} in "{title}"' for title, labels in found.items())
        print(f"minutes: warning: the minutes quote unnamed speakers ({where}); name them with the window's "
              "Speakers panel and export again.", file=sys.stderr)


def _export_report(args: argparse.Namespace) -> int:
    from minutes.export.docx_minutes import MinutesOptions
    from minutes.export.docx_report import default_report_output, write_report

    if args.format != "docx":
        raise InputError("The workshop report is a Word document: use --report with --format docx.")
    if args.separate:
        raise InputError("--separate writes one file per session; the workshop report is one document.")
    if args.output is not None:
        _check_output(args.output)
    options = MinutesOptions(chatham_house=args.chatham_house, include_confidential=args.include_confidential,
                             annex=args.annex, template=args.template, labels=args.labels,
                             chatham_label=args.chatham_label)
    with _open_workshop(args.workshop, read_only=True) as store:
        print(write_report(store, args.output or default_report_output(store), options))
        _warn_unnamed(store, [s.id for s in store.sessions()], options)
    return 0


def _export_package(args: argparse.Namespace) -> int:
    from minutes.operations.package import default_package_name, export_package

    if args.all_sessions:
        raise InputError("A package holds one session: give --session TITLE (to hand over a whole workshop, copy "
                         "its folder; 'minutes merge' reads it).")
    with _open_workshop(args.workshop, read_only=True) as store:
        session = store.session_by_title(args.session)
        target = args.output or store.exports_dir / default_package_name(session)
        _check_output(target, workshop=args.workshop)
        print(export_package(store, session, target))
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from minutes.export.interchange import import_session, read_session_file
    from minutes.operations.package import import_package, is_package, read_package
    from minutes.operations.workshop import adopt_workshop_details

    package = read_package(args.file) if is_package(args.file) else None
    if package is None:
        data = read_session_file(args.file)
    with _open_workshop(args.workshop, create=True) as store:
        if package is not None:
            session = import_package(store, package, title=args.session, adopt_details=store.created).value
            what = "segments, with its recording" if session.audio_file else "segments"
        else:
            with store.transaction():
                session = import_session(store, data, title=args.session)
                if store.created:
                    adopt_workshop_details(store, data.get("workshop"))
            what = "segments"
        print(f'Imported "{session.title}" ({store.segment_count(session.id)} {what}) into {store.root}.')
    return 0


def _cmd_merge(args: argparse.Namespace) -> int:
    from minutes.operations.merge import merge, open_source, plan_merge
    from minutes.store import is_workshop

    if args.source.expanduser().resolve() == args.workshop.expanduser().resolve():
        raise InputError("The source and the target are the same workshop; give another --workshop.")
    if args.dry_run and not is_workshop(args.workshop):
        raise InputError(f"{args.workshop} is not a workshop yet; --dry-run needs an existing one.")
    with open_source(args.source) as source:
        if args.dry_run:
            with _open_workshop(args.workshop, read_only=True) as store:
                _print_plan(plan_merge(store, source))
            return 0
        with _open_workshop(args.workshop, create=True) as store:
            plan = plan_merge(store, source)
            merge(store, plan, adopt_details=store.created)
            _print_plan(plan)
            print(f"Merged {args.source} into {store.root}: {len(plan.added)} sessions added, {len(plan.filled)} "
                  f"filled in, {len(plan.skipped)} already here; {len(plan.new_participants)} participants and "
                  f"{len(plan.new_terms)} glossary terms added.", file=sys.stderr)
    return 0


def _cmd_roster(args: argparse.Namespace) -> int:
    from minutes.operations.roster import export_roster, import_roster, read_roster

    if args.import_file is None:
        with _open_workshop(args.workshop, read_only=True) as store:
            if args.export is not None:
                _check_output(args.export, reads=[args.import_file], workshop=args.workshop)
                export_roster(store, args.export)
            people = store.participants()
    else:
        sheet = read_roster(args.import_file)
        with _open_workshop(args.workshop, create=True) as store:
            counts = import_roster(store, sheet.records).value
            if args.export is not None:
                _check_output(args.export, reads=[args.import_file], workshop=args.workshop)
                export_roster(store, args.export)
            people = store.participants()
        _report_import(args.import_file, counts, sheet.problems)
    for person in people:
        print("\t".join(_cell(v) for v in (person.name, person.title, person.organisation, person.country)))
    return 0


def _cmd_agenda(args: argparse.Namespace) -> int:
    from minutes.operations.agenda import import_agenda, programme, read_agenda

    if args.import_file is None:
        with _open_workshop(args.workshop, read_only=True) as store:
            sessions = programme(store.sessions())
    else:
        sheet = read_agenda(args.import_file)
        with _open_workshop(args.workshop, create=True) as store:
            counts = import_agenda(store, sheet.records).value
            sessions = programme(store.sessions())
        _report_import(args.import_file, counts, sheet.problems)
    for s in sessions:
        print("\t".join(_cell(v) for v in (s.date, s.start, s.end, s.title, s.venue, s.chair, s.rapporteur)))
    return 0


def _cell(value: str) -> str:
    """A value for a tab-separated line: tabs and line breaks would break the columns, control characters the
    terminal (an older version may have stored some)."""
    from minutes.store.clean import one_line

    return one_line(value)


def _report_import(path: Path, counts, problems: list[tuple[int, str]]) -> None:  # noqa: ANN001
    print(f"{path.name}: {counts.added} added, {counts.updated} updated, {counts.skipped} skipped "
          f"(already there or repeated); {len(problems)} rows not read.", file=sys.stderr)
    for row, problem in problems:
        print(f"{path.name}: row {row} not read: {problem}.", file=sys.stderr)


def _cmd_review(args: argparse.Namespace) -> int:
    import getpass

    from minutes.operations.review import set_review

    by = args.by
    if by is None:
        try:
            by = getpass.getuser()
        except (KeyError, OSError):  # no login name (a container without a passwd entry)
            by = ""
    with _open_workshop(args.workshop) as store:
        session = set_review(store, store.session_by_title(args.session).id, args.status, by).value
        who = f" by {session.reviewed_by}" if session.reviewed_by else ""
        print(f'"{session.title}" is {session.review_status}{who} ({session.reviewed_at}).')
    return 0


def _print_plan(plan) -> None:  # noqa: ANN001
    for action, titles in (("added", plan.added), ("filled", plan.filled), ("unchanged", plan.skipped),
                           ("conflict", plan.conflicts)):
        for title in titles:
            print(f"{action}\t{title}")


def _cmd_languages(args: argparse.Namespace) -> int:
    from minutes.asr.languages import whisper_codes

    print("auto")
    for code in whisper_codes():
        print(code)
    return 0


def _cmd_glossary(args: argparse.Namespace) -> int:
    from minutes.text.glossary import edit_terms, read_glossary_file

    added = [*(read_glossary_file(args.file) if args.file is not None else []), *args.add]
    if not (args.clear or added or args.remove):
        with _open_workshop(args.workshop, read_only=True) as store:
            terms = store.glossary()
    else:
        with _open_workshop(args.workshop, create=True) as store:
            store.set_glossary(edit_terms([] if args.clear else store.glossary(), add=added, remove=args.remove))
            terms = store.glossary()  # as stored: blank terms dropped, control characters cleaned
    for term in terms:
        print(term)
    return 0


def _cmd_translate(args: argparse.Namespace) -> int:
    from minutes.asr import registry
    from minutes.asr.translation import needs_translation
    from minutes.export.transcript import txt_entry
    from minutes.export.transcript_files import names_to_show

    with _open_workshop(args.workshop) as store:
        session = store.session_by_title(args.session)
        todo = sum(needs_translation(s, redo=args.redo) for s in store.segments(session.id))
        if not todo:
            print(f'Nothing to translate in "{session.title}": every finished non-English segment has its '
                  "English (--redo translates them again).", file=sys.stderr)
            return 0
        model = registry.load(registry.resolve(args.model))
        names = names_to_show(store, session)
        done = _translate(store, session, model, redo=args.redo, label=f'"{session.title}"',
                          on_translated=lambda segment: print(txt_entry(segment, names), flush=True))
        missed = f"; Whisper gave no English for {todo - done}" if done < todo else ""
        print(f'Translated {done} of {todo} segments of "{session.title}" into English{missed}.', file=sys.stderr)
    return 0


def _cmd_voices(args: argparse.Namespace) -> int:
    from minutes.operations.voices import enrol_voice, enrolled_voices

    wanted = (args.enrol, args.from_session, args.at)
    if any(v is not None for v in wanted) and not all(v is not None for v in wanted):
        raise InputError("Enrolling a voice needs --enrol NAME, --from-session TITLE and --at SECONDS together.")
    if args.enrol is None:
        with _open_workshop(args.workshop, read_only=True) as store:
            voices = enrolled_voices(store)
    else:
        with _open_workshop(args.workshop) as store:
            session = store.session_by_title(args.from_session)
            done = enrol_voice(store, args.enrol, session, args.at).value
            voices = enrolled_voices(store)
        added = " (added to the roster)" if done.added_to_roster else ""
        print(f'minutes: enrolled the voice of {done.participant.name}{added} from "{session.title}" '
              f"{done.start:.1f}-{done.end:.1f} s; {done.samples} sample(s) in the profile.", file=sys.stderr)
    for name, organisation, samples in voices:
        print("\t".join((_cell(name), _cell(organisation), str(samples))))
    return 0


_COMMANDS = {
    "transcribe": _cmd_transcribe,
    "record": _cmd_record,
    "devices": _cmd_devices,
    "diarize": _cmd_diarize,
    "sessions": _cmd_sessions,
    "export": _cmd_export,
    "import": _cmd_import,
    "languages": _cmd_languages,
    "glossary": _cmd_glossary,
    "translate": _cmd_translate,
    "merge": _cmd_merge,
    "roster": _cmd_roster,
    "voices": _cmd_voices,
    "agenda": _cmd_agenda,
    "review": _cmd_review,
}
