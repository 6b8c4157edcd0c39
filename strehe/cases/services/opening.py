"""Opening a case: its code, its person, its first grants and its first timeline lines."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from ..models import Case, CaseCodeCounter, ConsentScope, Person, Stage, TimelineEntry
from ..selectors import PossibleDuplicate, possible_duplicates
from ._acts import act_recorded, created, locked
from .access import assigned_grant_start, owner_grant_start, share_start
from .consent import consent_create
from .editing import aliases_cleaned, person_aliases_write
from .records import PERSON_UPDATABLE_FIELDS


def case_code_next(*, year: int) -> str:
    """Take the next case code of `year`, such as KS-2026-00042. Call inside a transaction.

    The counter row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transaction
    holds the write lock), so two concurrent openings never get the same number. The row of a new
    year is inserted with ON CONFLICT DO NOTHING first, so its creation cannot race either.
    """
    CaseCodeCounter.objects.bulk_create([CaseCodeCounter(year=year)], ignore_conflicts=True)
    counter = CaseCodeCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{settings.STREHE_CASE_CODE_PREFIX}-{year}-{counter.last_number:05d}"


@transaction.atomic
def case_open(
    *,
    actor: Any,
    owner_agency: Agency,
    given_name: str = "",
    family_name: str = "",
    aliases: Sequence[str] = (),
    birth_date: datetime.date | None = None,
    estimated_age: int | None = None,
    identity_number: str = "",
    phone: str = "",
    address: str = "",
    sex: str = Person.Sex.UNKNOWN,
    citizenships: list[str] | None = None,
    languages: list[str] | None = None,
    narrative: str = "",
    assigned_worker: Any = None,
    share_with: Agency | None = None,
    sharing_consent: bool = False,
) -> Case:
    """Open a case about a new person, in the identification stage, owned by the actor's agency.

    The owning agency gets its grant, and the assigned worker theirs. The audit trail gets the
    names of the fields filled, never their values. `actor` None is the system itself (an
    import, the demo loader), which no role check applies to.

    `share_with` shares the new case with another agency at once. The person must have agreed
    (`sharing_consent`): the consent and the share are recorded in this same transaction, as
    consent_record and case_share would, so a case is never left shared without its consent.

    The names may be empty: a person known only by `aliases`, or not by name at all (an
    anonymous caller), is recorded all the same and shown as "name unknown".
    """
    if actor is not None:
        if not actor.has_role_permission(Permission.OPEN_CASE):
            raise PermissionDenied
        if actor.agency_id != owner_agency.pk:
            # Staff open cases for their own agency; handing one on is sharing, with consent.
            raise PermissionDenied
    if share_with is None and sharing_consent:
        raise ValidationError(
            {"share_with": _("Choose the agency the person agreed to share with.")}
        )
    if share_with is not None:
        if share_with.pk == owner_agency.pk:
            raise ValidationError(
                {"share_with": _("The owning agency sees the case already; choose another one.")}
            )
        if not sharing_consent:
            raise ValidationError(
                {"sharing_consent": _("Share only if the person agreed to share with this agency.")}
            )
    alias_names = aliases_cleaned(aliases)
    person = Person(
        given_name=(given_name or "").strip(),
        family_name=(family_name or "").strip(),
        birth_date=birth_date,
        estimated_age=estimated_age,
        identity_number=identity_number or None,
        phone=phone or None,
        address=address or None,
        sex=sex,
        citizenships=citizenships or [],
        languages=languages or [],
    )
    person.full_clean(exclude=["lookup_hash", "birth_date_hash"])
    person.save()
    if alias_names:
        person_aliases_write(person, alias_names)
    case = Case(
        code=case_code_next(year=timezone.localdate().year),
        person=person,
        owner_agency=owner_agency,
        assigned_worker=assigned_worker,
        stage=Stage.IDENTIFICATION,
        narrative=narrative or None,
        opened_by=actor,
    )
    case.full_clean(exclude=["code"])
    case.save()
    created(
        actor,
        person,
        [name for name in PERSON_UPDATABLE_FIELDS if getattr(person, name)]
        + (["aliases"] if alias_names else []),
    )
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.OPENED,
        action=AuditEntry.Action.CREATE,
        fields=["code", "person", "owner_agency", "stage"]
        + [name for name in ("narrative", "assigned_worker") if getattr(case, name)],
    )
    owner_grant_start(actor=actor, case=case)
    if assigned_worker is not None:
        assigned_grant_start(actor=actor, case=case, worker=assigned_worker)
    if share_with is not None:
        consent_create(actor=actor, case=case, scope=ConsentScope.SHARING, agency=share_with)
        share_start(actor=actor, case=case, agency=share_with)
    return case


def case_records_attach(*, actor: Any, case: Case, records: Sequence[tuple[Any, str]]) -> None:
    """Link records made before the case (a helpline contact, a screening) to it, each once,
    with a timeline line. `records` pairs a record with its timeline kind.

    For the helpline services, which have checked that the actor may see both the records and
    the case; call inside their transaction.
    """
    case = locked(case)
    for record, kind in records:
        if record.case_id is not None and record.case_id != case.pk:
            raise ValidationError(_("This record already belongs to another case."))
        if record.case_id == case.pk:
            continue
        record.case = case
        record.save(update_fields=["case"])
        act_recorded(
            actor=actor,
            case=case,
            kind=kind,
            fields=[record._meta.model_name or "record"],
            data={"id": record.pk},
        )


@transaction.atomic
def duplicates_search(
    *,
    actor: Any,
    given_name: str,
    family_name: str,
    birth_date: datetime.date | None,
    aliases: Sequence[str] = (),
) -> list[PossibleDuplicate]:
    """Search the register for the person about to be entered, and audit the search.

    The answer tells whether a name and birth date are in the register, so who asked and how
    many matches they were shown is kept (the audit trail holds neither name nor date).
    """
    if not actor.has_role_permission(Permission.OPEN_CASE):
        raise PermissionDenied
    matches = possible_duplicates(
        user=actor,
        given_name=given_name,
        family_name=family_name,
        birth_date=birth_date,
        aliases=aliases,
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.VIEW,
        target_type="cases.person",
        target_label="duplicate search",
        detail={
            "search": "duplicates",
            "matches": len(matches),
            "visible": sum(match.visible for match in matches),
        },
    )
    return matches
