"""The contact correction page: /staff/helpline/<id>/correct/.

403 for a role that does not log contacts (before any lookup, like the other helpline action
pages), 404 for a contact the user may not see; the form shows the recorded summary, so a GET
is logged as a view of the contact.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission
from strehe.core.forms import posted, with_once_token
from strehe.core.views import saved_once

from . import selectors, services
from .editing import contact_correct
from .forms_editing import ContactCorrectForm


@staff_required(personal_data=True, permission=Permission.LOG_CONTACT)
@require_http_methods(["GET", "POST"])
def contact_correct_page(request: HttpRequest, contact_id: int) -> HttpResponse:
    user: Any = request.user
    contact = selectors.contact_get(user=user, contact_id=contact_id)
    if request.method == "GET":
        services.contact_viewed(actor=user, contact=contact)
    form = with_once_token(ContactCorrectForm(posted(request), contact=contact))
    detail = reverse("helpline:detail", kwargs={"contact_id": contact.pk})

    def save(data: dict[str, Any]) -> str:
        contact_correct(actor=user, contact=contact, changes=form.changes())
        return detail

    if request.method == "POST":
        done = _("The contact was corrected.")
        response = saved_once(request, form, save, done=done, fallback_url=detail)
        if response is not None:
            return response
    return render(request, "helpline/contact_correct.html", {"contact": contact, "form": form})
