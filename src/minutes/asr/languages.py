"""Language codes Whisper understands, and the names people type for them."""

from __future__ import annotations

from minutes.errors import InputError

AUTO = "auto"
_ALIASES = {
    "english": "en", "mandarin": "zh", "chinese": "zh", "zh-tw": "zh", "zh-hant": "zh", "zh-cn": "zh",
    "zh-hans": "zh", "cmn": "zh",
}


def whisper_codes() -> tuple[str, ...]:
    """Every language code the multilingual Whisper models accept."""
    from faster_whisper.tokenizer import _LANGUAGE_CODES  # the list faster-whisper itself validates against

    return tuple(_LANGUAGE_CODES)


def normalise(value: str | None) -> str | None:
    """Return a Whisper language code, or None for automatic detection; reject unknown codes."""
    if value is None or value.strip().lower() in ("", AUTO):
        return None
    key = value.strip().lower().replace("_", "-")
    code = _ALIASES.get(key, key)
    if code not in whisper_codes():
        raise InputError(
            f"Unknown language '{value}'. Use 'auto' or a Whisper language code such as en, zh, fr, es, "
            "th, vi, id (see `minutes languages`)."
        )
    return code
