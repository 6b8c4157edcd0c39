"""Every role places, checks in, transfers and checks out the same way through the API, with
its token, as through the shelter pages: the same story is told twice on fresh records, once
per channel, and each step's answers correspond (API_ANSWER). Roles that may take a step take
it in both channels; roles that may not are refused in both, 404 where the case is invisible."""

import pytest
from django.urls import reverse

from strehe.accounts.roles import Role
from strehe.shelters.models import Placement
from strehe.shelters.services import placement_create
from tests.api.tokens import bearer, post_json, token_for
from tests.shelters.helpers import make_shelter, person_case
from tests.staff import NAMED_USERS, make_user, verified_client

STEPS = ("place", "check_in", "transfer", "check_out")
# A page's answer to a POST, and what the API answers for the same outcome.
API_ANSWER = {
    "302": {"200", "201"},
    "200": {"400", "403", "409", "422"},  # the form again, with the refusal
    "403": {"403"},
    "404": {"404"},
}


class Story:
    """Two cases of the user's agency: one not placed, one placed in the first shelter by a
    social worker of that agency; a second shelter to transfer to."""

    def __init__(self, user, agencies, label: str) -> None:  # type: ignore[no-untyped-def]
        self.first = make_shelter(operator=agencies["shelter"], capacity=100)
        self.second = make_shelter(operator=agencies["shelter"], capacity=100)
        placer = make_user(f"placer_{label}", Role.SOCIAL_WORKER, user.agency)
        self.unplaced = person_case(owner=user.agency, worker=placer)
        self.placed = person_case(owner=user.agency, worker=placer)
        placement_create(actor=placer, case=self.placed, shelter=self.first)

    def current(self) -> Placement:
        return Placement.objects.filter(case=self.placed).order_by("-pk").first()  # type: ignore[return-value]

    def page_request(self, step: str) -> tuple[str, dict]:
        case = self.unplaced if step == "place" else self.placed
        data = {
            "place": {"shelter": self.first.pk},
            "check_in": {},
            "transfer": {"shelter": self.second.pk, "note": ""},
            "check_out": {"reason": "moved_on", "note": ""},
        }[step]
        return reverse(f"shelters:{step}", kwargs={"code": case.code}), data

    def api_request(self, step: str) -> tuple[str, dict]:
        if step == "place":
            return "/api/v1/placements/", {"case": self.unplaced.code, "shelter": self.first.slug}
        address = f"/api/v1/placements/{self.current().pk}/{step.replace('_', '-')}/"
        data = {
            "check_in": {},
            "transfer": {"shelter": self.second.slug},
            "check_out": {"reason": "moved_on"},
        }[step]
        return address, data


def told(channel: str, user, agencies) -> list[str]:  # type: ignore[no-untyped-def]
    story = Story(user, agencies, f"{user.username}_{channel}")
    answers = []
    if channel == "pages":
        client = verified_client(user)
        for step in STEPS:
            url, data = story.page_request(step)
            answers.append(str(client.post(url, data).status_code))
    else:
        client = bearer(token_for(user))
        for step in STEPS:
            url, data = story.api_request(step)
            response = post_json(client, url, data)
            if response.status_code >= 400:
                assert set(response.json()) == {"error", "detail", "fields"}
            answers.append(str(response.status_code))
    return answers


@pytest.mark.django_db
def test_a_token_takes_the_shelter_steps_its_user_takes_on_the_pages(staff, agencies, capsys):
    table = {}
    for username in NAMED_USERS:
        user = staff[username]
        table[username] = (told("pages", user, agencies), told("api", user, agencies))

    with capsys.disabled():
        for username, (pages, api) in table.items():
            print(f"\n{username:24} pages {' '.join(pages)}   api {' '.join(api)}", end="")
        print()
    differing = {
        username: (pages, api)
        for username, (pages, api) in table.items()
        if any(a not in API_ANSWER[p] for p, a in zip(pages, api, strict=True))
    }
    assert differing == {}
    # The story is not one of refusals only: the social worker takes every step but the
    # check-in (the shelter's), and the shelter's staff check in.
    assert table["social_worker_sokol"][1] == ["201", "403", "201", "200"]
    assert table["shelter_staff_shpresa"][1][1] == "200"
