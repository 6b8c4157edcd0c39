from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_loads_with_a_language_and_asks_no_other_host(recorded_page, live_server):
    page = recorded_page.page

    response = page.goto("/")

    assert response is not None and response.ok
    language_in_path = urlsplit(page.url).path.strip("/").split("/")[0]
    assert language_in_path in {"sq", "sr", "en"}
    assert page.locator("html").get_attribute("lang") == language_in_path
    assert page.locator("h1").is_visible()
    assert any(url.endswith(".css") for url in recorded_page.requests)
    assert recorded_page.foreign_requests(live_server.url) == []


def test_albanian_is_the_language_when_the_browser_asks_for_none_we_speak(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()

    page.goto("/")

    assert page.locator("html").get_attribute("lang") == "sq"
    context.close()
