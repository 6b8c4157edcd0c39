"""`strehe synth` writes synthetic cases that the staff pages find like any other: each with its
owner's grant, a code of the usual shape, and a name found through the blind index; the same seed
makes the same people."""

import random

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from strehe.accounts.roles import Role
from strehe.cases.models import AccessGrant, Case
from strehe.helpline.models import Contact
from strehe.setup.synthetic import _persons
from tests.staff import make_user, verified_client


def names(seed: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311
    return [f"{p.given_name} {p.family_name}" for p, _tokens in _persons(rng, 20)]


def test_the_same_seed_makes_the_same_people():
    assert names(3) == names(3)
    assert names(3) != names(4)


@pytest.mark.django_db
def test_synthetic_cases_are_listed_and_found_by_name(settings):
    settings.DEMO_MODE = True
    call_command("synth", cases=40, contacts=25, seed=2, first_year=2024, last_year=2025)

    assert Case.objects.count() == 40
    assert Contact.objects.count() == 25
    assert AccessGrant.objects.filter(basis="owner", ended_at=None).count() == 40
    coordinator = make_user("coordinator_synth", Role.COORDINATOR, None)
    case = Case.objects.select_related("person").order_by("pk")[7]
    client = verified_client(coordinator)
    with translation.override("en"):
        found = client.get(
            reverse("search:search"),
            {"q": f"{case.person.given_name} {case.person.family_name}"},
        )
    assert found.status_code == 200
    assert case.code in found.content.decode()


@pytest.mark.django_db
def test_outside_demo_mode_it_refuses(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        call_command("synth", cases=1, contacts=0)
    assert Case.objects.count() == 0
