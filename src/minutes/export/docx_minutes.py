"""Word minutes of workshop sessions, ready to circulate (python-docx, no Qt).

Each session gets a title block, its participants, the rapporteur's summary, the key strategies grouped by tag
with attributed quotes, recommendations, action items and, if asked, the full transcript as an annex; a quote
or a turn of the transcript whose segments were translated is followed by its English. What
is shown (confidential material, Chatham House anonymity) is decided in :mod:`minutes.export.docx_content`;
:mod:`minutes.export.docx_writer` lays it out on a template's styles and writes the file atomically, so a
failed export leaves the previous file as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from minutes.errors import InputError
from minutes.export.docx_content import LABELS, session_content
from minutes.export.docx_writer import (
    MinutesOptions,
    MinutesWriter,
    document_bytes,
    file_names,
    new_document,
    write_file,
)
from minutes.store import WorkshopStore

__all__ = ["MinutesOptions", "default_output", "write_minutes"]  # MinutesOptions lives in docx_writer


def write_minutes(
    store: WorkshopStore,
    session_ids: Sequence[int],
    output: Path,
    options: MinutesOptions | None = None,
    *,
    combined: bool = True,
) -> list[Path]:
    """Write the minutes of ``session_ids`` and return the files written.

    With ``combined`` all sessions go into one report at ``output``; otherwise ``output`` is a folder
    (created if needed) that gets one file per session, named after its title. Every document is built
    before any file is written, and each file is replaced atomically.
    """
    options = options or MinutesOptions()
    if options.labels not in LABELS:
        raise InputError(f'Unknown labels "{options.labels}"; use one of: {", ".join(LABELS)}.')
    if options.chatham_label not in ("participant", "country"):
        raise InputError(f'Unknown Chatham House label "{options.chatham_label}"; use participant or country.')
    if not session_ids:
        raise InputError("Choose at least one session to write minutes for.")
    output = Path(output).expanduser()
    if combined:
        files = [(output, _render(store, list(session_ids), options))]
    else:
        _make_folder(output)
        names = file_names([store.session(i).title for i in session_ids])
        files = [(output / name, _render(store, [i], options)) for i, name in zip(session_ids, names, strict=True)]
    for path, data in files:
        write_file(path, data)
    return [path for path, _ in files]


def default_output(store: WorkshopStore, session_ids: Sequence[int], *, combined: bool = True) -> Path:
    """Where minutes go when no output is given: the workshop's ``exports/`` folder."""
    if not combined:
        return store.exports_dir
    if len(session_ids) == 1:
        return store.exports_dir / file_names([store.session(session_ids[0]).title])[0]
    return store.exports_dir / file_names([f"{store.workshop().title} minutes"])[0]


# -- building the document ---------------------------------------------------------------------


def _render(store: WorkshopStore, session_ids: list[int], options: MinutesOptions) -> bytes:
    document = new_document(options.template)
    writer = MinutesWriter(document, options)
    workshop = store.workshop()
    drafts = not all(store.session(i).approved for i in session_ids)
    writer.header_footer(workshop.title, draft=drafts)
    single = len(session_ids) == 1
    if not single:
        writer.paragraph(workshop.title, style="Title")
        writer.paragraph(" · ".join(x for x in (writer.words["minutes"], workshop.dates, workshop.venue) if x),
                         style="Subtitle")
    for index, session_id in enumerate(session_ids):
        content = session_content(
            store, session_id, labels=options.labels, chatham_house=options.chatham_house,
            chatham_label=options.chatham_label, include_confidential=options.include_confidential,
            annex=options.annex,
        )
        if index:
            writer.page_break()
        writer.session(content, workshop.title, single=single)
    return document_bytes(document, title=content.title if single else workshop.title,
                          subject=LABELS[options.labels]["minutes"], organiser=workshop.organiser)


# -- files ---------------------------------------------------------------------------------------------


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file; give a folder to write one file per session into.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"Cannot create the folder {folder}: {exc.strerror}. Choose another folder.") from exc
