"""Mandarin and English sessions: Traditional script, language per utterance, the glossary and translation.
Real speech through the bundled model; espeak-ng for English names. The command line side (defaults, exports,
the glossary and translate commands) is in test_cli_languages.py; the Traditional Chinese interface in
tests/ui/test_i18n.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from opencc import OpenCC

from minutes import jobs
from minutes.asr.live import LiveTranscriber
from minutes.asr.pipeline import TranscribeOptions, convert_words, transcribe
from minutes.asr.translation import translate_session
from minutes.domain import Participant, Segment, Session, Word
from minutes.errors import Cancelled, InputError
from minutes.store import WorkshopStore
from minutes.text import chinese
from minutes.text.chinese import has_han
from minutes.text.glossary import (
    TOKEN_BUDGET,
    Hints,
    build_hints,
    edit_terms,
    model_token_counter,
    parse_glossary,
    rank_terms,
    read_glossary_file,
    session_hints,
    split_terms,
)
from tests import speech
from tests.scoring import cer_zh

MANDARIN = ["zh_aishell1_BAC009S0764W0121", "zh_aishell1_BAC009S0764W0122"]
_s2t, _t2s = OpenCC("s2t"), OpenCC("t2s")

# Spoken by espeak-ng, the plain model writes "the Tsukai Foundation Support Survivors in New Alien."
NAMES_SENTENCE = "The Tzu Chi Foundation supports survivors in Hualien."
GLOSSARY = ["ECPAT", "IOM", "forced criminality", "Tzu Chi", "Hualien", "Garden of Hope Foundation", "人口贩运",
            "勵馨基金會", "移民署"]
ROSTER = [Participant("Maa Shyh-Yuan", organisation="Ministry of the Interior"),
          Participant("陳美玲 Chen Mei-Ling", organisation="內政部移民署")]


def run(model, audio, **options) -> list[Segment]:
    found: list[Segment] = []
    transcribe(model, audio, TranscribeOptions(**options), lambda segs, _until: found.extend(segs))
    return found


def live(model, audio: np.ndarray, **options) -> list[tuple]:
    """What the live transcriber finds in ``audio`` fed in 50 ms blocks, as the recorder delivers it."""
    found: list[tuple] = []
    transcriber = LiveTranscriber(model, on_segment=lambda *segment: found.append(segment), **options)
    transcriber.start()
    padded = speech.join(speech.silence(0.5), audio, speech.silence(1.0))
    for i in range(0, len(padded), 800):
        transcriber.feed(padded[i : i + 800], i / speech.RATE)
    transcriber.stop(timeout=120)
    return found


def simplified_only(text: str) -> list[str]:
    return [ch for ch in text if _s2t.convert(ch) != ch]


@pytest.fixture
def store(tmp_path):
    with WorkshopStore.open(tmp_path / "Taipei.minutes", create=True) as opened:
        opened.set_glossary(GLOSSARY)
        for person in ROSTER:
            opened.add_participant(person)
        yield opened


# -- script --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("clip", MANDARIN)
def test_traditional_output_has_no_simplified_only_character(model, data, clip):
    text = "".join(s.text for s in run(model, speech.load(data / f"{clip}.wav"), language="zh",
                                       script="traditional"))
    assert text and not simplified_only(text), f"{simplified_only(text)} in {text}"
    assert _t2s.convert(text) != text, f"no Traditional character at all in {text}"
    assert cer_zh((data / f"{clip}.txt").read_text(), text) <= 0.35, text


def test_live_text_is_traditional_too(model, data, store):
    """Live text (language detected, workshop glossary given) is converted like the final text."""
    clip = MANDARIN[0]
    hints = session_hints(store, None, "traditional", model=model)
    found = live(model, speech.load(data / f"{clip}.wav"), script="traditional", glossary=hints)
    text = "".join(segment[2] for segment in found)
    assert {segment[3] for segment in found} == {"zh"}, found
    assert text and not simplified_only(text), f"{simplified_only(text)} in {text}"
    assert cer_zh((data / f"{clip}.txt").read_text(), text) <= 0.35, text
    for _start, _end, segment_text, _language, words, _flags in found:
        assert "".join(w.text for w in words).strip() == segment_text  # word times carry the same characters


def test_words_are_converted_with_the_phrases_of_their_segment():
    words = [Word(0.0, 0.5, "软"), Word(0.5, 1.0, "件"), Word(1.0, 1.5, "和"), Word(1.5, 2.0, "U盘")]
    converted = convert_words(words, "traditional")
    # 软件 → 軟體 is a phrase (Taiwan wording); U盘 → 隨身碟 changes length, so words are converted one by one.
    assert [w.text for w in converted] == ["軟", "件", "和", "隨身碟"]
    assert [w.text for w in convert_words(words[:3], "traditional")] == ["軟", "體", "和"]
    assert [(w.start, w.end) for w in converted] == [(w.start, w.end) for w in words]


def test_default_script_follows_the_workshop_then_the_language_tag_then_the_locale(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # no locale at all: skipped
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    assert chinese.system_locale() == "zh_TW.UTF-8"
    assert chinese.default_script() == "traditional"
    assert chinese.default_script("simplified") == "simplified"  # the workshop's own choice wins
    assert chinese.default_script("", "zh-CN") == "simplified"  # then a language tag naming a script
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert chinese.default_script() == "simplified"
    assert chinese.default_script("traditional") == "traditional"
    assert chinese.default_script("", "zh-Hant") == "traditional"
    monkeypatch.setenv("LC_MESSAGES", "zh_HK.UTF-8")
    assert chinese.default_script() == "traditional"
    assert [chinese.script_of(tag) for tag in ("zh-TW", "zh_Hant_TW", "zh-CN", "zh-Hans", "zh", "en_US", None)] == [
        "traditional", "traditional", "simplified", "simplified", None, None, None]


# -- languages -----------------------------------------------------------------------------------------


def test_mixed_session_gets_language_per_utterance(model, data):
    english = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    mandarin = speech.load(data / "zh_aishell1_BAC009S0764W0121.wav")
    other_english = speech.load(data / "en_librivox_sense_and_sensibility_0890.wav")
    pause = speech.silence(2)
    audio = speech.join(english, pause, mandarin, pause, other_english)
    segments = run(model, audio, language=None, script="traditional")
    runs = [lang for i, lang in enumerate(s.language for s in segments) if i == 0 or segments[i - 1].language != lang]
    assert runs == ["en", "zh", "en"], [(s.language, s.text) for s in segments]
    chinese = "".join(s.text for s in segments if s.language == "zh")
    assert not [ch for ch in chinese if _s2t.convert(ch) != ch], chinese
    assert "sorrow" in " ".join(s.text for s in segments if s.language == "en").lower()


# -- glossary --------------------------------------------------------------------------------------------


def test_glossary_hints_are_split_by_script_and_written_traditional(store):
    hints = session_hints(store, None, "traditional")
    english, chinese = hints.for_language("en"), hints.for_language("zh")
    assert "Tzu Chi" in english and "Maa Shyh-Yuan" in english and "Chen Mei-Ling" in english
    assert not has_han(english)
    assert "人口販運" in chinese and "陳美玲" in chinese and "勵馨基金會" in chinese  # Simplified input converted
    assert "IOM" in chinese and "Tzu Chi" not in chinese  # acronyms are said in Mandarin too; names are not
    assert hints.for_language("fr") == hints.for_language(None) == hints.by_language["*"]


def test_a_language_without_terms_gets_no_hint_rather_than_another_languages():
    hints = build_hints(["Tzu Chi", "Hualien"], "traditional")
    assert hints and "Tzu Chi" in hints.for_language("en") and "Tzu Chi" in hints.for_language("fr")
    assert hints.for_language("zh") is None  # no Han term: English names would only pull Whisper to English
    assert not Hints() and Hints().for_language("en") is None


def test_han_terms_lose_their_punctuation_and_latin_parts():
    split = split_terms(["內政部（MOI）", "陳美玲 Chen Mei-Ling", "人口贩运"], "traditional")
    assert split["zh"] == ["內政部", "陳美玲", "人口販運"]
    assert split["en"] == ["MOI", "Chen Mei-Ling"]


def test_session_speakers_rank_first_and_huge_glossaries_fit_the_budget(model, store):
    session = store.add_session(Session(title="Panel 2: Tzu Chi and survivors"))
    store.set_session_participants(session.id, [store.find_participant("Maa Shyh-Yuan").id])
    store.set_glossary([f"Term number {i}" for i in range(100_000)] + ["x" * 5000, *GLOSSARY])
    hints = session_hints(store, store.session(session.id), "traditional", model=model)
    english = hints.for_language("en")
    assert english.startswith("Names and terms of the workshop: Maa Shyh-Yuan, Ministry of the Interior, Tzu Chi, "
                              "Term number 0, "), english[:100]
    count = model_token_counter(model)
    assert all(count(text) <= TOKEN_BUDGET for text in hints.by_language.values())
    assert "xxxxx" not in english


def test_glossary_helpers(tmp_path):
    text = "ECPAT, IOM\n# comment\n人口販運、移民署\n\nIOM\n"
    assert parse_glossary(text) == ["ECPAT", "IOM", "人口販運", "移民署"]
    assert parse_glossary("\n".join(f"Term {i}" for i in range(3000)))[-1] == "Term 2999"  # a file is not cut
    assert rank_terms(["a", "B", "b", " "], [Participant("C", organisation="a")]) == ["a", "B", "C"]
    assert build_hints([], "traditional").for_language("en") is None

    path = tmp_path / "glossary.txt"
    path.write_bytes("\ufeffTzu Chi\r\nHualien\r\n".encode())  # Notepad: byte order mark, CRLF
    assert read_glossary_file(path) == ["Tzu Chi", "Hualien"]
    path.write_bytes("Taïpei".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_glossary_file(path)
    with pytest.raises(InputError, match="no such file"):
        read_glossary_file(tmp_path / "missing.txt")

    assert edit_terms(["IOM", "Tzu Chi"], add=["iom", "  ECPAT "], remove=["tzu chi"]) == ["IOM", "ECPAT"]
    with pytest.raises(InputError, match='Not in the glossary: "UNODC"'):
        edit_terms(["IOM"], remove=["UNODC"])


def test_glossary_fixes_the_spelling_of_names(model, store, tmp_path):
    audio = speech.load(speech.espeak(NAMES_SENTENCE, tmp_path / "names.wav"))
    plain = " ".join(s.text for s in run(model, audio, language="en"))
    hints = session_hints(store, None, "traditional", model=model)
    helped = " ".join(s.text for s in run(model, audio, language="en", glossary=hints))
    assert "Tzu Chi" not in plain and "Hualien" not in plain, plain
    assert "Tzu Chi" in helped and "Hualien" in helped, helped
    assert "survivors" in helped.lower()


def test_the_glossary_changes_nothing_but_the_terms(model, data, store):
    """Conversation in which no glossary term is said comes out exactly as without the glossary: same
    segments, same times, same words (hotwords given to the transcription itself merged it into 20 s
    segments and lost speech at the end of chunks)."""
    store.set_glossary([*GLOSSARY, "remote control", "LCD display"])  # said here, and spelt so already
    audio, _rate = sf.read(data / "multi_en_ami_debug_dev00.flac", dtype="float32")
    plain = run(model, audio)
    hints = session_hints(store, None, "traditional", model=model)
    assert "remote control" in hints.for_language("en")
    assert run(model, audio, glossary=hints) == plain


def test_glossary_reaches_the_live_transcript(model, store, tmp_path):
    audio = speech.load(speech.espeak(NAMES_SENTENCE, tmp_path / "names.wav"))
    plain = " ".join(segment[2] for segment in live(model, audio))
    helped = live(model, audio, glossary=session_hints(store, None, "traditional", model=model))
    text = " ".join(segment[2] for segment in helped)
    assert "Tzu Chi" not in plain and "Hualien" not in plain, plain
    assert "Tzu Chi" in text and "Hualien" in text, text
    assert {segment[3] for segment in helped} == {"en"}


def test_a_stored_session_is_transcribed_with_the_workshop_glossary(model, store, tmp_path):
    audio = speech.load(speech.espeak(NAMES_SENTENCE, tmp_path / "names.wav"))
    session = jobs.add_media_session(store, audio, Session(title="Names"))
    jobs.transcribe_session(store, session, model, TranscribeOptions(language="en"))
    text = " ".join(s.text for s in store.segments(session.id))
    assert "Tzu Chi" in text and "Hualien" in text, text


def test_glossary_does_not_hurt_mandarin(model, data, store):
    hints = session_hints(store, None, "traditional", model=model)
    for clip in MANDARIN:
        audio = speech.load(data / f"{clip}.wav")
        text = "".join(s.text for s in run(model, audio, language=None, script="traditional", glossary=hints))
        assert cer_zh((data / f"{clip}.txt").read_text(), text) <= 0.35, text


# -- translation ---------------------------------------------------------------------------------------


def _mixed_session(store: WorkshopStore, model, data: Path) -> Session:
    english = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    mandarin = speech.load(data / "zh_aishell1_BAC009S0764W0121.wav")
    audio = speech.join(english, speech.silence(2), mandarin)
    session = jobs.add_media_session(store, audio, Session(title="Mixed"))
    return jobs.transcribe_session(store, session, model, TranscribeOptions(language=None, script="traditional"),
                                   audio=audio)


def test_translation_of_mandarin_segments(model, data, store):
    session = _mixed_session(store, model, data)
    before = {s.id: s for s in store.segments(session.id)}
    assert {s.language for s in before.values()} == {"en", "zh"}
    with pytest.raises(Cancelled):
        translate_session(store, session, model, cancelled=lambda: True)
    assert not any(s.translation for s in store.segments(session.id)), "nothing stored when cancelled at once"

    reported: list[float] = []
    count = translate_session(store, session, model, progress=reported.append)
    after = store.segments(session.id)
    assert count == sum(s.language == "zh" for s in after) >= 1
    assert reported[-1] == 1.0
    for segment in after:
        assert segment.id in before and segment.text == before[segment.id].text  # same ids, text untouched
        if segment.language == "zh":
            english = segment.translation
            assert english and not has_han(english) and sum(c.isalpha() for c in english) >= 5, english
        else:
            assert segment.translation == ""
    assert translate_session(store, session, model) == 0, "a rerun translates only what is missing"


def test_a_stopped_translation_keeps_what_was_done_and_a_rerun_does_the_rest(model, data, store):
    clips = [speech.load(data / f"{clip}.wav") for clip in MANDARIN]
    audio = speech.join(clips[0], speech.silence(2), clips[1])
    session = jobs.add_media_session(store, audio, Session(title="Mandarin"))
    second = (len(clips[0]) + 2 * speech.RATE) / speech.RATE
    store.add_segments(session.id, [  # as transcribed, one segment per clip
        Segment(0.1, len(clips[0]) / speech.RATE, "甚至出現交易幾乎停滯的情況", language="zh"),
        Segment(second, len(audio) / speech.RATE, "一二線城市雖然也處於調整中", language="zh"),
    ])

    def translated() -> list[Segment]:
        return [s for s in store.segments(session.id) if s.translation]

    shown: list[Segment] = []
    with pytest.raises(Cancelled):
        translate_session(store, session, model, cancelled=lambda: bool(translated()), on_translated=shown.append)
    assert len(translated()) == 1 and [s.id for s in shown] == [s.id for s in translated()]
    assert translate_session(store, session, model) == len(store.segments(session.id)) - 1
    assert len(translated()) == len(store.segments(session.id))


def test_a_new_workshop_is_traditional_when_the_interface_or_the_locale_is(monkeypatch, tmp_path):
    from minutes.operations.workshops import set_up_new_workshop

    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert chinese.new_workshop_script("zh_TW") == chinese.ScriptChoice("traditional", "interface")
    assert chinese.new_workshop_script("en_US") == chinese.ScriptChoice("simplified", "default")
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    assert chinese.new_workshop_script("en") == chinese.ScriptChoice("traditional", "locale")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert chinese.new_workshop_script("") == chinese.ScriptChoice("simplified", "locale")
    with WorkshopStore.open(tmp_path / "A.minutes", create=True) as store:
        assert set_up_new_workshop(store, "zh_TW").value.script == "traditional"
        assert store.workshop().script == "traditional"
        assert [t.name for t in store.tags()][:4] == ["預防", "保護", "起訴", "夥伴關係"]
    with WorkshopStore.open(tmp_path / "B.minutes", create=True) as store:
        store.rename_tag(store.tags()[0].id, "Early prevention")  # the user's own name stays
        set_up_new_workshop(store, "zh_TW")
        assert [t.name for t in store.tags()][:2] == ["Early prevention", "保護"]
