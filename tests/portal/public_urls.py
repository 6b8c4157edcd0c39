"""Every public URL, enumerated from the URL configuration and the rows in the database.

A new public route with a parameter this module does not know fails the tests that use it, so no
page can escape the checks on cookies, caching and shelter addresses.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from strehe.campaigns.models import Campaign, CampaignDay
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
    "referrals",
    "moderation",
    "statistics",
}
# "feed" is the campaign's Atom feed, not an HTML page (tests/campaigns check it).
NOT_PAGES = {"healthz", "feed"}
# The steps a reader chooses in order to write (a comment, a message to the helpline): the only
# public pages that set a cookie, the CSRF cookie of their form (tests/campaigns check them).
FORM_PAGES = {"comment_write", "contact"}


def _named_patterns(resolver: URLResolver, namespace: str = "") -> list[tuple[str, URLPattern]]:
    """Each named pattern with the namespace it is reversed in ("campaigns:")."""
    found = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace not in NOT_PUBLIC_NAMESPACES:
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                found += _named_patterns(pattern, inner)
        elif pattern.name:
            found.append((namespace, pattern))
    return found


def public_urls(language: str) -> list[str]:
    urls = []
    with translation.override(language):
        for namespace, pattern in _named_patterns(get_resolver()):
            if pattern.name in NOT_PAGES or pattern.name in FORM_PAGES:
                continue
            parameters = set(pattern.pattern.converters)
            if not parameters:
                url = reverse(namespace + pattern.name)
                if f"/{language}/staff/" not in url:  # staff pages have their own checks
                    urls.append(url)
            elif pattern.name == "organisation" and parameters == {"slug"}:
                urls += [reverse("organisation", args=[slug]) for slug in organisation_slugs()]
            elif pattern.name == "page" and parameters == {"slug"}:
                urls += [reverse("page", args=[slug]) for slug in content_page_slugs()]
            elif pattern.name == "index" and parameters == {"year"}:
                urls += [reverse("campaigns:index", args=[year]) for year in campaign_years()]
            elif pattern.name == "day" and parameters == {"year", "number"}:
                urls += [
                    reverse("campaigns:day", args=[day.campaign.year, day.number])
                    for day in CampaignDay.objects.published().select_related("campaign")
                ]
            else:
                raise AssertionError(f"public_urls does not know how to fill {pattern.name}")
        get_help = reverse("get-help")
        for slug in Municipality.objects.values_list("slug", flat=True):
            urls.append(f"{get_help}?municipality={slug}")
    return urls


def campaign_years() -> list[int]:
    return list(Campaign.objects.values_list("year", flat=True))
