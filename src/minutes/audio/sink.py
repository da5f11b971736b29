"""A file for soundfile to write FLAC through, which keeps OS errors for the caller.

soundfile calls a Python file object from inside libsndfile (cffi callbacks). An exception raised there
(``No space left on device``) cannot reach the caller: Python prints "Exception ignored from cffi
callback" with a traceback on stderr and libsndfile carries on. :class:`SoundSink` catches the OS error
in the callback and keeps it; from then on it drops what libsndfile writes but reports it as written
(a short write would only trip an assertion inside soundfile), and the caller raises the kept error
with :meth:`SoundSink.check` — so a full disk gives one plain sentence, never a traceback. The file is
unbuffered, so no later flush can fail outside the callbacks' reach either.
"""

from __future__ import annotations

import os
from pathlib import Path


class SoundSink:
    """An unbuffered binary file whose errors inside soundfile's callbacks are kept, not raised."""

    def __init__(self, path: Path | str, mode: str = "wb") -> None:
        self.name = str(path)
        self._file = open(path, mode, buffering=0)  # noqa: SIM115 - closed by close()
        self.error: OSError | None = None

    # -- what soundfile's virtual I/O calls ------------------------------------------------------

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while self.error is None and view:
            try:
                view = view[self._file.write(view):]  # an unbuffered write may take only part
            except OSError as exc:
                self.error = exc
        return len(data)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        try:
            return self._file.seek(offset, whence)
        except OSError as exc:
            self.error = self.error or exc
            return self._file.tell()

    def tell(self) -> int:
        return self._file.tell()

    def read(self, size: int = -1) -> bytes:
        try:
            return self._file.read(size) or b""
        except OSError as exc:
            self.error = self.error or exc
            return b""

    # -- for the caller -------------------------------------------------------------------------

    def check(self) -> None:
        """Raise the first OS error a write met, if any."""
        if self.error is not None:
            raise self.error

    def fileno(self) -> int:
        return self._file.fileno()

    def flush(self) -> None:
        """Nothing is buffered here; kept so the sink stands where a file object did."""

    def sync(self) -> None:
        """Raise any kept error, then fsync the file to disk."""
        self.check()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SoundSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
