"""Acceptance: a social worker places the person in a shelter; the shelter's staff see the
resident; check-out takes it away again.

In Chromium, two people logged in for real: social_worker_sokol opens the placement page of his
case, which offers the eligible shelter and lists the excluded one with its reason, and places
the person; shelter_staff_shpresa finds the resident by case code in My work and on her
residents page, opens the case, checks the person in and later out; her next request for the
case is answered 404 and her residents page is empty. The pages pass axe at 360 px wide and make
no request to another host.
"""

import pytest

from strehe.directory.models import Shelter
from strehe.shelters.models import Placement
from tests.browser.test_helpline_to_identification import log_in
from tests.shelters.helpers import make_shelter, person_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def serious_axe_violations(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["help"])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_a_social_worker_places_the_person_and_the_shelter_sees_its_resident(
    recorded_page, browser, live_server, staff, agencies
):
    case = person_case(owner=agencies["social"], worker=staff["social_worker_sokol"], risk="high")
    shelter = make_shelter(operator=agencies["shelter"], name="House of the test", capacity=4)
    make_shelter(kind=Shelter.Kind.DOMESTIC_VIOLENCE, name="Low-risk house")
    case_path = f"/en/staff/cases/{case.code}/"

    # --- social_worker_sokol chooses a shelter -------------------------------------------
    page = recorded_page.page
    page.set_viewport_size(PHONE)
    log_in(page, "social_worker_sokol")
    page.goto(case_path)
    page.click("main a[href$='/place/']")
    main = page.locator("main").inner_text()
    assert "Low-risk house" in main and "Risk: high; Domestic-violence shelter" in main, main
    assert serious_axe_violations(page) == []
    page.check(f"input[name=shelter][value='{shelter.pk}']")
    page.click("main form button[type=submit]")
    assert page.url.endswith(case_path), page.url
    assert "Placed in House of the test" in page.locator("main").inner_text()
    placement = Placement.objects.get(case=case, checked_out_at=None)
    assert placement.shelter == shelter

    # --- shelter_staff_shpresa sees the resident -----------------------------------------
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    shelter_page = context.new_page()
    log_in(shelter_page, "shelter_staff_shpresa")
    assert case.code in shelter_page.locator("main").inner_text()
    shelter_page.goto("/en/staff/shelters/residents/")
    assert case.code in shelter_page.locator("main").inner_text()
    assert serious_axe_violations(shelter_page) == []
    assert shelter_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shelter_page.click(f"main a[href$='/cases/{case.code}/check-in/']")
    shelter_page.click("main form button[type=submit]")
    placement.refresh_from_db()
    assert placement.checked_in_at is not None
    response = shelter_page.goto(case_path)
    assert response.status == 200

    # --- the occupancy board shows counts, never the address -----------------------------
    shelter_page.goto("/en/staff/shelters/")
    board = shelter_page.locator("main").inner_text()
    assert "House of the test" in board and "Secret street" not in board
    assert serious_axe_violations(shelter_page) == []

    # --- check-out: the resident is gone for the shelter ---------------------------------
    shelter_page.goto(case_path)
    shelter_page.click("main a[href$='/check-out/']")
    shelter_page.select_option("select[name=reason]", "moved_on")
    shelter_page.click("main form button[type=submit]")
    assert shelter_page.url.endswith("/en/staff/shelters/residents/"), shelter_page.url
    assert case.code not in shelter_page.locator("main").inner_text()
    response = shelter_page.goto(case_path)
    assert response.status == 404
    context.close()

    shelter.refresh_from_db()
    assert shelter.occupied == 0
    assert recorded_page.foreign_requests(live_server.url) == []
