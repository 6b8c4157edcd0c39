"""A case page shows countries and languages by name in the page's language, and staff by their
names, never the stored codes ("XK", "sq") or bare usernames."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from strehe.cases.codes import EventKind
from strehe.cases.services import case_update, trafficking_event_add


def definitions(html: str) -> dict[str, str]:
    """The page's <dt>term</dt><dd>value</dd> pairs."""
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]*)</dd>", html))


@pytest.fixture
def case(staff, records_of):
    investigator = staff["investigator_ilir"]
    investigator.first_name, investigator.last_name = "Ilir", "Krasniqi"
    investigator.save(update_fields=["first_name", "last_name"])
    case = records_of("investigator_ilir").own
    case_update(
        actor=investigator,
        case=case,
        changes={"citizenships": ["XK", "RS"], "languages": ["sq", "sr"]},
    )
    trafficking_event_add(
        actor=investigator, case=case, kind=EventKind.EXPLOITATION, country="DE", place="Köln"
    )
    return case


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "citizenships", "languages", "event"),
    [
        ("sq", "Kosova, Serbi", "Shqip, Serbisht", "Gjermani, Köln"),
        ("sr", "Kosovo, Srbija", "Albanski, Srpski", "Nemačka, Köln"),
        ("en", "Kosovo, Serbia", "Albanian, Serbian", "Germany, Köln"),
    ],
)
def test_codes_read_as_names_in_the_pages_language(
    case, login_as, language, citizenships, languages, event
):
    with translation.override(language):
        html = (
            login_as("investigator_ilir")
            .get(reverse("cases:detail", kwargs={"code": case.code}))
            .content.decode()
        )

    values = list(definitions(html).values())
    assert citizenships in values
    assert languages in values
    assert f": {event}</li>" in html
    assert ">XK<" not in html and ">sq, sr<" not in html


@pytest.mark.django_db
def test_people_are_shown_by_name_and_by_username_only_without_one(case, login_as, staff):
    with translation.override("en"):
        html = (
            login_as("investigator_ilir")
            .get(reverse("cases:detail", kwargs={"code": case.code}))
            .content.decode()
        )

    # The name, then (for those who may change it) the link to assign someone else.
    assert "<dt>Assigned worker</dt><dd>Ilir Krasniqi" in html
    assert "(Ilir Krasniqi)" in html  # who recorded the timeline lines
    assert "investigator_ilir" not in html.partition("<main")[2]
