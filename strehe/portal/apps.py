from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "strehe.portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from .caching import connect_content_signals

        connect_content_signals()
