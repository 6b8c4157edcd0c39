"""The shipped indicator file matches the reference list and carries both translations."""

import hashlib

from strehe.screening.loading import DEFAULT_DATA_DIR, ILO_INDICATORS_FILE, read_ilo_indicators

# SHA-256 of the reference list's (dimension, grade, English wording) rows, one row per line,
# tab separated, as taken from the project's reference copy (shared/reference/) when the file was
# checked against it. Tests read only inside the repository, so the reference is pinned here: a
# change to any dimension, grade or English wording fails until someone re-checks the source.
REFERENCE_ROWS = 67
REFERENCE_SHA256 = "b648de015c6719c41cc73e48a9425ae35097b9d7ab8c7c7bb612a0d414e4b312"


def test_the_file_has_the_published_counts_per_dimension():
    rows = read_ilo_indicators(DEFAULT_DATA_DIR / ILO_INDICATORS_FILE)

    counts: dict[str, int] = {}
    for row in rows:
        counts[row.dimension] = counts.get(row.dimension, 0) + 1
    assert list(counts.values()) == [10, 10, 16, 9, 15, 7]


def test_every_indicator_is_translated_differently_from_english():
    rows = read_ilo_indicators(DEFAULT_DATA_DIR / ILO_INDICATORS_FILE)

    assert all(row.text_sq != row.text_en and row.text_sr != row.text_en for row in rows)


def test_the_file_keeps_the_reference_dimension_grade_and_wording():
    rows = read_ilo_indicators(DEFAULT_DATA_DIR / ILO_INDICATORS_FILE)

    text = "\n".join("\t".join((row.dimension, row.grade, row.text_en)) for row in rows)
    assert len(rows) == REFERENCE_ROWS
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == REFERENCE_SHA256
