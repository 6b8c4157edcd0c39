"""A refused POST to an action page saves nothing: 404 for a case the user may not see (checked
first), 403 for a case they see without the permission to change it."""

import pytest
from django.apps import apps

from tests.cases.workflow import url

NOTE = {"text": "Should never be saved."}


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for app in ("cases", "audit")
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "relation", "status"),
    [
        # A shelter's staff see residents only (placements), not a case assigned to them.
        ("shelter_staff_shpresa", "own", 404),
        ("shelter_staff_shpresa", "other_agency", 404),
        ("coordinator_drita", "other_agency", 403),
        ("operator_olta", "own_agency", 403),
        ("advocate_arta", "other_agency", 404),
        ("statistician_besnik", "own", 404),
    ],
)
def test_a_refused_post_answers_and_saves_nothing(records_of, login_as, username, relation, status):
    case = records_of(username).by_relation()[relation]
    client = login_as(username)
    before = row_counts()

    response = client.post(url("cases:note", case), NOTE)

    assert response.status_code == status
    assert row_counts() == before


@pytest.mark.django_db
def test_an_unknown_code_is_404_even_for_a_role_without_the_permission(login_as):
    response = login_as("shelter_staff_shpresa").post("/en/staff/cases/KS-1999-99999/notes/", NOTE)

    assert response.status_code == 404
