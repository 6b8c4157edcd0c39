from django.urls import path

from . import views
from . import views_identification as identification

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("<str:code>/", views.case_detail, name="detail"),
    path("<str:code>/access/", views.case_access_log, name="access_log"),
    path("<str:code>/identification/", identification.case_identification, name="identification"),
]
