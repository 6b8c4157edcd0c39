"""Staff pages of shelter placement, under /<lang>/staff/shelters/.

Pages on a case (place, transfer, check-in, check-out) answer like the case action pages: 404
for a case the user may not see, then 403 for a role without the act's permission. The board
and its history show counts, never a person and never an address.
"""

from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission
from strehe.cases.models import Case, RiskLevel
from strehe.cases.views import case_action
from strehe.core.forms import posted, with_once_token
from strehe.core.views import saved_once
from strehe.directory.models import Shelter

from . import selectors, services
from .eligibility import ShelterChoice, current_risk_level, shelter_choices
from .forms import CapacityForm, CheckInForm, CheckOutForm, PlaceForm, TransferForm


def _page(
    request: HttpRequest,
    form: forms.Form,
    act: Any,
    *,
    context: dict[str, Any],
    done: str,
    back: str,
    template: str = "shelters/action.html",
) -> HttpResponse:
    """GET shows the form; POST calls `act` once per one-time token and goes back to `back`."""
    with_once_token(form)
    if request.method == "POST":

        def save(data: dict[str, Any]) -> str:
            act(data)
            return back

        response = saved_once(request, form, save, done=done, fallback_url=back)
        if response is not None:
            return response
    return render(request, template, {**context, "form": form, "back": back})


def _case_back(case: Case) -> str:
    return reverse("cases:detail", kwargs={"code": case.code})


def _choices_context(case: Case, choices: list[ShelterChoice]) -> dict[str, Any]:
    level = current_risk_level(case)
    return {
        "eligible": [choice for choice in choices if choice.eligible],
        "excluded": [choice for choice in choices if not choice.eligible],
        "risk_level": str(RiskLevel(level).label).lower() if level else "",
    }


@case_action(Permission.PLACE_IN_SHELTER)
def placement_place(request: HttpRequest, case: Case) -> HttpResponse:
    """Choose a shelter: the eligible ones to pick from, the others with the rule that excludes
    each."""
    current = selectors.open_placement(case)
    choices = shelter_choices(case)
    form = PlaceForm(
        posted(request) if current is None else None,
        eligible=[choice.shelter.pk for choice in choices if choice.eligible],
    )

    def act(data: dict[str, Any]) -> None:
        services.placement_create(actor=request.user, case=case, shelter=data["shelter"])

    return _page(
        request,
        form,
        act,
        context={
            "case": case,
            "title": _("Place the person of case %(code)s in a shelter") % {"code": case.code},
            "submit": _("Place in this shelter"),
            "current": current,
            **_choices_context(case, choices),
        },
        done=_("The person was placed in the shelter."),
        back=_case_back(case),
        template="shelters/place.html",
    )


@case_action(Permission.PLACE_IN_SHELTER)
def placement_transfer(request: HttpRequest, case: Case) -> HttpResponse:
    """Move the person to another shelter: check-out and new placement in one transaction."""
    current = selectors.open_placement(case)
    choices = [
        choice
        for choice in shelter_choices(case)
        if current is None or choice.shelter.pk != current.shelter_id
    ]
    form = TransferForm(
        posted(request) if current is not None else None,
        eligible=[choice.shelter.pk for choice in choices if choice.eligible],
    )

    def act(data: dict[str, Any]) -> None:
        if current is None:  # the form is unbound then, so this is never reached
            raise Http404
        services.placement_transfer(
            actor=request.user, placement=current, shelter=data["shelter"], note=data["note"] or ""
        )

    return _page(
        request,
        form,
        act,
        context={
            "case": case,
            "title": _("Transfer the person of case %(code)s to another shelter")
            % {"code": case.code},
            "submit": _("Transfer"),
            "current": current,
            "transfer": True,
            **_choices_context(case, choices),
        },
        done=_("The person was transferred."),
        back=_case_back(case),
        template="shelters/place.html",
    )


@case_action(Permission.MANAGE_RESIDENTS)
def placement_check_in(request: HttpRequest, case: Case) -> HttpResponse:
    """The shelter's staff confirm that the person arrived."""
    current = selectors.open_placement(case)
    form = CheckInForm(posted(request) if current is not None else None)

    def act(data: dict[str, Any]) -> None:
        if current is None:
            raise Http404
        services.placement_check_in(actor=request.user, placement=current)

    return _page(
        request,
        form,
        act,
        context={
            "case": case,
            "current": current,
            "title": _("Check in the person of case %(code)s") % {"code": case.code},
            "submit": _("The person arrived"),
        },
        done=_("The person was checked in."),
        back=reverse("shelters:residents"),
    )


@case_action(Permission.CHECK_OUT)
def placement_check_out(request: HttpRequest, case: Case) -> HttpResponse:
    """End the stay with a reason: the bed is freed and the shelter's access ends."""
    current = selectors.open_placement(case)
    form = CheckOutForm(posted(request) if current is not None else None)
    user = request.user
    back = (
        reverse("shelters:residents")
        if user.has_role_permission(Permission.MANAGE_RESIDENTS)  # type: ignore[union-attr]
        else _case_back(case)
    )

    def act(data: dict[str, Any]) -> None:
        if current is None:
            raise Http404
        services.placement_check_out(
            actor=user, placement=current, reason=data["reason"], note=data["note"] or ""
        )

    return _page(
        request,
        form,
        act,
        context={
            "case": case,
            "current": current,
            "title": _("Check out the person of case %(code)s") % {"code": case.code},
            "submit": _("Check out"),
        },
        done=_("The person was checked out."),
        back=back,
    )


@staff_required(personal_data=True, permission=Permission.MANAGE_RESIDENTS)
def residents(request: HttpRequest) -> HttpResponse:
    """A shelter's own work: its residents by case code, its beds, check-in and check-out."""
    user = request.user
    shelters = list(selectors.shelters_run_by(user))
    return render(
        request,
        "shelters/residents.html",
        {
            "placements": list(selectors.residents_of(user)),
            "shelters": shelters,
        },
    )


@staff_required(personal_data=False, permission=Permission.VIEW_OCCUPANCY)
def board(request: HttpRequest) -> HttpResponse:
    """The occupancy board: beds, occupied and free by shelter, kind and region."""
    kind_labels = {str(value): str(label) for value, label in Shelter.Kind.choices}
    return render(
        request,
        "shelters/board.html",
        {
            "board": selectors.occupancy_board(
                unpublished_region=_("Region not published"), kind_labels=kind_labels
            ),
            "may_manage_residents": request.user.has_role_permission(  # type: ignore[union-attr]
                Permission.MANAGE_RESIDENTS
            ),
        },
    )


@staff_required(personal_data=False, permission=Permission.VIEW_OCCUPANCY)
def history(request: HttpRequest) -> HttpResponse:
    """How occupancy changed, newest first, for all shelters or one (?shelter=<id>)."""
    shelter_id = request.GET.get("shelter", "")
    chosen = None
    if shelter_id:
        if not shelter_id.isdigit() or len(shelter_id) > 9:
            raise Http404
        chosen = Shelter.objects.filter(pk=int(shelter_id)).only("name").first()
        if chosen is None:
            raise Http404
    changes = selectors.occupancy_history(shelter_id=chosen.pk if chosen else None)
    return render(
        request,
        "shelters/history.html",
        {
            "changes": list(changes[: selectors.HISTORY_LIMIT]),
            "chosen": chosen,
            "shelters": Shelter.objects.order_by("kind", "slug").only("name"),
        },
    )


@staff_required(personal_data=False, permission=Permission.MANAGE_RESIDENTS)
def capacity(request: HttpRequest, shelter_id: int) -> HttpResponse:
    """Change the beds of one's own shelter; never below the beds occupied."""
    shelter = Shelter.objects.filter(pk=shelter_id).first()
    if shelter is None or not services.may_change_capacity(request.user, shelter):
        raise Http404
    form = CapacityForm(posted(request), initial={"capacity": shelter.capacity})

    def act(data: dict[str, Any]) -> None:
        services.shelter_capacity_change(
            actor=request.user, shelter=shelter, capacity=data["capacity"]
        )

    return _page(
        request,
        form,
        act,
        context={
            "title": _("Beds of %(shelter)s") % {"shelter": shelter.name},
            "intro": _("%(occupied)s beds are occupied now.") % {"occupied": shelter.occupied},
            "submit": _("Save the number of beds"),
            "current": None,
            "no_case": True,
        },
        done=_("The number of beds was changed."),
        back=reverse("shelters:residents"),
    )
