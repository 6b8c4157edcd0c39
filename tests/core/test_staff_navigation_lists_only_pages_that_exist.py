"""The staff navigation is built from URL names: a page that does not exist (yet) is left out,
and a page the user's role may not open is not offered."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from strehe.core.templatetags.staff import NavItem, navigation_for


def request_as(user, path="/en/staff/"):
    request = RequestFactory().get(path)
    request.user = user
    return request


@pytest.mark.django_db
def test_a_url_name_that_does_not_resolve_is_skipped(staff):
    items = (
        NavItem("accounts:home", "My work", exact=True),
        NavItem("referrals:nowhere", "Referrals"),
        NavItem("cases:list", "Cases"),
    )
    with translation.override("en"):
        links = navigation_for(request_as(staff["advocate_arta"]), items)

    assert [link.label for link in links] == ["My work", "Cases"]


@pytest.mark.django_db
def test_links_follow_the_roles_permissions(staff):
    with translation.override("en"):
        investigator = [
            str(link.label) for link in navigation_for(request_as(staff["investigator_ilir"]))
        ]
        operator = [str(link.label) for link in navigation_for(request_as(staff["operator_olta"]))]
        statistician = [
            str(link.label) for link in navigation_for(request_as(staff["statistician_besnik"]))
        ]

    assert investigator[:2] == ["My work", "Cases"]
    assert "Helpline" not in investigator
    assert operator[:3] == ["My work", "Helpline", "Cases"]
    # Statistics exists now (issue 14): the statistician's work, and nothing about a person.
    assert statistician == ["My work", "Statistics"]
    # The occupancy board is for those who place people, shelters and coordinators.
    assert "Shelters" in investigator
    assert "Shelters" not in operator


@pytest.mark.django_db
def test_the_section_being_read_is_marked_current(staff):
    with translation.override("en"):
        links = navigation_for(request_as(staff["advocate_arta"], "/en/staff/cases/ABC/"))
        # Labels are lazy: read them in the language of the test, not whatever is active after.
        current = {str(link.label): link.is_current for link in links}

    assert current["Cases"] is True
    assert current["My work"] is False
