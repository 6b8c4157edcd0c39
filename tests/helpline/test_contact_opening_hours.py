"""Whether a contact came within opening hours is stored as given, computed, or unknown."""

from datetime import datetime

import pytest

from strehe.helpline.services import contact_create


@pytest.mark.parametrize("given", [True, False])
def test_an_explicit_answer_is_stored(operator, call, given):
    contact = contact_create(actor=operator, within_opening_hours=given, **call)

    contact.refresh_from_db()
    assert contact.within_opening_hours is given


def test_without_an_answer_or_a_schedule_it_is_unknown(operator, call):
    contact = contact_create(actor=operator, **call)

    contact.refresh_from_db()
    assert contact.within_opening_hours is None


def test_a_schedule_check_decides_from_the_contact_time(operator, call):
    seen: list[datetime] = []

    def closed_at_night(moment: datetime) -> bool:
        seen.append(moment)
        return False

    contact = contact_create(actor=operator, opening_hours_check=closed_at_night, **call)

    assert seen == [contact.contacted_at]
    assert contact.within_opening_hours is False


def test_an_explicit_answer_wins_over_the_schedule(operator, call):
    contact = contact_create(
        actor=operator,
        within_opening_hours=True,
        opening_hours_check=lambda moment: False,
        **call,
    )

    assert contact.within_opening_hours is True
