"""The API's browsable docs load every script from this server, none inline (the CSP refuses
inline scripts) and none from a CDN."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client


@pytest.mark.django_db
def test_every_script_of_the_docs_is_ours_and_none_is_inline():
    page = Client().get("/api/v1/docs/").content.decode()

    sources = re.findall(r"<script([^>]*)>", page)
    assert sources and all('src="/' in attributes for attributes in sources), sources
    for source in re.findall(r'src="([^"]+)"', page):
        if source.startswith(settings.STATIC_URL):
            # A file of our static files (collectstatic copies it to where whitenoise serves).
            assert finders.find(source.removeprefix(settings.STATIC_URL)), source
        else:
            assert Client().get(source).status_code == 200, source
    assert "cdn" not in page.lower()
