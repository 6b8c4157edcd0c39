"""The shipped indicator file matches the reference list and carries both translations."""

import csv
from pathlib import Path

from strehe.screening.loading import DEFAULT_DATA_DIR, ILO_INDICATORS_FILE, read_ilo_indicators
from tests.conftest import need

# The project's read-only reference folder sits beside the repository (locally and in CI).
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / ILO_INDICATORS_FILE


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
    need(REFERENCE.exists(), f"the shared reference copy {REFERENCE}")
    with REFERENCE.open(newline="", encoding="utf-8") as handle:
        reference = [(r["dimension"], r["grade"], r["indicator"]) for r in csv.DictReader(handle)]

    rows = read_ilo_indicators(DEFAULT_DATA_DIR / ILO_INDICATORS_FILE)

    assert [(row.dimension, row.grade, row.text_en) for row in rows] == reference
