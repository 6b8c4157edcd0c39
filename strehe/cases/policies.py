"""Need-to-know: who may see which case and person, and who may act on it.

One policy object per kind of record (after Wagtail's permission policies) answers both "which
records may this user see" (a queryset) and "may this user do X to this record", from the same
rule, so that a list can never show what a detail page refuses, or the other way round.

For cases the rule is: the access grants in force (models.AccessGrant). A user sees a case when
their role may see personal data and either their role has the national view, or a grant in force
names their agency (the whole agency's grant), or names them as a member of the agency they
still belong to (the assigned worker's grant). A shelter's staff (roles.PLACEMENT_ONLY_ROLES) count
placement grants only: they see the people living in their shelter and nothing else. Nothing
else opens a case: not superuser status, not a share that was ended, not a grant of an agency the
user has left.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from strehe.accounts.models import User
from strehe.accounts.roles import PLACEMENT_ONLY_ROLES, Permission, roles_with

from .models import AccessGrant, Case, CasePart, Person

ALL_PARTS = frozenset(CasePart.values)


class CasePolicy:
    def _may_see_personal_data(self, user: Any) -> bool:
        return bool(user.is_authenticated) and user.has_role_permission(
            Permission.VIEW_PERSONAL_DATA
        )

    def grants_of(self, user: Any) -> QuerySet[AccessGrant]:
        """The grants in force that let `user` see a case (not counting the national view)."""
        if user.agency_id is None:
            return AccessGrant.objects.none()
        grants = AccessGrant.objects.filter(
            Q(user__isnull=True) | Q(user_id=user.pk),
            ended_at__isnull=True,
            agency_id=user.agency_id,
        )
        if user.role in PLACEMENT_ONLY_ROLES:
            grants = grants.filter(basis=AccessGrant.Basis.PLACEMENT)
        return grants

    def visible_to(self, user: Any) -> QuerySet[Case]:
        """The cases `user` may see."""
        if not self._may_see_personal_data(user):
            return Case.objects.none()
        if user.has_role_permission(Permission.VIEW_ALL_CASES):
            return Case.objects.all()
        return Case.objects.filter(pk__in=self.grants_of(user).values("case_id"))

    def may_view(self, user: Any, case: Case) -> bool:
        return self.visible_to(user).filter(pk=case.pk).exists()

    def visible_parts(self, user: Any, case: Case) -> frozenset[str]:
        """The parts of `case` (CasePart codes) `user` may see: every part through the national
        view or any grant without a list of parts (owner, assigned, sharing); otherwise the
        union of the parts its grants name (a referral's grant names those its sender chose).
        Empty for a case the user may not see. The case page, the API and any printout ask
        this one question, so what each hides cannot differ."""
        if not self._may_see_personal_data(user):
            return frozenset()
        if user.has_role_permission(Permission.VIEW_ALL_CASES):
            return ALL_PARTS
        parts: set[str] = set()
        for grant_parts in self.grants_of(user).filter(case=case).values_list("parts", flat=True):
            if grant_parts is None:
                return ALL_PARTS
            parts.update(grant_parts)
        return frozenset(parts & ALL_PARTS)

    def require_part(self, user: Any, case: Case, part: str) -> None:
        """What a service that shows or changes one part of a case calls (a correction of the
        person's identity, the narrative, a note, an event): PermissionDenied unless `user`
        may see that part."""
        if user is None or part not in self.visible_parts(user, case):
            raise PermissionDenied

    def visible_with_part(self, user: Any, part: str) -> QuerySet[Case]:
        """The cases `user` may see including `part`: what a search by name or birth date
        may list (a case shared without identity must not be found by its person's name)."""
        visible = self.visible_to(user)
        if user.has_role_permission(Permission.VIEW_ALL_CASES):
            return visible
        grants = self.grants_of(user)
        with_part = [
            case_id
            for case_id, parts in grants.filter(parts__isnull=False).values_list("case_id", "parts")
            if part in (parts or [])
        ]
        return visible.filter(
            Q(pk__in=grants.filter(parts__isnull=True).values("case_id")) | Q(pk__in=with_part)
        )

    def may(self, user: Any, permission: Permission, case: Case) -> bool:
        """A case-changing act: the role allows it and the case is one the user may see."""
        return user.has_role_permission(permission) and self.may_view(user, case)

    def require(self, user: Any, permission: Permission, case: Case) -> None:
        """What a service calls first: raise PermissionDenied unless `user` may do this."""
        if user is None or not self.may(user, permission, case):
            raise PermissionDenied

    def users_with_access(
        self, case: Case, permission: Permission = Permission.VIEW_PERSONAL_DATA
    ) -> QuerySet[User]:
        """Active users who may see `case` and whose role has `permission`."""
        grant_in_force = AccessGrant.objects.filter(
            Q(user__isnull=True) | Q(user_id=OuterRef("pk")),
            case=case,
            ended_at__isnull=True,
            agency_id=OuterRef("agency_id"),
        )
        placement_in_force = grant_in_force.filter(basis=AccessGrant.Basis.PLACEMENT)
        national = roles_with(Permission.VIEW_ALL_CASES)
        return User.objects.filter(
            Q(role__in=national)
            | (~Q(role__in=PLACEMENT_ONLY_ROLES) & Exists(grant_in_force))
            | (Q(role__in=PLACEMENT_ONLY_ROLES) & Exists(placement_in_force)),
            is_active=True,
            role__in=roles_with(permission) & roles_with(Permission.VIEW_PERSONAL_DATA),
        )

    def may_assign(self, user: Any, case: Case) -> bool:
        """Assigning a worker, reassigning, unassigning, and transferring the case to another
        agency: the national view's coordinators, and the owning agency's staff whose role works
        on cases. An agency the case is shared with works on it but does not decide who does."""
        if user is None or not self.may_view(user, case):
            return False
        if user.has_role_permission(Permission.VIEW_ALL_CASES):
            return True
        return (
            user.has_role_permission(Permission.MANAGE_CASE)
            and user.agency_id == case.owner_agency_id
        )

    def require_assign(self, user: Any, case: Case) -> None:
        if not self.may_assign(user, case):
            raise PermissionDenied

    def assignable_workers(self, case: Case) -> QuerySet[User]:
        """Who may be the assigned worker of `case`: active users whose role works on cases,
        of an agency that holds a grant in force on it (the owner, an agency it is shared with).
        Their personal grant ends when their agency's last grant on the case ends."""
        agencies_in_force = AccessGrant.objects.filter(
            case=case, user__isnull=True, ended_at__isnull=True
        ).values("agency_id")
        return User.objects.filter(
            is_active=True,
            agency_id__in=agencies_in_force,
            role__in=roles_with(Permission.MANAGE_CASE) & roles_with(Permission.VIEW_PERSONAL_DATA),
        )

    def may_view_access_log(self, user: Any, case: Case) -> bool:
        """Who has seen a case: for coordinators, and only for cases they may see."""
        return self.may(user, Permission.VIEW_ACCESS_LOG, case)


class PersonPolicy:
    """A person is visible through any case about them that the user may see."""

    def visible_to(self, user: Any) -> QuerySet[Person]:
        return Person.objects.filter(pk__in=case_policy.visible_to(user).values("person_id"))

    def may_view(self, user: Any, person: Person) -> bool:
        return self.visible_to(user).filter(pk=person.pk).exists()


case_policy = CasePolicy()
person_policy = PersonPolicy()
