"""Minutes: offline transcription and formatted Word minutes for international workshops."""

__version__ = "0.1.0"
