from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "strehe.audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from . import checks, signals  # noqa: F401  (registers the deploy check, connects receivers)
