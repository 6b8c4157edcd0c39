"""Reads of cases. Every one goes through the need-to-know policy."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from strehe.audit.models import AuditEntry
from strehe.audit.selectors import views_of_record

from .models import Case
from .policies import cases_visible_to, may_view_access_log


def case_list(*, user: Any) -> QuerySet[Case]:
    return cases_visible_to(user).select_related("owner_agency__organisation", "assigned_worker")


def case_get(*, user: Any, code: str) -> Case:
    """The case with `code` if `user` may see it; otherwise 404, whether or not it exists."""
    try:
        return case_list(user=user).select_related("person").get(code=code)
    except Case.DoesNotExist:
        raise Http404 from None


def case_access_log(*, user: Any, code: str) -> tuple[Case, QuerySet[AuditEntry]]:
    """A case and who has seen it; 404 unless `user` may see both."""
    case = case_get(user=user, code=code)
    if not may_view_access_log(user, case):
        raise Http404
    return case, views_of_record(record=case)
