"""The minutes as LibreOffice lays them out: a real PDF with pages, page numbers and Chinese glyphs."""

from __future__ import annotations

import os
import re
import subprocess

from minutes.export.docx_minutes import MinutesOptions, write_minutes


def run(*args: str, cwd=None) -> str:
    result = subprocess.run(args, capture_output=True, text=True, timeout=180, cwd=cwd)
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


def test_pdf_rendering_with_libreoffice(store, sessions, tmp_path):
    path = tmp_path / "minutes.docx"
    write_minutes(store, sessions[:1], path, MinutesOptions(labels="zh-TW", annex=True))
    # A profile of its own, so the conversion neither waits for nor disturbs another LibreOffice.
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    run("soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(path))
    pdf = tmp_path / "pdf" / "minutes.pdf"
    assert pdf.is_file()
    pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.MULTILINE).group(1))
    assert pages >= 2  # the annex starts on a page of its own
    text = run("pdftotext", "-layout", str(pdf), "-")
    flat = re.sub(r"\s+", "", text)
    # Chinese came out as text, so its glyphs were drawn from a CJK font; the fields were computed.
    assert "我們與非政府組織合作" in flat and "重點策略" in flat
    assert f"第1頁，共{pages}頁" in flat and f"第{pages}頁，共{pages}頁" in flat
    assert "2024 International Workshop" in text
    assert re.search(r"CJK", run("pdffonts", str(pdf)))
    if os.environ.get("MINUTES_KEEP_RENDER"):  # to look at the pages: MINUTES_KEEP_RENDER=DIR pytest …
        run("pdftoppm", "-png", "-r", "60", str(pdf), os.path.join(os.environ["MINUTES_KEEP_RENDER"], "minutes"))
