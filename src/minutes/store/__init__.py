"""The workshop store: a folder with an SQLite database, recordings and exports."""

from minutes.store.workshop_store import WorkshopStore, is_workshop

__all__ = ["WorkshopStore", "is_workshop"]
