"""Every staff page has the staff navigation, who is logged in and a logout button, and none of
the public site's quick exit (whose Escape-twice shortcut would throw a worker's typing away) or
its privacy footer; public pages keep both.

The pages come from the URL configuration, as in the authorization matrix: each staff page is
opened by the first named user who may open it, on a record of their own, so a page added later
is checked without being listed here.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.cases.test_authorization_matrix import (
    contacts_of,
    shows_personal_data,
    staff_and_api_routes,
)
from tests.shelters.helpers import make_shelter, resident_records
from tests.staff import NAMED_USERS, verified_client

QUICK_EXIT_LINK = 'id="quick-exit"'
QUICK_EXIT_SCRIPT = "quick-exit.js"
PUBLIC_FOOTER = "Your safety"


def staff_pages() -> list[tuple[str, set[str]]]:
    """Every page under /<language>/staff/ (the API has no layout)."""
    return [
        (name, kwargs)
        for name, route, callback, kwargs in staff_and_api_routes()
        if "staff/" in route and shows_personal_data(callback) is not None
    ]


def assert_staff_layout(html: str, where: str, name: str) -> None:
    assert 'aria-label="Staff"' in html, f"{where}: no staff navigation"
    assert f'href="{reverse("accounts:home")}"' in html, f"{where}: no link to My work"
    assert f'<form method="post" action="{reverse("accounts:logout")}"' in html, (
        f"{where}: no logout form"
    )
    assert f"<strong>{name}</strong>" in html, f"{where}: the user is not named"
    assert QUICK_EXIT_LINK not in html, f"{where}: quick exit on a staff page"
    assert QUICK_EXIT_SCRIPT not in html, f"{where}: quick-exit script on a staff page"
    assert PUBLIC_FOOTER not in html, f"{where}: the public privacy footer on a staff page"


@pytest.mark.django_db
def test_every_staff_page_has_the_staff_layout_and_no_quick_exit(
    staff, agencies, records_of, capsys
):
    for user in staff.values():
        user.first_name, user.last_name = user.username.split("_")[-1].capitalize(), "Tester"
        user.save(update_fields=["first_name", "last_name"])
    shelter = make_shelter(operator=agencies["shelter"], capacity=20)
    records = {
        username: {
            # A shelter's staff see residents only: theirs is a case placed in their shelter.
            "code": resident_records(staff, agencies, shelter)["resident"]
            if username == "shelter_staff_shpresa"
            else records_of(username).own,
            "contact_id": contacts_of(staff, username)["own"],
            "shelter_id": shelter,
        }
        for username in NAMED_USERS
    }
    pages = staff_pages()
    assert {"accounts:home", "cases:list", "cases:detail", "helpline:list"} <= {n for n, _ in pages}

    checked, post_only, downloads, unreached = [], [], [], []
    for name, kwargs in pages:
        for username in NAMED_USERS:
            client = verified_client(staff[username])
            with translation.override("en"):
                arguments = {}
                if kwargs:
                    (argument,) = kwargs
                    record = records[username][argument]
                    arguments = {argument: record.code if argument == "code" else record.pk}
                url = reverse(name, kwargs=arguments)
                response = client.get(url)
                if response.status_code == 405:
                    post_only.append(name)
                    break
                if response.status_code != 200:
                    continue
                if not response["Content-Type"].startswith("text/html"):
                    # A download (the case summary as PDF) is not a page: it has no layout.
                    downloads.append(name)
                    break
                assert_staff_layout(response.content.decode(), url, staff[username].get_full_name())
            checked.append(name)
            break
        else:
            unreached.append(name)

    with capsys.disabled():
        print(
            f"\nstaff layout: {len(checked)} staff pages checked, POST only: {post_only}, "
            f"downloads: {downloads}"
        )
    assert unreached == [], f"no named user could open: {unreached}"
    assert len(checked) >= 15


@pytest.mark.django_db
def test_the_login_page_is_a_staff_page_without_quick_exit(client):
    html = client.get("/en/staff/login/").content.decode()

    assert QUICK_EXIT_LINK not in html
    assert QUICK_EXIT_SCRIPT not in html
    assert PUBLIC_FOOTER not in html
    assert 'hreflang="sq"' in html  # the language switch stays
    assert 'aria-label="Staff"' not in html  # nobody logged in: nothing to navigate to


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/sq/", "/en/get-help/", "/sr/what-is-trafficking/"])
def test_public_pages_keep_the_quick_exit_and_their_footer(client, url):
    html = client.get(url).content.decode()

    assert QUICK_EXIT_LINK in html
    assert QUICK_EXIT_SCRIPT in html
    assert 'aria-label="Staff"' not in html


@pytest.mark.django_db
def test_a_logged_in_worker_reading_a_public_page_gets_the_public_layout(login_as):
    html = login_as("advocate_arta").get("/en/get-help/").content.decode()

    assert QUICK_EXIT_LINK in html
    assert 'aria-label="Staff"' not in html
