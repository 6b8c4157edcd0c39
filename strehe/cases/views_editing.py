"""Correction pages of a case: the person's details and aliases, the narrative, a note, a
trafficking event. Like every action page (views.case_action): 404 for a case the user may not
see, 403 without MANAGE_CASE; the services write the correction with its timeline line and
audit entry. The pages show the recorded values in the form, so a GET is logged as a view of
the case's personal data.

The note or event to correct is a query parameter on the way in (?note=12, ?event=3, from the
case page's links) and a POST field on the way out: every case URL takes the code alone.
"""

from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from strehe.accounts.roles import Permission
from strehe.core.forms import posted
from strehe.core.validation import MAX_ID

from . import services
from .forms_editing import (
    EventCorrectForm,
    NarrativeForm,
    NoteCorrectForm,
    PersonForm,
    case_notes,
)
from .models import Case
from .views import _action_page, case_action


def _logged_read(request: HttpRequest, case: Case) -> None:
    if request.method == "GET":
        services.case_viewed(actor=request.user, case=case)


def _chosen(request: HttpRequest, parameter: str, records: QuerySet[Any]) -> Model | None:
    """The record named by ?parameter=<id> among `records`, or None (absent, odd, not there)."""
    value = request.GET.get(parameter, "")
    if not value.isascii() or not value.isdigit() or int(value) > MAX_ID:
        return None
    return records.filter(pk=int(value)).first()


@case_action(Permission.MANAGE_CASE)
def case_person(request: HttpRequest, case: Case) -> HttpResponse:
    """Correct the person's details and aliases."""
    _logged_read(request, case)
    form = PersonForm(posted(request), person=case.person)

    def act(data: dict[str, Any]) -> None:
        services.person_update(actor=request.user, case=case, changes=form.changes())

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Correct the person's details in case %(code)s") % {"code": case.code},
        intro=_(
            "The timeline and the audit trail record which details changed, never the names, "
            "numbers or address themselves."
        ),
        submit=_("Save the corrections"),
        done=_("The person's details were corrected."),
    )


@case_action(Permission.MANAGE_CASE)
def case_narrative(request: HttpRequest, case: Case) -> HttpResponse:
    _logged_read(request, case)
    form = NarrativeForm(posted(request), initial={"narrative": case.narrative or ""})

    def act(data: dict[str, Any]) -> None:
        services.narrative_update(actor=request.user, case=case, narrative=data["narrative"])

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Narrative of case %(code)s") % {"code": case.code},
        submit=_("Save the narrative"),
        done=_("The narrative was saved."),
    )


@case_action(Permission.MANAGE_CASE)
def case_note_correct(request: HttpRequest, case: Case) -> HttpResponse:
    _logged_read(request, case)
    initial: dict[str, Any] = {}
    note = _chosen(request, "note", case_notes(case))
    if note is not None:
        initial = {"note": note.pk, "text": getattr(note, "note", "")}
    form = NoteCorrectForm(posted(request), case=case, initial=initial)

    def act(data: dict[str, Any]) -> None:
        services.note_correct(actor=request.user, case=case, note=data["note"], text=data["text"])

    return _action_page(
        request,
        case,
        form,
        act,
        title=_("Correct a note of case %(code)s") % {"code": case.code},
        submit=_("Save the correction"),
        done=_("The note was corrected."),
    )


@case_action(Permission.MANAGE_CASE)
def case_event_correct(request: HttpRequest, case: Case) -> HttpResponse:
    _logged_read(request, case)
    initial: dict[str, Any] = {}
    event = _chosen(request, "event", case.events.all())
    if event is not None:
        initial = {
            "event": event.pk,
            **{
                name: getattr(event, name)
                for name in ("kind", "country", "place", "started_on", "ended_on")
            },
        }
    form = EventCorrectForm(posted(request), case=case, initial=initial)

    def act(data: dict[str, Any]) -> None:
        services.event_correct(
            actor=request.user,
            case=case,
            event=data["event"],
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
        title=_("Correct a trafficking event of case %(code)s") % {"code": case.code},
        submit=_("Save the correction"),
        done=_("The trafficking event was corrected."),
    )
