"""Who works on a case and which agency owns it: assigning, reassigning, unassigning a worker,
and transferring the case to another agency.

Each is a change of access grants (models.AccessGrant) with its timeline line and audit entry, in
one transaction. Who may do them is case_policy.may_assign: coordinators (the national view) and
the owning agency's staff whose role works on cases.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from ..models import AccessGrant, Case, Consent, ConsentScope, Stage, TimelineEntry
from ..policies import case_policy
from ._acts import act_recorded, locked
from ._grants import grant_start, grants_end
from .access import assignment_change
from .consent import consent_required


def _open_case_check(case: Case, field: str) -> None:
    if case.stage == Stage.CLOSED:
        raise ValidationError({field: _("The case is closed; nobody works on it any more.")})


@transaction.atomic
def case_assign(*, actor: Any, case: Case, worker: Any) -> Case:
    """Make `worker` the case's assigned worker (None: nobody). The previous worker's personal
    grant ends (cause "reassigned"); the new one gets their own, so the case is in their My work.

    The worker must be of an agency holding a grant in force on the case, active, and of a role
    that works on cases (access.assignee_check)."""
    # Checked on the locked row: a transfer at the same moment may have changed the owner.
    case = locked(case)
    case_policy.require_assign(actor, case)
    _open_case_check(case, "assigned_worker")
    new_id = worker.pk if worker is not None else None
    if new_id == case.assigned_worker_id:
        raise ValidationError(
            {
                "assigned_worker": _("This person is the assigned worker already.")
                if worker is not None
                else _("Nobody is assigned to the case.")
            }
        )
    case.assigned_worker = worker
    case.save(update_fields=["assigned_worker"])
    audit_record(
        actor=actor, action=AuditEntry.Action.CHANGE, target=case, fields=["assigned_worker"]
    )
    assignment_change(actor=actor, case=case, worker=worker)
    return case


@transaction.atomic
def case_transfer(
    *, actor: Any, case: Case, agency: Agency, override_reason: str = "", note: str = ""
) -> Case:
    """Make `agency` the owner of the case.

    The receiving agency must be one the person agreed to share with (a consent to share in
    force), unless a role that may override consent gives a reason (consent_required). The new
    owner's grant starts; the previous owner's grant ends (cause "transferred"), and with it the
    grant of a worker assigned as the previous owner's member. A sharing grant the receiving
    agency held ends too: it owns the case now.
    """
    case = locked(case)
    case_policy.require_assign(actor, case)
    _open_case_check(case, "agency")
    if agency.pk == case.owner_agency_id:
        raise ValidationError({"agency": _("This agency owns the case already.")})
    if not agency.is_active:
        raise ValidationError({"agency": _("This agency no longer works in the system.")})
    basis_record = consent_required(
        actor=actor,
        case=case,
        scope=ConsentScope.SHARING,
        agency=agency,
        action="transfer",
        override_reason=override_reason,
    )
    previous_owner_id = case.owner_agency_id
    case.owner_agency = agency
    case.full_clean(exclude=["code"])
    case.save(update_fields=["owner_agency"])
    grant_start(actor=actor, case=case, basis=AccessGrant.Basis.OWNER, agency=agency)
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.TRANSFERRED,
        fields=["owner_agency"],
        data={
            "agency": agency.pk,
            "from_agency": previous_owner_id,
            "basis": "consent" if isinstance(basis_record, Consent) else "override",
        },
        note=note.strip(),
    )
    grants_end(
        actor=actor,
        grants=case.grants.filter(basis__in=AccessGrant.SHARING, agency=agency, user__isnull=True),
        cause=AccessGrant.EndCause.TRANSFERRED,
    )
    grants_end(
        actor=actor,
        grants=case.grants.filter(
            basis=AccessGrant.Basis.OWNER, agency_id=previous_owner_id, user__isnull=True
        ),
        cause=AccessGrant.EndCause.TRANSFERRED,
        note=note,
    )
    case.refresh_from_db(fields=["assigned_worker"])
    return case
