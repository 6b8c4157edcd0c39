"""strehe import-htcds: a bad row is reported by row and column and stops the whole import,
unless --skip-invalid; the same file twice adds nothing."""

import pytest
from django.core.management import CommandError, call_command

from strehe.audit.models import AuditEntry
from strehe.cases.models import Case, IdentificationDecision, Person
from strehe.interchange.models import ImportedRecord
from tests.interchange.htcds_files import HEADER, good_row, write


def run(path, *args):
    import io

    out, err = io.StringIO(), io.StringIO()
    call_command("import-htcds", str(path), "--agency", "police", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def police(agencies):
    agencies["police"].organisation.slug = "police"
    agencies["police"].organisation.save()
    return agencies["police"]


def file_with_impossible_date_in_row_7(tmp_path):
    rows = [good_row(n) for n in range(1, 11)]
    rows[6]["identification_date"] = "2012-02-30"
    return write(tmp_path, "old-register.csv", rows)


@pytest.mark.django_db
def test_an_impossible_date_in_row_7_is_reported_and_nothing_is_imported(tmp_path, police):
    path = file_with_impossible_date_in_row_7(tmp_path)

    with pytest.raises(CommandError) as refused:
        run(path)

    assert "nothing imported" in str(refused.value)
    assert Case.objects.count() == 0
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_the_report_names_row_7_and_identification_date(tmp_path, police, capsys):
    import io

    path = file_with_impossible_date_in_row_7(tmp_path)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import-htcds", str(path), "--agency", "police", stderr=err)

    print(err.getvalue())
    assert "row 7, identification_date" in err.getvalue()
    assert "2012-02-30" in err.getvalue()


@pytest.mark.django_db
def test_skip_invalid_imports_the_other_rows(tmp_path, police):
    path = file_with_impossible_date_in_row_7(tmp_path)

    out, err = run(path, "--skip-invalid")

    print(out)
    assert Case.objects.count() == 9
    assert "row 7, identification_date" in err
    assert not ImportedRecord.objects.filter(external_id="OLD-000007").exists()
    assert IdentificationDecision.objects.count() == 9


@pytest.mark.django_db
def test_importing_the_same_file_twice_adds_nothing(tmp_path, police):
    path = write(tmp_path, "old.csv", [good_row(n) for n in range(1, 21)])

    run(path)
    counts = (Case.objects.count(), Person.objects.count())
    out, _err = run(path)

    print(f"cases after the first import {counts[0]}, after the second {Case.objects.count()}")
    assert counts == (20, 20)
    assert (Case.objects.count(), Person.objects.count()) == (20, 20)
    assert "0 records imported, 20 imported before" in out


@pytest.mark.django_db
def test_imported_records_carry_their_source_and_values(tmp_path, police):
    path = write(tmp_path, "old.csv", [good_row(n) for n in range(1, 5)])

    run(path, "--source", "Old register")

    record = ImportedRecord.objects.select_related("case__person").get(external_id="OLD-000004")
    case = record.case
    assert record.source == "Old register"
    assert case.person.citizenships == ["MD", "RO"]
    assert case.person.estimated_age == 18
    assert case.person.age_on(case.identification_decisions.get().decided_on) == 18
    assert case.forms_of_exploitation == ["ForcedLabour", "ForcedBegging"]
    decision = case.identification_decisions.get()
    assert (decision.status, decision.organisation_type) == ("ActualVictimOfTrafficking", "NGO")
    assert case.owner_agency == police
    # one entry for the run, one per batch
    assert AuditEntry.objects.filter(detail__import_run__isnull=False).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("prs_Gender", "Female", "unknown gender"),
        ("prs_Citizenship", "XK;ZZ", "unknown country code: ZZ"),
        ("vic_TraffickingStatus", "Victim", "unknown trafficking status"),
        ("vic_TypeOfExploitation", "Begging", "unknown type of exploitation: Begging"),
        ("identification_date", "2999-01-01", "in the future"),
        ("identification_date", "", "required, but empty"),
        ("prs_Birthdate", "12.03.1990", "not a date"),
        ("age_at_identification", "-3", "not a whole number"),
    ],
)
def test_a_bad_cell_is_named_with_its_reason(tmp_path, police, column, value, reason):
    import io

    rows = [good_row(n) for n in range(1, 4)]
    rows[1][column] = value
    path = write(tmp_path, "bad.csv", rows)
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import-htcds", str(path), "--agency", "police", stderr=err)

    assert f"row 2, {column}: {reason}" in err.getvalue()
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_a_header_without_a_required_column_is_refused(tmp_path, police):
    header = [name for name in HEADER if name != "prs_Citizenship"]
    path = write(tmp_path, "bad-header.csv", [good_row(1)], header)

    with pytest.raises(CommandError, match=r"lacks the required column.*prs_Citizenship"):
        run(path)

    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_the_same_id_twice_in_a_file_is_an_error(tmp_path, police):
    rows = [good_row(1), good_row(2), good_row(1)]
    path = write(tmp_path, "twice.csv", rows)

    with pytest.raises(CommandError):
        run(path)

    assert Case.objects.count() == 0
