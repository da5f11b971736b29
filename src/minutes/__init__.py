"""Minutes: offline transcription and formatted Word minutes for international workshops."""

from minutes.allocator import keep_scratch_memory

__version__ = "0.1.0"

keep_scratch_memory()  # first thing, before any thread allocates (see minutes.allocator)
