"""The contact list filters by day, channel, caller, age group, sex, municipality, topic and
outcome, and still lists only the contacts the user may see; a filter it cannot read lists
nothing and says so, never a 500."""

import datetime

import pytest
from django.utils import timezone

from tests.helpline.desk import logged, municipality, operator_elsewhere
from tests.helpline.flow import url


def listed(client, **query) -> set[int]:
    response = client.get(url("helpline:list"), query)
    assert response.status_code == 200
    return {contact.pk for contact in response.context["contacts"]}


@pytest.fixture
def contacts(staff, agencies):
    prizren, peja = municipality("Prizren"), municipality("Peja")
    olta = staff["operator_olta"]
    return {
        "child_girl_prizren": logged(
            olta,
            hours_ago=1,
            caller_age_group="child",
            caller_sex="female",
            municipality=prizren,
            duration_minutes=12,
        ),
        "adult_man_peja_email": logged(
            olta,
            hours_ago=50,
            channel="email",
            caller_age_group="adult",
            caller_sex="male",
            municipality=peja,
            outcome="referred",
            topic="domestic_violence",
        ),
        "unknown_caller_old": logged(olta, hours_ago=24 * 40, caller_type="anonymous"),
        # Another agency's contact matches every filter below; it is never listed.
        "elsewhere": logged(
            operator_elsewhere(agencies),
            hours_ago=1,
            caller_age_group="child",
            caller_sex="female",
            municipality=prizren,
        ),
    }


@pytest.mark.django_db
def test_each_filter_narrows_the_list(contacts, login_as, capsys):
    client = login_as("operator_olta")
    ids = {name: contact.pk for name, contact in contacts.items()}
    today = timezone.localdate()
    week_ago = today - datetime.timedelta(days=7)

    cases = {
        (): {"child_girl_prizren", "adult_man_peja_email", "unknown_caller_old"},
        (("channel", "email"),): {"adult_man_peja_email"},
        (("caller_age_group", "child"),): {"child_girl_prizren"},
        (("caller_sex", "male"),): {"adult_man_peja_email"},
        (("caller_sex", "unknown"),): {"unknown_caller_old"},
        (("municipality", "prizren"),): {"child_girl_prizren"},
        (("topic", "domestic_violence"),): {"adult_man_peja_email"},
        (("outcome", "referred"),): {"adult_man_peja_email"},
        (("caller_type", "anonymous"),): {"unknown_caller_old"},
        (("contacted_from", week_ago.isoformat()),): {
            "child_girl_prizren",
            "adult_man_peja_email",
        },
        (("contacted_until", week_ago.isoformat()),): {"unknown_caller_old"},
        (("contacted_from", week_ago.isoformat()), ("caller_sex", "female")): {
            "child_girl_prizren"
        },
    }
    for query, expected in cases.items():
        assert listed(client, **dict(query)) == {ids[name] for name in expected}, query
    with capsys.disabled():
        print(f"\ncontact list: {len(cases)} filter combinations checked")


@pytest.mark.django_db
def test_the_list_shows_a_summary_line(contacts, login_as):
    content = login_as("operator_olta").get(url("helpline:list")).content.decode()

    assert "12 minutes" in content
    assert "Prizren" in content
    assert "child (under 18), female" in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"contacted_from": "0001-01-01"},
        {"contacted_until": "9999-12-31"},
        {"contacted_from": "not a date"},
        {"channel": "A" * 100_000},
        {"municipality": "9" * 40},
        {"phone": "call me maybe"},
        {"phone": "4" * 1000},
        {"phone": "Arb\u202eexe"},
    ],
)
def test_a_filter_it_cannot_read_lists_nothing_and_says_why(contacts, login_as, query):
    response = login_as("operator_olta").get(url("helpline:list"), query)

    assert response.status_code == 200
    assert response.context["contacts"] == []
    assert response.context["filterset"].errors
    assert "Correct the filter" in response.content.decode()
