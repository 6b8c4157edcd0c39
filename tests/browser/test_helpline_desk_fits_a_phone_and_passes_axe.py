"""The helpline desk at 360 px wide: the filtered contact list, a contact page with earlier
contacts from the number and call-backs, the call-back form and My work do not scroll sideways,
and axe finds no serious or critical violation on them."""

import datetime

import pytest
from django.utils import timezone

from strehe.helpline.followups import contact_follow_up_add
from tests.browser.test_helpline_to_identification import log_in
from tests.helpline.desk import logged, municipality

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def test_desk_pages_fit_360_pixels_and_pass_axe(browser, live_server, staff):
    from axe_playwright_python.sync_playwright import Axe

    olta = staff["operator_olta"]
    prizren = municipality("Prizren")
    logged(olta, hours_ago=30, caller_phone="044 123 456")
    contact = logged(
        olta,
        hours_ago=0,
        caller_phone="+383 44 123 456",
        caller_age_group="child",
        caller_sex="female",
        municipality=prizren,
        duration_minutes=35,
    )
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    contact_follow_up_add(
        actor=olta, contact=contact, due_on=yesterday, note="Call back about school", assignee=olta
    )
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    log_in(page, "operator_olta")

    widths, serious = {}, {}
    for path in (
        "/en/staff/",
        "/en/staff/helpline/",
        "/en/staff/helpline/?caller_sex=female&phone=044123456",
        f"/en/staff/helpline/{contact.pk}/",
        f"/en/staff/helpline/{contact.pk}/call-backs/",
    ):
        page.goto(path)
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
        results = Axe().run(page)
        serious[path] = [
            (v["id"], v["help"])
            for v in results.response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
    page.goto(f"/en/staff/helpline/{contact.pk}/")
    page_text = page.locator("main").inner_text()
    context.close()

    assert "Earlier contacts from this number: 1" in page_text
    assert "Overdue" in page_text
    assert all(width <= PHONE["width"] for width in widths.values()), widths
    assert serious == {path: [] for path in serious}
    assert [url for url in requests if not url.startswith(live_server.url)] == []
