"""A session's transcript as plain text, SRT or WebVTT.

A segment with an English translation (see :mod:`minutes.asr.translation`) shows it under its own line:
indented and marked ``EN:`` in text files, as the cue's second line in subtitles (bilingual captions).

Whatever a transcript says, it cannot break the file's structure: each text is one line without control
characters (a line break or an empty line would end a cue), a cue never contains the ``-->`` that starts the
next one, and WebVTT text is escaped (``&``, ``<`` and ``>`` are markup there; ``<v Name>`` names the voice).
A segment with nothing to show gets no cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from minutes.domain import Segment
from minutes.store.clean import clean_text, one_line

TEXT_FORMATS = ("txt", "srt", "vtt")
TRANSLATION_MARK = "    EN: "
OMITTED = "[Remarks off the record omitted]"


def clock(seconds: float, *, separator: str = ".") -> str:
    """``HH:MM:SS.mmm`` (SRT uses a comma as ``separator``)."""
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _name(segment: Segment, names: Mapping[int, str]) -> str:
    """The segment's speaker name on one line, or ""."""
    return one_line(names.get(segment.speaker_id, "")) if segment.speaker_id is not None else ""


def _line(segment: Segment, names: Mapping[int, str]) -> str:
    name = _name(segment, names)
    return f"{name}: {_text(segment)}" if name else _text(segment)


def _text(segment: Segment) -> str:
    """The segment's text on one line: a line break in it would end a subtitle cue or a time-stamped line."""
    text = clean_text(segment.text)
    if "\n" not in text:
        return text
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _translation(segment: Segment) -> str:
    """The segment's English translation on one line, or ""."""
    return " ".join(clean_text(segment.translation).split())


def txt_line(segment: Segment, names: Mapping[int, str] | None = None) -> str:
    """One time-stamped line: ``[00:00:01.240 --> 00:00:04.560] Speaker: text``."""
    return f"[{clock(segment.start)} --> {clock(segment.end)}] {_line(segment, names or {})}"


def txt_entry(segment: Segment, names: Mapping[int, str] | None = None) -> str:
    """The segment as it appears in a text transcript: its :func:`txt_line`, then its translation if any
    (``    EN: text``), without a final newline."""
    english = _translation(segment)
    line = txt_line(segment, names)
    return f"{line}\n{TRANSLATION_MARK}{english}" if english else line


def render(fmt: str, segments: Sequence[Segment | None], names: Mapping[int, str] | None = None) -> str:
    """The transcript in ``fmt`` (txt, srt or vtt).

    A None among the segments stands for remarks left out as off the record (see
    :mod:`minutes.export.confidential`): a text transcript says so on a line of its own, subtitles skip them.
    """
    names = names or {}
    if fmt == "txt":
        return "".join((txt_entry(s, names) if s is not None else OMITTED) + "\n" for s in segments)
    segments = [s for s in segments if s is not None and (_text(s).strip() or _translation(s))]
    if fmt == "srt":
        blocks = [
            f"{i}\n{clock(s.start, separator=',')} --> {clock(s.end, separator=',')}\n{_srt_text(s, names)}\n"
            for i, s in enumerate(segments, 1)
        ]
        return "\n".join(blocks)
    if fmt == "vtt":
        blocks = [f"{clock(s.start)} --> {clock(s.end)}\n{_vtt_text(s, names)}\n" for s in segments]
        return "WEBVTT\n\n" + "\n".join(blocks)
    raise ValueError(f"unknown transcript format {fmt!r}")


def _cue_lines(*lines: str) -> str:
    """The non-empty lines of a cue, with no ``-->`` (which would start a new cue in a lenient reader)."""
    return "\n".join(line.replace("-->", "->") for line in lines if line.strip())


def _srt_text(segment: Segment, names: Mapping[int, str]) -> str:
    return _cue_lines(_line(segment, names), _translation(segment))


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _vtt_text(segment: Segment, names: Mapping[int, str]) -> str:
    name = _name(segment, names)
    voice = f"<v {_vtt_escape(name)}>" if name else ""
    return _cue_lines(voice + _vtt_escape(_text(segment)), _vtt_escape(_translation(segment)))
