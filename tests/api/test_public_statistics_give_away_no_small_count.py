"""The public statistics endpoint never answers a count a reader could tie to a few people: a
small group planted among the 2012 victims is suppressed, and neither the totals nor the other
cells let anyone work it back out or show it to be small; the endpoint takes no parameter that
would give the exact figures, and it publishes no inner cell of the two-way table."""

import pytest

from strehe.statistics import disclosure
from strehe.statistics.dimensions import DIMENSIONS
from strehe.statistics.report import disclosure_threshold
from tests.api.statistics_data import PLANTED_CITIZENSHIP, SEED, plant_small_group
from tests.api.tokens import bearer, token_for

pytestmark = pytest.mark.django_db


def published(client, **params) -> dict:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/public/statistics/", {"year": "2012", "lang": "en", **params})
    assert response.status_code == 200
    return response.json()


def attacker_table(table: dict, total: int) -> tuple[disclosure.LinearTable, list[int]]:
    """What a reader knows of one published table: the published cells and total, that the
    cells add up to the total (or, where a person counts in several cells, that each is at most
    the total and together at least it), and that no count is negative."""
    values = [cell["count"] or 0 for cell in table["cells"]] + [total]
    cells = list(range(len(table["cells"])))
    total_index = len(cells)
    if table["multi_valued"]:
        equalities: list[disclosure.Relation] = []
        inequalities = [{cell: 1, total_index: -1} for cell in cells]
        inequalities.append({**dict.fromkeys(cells, -1), total_index: 1})
    else:
        equalities = [{**dict.fromkeys(cells, 1), total_index: -1}]
        inequalities = []
    hidden = [n for n, cell in enumerate(table["cells"]) if cell["suppressed"]]
    return disclosure.LinearTable(values, equalities, inequalities), hidden


def test_the_planted_group_is_suppressed(staff, client):
    plant_small_group()
    # The exact figures, as staff see them: the planted group is there, and small.
    exact = bearer(token_for(staff["statistician_besnik"])).get("/api/v1/statistics/", SEED)
    exact_cells = {cell["key"]: cell["count"] for cell in exact.json()["tables"][0]["cells"]}
    assert exact_cells[PLANTED_CITIZENSHIP] == 2

    data = published(client)

    citizenship = next(t for t in data["tables"] if t["dimension"] == "citizenship")
    planted = next(c for c in citizenship["cells"] if c["key"] == PLANTED_CITIZENSHIP)
    assert planted == {"key": "UA", "label": "Ukraine", "count": None, "suppressed": True}
    assert "Ukraine" not in data["narrative"]


def test_no_published_count_is_below_the_threshold(staff, client):
    plant_small_group()
    threshold = disclosure_threshold()

    data = published(client)

    counts = [cell["count"] for table in data["tables"] for cell in table["cells"]]
    counts += [data["total"]] + [table["suppressed_total"] for table in data["tables"]]
    assert data["threshold"] == threshold
    assert [count for count in counts if count is not None and 0 < count < threshold] == []


def test_no_suppressed_cell_can_be_worked_out_from_the_totals(staff, client):
    plant_small_group()
    threshold = disclosure_threshold()

    data = published(client)

    attacked = 0
    for table in data["tables"]:
        linear, hidden = attacker_table(table, data["total"])
        if not table["multi_valued"] and hidden:
            assert len(hidden) >= 2, table["dimension"]
        for cell in hidden:
            low, high = disclosure.feasible_range(linear, hidden, cell)
            assert high >= threshold, (table["dimension"], table["cells"][cell]["key"], high)
            assert low < high
            attacked += 1
    assert attacked >= 2


def test_exact_figures_cannot_be_asked_of_the_public_endpoint(staff, client):
    plant_small_group()
    token = token_for(staff["statistician_besnik"])

    plain = published(client)
    asking = published(client, public="false", by="citizenship", date_from="2012-01-01")
    with_a_token = client.get(
        "/api/v1/public/statistics/",
        {"year": "2012", "lang": "en"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    ).json()

    assert asking == plain == with_a_token
    assert "crosstab" not in plain
    assert {table["dimension"] for table in plain["tables"]} <= set(DIMENSIONS)
