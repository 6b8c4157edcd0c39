from django.urls import path

from strehe.work.views import my_work

from . import views

app_name = "accounts"

urlpatterns = [
    # The staff home is My work (strehe.work), which reads cases and contacts and so lives above
    # them; it keeps the address and the name every login redirect and link already uses.
    path("", my_work, name="home"),
    path("login/", views.login, name="login"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("logout/", views.logout_view, name="logout"),
    path("logout-everywhere/", views.logout_everywhere, name="logout_everywhere"),
]
