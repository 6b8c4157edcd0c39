from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views, views_referrals, views_shelters, views_statistics

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
    path(
        "contacts/<int:contact_id>/screenings/",
        views.ContactScreeningsAPI.as_view(),
        name="contact_screenings",
    ),
    path(
        "cases/<str:code>/referrals/",
        views_referrals.CaseReferralsAPI.as_view(),
        name="case_referrals",
    ),
    path("referrals/", views_referrals.ReferralListAPI.as_view(), name="referrals"),
    path(
        "referrals/<int:referral_id>/accept/",
        views_referrals.ReferralAcceptAPI.as_view(),
        name="referral_accept",
    ),
    path(
        "referrals/<int:referral_id>/decline/",
        views_referrals.ReferralDeclineAPI.as_view(),
        name="referral_decline",
    ),
    path(
        "referrals/<int:referral_id>/complete/",
        views_referrals.ReferralCompleteAPI.as_view(),
        name="referral_complete",
    ),
    path(
        "referrals/<int:referral_id>/revoke/",
        views_referrals.ReferralRevokeAPI.as_view(),
        name="referral_revoke",
    ),
    path("shelters/", views_shelters.ShelterOccupancyAPI.as_view(), name="shelters"),
    path("placements/", views_shelters.PlacementListAPI.as_view(), name="placements"),
    path(
        "placements/<int:placement_id>/check-in/",
        views_shelters.PlacementCheckInAPI.as_view(),
        name="placement_check_in",
    ),
    path(
        "placements/<int:placement_id>/check-out/",
        views_shelters.PlacementCheckOutAPI.as_view(),
        name="placement_check_out",
    ),
    path(
        "placements/<int:placement_id>/transfer/",
        views_shelters.PlacementTransferAPI.as_view(),
        name="placement_transfer",
    ),
    path("statistics/", views_statistics.StatisticsAPI.as_view(), name="statistics"),
]
