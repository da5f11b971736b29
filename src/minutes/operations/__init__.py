"""Use cases: one small Qt-free function per thing a user does, called by the command line and the window.

Each operation takes the store (and plain values), does its work through the store's transactions, and
returns what it changed as :class:`~minutes.operations.changes.OpChanges` (with a result where it has one),
so the window can announce the change once and let every panel refresh itself.
"""
