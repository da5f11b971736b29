"""Errors that are the user's problem, as opposed to our bugs.

A :class:`MinutesError` carries one plain sentence that names the problem and says what to do; the
command line prints it on stderr and the window shows it in a dialog. Anything else that escapes is a
bug and is logged with its traceback.
"""


class MinutesError(Exception):
    """A problem the user can fix; ``str(error)`` is the message shown to them."""


class InputError(MinutesError):
    """A file or argument given by the user cannot be used."""


class ModelError(MinutesError):
    """The speech model is missing, corrupt or cannot be loaded."""


class StoreError(MinutesError):
    """The workshop folder cannot be read or written."""


class LockedError(StoreError):
    """Another Minutes process is writing the same workshop."""


class Cancelled(Exception):  # noqa: N818 - a signal, not an error
    """Raised inside long work when the user asked to stop it."""
