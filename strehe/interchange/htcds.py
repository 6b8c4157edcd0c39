"""Reading the HTCDS CSV profile of victim records (shared/reference/htcds-csv-profile.md).

Every row is checked before anything is written; a problem is reported as the row (counted from
the first data row, so the header is row 0), the column and the reason: "row 7,
identification_date: no such day: 2012-02-30". Column names are HTCDS v2.0 field names (IOM,
CC BY 4.0) where HTCDS has the field.
"""

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone

from strehe.cases.codes import ControlMethod, DecisionOrganisation, Exploitation, TraffickingStatus
from strehe.cases.countries import country_codes
from strehe.cases.models import MAX_AGE, Person
from strehe.core.validation import EARLIEST_BIRTH_DATE, EARLIEST_RECORDED_DATE

REQUIRED_COLUMNS = (
    "case_ref",
    "prs_Gender",
    "prs_Citizenship",
    "vic_TraffickingStatus",
    "vic_TraffickingStatusDecisionMakingOrg",
    "identification_date",
)
OPTIONAL_COLUMNS = (
    "prs_Birthdate",
    "age_at_identification",
    "vic_AgeWhenTrafficked",
    "vic_TypeOfExploitation",
    "vic_MethodsOfControl",
    "vic_LocationOfExploitation",
    "cas_Status",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

# HTCDS prs_Gender to the register's sex; the register keeps four values.
GENDER_TO_SEX = {
    "Feminine": Person.Sex.FEMALE,
    "Masculine": Person.Sex.MALE,
    "TransgenderFeminine": Person.Sex.OTHER,
    "TransgenderMasculine": Person.Sex.OTHER,
    "NonConforming": Person.Sex.OTHER,
    "NonSpecifiedUnknown": Person.Sex.UNKNOWN,
}
CASE_STATUSES = ("Active", "FollowUp", "Closed", "ClosedReferred")
# The codes each column takes, computed once: a choices class builds its list on every access,
# which was some 7% of the time an import took.
GENDERS = tuple(GENDER_TO_SEX)
TRAFFICKING_STATUSES = tuple(TraffickingStatus.values)
DECISION_ORGANISATIONS = tuple(DecisionOrganisation.values)
EXPLOITATIONS = tuple(Exploitation.values)
CONTROL_METHODS = tuple(ControlMethod.values)
CASE_REF_MAX_LENGTH = 100
CELL_MAX_LENGTH = 1000
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WHOLE_NUMBER = re.compile(r"\d{1,3}")


class HeaderError(Exception):
    """The file cannot be read as the profile at all: nothing of it is checked further."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.reason}"


@dataclass
class VictimRecord:
    """One valid row, in the register's terms."""

    row: int
    case_ref: str
    sex: str
    birth_date: datetime.date | None
    age_at_identification: int | None
    citizenships: list[str]
    status: str
    organisation_type: str
    identification_date: datetime.date
    exploitation: list[str] = field(default_factory=list)
    control: list[str] = field(default_factory=list)
    location_of_exploitation: str = ""
    case_status: str = ""


@dataclass
class ParsedFile:
    records: list[VictimRecord]
    errors: list[RowError]
    warnings: list[str]
    rows_read: int


def _date(value: str, *, earliest: datetime.date, today: datetime.date) -> datetime.date:
    if not ISO_DATE.fullmatch(value):
        raise ValidationError(f"not a date in the form YYYY-MM-DD: {value!r}")
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"no such day: {value}") from None
    if day > today:
        raise ValidationError(f"in the future: {value}")
    if day < earliest:
        raise ValidationError(f"before {earliest.isoformat()}: {value}")
    return day


def _age(value: str) -> int:
    if not WHOLE_NUMBER.fullmatch(value) or int(value) > MAX_AGE:
        raise ValidationError(f"not a whole number of years from 0 to {MAX_AGE}: {value!r}")
    return int(value)


def _codes(value: str, allowed: set[str] | tuple[str, ...], what: str) -> list[str]:
    codes = [code.strip() for code in value.split(";") if code.strip()]
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        raise ValidationError(f"unknown {what}: {', '.join(unknown)}")
    return list(dict.fromkeys(codes))


def _one(value: str, allowed: set[str] | tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValidationError(
            f"unknown {what}: {value!r}; expected one of {', '.join(sorted(allowed))}"
        )
    return value


def _rows(text: str) -> tuple[list[str], Iterator[list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise HeaderError("the file is empty; a header row is required") from None
    except csv.Error as exc:
        raise HeaderError(f"header row: {exc}") from None
    return [name.strip() for name in header], reader


def parse(text: str, *, today: datetime.date | None = None) -> ParsedFile:
    """Check every row of a profile CSV; raise HeaderError if the header is unusable."""
    today = today or timezone.localdate()
    header, reader = _rows(text)
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise HeaderError(f"header names a column twice: {', '.join(duplicated)}")
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise HeaderError(
            f"header lacks the required column(s) {', '.join(missing)}; "
            f"the profile's columns are {', '.join(COLUMNS)}"
        )
    warnings = [
        f"unknown column {name!r} ignored" for name in header if name not in COLUMNS and name
    ]
    countries = country_codes()
    records: list[VictimRecord] = []
    errors: list[RowError] = []
    seen_refs: dict[str, int] = {}
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            errors.append(RowError(number, "(row)", f"not readable as CSV: {exc}"))
            continue
        number += 1
        if not any(cell.strip() for cell in cells):
            errors.append(RowError(number, "(row)", "empty row"))
            continue
        if len(cells) != len(header):
            errors.append(
                RowError(number, "(row)", f"{len(cells)} cells where the header has {len(header)}")
            )
            continue
        row = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
        values, row_errors = _check_row(row, number, today=today, countries=countries)
        birth = values.get("prs_Birthdate")
        identified = values.get("identification_date")
        if (
            isinstance(birth, datetime.date)
            and isinstance(identified, datetime.date)
            and identified < birth
        ):
            row_errors.append(RowError(number, "identification_date", "before the birth date"))
        ref = values.get("case_ref")
        if isinstance(ref, str):
            if ref in seen_refs:
                row_errors.append(
                    RowError(number, "case_ref", f"the same as in row {seen_refs[ref]}")
                )
            else:
                seen_refs[ref] = number
        if row_errors:
            errors.extend(row_errors)
            continue
        records.append(
            VictimRecord(
                row=number,
                case_ref=str(values["case_ref"]),
                sex=GENDER_TO_SEX[str(values["prs_Gender"])],
                birth_date=birth if isinstance(birth, datetime.date) else None,
                age_at_identification=_int_or_none(values.get("age_at_identification")),
                citizenships=list(values["prs_Citizenship"]),  # type: ignore[call-overload]
                status=str(values["vic_TraffickingStatus"]),
                organisation_type=str(values["vic_TraffickingStatusDecisionMakingOrg"]),
                identification_date=identified,  # type: ignore[arg-type]
                exploitation=list(values.get("vic_TypeOfExploitation") or []),  # type: ignore[call-overload]
                control=list(values.get("vic_MethodsOfControl") or []),  # type: ignore[call-overload]
                location_of_exploitation=str(values.get("vic_LocationOfExploitation") or ""),
                case_status=str(values.get("cas_Status") or ""),
            )
        )
    return ParsedFile(records=records, errors=errors, warnings=warnings, rows_read=number)


def _check_row(
    row: dict[str, str], number: int, *, today: datetime.date, countries: set[str]
) -> tuple[dict[str, object], list[RowError]]:
    """Each cell of one row parsed, or the reasons it cannot be."""
    row_errors: list[RowError] = []
    values: dict[str, object] = {}

    def check(column: str, parse_cell: Callable[[str], object], *, required: bool = False) -> None:
        value = row.get(column, "")
        if len(value) > CELL_MAX_LENGTH:
            row_errors.append(RowError(number, column, "longer than 1000 characters"))
            return
        if not value:
            if required:
                row_errors.append(RowError(number, column, "required, but empty"))
            values[column] = None
            return
        try:
            values[column] = parse_cell(value)
        except ValidationError as exc:
            row_errors.append(RowError(number, column, "; ".join(exc.messages)))

    check("case_ref", _case_ref, required=True)
    check("prs_Gender", lambda v: _one(v, GENDERS, "gender"), required=True)
    check(
        "prs_Birthdate",
        lambda v: _date(v, earliest=EARLIEST_BIRTH_DATE, today=today),
    )
    check("age_at_identification", _age)
    check("vic_AgeWhenTrafficked", _age)
    check(
        "prs_Citizenship",
        lambda v: _codes(v, countries, "country code") or _raise("required, but empty"),
        required=True,
    )
    check(
        "vic_TraffickingStatus",
        lambda v: _one(v, TRAFFICKING_STATUSES, "trafficking status"),
        required=True,
    )
    check(
        "vic_TraffickingStatusDecisionMakingOrg",
        lambda v: _one(v, DECISION_ORGANISATIONS, "decision-making organisation"),
        required=True,
    )
    check(
        "identification_date",
        lambda v: _date(v, earliest=EARLIEST_RECORDED_DATE, today=today),
        required=True,
    )
    check(
        "vic_TypeOfExploitation",
        lambda v: _codes(v, EXPLOITATIONS, "type of exploitation"),
    )
    check(
        "vic_MethodsOfControl",
        lambda v: _codes(v, CONTROL_METHODS, "method of control"),
    )
    check("vic_LocationOfExploitation", lambda v: _one(v, countries, "country code"))
    check("cas_Status", lambda v: _one(v, CASE_STATUSES, "case status"))
    return values, row_errors


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _raise(message: str) -> list[str]:
    raise ValidationError(message)


def _case_ref(value: str) -> str:
    if len(value) > CASE_REF_MAX_LENGTH:
        raise ValidationError(f"longer than {CASE_REF_MAX_LENGTH} characters")
    if not value.isprintable():
        raise ValidationError("holds control characters")
    return value
