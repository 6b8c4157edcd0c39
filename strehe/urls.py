from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path

from strehe.core.api import api_not_found
from strehe.core.views import healthz

# 404.html and 403.html come from strehe/core/templates through Django's own handlers; the 500
# page has its own handler so that it renders without the database.
handler500 = "strehe.core.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("strehe.api.urls")),
    # Last among the API routes: an unknown API address answers JSON, not the HTML 404 page.
    re_path(r"^api/(?P<path>[\s\S]*)$", api_not_found),
]

# Public and staff pages carry the language in the path (/sq/, /sr/, /en/), so a reader's
# language needs no cookie and every page has one address per language.
urlpatterns += i18n_patterns(
    path("", include("strehe.portal.urls")),
    path("", include("strehe.campaigns.urls")),
    path("admin/", admin.site.urls),
    path("staff/", include("strehe.accounts.urls")),
    path("staff/cases/", include("strehe.cases.urls")),
    path("staff/helpline/", include("strehe.helpline.urls")),
    path("staff/search/", include("strehe.cases.search_urls")),
    path("staff/moderation/", include("strehe.campaigns.staff_urls")),
    path("staff/statistics/", include("strehe.statistics.urls")),
    path("statistics/", include("strehe.statistics.public_urls")),
    path("staff/api-tokens/", include("strehe.api.token_urls")),
    path("staff/shelters/", include("strehe.shelters.urls")),
    path("staff/referrals/", include("strehe.referrals.urls")),
    prefix_default_language=True,
)
