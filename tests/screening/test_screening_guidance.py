"""A stored screening shows the guidance it was recorded with, even after indicators change."""

from django.utils import translation

from strehe.screening.models import IloIndicator
from strehe.screening.selectors import screening_guidance
from strehe.screening.services import screening_record


def test_stored_guidance_is_rebuilt_with_its_reasons(screener, indicators):
    screening = screening_record(
        actor=screener,
        data={
            "acts": ["recruitment"],
            "means": ["fraud"],
            "purposes": ["forced_labour"],
            "indicators_coercive_recruitment": [indicators["coercive_recruitment-01"].pk],
        },
    )

    palermo, ilo = screening_guidance(screening)

    assert palermo.indicates_presumed_victim
    with translation.override("en"):
        assert "Means: Fraud." in palermo.reasons()
        assert "Coercive recruitment: not positive (1 strong, 0 medium, 0 weak)." in ilo.reasons()


def test_regrading_an_indicator_later_does_not_rewrite_past_guidance(screener, indicators):
    chosen = [indicators["exploitative_conditions-02"], indicators["exploitative_conditions-03"]]
    screening = screening_record(
        actor=screener,
        data={"indicators_exploitative_conditions": [indicator.pk for indicator in chosen]},
    )
    IloIndicator.objects.filter(pk__in=[i.pk for i in chosen]).update(grade="strong")

    _palermo, ilo = screening_guidance(screening)

    exploitation = next(r for r in ilo.dimensions if r.dimension == "exploitative_conditions")
    assert (exploitation.strong, exploitation.medium) == (0, 2)
    assert not exploitation.positive
