from django.urls import path

from . import views

app_name = "referrals"

# Every page of one case takes the case code alone; the referral is a POST field.
urlpatterns = [
    path("", views.referral_list, name="list"),
    path("case/<str:code>/", views.referral_case, name="case"),
    path("case/<str:code>/new/", views.referral_create, name="create"),
    path("case/<str:code>/accept/", views.referral_accept, name="accept"),
    path("case/<str:code>/decline/", views.referral_decline, name="decline"),
    path("case/<str:code>/complete/", views.referral_complete, name="complete"),
    path("case/<str:code>/revoke/", views.referral_revoke, name="revoke"),
]
