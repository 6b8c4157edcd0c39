"""strehe export-ctdc: one row per victim in CTDC's columns, no combination of gender, age band,
citizenship and year smaller than k, never a name or birth date, audited."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from strehe.audit.models import AuditEntry
from strehe.cases.models import IdentificationDecision
from strehe.cases.services import case_open, person_link

DECIDED = datetime.date(2012, 5, 10)


def victim(agencies, n, *, sex="female", born=datetime.date(1994, 1, 1), country="XK"):
    case = case_open(
        actor=None,
        owner_agency=agencies["police"],
        given_name=f"Vjollca{n}",
        family_name="Gashi",
        birth_date=born,
        sex=sex,
        citizenships=[country],
    )
    case.forms_of_exploitation = ["SexualExploitation"]
    case.methods_of_control = ["DebtBondage"]
    case.save(update_fields=["forms_of_exploitation", "methods_of_control"])
    IdentificationDecision.objects.create(
        case=case,
        status="ActualVictimOfTrafficking",
        organisation_type="Police",
        agency=agencies["police"],
        decided_on=DECIDED,
    )
    return case


def export(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "export-ctdc", "--from", "2012-01-01", "--to", "2012-12-31", *args, stdout=out, stderr=err
    )
    return list(csv.DictReader(io.StringIO(out.getvalue()))), out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_small_groups_are_withheld_and_counted(agencies):
    for n in range(11):
        victim(agencies, n)
    for n in range(3):
        victim(agencies, 100 + n, sex="male", country="MD")

    rows, _text, err = export()

    print(err)
    assert len(rows) == 11
    assert {
        (r["gender"], r["ageBroad"], r["citizenship"], r["yearOfRegistration"]) for r in rows
    } == {("Female", "18--20", "XK", "2012")}
    assert "3 withheld" in err
    assert rows[0]["isSexualExploitation"] == "1"
    assert rows[0]["meansOfControlDebtBondage"] == "1"
    assert rows[0]["isForcedLabour"] == "0"


@pytest.mark.django_db
def test_no_name_birth_date_or_case_code_leaves(agencies):
    cases = [victim(agencies, n) for n in range(12)]

    _rows, text, _err = export("--k", "2")

    assert "Vjollca" not in text and "Gashi" not in text
    assert "1994" not in text
    assert not any(case.code in text for case in cases)


@pytest.mark.django_db
def test_a_victim_with_two_linked_cases_is_one_row(agencies, staff):
    cases = [victim(agencies, n) for n in range(11)]
    twice = victim(agencies, 0)
    rows_before, _t, _e = export()

    person_link(actor=staff["investigator_ilir"], case=twice, other=cases[0])
    rows_after, _t, _e = export()

    print(f"rows: {len(rows_before)} before the link, {len(rows_after)} after")
    assert (len(rows_before), len(rows_after)) == (12, 11)


@pytest.mark.django_db
def test_the_export_is_audited(agencies):
    for n in range(11):
        victim(agencies, n)

    export()

    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT, target_type="interchange.ctdc")
    assert entry.detail["rows"] == 11
    assert entry.detail["withheld"] == 0
    assert entry.detail["k"] == 11


@pytest.mark.django_db
def test_bad_dates_and_k_are_refused():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("export-ctdc", "--from", "2012-02-30", "--to", "2012-12-31")
    with pytest.raises(CommandError, match="--k"):
        call_command("export-ctdc", "--from", "2012-01-01", "--to", "2012-12-31", "--k", "0")
