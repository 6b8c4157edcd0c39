"""Victim records in the layout of CTDC's global victim dataset, k-anonymous.

CTDC (IOM's Counter Trafficking Data Collaborative) publishes one row per victim with these
columns: gender, ageBroad, majorityStatus, citizenship, yearOfRegistration, and 0/1 flags of the
means of control and the types of exploitation. Before a row leaves, every combination of the
quasi-identifiers (gender, ageBroad, citizenship, yearOfRegistration) must occur at least k times
(CTDC uses k = 11); the rows of smaller combinations are withheld, and how many is reported.

Each victim counts once: one row per person (cases linked as the same person share it), with the
first registration in the period and the flags of all their cases. Never a name, a birth date or a
case code: the age is turned into CTDC's band on the day of registration and dropped.
"""

import csv
import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from strehe.cases.codes import ControlMethod, Exploitation, TraffickingStatus
from strehe.cases.models import ADULT_AGE, IdentificationDecision, Person

DEFAULT_K = 11
# CTDC's age bands (shared/reference/README.md), written as CTDC writes them.
AGE_BANDS = (
    (0, 8, "0--8"),
    (9, 17, "9--17"),
    (18, 20, "18--20"),
    (21, 23, "21--23"),
    (24, 26, "24--26"),
    (27, 29, "27--29"),
    (30, 38, "30--38"),
    (39, 47, "39--47"),
    (48, 200, "48+"),
)
GENDER: dict[str, str] = {
    Person.Sex.FEMALE: "Female",
    Person.Sex.MALE: "Male",
    Person.Sex.OTHER: "Transgender/NonConforming",
    Person.Sex.UNKNOWN: "",
}
C = ControlMethod
CONTROL_COLUMNS: dict[str, set[str]] = {
    "meansOfControlDebtBondage": {C.DEBT_BONDAGE},
    "meansOfControlTakesEarnings": {C.TAKES_EARNINGS},
    "meansOfControlRestrictsFinancialAccess": {C.RESTRICTS_FINANCIAL_ACCESS},
    "meansOfControlThreats": {C.PHYSICAL_THREATS, C.THREATENS_FAMILY},
    "meansOfControlPsychologicalAbuse": {C.PSYCHOLOGICAL_ABUSE},
    "meansOfControlPhysicalAbuse": {C.PHYSICAL_ABUSE},
    "meansOfControlSexualAbuse": {C.SEXUAL_ABUSE},
    "meansOfControlFalsePromises": {C.FALSE_PROMISES},
    "meansOfControlPsychoactiveSubstances": {C.PSYCHOACTIVE_SUBSTANCE},
    "meansOfControlRestrictsMedicalCare": {C.RESTRICTS_MEDICAL_CARE},
    "meansOfControlExcessiveWorkingHours": {C.EXCESSIVE_WORKING_HOURS},
    "meansOfControlThreatOfLawEnforcement": {C.THREATS_LAW_ENFORCEMENT},
    "meansOfControlWithholdsNecessities": {C.WITHHOLDS_NECESSITIES},
    "meansOfControlWithholdsDocuments": {C.WITHHOLDS_DOCUMENTS},
    "meansOfControlOther": {C.OTHER},
}
E = Exploitation
EXPLOITATION_COLUMNS: dict[str, set[str]] = {
    "isForcedLabour": {E.FORCED_LABOUR, E.CHILD_LABOUR},
    "isSexualExploitation": {E.SEXUAL_EXPLOITATION},
    "isForcedMarriage": {E.FORCED_MARRIAGE},
    "isForcedMilitary": {E.FORCED_MILITARY},
    "isOrganRemoval": {E.ORGAN_REMOVAL},
    "isSlaveryAndPractices": {E.SERVITUDE},
    "isOtherExploit": {E.FORCED_BEGGING, E.FORCED_ADOPTION, E.SURROGACY, E.OTHER},
}
QUASI_IDENTIFIERS = ("gender", "ageBroad", "citizenship", "yearOfRegistration")
COLUMNS = (
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "majorityStatus",
    "citizenship",
    *CONTROL_COLUMNS,
    "meansOfControlNotSpecified",
    *EXPLOITATION_COLUMNS,
    "isSexAndLabour",
)
REGISTERED = (TraffickingStatus.IDENTIFIED, TraffickingStatus.PRESUMED)


@dataclass
class Export:
    rows: list[dict[str, str]]
    withheld: int

    @property
    def persons(self) -> int:
        return len(self.rows) + self.withheld


def age_band(age: int | None) -> str:
    if age is None:
        return ""
    return next(label for low, high, label in AGE_BANDS if low <= age <= high)


def _flags(columns: dict[str, set[str]], codes: set[str]) -> dict[str, str]:
    return {column: "1" if codes & members else "0" for column, members in columns.items()}


def _victim_rows(date_from: datetime.date, date_to: datetime.date) -> list[dict[str, str]]:
    """One row per person registered (identified or presumed) between the two days."""
    decisions = (
        IdentificationDecision.objects.filter(
            status__in=REGISTERED, decided_on__gte=date_from, decided_on__lte=date_to
        )
        .select_related("case__person")
        .only(
            "decided_on",
            "case__person_id",
            "case__forms_of_exploitation",
            "case__methods_of_control",
            "case__person__sex",
            "case__person__citizenships",
            "case__person__birth_date",
            "case__person__estimated_age",
            "case__person__age_estimated_on",
        )
        .order_by("decided_on", "pk")
    )
    first: dict[int, IdentificationDecision] = {}
    exploitation: dict[int, set[str]] = {}
    control: dict[int, set[str]] = {}
    for decision in decisions.iterator(chunk_size=2000):
        person_id = decision.case.person_id
        first.setdefault(person_id, decision)
        exploitation.setdefault(person_id, set()).update(decision.case.forms_of_exploitation)
        control.setdefault(person_id, set()).update(decision.case.methods_of_control)
    rows = []
    for person_id, decision in first.items():
        person = decision.case.person
        age = person.age_on(decision.decided_on)
        exploited = exploitation[person_id]
        row = {
            "yearOfRegistration": str(decision.decided_on.year),
            "gender": GENDER.get(person.sex, ""),
            "ageBroad": age_band(age),
            "majorityStatus": "" if age is None else ("Adult" if age >= ADULT_AGE else "Minor"),
            "citizenship": person.citizenships[0] if person.citizenships else "",
            **_flags(CONTROL_COLUMNS, control[person_id]),
            "meansOfControlNotSpecified": "0" if control[person_id] else "1",
            **_flags(EXPLOITATION_COLUMNS, exploited),
        }
        row["isSexAndLabour"] = (
            "1" if row["isSexualExploitation"] == "1" and row["isForcedLabour"] == "1" else "0"
        )
        rows.append(row)
    return rows


def k_anonymous(rows: Iterable[dict[str, str]], *, k: int) -> Export:
    """The rows whose quasi-identifier combination occurs at least k times; the rest withheld."""
    rows = list(rows)
    counts = Counter(tuple(row[q] for q in QUASI_IDENTIFIERS) for row in rows)
    kept = [row for row in rows if counts[tuple(row[q] for q in QUASI_IDENTIFIERS)] >= k]
    return Export(rows=kept, withheld=len(rows) - len(kept))


def ctdc_export(*, date_from: datetime.date, date_to: datetime.date, k: int) -> Export:
    export = k_anonymous(_victim_rows(date_from, date_to), k=k)
    export.rows.sort(key=lambda row: tuple(row[q] for q in QUASI_IDENTIFIERS))
    return export


def write_csv(export: Export, out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(export.rows)
