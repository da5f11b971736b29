"""Workshop-level details: editing them (undoable), adopting a source's details into a new workshop, the
executive summary, and the glossary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from minutes.operations.changes import OpChanges, OpResult
from minutes.store import WorkshopStore

ADOPTED_FIELDS = ("title", "dates", "venue", "organiser")


def adopt_workshop_details(store: WorkshopStore, details: Any) -> OpChanges:
    """Give a new workshop the source's title, dates, venue and organiser (texts only; blanks are ignored).

    Only for a workshop that the import or merge created: an existing workshop's details are never overwritten.
    """
    if not isinstance(details, dict):
        return OpChanges()
    values = {k: " ".join(details[k].split())[:500] for k in ADOPTED_FIELDS
              if isinstance(details.get(k), str) and details[k].strip()}
    if values:
        store.update_workshop(**values)
    return OpChanges(workshop=bool(values))


def set_workshop_summary(store: WorkshopStore, summary: str) -> OpResult[None]:
    """The workshop's executive summary, shown at the start of the workshop report."""
    return edit_workshop(store, summary=summary.strip())


def edit_workshop(store: WorkshopStore, **fields: str) -> OpResult[None]:
    """Change the workshop's details (``title``, ``dates``, ``venue``, ``organiser``, ``language``, ``script``,
    ``summary``)."""
    current = asdict(store.workshop())
    old = {name: current[name] for name in fields}
    store.update_workshop(**fields)
    return OpResult(None, OpChanges(workshop=True), lambda: edit_workshop(store, **old))


def set_glossary(store: WorkshopStore, terms: Sequence[str]) -> OpResult[None]:
    """Replace the glossary (names and terms spelt into transcripts); blank and repeated terms are dropped."""
    old = store.glossary()
    store.set_glossary(terms)
    return OpResult(None, OpChanges(glossary=True), lambda: set_glossary(store, old))
