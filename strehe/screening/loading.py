"""Loading the ILO/EC indicators from their data file.

Every row is validated before anything is written, so a malformed file changes nothing; rows are
matched on their stable key, so loading the same file twice leaves the same rows.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import models, transaction

from .models import IloIndicator
from .rules import Dimension, Grade

ILO_INDICATORS_FILE = "ilo-indicators-adult-labour.csv"
DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"
COLUMNS = ("key", "dimension", "grade", "indicator", "indicator_sq", "indicator_sr")


def _max_length(field_name: str) -> int:
    field = IloIndicator._meta.get_field(field_name)
    if not isinstance(field, models.CharField) or not field.max_length:
        raise TypeError(f"IloIndicator.{field_name} is expected to be a bounded CharField")
    return field.max_length


# Checked before writing so that an over-long value is a reported row, not a database error.
MAX_LENGTHS = {
    "key": _max_length("key"),
    "dimension": _max_length("dimension"),
    "grade": _max_length("grade"),
    "indicator": _max_length("text"),
    "indicator_sq": _max_length("text"),
    "indicator_sr": _max_length("text"),
}


class ReferenceDataError(Exception):
    """A data file cannot be loaded; `problems` lists 'file:line: reason' for each fault."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class _Row:
    key: str
    dimension: str
    grade: str
    text_en: str
    text_sq: str
    text_sr: str


def _check_row(raw: dict[str, str | None], seen: set[str]) -> tuple[_Row | None, list[str]]:
    """The row, or the reasons it is malformed."""
    values = {column: (raw.get(column) or "").strip() for column in COLUMNS}
    reasons = []
    if None in raw:
        reasons.append("more fields than columns in the header")
    for column in COLUMNS:
        if not values[column]:
            reasons.append(f"empty {column}")
        elif len(values[column]) > MAX_LENGTHS[column]:
            reasons.append(f"{column} longer than {MAX_LENGTHS[column]} characters")
    if values["key"]:
        try:
            validate_slug(values["key"])
        except ValidationError:
            reasons.append(f"key {values['key']!r} is not a slug (letters, digits, - and _)")
        if values["key"] in seen:
            reasons.append(f"key {values['key']!r} appears twice")
        seen.add(values["key"])
    if values["dimension"] and values["dimension"] not in Dimension.values:
        reasons.append(
            f"unknown dimension {values['dimension']!r} (expected one of "
            f"{', '.join(Dimension.values)})"
        )
    if values["grade"] and values["grade"] not in Grade.values:
        reasons.append(f"unknown grade {values['grade']!r} (expected strong, medium or weak)")
    if reasons:
        return None, reasons
    return (
        _Row(
            key=values["key"],
            dimension=values["dimension"],
            grade=values["grade"],
            text_en=values["indicator"],
            text_sq=values["indicator_sq"],
            text_sr=values["indicator_sr"],
        ),
        [],
    )


def read_ilo_indicators(path: Path) -> list[_Row]:
    """Parse and validate the whole file; raise ReferenceDataError listing every fault."""
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as error:
        raise ReferenceDataError([f"{path}: cannot be read ({error.strerror})"]) from error
    with handle:
        try:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in COLUMNS if column not in header]
            if missing:
                raise ReferenceDataError(
                    [f"{path}:1: missing column(s) {', '.join(missing)} in the header"]
                )
            rows: list[_Row] = []
            problems: list[str] = []
            seen: set[str] = set()
            for raw in reader:
                row, reasons = _check_row(raw, seen)
                problems.extend(f"{path}:{reader.line_num}: {reason}" for reason in reasons)
                if row is not None:
                    rows.append(row)
        except UnicodeDecodeError as error:
            raise ReferenceDataError([f"{path}: not UTF-8 text ({error.reason})"]) from error
        except csv.Error as error:
            raise ReferenceDataError([f"{path}:{reader.line_num}: {error}"]) from error
    if problems:
        raise ReferenceDataError(problems)
    if not rows:
        raise ReferenceDataError([f"{path}: no indicators in the file"])
    return rows


def load_ilo_indicators(path: Path) -> LoadResult:
    """Create or update one IloIndicator per row of `path`, in one transaction.

    Indicators missing from the file are kept: past screenings refer to them.
    """
    rows = read_ilo_indicators(path)
    created = updated = unchanged = 0
    with transaction.atomic():
        existing = {indicator.key: indicator for indicator in IloIndicator.objects.all()}
        for position, row in enumerate(rows, start=1):
            wanted = {
                "dimension": row.dimension,
                "grade": row.grade,
                "text_en": row.text_en,
                "text_sq": row.text_sq,
                "text_sr": row.text_sr,
                "position": position,
            }
            indicator = existing.get(row.key)
            if indicator is None:
                IloIndicator.objects.create(key=row.key, **wanted)
                created += 1
            elif any(getattr(indicator, field) != value for field, value in wanted.items()):
                for field, value in wanted.items():
                    setattr(indicator, field, value)
                indicator.save()
                updated += 1
            else:
                unchanged += 1
    return LoadResult(created=created, updated=updated, unchanged=unchanged)
