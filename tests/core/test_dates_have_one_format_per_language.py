"""One date and time format per language, 24-hour everywhere: 28.11.2026 in Albanian,
28.11.2026. in Serbian, 28 Nov 2026 in English; never "11/28/2026" or "7:42 p.m."."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from strehe.cases.models import Case

EVENING = datetime.datetime(2026, 11, 28, 19, 42, tzinfo=zoneinfo.ZoneInfo("Europe/Belgrade"))
EXPECTED = {
    "sq": ("28.11.2026", "28.11.2026 19:42"),
    "sr": ("28.11.2026.", "28.11.2026. 19:42"),
    "en": ("28 Nov 2026", "28 Nov 2026, 19:42"),
}


@pytest.mark.parametrize("language", EXPECTED)
def test_long_and_short_formats_are_the_same(language):
    date, date_and_time = EXPECTED[language]
    with translation.override(language):
        assert date_format(EVENING.date(), "DATE_FORMAT") == date
        assert date_format(EVENING.date(), "SHORT_DATE_FORMAT") == date
        assert date_format(EVENING, "DATETIME_FORMAT") == date_and_time
        assert date_format(EVENING, "SHORT_DATETIME_FORMAT") == date_and_time


@pytest.mark.django_db
@pytest.mark.parametrize("language", EXPECTED)
def test_the_case_list_and_page_show_the_languages_date(records_of, login_as, language):
    case = records_of("advocate_arta").own
    Case.objects.filter(pk=case.pk).update(opened_at=EVENING)
    client = login_as("advocate_arta")

    with translation.override(language):
        listing = client.get(reverse("cases:list")).content.decode()
        page = client.get(reverse("cases:detail", kwargs={"code": case.code})).content.decode()

    date = EXPECTED[language][0]
    assert f">{date}</td>" in listing
    assert f"<dd>{date}</dd>" in page
    for american in ("11/28/2026", "Nov. 28, 2026", "p.m."):
        assert american not in listing and american not in page
