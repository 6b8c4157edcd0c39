"""A case moves one stage at a time: the page offers only the next stage and closing, and a
skipped stage is refused by the page and by the service."""

import pytest
from django.core.exceptions import ValidationError

from strehe.cases.models import Stage
from strehe.cases.services import case_move_stage
from tests.cases.workflow import counts, identify, reload, url


@pytest.mark.django_db
def test_the_page_offers_the_next_stage_and_closing_only(records_of, login_as):
    case = records_of("advocate_arta").own

    response = login_as("advocate_arta").get(url("cases:stage", case))

    offered = [value for value, _label in response.context["form"].fields["to_stage"].choices]
    assert offered == [Stage.RISK_AND_REFERRAL, Stage.CLOSED]
    assert 'value="initial_assistance"' not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "to_stage", [Stage.INITIAL_ASSISTANCE, Stage.LONG_TERM_ASSISTANCE, Stage.REINTEGRATION]
)
def test_posting_a_later_stage_is_refused_and_saves_nothing(staff, records_of, login_as, to_stage):
    case = records_of("advocate_arta").own
    identify(case, staff["advocate_arta"])
    client = login_as("advocate_arta")
    before = counts(case)

    response = client.post(url("cases:stage", case), {"to_stage": to_stage})

    assert "to_stage" in response.context["form"].errors
    assert reload(case).stage == Stage.IDENTIFICATION
    assert counts(case) == before


@pytest.mark.django_db
def test_the_service_refuses_a_skip_too(staff, records_of):
    case = records_of("advocate_arta").own
    identify(case, staff["advocate_arta"])

    with pytest.raises(ValidationError) as refused:
        case_move_stage(
            actor=staff["advocate_arta"], case=case, to_stage=Stage.LONG_TERM_ASSISTANCE
        )

    assert "to_stage" in refused.value.message_dict
    assert reload(case).stage == Stage.IDENTIFICATION
