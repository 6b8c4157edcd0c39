"""Reading the reference data files (CSV, UTF-8) of the directory and writing them to the database.

Loading is in two steps so that a bad file changes nothing: `parse_*` reads and checks every file
and every cross-reference first, raising ReferenceDataError with the file, line and reason; only
then does `write_*` touch the database, inside the caller's transaction. Rows are matched on
their natural key (slug, Albanian name), so loading the same files again leaves the same rows.
"""

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.text import slugify
from unidecode import unidecode

from strehe.core.reference import reference_row

from .models import (
    ContactChannel,
    District,
    EmergencyNumber,
    Municipality,
    OpeningHours,
    Organisation,
    PublicHoliday,
    Service,
    ServiceException,
    Shelter,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("sq", "sr", "en")
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


class ReferenceDataError(Exception):
    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}, line {line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass
class Row:
    """One CSV record with where it came from, so later checks can still name the line."""

    path: Path
    line: int
    values: dict[str, str]

    def error(self, reason: str) -> ReferenceDataError:
        return ReferenceDataError(self.path, self.line, reason)

    def text(self, column: str, *, required: bool = True, max_length: int = 0) -> str:
        value = self.values[column].strip()
        if required and not value:
            raise self.error(f"column {column!r} is empty")
        if max_length and len(value) > max_length:
            raise self.error(f"column {column!r} is longer than {max_length} characters")
        return value

    def translated(self, column: str, *, required: bool = True, max_length: int = 0) -> dict:
        return {
            f"{column}_{lang}": self.text(
                f"{column}_{lang}", required=required, max_length=max_length
            )
            for lang in LANGUAGES
        }

    def flag(self, column: str) -> bool:
        value = self.values[column].strip().lower()
        if value not in {"true", "false"}:
            raise self.error(f"column {column!r} must be true or false, not {value!r}")
        return value == "true"

    def optional_time(self, column: str) -> dt.time | None:
        return self.time(column) if self.values[column].strip() else None

    def time(self, column: str) -> dt.time:
        value = self.values[column].strip()
        try:
            if not re.fullmatch(r"\d\d:\d\d", value):
                raise ValueError(value)
            return dt.time.fromisoformat(value)
        except ValueError:
            raise self.error(f"column {column!r} must be a time HH:MM, not {value!r}") from None

    def slug(self, column: str) -> str:
        value = self.text(column, max_length=120)
        if slugify(value) != value:
            raise self.error(f"column {column!r} is not a slug (a-z, 0-9, -): {value!r}")
        return value


def read_csv(path: Path, columns: list[str]) -> Iterator[Row]:
    """Yield the records of `path`, refusing a missing file or a header that lacks a column."""
    if not path.is_file():
        raise ReferenceDataError(path, 0, "file is missing")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                raise ReferenceDataError(path, 1, "file is empty; a header line is required")
            missing = [column for column in columns if column not in header]
            if missing:
                raise ReferenceDataError(path, 1, f"header lacks columns {missing}")
            line = reader.line_num + 1
            for record in reader:
                if record:
                    if len(record) != len(header):
                        raise ReferenceDataError(
                            path, line, f"{len(record)} fields, the header has {len(header)}"
                        )
                    yield Row(path, line, dict(zip(header, record, strict=True)))
                line = reader.line_num + 1
    except csv.Error as exc:
        raise ReferenceDataError(path, line, f"not valid CSV: {exc}") from None
    except UnicodeDecodeError:
        raise ReferenceDataError(path, 0, "not UTF-8 text") from None


def unique_key(row: Row, key: str, seen: set[str], what: str) -> str:
    if key in seen:
        raise row.error(f"{what} {key!r} appears twice")
    seen.add(key)
    return key


@dataclass
class DirectoryData:
    districts: dict[str, dict[str, Any]] = field(default_factory=dict)
    municipalities: dict[str, dict[str, Any]] = field(default_factory=dict)
    organisations: dict[str, dict[str, Any]] = field(default_factory=dict)
    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    hours: list[dict[str, Any]] = field(default_factory=list)
    exceptions: list[dict[str, Any]] = field(default_factory=list)
    channels: list[dict[str, Any]] = field(default_factory=list)
    shelters: dict[str, dict[str, Any]] = field(default_factory=dict)
    holidays: dict[dt.date, dict[str, Any]] = field(default_factory=dict)
    emergency_numbers: dict[str, dict[str, Any]] = field(default_factory=dict)


def parse_directory(data_dir: Path) -> DirectoryData:
    """Read and check every directory file in `data_dir`; raise on the first problem."""
    data = DirectoryData()
    _parse_municipalities(data, data_dir / "municipalities.csv")
    _parse_organisations(data, data_dir / "organisations.csv")
    _parse_services(data, data_dir / "services.csv")
    _parse_hours(data, data_dir / "hours.csv")
    _parse_exceptions(data, data_dir / "exceptions.csv")
    _parse_channels(data, data_dir / "channels.csv")
    _parse_shelters(data, data_dir / "shelters.csv")
    _parse_holidays(data, data_dir / "holidays.csv")
    _parse_emergency_numbers(data, data_dir / "emergency_numbers.csv")
    return data


def _parse_municipalities(data: DirectoryData, path: Path) -> None:
    columns = ["name_sq", "name_sr", "district_sq", "district_sr", "alt_names"]
    slugs: set[str] = set()
    for row in read_csv(path, columns):
        district_sq = row.text("district_sq", max_length=100)
        district_sr = row.text("district_sr", max_length=100)
        known = data.districts.setdefault(district_sq, {"name_sr": district_sr})
        if known["name_sr"] != district_sr:
            raise row.error(f"district {district_sq!r} has two Serbian names")
        name_sq = unique_key(
            row, row.text("name_sq", max_length=100), set(data.municipalities), "municipality"
        )
        name_sr = row.text("name_sr", max_length=100)
        # English pages name a municipality in both official forms where they differ; the
        # optional name_en column chooses the order ("Gračanica / Graçanicë").
        name_en = row.values.get("name_en", "").strip() or (
            name_sq if name_sq == name_sr else f"{name_sq} / {name_sr}"
        )
        if len(name_en) > 100:
            raise row.error("column 'name_en' is longer than 100 characters")
        data.municipalities[name_sq] = {
            "name_sr": name_sr,
            "name_en": name_en,
            "district": district_sq,
            "slug": unique_key(row, slugify(unidecode(name_sq)), slugs, "municipality slug"),
            "alt_names": row.text("alt_names", required=False, max_length=200),
        }


def _parse_organisations(data: DirectoryData, path: Path) -> None:
    columns = ["slug", "kind", "municipalities", "illustrative", "data_note"]
    columns += [f"{c}_{lang}" for c in ("name", "description", "source") for lang in LANGUAGES]
    for row in read_csv(path, columns):
        slug = unique_key(row, row.slug("slug"), set(data.organisations), "organisation")
        kind = row.text("kind")
        if kind not in Organisation.Kind.values:
            raise row.error(f"unknown organisation kind {kind!r}")
        served = [name.strip() for name in row.text("municipalities", required=False).split(";")]
        served = [name for name in served if name]
        for name in served:
            if name not in data.municipalities:
                raise row.error(f"unknown municipality {name!r}")
        data.organisations[slug] = {
            "kind": kind,
            "municipalities": served,
            "illustrative": row.flag("illustrative"),
            "data_note": row.text("data_note", required=False, max_length=300),
            **row.translated("name", max_length=200),
            **row.translated("description", required=False),
            **row.translated("source", required=False, max_length=300),
        }


def _parse_services(data: DirectoryData, path: Path) -> None:
    flags = [
        "is_helpline",
        "always_open",
        "free_of_charge",
        "confidential",
        "anonymous",
        "covers_trafficking",
        "covers_domestic_violence",
        "illustrative",
    ]
    columns = ["slug", "organisation", *flags]
    columns += [f"{c}_{lang}" for c in ("name", "description", "source") for lang in LANGUAGES]
    for row in read_csv(path, columns):
        slug = unique_key(row, row.slug("slug"), set(data.services), "service")
        organisation = row.text("organisation")
        if organisation not in data.organisations:
            raise row.error(f"unknown organisation {organisation!r}")
        time_zone = row.values.get("time_zone", "").strip() or "Europe/Belgrade"
        try:
            ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise row.error(f"unknown time zone {time_zone!r}") from None
        data.services[slug] = {
            "organisation": organisation,
            "time_zone": time_zone,
            **{flag: row.flag(flag) for flag in flags},
            **row.translated("name", max_length=200),
            **row.translated("description", required=False),
            **row.translated("source", required=False, max_length=300),
        }


def _service_of(data: DirectoryData, row: Row) -> str:
    service = row.text("service")
    if service not in data.services:
        raise row.error(f"unknown service {service!r}")
    return service


def _parse_hours(data: DirectoryData, path: Path) -> None:
    seen: set[str] = set()
    for row in read_csv(path, ["service", "weekday", "opens", "closes"]):
        service = _service_of(data, row)
        weekday = row.text("weekday").lower()
        if weekday not in WEEKDAYS:
            raise row.error(f"weekday must be one of {list(WEEKDAYS)}, not {weekday!r}")
        opens, closes = row.time("opens"), row.time("closes")
        if opens >= closes:
            raise row.error("opens must be before closes")
        unique_key(row, f"{service} {weekday} {opens}", seen, "opening interval")
        data.hours.append(
            {"service": service, "weekday": WEEKDAYS[weekday], "opens": opens, "closes": closes}
        )


def _parse_exceptions(data: DirectoryData, path: Path) -> None:
    seen: set[str] = set()
    columns = ["service", "date", "opens", "closes", *(f"reason_{lang}" for lang in LANGUAGES)]
    for row in read_csv(path, columns):
        service = _service_of(data, row)
        try:
            date = dt.date.fromisoformat(row.text("date"))
        except ValueError:
            raise row.error(f"date must be YYYY-MM-DD, not {row.values['date']!r}") from None
        opens, closes = row.optional_time("opens"), row.optional_time("closes")
        if (opens is None) != (closes is None):
            raise row.error("give both opens and closes, or neither for a day closed")
        if opens is not None and closes is not None and opens >= closes:
            raise row.error("opens must be before closes")
        unique_key(row, f"{service} {date}", seen, "exception")
        data.exceptions.append(
            {
                "service": service,
                "date": date,
                "opens": opens,
                "closes": closes,
                **row.translated("reason", required=False, max_length=200),
            }
        )


def _parse_channels(data: DirectoryData, path: Path) -> None:
    seen: set[str] = set()
    columns = ["service", "kind", "value", *(f"note_{lang}" for lang in LANGUAGES)]
    for row in read_csv(path, columns):
        service = _service_of(data, row)
        kind = row.text("kind")
        if kind not in ContactChannel.Kind.values:
            raise row.error(f"unknown contact channel kind {kind!r}")
        value = row.text("value", max_length=200)
        unique_key(row, f"{service} {kind} {value}", seen, "contact channel")
        data.channels.append(
            {
                "service": service,
                "kind": kind,
                "value": value,
                **row.translated("note", required=False, max_length=200),
            }
        )


def _parse_shelters(data: DirectoryData, path: Path) -> None:
    flags = [
        "accepts_women",
        "accepts_men",
        "accepts_children",
        "capacity_illustrative",
        "illustrative",
    ]
    columns = ["slug", "kind", "region", "capacity", "address", "data_note", *flags]
    columns += [f"{c}_{lang}" for c in ("name", "source") for lang in LANGUAGES]
    for row in read_csv(path, columns):
        slug = unique_key(row, row.slug("slug"), set(data.shelters), "shelter")
        kind = row.text("kind")
        if kind not in Shelter.Kind.values:
            raise row.error(f"unknown shelter kind {kind!r}")
        region = row.text("region", required=False) or None
        if region is not None and region not in data.districts:
            raise row.error(f"unknown region (district) {region!r}")
        capacity = row.text("capacity")
        if not capacity.isdigit():
            raise row.error(f"capacity must be a whole number of beds, not {capacity!r}")
        values = {flag: row.flag(flag) for flag in flags}
        if not (values["accepts_women"] or values["accepts_men"] or values["accepts_children"]):
            raise row.error("a shelter must accept women, men or children")
        data.shelters[slug] = {
            "kind": kind,
            "region": region,
            "capacity": int(capacity),
            "address": row.text("address", required=False),
            "data_note": row.text("data_note", required=False, max_length=300),
            **values,
            **row.translated("name", max_length=200),
            **row.translated("source", required=False, max_length=300),
        }


def write_directory(data: DirectoryData, *, overwrite: bool = False) -> None:
    """Write parsed data; call inside a transaction. Rows not named in the files are kept.

    Rows that exist already keep what they hold (staff may have edited them in the admin),
    unless `overwrite`; a service's hours, exceptions and channels are written with the service.
    """
    districts = {}
    for name_sq, values in data.districts.items():
        districts[name_sq], _ = reference_row(
            District, overwrite=overwrite, name_sq=name_sq, defaults=values
        )
    municipalities = {}
    for name_sq, values in data.municipalities.items():
        municipalities[name_sq], _ = reference_row(
            Municipality,
            overwrite=overwrite,
            name_sq=name_sq,
            defaults={
                "name_sr": values["name_sr"],
                "name_en": values["name_en"],
                "district": districts[values["district"]],
                "slug": values["slug"],
                "alt_names": values["alt_names"],
            },
        )
    organisations = {}
    for slug, values in data.organisations.items():
        fields = {key: value for key, value in values.items() if key != "municipalities"}
        organisations[slug], written = reference_row(
            Organisation, overwrite=overwrite, slug=slug, defaults=fields
        )
        if written:
            organisations[slug].municipalities.set(
                [municipalities[name] for name in values["municipalities"]]
            )
    written_services = {}
    for slug, values in data.services.items():
        service, written = reference_row(
            Service,
            overwrite=overwrite,
            slug=slug,
            defaults={**values, "organisation": organisations[values["organisation"]]},
        )
        if written:
            written_services[slug] = service
    _replace_children(OpeningHours, written_services, data.hours, key=("weekday", "opens"))
    _replace_children(ServiceException, written_services, data.exceptions, key=("date",))
    _replace_children(ContactChannel, written_services, data.channels, key=("kind", "value"))
    for slug, values in data.shelters.items():
        region = districts[values["region"]] if values["region"] else None
        reference_row(
            Shelter, overwrite=overwrite, slug=slug, defaults={**values, "region": region}
        )
    for date, values in data.holidays.items():
        reference_row(PublicHoliday, overwrite=overwrite, date=date, defaults=values)
    for number, values in data.emergency_numbers.items():
        reference_row(EmergencyNumber, overwrite=overwrite, number=number, defaults=values)


def _parse_holidays(data: DirectoryData, path: Path) -> None:
    columns = ["date", "illustrative", *(f"name_{lang}" for lang in LANGUAGES)]
    for row in read_csv(path, columns):
        try:
            date = dt.date.fromisoformat(row.text("date"))
        except ValueError:
            raise row.error(f"date must be YYYY-MM-DD, not {row.values['date']!r}") from None
        if date in data.holidays:
            raise row.error(f"holiday {date} is listed twice")
        data.holidays[date] = {
            **row.translated("name", max_length=200),
            **_optional_translated(row, "source", max_length=300),
            "illustrative": row.flag("illustrative"),
        }


def _parse_emergency_numbers(data: DirectoryData, path: Path) -> None:
    columns = ["number", "position", "illustrative", *(f"name_{lang}" for lang in LANGUAGES)]
    for row in read_csv(path, columns):
        number = row.text("number", max_length=30)
        if not re.fullmatch(r"[0-9 +]+", number):
            raise row.error(f"number may hold digits, spaces and + only, not {number!r}")
        if number in data.emergency_numbers:
            raise row.error(f"number {number} is listed twice")
        position = row.text("position")
        if not position.isdigit():
            raise row.error(f"position must be a whole number, not {position!r}")
        data.emergency_numbers[number] = {
            "position": int(position),
            **row.translated("name", max_length=200),
            **_optional_translated(row, "source", max_length=300),
            "illustrative": row.flag("illustrative"),
        }


def _optional_translated(row: Row, column: str, *, max_length: int) -> dict[str, str]:
    return {
        f"{column}_{lang}": row.text(f"{column}_{lang}", required=False, max_length=max_length)
        if f"{column}_{lang}" in row.values
        else ""
        for lang in LANGUAGES
    }


def _replace_children(model: Any, services: dict, rows: list[dict], *, key: tuple) -> None:
    """Make each written service's rows of `model` exactly those in the file, matched on `key`."""
    wanted: dict[str, set[tuple]] = {slug: set() for slug in services}
    for values in rows:
        if values["service"] not in services:
            continue
        service = services[values["service"]]
        lookup = {name: values[name] for name in key}
        defaults = {k: v for k, v in values.items() if k not in key and k != "service"}
        model.objects.update_or_create(service=service, **lookup, defaults=defaults)
        wanted[values["service"]].add(tuple(values[name] for name in key))
    for slug, service in services.items():
        for existing in model.objects.filter(service=service):
            if tuple(getattr(existing, name) for name in key) not in wanted[slug]:
                existing.delete()
