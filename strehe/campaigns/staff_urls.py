from django.urls import path

from . import staff_views

app_name = "moderation"

urlpatterns = [
    path("", staff_views.moderation_queue, name="queue"),
]
