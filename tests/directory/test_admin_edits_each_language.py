"""Staff edit directory data in the admin, one field per language."""

import pytest

from strehe.accounts.roles import Role
from strehe.directory.models import Organisation, Service, Shelter
from strehe.portal.models import ContentPage
from tests.staff import make_user, verified_client


@pytest.fixture
def editor(db):  # type: ignore[no-untyped-def]
    """administrator_agim: manages reference data, logged in with his second factor."""
    user = make_user("administrator_agim", Role.ADMINISTRATOR, None)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return verified_client(user)


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
def test_the_change_form_has_a_field_per_language(editor, reference, model, path):
    row = model.objects.first()

    html = editor.get(f"/en/admin/{path}/{row.pk}/change/").content.decode()

    for language in ("sq", "sr", "en"):
        field = "title" if model is ContentPage else "name"
        assert f'name="{field}_{language}"' in html


@pytest.mark.django_db
def test_the_organisation_list_shows_which_rows_are_illustrative(editor, reference):
    html = editor.get("/en/admin/directory/organisation/?illustrative__exact=1").content.decode()

    assert "Kosovo Police" in html
    assert "Centre for Social Work Prizren" not in html
