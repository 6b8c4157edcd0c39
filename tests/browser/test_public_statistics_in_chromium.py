"""The public statistics page in Chromium: axe finds nothing serious, no other host is asked, no
cookie is set, and it fits a phone."""

import pytest

from strehe.statistics.demo import load_statistics_demo
from tests.staff import agencies, staff

__all__ = ["agencies", "staff"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seed_2012(staff):  # type: ignore[no-untyped-def]
    return load_statistics_demo(synthetic_years=False)


@pytest.mark.parametrize("language", ["en", "sr"])
def test_public_statistics_are_accessible_and_self_contained(
    recorded_page, live_server, seed_2012, language
):
    from axe_playwright_python.sync_playwright import Axe

    page = recorded_page.page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"/{language}/statistics/?year=2012")

    results = Axe().run(page)

    serious = [
        (v["id"], v["help"])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
    assert page.locator("svg.bar-chart").count() == 4
    assert page.locator("table.chart-data").count() == 4
    assert page.context.cookies() == []
    assert recorded_page.foreign_requests(live_server.url) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_staff_statistics_page_fits_a_phone_and_is_accessible(browser, live_server, seed_2012):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_helpline_to_identification import log_in

    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    log_in(page, "coordinator_drita")
    page.goto(
        "/en/staff/statistics/?date_from=2012-01-01&date_to=2012-08-31&status=identified"
        "&decided_by=Police&by=citizenship&then_by=age_band"
    )

    results = Axe().run(page)
    serious = [
        (v["id"], v["help"])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    width = page.evaluate("document.documentElement.scrollWidth")
    text = page.locator("main").inner_text()
    context.close()

    assert serious == []
    assert width <= 360
    assert "the police identified 56 victims of trafficking" in text
