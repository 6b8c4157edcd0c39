"""Recording a screening: valid checklists are saved with their guidance; bad input saves none."""

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict

from strehe.screening.models import Screening
from strehe.screening.services import screening_record


def test_a_checklist_is_saved_with_who_what_and_the_computed_guidance(screener, indicators):
    data = {
        "is_child": "",
        "acts": ["recruitment", "harbouring"],
        "means": ["deception"],
        "purposes": ["forced_labour"],
        "indicators_deceptive_recruitment": [
            indicators["deceptive_recruitment-01"].pk,
            indicators["deceptive_recruitment-02"].pk,
        ],
        "indicators_exploitative_conditions": [indicators["exploitative_conditions-01"].pk,
                                               indicators["exploitative_conditions-02"].pk],
        "indicators_coercion_at_destination": [
            indicators["coercion_at_destination-01"].pk,
            indicators["coercion_at_destination-02"].pk,
        ],
    }  # fmt: skip

    screening = screening_record(actor=screener, data=data)

    screening.refresh_from_db()
    assert screening.recorded_by == screener
    assert screening.acts == ["harbouring", "recruitment"]
    assert screening.indicators.count() == 6
    assert screening.palermo_indicates_victim
    assert screening.ilo_indicates_victim
    assert screening.result["ilo"]["dimensions"]["coercion_at_destination"]["strong"] == 2
    assert screening.result["palermo"]["means_met"] is True


def test_a_child_without_means_is_recorded_as_indicated_by_the_legal_elements(screener):
    data = QueryDict(mutable=True)
    data.update({"is_child": "on", "acts": "transportation", "purposes": "forced_begging"})

    screening = screening_record(actor=screener, data=data)

    assert screening.is_child
    assert screening.palermo_indicates_victim
    assert not screening.ilo_indicates_victim


def test_an_empty_checklist_is_recorded_as_nothing_found(screener):
    screening = screening_record(actor=screener, data={})

    assert not screening.palermo_indicates_victim
    assert not screening.ilo_indicates_victim


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"acts": ["kidnapping"]}, "acts"),
        ({"purposes": ["fun"]}, "purposes"),
        ({"indicators_deceptive_recruitment": ["999999"]}, "indicators_deceptive_recruitment"),
        (
            {"indicators_deceptive_recruitment": ["not a number"]},
            "indicators_deceptive_recruitment",
        ),
    ],
)
def test_bad_input_raises_field_errors_and_saves_nothing(screener, indicators, data, field):
    with pytest.raises(ValidationError) as raised:
        screening_record(actor=screener, data=data)

    assert field in raised.value.message_dict
    assert Screening.objects.count() == 0


def test_an_indicator_ticked_under_another_dimension_is_refused(screener, indicators):
    wrong_group = {
        "indicators_deceptive_recruitment": [indicators["coercion_at_destination-01"].pk]
    }

    with pytest.raises(ValidationError) as raised:
        screening_record(actor=screener, data=wrong_group)

    assert "indicators_deceptive_recruitment" in raised.value.message_dict
    assert Screening.objects.count() == 0
