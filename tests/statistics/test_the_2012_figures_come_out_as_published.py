"""`strehe stats` over the demo's 2012 set gives the figures the 2012 campaign page published."""

import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

SEED_QUERY = [
    "--from", "2012-01-01", "--to", "2012-08-31", "--status", "identified",
    "--decided-by", "Police", "--by", "citizenship,age_band",
    "--age-bands", "0-13,14-17,18-22,23-", "--format", "json",
]  # fmt: skip


def stats(*arguments: str, capsys) -> dict:  # type: ignore[no-untyped-def]
    call_command("stats", *arguments)
    return json.loads(capsys.readouterr().out)


def test_exact_figures_are_the_published_ones(seed_2012, capsys):
    result = stats(*SEED_QUERY, capsys=capsys)

    assert result["unit"] == "persons"
    assert result["total"] == 56
    assert result["breakdowns"]["citizenship"] == {"XK": 30, "MD": 24, "AL": 1, "SK": 1}
    assert result["breakdowns"]["age_band"]["14-17"] == 9
    assert result["breakdowns"]["age_band"]["18-22"] == 18
    assert sum(result["breakdowns"]["age_band"].values()) == 56
    english = result["narrative"]["en"]
    for country in ("Kosovo", "Moldova", "Albania", "Slovakia"):
        assert country in english
    assert english.startswith("Between January and August 2012, the police identified 56 victims")
    assert "1 from Albania and 1 from Slovakia" in english
    assert "9 were aged 14–17" in english and "18 were aged 18–22" in english  # noqa: RUF001
    with capsys.disabled():
        print(f"\n2012 seed: {result['total']} {result['breakdowns']}")


def test_published_figures_suppress_albania_and_slovakia_and_no_small_cell(seed_2012, capsys):
    result = stats(*SEED_QUERY, "--public", capsys=capsys)

    citizenship = result["breakdowns"]["citizenship"]
    assert "AL" not in citizenship and "SK" not in citizenship
    assert {"AL", "SK"} <= set(result["suppressed"]["citizenship"])
    assert citizenship["XK"] == 30
    published = [result["total"]]
    published += [n for table in result["breakdowns"].values() for n in table.values()]
    published += [n for row in result["crosstab"]["cells"].values() for n in row.values()]
    assert [n for n in published if 1 <= n <= 4] == []
    assert "30 from Kosovo and 26 from other countries" in result["narrative"]["en"]
    assert "Albania" not in result["narrative"]["en"]
    with capsys.disabled():
        print(f"\n2012 seed, published: {result['breakdowns']} suppressed {result['suppressed']}")


def test_presumed_victims_and_later_months_are_left_out(seed_2012, capsys):
    identified_all_year = stats(
        "--from", "2012-01-01", "--to", "2012-12-31", "--status", "identified",
        "--decided-by", "Police", "--by", "citizenship", capsys=capsys,
    )  # fmt: skip
    registered = stats(
        "--from", "2012-01-01", "--to", "2012-08-31", "--by", "citizenship", capsys=capsys
    )

    assert identified_all_year["total"] == 56 + 4
    assert registered["total"] == 56 + 5
