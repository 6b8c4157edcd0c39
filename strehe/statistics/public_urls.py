from django.urls import path

from . import views

# Mounted inside i18n_patterns: /sq/statistics/, /sr/statistics/, /en/statistics/.
urlpatterns = [path("", views.public_statistics, name="public-statistics")]
