"""The whole staff login in a real browser: password, TOTP setup with the inline QR code, cases."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from strehe.accounts.models import User
from tests.accounts.test_two_factor_required import current_code
from tests.staff import STAFF_PASSWORD, open_test_case, staff_password_hash

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_social_worker_logs_in_sets_up_totp_and_sees_her_case(
    recorded_page, live_server, agencies
):
    worker = User.objects.create(
        username="social_worker_new",
        password=staff_password_hash(),
        role="social_worker",
        agency=agencies["social"],
    )
    case = open_test_case(owner=agencies["social"], worker=worker, label="Browser")
    page = recorded_page.page

    page.goto("/en/staff/cases/")
    page.fill("input[name=username]", "social_worker_new")
    page.fill("input[name=password]", STAFF_PASSWORD)
    page.click("button[type=submit]")

    assert "/en/staff/two-factor/setup/" in page.url
    assert page.locator("figure.qr svg").is_visible()
    device = TOTPDevice.objects.get(user=worker, confirmed=False)
    page.fill("input[name=otp_token]", current_code(device))
    page.click("main form >> nth=0 >> button[type=submit]")

    assert page.locator("ul.recovery-codes li").count() == 10
    page.click("text=Continue")
    assert page.url.endswith("/en/staff/cases/")
    page.click(f"text={case.code}")
    assert page.locator("dd", has_text="GivenBrowser").is_visible()
    assert recorded_page.foreign_requests(live_server.url) == []


def test_an_existing_user_chooses_the_app_code_on_the_second_step(recorded_page, staff):
    device = TOTPDevice.objects.get(user=staff["advocate_arta"])
    page = recorded_page.page

    page.goto("/sq/staff/login/")
    page.fill("input[name=username]", "advocate_arta")
    page.fill("input[name=password]", STAFF_PASSWORD)
    page.click("button[type=submit]")
    page.select_option("select[name=otp_device]", device.persistent_id)
    page.fill("input[name=otp_token]", current_code(device))
    page.click("main form >> nth=0 >> button[type=submit]")

    assert page.url.endswith("/sq/staff/")
    assert page.locator("h1").inner_text() == "Puna ime"
