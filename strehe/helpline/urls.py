from django.urls import path

from . import views, views_editing

app_name = "helpline"

urlpatterns = [
    path("", views.contact_list, name="list"),
    path("new/", views.contact_create, name="create"),
    path("<int:contact_id>/", views.contact_detail, name="detail"),
    path("<int:contact_id>/screening/", views.contact_screen, name="screen"),
    path("<int:contact_id>/open-case/", views.contact_open_case, name="open_case"),
    path("<int:contact_id>/correct/", views_editing.contact_correct_page, name="correct"),
    path("<int:contact_id>/call-backs/", views.contact_follow_up, name="follow_up"),
    path(
        "<int:contact_id>/call-backs/status/",
        views.contact_follow_up_status,
        name="follow_up_status",
    ),
]
