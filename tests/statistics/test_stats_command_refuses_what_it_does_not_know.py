"""`strehe stats` refuses unknown options, dimensions and values, naming the valid ones."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

PERIOD = ["--from", "2012-01-01", "--to", "2012-08-31"]


def test_an_unknown_dimension_lists_the_dimensions():
    with pytest.raises(CommandError) as refused:
        call_command("stats", *PERIOD, "--by", "citizenship,shoe_size")

    message = str(refused.value)
    assert "shoe_size" in message
    for dimension in ("citizenship", "sex", "age_band", "exploitation", "decided_by"):
        assert dimension in message


def test_an_unknown_option_lists_the_options():
    with pytest.raises(CommandError) as refused:
        call_command("stats", *PERIOD, "--by", "sex", "--colour", "red")

    message = str(refused.value)
    assert "--colour" in message
    for option in ("--from", "--to", "--status", "--decided-by", "--by", "--age-bands"):
        assert option in message
    assert "--public" in message and "--format" in message


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["--status", "rescued"], "identified"),
        (["--decided-by", "Army"], "CourtOrProsecution"),
        (["--format", "pdf"], "json"),
        (["--age-bands", "0-13,15-17,18-"], "should start at 14"),
        (["--age-bands", "0-17"], "open-ended"),
    ],
)
def test_bad_values_are_refused_with_the_valid_ones(arguments, named):
    with pytest.raises(CommandError, match=named):
        call_command("stats", *PERIOD, "--by", "sex", *arguments)


def test_an_impossible_date_is_refused():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("stats", "--from", "2012-02-30", "--to", "2012-08-31", "--by", "sex")


def test_three_dimensions_are_refused():
    with pytest.raises(CommandError, match="two"):
        call_command("stats", *PERIOD, "--by", "sex,citizenship,age_band")
