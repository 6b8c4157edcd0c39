"""The staff statistics endpoint answers the figures `strehe stats` gives for the same
parameters: exact, and as published (`public`), by one dimension or two."""

import io
import json

import pytest
from django.core.management import call_command

from tests.api.statistics_data import plant_small_group
from tests.api.tokens import bearer, token_for
from tests.statistics.test_statistics_pages import SEED

pytestmark = pytest.mark.django_db

# The police figures of January to August 2012 (the seed), by citizenship and age.
POLICE_2012 = SEED


def command(params: dict[str, str]) -> dict:
    by = ",".join(filter(None, [params["by"], params.get("then_by")]))
    arguments = ["--from", params["date_from"], "--to", params["date_to"], "--by", by]
    arguments += ["--status", params.get("status", "registered")]
    if params.get("decided_by"):
        arguments += ["--decided-by", params["decided_by"]]
    if params.get("age_bands"):
        arguments += ["--age-bands", params["age_bands"]]
    if params.get("public"):
        arguments.append("--public")
    out = io.StringIO()
    call_command("stats", *arguments, stdout=out)
    return json.loads(out.getvalue())


def as_the_command_says_it(data: dict) -> dict:
    """The endpoint's answer in the command's terms: published cells only, by key."""
    said = {
        "unit": data["unit"],
        "from": data["date_from"],
        "to": data["date_to"],
        "status": data["status"],
        "decided_by": data["decided_by"],
        "by": data["by"],
        "age_bands": data["age_bands"],
        "public": data["public"],
        "total": data["total"],
        "breakdowns": {
            table["dimension"]: {
                cell["key"]: cell["count"] for cell in table["cells"] if not cell["suppressed"]
            }
            for table in data["tables"]
        },
        "narrative": data["narratives"],
    }
    if data["crosstab"] is not None:
        first, second = data["crosstab"]["dimensions"]
        cells: dict[str, dict[str, int]] = {}
        for cell in data["crosstab"]["cells"]:
            row = cells.setdefault(cell["values"][first], {})
            if not cell["suppressed"]:
                row[cell["values"][second]] = cell["count"]
        said["crosstab"] = {"dimensions": [first, second], "cells": cells}
    if data["public"]:
        said["threshold"] = data["threshold"]
        suppressed: dict = {
            table["dimension"]: [cell["key"] for cell in table["cells"] if cell["suppressed"]]
            for table in data["tables"]
        }
        suppressed = {dimension: keys for dimension, keys in suppressed.items() if keys}
        if data["total"] is None:
            suppressed["total"] = True
        if data["crosstab"] is not None:
            suppressed["crosstab"] = [
                [cell["values"][first], cell["values"][second]]
                for cell in data["crosstab"]["cells"]
                if cell["suppressed"]
            ]
        said["suppressed"] = suppressed
    return said


CASES = {
    "police 2012 by citizenship and age": POLICE_2012,
    "as published": POLICE_2012 | {"public": "true"},
    "registered by sex": {"date_from": "2012-01-01", "date_to": "2012-12-31", "by": "sex"},
    "exploitation by child or adult, as published": {
        "date_from": "2012-01-01",
        "date_to": "2012-12-31",
        "by": "exploitation",
        "then_by": "age_band",
        "age_bands": "child-adult",
        "public": "true",
    },
}


@pytest.mark.parametrize("params", CASES.values(), ids=CASES.keys())
def test_the_endpoint_and_the_command_agree(staff, params):
    plant_small_group()
    api = bearer(token_for(staff["statistician_besnik"]))

    response = api.get("/api/v1/statistics/", params | {"lang": "en"})

    expected = command(params)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    said = as_the_command_says_it(response.json())
    expected.pop("note")
    assert said == expected
    assert response.json()["narrative"] == expected["narrative"]["en"]


def test_the_seed_figures(staff):
    plant_small_group()
    api = bearer(token_for(staff["coordinator_drita"]))

    data = api.get("/api/v1/statistics/", POLICE_2012 | {"lang": "en"}).json()

    assert data["total"] == 56
    citizenship = {cell["key"]: cell["count"] for cell in data["tables"][0]["cells"]}
    assert citizenship == {"XK": 30, "MD": 24, "AL": 1, "SK": 1}
    assert data["narrative"].startswith("Between January and August 2012, the police identified")
