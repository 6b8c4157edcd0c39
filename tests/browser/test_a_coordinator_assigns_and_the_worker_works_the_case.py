"""The workspace from the outside, in Chromium, on a desktop screen and on a 360 px phone: a
coordinator assigns a case to a social worker; the social worker logs in, finds it under My
work, adds a follow-up due yesterday that shows as overdue, corrects the narrative and prints
the summary; every staff page on the way has the staff navigation and logout, and nothing is
asked of another host."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from strehe.audit.models import AuditEntry
from tests.browser.test_helpline_to_identification import log_in
from tests.cases.workflow import share_with_agencies_of
from tests.staff import open_test_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def workspace_page(page) -> None:  # type: ignore[no-untyped-def]
    assert page.locator("nav.staff-nav").count() == 1, page.url
    assert page.locator("form.logout button").count() == 1, page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("screen", SCREENS)
def test_assign_then_my_work_follow_up_narrative_and_print(
    browser, live_server, staff, agencies, screen
):
    with transaction.atomic():
        case = open_test_case(owner=agencies["advocates"], worker=None, label="Workspace")
        share_with_agencies_of(case, [staff["social_worker_sokol"]])
    requests: list[str] = []

    # --- coordinator_drita assigns the case to social_worker_sokol -------------------------
    drita = browser.new_context(base_url=live_server.url, viewport=SCREENS[screen])
    page = drita.new_page()
    page.on("request", lambda request: requests.append(request.url))
    log_in(page, "coordinator_drita")
    page.goto(f"/en/staff/cases/{case.code}/")
    workspace_page(page)
    page.click(f"a[href$='/staff/cases/{case.code}/assign/']")
    workspace_page(page)
    page.select_option("select[name=assigned_worker]", str(staff["social_worker_sokol"].pk))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/staff/cases/{case.code}/")
    assert "The assigned worker was changed." in page.content()
    drita.close()

    # --- social_worker_sokol finds it under My work ----------------------------------------
    sokol = browser.new_context(base_url=live_server.url, viewport=SCREENS[screen])
    page = sokol.new_page()
    page.on("request", lambda request: requests.append(request.url))
    log_in(page, "social_worker_sokol")
    workspace_page(page)
    assigned = page.locator(f"main a[href$='/staff/cases/{case.code}/']").first
    assert assigned.is_visible()
    assigned.click()
    workspace_page(page)

    # A follow-up due yesterday: overdue on the case and on My work.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.click(f"a[href$='/staff/cases/{case.code}/follow-ups/']")
    workspace_page(page)
    page.fill("textarea[name=note]", "Call back about the hearing")
    page.fill("input[name=due_on]", yesterday.isoformat())
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/staff/cases/{case.code}/**")
    page.goto("/en/staff/")
    overdue = page.locator("li.overdue", has_text=case.code)
    assert overdue.count() >= 1 and overdue.first.is_visible()

    # Correct the narrative.
    page.goto(f"/en/staff/cases/{case.code}/")
    page.click(f"a[href$='/staff/cases/{case.code}/narrative/']")
    workspace_page(page)
    page.fill("textarea[name=narrative]", "She was recruited with a promise of work in a bakery.")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/staff/cases/{case.code}/")
    assert "recruited with a promise of work in a bakery" in page.content()

    # Print the summary.
    page.click(f"a[href$='/staff/cases/{case.code}/print/']")
    page.wait_for_url(f"**/staff/cases/{case.code}/print/")
    page.wait_for_load_state("load")
    workspace_page(page)
    assert "Confidential" in page.content()
    assert case.code in page.content()
    assert "recruited with a promise of work in a bakery" in page.content()
    pdf = page.request.get(f"/en/staff/cases/{case.code}/print/pdf/")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    sokol.close()

    printed = AuditEntry.objects.filter(
        actor=staff["social_worker_sokol"], action=AuditEntry.Action.EXPORT
    )
    assert printed.count() >= 2  # the print view and the PDF
    foreign = [url for url in requests if not url.startswith(live_server.url)]
    assert foreign == []
