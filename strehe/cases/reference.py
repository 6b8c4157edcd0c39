"""The reflection-period rules, loaded from a data file by `strehe loadreference`.

Rows are matched on the date they take effect, so loading twice leaves the same rows. Every row is
checked before the first write; a bad row is reported by line and column and nothing changes.
"""

import csv
import datetime
from pathlib import Path

from strehe.directory.reference import ReferenceDataError

from .models import ReflectionPeriodRule

REFLECTION_PERIODS_FILE = Path(__file__).resolve().parent / "data" / "reflection-periods.csv"
COLUMNS = ["effective_from", "days", "illustrative", "source"]
BOOLEANS = {"true": True, "false": False}


def parse_reflection_periods(path: Path = REFLECTION_PERIODS_FILE) -> list[ReflectionPeriodRule]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != COLUMNS:
            raise ReferenceDataError(path, 1, f"columns must be {', '.join(COLUMNS)}")
        rules: dict[datetime.date, ReflectionPeriodRule] = {}
        for row in reader:
            line = reader.line_num
            try:
                effective_from = datetime.date.fromisoformat(row["effective_from"])
            except (TypeError, ValueError):
                raise ReferenceDataError(
                    path, line, "effective_from: not a YYYY-MM-DD date"
                ) from None
            if effective_from in rules:
                raise ReferenceDataError(path, line, "effective_from: the date is repeated")
            days = row["days"] or ""
            if not days.isdigit() or not 0 < int(days) <= 365:
                raise ReferenceDataError(path, line, "days: a whole number from 1 to 365")
            illustrative = BOOLEANS.get((row["illustrative"] or "").strip().lower())
            if illustrative is None:
                raise ReferenceDataError(path, line, "illustrative: true or false")
            rules[effective_from] = ReflectionPeriodRule(
                effective_from=effective_from,
                days=int(days),
                illustrative=illustrative,
                source=(row["source"] or "").strip()[:300],
            )
    return list(rules.values())


def write_reflection_periods(rules: list[ReflectionPeriodRule]) -> int:
    """Create or update each rule by its date; call inside the loader's transaction."""
    for rule in rules:
        ReflectionPeriodRule.objects.update_or_create(
            effective_from=rule.effective_from,
            defaults={"days": rule.days, "illustrative": rule.illustrative, "source": rule.source},
        )
    return len(rules)
