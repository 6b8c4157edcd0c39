"""My work: the staff home page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission

from . import selectors, services


@staff_required(personal_data=True)
def my_work(request: HttpRequest) -> HttpResponse:
    """What the user has to do today, each line linking to where it is done.

    Lists case codes and short labels, no names, so reading it writes no view entry; each visit
    moves the user's "last visit", from which "newly shared" counts.
    """
    user = request.user
    since = services.work_visited(actor=user)
    today = timezone.localdate()
    context = {
        "work": selectors.my_work(user, since=since, today=today),
        "since": since,
        "today": today,
        "may_log_contacts": user.has_role_permission(Permission.LOG_CONTACT),  # type: ignore[union-attr]
    }
    return render(request, "work/my_work.html", context)
