from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .forms import submit_once


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page (handler500): in the reader's language and the site's layout, with nothing
    that touches the database, which may be the very thing that failed.

    Rendered with a plain context, so no context processor runs (Django's own handler does the
    same); the language comes from the address, as the middleware would have chosen it.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = loader.get_template("500.html").render({"request": request})
    return HttpResponseServerError(body)


def saved_once(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], str],
    *,
    done: str,
    fallback_url: str,
    validate: bool = True,
) -> HttpResponse | None:
    """Answer the POST of a form that creates something: save once per one-time token
    (core.forms.submit_once), then go where `save` said with the `done` message, or, for a form
    sent again, where its first sending went. None: refused, show the form with its errors."""
    submitted = submit_once(form, save, validate=validate)
    if submitted is None:
        return None
    if submitted.again:
        messages.info(request, gettext("This form had been sent already; it was saved once."))
    else:
        messages.success(request, done)
    return redirect(submitted.url or fallback_url)
