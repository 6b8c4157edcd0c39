"""Every public URL, enumerated from the URL configuration and the rows in the database.

A new public route with a parameter this module does not know fails the tests that use it, so no
page can escape the checks on cookies, caching and shelter addresses.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from strehe.directory.models import Municipality
from strehe.directory.selectors import organisation_slugs
from strehe.portal.selectors import content_page_slugs

# Staff areas and the API, not public pages; they have their own access rules.
NOT_PUBLIC_NAMESPACES = {
    "admin",
    "accounts",
    "cases",
    "api",
    "api_tokens",
    "helpline",
    "search",
    "shelters",
}
NOT_PAGES = {"healthz"}


def _named_patterns(resolver: URLResolver) -> list[URLPattern]:
    found = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace not in NOT_PUBLIC_NAMESPACES:
                found += _named_patterns(pattern)
        elif pattern.name:
            found.append(pattern)
    return found


def public_urls(language: str) -> list[str]:
    urls = []
    with translation.override(language):
        for pattern in _named_patterns(get_resolver()):
            if pattern.name in NOT_PAGES:
                continue
            parameters = set(pattern.pattern.converters)
            if not parameters:
                urls.append(reverse(pattern.name))
            elif pattern.name == "organisation" and parameters == {"slug"}:
                urls += [reverse("organisation", args=[slug]) for slug in organisation_slugs()]
            elif pattern.name == "page" and parameters == {"slug"}:
                urls += [reverse("page", args=[slug]) for slug in content_page_slugs()]
            else:
                raise AssertionError(f"public_urls does not know how to fill {pattern.name}")
        get_help = reverse("get-help")
        for slug in Municipality.objects.values_list("slug", flat=True):
            urls.append(f"{get_help}?municipality={slug}")
    return urls
