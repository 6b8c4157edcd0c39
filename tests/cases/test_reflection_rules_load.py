"""The reflection-period rules are reference data: loaded from their file, checked row by row."""

import datetime

import pytest
from django.core.management import call_command

from strehe.cases.models import ReflectionPeriodRule
from strehe.cases.reference import parse_reflection_periods, write_reflection_periods
from strehe.directory.reference import ReferenceDataError

HEADER = "effective_from,days,illustrative,source\n"


@pytest.mark.django_db
def test_loadreference_loads_30_then_90_days_and_a_second_run_adds_nothing():
    call_command("loadreference", verbosity=0)
    call_command("loadreference", verbosity=0)

    rules = list(ReflectionPeriodRule.objects.values_list("days", "illustrative"))
    assert rules == [(30, True), (90, True)]


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("2013-02-30,90,true,x", "effective_from"),
        ("2013-01-01,0,true,x", "days"),
        ("2013-01-01,ninety,true,x", "days"),
        ("2013-01-01,90,maybe,x", "illustrative"),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_column(tmp_path, row, complaint):
    path = tmp_path / "reflection-periods.csv"
    path.write_text(HEADER + "2008-01-01,30,false,x\n" + row + "\n", encoding="utf-8")

    with pytest.raises(ReferenceDataError) as refused:
        parse_reflection_periods(path)

    assert refused.value.line == 3
    assert refused.value.reason.startswith(complaint)


def test_a_repeated_date_is_refused(tmp_path):
    path = tmp_path / "reflection-periods.csv"
    path.write_text(HEADER + "2008-01-01,30,false,x\n2008-01-01,90,false,y\n", encoding="utf-8")

    with pytest.raises(ReferenceDataError, match="repeated"):
        parse_reflection_periods(path)


@pytest.mark.django_db
def test_loading_updates_a_rule_in_place(tmp_path):
    path = tmp_path / "reflection-periods.csv"
    path.write_text(HEADER + "2013-01-01,90,true,first\n", encoding="utf-8")
    write_reflection_periods(parse_reflection_periods(path))
    path.write_text(HEADER + "2013-01-01,60,false,second\n", encoding="utf-8")

    write_reflection_periods(parse_reflection_periods(path))

    rule = ReflectionPeriodRule.objects.get()
    assert (rule.effective_from, rule.days, rule.illustrative, rule.source) == (
        datetime.date(2013, 1, 1),
        60,
        False,
        "second",
    )
