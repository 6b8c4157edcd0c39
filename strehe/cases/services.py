"""Writes on cases. Each runs in one transaction together with its audit and timeline entries.

Every function that changes a case checks that the actor's role allows the act and that the
case is one the actor may see (policies.may_act_on_case), so the API and the pages cannot differ.
Bad input raises ValidationError with the offending field's name; nothing is saved then.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency, User
from strehe.accounts.roles import Permission, Role
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.directory.models import Organisation
from strehe.helpline.models import Outcome

from .codes import DecisionOrganisation, TraffickingStatus
from .models import (
    Case,
    CaseCodeCounter,
    CaseShare,
    Consent,
    ConsentOverride,
    ConsentScope,
    IdentificationDecision,
    Person,
    RiskAssessment,
    Stage,
    TimelineEntry,
    TraffickingEvent,
)
from .policies import may_act_on_case
from .stages import NEXT_STAGE, reflection_end

CASE_UPDATABLE_FIELDS = frozenset(
    {"narrative", "assigned_worker", "forms_of_exploitation", "methods_of_control"}
)
PERSON_UPDATABLE_FIELDS = frozenset(
    {
        "given_name",
        "family_name",
        "birth_date",
        "estimated_age",
        "identity_number",
        "phone",
        "address",
        "sex",
        "citizenships",
        "languages",
    }
)

# Who takes the identification decision, in HTCDS terms, by the kind of the deciding agency.
DECISION_ORGANISATION_OF_KIND: dict[str, str] = {
    Organisation.Kind.POLICE_UNIT: DecisionOrganisation.POLICE,
    Organisation.Kind.PROSECUTION: DecisionOrganisation.COURT_OR_PROSECUTION,
    Organisation.Kind.VICTIM_ADVOCATES: DecisionOrganisation.GOVERNMENT,
    Organisation.Kind.SOCIAL_WORK_CENTRE: DecisionOrganisation.GOVERNMENT,
    Organisation.Kind.HELPLINE: DecisionOrganisation.GOVERNMENT,
    Organisation.Kind.NGO: DecisionOrganisation.NGO,
    Organisation.Kind.SHELTER: DecisionOrganisation.NGO,
}


def _require(actor: Any, case: Case, permission: Permission) -> None:
    if not may_act_on_case(actor, case, permission):
        raise PermissionDenied


def _lock(case: Case) -> Case:
    """The case row, locked until the transaction ends; call inside transaction.atomic."""
    return Case.objects.select_for_update().select_related("person").get(pk=case.pk)


def timeline_add(
    *,
    case: Case,
    kind: str,
    actor: Any,
    data: dict[str, Any] | None = None,
    note: str = "",
) -> TimelineEntry:
    """Append one line to the case's timeline; call inside the transaction of the act."""
    return TimelineEntry.objects.create(
        case=case, kind=kind, recorded_by=actor, data=data or {}, note=note or None
    )


def _created(actor: Any, record: Any, fields: Iterable[str], request: HttpRequest | None) -> None:
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        target=record,
        fields=sorted(fields),
        request=request,
    )


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
    given_name: str,
    family_name: str,
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
    contact: Any = None,
    screening: Any = None,
    share_with: Agency | None = None,
    sharing_consent: bool = False,
    request: HttpRequest | None = None,
) -> Case:
    """Open a case about a new person, in the identification stage.

    A helpline contact and a screening given here become the first lines of the timeline. The
    audit trail gets the names of the fields filled, never their values. `actor` None is the
    system itself (an import, the demo loader), which no role check applies to.

    `share_with` shares the new case with another agency at once. The person must have agreed
    (`sharing_consent`): the consent and the share are recorded in this same transaction, as
    consent_record and case_share would, so a case is never left shared without its consent.
    """
    if actor is not None and not actor.has_role_permission(Permission.OPEN_CASE):
        raise PermissionDenied
    if share_with is not None:
        if share_with.pk == owner_agency.pk:
            raise ValidationError(
                {"share_with": _("The owning agency sees the case already; choose another one.")}
            )
        if not sharing_consent:
            raise ValidationError(
                {"sharing_consent": _("Share only if the person agreed to share with this agency.")}
            )
    person = Person(
        given_name=given_name.strip(),
        family_name=family_name.strip(),
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
    _created(
        actor, person, [name for name in PERSON_UPDATABLE_FIELDS if getattr(person, name)], request
    )
    filled_case = ["code", "person", "owner_agency", "stage"]
    filled_case += [name for name in ("narrative", "assigned_worker") if getattr(case, name)]
    _created(actor, case, filled_case, request)
    timeline_add(case=case, kind=TimelineEntry.Kind.OPENED, actor=actor)
    if contact is not None or screening is not None:
        _attach(actor=actor, case=case, contact=contact, screening=screening)
    if contact is not None and contact.outcome != Outcome.CASE_OPENED:
        # The contact log then says what came of the call without anyone editing it.
        contact.outcome = Outcome.CASE_OPENED
        contact.save(update_fields=["outcome"])
    if share_with is not None:
        _consent_create(
            actor=actor, case=case, scope=ConsentScope.SHARING, agency=share_with, request=request
        )
        _share_create(actor=actor, case=case, agency=share_with, request=request)
    return case


def _attach(*, actor: Any, case: Case, contact: Any, screening: Any) -> None:
    """Link a helpline contact and a screening to `case`, each once, with a timeline line."""
    for record, kind in (
        (contact, TimelineEntry.Kind.CONTACT),
        (screening, TimelineEntry.Kind.SCREENING),
    ):
        if record is None:
            continue
        if record.case_id is not None and record.case_id != case.pk:
            raise ValidationError(_("This record already belongs to another case."))
        if record.case_id == case.pk:
            continue
        record.case = case
        record.save(update_fields=["case"])
        timeline_add(case=case, kind=kind, actor=actor, data={"id": record.pk})


@transaction.atomic
def case_link_records(
    *,
    actor: Any,
    case: Case,
    contact: Any = None,
    screening: Any = None,
    request: HttpRequest | None = None,
) -> None:
    """Link a contact and its screening to an existing case instead of opening a duplicate."""
    _require(actor, case, Permission.VIEW_PERSONAL_DATA)
    case = _lock(case)
    _attach(actor=actor, case=case, contact=contact, screening=screening)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        target=case,
        fields=[
            name for name, value in (("contacts", contact), ("screenings", screening)) if value
        ],
        request=request,
    )


@transaction.atomic
def case_update(
    *, actor: Any, case: Case, changes: dict[str, Any], request: HttpRequest | None = None
) -> list[str]:
    """Change fields of a case and its person; record the names of the fields that changed.

    Values never reach the audit trail, so an encrypted field stays encrypted everywhere. The
    stage is not among the fields: it moves only through case_move_stage and its rules.
    """
    unknown = set(changes) - CASE_UPDATABLE_FIELDS - PERSON_UPDATABLE_FIELDS
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    _require(actor, case, Permission.MANAGE_CASE)
    case = _lock(case)
    changed: list[str] = []
    for name, value in changes.items():
        record = case if name in CASE_UPDATABLE_FIELDS else case.person
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    person_changed = [name for name in changed if name in PERSON_UPDATABLE_FIELDS]
    case_changed = [name for name in changed if name in CASE_UPDATABLE_FIELDS]
    if person_changed:
        case.person.full_clean(exclude=["lookup_hash", "birth_date_hash"])
        case.person.save(update_fields=person_changed)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CHANGE,
            target=case.person,
            fields=person_changed,
            request=request,
        )
    if case_changed:
        case.full_clean(exclude=["code"])
        case.save(update_fields=case_changed)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CHANGE,
            target=case,
            fields=case_changed,
            request=request,
        )
    return changed


@transaction.atomic
def case_viewed(*, actor: Any, case: Case, request: HttpRequest | None = None) -> None:
    """Record that `actor` saw the personal data of `case` (detail page, API detail)."""
    audit_record(actor=actor, action=AuditEntry.Action.VIEW, target=case, request=request)


@transaction.atomic
def case_note_add(
    *, actor: Any, case: Case, text: str, request: HttpRequest | None = None
) -> TimelineEntry:
    _require(actor, case, Permission.MANAGE_CASE)
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    entry = timeline_add(case=case, kind=TimelineEntry.Kind.NOTE, actor=actor, note=text.strip())
    _created(actor, entry, ["note"], request)
    return entry


@transaction.atomic
def trafficking_event_add(
    *,
    actor: Any,
    case: Case,
    kind: str,
    country: str,
    place: str = "",
    started_on: datetime.date | None = None,
    ended_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> TraffickingEvent:
    _require(actor, case, Permission.MANAGE_CASE)
    event = TraffickingEvent(
        case=case,
        recorded_by=actor,
        kind=kind,
        country=country.upper(),
        place=place.strip(),
        started_on=started_on,
        ended_on=ended_on,
    )
    event.full_clean()
    event.save()
    timeline_add(
        case=case,
        kind=TimelineEntry.Kind.EVENT,
        actor=actor,
        data={"kind": kind, "country": event.country},
    )
    _created(actor, event, ["kind", "country", "place", "started_on", "ended_on"], request)
    return event


def decision_organisation_of(agency: Agency) -> str:
    return DECISION_ORGANISATION_OF_KIND.get(agency.organisation.kind, DecisionOrganisation.OTHER)


@transaction.atomic
def identification_record(
    *,
    actor: User,
    case: Case,
    status: str,
    decided_on: datetime.date | None = None,
    grounds: str = "",
    request: HttpRequest | None = None,
) -> IdentificationDecision:
    """Record the identification decision of the actor's agency on the person of `case`."""
    _require(actor, case, Permission.RECORD_IDENTIFICATION)
    if actor.agency is None:
        raise PermissionDenied
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("The decision cannot be dated in the future.")})
    decision = IdentificationDecision(
        case=case,
        recorded_by=actor,
        status=status,
        agency=actor.agency,
        organisation_type=decision_organisation_of(actor.agency),
        decided_on=decided_on,
        grounds=grounds.strip() or None,
    )
    decision.full_clean()
    decision.save()
    timeline_add(
        case=case,
        kind=TimelineEntry.Kind.IDENTIFICATION,
        actor=actor,
        data={"status": status, "organisation_type": decision.organisation_type},
    )
    _created(actor, decision, ["status", "organisation_type", "decided_on", "grounds"], request)
    return decision


@transaction.atomic
def risk_assessment_record(
    *,
    actor: User,
    case: Case,
    level: str,
    reasons: str,
    assessors: Iterable[User],
    assessed_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> RiskAssessment:
    """Record a risk assessment. The Kosovo procedures want a police investigator and a victim
    advocate on every assessment, and a social worker as well when the person is a child.
    """
    _require(actor, case, Permission.RECORD_RISK_ASSESSMENT)
    assessed_on = assessed_on or timezone.localdate()
    assessors = list({user.pk: user for user in [*assessors, actor]}.values())
    roles = {user.role for user in assessors}
    is_child = case.person.is_child_on(assessed_on)
    errors: dict[str, list[str]] = {}
    if assessed_on > timezone.localdate():
        errors.setdefault("assessed_on", []).append(
            _("The assessment cannot be dated in the future.")
        )
    missing = [Role.POLICE_INVESTIGATOR, Role.VICTIM_ADVOCATE]
    if is_child:
        missing.append(Role.SOCIAL_WORKER)
    missing = [role for role in missing if role not in roles]
    if missing:
        labels = ", ".join(str(Role(role).label) for role in missing)
        message = (
            _("A child's risk assessment needs a social worker. Missing: %(roles)s.")
            if is_child and Role.SOCIAL_WORKER in missing
            else _(
                "The assessment needs a police investigator and a victim advocate. "
                "Missing: %(roles)s."
            )
        )
        errors.setdefault("assessors", []).append(message % {"roles": labels})
    if not reasons.strip():
        errors.setdefault("reasons", []).append(_("Say why this level was chosen."))
    if errors:
        raise ValidationError(errors)
    assessment = RiskAssessment(
        case=case,
        recorded_by=actor,
        level=level,
        assessed_on=assessed_on,
        reasons=reasons.strip(),
        with_child_rule=is_child,
    )
    assessment.full_clean()
    assessment.save()
    assessment.assessors.set(assessors)
    timeline_add(case=case, kind=TimelineEntry.Kind.RISK, actor=actor, data={"level": level})
    _created(actor, assessment, ["level", "assessed_on", "reasons", "assessors"], request)
    return assessment


@transaction.atomic
def consent_record(
    *,
    actor: Any,
    case: Case,
    scope: str,
    given_on: datetime.date | None = None,
    agency: Agency | None = None,
    request: HttpRequest | None = None,
) -> Consent:
    _require(actor, case, Permission.MANAGE_CASE)
    return _consent_create(
        actor=actor, case=case, scope=scope, given_on=given_on, agency=agency, request=request
    )


def _consent_create(
    *,
    actor: Any,
    case: Case,
    scope: str,
    given_on: datetime.date | None = None,
    agency: Agency | None = None,
    request: HttpRequest | None = None,
) -> Consent:
    """Store a consent with its timeline line and audit entry; the caller checked the role."""
    given_on = given_on or timezone.localdate()
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": _("Consent cannot be dated in the future.")})
    if scope == ConsentScope.SHARING and agency is None:
        raise ValidationError({"agency": _("Name the agency the person agreed to share with.")})
    if scope != ConsentScope.SHARING:
        agency = None
    consent = Consent(case=case, recorded_by=actor, scope=scope, agency=agency, given_on=given_on)
    consent.full_clean()
    consent.save()
    timeline_add(
        case=case,
        kind=TimelineEntry.Kind.CONSENT,
        actor=actor,
        data={"scope": scope, "agency": agency.pk if agency else None},
    )
    _created(actor, consent, ["scope", "agency", "given_on"], request)
    return consent


@transaction.atomic
def consent_withdraw(
    *,
    actor: Any,
    consent: Consent,
    withdrawn_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> Consent:
    _require(actor, consent.case, Permission.MANAGE_CASE)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    withdrawn_on = withdrawn_on or timezone.localdate()
    if consent.withdrawn_on is not None:
        raise ValidationError({"withdrawn_on": _("This consent was already withdrawn.")})
    if withdrawn_on < consent.given_on:
        raise ValidationError(
            {"withdrawn_on": _("Consent cannot be withdrawn before it was given.")}
        )
    if withdrawn_on > timezone.localdate():
        raise ValidationError({"withdrawn_on": _("A withdrawal cannot be dated in the future.")})
    consent.withdrawn_on = withdrawn_on
    consent.save(update_fields=["withdrawn_on"])
    timeline_add(
        case=consent.case,
        kind=TimelineEntry.Kind.CONSENT_WITHDRAWN,
        actor=actor,
        data={"scope": consent.scope, "agency": consent.agency_id},
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        target=consent,
        fields=["withdrawn_on"],
        request=request,
    )
    return consent


def consent_in_force(
    *, case: Case, scope: str, agency: Agency | None = None, on: datetime.date | None = None
) -> bool:
    """Whether the person's consent for `scope` (with `agency`, for sharing) holds on `on`."""
    on = on or timezone.localdate()
    consents = Consent.objects.filter(case=case, scope=scope)
    if scope == ConsentScope.SHARING:
        consents = consents.filter(agency=agency)
    return any(consent.is_in_force_on(on) for consent in consents)


def consent_required(
    *,
    actor: Any,
    case: Case,
    scope: str,
    action: str,
    agency: Agency | None = None,
    override_reason: str = "",
    request: HttpRequest | None = None,
) -> ConsentOverride | None:
    """Refuse an act that needs consent the person has not given, unless overridden.

    Only a user whose role has OVERRIDE_CONSENT may go ahead without consent, and only by giving
    a reason; the override is kept, put on the timeline and audited. Call inside the transaction
    of the act, so that a refused act leaves nothing behind.
    """
    if consent_in_force(case=case, scope=scope, agency=agency):
        return None
    if not actor.has_role_permission(Permission.OVERRIDE_CONSENT):
        raise ValidationError(
            {
                "override_reason": _(
                    "The person has not consented to this. Record their consent first."
                )
            }
        )
    if not override_reason.strip():
        raise ValidationError(
            {
                "override_reason": _(
                    "The person has not consented to this. To go ahead anyway, give the reason."
                )
            }
        )
    override = ConsentOverride.objects.create(
        case=case,
        recorded_by=actor,
        scope=scope,
        agency=agency,
        action=action,
        reason=override_reason.strip(),
    )
    timeline_add(
        case=case,
        kind=TimelineEntry.Kind.CONSENT_OVERRIDE,
        actor=actor,
        data={"scope": scope, "action": action, "agency": agency.pk if agency else None},
        note=override_reason.strip(),
    )
    _created(actor, override, ["scope", "agency", "action", "reason"], request)
    return override


@transaction.atomic
def case_share(
    *,
    actor: Any,
    case: Case,
    agency: Agency,
    override_reason: str = "",
    request: HttpRequest | None = None,
) -> CaseShare:
    """Let `agency`'s casework staff see the case; needs the person's consent to share with it."""
    _require(actor, case, Permission.MANAGE_CASE)
    return _share_create(
        actor=actor, case=case, agency=agency, override_reason=override_reason, request=request
    )


def _share_create(
    *,
    actor: Any,
    case: Case,
    agency: Agency,
    override_reason: str = "",
    request: HttpRequest | None = None,
) -> CaseShare:
    """Store a share once the consent holds (or is overridden); the caller checked the role."""
    if (
        agency.pk == case.owner_agency_id
        or CaseShare.objects.filter(case=case, agency=agency).exists()
    ):
        raise ValidationError({"agency": _("This agency can already see the case.")})
    consent_required(
        actor=actor,
        case=case,
        scope=ConsentScope.SHARING,
        agency=agency,
        action="share",
        override_reason=override_reason,
        request=request,
    )
    share = CaseShare.objects.create(case=case, agency=agency, recorded_by=actor)
    timeline_add(case=case, kind=TimelineEntry.Kind.SHARED, actor=actor, data={"agency": agency.pk})
    _created(actor, share, ["agency"], request)
    return share


@transaction.atomic
def case_move_stage(
    *,
    actor: Any,
    case: Case,
    to_stage: str,
    on: datetime.date | None = None,
    closing_reason: str = "",
    note: str = "",
    override_reason: str = "",
    request: HttpRequest | None = None,
) -> Case:
    """Move a case to its next stage, or close it, if the rule of that move holds.

    - into risk assessment and referral: an identification decision says presumed or identified;
    - into initial assistance: a risk assessment is recorded and the person consents to
      assistance; the reflection period starts on `on` (default today) and its end is fixed by
      the rule in force that day;
    - into long-term assistance: consent to assistance still holds;
    - closed: from any open stage, with a reason (and a note when the reason is "other").
    """
    _require(actor, case, Permission.MANAGE_CASE)
    case = _lock(case)
    on = on or timezone.localdate()
    from_stage = case.stage
    if to_stage == Stage.CLOSED:
        _check_closing(case, closing_reason=closing_reason, note=note)
        case.closing_reason = closing_reason
        case.closed_at = timezone.now()
    elif NEXT_STAGE.get(from_stage) != to_stage:
        raise ValidationError(
            {
                "to_stage": _("A case in “%(from)s” cannot move to “%(to)s”.")
                % {"from": Stage(from_stage).label, "to": _stage_label(to_stage)}
            }
        )
    elif to_stage == Stage.RISK_AND_REFERRAL:
        latest = case.identification_decisions.order_by(
            "-decided_on", "-recorded_at", "-pk"
        ).first()
        if latest is None or latest.status == TraffickingStatus.NOT_A_VICTIM:
            raise ValidationError(
                {
                    "to_stage": _(
                        "Record an identification decision (presumed or identified victim) first."
                    )
                }
            )
    elif to_stage == Stage.INITIAL_ASSISTANCE:
        if not case.risk_assessments.exists():
            raise ValidationError({"to_stage": _("Record a risk assessment first.")})
        _assistance_consent(actor, case, override_reason, request)
        case.reflection_starts_on = on
        case.reflection_ends_on = reflection_end(on)
    elif to_stage == Stage.LONG_TERM_ASSISTANCE:
        _assistance_consent(actor, case, override_reason, request)
    case.stage = to_stage
    case.full_clean(exclude=["code"])
    case.save()
    data: dict[str, Any] = {"from": from_stage, "to": to_stage}
    if closing_reason:
        data["reason"] = closing_reason
    if to_stage == Stage.INITIAL_ASSISTANCE:
        data["reflection_ends_on"] = case.reflection_ends_on.isoformat()  # type: ignore[union-attr]
    timeline_add(
        case=case, kind=TimelineEntry.Kind.STAGE, actor=actor, data=data, note=note.strip()
    )
    changed = ["stage"]
    changed += ["closing_reason", "closed_at"] if to_stage == Stage.CLOSED else []
    changed += (
        ["reflection_starts_on", "reflection_ends_on"]
        if to_stage == Stage.INITIAL_ASSISTANCE
        else []
    )
    audit_record(
        actor=actor, action=AuditEntry.Action.CHANGE, target=case, fields=changed, request=request
    )
    return case


def _stage_label(code: str) -> str:
    return str(Stage(code).label) if code in Stage.values else code


def _check_closing(case: Case, *, closing_reason: str, note: str) -> None:
    if case.stage == Stage.CLOSED:
        raise ValidationError({"to_stage": _("The case is already closed.")})
    if closing_reason not in Case.ClosingReason.values:
        raise ValidationError({"closing_reason": _("Choose why the case is closed.")})
    if closing_reason == Case.ClosingReason.OTHER and not note.strip():
        raise ValidationError({"note": _("Describe the reason for closing.")})


def _assistance_consent(
    actor: Any, case: Case, override_reason: str, request: HttpRequest | None
) -> None:
    consent_required(
        actor=actor,
        case=case,
        scope=ConsentScope.ASSISTANCE,
        action="assistance",
        override_reason=override_reason,
        request=request,
    )
