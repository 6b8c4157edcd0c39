from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "strehe.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Registers the key check (a system check; nothing here touches the database).
        from . import keys

        post_migrate.connect(
            keys.write_canaries_after_migrate, sender=self, dispatch_uid="strehe_key_canaries"
        )
