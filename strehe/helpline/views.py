"""Staff pages of the helpline: the contact log, logging a call, screening, opening a case.

Thin views: the forms validate input, the services write (and raise ValidationError, shown as
field errors), the selectors and policies decide what the user may see.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission
from strehe.cases import selectors as case_selectors
from strehe.cases import services as case_services
from strehe.cases.policies import case_policy
from strehe.core.forms import posted, with_once_token
from strehe.core.views import saved_once
from strehe.screening.forms import ScreeningForm
from strehe.screening.selectors import screening_guidance

from . import followups, selectors, services
from .filters import ContactFilter
from .followups import FOLLOW_UP_PERMISSION
from .forms import CaseFromContactForm, ContactFollowUpForm, ContactFollowUpStatusForm, ContactForm
from .policies import contact_policy

CONTACT_LIST_PAGE_SIZE = 50
# Far beyond anyone paging by hand (500,000 contacts back); a larger number is no page.
MAX_PAGE = 10_000
# Links to earlier contacts from the same number on a contact's page; the count is of them all.
EARLIER_CONTACTS_SHOWN = 20


@staff_required(personal_data=True)
def contact_list(request: HttpRequest) -> HttpResponse:
    """The contacts the user may see, newest first, one summary line each, filtered and
    searched by what is stored plain and by the caller's number (its keyed hash).

    The lines are made of coded fields only (no summary text, no number), so the list writes no
    view entry; a filter that does not validate lists nothing and says why, rather than
    quietly listing everything. Pages of CONTACT_LIST_PAGE_SIZE without a total: counting a
    national helpline's every contact on each visit would cost more than the page itself.
    """
    user = request.user
    if not contact_policy.may_list(user):
        raise PermissionDenied
    filterset = ContactFilter(
        request.GET or None, queryset=selectors.contact_overview(user=user), request=request
    )
    refused = filterset.is_bound and not filterset.is_valid()
    number = _page_number(request.GET.get("page"))
    start = (number - 1) * CONTACT_LIST_PAGE_SIZE
    rows = [] if refused else list(filterset.qs[start : start + CONTACT_LIST_PAGE_SIZE + 1])
    contacts = rows[:CONTACT_LIST_PAGE_SIZE]
    if not refused and filterset.is_bound and filterset.form.cleaned_data.get("phone"):
        services.contact_number_searched(actor=user, contacts=contacts)  # type: ignore[arg-type]
    # The filters stay on the links to other pages.
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filterset": filterset,
        "contacts": contacts,
        "page_number": number,
        "previous_page": number - 1 if number > 1 else None,
        "next_page": number + 1 if len(rows) > CONTACT_LIST_PAGE_SIZE else None,
        "query": query.urlencode(),
        "may_log": user.has_role_permission(Permission.LOG_CONTACT),  # type: ignore[union-attr]
    }
    return render(request, "helpline/contact_list.html", context)


def _page_number(raw: str | None) -> int:
    """The page asked for, 1 for anything that is not a page number."""
    try:
        number = int(raw or "1")
    except ValueError:
        return 1
    return number if 1 <= number <= MAX_PAGE else 1


@staff_required(personal_data=False, permission=Permission.LOG_CONTACT)
def contact_create(request: HttpRequest) -> HttpResponse:
    """Log a call: a few fields, the common answers preset."""
    user = request.user
    form = with_once_token(ContactForm(posted(request), recorded_by=user))  # type: ignore[arg-type]

    def save(data: dict[str, Any]) -> str:
        contact = services.contact_create(
            actor=user,  # type: ignore[arg-type]
            opening_hours_check=selectors.opening_hours_check_for(user),
            **form.contact_data(),
        )
        return reverse("helpline:detail", kwargs={"contact_id": contact.pk})

    if request.method == "POST":
        done = _("The contact was logged.")
        response = saved_once(request, form, save, done=done, fallback_url=reverse("helpline:list"))
        if response is not None:
            return response
    return render(request, "helpline/contact_form.html", {"form": form})


@staff_required(personal_data=True)
def contact_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    """One contact, the guidance of its screenings, and what can be done next."""
    user = request.user
    contact = selectors.contact_get(user=user, contact_id=contact_id)
    services.contact_viewed(actor=user, contact=contact)  # type: ignore[arg-type]
    screenings = [
        (screening, *screening_guidance(screening))
        for screening in selectors.contact_screenings(contact)
    ]
    earlier = selectors.contacts_from_the_same_number(user=user, contact=contact)
    today = timezone.localdate()
    context = {
        "contact": contact,
        "screenings": screenings,
        "earlier_count": earlier.count(),
        "earlier": list(earlier[:EARLIER_CONTACTS_SHOWN]),
        "follow_ups": [
            (follow_up, follow_up.is_overdue_on(today))
            for follow_up in selectors.contact_open_follow_ups(contact)
        ],
        "follow_ups_done": list(selectors.contact_done_follow_ups(contact)[:20]),
        "may_follow_up": contact_policy.may(user, FOLLOW_UP_PERMISSION, contact),
        "case_visible": contact.case is not None and case_policy.may_view(user, contact.case),
        "may_screen": user.has_role_permission(Permission.SCREEN),  # type: ignore[union-attr]
        "may_open_case": user.has_role_permission(Permission.OPEN_CASE),  # type: ignore[union-attr]
        "may_correct": user.has_role_permission(Permission.LOG_CONTACT),  # type: ignore[union-attr]
    }
    return render(request, "helpline/contact_detail.html", context)


@staff_required(personal_data=True, permission=Permission.SCREEN)
def contact_screen(request: HttpRequest, contact_id: int) -> HttpResponse:
    """Screen the caller against the legal definition and the ILO indicators."""
    contact = selectors.contact_get(user=request.user, contact_id=contact_id)
    form = with_once_token(ScreeningForm(posted(request)))
    guidance = reverse("helpline:detail", kwargs={"contact_id": contact.pk}) + "#screening-guidance"

    def save(data: dict[str, Any]) -> str:
        services.contact_screen(actor=request.user, contact=contact, data=request.POST)  # type: ignore[arg-type]
        return guidance

    if request.method == "POST":
        done = _("The screening was recorded.")
        response = saved_once(request, form, save, done=done, fallback_url=guidance)
        if response is not None:
            return response
    return render(request, "helpline/contact_screen.html", {"contact": contact, "form": form})


@staff_required(personal_data=True, permission=Permission.OPEN_CASE)
def contact_open_case(request: HttpRequest, contact_id: int) -> HttpResponse:
    """Open a case from a contact and its screening, or link them to a case that exists.

    Before a case is opened the register is searched for the same person; matches are shown
    (by code alone where the user may not see the case), to link to instead, or to be confirmed
    as different people. The search itself is audited.
    """
    user: Any = request.user
    contact = selectors.contact_get(user=user, contact_id=contact_id)
    if user.agency is None:
        raise PermissionDenied
    if contact.case is not None:
        # Already part of a case (this form sent twice, or a colleague was quicker): go there.
        if case_policy.may_view(user, contact.case):
            return redirect("cases:detail", code=contact.case.code)
        return redirect("helpline:detail", contact_id=contact.pk)
    screening = selectors.contact_open_screening(contact)
    form = with_once_token(CaseFromContactForm(posted(request), owner_agency=user.agency))
    duplicates: list[case_selectors.PossibleDuplicate] = []
    if request.method == "POST":
        link_to = request.POST.get("link_to", "")

        def save(data: dict[str, Any]) -> str:
            if link_to:
                target = case_selectors.case_get(user=user, code=link_to)
                case = services.contact_link_to_case(
                    actor=user, contact=contact, screening=screening, case=target
                )
            else:
                case = services.contact_open_case(
                    actor=user,
                    contact=contact,
                    screening=screening,
                    different_from=form.confirmed_different_from(),
                    **form.case_data(),
                )
            return reverse("cases:detail", kwargs={"code": case.code})

        may_save = True
        if not link_to and form.is_valid():
            data = form.case_data()
            duplicates = case_services.duplicates_search(
                actor=user,
                given_name=data["given_name"],
                family_name=data["family_name"],
                birth_date=data["birth_date"],
                aliases=data["aliases"],
            )
            # A new case only once the user has said the people shown are not this person.
            shown = {match.code for match in duplicates}
            may_save = not (shown - form.confirmed_different_from())
        if may_save:
            done = _("The contact is now part of the case.")
            fallback = reverse("helpline:detail", kwargs={"contact_id": contact.pk})
            response = saved_once(
                request, form, save, done=done, fallback_url=fallback, validate=not link_to
            )
            if response is not None:
                return response
    context = {
        "contact": contact,
        "screening": screening,
        "form": form,
        "duplicates": duplicates,
        "duplicate_codes": " ".join(match.code for match in duplicates),
        "owner_agency": user.agency,
    }
    return render(request, "helpline/contact_open_case.html", context)


def _follow_up_page(
    request: HttpRequest,
    contact_id: int,
    make_form: Any,
    act: Any,
    *,
    title: str,
    submit: str,
    done: str,
) -> HttpResponse:
    """A call-back page: the contact if the user may see it (else 404), its form, the service
    on POST once per one-time token, then back to the contact's call-backs."""
    user: Any = request.user
    contact = selectors.contact_get(user=user, contact_id=contact_id)
    form = with_once_token(make_form(contact, user))
    if request.method == "POST":
        back = reverse("helpline:detail", kwargs={"contact_id": contact.pk}) + "#follow-ups"

        def save(data: dict[str, Any]) -> str:
            act(user, contact, data)
            return back

        response = saved_once(request, form, save, done=done, fallback_url=back)
        if response is not None:
            return response
    context = {"contact": contact, "form": form, "title": title, "submit": submit}
    return render(request, "helpline/contact_action.html", context)


@staff_required(personal_data=True, permission=FOLLOW_UP_PERMISSION)
def contact_follow_up(request: HttpRequest, contact_id: int) -> HttpResponse:
    """Add a call-back to a contact: what is to be done, by when, by whom."""

    def make_form(contact: Any, user: Any) -> ContactFollowUpForm:
        return ContactFollowUpForm(posted(request), contact=contact, user=user)

    def act(user: Any, contact: Any, data: dict[str, Any]) -> None:
        followups.contact_follow_up_add(
            actor=user,
            contact=contact,
            note=data["note"],
            due_on=data["due_on"],
            due_time=data.get("due_time"),
            assignee=data.get("assignee"),
        )

    return _follow_up_page(
        request,
        contact_id,
        make_form,
        act,
        title=_("Add a call-back"),
        submit=_("Add the call-back"),
        done=_("The call-back was added."),
    )


@staff_required(personal_data=True, permission=FOLLOW_UP_PERMISSION)
def contact_follow_up_status(request: HttpRequest, contact_id: int) -> HttpResponse:
    """Mark a call-back done or not done; the contact page posts here from each call-back's
    button. The call-back is a POST field, so the URL has the contact alone."""

    def make_form(contact: Any, user: Any) -> ContactFollowUpStatusForm:
        return ContactFollowUpStatusForm(posted(request), contact=contact)

    def act(user: Any, contact: Any, data: dict[str, Any]) -> None:
        change = (
            followups.contact_follow_up_done if data["done"] else followups.contact_follow_up_reopen
        )
        change(actor=user, follow_up=data["follow_up"])

    return _follow_up_page(
        request,
        contact_id,
        make_form,
        act,
        title=_("Mark a call-back"),
        submit=_("Save"),
        done=_("The call-back was updated."),
    )
