"""The public site. Every page is a plain GET (or HEAD) that sets no cookie and is never cached
by the browser, so a reader leaves no session behind and a shared computer's back button shows
nothing stale. The server keeps each rendered page until what it shows changes (caching.py)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from strehe.directory import selectors as directory
from strehe.directory.models import Shelter

from .caching import cached_public_page
from .forms import MunicipalityForm
from .models import ContentPage
from .presentation import help_now, service_view
from .selectors import content_page_get


def _page_or_404(slug: str) -> ContentPage:
    page = content_page_get(slug=slug)
    if page is None:
        raise Http404("No such page")
    return page


@require_safe
@never_cache
@cached_public_page
def home(request: HttpRequest) -> HttpResponse:
    """The front page: the editable introduction and the helpline's state right now."""
    now = timezone.now()
    return render(
        request,
        "portal/home.html",
        {"page": content_page_get(slug="home"), "help": help_now(at=now)},
    )


@require_safe
@never_cache
@cached_public_page
def content_page(request: HttpRequest, slug: str) -> HttpResponse:
    """An editable text page such as "What is trafficking"."""
    return render(request, "portal/content_page.html", {"page": _page_or_404(slug)})


@require_safe
@never_cache
@cached_public_page
def get_help(request: HttpRequest) -> HttpResponse:
    """The helpline with its live state, who serves a chosen municipality, and the shelters.

    The municipality comes from a plain GET form, so it works without JavaScript and a
    result can be bookmarked or shared as a link.
    """
    now = timezone.now()
    form = MunicipalityForm(request.GET if "municipality" in request.GET else None)
    municipality = form.cleaned_data["municipality"] if form.is_valid() else None
    holidays = directory.public_holiday_dates()
    serving = []
    if municipality is not None:
        for organisation in directory.organisations_serving(municipality=municipality):
            views = [
                service_view(s, at=now, holidays=holidays) for s in organisation.services.all()
            ]
            serving.append((organisation, views))
    return render(
        request,
        "portal/get_help.html",
        {
            "page": content_page_get(slug="get-help"),
            "help": help_now(at=now),
            "form": form,
            "municipality": municipality,
            "serving": serving,
            "shelters": directory.public_shelter_list(),
            "shelter_kinds": Shelter.Kind,
        },
    )


@require_safe
@never_cache
@cached_public_page
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One organisation: what it does, where it serves, its services and their state now."""
    organisation = directory.organisation_get(slug=slug)
    if organisation is None:
        raise Http404("No such organisation")
    now = timezone.now()
    holidays = directory.public_holiday_dates()
    services = [service_view(s, at=now, holidays=holidays) for s in organisation.services.all()]
    return render(
        request,
        "portal/organisation.html",
        {"organisation": organisation, "services": services},
    )
