from django.urls import path

from . import views

app_name = "shelters"

urlpatterns = [
    path("", views.board, name="list"),
    path("history/", views.history, name="history"),
    path("residents/", views.residents, name="residents"),
    path("<int:shelter_id>/beds/", views.capacity, name="capacity"),
    path("cases/<str:code>/place/", views.placement_place, name="place"),
    path("cases/<str:code>/transfer/", views.placement_transfer, name="transfer"),
    path("cases/<str:code>/check-in/", views.placement_check_in, name="check_in"),
    path("cases/<str:code>/check-out/", views.placement_check_out, name="check_out"),
]
