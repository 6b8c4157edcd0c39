"""Bounds on what people type, declared once.

Model fields carry these validators (so Model.full_clean, and with it every service, checks
them) and the shared form fields of strehe.core.forms carry the same ones (so a page shows the
error on its field before a service is even called). Nothing else should restate a bound.

- Dates: a birth date lies between 1900-01-01 and today; the date of something that happened
  (an event, a decision, a consent, an assessment) between 1990-01-01 and today; a date that is
  planned (the start of a reflection period) may lie ahead, but at most two years.
- Free text: names and places 200 characters, addresses 500, notes and other long texts 20,000
  (some twelve typed pages: far above any real note, far below what bloats a case page).
- Invisible formatting characters (bidirectional overrides and isolates, zero-width characters,
  the byte-order mark) are removed from every free text: they make a name display as something
  other than what is stored. NUL is refused (Django's ProhibitNullCharactersValidator, which form
  CharFields carry and our model text fields add).
"""

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)
EARLIEST_RECORDED_DATE = datetime.date(1990, 1, 1)
# How far ahead a planned date may lie.
PLAN_HORIZON_DAYS = 2 * 365 + 1

NAME_MAX_LENGTH = 200
ADDRESS_MAX_LENGTH = 500
TEXT_MAX_LENGTH = 20_000
# Integer primary keys are at most 64-bit signed on every database we run on; a larger id in a
# form would overflow the database driver (OverflowError on SQLite) before it finds nothing.
MAX_ID = 2**63 - 1

# U+200B-U+200F zero-width space/non-joiner/joiner, left-to-right and right-to-left marks;
# U+202A-U+202E embeddings and overrides; U+2060 word joiner; U+2066-U+2069 isolates; U+FEFF.
INVISIBLE_CHARACTERS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def without_invisible_characters(text: str) -> str:
    """`text` with the bidirectional-control and zero-width characters removed."""
    return INVISIBLE_CHARACTERS.sub("", text)


def _as_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, datetime.date) else None


def _not_before(value: Any, earliest: datetime.date) -> None:
    day = _as_date(value)
    if day is not None and day < earliest:
        raise ValidationError(
            _("Enter a date on or after %(date)s."),
            code="date_too_early",
            params={"date": formats.date_format(earliest, "DATE_FORMAT")},
        )


def _not_after(value: Any, latest: datetime.date) -> None:
    day = _as_date(value)
    if day is None or day <= latest:
        return
    if latest == timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."), code="date_in_future")
    raise ValidationError(
        _("Enter a date on or before %(date)s."),
        code="date_too_late",
        params={"date": formats.date_format(latest, "DATE_FORMAT")},
    )


def validate_birth_date(value: Any) -> None:
    """A birth date: on or after 1900-01-01 and not in the future."""
    _not_before(value, EARLIEST_BIRTH_DATE)
    _not_after(value, timezone.localdate())


def validate_past_date(value: Any) -> None:
    """The date of something that happened: on or after 1990-01-01 and not in the future."""
    _not_before(value, EARLIEST_RECORDED_DATE)
    _not_after(value, timezone.localdate())


def validate_plan_date(value: Any) -> None:
    """A planned date: on or after 1990-01-01 and at most two years ahead."""
    _not_before(value, EARLIEST_RECORDED_DATE)
    _not_after(value, timezone.localdate() + datetime.timedelta(days=PLAN_HORIZON_DAYS))


def validate_not_before_earliest_record(value: Any) -> None:
    """Only the lower bound of validate_past_date, for a time whose model checks the future."""
    _not_before(value, EARLIEST_RECORDED_DATE)
