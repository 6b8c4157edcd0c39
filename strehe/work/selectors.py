"""The lists of My work. Each reads through the need-to-know policies (cases.policies,
helpline.policies), so that My work never names a case or a contact its user may not open.

Lines carry codes and short labels only (stage, kind, channel), never a person's name: the
names stay on the case page, where each view is logged.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from strehe.accounts.roles import Permission
from strehe.cases.models import AccessGrant, Case, FollowUp, Stage
from strehe.cases.policies import case_policy
from strehe.cases.stages import REFLECTION_WARNING_DAYS
from strehe.helpline.models import Contact, ContactFollowUp
from strehe.helpline.policies import contact_policy
from strehe.shelters.models import Placement
from strehe.shelters.selectors import residents_of

# Each list is for reading at a glance; beyond this the case list and its filters take over.
LIST_LIMIT = 100


def cases_assigned_to(user: Any) -> QuerySet[Case]:
    """Open cases whose assigned worker is `user` (by the personal grant in force)."""
    assigned = AccessGrant.objects.filter(
        case=OuterRef("pk"), basis=AccessGrant.Basis.ASSIGNED, user_id=user.pk, ended_at=None
    )
    return (
        case_policy.visible_to(user)
        .filter(Exists(assigned))
        .exclude(stage=Stage.CLOSED)
        .order_by("-opened_at", "-pk")
    )


def grants_newly_shared(user: Any, since: datetime.datetime) -> QuerySet[AccessGrant]:
    """Sharings in force with `user`'s agency that began after `since`, newest first."""
    if user.agency_id is None:
        return AccessGrant.objects.none()
    return (
        AccessGrant.objects.filter(
            basis__in=AccessGrant.SHARING,
            agency_id=user.agency_id,
            ended_at=None,
            granted_at__gt=since,
            case__in=case_policy.visible_to(user),
        )
        .select_related("case")
        .order_by("-granted_at", "-pk")
    )


def follow_ups_due(user: Any, today: datetime.date) -> QuerySet[FollowUp]:
    """Follow-ups assigned to `user`, not done, due today or before, on cases they may see."""
    return (
        FollowUp.objects.filter(
            assignee_id=user.pk,
            done_at=None,
            due_on__lte=today,
            case__in=case_policy.visible_to(user),
        )
        .exclude(case__stage=Stage.CLOSED)
        .select_related("case")
        .order_by("due_on", "due_time", "pk")
    )


def reflection_periods_ending(user: Any, today: datetime.date) -> QuerySet[Case]:
    """Cases `user` may see, still in initial assistance, whose reflection period ends within
    REFLECTION_WARNING_DAYS days or has ended already (a decision is late)."""
    until = today + datetime.timedelta(days=REFLECTION_WARNING_DAYS)
    return (
        case_policy.visible_to(user)
        .filter(stage=Stage.INITIAL_ASSISTANCE, reflection_ends_on__lte=until)
        .order_by("reflection_ends_on", "pk")
    )


def contacts_today(user: Any, today: datetime.date) -> QuerySet[Contact]:
    """Today's helpline contacts of `user`'s agency, for those who log contacts."""
    if not user.has_role_permission(Permission.LOG_CONTACT):
        return Contact.objects.none()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    return (
        contact_policy.visible_to(user)
        .filter(Q(contacted_at__gte=start), Q(contacted_at__lt=start + datetime.timedelta(days=1)))
        .select_related("case")
        .order_by("-contacted_at", "-pk")
    )


def call_backs_due(user: Any, today: datetime.date) -> QuerySet[ContactFollowUp]:
    """Call-backs on contacts `user` may see, not done, due today or before, assigned to them or
    to nobody yet (an unassigned call-back is the whole desk's), for those who log contacts."""
    if not user.has_role_permission(Permission.LOG_CONTACT):
        return ContactFollowUp.objects.none()
    return (
        ContactFollowUp.objects.filter(
            Q(assignee_id=user.pk) | Q(assignee__isnull=True),
            done_at=None,
            due_on__lte=today,
            contact__in=contact_policy.visible_to(user),
        )
        .select_related("contact")
        .order_by("due_on", "due_time", "pk")
    )


@dataclass(frozen=True)
class MyWork:
    assigned: list[Case]
    newly_shared: list[AccessGrant]
    follow_ups: list[tuple[FollowUp, bool]]
    reflection: list[tuple[Case, int]]
    contacts: list[Contact] | None
    call_backs: list[tuple[ContactFollowUp, bool]] | None
    may_see_cases: bool
    # A shelter's staff: the people living in their shelters (None for other roles).
    residents: list[Placement] | None = None


def my_work(user: Any, *, since: datetime.datetime, today: datetime.date) -> MyWork:
    """Everything My work shows `user`; `since` is their previous visit."""
    may_see_cases = user.has_role_permission(Permission.VIEW_PERSONAL_DATA)
    may_log = user.has_role_permission(Permission.LOG_CONTACT)
    return MyWork(
        assigned=list(cases_assigned_to(user)[:LIST_LIMIT]),
        newly_shared=list(grants_newly_shared(user, since)[:LIST_LIMIT]),
        follow_ups=[
            (follow_up, follow_up.due_on < today)
            for follow_up in follow_ups_due(user, today)[:LIST_LIMIT]
        ],
        reflection=[
            (case, (case.reflection_ends_on - today).days)  # type: ignore[operator]
            for case in reflection_periods_ending(user, today)[:LIST_LIMIT]
        ],
        contacts=list(contacts_today(user, today)[:LIST_LIMIT]) if may_log else None,
        call_backs=[
            (call_back, call_back.due_on < today)
            for call_back in call_backs_due(user, today)[:LIST_LIMIT]
        ]
        if may_log
        else None,
        may_see_cases=may_see_cases,
        residents=list(residents_of(user)[:LIST_LIMIT])
        if user.has_role_permission(Permission.MANAGE_RESIDENTS)
        else None,
    )
