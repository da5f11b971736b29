"""Word and character error rates, scored as shared/speech/README.md says."""

from __future__ import annotations

import re

import jiwer
from opencc import OpenCC

_FILLERS = {"uh", "um", "mm", "hmm"}
_to_simplified = OpenCC("t2s")


def _words(text: str) -> str:
    text = re.sub(r"[^\w\s']", " ", text.lower())
    return " ".join(w for w in text.split() if w not in _FILLERS)


def wer(reference: str, hypothesis: str) -> float:
    return jiwer.wer(_words(reference), _words(hypothesis))


def cer_zh(reference: str, hypothesis: str) -> float:
    """CER after writing both sides in Simplified script without punctuation or spaces."""

    def chars(text: str) -> str:
        return " ".join(re.sub(r"[\W_]+", "", _to_simplified.convert(text)))

    return jiwer.wer(chars(reference), chars(hypothesis))
