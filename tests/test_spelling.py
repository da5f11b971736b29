"""Glossary spelling: terms from the hinted second decode replace only the words they stand for."""

from __future__ import annotations

from minutes.asr.spelling import apply_terms
from minutes.domain import Segment, Word

TERMS = ["ECPAT", "IOM", "Tzu Chi", "Hualien", "Maa Shyh-Yuan", "Palermo Protocol", "勵馨基金會", "人口販運"]


def segment(*words: str, start: float = 0.0, language: str = "en") -> Segment:
    timed = [Word(start + i, start + i + 1, text, 0.9) for i, text in enumerate(words)]
    return Segment(start, start + len(words), "".join(words).strip(), language=language, words=timed)


def test_misheard_names_take_the_glossary_spelling_and_keep_their_times():
    plain = segment(" the", " Tsukai", " Foundation", " Support", " Survivors", " in", " New", " Alien.")
    [spelt] = apply_terms([plain], "The Tzu Chi Foundation supports survivors in Hualien.", TERMS)
    assert spelt.text == "the Tzu Chi Foundation Support Survivors in Hualien."  # "supports": not a term
    assert [(w.start, w.end, w.text) for w in spelt.words] == [
        (0, 1, " the"), (1, 2, " Tzu Chi"), (2, 3, " Foundation"), (3, 4, " Support"), (4, 5, " Survivors"),
        (5, 6, " in"), (6, 8, " Hualien.")]


def test_a_term_the_hinted_text_nearly_spells_counts():
    plain = segment(" Our", " speaker", " is", " Mahayun.")
    assert apply_terms([plain], "Our speaker is Ma Shyh-Yuan.", TERMS)[0].text == "Our speaker is Maa Shyh-Yuan."


def test_nothing_changes_without_a_misheard_counterpart():
    right = segment(" The", " Tzu", " Chi", " Foundation.")
    assert apply_terms([right], "The Tzu Chi Foundation.", TERMS) == [right]  # already spelt so
    dropped = segment(" and", " the", " IOM", " presented")
    assert apply_terms([dropped], "ECPAT and IOM presented", TERMS) == [dropped]  # nothing heard to replace
    unlike = segment(" on", " the", " display", " today")
    assert apply_terms([unlike], "on the Palermo Protocol today", TERMS) == [unlike]  # no letters in common
    split = [segment(" in", " New"), segment(" Alien.", start=2.0)]
    assert apply_terms(split, "in Hualien.", TERMS) == split  # a term never joins two segments


def test_han_terms_replace_homophones_in_either_script():
    plain = segment("利", "心", "基金", "會", "協助", "人口", "販", "運", "被害人", language="zh")
    [spelt] = apply_terms([plain], "励馨基金会协助人口贩运被害人", TERMS)  # Whisper's hinted text is Simplified
    assert spelt.text == "勵馨基金會協助人口販運被害人"
    assert [(w.start, w.end, w.text) for w in spelt.words][:2] == [(0, 4, "勵馨基金會"), (4, 5, "協助")]
