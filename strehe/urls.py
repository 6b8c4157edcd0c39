from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from strehe.core.views import healthz

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="healthz"),
]

# Public and staff pages carry the language in the path (/sq/, /sr/, /en/), so a reader's
# language needs no cookie and every page has one address per language.
urlpatterns += i18n_patterns(
    path("", include("strehe.portal.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
