"""Placement, check-in, check-out, transfer and capacity changes: every write of this app.

Each service takes the acting user, checks the permission and the visibility of the case itself
(raising PermissionDenied and writing nothing), and runs in one transaction with its timeline
line, audit entries, access grant and occupancy history.

Beds are counted on the shelter's row (directory.Shelter.occupied) and taken with one
conditional UPDATE (`SET occupied = occupied + 1 WHERE occupied < capacity`): PostgreSQL locks
the row and re-checks the condition for a writer that waited, and SQLite runs each transaction
under BEGIN IMMEDIATE (settings), so of fifty people placed at once in ten free beds exactly ten
get one. The check constraint `occupied <= capacity` refuses an overbooked row whatever the code
does. Lock order, to keep PostgreSQL free of deadlocks: case, placement, shelter rows (by id),
then the audit chain (audit_record).
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record
from strehe.cases.models import AccessGrant, Case, Stage, TimelineEntry
from strehe.cases.policies import case_policy
from strehe.cases.services._acts import act_recorded, created, locked
from strehe.cases.services._grants import grant_start, grants_end
from strehe.directory.models import Shelter

from .eligibility import current_risk_level, person_reasons, risk_reason
from .models import OccupancyChange, Placement, ShelterKindRule

SHELTER_FULL = "shelter_full"
# A rule of eligibility excludes the shelter (eligibility.py); each message names the rule.
NOT_ELIGIBLE = "not_eligible"
# More beds than any shelter has: a bound, so that a typing slip cannot claim a thousand beds.
MAX_CAPACITY = 500


def shelter_agency(shelter: Shelter) -> Agency | None:
    """The agency whose staff work in `shelter` (the agency of its operator), if any."""
    if shelter.operator_id is None:
        return None
    return Agency.objects.filter(organisation_id=shelter.operator_id, is_active=True).first()


def works_in(user: Any, shelter: Shelter) -> bool:
    """Whether `user` is staff of the organisation that runs `shelter`."""
    return (
        user is not None
        and getattr(user, "agency_id", None) is not None
        and shelter.operator_id is not None
        and user.agency.organisation_id == shelter.operator_id
    )


def _require_shelter_staff(actor: Any, placement: Placement) -> None:
    if actor is None or not actor.has_role_permission(Permission.MANAGE_RESIDENTS):
        raise PermissionDenied
    if not works_in(actor, placement.shelter):
        raise PermissionDenied
    case_policy.require(actor, Permission.VIEW_PERSONAL_DATA, placement.case)


def _occupancy_recorded(shelter_id: int, event: str) -> None:
    row = Shelter.objects.values("capacity", "occupied").get(pk=shelter_id)
    OccupancyChange.objects.create(shelter_id=shelter_id, event=event, **row)


def _bed_taken(shelter: Shelter) -> None:
    """Take a bed in `shelter` or refuse with "shelter full": one conditional UPDATE."""
    taken = Shelter.objects.filter(pk=shelter.pk, occupied__lt=F("capacity")).update(
        occupied=F("occupied") + 1
    )
    if not taken:
        raise ValidationError(
            {"shelter": ValidationError(_("This shelter is full: no free bed."), code=SHELTER_FULL)}
        )


def _bed_freed(shelter_id: int) -> None:
    Shelter.objects.filter(pk=shelter_id).update(occupied=F("occupied") - 1)


def _locked_placement(placement: Placement) -> Placement:
    return (
        Placement.objects.select_for_update()
        .select_related("case", "shelter", "person")
        .get(pk=placement.pk)
    )


def _place(
    *, actor: Any, case: Case, shelter: Shelter, transferred_from: Placement | None = None
) -> Placement:
    """Place the person of `case` in `shelter`; call inside the act's transaction, checked."""
    case = locked(case)
    if case.stage == Stage.CLOSED:
        raise ValidationError({"shelter": _("The case is closed: reopen it before placing.")})
    shelter = Shelter.objects.get(pk=shelter.pk)
    rules = {rule.kind: rule for rule in ShelterKindRule.objects.all()}
    reasons = [risk_reason(current_risk_level(case), shelter, rules)]
    reasons += person_reasons(case.person, shelter, timezone.localdate())
    reasons = [reason for reason in reasons if reason]
    if reasons:
        raise ValidationError(
            {"shelter": [ValidationError(reason, code=NOT_ELIGIBLE) for reason in reasons]}
        )
    already = _("This person already lives in a shelter: transfer them, or check them out first.")
    if Placement.objects.filter(person_id=case.person_id, checked_out_at=None).exists():
        raise ValidationError({"shelter": already})
    _bed_taken(shelter)
    placement = Placement(
        case=case,
        person_id=case.person_id,
        shelter=shelter,
        placed_by=actor if getattr(actor, "pk", None) else None,
        transferred_from=transferred_from,
    )
    try:
        with transaction.atomic():
            placement.save(force_insert=True)
    except IntegrityError:
        # Another placement of the same person committed first (the partial unique index).
        raise ValidationError({"shelter": already}) from None
    agency = shelter_agency(shelter)
    if agency is not None:
        grant = grant_start(
            actor=actor, case=case, basis=AccessGrant.Basis.PLACEMENT, agency=agency
        )
        placement.grant = grant
        placement.save(update_fields=["grant"])
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.PLACEMENT,
        target=placement,
        action=AuditEntry.Action.CREATE,
        fields=["shelter", "placed_at"],
        data={"event": "placed", "shelter": shelter.pk},
    )
    if placement.grant_id:
        created(actor, placement.grant, ["case", "basis", "agency"])  # type: ignore[arg-type]
    _occupancy_recorded(shelter.pk, OccupancyChange.Event.PLACED)
    return placement


def _check_out(*, actor: Any, placement: Placement, reason: str, note: str = "") -> Placement:
    """End `placement` (locked, open), free its bed and end the shelter staff's access."""
    if reason not in Placement.CheckOutReason.values:
        raise ValidationError({"reason": _("Choose why the person leaves.")})
    placement.checked_out_at = max(timezone.now(), placement.placed_at)
    placement.checked_out_by = actor if getattr(actor, "pk", None) else None
    placement.check_out_reason = reason
    placement.check_out_note = note.strip() or None  # type: ignore[assignment]
    try:
        placement.full_clean(exclude=["case", "person", "shelter", "grant", "transferred_from"])
    except ValidationError as error:
        raise ValidationError(
            {("note" if k == "check_out_note" else k): v for k, v in error.message_dict.items()}
        ) from None
    fields = ["checked_out_at", "checked_out_by", "check_out_reason", "check_out_note"]
    placement.save(update_fields=fields)
    _bed_freed(placement.shelter_id)
    if placement.grant_id:
        grants_end(
            actor=actor,
            grants=AccessGrant.objects.filter(pk=placement.grant_id),
            cause=AccessGrant.EndCause.CHECKED_OUT,
        )
    act_recorded(
        actor=actor,
        case=placement.case,
        kind=TimelineEntry.Kind.PLACEMENT,
        target=placement,
        fields=fields,
        data={"event": "checked_out", "shelter": placement.shelter_id, "reason": reason},
        note=note.strip(),
    )
    _occupancy_recorded(placement.shelter_id, OccupancyChange.Event.CHECKED_OUT)
    return placement


def _open(placement: Placement) -> None:
    if not placement.is_open:
        raise ValidationError(_("This stay has ended already."))


@transaction.atomic
def placement_create(*, actor: Any, case: Case, shelter: Shelter) -> Placement:
    """Place the person of `case` in `shelter`, taking a bed and giving its staff access.

    Refused with a field error when a rule excludes the shelter (eligibility), when it is full
    (code SHELTER_FULL) or when the person already has an open placement."""
    case_policy.require(actor, Permission.PLACE_IN_SHELTER, case)
    return _place(actor=actor, case=case, shelter=shelter)


@transaction.atomic
def placement_check_in(*, actor: Any, placement: Placement) -> Placement:
    """The person arrived: by the shelter's own staff."""
    _require_shelter_staff(actor, placement)
    placement = _locked_placement(placement)
    _open(placement)
    if placement.checked_in_at is not None:
        raise ValidationError(_("The person was checked in already."))
    placement.checked_in_at = max(timezone.now(), placement.placed_at)
    placement.checked_in_by = actor
    placement.save(update_fields=["checked_in_at", "checked_in_by"])
    act_recorded(
        actor=actor,
        case=placement.case,
        kind=TimelineEntry.Kind.PLACEMENT,
        target=placement,
        fields=["checked_in_at", "checked_in_by"],
        data={"event": "checked_in", "shelter": placement.shelter_id},
    )
    return placement


@transaction.atomic
def placement_check_out(
    *, actor: Any, placement: Placement, reason: str, note: str = ""
) -> Placement:
    """The person leaves: by the shelter's staff or by a worker who may place (with a reason).
    Frees the bed and ends the shelter staff's access in the same transaction."""
    case_policy.require(actor, Permission.CHECK_OUT, placement.case)
    if actor.has_role_permission(Permission.MANAGE_RESIDENTS) and not works_in(
        actor, placement.shelter
    ):
        raise PermissionDenied
    if reason == Placement.CheckOutReason.TRANSFERRED:
        raise ValidationError({"reason": _("A transfer is made on the transfer page.")})
    placement = _locked_placement(placement)
    _open(placement)
    return _check_out(actor=actor, placement=placement, reason=reason, note=note)


@transaction.atomic
def placement_transfer(
    *, actor: Any, placement: Placement, shelter: Shelter, note: str = ""
) -> Placement:
    """Check out of one shelter and into another, both or neither: returns the new placement."""
    case_policy.require(actor, Permission.PLACE_IN_SHELTER, placement.case)
    if shelter.pk == placement.shelter_id:
        raise ValidationError({"shelter": _("The person lives in this shelter already.")})
    locked(placement.case)
    placement = _locked_placement(placement)
    _open(placement)
    # Both shelter rows in id order, so that two opposite transfers cannot deadlock.
    list(
        Shelter.objects.select_for_update()
        .filter(pk__in=[shelter.pk, placement.shelter_id])
        .order_by("pk")
    )
    old = _check_out(
        actor=actor, placement=placement, reason=Placement.CheckOutReason.TRANSFERRED, note=note
    )
    return _place(actor=actor, case=old.case, shelter=shelter, transferred_from=old)


def may_change_capacity(user: Any, shelter: Shelter) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.has_role_permission(Permission.MANAGE_REFERENCE_DATA):
        return True
    return user.has_role_permission(Permission.MANAGE_RESIDENTS) and works_in(user, shelter)


@transaction.atomic
def shelter_capacity_change(*, actor: Any, shelter: Shelter, capacity: int) -> Shelter:
    """Set the beds of `shelter`; never below the beds occupied (one conditional UPDATE)."""
    if not may_change_capacity(actor, shelter):
        raise PermissionDenied
    if not 0 <= capacity <= MAX_CAPACITY:
        raise ValidationError(
            {"capacity": _("Enter a number of beds from 0 to %(max)s.") % {"max": MAX_CAPACITY}}
        )
    changed = Shelter.objects.filter(pk=shelter.pk, occupied__lte=capacity).update(
        capacity=capacity
    )
    if not changed:
        occupied = Shelter.objects.values_list("occupied", flat=True).get(pk=shelter.pk)
        raise ValidationError(
            {
                "capacity": _("%(occupied)s beds are occupied; the capacity cannot be lower.")
                % {"occupied": occupied}
            }
        )
    shelter.refresh_from_db()
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, target=shelter, fields=["capacity"])
    _occupancy_recorded(shelter.pk, OccupancyChange.Event.CAPACITY)
    return shelter


def occupancy_disagreements() -> list[tuple[Shelter, int]]:
    """Shelters whose counter differs from their open placements: (shelter, open placements)."""
    from django.db.models import Count, Q

    shelters = Shelter.objects.annotate(
        open_placements=Count("placements", filter=Q(placements__checked_out_at=None))
    ).order_by("slug")
    return [(s, s.open_placements) for s in shelters if s.open_placements != s.occupied]


@transaction.atomic
def occupancy_recount() -> list[tuple[Shelter, int]]:
    """Set each disagreeing counter to its open placements (a repair, audited per shelter)."""
    repaired = []
    for shelter, count in occupancy_disagreements():
        Shelter.objects.select_for_update().filter(pk=shelter.pk).update(occupied=count)
        audit_record(
            actor=None, action=AuditEntry.Action.CHANGE, target=shelter, fields=["occupied"]
        )
        _occupancy_recorded(shelter.pk, OccupancyChange.Event.RECOUNTED)
        repaired.append((shelter, count))
    return repaired
