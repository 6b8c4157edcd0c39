"""Screening a helpline contact through the API gives the same guidance as the screening page
for the same checklist, takes ILO indicators by key, and is refused to the same people."""

import pytest

from strehe.screening.loading import DEFAULT_DATA_DIR, ILO_INDICATORS_FILE, load_ilo_indicators
from strehe.screening.models import Screening
from tests.api.tokens import bearer, post_json, token_for
from tests.helpline.flow import SCREENING_POST, logged_contact, url
from tests.staff import NAMED_USERS, verified_client

INDICATORS = ["deceptive_recruitment-01", "deceptive_recruitment-02"]


def screen(client, contact_id: int, data: dict):  # type: ignore[no-untyped-def]
    address = f"/api/v1/contacts/{contact_id}/screenings/"
    return post_json(client, address, data)


@pytest.mark.django_db
def test_the_api_and_the_page_give_the_same_guidance(staff):
    load_ilo_indicators(DEFAULT_DATA_DIR / ILO_INDICATORS_FILE)
    olta = staff["operator_olta"]
    on_page, over_api = logged_contact(olta), logged_contact(olta)
    by_key = {i.key: i for i in Screening.indicators.field.related_model.objects.all()}
    page_data = {
        **SCREENING_POST,
        "indicators_deceptive_recruitment": [by_key[k].pk for k in INDICATORS],
    }

    assert (
        verified_client(olta)
        .post(url("helpline:screen", contact_id=on_page.pk), page_data)
        .status_code
        == 302
    )
    response = screen(
        bearer(token_for(olta)), over_api.pk, {**SCREENING_POST, "indicators": INDICATORS}
    )

    assert response.status_code == 201, response.json()
    from_page = Screening.objects.get(contact=on_page)
    from_api = Screening.objects.get(contact=over_api)
    assert response.json()["indicators"] == INDICATORS
    assert response.json()["result"] == from_page.result
    assert (from_api.palermo_indicates_victim, from_api.ilo_indicates_victim) == (
        from_page.palermo_indicates_victim,
        from_page.ilo_indicates_victim,
    )
    assert [
        s["id"]
        for s in bearer(token_for(olta))
        .get(f"/api/v1/contacts/{over_api.pk}/screenings/")
        .json()["results"]
    ] == [from_api.pk]


@pytest.mark.django_db
def test_an_unknown_indicator_or_act_is_a_field_error(staff):
    olta = staff["operator_olta"]
    contact = logged_contact(olta)

    response = screen(
        bearer(token_for(olta)), contact.pk, {"acts": ["kidnap"], "indicators": ["no-such-key"]}
    )

    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"acts", "indicators"}
    assert not Screening.objects.exists()


@pytest.mark.django_db
def test_every_role_is_answered_as_the_screening_page_answers(staff):
    contact = logged_contact(staff["colleague_helpline"])
    pages, api = {}, {}
    for username in NAMED_USERS:
        user = staff[username]
        pages[username] = (
            verified_client(user)
            .post(url("helpline:screen", contact_id=contact.pk), SCREENING_POST)
            .status_code
        )
        api[username] = screen(bearer(token_for(user)), contact.pk, SCREENING_POST).status_code

    saved = {302: 201}
    assert {name: saved.get(status, status) for name, status in pages.items()} == api
    assert api["operator_olta"] == 201
    assert Screening.objects.count() == 2 * list(api.values()).count(201)
