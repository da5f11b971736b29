"""Tag operations of the store: the default tag set, editing tags, and editing time-anchored annotations.

A workshop has one tag set, ordered by ``position``. The default set (``resources/tags/default.json``) is
the 4P framework of anti-trafficking work plus the kinds of remark minutes pick out; it also carries the
Traditional Chinese name of each tag, which the Word minutes use for zh-TW labels. Annotations are anchored
to time, not to segment ids, so they survive re-transcription and segment edits; a confidential ("off the
record") annotation may have no tags at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from minutes.domain import Annotation, Tag
from minutes.errors import StoreError
from minutes.paths import resources_dir
from minutes.store.clean import check_color, check_span, one_line, stored_time

_UNSET: Any = object()  # tells "leave as it is" apart from None/""/False in update_annotation


@dataclass(frozen=True)
class TagDefinition:
    """One tag of a shipped tag set: a stable ``key``, the English name, its colour and translated names."""

    key: str
    name: str
    color: str
    names: dict[str, str] = field(default_factory=dict)


def default_tags_path() -> Path:
    return resources_dir() / "tags" / "default.json"


@cache
def default_tag_set() -> tuple[TagDefinition, ...]:
    """The shipped default tag set, in order."""
    data = json.loads(default_tags_path().read_text(encoding="utf-8"))
    return tuple(
        TagDefinition(key=item["key"], name=item["name"], color=item["color"], names=dict(item.get("names", {})))
        for item in data["tags"]
    )


def default_definition(name: str) -> TagDefinition | None:
    """The default tag a workshop tag stands for, matched by its English or translated name."""
    wanted = name.strip().casefold()
    for definition in default_tag_set():
        if wanted in {definition.name.casefold(), *(n.casefold() for n in definition.names.values())}:
            return definition
    return None


def overlaps(start: float, end: float, other_start: float, other_end: float) -> bool:
    """True if two time spans share time; spans that only touch do not, but an instant inside a span does."""
    if start < end and other_start < other_end:
        return start < other_end and other_start < end
    return start <= other_end and other_start <= end


def annotation_from_row(row: sqlite3.Row, tag_ids: list[int]) -> Annotation:
    """An annotation read from its row and its tag links."""
    return Annotation(start=stored_time(row["start_s"]), end=stored_time(row["end_s"]), tag_ids=tag_ids,
                      comment=row["comment"], confidential=bool(row["confidential"]), owner=row["owner"],
                      due=row["due"], id=row["id"])


class TagOperations:
    """Mixed into :class:`~minutes.store.WorkshopStore`; uses its transaction and query helpers."""

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by WorkshopStore
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    # -- tags ----------------------------------------------------------------------------------

    def seed_default_tags(self) -> list[Tag]:
        """Give a workshop without tags the default tag set; a workshop that has tags is left alone.

        Returns the tags added (empty when there were tags already), so it is safe to call on every open.
        """
        added = []
        with self.transaction() as conn:
            if conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0]:
                return []
            for position, definition in enumerate(default_tag_set(), 1):
                cursor = conn.execute(
                    "INSERT INTO tags (name, color, position) VALUES (?, ?, ?)",
                    (definition.name, definition.color, position),
                )
                added.append(Tag(definition.name, definition.color, position, cursor.lastrowid))
        return added

    def name_default_tags(self, language: str) -> int:
        """Give the default tags still under another language's name their ``language`` names (``zh-TW``);
        tags the user renamed or added stay as they are. Returns how many were renamed."""
        renamed = 0
        with self.transaction() as conn:
            taken = {r[0].casefold() for r in conn.execute("SELECT name FROM tags")}
            for tag_id, name in conn.execute("SELECT id, name FROM tags").fetchall():
                definition = default_definition(name)
                wanted = definition and (definition.names.get(language) or
                                         (definition.name if language == "en" else None))
                if wanted and wanted != name and wanted.casefold() not in taken:
                    conn.execute("UPDATE tags SET name = ? WHERE id = ?", (wanted, tag_id))
                    taken.add(wanted.casefold())
                    renamed += 1
        return renamed

    def rename_tag(self, tag_id: int, name: str) -> None:
        name = one_line(name)
        if not name:
            raise StoreError("A tag needs a name.")
        with self.transaction() as conn:
            clash = conn.execute(
                "SELECT id FROM tags WHERE name = ? COLLATE NOCASE AND id != ?", (name, tag_id)
            ).fetchone()
            if clash is not None:
                raise StoreError(f'There is already a tag named "{name}". Choose another name.')
            conn.execute("UPDATE tags SET name = ? WHERE id = ?", (name, tag_id))

    def recolour_tag(self, tag_id: int, color: str) -> None:
        color = check_color(color)
        with self.transaction() as conn:
            conn.execute("UPDATE tags SET color = ? WHERE id = ?", (color, tag_id))

    def reorder_tags(self, tag_ids: Sequence[int]) -> None:
        """Put the given tags first, in this order; tags not listed keep their order after them."""
        with self.transaction() as conn:
            current = [r[0] for r in conn.execute("SELECT id FROM tags ORDER BY position, id")]
            unknown = set(tag_ids) - set(current)
            if unknown:
                raise StoreError(f"Tags {sorted(unknown)} do not exist in this workshop.")
            ordered = list(dict.fromkeys(tag_ids)) + [t for t in current if t not in set(tag_ids)]
            conn.executemany("UPDATE tags SET position = ? WHERE id = ?",
                             [(position, tag_id) for position, tag_id in enumerate(ordered, 1)])

    def delete_tag(self, tag_id: int) -> None:
        """Delete a tag; annotations keep their other tags, comment and confidentiality."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM annotation_tags WHERE tag_id = ?", (tag_id,))
            conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))

    # -- annotations ---------------------------------------------------------------------------

    def update_annotation(
        self,
        annotation_id: int,
        *,
        tag_ids: Sequence[int] = _UNSET,
        comment: str = _UNSET,
        confidential: bool = _UNSET,
        owner: str = _UNSET,
        due: str = _UNSET,
        start: float = _UNSET,
        end: float = _UNSET,
    ) -> None:
        """Change the given fields of an annotation; the ones not given stay as they are."""
        with self.transaction() as conn:
            row = conn.execute("SELECT start_s, end_s FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
            if row is None:
                raise StoreError(f"Annotation {annotation_id} does not exist.")
            new_start = row["start_s"] if start is _UNSET else float(start)
            new_end = row["end_s"] if end is _UNSET else float(end)
            if new_start < 0 or new_end < new_start:
                raise StoreError("An annotation must end at or after its start, and start at 0 s or later.")
            check_span(new_start, new_end, "an annotation")
            conn.execute("UPDATE annotations SET start_s = ?, end_s = ? WHERE id = ?",
                         (new_start, new_end, annotation_id))
            if comment is not _UNSET:
                conn.execute("UPDATE annotations SET comment = ? WHERE id = ?", (comment, annotation_id))
            if confidential is not _UNSET:
                conn.execute("UPDATE annotations SET confidential = ? WHERE id = ?",
                             (int(bool(confidential)), annotation_id))
            for column, value in (("owner", owner), ("due", due)):
                if value is not _UNSET:
                    conn.execute(f"UPDATE annotations SET {column} = ? WHERE id = ?", (one_line(value), annotation_id))
            if tag_ids is not _UNSET:
                conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))
                conn.executemany("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                                 [(annotation_id, t) for t in sorted(set(tag_ids))])

    def delete_annotation(self, annotation_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    def annotations_in(self, session_id: int, start: float, end: float) -> list[Annotation]:
        """The session's annotations that overlap ``start``–``end`` (see :func:`overlaps`), by start time."""
        # The SQL bounds are inclusive and catch every candidate; overlaps() then applies the exact rule.
        rows = self._query(
            "SELECT * FROM annotations WHERE session_id = ? AND start_s <= ? AND end_s >= ? ORDER BY start_s, id",
            (session_id, end, start),
        )
        rows = [r for r in rows if overlaps(r["start_s"], r["end_s"], start, end)]
        links: dict[int, list[int]] = {}
        if rows:
            marks = ", ".join("?" for _ in rows)
            for link in self._query(
                f"SELECT annotation_id, tag_id FROM annotation_tags WHERE annotation_id IN ({marks}) ORDER BY tag_id",
                [r["id"] for r in rows],
            ):
                links.setdefault(link["annotation_id"], []).append(link["tag_id"])
        return [annotation_from_row(r, links.get(r["id"], [])) for r in rows]
