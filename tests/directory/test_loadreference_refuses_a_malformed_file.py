"""A malformed reference file is refused with file, line and reason, and nothing changes."""

import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from strehe.directory.models import Municipality
from strehe.directory.reference import DEFAULT_DATA_DIR


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def copy_with(tmp_path: Path, file: str, old: str, new: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def line_of(data: Path, file: str, needle: str) -> int:
    lines = (data / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


CASES = [
    (
        "organisations.csv",
        "Prizren;Suharekë",
        "Prizren;Atlantis",
        "unknown municipality 'Atlantis'",
    ),
    ("hours.csv", "helpline-0800-11112,fri", "helpline-0800-11112,friyay", "weekday must be"),
    ("hours.csv", "fri,08:00,22:00", "fri,08:00,25:00", "must be a time HH:MM"),
    ("hours.csv", "fri,08:00,22:00", "fri,22:00,08:00", "opens must be before closes"),
    ("shelters.csv", ",true,false,true,10,true,", ",true,false,true,ten,true,", "capacity must be"),
    ("shelters.csv", ",Prizren,true", ",Narnia,true", "unknown region"),
    (
        "services.csv",
        "helpline-0800-11112,vaao-headquarters",
        "helpline-0800-11112,nobody",
        "unknown organisation",
    ),
    ("page_sections.csv", "get-help,30,sr,", "get-help,30,xx,", "language must be"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("file", "old", "new", "reason"), CASES)
def test_a_malformed_file_is_refused_with_file_line_and_reason(tmp_path, file, old, new, reason):
    data = copy_with(tmp_path, file, old, new)
    line = line_of(data, file, new)

    with pytest.raises(CommandError) as refused:
        call_command("loadreference", data_dir=data, verbosity=0)

    message = str(refused.value)
    assert str(data / file) in message
    assert f"line {line}:" in message
    assert reason in message
    assert all(count == 0 for label, count in row_counts().items() if "directory" in label)


@pytest.mark.django_db
def test_a_refused_load_leaves_earlier_files_unwritten(tmp_path):
    call_command("loadreference", verbosity=0)
    before = row_counts()
    # A valid change in the first file, then an error in the last one.
    data = copy_with(
        tmp_path, "municipalities.csv", "Prizren,Prizren,Prizren", "Prizren,Prizreni,Prizren"
    )
    sections = data / "page_sections.csv"
    sections.write_text(
        sections.read_text(encoding="utf-8") + "nowhere,10,en,Heading,Body\n", encoding="utf-8"
    )

    with pytest.raises(CommandError, match="unknown page 'nowhere'"):
        call_command("loadreference", data_dir=data, verbosity=0)

    assert Municipality.objects.get(slug="prizren").name_sr == "Prizren"
    assert row_counts() == before


@pytest.mark.django_db
def test_a_file_missing_a_column_is_refused_at_line_1(tmp_path):
    data = copy_with(tmp_path, "shelters.csv", "capacity,", "beds,")

    with pytest.raises(
        CommandError, match=r"shelters.csv, line 1: header lacks columns \['capacity'\]"
    ):
        call_command("loadreference", data_dir=data, verbosity=0)


@pytest.mark.django_db
def test_a_page_without_a_serbian_text_is_refused(tmp_path):
    data = copy_with(tmp_path, "pages.csv", "home,sr,", "home,sr,")
    pages = data / "pages.csv"
    lines = pages.read_text(encoding="utf-8").splitlines(keepends=True)
    pages.write_text(
        "".join(line for line in lines if not line.startswith("home,sr,")), encoding="utf-8"
    )

    with pytest.raises(
        CommandError, match=r"pages.csv, line 2: page 'home' has no text in \['sr'\]"
    ):
        call_command("loadreference", data_dir=data, verbosity=0)
