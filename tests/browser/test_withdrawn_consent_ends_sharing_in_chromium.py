"""Acceptance: when the person withdraws their consent, the Centre for Social Work stops seeing
the case at once.

In Chromium, with two people logged in for real (password, then TOTP): advocate_arta records
the person's consent to share her case with the Centre for Social Work and shares it;
social_worker_sokol opens the case and sees the person's name; advocate_arta records on the case
page that the consent was withdrawn; the centre's next request for the case is answered 404, and
the case page tells the advocate when sharing ended and why. (A shelter sees its residents only,
through placements: tests/browser/test_placement_in_chromium.py.)
"""

import pytest
from django.utils import formats, timezone, translation

from strehe.cases.models import AccessGrant, Consent
from tests.browser.test_helpline_to_identification import log_in
from tests.staff import open_test_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_centre_loses_the_case_when_the_person_withdraws_consent(
    recorded_page, browser, live_server, staff, agencies
):
    case = open_test_case(owner=agencies["advocates"], worker=staff["advocate_arta"], label="Bora")
    case_path = f"/en/staff/cases/{case.code}/"
    shelter = agencies["social"]

    # --- advocate_arta records the consent and shares the case ----------------------------
    page = recorded_page.page
    log_in(page, "advocate_arta")
    page.goto(case_path)
    page.click("main a[href$='/consents/']")
    page.select_option("select[name=scope]", "sharing")
    page.select_option("select[name=agency]", str(shelter.pk))
    page.click("main form button[type=submit]")
    assert page.url.endswith(case_path), page.url

    page.click("main a[href$='/sharing/']")
    page.select_option("select[name=agency]", str(shelter.pk))
    page.click("main form button[type=submit]")
    assert page.url.endswith(case_path), page.url
    grant = AccessGrant.objects.get(case=case, agency=shelter)
    assert grant.basis == AccessGrant.Basis.CONSENT and grant.in_force

    # --- social_worker_sokol, in another browser, opens the case --------------------------
    context = browser.new_context(base_url=live_server.url)
    shelter_page = context.new_page()
    log_in(shelter_page, "social_worker_sokol")
    response = shelter_page.goto(case_path)
    assert response.status == 200
    assert "GivenBora" in shelter_page.locator("main").inner_text()

    # --- the person withdraws the consent; advocate_arta records it -----------------------
    consent = Consent.objects.get(case=case, scope="sharing", agency=shelter)
    page.goto(case_path)
    page.click("main a[href$='/consents/withdraw/']")
    page.check(f"input[name=consent][value='{consent.pk}']")
    page.click("main form button[type=submit]")
    assert page.url.endswith(case_path), page.url

    # --- the shelter's next request: the case is not there for them ----------------------
    response = shelter_page.goto(case_path)
    assert response.status == 404
    assert "GivenBora" not in shelter_page.content()
    context.close()

    # --- the case page says when and why sharing ended ------------------------------------
    grant.refresh_from_db()
    assert grant.end_cause == AccessGrant.EndCause.CONSENT_WITHDRAWN
    with translation.override("en"):
        ended_on = formats.date_format(timezone.localtime(grant.ended_at), "DATE_FORMAT")
    main = page.locator("main").inner_text()
    assert f"sharing ended on {ended_on}: The person withdrew their consent" in main, main
    assert recorded_page.foreign_requests(live_server.url) == []
