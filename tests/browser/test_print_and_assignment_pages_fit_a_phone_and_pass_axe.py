"""The printable summary, the assignment and the transfer pages in Chromium at 360 px: nothing
scrolls sideways, axe finds no serious violation, no request leaves the site; on paper the
summary prints without the staff navigation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_helpline_to_identification import log_in
from tests.staff import open_test_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def test_print_assign_and_transfer_pages_on_a_phone(browser, live_server, staff, agencies):
    case = open_test_case(owner=agencies["advocates"], worker=staff["advocate_arta"], label="Phone")
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    log_in(page, "advocate_arta")

    results = {}
    for page_name in ("print", "assign", "transfer"):
        path = f"/en/staff/cases/{case.code}/{page_name}/"
        page.goto(path)
        violations = Axe().run(page).response["violations"]
        results[page_name] = (
            page.evaluate("document.documentElement.scrollWidth"),
            [v["id"] for v in violations if v["impact"] in {"serious", "critical"}],
        )
    page.goto(f"/en/staff/cases/{case.code}/print/")
    page.emulate_media(media="print")
    navigation_on_paper = page.locator("nav.staff-nav").is_visible()
    confidential_on_paper = page.locator(".confidential").is_visible()
    context.close()

    assert all(width <= PHONE["width"] for width, _ in results.values()), results
    assert all(serious == [] for _, serious in results.values()), results
    assert not navigation_on_paper and confidential_on_paper
    origin = live_server.url
    assert [url for url in requests if not url.startswith(origin)] == []
