"""The workshop's tag set: add, rename, recolour, reorder and delete tags, each undoable (``OpResult.undo``).

Deleting a tag takes it off every annotation that had it; the deletion copies those links first, so its undo
puts the tag back on the same annotations, with the same id.
"""

from __future__ import annotations

from collections.abc import Sequence

from minutes.domain import Tag
from minutes.errors import StoreError
from minutes.operations.changes import OpChanges, OpResult
from minutes.store import WorkshopStore

_TAGS = OpChanges(tags=True)
_TAGS_AND_ANNOTATIONS = OpChanges(tags=True, annotations=True)


def add_tag(store: WorkshopStore, tag: Tag) -> OpResult[Tag]:
    """Add a tag at the end of the set; the stored tag."""
    stored = store.add_tag(tag)
    return OpResult(stored, _TAGS, lambda: delete_tag(store, stored.id))


def rename_tag(store: WorkshopStore, tag_id: int, name: str) -> OpResult[None]:
    old = _tag(store, tag_id).name
    store.rename_tag(tag_id, name)
    return OpResult(None, _TAGS, lambda: rename_tag(store, tag_id, old))


def recolour_tag(store: WorkshopStore, tag_id: int, color: str) -> OpResult[None]:
    old = _tag(store, tag_id).color
    store.recolour_tag(tag_id, color)
    return OpResult(None, _TAGS, lambda: recolour_tag(store, tag_id, old))


def reorder_tags(store: WorkshopStore, tag_ids: Sequence[int]) -> OpResult[None]:
    """Put the given tags first, in this order (the others keep theirs after them)."""
    old = [tag.id for tag in store.tags()]
    store.reorder_tags(tag_ids)
    return OpResult(None, _TAGS, lambda: reorder_tags(store, old))


def delete_tag(store: WorkshopStore, tag_id: int) -> OpResult[None]:
    """Delete a tag; annotations keep their other tags, comment and confidentiality."""
    with store.transaction():
        copies = (store.copy_rows("tags", "id", [tag_id]), store.copy_rows("annotation_tags", "tag_id", [tag_id]))
        store.delete_tag(tag_id)

    def undo() -> OpResult[None]:
        store.put_rows(*copies)
        return OpResult(None, _TAGS_AND_ANNOTATIONS, lambda: delete_tag(store, tag_id))

    return OpResult(None, _TAGS_AND_ANNOTATIONS, undo)


def _tag(store: WorkshopStore, tag_id: int) -> Tag:
    found = next((tag for tag in store.tags() if tag.id == tag_id), None)
    if found is None:
        raise StoreError(f"Tag {tag_id} is no longer in the workshop's tag set.")
    return found
