from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views, views_statistics

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("municipalities/", views.MunicipalityListAPI.as_view(), name="municipalities"),
    path("organisations/", views.OrganisationListAPI.as_view(), name="organisations"),
    path("services/", views.ServiceListAPI.as_view(), name="services"),
    path("helpline-state/", views.HelplineStateAPI.as_view(), name="helpline_state"),
    path(
        "public/statistics/",
        views_statistics.PublicStatisticsAPI.as_view(),
        name="public_statistics",
    ),
    path("cases/", views.CaseListAPI.as_view(), name="cases"),
    path("cases/<str:code>/", views.CaseDetailAPI.as_view(), name="case"),
    path("cases/<str:code>/decisions/", views.CaseDecisionListAPI.as_view(), name="case_decisions"),
    path("contacts/", views.ContactListAPI.as_view(), name="contacts"),
    path("contacts/<int:contact_id>/", views.ContactDetailAPI.as_view(), name="contact"),
    path("statistics/", views_statistics.StatisticsAPI.as_view(), name="statistics"),
]
