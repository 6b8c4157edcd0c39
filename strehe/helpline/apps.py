from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelplineConfig(AppConfig):
    name = "strehe.helpline"
    verbose_name = _("Helpline")
