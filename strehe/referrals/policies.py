"""Who may see a referral and who may take each step of it.

A referral is seen by those who may see its case (the sending side, the national view, and the
receiving agency once it accepted: its grant opens the case), and, while it waits for an answer,
by the receiving agency's staff who see personal data: as a summary without identifying data.
Declined, revoked and completed referrals are no longer seen by the receiver at all.
"""

from typing import Any

from django.db.models import Q, QuerySet

from strehe.accounts.roles import Permission
from strehe.cases.models import Case
from strehe.cases.policies import case_policy

from .models import Referral


class ReferralPolicy:
    def _waiting_for(self, user: Any) -> Q:
        """Referrals waiting for `user`'s agency to answer."""
        if user.agency_id is None:
            return Q(pk__in=[])
        return Q(receiving_agency_id=user.agency_id, state=Referral.State.SENT)

    def visible_to(self, user: Any) -> QuerySet[Referral]:
        if not (user.is_authenticated and user.has_role_permission(Permission.VIEW_PERSONAL_DATA)):
            return Referral.objects.none()
        return Referral.objects.filter(
            Q(case__in=case_policy.visible_to(user)) | self._waiting_for(user)
        )

    def cases_reachable(self, user: Any) -> QuerySet[Case]:
        """Cases whose referral pages `user` may open: those they see, and those referred to
        their agency and waiting for an answer (whose pages show the summary only)."""
        return Case.objects.filter(
            Q(pk__in=case_policy.visible_to(user).values("pk"))
            | Q(pk__in=self.visible_to(user).values("case_id"))
        )

    def sees_case(self, user: Any, referral: Referral) -> bool:
        """Whether `user` sees the case itself, or only the summary of the referral."""
        return case_policy.may_view(user, referral.case)

    def may_answer(self, user: Any, referral: Referral) -> bool:
        """Accept, decline or complete: staff of the receiving agency who work on cases."""
        return (
            user.has_role_permission(Permission.MANAGE_CASE)
            and user.agency_id is not None
            and user.agency_id == referral.receiving_agency_id
        )

    def may_revoke(self, user: Any, referral: Referral) -> bool:
        """Revoke: staff of the referring agency who may work on the case."""
        return user.agency_id == referral.sending_agency_id and case_policy.may(
            user, Permission.MANAGE_CASE, referral.case
        )


referral_policy = ReferralPolicy()
