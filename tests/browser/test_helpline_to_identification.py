"""Acceptance: from a helpline call to an identification decision, in Chromium, by two people.

operator_olta logs the call, screens the caller and opens a case shared with the police with
the person's consent; investigator_ilir, in another browser, finds the case in his list and
records the identification. Both log in for real: password, then a TOTP code from the device key.
"""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.cases.codes import TraffickingStatus
from strehe.cases.models import AccessGrant, Case, Consent, IdentificationDecision
from strehe.helpline.models import Contact
from strehe.screening.models import Screening
from tests.accounts.test_two_factor_required import current_code
from tests.conftest import RecordedPage
from tests.staff import STAFF_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Actions:
    """The page's user actions (goto, fill, click, check, select), counted."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.count = 0

    def goto(self, path: str) -> None:
        self.count += 1
        self.page.goto(path)

    def fill(self, selector: str, value: str) -> None:
        self.count += 1
        self.page.fill(selector, value)

    def click(self, selector: str) -> None:
        self.count += 1
        self.page.click(selector)

    def check(self, selector: str) -> None:
        self.count += 1
        self.page.check(selector)

    def select(self, selector: str, value: str | list[str]) -> None:
        self.count += 1
        self.page.select_option(selector, value)


def log_in(page, username: str) -> None:  # type: ignore[no-untyped-def]
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    page.goto("/en/staff/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", STAFF_PASSWORD)
    page.click("button[type=submit]")
    page.select_option("select[name=otp_device]", device.persistent_id)
    page.fill("input[name=otp_token]", current_code(device))
    page.click("main form >> nth=0 >> button[type=submit]")
    assert page.url.endswith("/en/staff/"), page.url


def test_a_call_becomes_a_case_shared_with_the_police_who_record_a_presumed_victim(
    recorded_page, browser, live_server, staff, agencies
):
    # --- operator_olta, at the helpline ---------------------------------------------------
    page = recorded_page.page
    log_in(page, "operator_olta")
    olta = Actions(page)

    olta.click("main a[href$='/staff/helpline/']")
    olta.click("main a[href$='/staff/helpline/new/']")
    olta.select("select[name=caller_type]", "possible_victim")
    olta.select("select[name=topic]", "trafficking")
    olta.select("select[name=outcome]", "advice_given")
    olta.fill("textarea[name=summary]", "Works on a farm abroad; the employer keeps her passport.")
    olta.click("main form button[type=submit]")

    assert olta.count < 10, f"logging a call took {olta.count} actions"
    contact = Contact.objects.get()
    assert contact.recorded_by == staff["operator_olta"]
    assert page.url.endswith(f"/en/staff/helpline/{contact.pk}/")

    olta.click("main a[href$='/screening/']")
    olta.check("input[name=acts][value=recruitment]")
    olta.check("input[name=means][value=deception]")
    olta.check("input[name=purposes][value=forced_labour]")
    olta.click("main form button[type=submit]")

    assert page.locator("#screening-guidance").is_visible()
    assert Screening.objects.get().contact == contact

    olta.click("main a[href$='/open-case/']")
    olta.fill("input[name=given_name]", "Arbëresha")
    olta.fill("input[name=family_name]", "Gashi")
    olta.fill("input[name=birth_date]", "2001-06-15")
    olta.select("select[name=sex]", "female")
    olta.select("select[name=citizenships]", ["XK"])
    olta.check("input[name=languages][value=sq]")
    olta.select("select[name=share_with]", str(agencies["police"].pk))
    olta.check("input[name=sharing_consent]")
    olta.click("main form button:has-text('Open the case')")

    case = Case.objects.get()
    assert page.url.endswith(f"/en/staff/cases/{case.code}/")
    assert case.owner_agency == agencies["helpline"]
    assert Consent.objects.get(case=case).agency == agencies["police"]
    assert (
        AccessGrant.objects.get(case=case, basis__in=AccessGrant.SHARING).agency
        == agencies["police"]
    )
    assert recorded_page.foreign_requests(live_server.url) == []

    # --- investigator_ilir, at the police, in another browser ------------------------------
    context = browser.new_context(base_url=live_server.url)
    police_page = context.new_page()
    police = RecordedPage(police_page, [])
    police_page.on("request", lambda request: police.requests.append(request.url))
    log_in(police_page, "investigator_ilir")
    ilir = Actions(police_page)

    ilir.click("main a[href$='/staff/cases/']")
    ilir.click(f"main a:has-text('{case.code}')")
    ilir.click("main a[href$='/identification/']")
    ilir.select("select[name=status]", TraffickingStatus.PRESUMED)
    ilir.fill("textarea[name=grounds]", "Recruited by deception for forced labour.")
    ilir.click("main form button[type=submit]")

    decision = IdentificationDecision.objects.get(case=case)
    assert decision.status == TraffickingStatus.PRESUMED
    assert decision.recorded_by == staff["investigator_ilir"]
    assert decision.agency == agencies["police"]
    assert police_page.url.endswith(f"/en/staff/cases/{case.code}/")
    assert "Presumed victim" in police_page.locator("main").inner_text()
    assert police.foreign_requests(live_server.url) == []
    context.close()
