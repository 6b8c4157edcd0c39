"""Staff edit directory data in the admin, one field per language."""

import pytest

from strehe.directory.models import Organisation, Service, Shelter
from strehe.portal.models import ContentPage


@pytest.fixture
def editor(django_user_model):  # type: ignore[no-untyped-def]
    return django_user_model.objects.create_superuser(
        username="directory-editor", password="a-long-test-password", email="e@example.org"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "path"),
    [
        (Organisation, "directory/organisation"),
        (Service, "directory/service"),
        (Shelter, "directory/shelter"),
        (ContentPage, "portal/contentpage"),
    ],
)
def test_the_change_form_has_a_field_per_language(client, editor, reference, model, path):
    client.force_login(editor)
    row = model.objects.first()

    html = client.get(f"/en/admin/{path}/{row.pk}/change/").content.decode()

    for language in ("sq", "sr", "en"):
        field = "title" if model is ContentPage else "name"
        assert f'name="{field}_{language}"' in html


@pytest.mark.django_db
def test_the_organisation_list_shows_which_rows_are_illustrative(client, editor, reference):
    client.force_login(editor)

    html = client.get("/en/admin/directory/organisation/?illustrative__exact=1").content.decode()

    assert "Kosovo Police" in html
    assert "Centre for Social Work Prizren" not in html
