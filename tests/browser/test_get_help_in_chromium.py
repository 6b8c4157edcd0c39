"""The get-help page in Chromium: each language, with and without JavaScript, and the quick exit."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATES = {
    "en": ("Open now", "Closed, opens"),
    "sq": ("E hapur tani", "E mbyllur, hapet"),
    "sr": ("Otvoreno sada", "Zatvoreno, otvara se"),
}
PRIZREN_CENTRE = {
    "en": "Centre for Social Work Prizren",
    "sq": "Qendra për Punë Sociale Prizren",
    "sr": "Centar za socijalni rad Prizren",
}


@pytest.fixture
def reference():  # type: ignore[no-untyped-def]
    call_command("loadreference", verbosity=0)


def transferred_bytes(page) -> int:  # type: ignore[no-untyped-def]
    """Bytes over the wire for the document and everything it loaded (Resource Timing)."""
    return page.evaluate(
        """() => performance.getEntriesByType('navigation')
               .concat(performance.getEntriesByType('resource'))
               .reduce((sum, entry) => sum + entry.transferSize, 0)"""
    )


@pytest.mark.parametrize("language", ["sq", "sr", "en"])
def test_get_help_shows_the_helpline_state_and_the_services_for_prizren(
    recorded_page, live_server, reference, language, capsys
):
    page = recorded_page.page

    page.goto(f"/{language}/get-help/")
    state = page.locator("#helpline-heading ~ .service .state").first.inner_text()
    with capsys.disabled():  # a figure for the CI log, not an assertion
        print(f"\nget-help ({language}): {transferred_bytes(page)} bytes transferred")
    page.get_by_label(
        page.locator("label[for=id_municipality]").inner_text(), exact=True
    ).select_option(label="Prizren")
    page.locator(".chooser button").click()
    page.wait_for_url("**municipality=prizren**")

    assert state.startswith(STATES[language])
    assert PRIZREN_CENTRE[language] in page.locator("#services-near").inner_text()
    assert recorded_page.foreign_requests(live_server.url) == []


def test_get_help_works_with_javascript_disabled(browser, live_server, reference):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()

    page.goto("/en/get-help/")
    page.select_option("#id_municipality", label="Prizren")
    page.locator(".chooser button").click()
    page.wait_for_url("**municipality=prizren**")

    assert page.locator(".state").first.inner_text().startswith(STATES["en"])
    assert "Centre for Social Work Prizren" in page.locator("#services-near").inner_text()
    assert page.locator("#quick-exit").get_attribute("href") == "https://www.google.com/"
    context.close()


@pytest.mark.parametrize(
    "path", ["/en/", "/en/what-is-trafficking/", "/en/get-help/", "/sr/get-help/"]
)
def test_axe_finds_no_serious_or_critical_violation(recorded_page, live_server, reference, path):
    from axe_playwright_python.sync_playwright import Axe

    page = recorded_page.page
    page.goto(path)

    results = Axe().run(page)

    serious = [
        (v["id"], v["help"])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert results.response["testEngine"]["name"] == "axe-core"
    assert serious == []
    assert recorded_page.foreign_requests(live_server.url) == []


def test_pressing_escape_twice_leaves_and_replaces_the_history_entry(
    browser, live_server, reference
):
    context = browser.new_context(base_url=live_server.url)
    # The neutral site is answered locally: the test itself must not reach another host.
    context.route("https://www.google.com/**", lambda route: route.fulfill(body="neutral"))
    page = context.new_page()
    page.goto("/en/")
    page.goto("/en/get-help/")

    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.google.com/")
    page.go_back()

    assert page.url == f"{live_server.url}/en/"
    context.close()


def test_a_narrow_phone_screen_has_no_horizontal_scroll(browser, live_server, reference):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()

    for path in ["/sq/", "/sq/get-help/?municipality=prizren", "/sr/what-is-trafficking/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()
