from django.urls import path
from django.views.decorators.cache import never_cache

from . import feeds, views

app_name = "campaigns"

# Mounted inside i18n_patterns: /sq/campaigns/2012/, /sr/..., /en/...
urlpatterns = [
    path("campaigns/<int:year>/", views.campaign_index, name="index"),
    path("campaigns/<int:year>/day/<int:number>/", views.day_detail, name="day"),
    path(
        "campaigns/<int:year>/day/<int:number>/write-a-comment/",
        views.comment_write,
        name="comment_write",
    ),
    # Never cached, like every public page: a shared computer keeps nothing of it.
    path("campaigns/<int:year>/feed/", never_cache(feeds.CampaignFeed()), name="feed"),
    path("contact/", views.contact, name="contact"),
    path("contact/sent/", views.contact_sent, name="contact_sent"),
]
