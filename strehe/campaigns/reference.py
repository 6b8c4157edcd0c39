"""The campaigns published as reference data (campaigns.csv, campaign_days.csv): real public
content such as the 2012 Kosovo campaign, loaded by `strehe loadreference`.

One CSV row per campaign or day and language, as for the content pages. Everything is checked
before anything is written; a campaign or day that exists keeps what staff edited in the admin
unless `overwrite`. Only days whose theme a source gives are in the file: the others are not
invented, and the calendar shows them as not known.
"""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from strehe.core.reference import reference_row
from strehe.directory.reference import LANGUAGES, ReferenceDataError, Row, read_csv

from .models import Campaign, CampaignDay

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class CampaignData:
    campaigns: dict[int, dict[str, Any]] = field(default_factory=dict)
    days: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)


def _year(row: Row, column: str = "year") -> int:
    text = row.text(column)
    if not text.isdigit() or not 1990 <= int(text) <= 2100:
        raise row.error(f"{column} must be a year from 1990 to 2100, not {text!r}")
    return int(text)


def _date(row: Row, column: str) -> dt.date:
    try:
        return dt.date.fromisoformat(row.text(column))
    except ValueError:
        raise row.error(f"{column} must be YYYY-MM-DD, not {row.values[column]!r}") from None


def _language(row: Row) -> str:
    language = row.text("language")
    if language not in LANGUAGES:
        raise row.error(f"language must be one of {list(LANGUAGES)}, not {language!r}")
    return language


def parse_campaigns(data_dir: Path = DEFAULT_DATA_DIR) -> CampaignData:
    data = CampaignData()
    path = data_dir / "campaigns.csv"
    first_line: dict[Any, int] = {}
    columns = ["year", "language", "title", "summary", "sources", "starts_on", "ends_on"]
    for row in read_csv(path, columns):
        year, language = _year(row), _language(row)
        values = data.campaigns.setdefault(year, {})
        first_line.setdefault(year, row.line)
        if f"title_{language}" in values:
            raise row.error(f"campaign {year} has two rows in {language!r}")
        starts_on, ends_on = _date(row, "starts_on"), _date(row, "ends_on")
        if starts_on > ends_on:
            raise row.error("starts_on must not be after ends_on")
        if (
            values.setdefault("starts_on", starts_on) != starts_on
            or values.setdefault("ends_on", ends_on) != ends_on
        ):
            raise row.error(f"campaign {year} has different dates in different languages")
        values[f"title_{language}"] = row.text("title", max_length=200)
        values[f"summary_{language}"] = row.text("summary", required=False)
        values[f"sources_{language}"] = row.text("sources", required=False)
    for year, values in data.campaigns.items():
        _require_every_language(path, first_line[year], f"campaign {year}", values, "title")

    path = data_dir / "campaign_days.csv"
    columns = ["year", "number", "date", "shows_get_help", "language", "theme", "body", "sources"]
    for row in read_csv(path, columns):
        year, language = _year(row), _language(row)
        if year not in data.campaigns:
            raise row.error(f"unknown campaign {year}")
        number_text = row.text("number")
        if not number_text.isdigit() or not 1 <= int(number_text) <= 31:
            raise row.error(f"number must be a day number from 1 to 31, not {number_text!r}")
        key = (year, int(number_text))
        values = data.days.setdefault(key, {})
        first_line.setdefault(key, row.line)
        if f"theme_{language}" in values:
            raise row.error(f"day {key[1]} of {year} has two rows in {language!r}")
        date = _date(row, "date")
        if values.setdefault("date", date) != date:
            raise row.error(f"day {key[1]} of {year} has different dates in different languages")
        shows = row.flag("shows_get_help")
        if values.setdefault("shows_get_help", shows) != shows:
            raise row.error(f"day {key[1]} of {year} differs in shows_get_help between languages")
        values[f"theme_{language}"] = row.text("theme", max_length=200)
        values[f"body_{language}"] = row.text("body", required=False)
        values[f"sources_{language}"] = row.text("sources", required=False)
    for key, values in data.days.items():
        what = f"day {key[1]} of {key[0]}"
        _require_every_language(path, first_line[key], what, values, "theme")
    return data


def _require_every_language(path: Path, line: int, what: str, values: dict, column: str) -> None:
    missing = [lang for lang in LANGUAGES if f"{column}_{lang}" not in values]
    if missing:
        raise ReferenceDataError(path, line, f"{what} has no text in {missing}")


def write_campaigns(data: CampaignData, *, overwrite: bool = False) -> None:
    """Write parsed campaigns; call inside a transaction. A loaded day is published as of its
    own date (midnight, Kosovo time): it is the record of a campaign that took place."""
    zone = ZoneInfo(settings.TIME_ZONE)
    campaigns = {}
    for year, values in data.campaigns.items():
        campaigns[year], _ = reference_row(
            Campaign, overwrite=overwrite, year=year, defaults=values
        )
    for (year, number), values in data.days.items():
        published_at = dt.datetime.combine(values["date"], dt.time(0, 0), tzinfo=zone)
        reference_row(
            CampaignDay,
            overwrite=overwrite,
            campaign=campaigns[year],
            number=number,
            defaults={
                **values,
                "status": CampaignDay.Status.PUBLISHED,
                "published_at": published_at,
            },
        )
