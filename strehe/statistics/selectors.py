"""The one read statistics make of case data: de-identified rows, one per person.

A row holds codes, a date and an age, never a name or a birth date: the age on the day of the
decision is computed here, and only it leaves this module. Statistics count persons: where
several cases are about one person (cases linked as the same person share one Person), the
person's latest decision in the period is the one that counts, and the person counts once.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from strehe.cases.codes import TraffickingStatus
from strehe.cases.models import Case, IdentificationDecision, Person

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
    exploitation: tuple[str, ...]  # HTCDS codes, each once; ("unknown",) if none recorded


def _decisions_in(date_from: datetime.date, date_to: datetime.date) -> QuerySet:
    return IdentificationDecision.objects.filter(decided_on__gte=date_from, decided_on__lte=date_to)


def victim_rows(
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    status: str = REGISTERED,
    decided_by: str | None = None,
) -> list[VictimRow]:
    """The persons whose latest decision between the two days (inclusive) has `status` and, if
    given, was taken by an organisation of type `decided_by`."""
    wanted = STATUSES[status]
    latest: dict[int, tuple[str, str, datetime.date]] = {}
    decisions = (
        _decisions_in(date_from, date_to)
        .order_by("case__person_id", "-decided_on", "-recorded_at", "-id")
        .values_list("case__person_id", "status", "organisation_type", "decided_on")
    )
    for person_id, decision_status, organisation_type, decided_on in decisions.iterator(
        chunk_size=5000
    ):
        latest.setdefault(person_id, (decision_status, organisation_type, decided_on))
    chosen = {
        person_id: decision
        for person_id, decision in latest.items()
        if decision[0] in wanted and (decided_by is None or decision[1] == decided_by)
    }
    if not chosen:
        return []
    # Subqueries rather than lists of ids: a national year can hold more persons than a
    # database accepts as parameters of one query.
    persons_in_period = Person.objects.filter(
        pk__in=_decisions_in(date_from, date_to).values("case__person_id")
    )
    forms: dict[int, set[str]] = defaultdict(set)
    for person_id, person_forms in (
        Case.objects.filter(person__in=persons_in_period)
        .values_list("person_id", "forms_of_exploitation")
        .iterator(chunk_size=5000)
    ):
        forms[person_id].update(person_forms or [])
    rows = []
    for person in persons_in_period.only(
        "id", "birth_date", "estimated_age", "age_estimated_on", "sex", "citizenships"
    ).iterator(chunk_size=2000):
        if person.pk not in chosen:
            continue
        decision_status, organisation_type, decided_on = chosen[person.pk]
        citizenships = person.citizenships or []
        rows.append(
            VictimRow(
                person_id=person.pk,
                decided_on=decided_on,
                status=decision_status,
                decided_by=organisation_type,
                citizenship=citizenships[0] if citizenships else UNKNOWN,
                sex=htcds_gender(person.sex),
                age=person.age_on(decided_on),
                exploitation=tuple(sorted(forms[person.pk])) or (UNKNOWN,),
            )
        )
    rows.sort(key=lambda row: row.person_id)
    return rows


def identification_years() -> list[int]:
    """The years in which any identification decision was taken, newest first."""
    return sorted(
        {day.year for day in IdentificationDecision.objects.dates("decided_on", "year")},
        reverse=True,
    )
