"""Loading the indicator file: all rows, idempotent, and a malformed file changes nothing."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from strehe.directory.models import Municipality
from strehe.screening.loading import (
    DEFAULT_DATA_DIR,
    ILO_INDICATORS_FILE,
    ReferenceDataError,
    load_ilo_indicators,
)
from strehe.screening.models import IloIndicator

HEADER = "key,dimension,grade,indicator,indicator_sq,indicator_sr\n"
GOOD_ROW = "dr-01,deceptive_recruitment,strong,Deceived,Mashtrim,Obmana\n"
SHIPPED = DEFAULT_DATA_DIR / ILO_INDICATORS_FILE


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ILO_INDICATORS_FILE
    path.write_text(text, encoding="utf-8")
    return path


def snapshot() -> list[tuple]:
    return list(
        IloIndicator.objects.order_by("key").values_list(
            "id", "key", "dimension", "grade", "text_en", "text_sq", "text_sr", "position"
        )
    )


@pytest.mark.django_db
def test_the_shipped_file_loads_all_67_indicators_in_three_languages():
    result = load_ilo_indicators(SHIPPED)

    assert result.created == 67
    indicator = IloIndicator.objects.get(key="deceptive_recruitment-01")
    assert indicator.grade == "strong"
    with translation.override("sr"):
        assert IloIndicator.objects.get(pk=indicator.pk).text.startswith("Obmana")
    with translation.override("en"):
        assert IloIndicator.objects.get(pk=indicator.pk).text.startswith("Deceived")


@pytest.mark.django_db
def test_loading_twice_leaves_the_same_rows():
    load_ilo_indicators(SHIPPED)
    first = snapshot()

    second_result = load_ilo_indicators(SHIPPED)

    assert snapshot() == first
    assert (second_result.created, second_result.updated, second_result.unchanged) == (0, 0, 67)


@pytest.mark.django_db
def test_a_changed_translation_updates_the_row_in_place(tmp_path):
    load_ilo_indicators(write(tmp_path, HEADER + GOOD_ROW))
    original_id = IloIndicator.objects.get(key="dr-01").id

    result = load_ilo_indicators(write(tmp_path, HEADER + GOOD_ROW.replace("Obmana", "Prevara")))

    assert result.updated == 1
    assert IloIndicator.objects.get(key="dr-01").id == original_id
    assert IloIndicator.objects.get(key="dr-01").text_sr == "Prevara"


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        ("dr-02,deceptive_recruitment,very strong,Deceived,Mashtrim,Obmana\n", "unknown grade"),
        ("dr-02,deceptive,strong,Deceived,Mashtrim,Obmana\n", "unknown dimension"),
        ("dr-02,deceptive_recruitment,strong,Deceived,,Obmana\n", "empty indicator_sq"),
        ("dr 02,deceptive_recruitment,strong,Deceived,Mashtrim,Obmana\n", "not a slug"),
        (GOOD_ROW, "appears twice"),
        ("d" * 81 + ",deceptive_recruitment,strong,a,b,c\n", "key longer than 80 characters"),
        ("dr-02,deceptive_recruitment,strong,a,b," + "c" * 301 + "\n", "longer than 300"),
        ("dr-02,deceptive_recruitment,strong,Deceived,Mashtrim,Obmana,extra\n", "more fields"),
    ],
)
@pytest.mark.django_db
def test_a_malformed_row_is_reported_with_file_and_line_and_nothing_changes(
    tmp_path, bad_row, reason
):
    load_ilo_indicators(SHIPPED)
    before = snapshot()
    path = write(tmp_path, HEADER + GOOD_ROW + bad_row)

    with pytest.raises(ReferenceDataError) as raised:
        load_ilo_indicators(path)

    assert raised.value.problems[0].startswith(f"{path}:3: ")
    assert reason in str(raised.value)
    assert snapshot() == before


@pytest.mark.django_db
def test_every_malformed_row_is_reported_at_once(tmp_path):
    bad = "x-1,nowhere,strong,a,b,c\nx-2,deceptive_recruitment,faint,a,b,c\n"

    with pytest.raises(ReferenceDataError) as raised:
        load_ilo_indicators(write(tmp_path, HEADER + bad))

    assert [problem.split(": ")[0][-1] for problem in raised.value.problems] == ["2", "3"]
    assert IloIndicator.objects.count() == 0


@pytest.mark.django_db
def test_a_missing_column_is_reported(tmp_path):
    path = write(tmp_path, "key,dimension,grade,indicator\ndr-01,deceptive_recruitment,strong,x\n")

    with pytest.raises(ReferenceDataError, match=r":1: missing column\(s\) indicator_sq"):
        load_ilo_indicators(path)


@pytest.mark.django_db
def test_a_missing_file_is_reported_not_crashed(tmp_path):
    with pytest.raises(ReferenceDataError, match="cannot be read"):
        load_ilo_indicators(tmp_path / "nothing.csv")


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    path = tmp_path / ILO_INDICATORS_FILE
    path.write_bytes(
        (HEADER + "dr-01,deceptive_recruitment,strong,x,Mashtrim për,y\n").encode("cp1250")
    )

    with pytest.raises(ReferenceDataError, match="not UTF-8"):
        load_ilo_indicators(path)


@pytest.mark.django_db
def test_the_command_loads_the_shipped_file_and_is_safe_to_run_twice(capsys):
    call_command("loadreference")
    call_command("loadreference")

    assert IloIndicator.objects.count() == 67
    assert "67 ILO indicators" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_command_reads_another_data_dir_and_refuses_bad_files(tmp_path):
    write(tmp_path, HEADER + "dr-01,deceptive_recruitment,strongest,a,b,c\n")

    with pytest.raises(CommandError, match=r"(?s)nothing changed.*:2: unknown grade"):
        call_command("loadreference", "--indicators-dir", str(tmp_path))

    # The directory files were valid, but one bad file keeps every file's rows out.
    assert IloIndicator.objects.count() == 0
    assert Municipality.objects.count() == 0
