"""A report as CSV, XLSX and plain text, and the audit entry every export leaves."""

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook

from strehe.audit.models import AuditEntry
from strehe.audit.services import audit_record

from .dimensions import DIMENSION_LABELS, key_label
from .report import Report

CSV_HEADER = ["table", "key", "label", "second_key", "second_label", "persons", "suppressed"]


def report_rows(report: Report) -> Iterator[list[Any]]:
    """One row per cell: the total, each dimension's cells, then the two-way cells. A
    suppressed cell has no count and says so."""
    bands = report.query.bands
    yield ["total", "", _("All persons"), "", "", report.total if report.total is not None else ""]
    for dimension in report.query.by:
        for key in report.keys[dimension]:
            count = report.breakdowns[dimension].get(key)
            yield [dimension, key, key_label(dimension, key, bands), "", "", count]
    if report.crosstab is not None:
        first, second = report.query.by
        for a in report.keys[first]:
            for b in report.keys[second]:
                count = report.crosstab.get(a, {}).get(b)
                yield [
                    f"{first}\N{MULTIPLICATION SIGN}{second}",
                    a,
                    key_label(first, a, bands),
                    b,
                    key_label(second, b, bands),
                    count,
                ]


def _with_flags(report: Report) -> Iterator[list[Any]]:
    for row in report_rows(report):
        suppressed = row[-1] is None or (row[0] == "total" and report.total is None)
        yield [*row[:-1], "" if row[-1] is None else row[-1], "yes" if suppressed else "no"]


def report_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    writer.writerows(_with_flags(report))
    return buffer.getvalue()


def report_xlsx(report: Report) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    if sheet is None:  # a new workbook always has its first sheet
        sheet = workbook.create_sheet()
    sheet.title = "statistics"
    sheet.append(CSV_HEADER)
    for row in _with_flags(report):
        sheet.append(row)
    words = workbook.create_sheet("narrative")
    for language, text in report.narrative.items():
        words.append([language, text])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def report_text(report: Report, language: str = "en") -> str:
    lines = [report.narrative.get(language, ""), ""]
    total = report.total if report.total is not None else _("suppressed")
    lines.append(f"{_('All persons')}: {total}")
    for dimension in report.query.by:
        lines.append("")
        lines.append(str(DIMENSION_LABELS[dimension]))
        for key in report.keys[dimension]:
            count = report.breakdowns[dimension].get(key)
            shown = _("suppressed") if count is None else count
            lines.append(f"  {key:<24} {shown}")
    return "\n".join(lines) + "\n"


def export_audited(*, actor: Any, report: Report, export_format: str, via: str) -> None:
    """Write the audit entry of an export: who, which figures, exact or published."""
    query = report.query
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditEntry.Action.EXPORT,
            target_type="statistics.report",
            target_label=f"statistics {query.date_from}..{query.date_to}",
            detail={
                "via": via,
                "format": export_format,
                "from": query.date_from.isoformat(),
                "to": query.date_to.isoformat(),
                "status": query.status,
                "decided_by": query.decided_by or "",
                "by": ",".join(query.by),
                "age_bands": query.age_bands,
                "public": int(report.public),
            },
        )
