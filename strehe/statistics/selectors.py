"""The one read statistics make of case data: de-identified rows, one per person.

A row holds codes, a date and an age, never a name or a birth date: the age on the day of the
decision is computed here, and only it leaves this module. Statistics count persons: where
several cases are about one person (cases linked as the same person share one Person), the
person's latest decision in the period is the one that counts, and the person counts once.
"""

import dataclasses
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from strehe.cases.codes import TraffickingStatus
from strehe.cases.models import Case, IdentificationDecision, age_of

from .dimensions import UNKNOWN, htcds_gender

IDENTIFIED = "identified"
PRESUMED = "presumed"
REGISTERED = "registered"
# Eurostat: registered victims are the identified and the presumed ones.
STATUSES: dict[str, frozenset[str]] = {
    IDENTIFIED: frozenset({TraffickingStatus.IDENTIFIED}),
    PRESUMED: frozenset({TraffickingStatus.PRESUMED}),
    REGISTERED: frozenset({TraffickingStatus.IDENTIFIED, TraffickingStatus.PRESUMED}),
}


@dataclass(frozen=True)
class VictimRow:
    """One person, de-identified: what statistics may know of them."""

    person_id: int
    decided_on: datetime.date
    status: str
    decided_by: str
    citizenship: str  # the primary citizenship (ISO 3166 alpha-2), or "unknown"
    sex: str  # HTCDS gender code
    age: int | None  # whole years on `decided_on`
    # HTCDS codes, each once; ("unknown",) if none recorded; () when not asked for.
    exploitation: tuple[str, ...]


def _decisions_in(date_from: datetime.date, date_to: datetime.date) -> QuerySet:
    return IdentificationDecision.objects.filter(decided_on__gte=date_from, decided_on__lte=date_to)


def victim_rows(
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    status: str = REGISTERED,
    decided_by: str | None = None,
    with_exploitation: bool = True,
) -> list[VictimRow]:
    """The persons whose latest decision between the two days (inclusive) has `status` and, if
    given, was taken by an organisation of type `decided_by`. Without `with_exploitation` the
    rows' exploitation is left empty, for a report that does not break down by it."""
    wanted = STATUSES[status]
    # One query, as the hand-written SQL of bench/statistics_report.py does it: the period's
    # decisions with their person, each person's latest first. Plain values, not model
    # objects: the age comes from the same three fields Person.age_on reads. Fetched at once
    # rather than through a server-side cursor, which PostgreSQL plans for the first rows and
    # which took twice as long for a year of a national register (some 20,000 rows).
    decisions = (
        _decisions_in(date_from, date_to)
        .order_by("case__person_id", "-decided_on", "-recorded_at", "-id")
        .values_list(
            "case__person_id",
            "status",
            "organisation_type",
            "decided_on",
            "case__person__birth_date",
            "case__person__estimated_age",
            "case__person__age_estimated_on",
            "case__person__sex",
            "case__person__citizenships",
        )
    )
    rows = []
    previous = None
    for (
        person_id,
        decision_status,
        organisation_type,
        decided_on,
        birth_date,
        estimated_age,
        estimated_on,
        sex,
        citizenships,
    ) in decisions:
        if person_id == previous:
            continue  # an earlier decision of the same person
        previous = person_id
        if decision_status not in wanted or (
            decided_by is not None and organisation_type != decided_by
        ):
            continue
        rows.append(
            VictimRow(
                person_id=person_id,
                decided_on=decided_on,
                status=decision_status,
                decided_by=organisation_type,
                citizenship=citizenships[0] if citizenships else UNKNOWN,
                sex=htcds_gender(sex),
                age=age_of(birth_date, estimated_age, estimated_on, decided_on),
                exploitation=(),
            )
        )
    if not with_exploitation or not rows:
        return rows
    # Every case of the person counts, not only the one decided in the period. A subquery
    # rather than a list of ids: a national year can hold more persons than a database
    # accepts as parameters of one query.
    forms: dict[int, set[str]] = defaultdict(set)
    for person_id, person_forms in Case.objects.filter(
        person_id__in=_decisions_in(date_from, date_to).values("case__person_id")
    ).values_list("person_id", "forms_of_exploitation"):
        forms[person_id].update(person_forms or [])
    return [
        dataclasses.replace(row, exploitation=tuple(sorted(forms[row.person_id])) or (UNKNOWN,))
        for row in rows
    ]


def identification_years() -> list[int]:
    """The years in which any identification decision was taken, newest first."""
    return sorted(
        {day.year for day in IdentificationDecision.objects.dates("decided_on", "year")},
        reverse=True,
    )
