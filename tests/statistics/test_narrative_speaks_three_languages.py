"""The narrative in Albanian, Serbian (Latin) and English: plurals, country names, and suppressed
cells told as one group."""

import datetime

import pytest

from strehe.statistics.report import Query, build_report
from strehe.statistics.selectors import VictimRow

DAY = datetime.date(2012, 5, 2)


def rows(*citizenships: str) -> list[VictimRow]:
    return [
        VictimRow(
            person_id=n,
            decided_on=DAY,
            status="ActualVictimOfTrafficking",
            decided_by="Police",
            citizenship=citizenship,
            sex="Feminine",
            age=20,
            exploitation=("SexualExploitation",),
        )
        for n, citizenship in enumerate(citizenships)
    ]


def narrative(victims: list[VictimRow], *, public: bool = False, **query) -> dict[str, str]:  # type: ignore[no-untyped-def]
    defaults = {
        "date_from": datetime.date(2012, 1, 1),
        "date_to": datetime.date(2012, 8, 31),
        "status": "identified",
        "decided_by": "Police",
        "by": ("citizenship",),
    }
    report = build_report(Query(**(defaults | query)), public=public, rows=victims, threshold=5)
    return report.narrative


@pytest.mark.parametrize(
    ("count", "serbian", "albanian", "english"),
    [
        (1, "identifikovana je 1 žrtva", "identifikoi 1 viktimë", "identified 1 victim of"),
        (3, "identifikovane su 3 žrtve", "identifikoi 3 viktima", "identified 3 victims"),
        (5, "identifikovano je 5 žrtava", "identifikoi 5 viktima", "identified 5 victims"),
        (21, "identifikovana je 21 žrtva", "identifikoi 21 viktima", "identified 21 victims"),
    ],
)
def test_plurals_follow_each_language(count, serbian, albanian, english):
    text = narrative(rows(*["XK"] * count))

    assert serbian in text["sr"]
    assert albanian in text["sq"]
    assert english in text["en"]


def test_countries_are_named_in_each_language():
    text = narrative(rows("XK", "AL", "MD"))

    assert "Kosova 1" in text["sq"] and "Shqipëri 1" in text["sq"]
    assert "Albanija 1" in text["sr"] and "Moldavija 1" in text["sr"]
    assert "1 from Albania" in text["en"] and "1 from Kosovo" in text["en"]


def test_suppressed_countries_are_told_together():
    text = narrative(rows(*["XK"] * 30, *["MD"] * 24, "AL", "SK"), public=True)

    assert "30 from Kosovo and 26 from other countries" in text["en"]
    assert "Kosova 30 dhe shtete të tjera 26" in text["sq"]
    assert "Kosovo 30 i druge države 26" in text["sr"]


def test_a_total_below_the_threshold_publishes_no_figure():
    text = narrative(rows("XK", "XK", "AL"), public=True)

    assert "fewer than 5 victims" in text["en"]
    assert "Kosovo" not in text["en"]


def test_the_period_is_said_as_months_or_a_year():
    assert narrative(rows("XK"), date_to=datetime.date(2012, 12, 31))["en"].startswith("In 2012")
    assert narrative(rows("XK"))["en"].startswith("Between January and August 2012")
    assert narrative(rows("XK"))["sq"].startswith("Në periudhën janar – gusht 2012")  # noqa: RUF001
