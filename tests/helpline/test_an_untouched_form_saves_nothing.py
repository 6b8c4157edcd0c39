"""An untouched "log a call" form saves nothing and says what is required: no trafficking
answers are chosen for the operator."""

import re

import pytest

from strehe.helpline.models import Contact
from tests.helpline.flow import url


def untouched(html: str) -> dict[str, str]:
    """What a browser sends for the form as shown: each select's selected (or first) option."""
    sent = {}
    for name, options in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', options) or re.search(
            r'<option value="([^"]*)"', options
        )
        sent[name] = chosen.group(1) if chosen else ""
    once = re.search(r'name="once" value="([^"]+)"', html)
    if once:
        sent["once"] = once.group(1)
    return sent


@pytest.mark.django_db
def test_the_untouched_form_saves_nothing_and_names_what_is_required(login_as):
    client = login_as("operator_olta")
    page = client.get(url("helpline:create")).content.decode()

    data = untouched(page)
    answer = client.post(url("helpline:create"), data)

    assert {data[name] for name in ("caller_type", "topic", "outcome")} == {""}
    assert answer.status_code == 200
    assert Contact.objects.count() == 0
    errors = answer.context["form"].errors
    assert set(errors) == {"caller_type", "topic", "outcome"}
