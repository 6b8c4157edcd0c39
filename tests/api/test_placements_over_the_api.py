"""POST /api/v1/placements/ answers 201, 409 "shelter_full" or 422 naming the rule; check-in,
check-out and transfer are actions on the placement, through the same services as the pages."""

import pytest

from strehe.audit.models import AuditEntry
from strehe.cases.models import AccessGrant
from strehe.directory.models import Shelter
from strehe.shelters.models import Placement
from tests.api.tokens import bearer, post_json, token_for
from tests.shelters.helpers import make_shelter, person_case
from tests.staff import NAMED_USERS


@pytest.fixture
def sokol_api(staff):  # type: ignore[no-untyped-def]
    client = bearer(token_for(staff["social_worker_sokol"]))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the refusals are read in English
    return client


@pytest.mark.django_db
def test_a_placement_is_made_and_audited(staff, agencies, shelter_of_agency, sokol_api):
    case = person_case(owner=agencies["social"], worker=staff["social_worker_sokol"])

    response = post_json(
        sokol_api, "/api/v1/placements/", {"case": case.code, "shelter": shelter_of_agency.slug}
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["case"] == case.code
    assert body["shelter"] == shelter_of_agency.slug
    assert body["is_open"] is True
    shelter_of_agency.refresh_from_db()
    assert shelter_of_agency.occupied == 1
    placement = Placement.objects.get(pk=body["id"])
    assert placement.grant is not None and placement.grant.agency == agencies["shelter"]
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.CREATE,
        target_type="shelters.placement",
        target_id=str(placement.pk),
    ).exists()


@pytest.mark.django_db
def test_a_full_shelter_answers_409_shelter_full(staff, agencies, sokol_api):
    shelter = make_shelter(operator=agencies["shelter"], capacity=1)
    first, second = (
        person_case(owner=agencies["social"], worker=staff["social_worker_sokol"]) for _ in "ab"
    )
    assert (
        post_json(
            sokol_api, "/api/v1/placements/", {"case": first.code, "shelter": shelter.slug}
        ).status_code
        == 201
    )

    response = post_json(
        sokol_api, "/api/v1/placements/", {"case": second.code, "shelter": shelter.slug}
    )

    assert response.status_code == 409
    assert response.json()["error"] == "shelter_full"
    assert "full" in response.json()["fields"]["shelter"][0]
    assert Placement.objects.filter(case=second).count() == 0
    shelter.refresh_from_db()
    assert shelter.occupied == 1


@pytest.mark.django_db
def test_an_excluded_shelter_answers_422_naming_the_rule(staff, agencies, sokol_api):
    men_only = make_shelter(operator=agencies["shelter"], women=False, children=False)
    case = person_case(owner=agencies["social"], worker=staff["social_worker_sokol"])

    response = post_json(
        sokol_api, "/api/v1/placements/", {"case": case.code, "shelter": men_only.slug}
    )

    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "not_eligible"
    assert body["fields"]["shelter"] == ["Sex: a woman; this shelter does not accept women."]
    assert body["detail"] == body["fields"]["shelter"][0]
    assert not Placement.objects.exists()


@pytest.mark.django_db
def test_a_case_the_user_may_not_see_is_404_and_a_role_that_may_not_place_403(
    staff, agencies, shelter_of_agency
):
    case = person_case(owner=agencies["elsewhere"], worker=staff["worker_elsewhere"])
    data = {"case": case.code, "shelter": shelter_of_agency.slug}

    assert (
        post_json(
            bearer(token_for(staff["social_worker_sokol"])), "/api/v1/placements/", data
        ).status_code
        == 404
    )
    assert (
        post_json(
            bearer(token_for(staff["coordinator_drita"])), "/api/v1/placements/", data
        ).status_code
        == 403
    )
    assert not Placement.objects.exists()


@pytest.mark.django_db
def test_check_in_check_out_and_transfer_are_actions_on_the_placement(
    staff, agencies, shelter_of_agency, sokol_api
):
    case = person_case(owner=agencies["social"], worker=staff["social_worker_sokol"])
    other = make_shelter(operator=agencies["shelter"])
    placed = post_json(
        sokol_api, "/api/v1/placements/", {"case": case.code, "shelter": shelter_of_agency.slug}
    ).json()
    shpresa_api = bearer(token_for(staff["shelter_staff_shpresa"]))

    checked_in = post_json(shpresa_api, f"/api/v1/placements/{placed['id']}/check-in/", {})
    assert checked_in.status_code == 200 and checked_in.json()["checked_in_at"]
    # Moving and checking out are the placing worker's (and the shelter's, for check-out).
    refused = post_json(sokol_api, f"/api/v1/placements/{placed['id']}/check-in/", {})
    assert refused.status_code == 403

    moved = post_json(
        sokol_api, f"/api/v1/placements/{placed['id']}/transfer/", {"shelter": other.slug}
    )
    assert moved.status_code == 201, moved.json()
    assert moved.json()["shelter"] == other.slug
    assert Placement.objects.get(pk=placed["id"]).check_out_reason == "transferred"

    gone = post_json(
        sokol_api, f"/api/v1/placements/{moved.json()['id']}/check-out/", {"reason": "moved_on"}
    )
    assert gone.status_code == 200
    assert gone.json()["is_open"] is False
    assert {
        s.occupied for s in Shelter.objects.filter(pk__in=[other.pk, shelter_of_agency.pk])
    } == {0}
    # The shelter's access ended with the stay: its staff no longer find the placement.
    assert not AccessGrant.objects.filter(case=case, ended_at=None, basis="placement").exists()
    again = post_json(shpresa_api, f"/api/v1/placements/{placed['id']}/check-in/", {})
    assert again.status_code == 404

    twice = post_json(
        sokol_api, f"/api/v1/placements/{moved.json()['id']}/check-out/", {"reason": "moved_on"}
    )
    assert twice.status_code == 400 and twice.json()["error"] == "invalid"


@pytest.mark.django_db
def test_occupancy_is_for_the_roles_that_see_the_board(
    staff, agencies, shelter_of_agency, login_as
):
    statuses = {}
    for username in NAMED_USERS:
        response = bearer(token_for(staff[username])).get("/api/v1/shelters/")
        page = login_as(username).get("/en/staff/shelters/")
        assert response.status_code == page.status_code, username
        statuses[username] = response.status_code
        if response.status_code == 200:
            (row,) = [r for r in response.json()["results"] if r["slug"] == shelter_of_agency.slug]
            assert (row["capacity"], row["occupied"], row["free"]) == (10, 0, 10)
            assert "address" not in row
    assert 200 in statuses.values() and 403 in statuses.values()


@pytest.mark.django_db
def test_placements_are_listed_by_shelter_and_by_whether_they_are_open(
    staff, agencies, shelter_of_agency, sokol_api
):
    other = make_shelter(operator=agencies["shelter"])
    ids = {}
    for label, shelter in (("here", shelter_of_agency), ("there", other), ("left", other)):
        case = person_case(owner=agencies["social"], worker=staff["social_worker_sokol"])
        body = {"case": case.code, "shelter": shelter.slug}
        ids[label] = post_json(sokol_api, "/api/v1/placements/", body).json()["id"]
    post_json(sokol_api, f"/api/v1/placements/{ids['left']}/check-out/", {"reason": "returned"})

    def listed(**query: str) -> set[int]:
        return {row["id"] for row in sokol_api.get("/api/v1/placements/", query).json()["results"]}

    assert listed() == set(ids.values())
    assert listed(shelter=other.slug) == {ids["there"], ids["left"]}
    assert listed(open="true") == {ids["here"], ids["there"]}
    assert listed(shelter=other.slug, open="false") == {ids["left"]}
