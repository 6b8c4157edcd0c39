"""Where imported records came from, so that importing the same file again adds nothing."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strehe.cases.models import Case


class ImportRun(models.Model):
    """One run of `strehe import-htcds`: which file, from which source, how many rows."""

    source = models.CharField(_("source"), max_length=200)
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    rows_imported = models.PositiveIntegerField(_("rows imported"), default=0)
    rows_already_imported = models.PositiveIntegerField(_("rows imported before"), default=0)
    rows_invalid = models.PositiveIntegerField(_("invalid rows skipped"), default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return self.audit_label

    @property
    def audit_label(self) -> str:
        return f"import-{self.pk} {self.source}"[:100]


class ImportedRecord(models.Model):
    """A case made from a record of another system: the source and the record's own id there.

    The pair is unique, so a record is imported once however often its file is.
    """

    run = models.ForeignKey(
        ImportRun, on_delete=models.PROTECT, related_name="records", verbose_name=_("import run")
    )
    source = models.CharField(_("source"), max_length=200)
    external_id = models.CharField(_("id in the source"), max_length=100)
    case = models.OneToOneField(
        Case, on_delete=models.PROTECT, related_name="imported_from", verbose_name=_("case")
    )

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="interchange_record_once_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.external_id}"
