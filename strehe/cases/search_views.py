"""The search page: /<lang>/staff/search/?q= (URL name search:search)."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from strehe.accounts.decorators import staff_required
from strehe.accounts.roles import Permission
from strehe.core.forms import FreeTextField, add_service_errors

from .search import SEARCH_RESULTS_LIMIT, SearchResult, case_search

QUERY_MAX_LENGTH = 200


class SearchForm(forms.Form):
    q = FreeTextField(
        label=_("Case code, name or birth date"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_(
            "For example KS-2026-00042, Besa Gashi, 17.05.1990 or 1990-05-17. Names are found "
            "in any script and spelling of endings; every word typed must match."
        ),
    )


@staff_required(personal_data=True, permission=Permission.VIEW_PERSONAL_DATA)
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """A GET form; results only from cases the user may see. Each search is audited."""
    form = SearchForm(request.GET or None)
    results: list[SearchResult] | None = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        try:
            results = case_search(actor=request.user, query=form.cleaned_data["q"])
        except ValidationError as error:
            add_service_errors(form, error)
    context = {"form": form, "results": results, "limit": SEARCH_RESULTS_LIMIT}
    return render(request, "cases/search.html", context)
