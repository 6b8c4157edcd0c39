from django.urls import path

from . import views_tokens

app_name = "api_tokens"

urlpatterns = [
    path("", views_tokens.api_tokens, name="list"),
    path("revoke/", views_tokens.api_token_revoke, name="revoke"),
]
