from django.urls import path

from . import views

# Mounted inside i18n_patterns, so each page exists once per language: /sq/..., /sr/..., /en/...
urlpatterns = [
    path("", views.home, name="home"),
    path(
        "what-is-trafficking/",
        views.content_page,
        {"slug": "what-is-trafficking"},
        name="what-is-trafficking",
    ),
    path(
        "who-can-be-a-victim/",
        views.content_page,
        {"slug": "who-can-be-a-victim"},
        name="who-can-be-a-victim",
    ),
    path("get-help/", views.get_help, name="get-help"),
    # Any further page an editor adds in the admin is published here under its slug.
    path("pages/<slug:slug>/", views.content_page, name="page"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
]
