"""The case summary printed or downloaded as PDF for a court or shelter hand-over.

A copy on paper leaves the system's access control behind, so each one is audited (an "exported"
entry naming the format) on top of the usual view entry of the case's personal data.
"""

from typing import Any, Literal

from django.db import transaction

from strehe.accounts.roles import Permission
from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from ..models import Case
from ..policies import case_policy

PrintFormat = Literal["print", "pdf"]


@transaction.atomic
def case_printed(*, actor: Any, case: Case, output: PrintFormat) -> None:
    """Record that `actor` read the case and took it out of the system as `output`."""
    case_policy.require(actor, Permission.VIEW_PERSONAL_DATA, case)
    audit_record(actor=actor, action=AuditEntry.Action.VIEW, target=case)
    audit_record(
        actor=actor, action=AuditEntry.Action.EXPORT, target=case, detail={"format": output}
    )
