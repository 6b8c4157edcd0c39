from django.urls import path

from . import api

app_name = "cases_api"

urlpatterns = [
    path("", api.CaseListAPI.as_view(), name="list"),
    path("<str:code>/", api.CaseDetailAPI.as_view(), name="detail"),
]
