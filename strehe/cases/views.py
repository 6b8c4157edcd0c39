"""Staff pages of cases. Every one reads through the selectors, and so through the policies.

Action pages (/staff/cases/<code>/stage/, risk/, ...) answer in this order:
1. not logged in, or second factor missing: the usual redirects of staff_required;
2. a case the user may not see, or no such case: 404 (selectors.case_get), whatever the role;
3. a case the user may see but the role may not change this way: 403;
4. otherwise GET shows the form and POST calls the service. A ValidationError of the service goes
   back onto the form, field by field; nothing is saved then.
So a 403 is only ever given about a case the user can already see, and a 404 never tells an
unauthorised role that a code exists.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import TextChoices
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from strehe.accounts.decorators import staff_required
from strehe.accounts.models import Agency
from strehe.accounts.roles import Permission
from strehe.core.forms import posted, with_once_token
from strehe.core.views import saved_once

from . import selectors, services
from .codes import ControlMethod, Exploitation
from .filters import CaseFilter
from .forms import (
    ConsentForm,
    ConsentWithdrawForm,
    EventForm,
    ExploitationForm,
    FollowUpForm,
    FollowUpStatusForm,
    NoteForm,
    PersonUnlinkForm,
    RiskForm,
    SamePersonForm,
    ShareForm,
    SharingEndForm,
    StageForm,
)
from .models import Case, CasePart, RiskLevel, TimelineEntry
from .policies import case_policy
from .stages import reflection_days_left, reflection_warning
from .timeline import agency_ids, timeline_line

# Timeline lines that tell of a part of the case: left out where that part is not shown.
TIMELINE_KIND_OF_PART = {
    CasePart.NOTES: TimelineEntry.Kind.NOTE,
    CasePart.EVENTS: TimelineEntry.Kind.EVENT,
    CasePart.RISK: TimelineEntry.Kind.RISK,
}
# One page of the case list; the filters and the next pages reach the rest.
CASE_LIST_PAGE_SIZE = 50
CaseView = Callable[[HttpRequest, Case], HttpResponse]


def _labels(choices: type[TextChoices], codes: list[str]) -> list[str]:
    return [str(choices(code).label) if code in choices.values else code for code in codes]


@staff_required(personal_data=True, permission=Permission.VIEW_PERSONAL_DATA)
def case_list(request: HttpRequest) -> HttpResponse:
    """Cases the user may see, by code; names stay on the detail page, where viewing is logged."""
    filterset = CaseFilter(
        request.GET or None, queryset=selectors.case_overview(user=request.user), request=request
    )
    today = timezone.localdate()
    # The narrative is not shown here: no need to decrypt it 50 times.
    cases = filterset.qs.select_related("owner_agency__organisation", "assigned_worker").defer(
        "narrative"
    )
    page = Paginator(cases, CASE_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "case": case,
            "risk": RiskLevel(case.current_risk_level).label if case.current_risk_level else "",
            "reflection_warning": reflection_warning(case.reflection_ends_on, today),
        }
        for case in page
    ]
    # The filters stay on the links to other pages.
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/case_list.html",
        {"filterset": filterset, "rows": rows, "page": page, "query": query.urlencode()},
    )


def parts_shown(user: Any, case: Case) -> dict[str, bool]:
    """Which parts of `case` a page shows `user`: all of them, except to someone who sees the
    case only through a referral, who sees the parts its sender shared (case_policy)."""
    parts = case_policy.visible_parts(user, case)
    return {part: part in parts for part in CasePart.values}


def timeline_shown(timeline: list[TimelineEntry], shows: dict[str, bool]) -> list[TimelineEntry]:
    hidden_kinds = {kind for part, kind in TIMELINE_KIND_OF_PART.items() if not shows[part]}
    return [entry for entry in timeline if entry.kind not in hidden_kinds]


@staff_required(personal_data=True)
def case_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One case with its person's identifying data; each request writes one view entry."""
    case = selectors.case_get(user=request.user, code=code)
    services.case_viewed(actor=request.user, case=case)
    user = request.user
    today = timezone.localdate()
    timeline = list(selectors.case_timeline(case))
    agencies = dict(
        Agency.objects.filter(pk__in=agency_ids(timeline)).values_list("pk", "organisation__name")
    )
    shows = parts_shown(user, case)
    timeline = timeline_shown(timeline, shows)
    risk = selectors.case_current_risk(case) if shows[CasePart.RISK] else None
    sharing = list(selectors.case_sharing(case))
    consents = case.consents.select_related("agency__organisation").order_by("-given_on", "-pk")
    context = {
        "case": case,
        "person": case.person,
        "age": case.person.age_on(today),
        "forms_of_exploitation": _labels(Exploitation, case.forms_of_exploitation),
        "methods_of_control": _labels(ControlMethod, case.methods_of_control),
        "risk": risk,
        "risk_assessors": list(risk.assessors.all()) if risk else [],
        "identification": selectors.case_latest_identification(case),
        "reflection_warning": reflection_warning(case.reflection_ends_on, today),
        "reflection_days_left": reflection_days_left(case.reflection_ends_on, today),
        "consents": [(consent, consent.is_in_force_on(today)) for consent in consents],
        "sharing": sharing,
        "sharing_in_force": any(grant.in_force for grant in sharing),
        "events": (
            case.events.select_related("recorded_by").order_by("started_on", "pk")
            if shows[CasePart.EVENTS]
            else []
        ),
        "shows": shows,
        "shows_everything": all(shows.values()),
        "timeline": [(entry, timeline_line(entry, agencies)) for entry in timeline],
        "may_manage": case_policy.may(user, Permission.MANAGE_CASE, case),
        "may_keep_notes": case_policy.may(user, Permission.KEEP_NOTES, case),
        "may_identify": case_policy.may(user, Permission.RECORD_IDENTIFICATION, case),
        "may_assess_risk": case_policy.may(user, Permission.RECORD_RISK_ASSESSMENT, case),
        "may_view_access_log": case_policy.may_view_access_log(user, case),
        "may_assign": case_policy.may_assign(user, case) and case.stage != Case.Stage.CLOSED,
        "follow_ups": [
            (follow_up, follow_up.is_overdue_on(today))
            for follow_up in selectors.case_open_follow_ups(case)
        ],
        "follow_ups_done": list(selectors.case_done_follow_ups(case)[:20]),
        "same_person_cases": list(selectors.case_same_person_cases(user=user, case=case)),
        "possible_duplicates": selectors.case_possible_duplicates(user=user, case=case),
        "person_links": list(selectors.case_person_links(case)),
    }
    return render(request, "cases/case_detail.html", context)


@staff_required(personal_data=True)
def case_access_log(request: HttpRequest, code: str) -> HttpResponse:
    """Who has seen this case, and when: for coordinators."""
    case, entries = selectors.case_access_log(user=request.user, code=code)
    return render(
        request,
        "cases/case_access_log.html",
        {"case": case, "entries": entries.select_related(None)[:1000]},
    )


# --- Action pages -----------------------------------------------------------------------------


def case_action(
    permission: Permission, *, part: str | None = None
) -> Callable[[CaseView], Callable[..., HttpResponse]]:
    """An action page on one case: 404 for a case the user may not see, then 403 without
    `permission` (see the module docstring). `required_permission` is read by the
    authorization matrix test."""

    def decorator(view: CaseView) -> Callable[..., HttpResponse]:
        @staff_required(personal_data=True)
        @require_http_methods(["GET", "POST"])
        @wraps(view)
        def wrapped(request: HttpRequest, code: str) -> HttpResponse:
            case = selectors.case_get(user=request.user, code=code)
            if not case_policy.may(request.user, permission, case):
                raise PermissionDenied
            if part is not None:
                # A page that shows one part of the case (a correction form): only to those
                # who may see that part (not to a referral's receiver it was not shared with).
                case_policy.require_part(request.user, case, part)
            return view(request, case)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


def _action_page(
    request: HttpRequest,
    case: Case,
    form: forms.Form,
    act: Callable[[dict[str, Any]], object],
    *,
    title: str,
    submit: str,
    done: str,
    intro: str = "",
) -> HttpResponse:
    """GET shows the form; POST calls `act` (a service) once per one-time token, then goes back
    to the case. A service's ValidationError goes back onto the form, field by field."""
    with_once_token(form)
    if request.method == "POST":
        detail = reverse("cases:detail", kwargs={"code": case.code})

        def save(data: dict[str, Any]) -> str:
            act(data)
            return detail

        response = saved_once(request, form, save, done=done, fallback_url=detail)
        if response is not None:
            return response
    context = {"case": case, "form": form, "title": title, "submit": submit, "intro": intro}
    return render(request, "cases/case_action.html", context)


@case_action(Permission.MANAGE_CASE)
def case_stage(request: HttpRequest, case: Case) -> HttpResponse:
    """Move the case to its next stage, or close it; the rules are case_move_stage's."""
    form = StageForm(posted(request), case=case, user=request.user)

    def act(data: dict[str, Any]) -> None:
        services.case_move_stage(
            actor=request.user,
            case=case,
            to_stage=data["to_stage"],
            on=data.get("on"),
            closing_reason=data.get("closing_reason") or "",
            note=data.get("note") or "",
            override_reason=data.get("override_reason") or "",
        )

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Move case %(code)s to another stage") % {"code": case.code},
        intro=_("Now in: %(stage)s.") % {"stage": case.get_stage_display()},
        submit=_("Move the case"),
        done=_("The stage was changed."),
    )


@case_action(Permission.RECORD_RISK_ASSESSMENT)
def case_risk(request: HttpRequest, case: Case) -> HttpResponse:
    form = RiskForm(posted(request), case=case, user=request.user)

    def act(data: dict[str, Any]) -> None:
        services.risk_assessment_record(
            actor=request.user,  # type: ignore[arg-type]
            case=case,
            level=data["level"],
            reasons=data["reasons"],
            assessors=data["assessors"],
            assessed_on=data.get("assessed_on"),
        )

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Risk assessment for case %(code)s") % {"code": case.code},
        submit=_("Record the risk assessment"),
        done=_("The risk assessment was recorded."),
    )


@case_action(Permission.MANAGE_CASE)
def case_consent(request: HttpRequest, case: Case) -> HttpResponse:
    form = ConsentForm(posted(request))

    def act(data: dict[str, Any]) -> None:
        services.consent_record(
            actor=request.user,
            case=case,
            scope=data["scope"],
            agency=data.get("agency"),
            given_on=data.get("given_on"),
        )

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Record consent for case %(code)s") % {"code": case.code},
        submit=_("Record the consent"),
        done=_("The consent was recorded."),
    )


@case_action(Permission.MANAGE_CASE)
def case_consent_withdraw(request: HttpRequest, case: Case) -> HttpResponse:
    """The consent is a POST field, so the URL has the case code only (authorization matrix)."""
    form = ConsentWithdrawForm(posted(request), case=case)

    def act(data: dict[str, Any]) -> None:
        services.consent_withdraw(
            actor=request.user,
            consent=data["consent"],
            withdrawn_on=data.get("withdrawn_on"),
        )

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Withdraw a consent of case %(code)s") % {"code": case.code},
        submit=_("Withdraw the consent"),
        done=_("The consent was withdrawn."),
    )


@case_action(Permission.MANAGE_CASE)
def case_sharing(request: HttpRequest, case: Case) -> HttpResponse:
    form = ShareForm(posted(request), case=case, user=request.user)

    def act(data: dict[str, Any]) -> None:
        services.case_share(
            actor=request.user,
            case=case,
            agency=data["agency"],
            override_reason=data.get("override_reason") or "",
        )

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Share case %(code)s with an agency") % {"code": case.code},
        intro=_("The person must have agreed to sharing with that agency."),
        submit=_("Share the case"),
        done=_("The case was shared."),
    )


@case_action(Permission.MANAGE_CASE)
def case_sharing_end(request: HttpRequest, case: Case) -> HttpResponse:
    """Stop sharing with an agency; the grant is a POST field, so the URL has the code alone."""
    form = SharingEndForm(posted(request), case=case)

    def act(data: dict[str, Any]) -> None:
        services.case_share_end(actor=request.user, grant=data["grant"], reason=data["reason"])

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Stop sharing case %(code)s") % {"code": case.code},
        intro=_(
            "The agency's staff lose access at once. The person's consent stays as recorded; "
            "withdraw it on the consents page if the person withdrew it."
        ),
        submit=_("Stop sharing"),
        done=_("Sharing was stopped."),
    )


@case_action(Permission.KEEP_NOTES)
def case_note(request: HttpRequest, case: Case) -> HttpResponse:
    form = NoteForm(posted(request))

    def act(data: dict[str, Any]) -> None:
        services.case_note_add(actor=request.user, case=case, text=data["text"])

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Add a note to case %(code)s") % {"code": case.code},
        submit=_("Add the note"),
        done=_("The note was added."),
    )


@case_action(Permission.MANAGE_CASE)
def case_event(request: HttpRequest, case: Case) -> HttpResponse:
    form = EventForm(posted(request))

    def act(data: dict[str, Any]) -> None:
        services.trafficking_event_add(
            actor=request.user,
            case=case,
            kind=data["kind"],
            country=data["country"],
            place=data.get("place") or "",
            started_on=data.get("started_on"),
            ended_on=data.get("ended_on"),
        )

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Record a trafficking event for case %(code)s") % {"code": case.code},
        submit=_("Record the event"),
        done=_("The trafficking event was recorded."),
    )


@case_action(Permission.MANAGE_CASE)
def case_exploitation(request: HttpRequest, case: Case) -> HttpResponse:
    initial = {
        "forms_of_exploitation": case.forms_of_exploitation,
        "methods_of_control": case.methods_of_control,
    }
    form = ExploitationForm(posted(request), initial=initial)

    def act(data: dict[str, Any]) -> None:
        services.case_update(
            actor=request.user,
            case=case,
            changes={
                "forms_of_exploitation": data["forms_of_exploitation"],
                "methods_of_control": data["methods_of_control"],
            },
        )

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Exploitation and control in case %(code)s") % {"code": case.code},
        submit=_("Save"),
        done=_("The case was updated."),
    )


@case_action(Permission.KEEP_NOTES)
def case_follow_up(request: HttpRequest, case: Case) -> HttpResponse:
    """Add a follow-up: what is to be done, by when, by whom."""
    form = FollowUpForm(posted(request), case=case, user=request.user)

    def act(data: dict[str, Any]) -> None:
        services.follow_up_add(
            actor=request.user,
            case=case,
            note=data["note"],
            due_on=data["due_on"],
            due_time=data.get("due_time"),
            assignee=data.get("assignee"),
        )

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Add a follow-up to case %(code)s") % {"code": case.code},
        submit=_("Add the follow-up"),
        done=_("The follow-up was added."),
    )


@case_action(Permission.KEEP_NOTES)
def case_follow_up_status(request: HttpRequest, case: Case) -> HttpResponse:
    """Mark a follow-up done or not done; the case page posts here from each follow-up's
    button. The follow-up is a POST field, so the URL has the case code alone."""
    form = FollowUpStatusForm(posted(request), case=case)

    def act(data: dict[str, Any]) -> None:
        change = services.follow_up_done if data["done"] else services.follow_up_reopen
        change(actor=request.user, follow_up=data["follow_up"])

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Mark a follow-up of case %(code)s") % {"code": case.code},
        submit=_("Save"),
        done=_("The follow-up was updated."),
    )


@case_action(Permission.MANAGE_CASE)
def case_same_person(request: HttpRequest, case: Case) -> HttpResponse:
    """Confirm that another case is about the same person (merged, reversibly) or a different
    one (remembered); the other case is named by its code, a POST field."""
    initial = {"other": request.GET.get("other", "")[:20]} if request.method == "GET" else None
    form = SamePersonForm(posted(request), initial=initial)

    def act(data: dict[str, Any]) -> None:
        try:
            other = selectors.case_get(user=request.user, code=data["other"])
        except Http404:
            raise ValidationError(
                {"other": _("There is no case with this code that you may see.")}
            ) from None
        if data["answer"] == SamePersonForm.SAME:
            services.person_link(actor=request.user, case=case, other=other)
        else:
            services.persons_distinguish(actor=request.user, case=case, other=other)

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Is the person of case %(code)s in another case?") % {"code": case.code},
        intro=_(
            "Statistics count each person once. Linking two cases of the same person makes them "
            "count once; it can be undone. Both cases' timelines record the answer."
        ),
        submit=_("Record the answer"),
        done=_("The answer was recorded."),
    )


@case_action(Permission.MANAGE_CASE)
def case_same_person_undo(request: HttpRequest, case: Case) -> HttpResponse:
    """Undo a same-person link of this case: the cases it moved get their own person back."""
    form = PersonUnlinkForm(posted(request), case=case)

    def act(data: dict[str, Any]) -> None:
        services.person_unlink(actor=request.user, link=data["link"])

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Undo a same-person link of case %(code)s") % {"code": case.code},
        intro=_(
            "The cases the link moved get back the person they had before; both timelines "
            "record it."
        )
        if form.fields["link"].queryset.exists()  # type: ignore[attr-defined]
        else _("This case has no same-person link in force."),
        submit=_("Undo the link"),
        done=_("The link was undone."),
    )
