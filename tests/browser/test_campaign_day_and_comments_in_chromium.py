"""The campaign in Chromium: Day 6 of 2012 in each language with its neighbours, a comment that
waits for a moderator (seen by its author only, then by everyone), shown as text, and no request
to any other host. Then the helpline number on a 360x740 phone, with a fixed clock."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from strehe.accounts.roles import Role
from strehe.campaigns.models import Comment
from strehe.campaigns.services import comment_moderate
from tests.campaigns.conftest import next_weekday_at
from tests.staff import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADINGS = {
    "en": "DAY 6 // NOVEMBER 30, 2012",
    "sq": "DITA 6 // 30 NËNTOR 2012",
    "sr": "DAN 6 // 30. NOVEMBAR 2012.",
}
PREVIOUS = {
    "en": "Transitional Justice",
    "sq": "Drejtësia tranzicionale",
    "sr": "Tranziciona pravda",
}
NEXT_DAY = {"en": "Day 7", "sq": "Dita 7", "sr": "Dan 7"}
SCRIPT = "<script>document.title='owned'</script> Thank you for this page."


@pytest.fixture
def reference():  # type: ignore[no-untyped-def]
    call_command("loadreference", verbosity=0)


@pytest.mark.parametrize("language", ["sq", "sr", "en"])
def test_day_6_shows_its_heading_and_neighbours(recorded_page, live_server, reference, language):
    page = recorded_page.page

    page.goto(f"/{language}/campaigns/2012/day/6/")

    assert page.locator(".day-heading").inner_text() == HEADINGS[language]
    assert PREVIOUS[language] in page.locator("#previous-day").inner_text()
    assert NEXT_DAY[language] in page.locator("#next-day").inner_text()
    page.locator("#previous-day").click()
    page.wait_for_url(f"**/{language}/campaigns/2012/day/5/")
    assert recorded_page.foreign_requests(live_server.url) == []
    assert page.context.cookies() == []


def test_a_comment_waits_for_the_moderator_and_is_shown_as_text(
    browser, recorded_page, live_server, reference, settings
):
    settings.STREHE_PUBLIC_FORM_MIN_SECONDS = 1
    page = recorded_page.page

    page.goto("/en/campaigns/2012/day/6/")
    assert page.context.cookies() == []
    page.locator("#write-a-comment").click()
    page.get_by_label("Your name or a pseudonym (optional)").fill("Drini")
    page.get_by_label("Your comment").fill(SCRIPT)
    page.wait_for_timeout(1200)  # a person takes longer than the minimum time
    page.get_by_role("button", name="Send the comment").click()
    page.wait_for_url("**/day/6/?comment=*")

    pending = page.locator("#your-comment")
    assert "Your comment is awaiting moderation." in pending.inner_text()
    assert "<script>" in pending.locator(".body").inner_text()
    assert page.title() != "owned"
    assert [cookie["name"] for cookie in page.context.cookies()] == ["csrftoken"]

    stranger = browser.new_context(base_url=live_server.url).new_page()
    stranger.goto("/en/campaigns/2012/day/6/")
    assert "Drini" not in stranger.locator("#comments").inner_text()

    moderator = make_user("moderator_mimoza", Role.MODERATOR, None)
    comment_moderate(actor=moderator, comment=Comment.objects.get(), decision="approve")
    stranger.reload()
    comments = stranger.locator("#comments").inner_text()
    assert "Drini" in comments
    assert "<script>document.title='owned'</script>" in comments
    assert stranger.title() != "owned"
    stranger.context.close()
    assert recorded_page.foreign_requests(live_server.url) == []


@pytest.mark.parametrize("moment", ["saturday_evening", "public_holiday"])
@pytest.mark.parametrize("language", ["sq", "sr", "en"])
def test_the_helpline_number_is_on_the_first_phone_screen(
    browser, live_server, reference, monkeypatch, capsys, language, moment
):
    from strehe.directory.models import PublicHoliday

    if moment == "saturday_evening":
        instant = next_weekday_at(5, 20)
    else:
        instant = next_weekday_at(2, 12)
        PublicHoliday.objects.create(date=instant.date(), name="A holiday", illustrative=True)
    monkeypatch.setattr(timezone, "now", lambda: instant.astimezone(dt.UTC))
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    for path in (f"/{language}/", f"/{language}/get-help/"):
        page.goto(path)
        number = page.locator("#call-now a.phone").first
        box = number.bounding_box()
        with capsys.disabled():
            print(
                f"\n{path} at {moment}: helpline number bottom at {box['y'] + box['height']:.0f} px"
            )
        assert number.get_attribute("href") == "tel:080011112"
        assert box["y"] >= 0 and box["y"] + box["height"] <= 740
        assert page.locator("#closed-heading").is_visible()
        assert page.locator('.emergency-numbers a[href="tel:192"]').count() == 1
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > 361)
                .map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 40))"""
        )
        assert wide == []
    assert [url for url in requests if not url.startswith(live_server.url)] == []
    context.close()
