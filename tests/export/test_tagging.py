"""The tag set and annotation editing of the store (TagOperations)."""

from __future__ import annotations

import json

import pytest

from minutes.domain import Annotation, Session, Tag
from minutes.errors import StoreError
from minutes.store.tagging import default_definition, default_tag_set, default_tags_path, overlaps
from tests.export.conftest import Store, tag_ids

FOUR_P = ["Prevention", "Protection", "Prosecution", "Partnership"]


def contrast_with_white(color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(color[i:i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_default_set_is_4p_plus_remarks_with_accessible_colours_and_chinese_names():
    data = json.loads(default_tags_path().read_text(encoding="utf-8"))
    tags = default_tag_set()
    assert [t.name for t in tags] == [*FOUR_P, "Recommendation", "Action item", "Good practice", "Challenge"]
    assert [t.names["zh-TW"] for t in tags] == [
        "預防", "保護", "起訴", "夥伴關係", "建議", "行動事項", "良好做法", "挑戰"]
    assert len({t.color for t in tags}) == len(tags) == len(data["tags"])
    for tag in tags:
        assert contrast_with_white(tag.color) >= 4.5, tag  # WCAG AA as text and under white text
    assert default_definition("起訴").key == "prosecution"
    assert default_definition("action ITEM").key == "action_item"
    assert default_definition("Trafficking routes") is None


def test_seeding_only_fills_an_empty_tag_set(tmp_path):
    with Store.open(tmp_path / "A.minutes", create=True) as store:
        store.seed_default_tags()  # also seeded on creation once WorkshopStore calls it
        first = [(t.name, t.color, t.position) for t in store.tags()]
        assert [name for name, _, _ in first][:4] == FOUR_P
        assert store.seed_default_tags() == []
        assert [(t.name, t.color, t.position) for t in store.tags()] == first
    with Store.open(tmp_path / "B.minutes", create=True) as store:
        for tag in store.tags():
            store.delete_tag(tag.id)
        store.add_tag(Tag("Victim identification", "#123456"))
        assert store.seed_default_tags() == []
        assert [t.name for t in store.tags()] == ["Victim identification"]


def test_rename_recolour_reorder_delete(store):
    ids = tag_ids(store)
    store.rename_tag(ids["Challenge"], "Gaps and challenges")
    with pytest.raises(StoreError, match="already a tag named"):
        store.rename_tag(ids["Protection"], "prevention")
    with pytest.raises(StoreError, match="needs a name"):
        store.rename_tag(ids["Protection"], "  ")
    store.recolour_tag(ids["Prevention"], "#00AA00")
    with pytest.raises(StoreError, match="#rrggbb"):
        store.recolour_tag(ids["Prevention"], "green")
    store.reorder_tags([ids["Partnership"], ids["Prevention"]])
    names = [t.name for t in store.tags()]
    assert names[:3] == ["Partnership", "Prevention", "Protection"]
    assert "Gaps and challenges" in names
    assert next(t for t in store.tags() if t.name == "Prevention").color == "#00aa00"
    with pytest.raises(StoreError, match="do not exist"):
        store.reorder_tags([999])

    session = store.add_session(Session("S"))
    note = store.add_annotation(session.id, Annotation(1.0, 2.0, [ids["Prevention"], ids["Protection"]], "keep me"))
    store.delete_tag(ids["Prevention"])
    assert "Prevention" not in [t.name for t in store.tags()]
    (left,) = store.annotations(session.id)
    assert (left.id, left.tag_ids, left.comment) == (note.id, [ids["Protection"]], "keep me")


def test_update_and_delete_annotations(store):
    ids = tag_ids(store)
    session = store.add_session(Session("S"))
    note = store.add_annotation(session.id, Annotation(10.0, 20.0, [ids["Prevention"]], "first"))
    store.update_annotation(note.id, comment="second")
    store.update_annotation(note.id, tag_ids=[ids["Action item"], ids["Partnership"]], start=12.0, end=25.0)
    (changed,) = store.annotations(session.id)
    assert changed.comment == "second"
    assert sorted(changed.tag_ids) == sorted([ids["Action item"], ids["Partnership"]])
    assert (changed.start, changed.end, changed.confidential) == (12.0, 25.0, False)
    # Off the record: confidential, and it may lose all of its tags.
    store.update_annotation(note.id, confidential=True, tag_ids=[])
    (secret,) = store.annotations(session.id)
    assert secret.confidential and secret.tag_ids == [] and secret.comment == "second"
    with pytest.raises(StoreError, match="end at or after"):
        store.update_annotation(note.id, end=5.0)
    assert store.annotations(session.id)[0].end == 25.0  # the failed change left it as it was
    with pytest.raises(StoreError, match="does not exist"):
        store.update_annotation(12345, comment="x")
    store.delete_annotation(note.id)
    assert store.annotations(session.id) == []


def test_annotations_in_a_time_range(store):
    ids = tag_ids(store)
    session = store.add_session(Session("S"))
    other = store.add_session(Session("T"))
    a = store.add_annotation(session.id, Annotation(0.0, 10.0, [ids["Prevention"]]))
    b = store.add_annotation(session.id, Annotation(10.0, 20.0, [ids["Protection"], ids["Prosecution"]]))
    c = store.add_annotation(session.id, Annotation(15.0, 15.0, [], "an instant", confidential=True))
    store.add_annotation(other.id, Annotation(0.0, 100.0, [ids["Challenge"]]))

    def found(start: float, end: float) -> list[int]:
        return [x.id for x in store.annotations_in(session.id, start, end)]

    assert found(5.0, 12.0) == [a.id, b.id]
    assert found(10.0, 14.0) == [b.id]  # touching a's end is not overlapping it
    assert found(15.0, 15.0) == [b.id, c.id]
    assert found(14.0, 16.0) == [b.id, c.id]
    assert found(30.0, 40.0) == []
    got = store.annotations_in(session.id, 12.0, 13.0)[0]
    assert sorted(got.tag_ids) == sorted([ids["Protection"], ids["Prosecution"]])
    assert store.annotations_in(session.id, 14.0, 16.0)[1].comment == "an instant"


@pytest.mark.parametrize(("a", "b", "expected"), [
    ((0, 10), (10, 20), False), ((0, 10), (9.9, 20), True), ((5, 5), (0, 5), True), ((5, 5), (6, 7), False),
    ((0, 10), (2, 3), True),
])
def test_overlaps(a, b, expected):
    assert overlaps(*a, *b) is expected
    assert overlaps(*b, *a) is expected
