"""Exports: plain text, subtitles (SRT, WebVTT), the JSON interchange format and Word minutes."""
