from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterchangeConfig(AppConfig):
    """Victim records in and out in others' formats: the HTCDS CSV import of historical records
    from other systems, and the k-anonymous CTDC export."""

    name = "strehe.interchange"
    verbose_name = _("Data interchange")
