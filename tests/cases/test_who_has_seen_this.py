import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_a_coordinator_sees_who_has_viewed_a_case(login_as, records_of):
    case = records_of("advocate_arta").own
    login_as("advocate_arta").get(reverse("cases:detail", kwargs={"code": case.code}))

    page = login_as("coordinator_drita").get(
        reverse("cases:access_log", kwargs={"code": case.code})
    )

    assert page.status_code == 200
    assert "advocate_arta" in page.content.decode()


@pytest.mark.django_db
def test_the_caseworker_cannot_see_who_has_viewed_her_own_case(login_as, records_of):
    case = records_of("advocate_arta").own

    page = login_as("advocate_arta").get(reverse("cases:access_log", kwargs={"code": case.code}))

    assert page.status_code == 404
