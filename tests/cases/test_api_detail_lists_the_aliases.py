"""The case API's detail shows a person's aliases next to the names, which may be empty."""

import pytest
from django.urls import reverse

from strehe.cases.services import case_open


@pytest.mark.django_db
def test_the_api_detail_lists_the_aliases(staff, agencies, login_as):
    case = case_open(
        actor=staff["advocate_arta"],
        owner_agency=agencies["advocates"],
        aliases=["Bukuroshja e Veriut", "Bukurie"],
    )

    response = login_as("advocate_arta").get(reverse("api:case", kwargs={"code": case.code}))

    assert response.status_code == 200
    person = response.json()["person"]
    assert (person["given_name"], person["family_name"]) == ("", "")
    assert person["aliases"] == ["Bukuroshja e Veriut", "Bukurie"]
