"""The API's actions (POST-only views on a referral or a placement) are not read by the record
matrix of tests/cases/test_authorization_matrix.py, which GETs; each must be one the POST
matrices tell their story through, so that a new action cannot escape both."""

from django.urls import get_resolver

from tests.api.test_placement_steps_match_the_pages import STEPS
from tests.cases.test_authorization_matrix import reads, shows_personal_data, walk
from tests.referrals.test_authorization_matrix_referrals import API_URL_NAMES

PLACEMENT_ACTIONS = {f"api:placement_{step}" for step in STEPS if step != "place"}


def test_every_api_action_is_in_a_post_matrix():
    actions = {
        name
        for name, route, callback, _kwargs in walk(get_resolver().url_patterns)
        if route.startswith("api/") and shows_personal_data(callback) and not reads(callback)
    }
    in_matrices = {name for name, _argument in API_URL_NAMES.values()} | PLACEMENT_ACTIONS

    assert actions, "no POST-only API view found: the walk is broken"
    assert actions <= in_matrices, actions - in_matrices
