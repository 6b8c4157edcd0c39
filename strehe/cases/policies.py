"""Need-to-know: who may see which case and person.

One rule per kind of record, written once as a queryset filter (a Q of clauses, each one reason to
see a record). "May this user see this record" is answered by the same filter, so a list can never
show what a detail page refuses, or the other way round.

Clauses today: the assigned worker, the agency that owns the case, an agency the case was shared
with, the coordinator's national view. The referral and placement issues add their clauses to
`_case_clauses` (a person placed in the user's shelter); nothing here pretends they exist yet.
"""

from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet

from strehe.accounts.roles import Permission

from .models import Case, Person

NOTHING = Q(pk__in=[])


def _case_clauses(user: Any) -> list[Q]:
    clauses = [Q(assigned_worker_id=user.pk)]
    if user.agency_id is not None:
        clauses.append(Q(owner_agency_id=user.agency_id))
        clauses.append(Q(shares__agency_id=user.agency_id))
    return clauses


def case_access_q(user: Any) -> Q:
    """The cases `user` may see, as a filter on Case."""
    if not user.is_authenticated or not user.has_role_permission(Permission.VIEW_PERSONAL_DATA):
        return NOTHING
    if user.has_role_permission(Permission.VIEW_ALL_CASES):
        return Q()
    return reduce(or_, _case_clauses(user))


def cases_visible_to(user: Any) -> QuerySet[Case]:
    # The sharing clause joins a to-many relation; filtering by ids keeps each case once.
    return Case.objects.filter(pk__in=Case.objects.filter(case_access_q(user)).values("pk"))


def may_view_case(user: Any, case: Case) -> bool:
    return cases_visible_to(user).filter(pk=case.pk).exists()


def persons_visible_to(user: Any) -> QuerySet[Person]:
    """A person is visible through any case about them that the user may see."""
    return Person.objects.filter(pk__in=cases_visible_to(user).values("person_id"))


def may_view_person(user: Any, person: Person) -> bool:
    return persons_visible_to(user).filter(pk=person.pk).exists()


def may_act_on_case(user: Any, case: Case, permission: Permission) -> bool:
    """A case-changing act: the role allows it and the case is one the user may see."""
    return user.has_role_permission(permission) and may_view_case(user, case)


def may_view_access_log(user: Any, case: Case) -> bool:
    """Who has seen a case: for coordinators, and only for cases they may see."""
    return user.has_role_permission(Permission.VIEW_ACCESS_LOG) and may_view_case(user, case)
