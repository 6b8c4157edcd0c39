"""The shelter section of a case page: where the person lives, and the acts the user may take."""

from typing import Any

from django import template

from strehe.accounts.roles import Permission
from strehe.cases.models import Case
from strehe.cases.policies import case_policy

from ..models import Placement
from ..services import works_in

register = template.Library()


@register.inclusion_tag("shelters/case_section.html")
def placement_section(case: Case, user: Any) -> dict[str, Any]:
    placements = list(
        Placement.objects.filter(case=case).select_related("shelter").order_by("-placed_at", "-pk")
    )
    current = next((p for p in placements if p.is_open), None)
    may_place = case_policy.may(user, Permission.PLACE_IN_SHELTER, case)
    staff_here = current is not None and works_in(user, current.shelter)
    return {
        "case": case,
        "current": current,
        "past": [p for p in placements if not p.is_open][:20],
        "may_place": may_place,
        "may_check_in": staff_here
        and case_policy.may(user, Permission.MANAGE_RESIDENTS, case)
        and current is not None
        and current.checked_in_at is None,
        "may_check_out": current is not None
        and case_policy.may(user, Permission.CHECK_OUT, case)
        and (staff_here or not user.has_role_permission(Permission.MANAGE_RESIDENTS)),
        # The address only to those who bring the person there or work there.
        "show_address": may_place or staff_here,
    }
