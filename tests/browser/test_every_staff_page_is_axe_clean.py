"""axe-core finds no accessibility violation, of any impact, on any staff page; every page of
the signed-in workspace has the staff navigation and logout.

The pages come from the URL configuration, not from a list here: every staff URL is visited by
the first visitor that may open it (a role on its own records, a user between password and second
factor, a new user without an authenticator, a stranger), in Chromium, and axe runs on it. A page
that accepts only POST (an action button's target) has nothing to show and is listed as such, as
is a download (the case summary as PDF). A
new URL argument the test cannot fill fails the test until a way to fill it is added here.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from strehe.accounts.models import User
from strehe.accounts.roles import Role
from strehe.directory.models import Shelter
from strehe.helpline.models import Contact
from tests.cases.test_authorization_matrix import staff_and_api_routes
from tests.shelters.helpers import make_shelter, resident_records
from tests.staff import make_user, verified_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Roles in the order they are tried: the first that may open a page shows it.
ROLES_IN_ORDER = (
    "investigator_ilir",
    "advocate_arta",
    "social_worker_sokol",
    "operator_olta",
    "shelter_staff_shpresa",
    "coordinator_drita",
    "statistician_besnik",
    "administrator_agim",
    "moderator_mimoza",
)


def contact_of(user: User) -> Contact:
    return Contact.objects.create(
        recorded_by=user,
        owner_agency=user.agency,
        channel="phone",
        language="sq",
        caller_type="possible_victim",
        topic="trafficking",
        outcome="advice_given",
        summary="Synthetic contact for the accessibility check",
    )


def staff_page_routes() -> list[tuple[str, set[str]]]:
    return [
        (name, arguments)
        for name, route, _callback, arguments in staff_and_api_routes()
        if "staff/" in route and not route.startswith("api/")
    ]


def visitors(
    staff: dict[str, User], agencies: dict[str, Any]
) -> Iterator[tuple[str, Client, bool]]:
    """Everyone who might open a staff page, most privileged in casework first: who, their
    client, and whether they are signed in to the workspace."""
    for username in ROLES_IN_ORDER:
        yield username, verified_client(staff[username]), True
    # Between password and second factor.
    halfway = Client()
    halfway.force_login(staff["investigator_ilir"])
    yield "investigator_ilir (password only)", halfway, False
    # A new account whose role needs an authenticator it has not set up yet.
    newcomer = make_user("newcomer_nora", Role.VICTIM_ADVOCATE, agencies["advocates"])
    newcomer.totpdevice_set.all().delete()
    first_login = Client()
    first_login.force_login(newcomer)
    yield "newcomer_nora (no authenticator yet)", first_login, False
    yield "stranger", Client(), False


def test_axe_finds_no_violation_on_any_staff_page(
    browser, live_server, staff, agencies, records_of, capsys
):
    from axe_playwright_python.sync_playwright import Axe

    def case_code(username: str) -> str:
        # A shelter's staff see residents only: theirs is a case placed in their shelter.
        if username == "shelter_staff_shpresa":
            return resident_records(staff, agencies, shelter_run_by(username))["resident"].code
        return records_of(username).own.code

    def shelter_run_by(username: str) -> Shelter:
        return make_shelter(operator=staff[username].agency)

    arguments_for: dict[str, Callable[[str], Any]] = {
        "code": case_code,
        "contact_id": lambda username: contact_of(staff[username]).pk,
        "shelter_id": lambda username: shelter_run_by(username).pk,
    }
    routes = staff_page_routes()
    unfillable = [(n, a) for n, a in routes if not a <= set(arguments_for)]
    assert unfillable == [], f"add a way to fill these URL arguments: {unfillable}"

    clients = list(visitors(staff, agencies))
    axe = Axe()
    counts: dict[str, int] = {}
    details: dict[str, list[str]] = {}
    post_only: list[str] = []
    downloads: list[str] = []
    nobody_opens: list[str] = []

    def visit(name: str, who: str, client: Client, signed_in: bool, url: str) -> None:
        context = browser.new_context(base_url=live_server.url)
        session = client.cookies.get(settings.SESSION_COOKIE_NAME)
        if session is not None:
            context.add_cookies(
                [{"name": session.key, "value": session.value, "url": live_server.url}]
            )
        page = context.new_page()
        page.goto(url)
        assert page.url.endswith(url), f"{name} as {who}: ended at {page.url}"
        results = axe.run(page).response
        if signed_in:
            # A signed-in page of the workspace: its navigation and logout are there.
            assert page.locator("nav.staff-nav").count() == 1, name
            assert page.locator("form.logout button").count() >= 1, name
        context.close()
        assert results["passes"], f"axe checked nothing on {name}"
        violations = results["violations"]
        counts[f"{name} ({who})"] = len(violations)
        details[name] = [f"{v['id']} ({v['impact']}): {v['help']}" for v in violations]

    for name, arguments in routes:
        statuses = []
        for who, client, signed_in in clients:
            username = who.split(" ")[0]
            if arguments and username not in staff:
                continue
            with translation.override("en"):
                url = reverse(name, kwargs={a: arguments_for[a](username) for a in arguments})
            response = client.get(url)
            statuses.append(response.status_code)
            if statuses[-1] == 200 and not response["Content-Type"].startswith("text/html"):
                # A download (the case summary as PDF) is no page for axe to check.
                downloads.append(name)
                break
            if statuses[-1] == 200:
                visit(name, who, client, signed_in, url)
                break
        else:
            (post_only if 405 in statuses else nobody_opens).append(name)

    with capsys.disabled():
        print(f"\naxe on {len(counts)} staff pages (violations per page):")
        for page_name, count in counts.items():
            print(f"  {count}  {page_name}")
        print(f"POST only, nothing to show: {', '.join(post_only) or 'none'}")
        print(f"downloads, not pages: {', '.join(downloads) or 'none'}")

    assert nobody_opens == [], f"no visitor could open these pages: {nobody_opens}"
    assert {name: found for name, found in details.items() if found} == {}
    assert len(counts) >= 10
