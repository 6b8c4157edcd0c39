"""The correction pages at 360 px wide: nothing scrolls sideways, no serious or critical axe
violation, no request to another host; and a correction made in the browser reaches the
case's timeline."""

import pytest

from strehe.cases.services import case_note_add, person_update, trafficking_event_add
from tests.browser.test_helpline_to_identification import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def test_correction_pages_fit_360_pixels_and_pass_axe(
    recorded_page, live_server, staff, records_of
):
    from axe_playwright_python.sync_playwright import Axe

    investigator = staff["investigator_ilir"]
    case = records_of("investigator_ilir").own
    person_update(
        actor=investigator, case=case, changes={"aliases": ["Një pseudonim shumë i gjatë"]}
    )
    note = case_note_add(actor=investigator, case=case, text="Called from a kiosk.")
    event = trafficking_event_add(actor=investigator, case=case, kind="Transit", country="RS")
    page = recorded_page.page
    page.set_viewport_size(PHONE)
    log_in(page, "investigator_ilir")
    base = f"/en/staff/cases/{case.code}"
    paths = [
        f"{base}/person/",
        f"{base}/narrative/",
        f"{base}/notes/correct/?note={note.pk}",
        f"{base}/events/correct/?event={event.pk}",
    ]

    problems = {}
    for path in paths:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        serious = [
            violation["id"]
            for violation in Axe().run(page).response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        if width > PHONE["width"] or serious:
            problems[path] = (width, serious)

    page.goto(f"{base}/person/")
    page.fill("input[name=phone]", "+38344999000")
    page.click("main form button[type=submit]")
    assert page.url.endswith(f"{base}/"), page.url
    assert "Person details corrected: changed phone number." in page.content()
    assert problems == {}
    assert recorded_page.foreign_requests(live_server.url) == []
