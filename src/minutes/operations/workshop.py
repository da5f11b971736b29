"""Workshop-level details: adopting a source's details into a new workshop, and the executive summary."""

from __future__ import annotations

from typing import Any

from minutes.operations.changes import OpChanges
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


def set_workshop_summary(store: WorkshopStore, summary: str) -> OpChanges:
    """The workshop's executive summary, shown at the start of the workshop report."""
    store.update_workshop(summary=summary.strip())
    return OpChanges(workshop=True)
