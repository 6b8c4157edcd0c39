from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("", views.staff_statistics, name="home"),
]
