"""Who may see a case: sharing it with an agency, stopping that, the assigned worker.

Each act starts or ends access grants (models.AccessGrant); the policy reads nothing else.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from strehe.accounts.models import Agency
from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry

from ..models import AccessGrant, Case, Consent, ConsentScope, TimelineEntry
from ..policies import case_policy
from ._acts import act_recorded, locked
from ._grants import grant_start, grants_end
from .consent import consent_required


@transaction.atomic
def case_share(*, actor: Any, case: Case, agency: Agency, override_reason: str = "") -> AccessGrant:
    """Let `agency`'s staff see the case; needs the person's consent to share with it, or an
    override with a reason by a role that may give one."""
    case_policy.require(actor, Permission.MANAGE_CASE, case)
    case = locked(case)
    return share_start(actor=actor, case=case, agency=agency, override_reason=override_reason)


def share_start(
    *, actor: Any, case: Case, agency: Agency, override_reason: str = ""
) -> AccessGrant:
    """Share once the consent holds (or is overridden); the caller checked the actor."""
    if (
        agency.pk == case.owner_agency_id
        or case.grants.filter(agency=agency, user__isnull=True, ended_at__isnull=True).exists()
    ):
        raise ValidationError({"agency": _("This agency can already see the case.")})
    basis_record = consent_required(
        actor=actor,
        case=case,
        scope=ConsentScope.SHARING,
        agency=agency,
        action="share",
        override_reason=override_reason,
    )
    if isinstance(basis_record, Consent):
        basis, consent, override = AccessGrant.Basis.CONSENT, basis_record, None
    else:
        basis, consent, override = AccessGrant.Basis.OVERRIDE, None, basis_record
    grant = grant_start(
        actor=actor,
        case=case,
        basis=basis,
        agency=agency,
        consent=consent,
        override=override,
    )
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.SHARED,
        target=grant,
        action=AuditEntry.Action.CREATE,
        fields=["basis", "agency", "consent" if consent else "override"],
        data={"agency": agency.pk, "basis": grant.basis},
    )
    return grant


@transaction.atomic
def case_share_end(*, actor: Any, grant: AccessGrant, reason: str) -> AccessGrant:
    """Stop sharing the case with an agency ("stop sharing"), saying why.

    The person's consent stays as it is: they may still agree to share later, or again.
    """
    case_policy.require(actor, Permission.MANAGE_CASE, grant.case)
    if grant.basis not in AccessGrant.SHARING:
        raise ValidationError({"grant": _("Only sharing with another agency can be stopped here.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why sharing ends.")})
    ended = grants_end(
        actor=actor,
        grants=AccessGrant.objects.filter(pk=grant.pk),
        cause=AccessGrant.EndCause.SHARING_STOPPED,
        note=reason,
    )
    if not ended:
        raise ValidationError({"grant": _("Sharing with this agency has already ended.")})
    return ended[0]


def owner_grant_start(*, actor: Any, case: Case) -> AccessGrant:
    """The owning agency's grant, given when the case is opened."""
    return grant_start(
        actor=actor, case=case, basis=AccessGrant.Basis.OWNER, agency=case.owner_agency
    )


def worker_check(case: Case, worker: Any) -> None:
    """The assigned worker belongs to an agency that holds a grant in force on the case: the
    owning agency, or one the case is shared with (by consent or an override).

    The personal grant is held as a member of that agency and ends with the agency's last grant
    on the case (grants_end), so it never outlives a withdrawn consent or a stopped share.
    """
    if worker.agency_id is None:
        raise ValidationError({"assigned_worker": _("Assign someone who belongs to an agency.")})
    if not case.grants.filter(
        agency_id=worker.agency_id, user__isnull=True, ended_at__isnull=True
    ).exists():
        raise ValidationError(
            {
                "assigned_worker": _(
                    "Assign someone of an agency that may see the case: the owning agency or "
                    "one it is shared with. To let another agency's staff work on it, share it "
                    "with their agency first."
                )
            }
        )


def assignee_check(case: Case, worker: Any) -> None:
    """Beyond worker_check, when a case is assigned after it was opened: someone active whose
    role works on cases (case_policy.assignable_workers, the list the assignment page offers)."""
    worker_check(case, worker)
    if not case_policy.assignable_workers(case).filter(pk=worker.pk).exists():
        raise ValidationError(
            {
                "assigned_worker": _(
                    "Assign someone whose role works on cases and whose account is active."
                )
            }
        )


def assigned_grant_start(*, actor: Any, case: Case, worker: Any) -> AccessGrant:
    """The assigned worker's personal grant, held as a member of their agency."""
    worker_check(case, worker)
    return grant_start(
        actor=actor, case=case, basis=AccessGrant.Basis.ASSIGNED, agency=worker.agency, user=worker
    )


def assignment_change(*, actor: Any, case: Case, worker: Any) -> None:
    """End the previous worker's grant and give one to `worker` (None: nobody assigned), with
    the timeline line of the change. Call inside the transaction of the change, which has set
    case.assigned_worker; an exception here rolls all of it back.

    Only those who may assign (case_policy.may_assign: the owning agency, a coordinator) change
    the worker, whichever service they go through."""
    case_policy.require_assign(actor, case)
    if worker is not None:
        assignee_check(case, worker)
    grants_end(
        actor=actor,
        grants=case.grants.filter(basis=AccessGrant.Basis.ASSIGNED),
        cause=AccessGrant.EndCause.REASSIGNED,
    )
    if worker is not None:
        grant_start(
            actor=actor,
            case=case,
            basis=AccessGrant.Basis.ASSIGNED,
            agency=worker.agency,
            user=worker,
        )
    act_recorded(
        actor=actor,
        case=case,
        kind=TimelineEntry.Kind.ASSIGNED,
        fields=["assigned_worker"],
        data={"worker": worker.pk if worker is not None else None},
    )
