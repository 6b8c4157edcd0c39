"""Reading the content pages (pages.csv, page_sections.csv) and writing them to the database.

One CSV row per page or section and language, so long texts stay readable in the file. As with
the directory files, everything is checked before anything is written.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strehe.core.reference import reference_row
from strehe.directory.reference import LANGUAGES, ReferenceDataError, read_csv

from .models import ContentPage, ContentSection


@dataclass
class PageData:
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    sections: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)


def parse_pages(data_dir: Path) -> PageData:
    data = PageData()
    pages_path = data_dir / "pages.csv"
    first_line: dict[str, int] = {}
    for row in read_csv(pages_path, ["slug", "language", "title", "summary", "sources"]):
        slug = row.slug("slug")
        language = row.text("language")
        if language not in LANGUAGES:
            raise row.error(f"language must be one of {list(LANGUAGES)}, not {language!r}")
        values = data.pages.setdefault(slug, {})
        first_line.setdefault(slug, row.line)
        if f"title_{language}" in values:
            raise row.error(f"page {slug!r} has two rows in {language!r}")
        values[f"title_{language}"] = row.text("title", max_length=200)
        values[f"summary_{language}"] = row.text("summary", required=False)
        values[f"sources_{language}"] = row.text("sources", required=False)
    for slug, values in data.pages.items():
        _require_every_language(pages_path, first_line[slug], f"page {slug!r}", values, "title")

    sections_path = data_dir / "page_sections.csv"
    section_line: dict[tuple[str, int], int] = {}
    for row in read_csv(sections_path, ["page", "position", "language", "heading", "body"]):
        page = row.text("page")
        if page not in data.pages:
            raise row.error(f"unknown page {page!r}")
        position_text = row.text("position")
        if not position_text.isdigit():
            raise row.error(f"position must be a whole number, not {position_text!r}")
        language = row.text("language")
        if language not in LANGUAGES:
            raise row.error(f"language must be one of {list(LANGUAGES)}, not {language!r}")
        key = (page, int(position_text))
        values = data.sections.setdefault(key, {})
        section_line.setdefault(key, row.line)
        if f"heading_{language}" in values:
            raise row.error(f"section {key[1]} of {page!r} has two rows in {language!r}")
        values[f"heading_{language}"] = row.text("heading", max_length=200)
        values[f"body_{language}"] = row.text("body")
    for (page, position), values in data.sections.items():
        _require_every_language(
            sections_path,
            section_line[(page, position)],
            f"section {position} of {page!r}",
            values,
            "heading",
        )
    return data


def _require_every_language(path: Path, line: int, what: str, values: dict, column: str) -> None:
    missing = [lang for lang in LANGUAGES if f"{column}_{lang}" not in values]
    if missing:
        raise ReferenceDataError(path, line, f"{what} has no text in {missing}")


def write_pages(data: PageData, *, overwrite: bool = False) -> None:
    """Write parsed pages; call inside a transaction.

    A page that exists keeps its text and sections (staff may have edited them in the admin),
    unless `overwrite`, which makes its sections exactly those of the file.
    """
    pages = {}
    for slug, values in data.pages.items():
        page, written = reference_row(ContentPage, overwrite=overwrite, slug=slug, defaults=values)
        if written:
            pages[slug] = page
    for (slug, position), values in data.sections.items():
        if slug not in pages:
            continue
        ContentSection.objects.update_or_create(
            page=pages[slug], position=position, defaults=values
        )
    for slug, page in pages.items():
        wanted = {position for (page_slug, position) in data.sections if page_slug == slug}
        page.sections.exclude(position__in=wanted).delete()
