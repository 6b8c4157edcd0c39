"""A statistician reaches no page or endpoint that returns a name, birth date or narrative."""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.formats import date_format

from strehe.cases.services import case_open
from tests.staff import verified_client

BORN = datetime.date(1999, 4, 17)


def routes(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(
                pattern.url_patterns,
                namespace + (f"{pattern.namespace}:" if pattern.namespace else ""),
            )
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name, set(pattern.pattern.regex.groupindex)


@pytest.mark.django_db
def test_no_url_shows_a_statistician_a_name_birth_date_or_narrative(staff, agencies):
    statistician = staff["statistician_besnik"]
    # Cases of the statistician's own agency, assigned to the statistician: the most tempting.
    cases = [
        case_open(
            actor=None,
            owner_agency=agency,
            assigned_worker=statistician if agency == statistician.agency else None,
            given_name="Valbona",
            family_name="Sekretkaj",
            birth_date=BORN,
            narrative="Narrativeword appears only in the story.",
        )
        for agency in (statistician.agency, agencies["police"])
    ]
    client = verified_client(statistician)
    forbidden = ["Valbona", "Sekretkaj", "Narrativeword", BORN.isoformat()]

    requested = 0
    for language in ("sq", "sr", "en"):
        with translation.override(language):
            forbidden_dates = [date_format(BORN), date_format(BORN, "SHORT_DATE_FORMAT")]
            for name, kwargs in routes(get_resolver().url_patterns):
                if not kwargs:
                    urls = [reverse(name)]
                elif kwargs == {"code"}:
                    urls = [reverse(name, kwargs={"code": case.code}) for case in cases]
                else:
                    continue
                for url in urls:
                    body = client.get(url).content.decode(errors="replace")
                    requested += 1
                    leaked = [word for word in forbidden + forbidden_dates if word in body]
                    assert leaked == [], f"{url} shows {leaked}"
    assert requested > 20
