"""Acceptance: a victim advocate refers a case to a Centre for Social Work, sharing identity and
risk but not notes; a social worker there sees a summary without the name, accepts, and then
sees the shared parts and not the notes; then places the person in a shelter, whose staff see
the resident until the check-out takes the case away from them again.

In Chromium, with everyone logged in for real (password, then TOTP). The pages they pass through
are checked with axe on the way, and no request leaves the site.
"""

import pytest

from strehe.referrals.models import Referral
from tests.browser.test_helpline_to_identification import log_in
from tests.referrals.setting import NOTE, PLACE, RISK_REASONS, ReferralSetting, service_of
from tests.shelters.helpers import make_shelter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def serious_axe_violations(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (violation["id"], violation["help"])
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def test_an_advocate_refers_a_case_and_the_social_worker_sees_only_what_was_shared(
    recorded_page, browser, live_server, staff, agencies
):
    referral_setting = ReferralSetting(staff=staff, agencies=agencies)
    case = referral_setting.case("Drita")
    service = service_of(referral_setting.agencies["social"])
    shelter = make_shelter(operator=agencies["shelter"], name="House of the referral")
    name = case.person.given_name

    # --- advocate_arta refers the case, sharing identity and risk -------------------------
    page = recorded_page.page
    log_in(page, "advocate_arta")
    page.goto(f"/en/staff/cases/{case.code}/")
    page.click("main a[href$='/new/']")
    assert serious_axe_violations(page) == []
    page.select_option("select[name=service]", str(service.pk))
    page.select_option("select[name=urgency]", "urgent")
    page.fill("textarea[name=reason]", "Needs social assistance and a safe place to stay.")
    page.check("input[name=parts][value=identity]")
    page.check("input[name=parts][value=risk]")
    page.click("main form button[type=submit]")
    assert page.url.endswith(f"/en/staff/referrals/case/{case.code}/"), page.url
    referral = Referral.objects.get(case=case)
    assert referral.state == "sent" and referral.parts == ["identity", "risk"]

    # --- social_worker_sokol, in another browser: My work, then the summary ---------------
    context = browser.new_context(base_url=live_server.url)
    worker = context.new_page()
    log_in(worker, "social_worker_sokol")
    assert worker.goto(f"/en/staff/cases/{case.code}/").status == 404
    worker.goto("/en/staff/")
    worker.click(f"main a[href$='/referrals/case/{case.code}/']")
    summary = worker.locator("main").inner_text()
    assert case.code in summary and "Needs social assistance" in summary
    assert name not in worker.content() and case.person.family_name not in worker.content()
    assert serious_axe_violations(worker) == []

    # --- accepts; the case page shows identity and risk, not the notes --------------------
    worker.click("main form button[type=submit]")
    assert worker.url.endswith(f"/en/staff/cases/{case.code}/"), worker.url
    main = worker.locator("main").inner_text()
    assert name in main and RISK_REASONS in main
    assert NOTE not in main and PLACE not in main and "Narrative of" not in main
    assert serious_axe_violations(worker) == []

    # --- through the referral, he places the person in a shelter ---------------------------
    worker.click("main a[href$='/place/']")
    worker.check(f"input[name=shelter][value='{shelter.pk}']")
    worker.click("main form button[type=submit]")
    assert worker.url.endswith(f"/en/staff/cases/{case.code}/"), worker.url
    assert "Placed in House of the referral" in worker.locator("main").inner_text()
    context.close()

    # --- shelter_staff_shpresa sees the resident; the check-out removes it ----------------
    context = browser.new_context(base_url=live_server.url)
    shelter_page = context.new_page()
    log_in(shelter_page, "shelter_staff_shpresa")
    shelter_page.goto("/en/staff/shelters/residents/")
    assert case.code in shelter_page.locator("main").inner_text()
    assert shelter_page.goto(f"/en/staff/cases/{case.code}/").status == 200
    shelter_page.click("main a[href$='/check-out/']")
    shelter_page.select_option("select[name=reason]", "moved_on")
    shelter_page.click("main form button[type=submit]")
    assert case.code not in shelter_page.locator("main").inner_text()
    assert shelter_page.goto(f"/en/staff/cases/{case.code}/").status == 404
    context.close()
    assert recorded_page.foreign_requests(live_server.url) == []
