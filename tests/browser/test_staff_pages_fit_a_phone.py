"""Staff pages at 360 px wide, a small phone: nothing scrolls sideways, lists become cards, and
the staff navigation and logout are there."""

import pytest

from strehe.cases.codes import EventKind
from strehe.cases.services import case_update, trafficking_event_add
from tests.browser.test_helpline_to_identification import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def scroll_width(page) -> int:  # type: ignore[no-untyped-def]
    return page.evaluate("document.documentElement.scrollWidth")


def test_case_list_and_case_page_fit_360_pixels(browser, live_server, staff, records_of):
    investigator = staff["investigator_ilir"]
    records = records_of("investigator_ilir")
    case_update(
        actor=investigator,
        case=records.own,
        changes={
            "citizenships": ["XK", "AL", "RS", "MK"],
            "languages": ["sq", "sr", "en", "tr"],
            "address": "Rruga e Dëshmorëve të Kombit pa numër, hyrja e dytë, kati i katërt",
        },
    )
    trafficking_event_add(
        actor=investigator,
        case=records.own,
        kind=EventKind.EXPLOITATION,
        country="DE",
        place="Industriegebietsverwaltungsgebäude",
    )
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    log_in(page, "investigator_ilir")

    widths = {}
    for path in ("/en/staff/", "/en/staff/cases/", f"/en/staff/cases/{records.own.code}/"):
        page.goto(path)
        assert page.locator("nav.staff-nav").is_visible(), path
        assert page.locator("form.logout button").is_visible(), path
        widths[path] = scroll_width(page)

    page.goto("/en/staff/cases/")
    # The list is a stack of cards: each row as wide as the page, its header row out of sight.
    row = page.locator("table.cards tbody tr").first.bounding_box()
    assert row is not None and row["width"] <= PHONE["width"]
    assert not page.locator("table.cards thead").is_visible() or (
        page.locator("table.cards thead").bounding_box()["x"] < 0
    )
    context.close()

    assert all(width <= PHONE["width"] for width in widths.values()), widths
