"""Starting and ending access grants: the primitives the access, consent and opening services use.

The callers have checked the actor's permission and the act's rules; these only write, with the
act's timeline line and audit entry, inside the caller's transaction.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from ..models import AccessGrant, Case, Consent, ConsentOverride, TimelineEntry
from ._acts import act_recorded

END_FIELDS = ["ended_at", "ended_by", "end_cause", "end_note"]


def grant_start(
    *,
    actor: Any,
    case: Case,
    basis: str,
    agency: Agency,
    user: Any = None,
    consent: Consent | None = None,
    override: ConsentOverride | None = None,
    parts: list[str] | None = None,
) -> AccessGrant:
    """Store a grant in force; the caller's act writes its timeline line and audit entry.
    `parts`: the CasePart codes the grant opens (a referral's); None: the whole case.

    A second grant in force for the same case, basis and grantee (a double click, two users at
    once) is refused by a unique constraint, answered here as a field error instead of an
    IntegrityError."""
    grant = AccessGrant(
        case=case,
        basis=basis,
        agency=agency,
        user=user,
        consent=consent,
        override=override,
        parts=parts,
        granted_by=actor,
    )
    try:
        with transaction.atomic():
            grant.save(force_insert=True)
    except IntegrityError:
        raise ValidationError({"agency": _("This agency can already see the case.")}) from None
    return grant


def grants_end(
    *, actor: Any, grants: QuerySet[AccessGrant], cause: str, note: str = ""
) -> list[AccessGrant]:
    """End every grant in `grants` still in force, each with a timeline line and audit entry.

    Rows are locked first, so two people ending the same grant at once end it once. When an
    agency's last grant on the case ends, so does the grant of a worker assigned as its member
    (assignment_end_with_agency).
    """
    now = timezone.now()
    ended = list(grants.filter(ended_at__isnull=True).select_for_update().select_related("case"))
    for grant in ended:
        grant.ended_at = max(now, grant.granted_at)
        grant.ended_by = actor if getattr(actor, "pk", None) else None
        grant.end_cause = cause
        grant.end_note = note.strip() or None  # type: ignore[assignment]
        grant.save(update_fields=END_FIELDS)
        if grant.basis in AccessGrant.SHARING:
            act_recorded(
                actor=actor,
                case=grant.case,
                kind=TimelineEntry.Kind.SHARING_ENDED,
                target=grant,
                fields=END_FIELDS,
                data={"agency": grant.agency_id, "basis": grant.basis, "cause": cause},
                note=note.strip(),
            )
        else:
            audit_record(
                actor=actor, action=AuditEntry.Action.CHANGE, target=grant, fields=END_FIELDS
            )
    for grant in ended:
        if grant.user_id is None:
            assignment_end_with_agency(actor=actor, grant=grant, cause=cause)
    return ended


def assignment_end_with_agency(*, actor: Any, grant: AccessGrant, cause: str) -> None:
    """After an agency's grant ended: if the agency holds no other grant in force on the case,
    end the personal grant of a worker assigned as its member, and the case has no assigned
    worker any more. The worker's access rested on their agency's; it ends with it, for the
    same cause, in the same transaction."""
    case = grant.case
    if case.grants.filter(
        agency_id=grant.agency_id, user__isnull=True, ended_at__isnull=True
    ).exists():
        return
    personal = case.grants.filter(
        basis=AccessGrant.Basis.ASSIGNED, agency_id=grant.agency_id, user__isnull=False
    )
    for ended in grants_end(actor=actor, grants=personal, cause=cause):
        if Case.objects.filter(pk=case.pk, assigned_worker_id=ended.user_id).update(
            assigned_worker=None
        ):
            case.assigned_worker = None
            act_recorded(
                actor=actor,
                case=case,
                kind=TimelineEntry.Kind.ASSIGNED,
                fields=["assigned_worker"],
                data={"worker": None, "agency": grant.agency_id, "cause": cause},
            )
